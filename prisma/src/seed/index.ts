export { seed, seedDemo, SeedError, type SeedOptions, type SeedResult } from './run.js';
export type { DemoAccount } from './accounts.js';
export { BASE_DATE } from './dates.js';
