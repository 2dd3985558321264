// Dues (党费): bases, hardship decisions, payments, arrears cases and remittances, each a
// verifiable record; the member's statement, the subtree summary (on the analytics dashboard
// too: analytics/schema/dues.ts) and the finance office's CSV. Rules: @lianjian/rules/dues; writes: ../service.ts.
import './types.js';
import './queries.js';
import './mutations.js';
