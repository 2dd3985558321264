// @lianjian/api: the GraphQL API. `startApi` runs it; the rest is for tools, benchmarks and the
// tests outside this package (fixtures: national-id numbers, session tokens).
export { startApi, type RunningApi } from './start-api.js';
export { configFromEnv, defaultConfig, type ApiConfig } from './shared/config.js';
export { builder } from './graphql/builder.js';
export type { Context } from './shared/context.js';
export { ErrorCode } from './shared/errors.js';
export { hashNationalId, makeNationalId } from './modules/members/national-id.js';
export { newSessionToken } from './modules/auth/tokens.js';
