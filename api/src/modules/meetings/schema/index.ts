// Organisational life (三会一课、主题党日): types, queries, mutations and the compliance report.
// The rules live in this module (cadence.ts holds the RULES table).
import './types.js';
import './operations.js';
