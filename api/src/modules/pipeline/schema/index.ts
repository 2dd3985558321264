// Member development (../pipeline/RULES.md): types, the pipeline fields of Member,
// step mutations and the due list. The rules live in ../pipeline (pure engine).
import './types.js';
import './mutations.js';
import './due.js';
import './levels.js';
