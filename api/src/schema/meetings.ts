// Organisational life (三会一课、主题党日): types, queries, mutations and the compliance report.
// The rules live in ../meetings (cadence.ts holds the RULES table).
import '../meetings/schema-types.js';
import '../meetings/schema-operations.js';
