// Discussion (评论): threads on notices, decisions and held meetings, with mentions that notify and
// hiding by the unit's secretary. Rules: ../service.ts and ../access.ts.
import './types.js';
import './queries.js';
import './mutations.js';
