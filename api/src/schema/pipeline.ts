// Member development (../pipeline/RULES.md): types, the pipeline fields of Member,
// step mutations and the due list. The rules live in ../pipeline (pure engine).
import './pipeline-types.js';
import './pipeline-mutations.js';
import './pipeline-due.js';
