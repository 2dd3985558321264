// Committees (班子与任期): a unit's leadership for each term, its positions and holders, and the
// terms ending soon (换届) as due items. Rules: ../terms.ts; writes: ../service.ts.
import './types.js';
import './queries.js';
import './mutations.js';
