// The analytics reads and the rollup refresh, for the analytics benchmark (bench/analytics).
export * from './dashboard.js';
export { foldRollups, refreshAnalytics, refreshDueItems } from './refresh.js';
// The dashboard's dues figures and a request context to call them with, for the dues benchmark
// (bench/dues): it times the resolver's own function, not a copy of it.
export { summary as duesSummary } from '../dues/reads.js';
export { createContext } from '../../shared/context.js';
export type { Principal } from '../../shared/principal.js';
