// Oversight (issue 19 deliverable 5): a level's read-only view of the work waiting across its
// subtree, one child unit a row, drilling down to a branch's own items. Figures: ../service.ts;
// who may look: ../access.ts.
import './types.js';
import './queries.js';
