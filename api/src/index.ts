// @lianjian/api: the GraphQL API. `startApi` runs it; `schema` and `builder` are for tools and
// tests; the pipeline's schema files extend `builder`.
export { startApi, type RunningApi } from './server.js';
export { configFromEnv, defaultConfig, type ApiConfig } from './config.js';
export { builder } from './builder.js';
export type { Context } from './context.js';
export { ErrorCode } from './errors.js';
export { hashNationalId } from './members/national-id.js';
