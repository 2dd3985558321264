// The analytics reads and the rollup refresh, for the analytics benchmark (bench/analytics).
export * from './dashboard.js';
export { foldRollups, refreshAnalytics, refreshDueItems } from './refresh.js';
