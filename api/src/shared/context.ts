// The per-request GraphQL context. Resolvers read the caller from `principal`, the database
// from `prisma` (one client per process) and batch through `loaders` (one set per request).
import type { PrismaClient } from '@lianjian/db';
import type { Principal } from './principal.js';
import type { ApiConfig } from './config.js';
import { createLoaders, type Loaders } from './loaders.js';

export interface Context {
  /** The process's Prisma client; mutations open transactions on it. */
  prisma: PrismaClient;
  config: ApiConfig;
  /** The authenticated caller: an account session, a partner API key, or anonymous. */
  principal: Principal;
  /** Per-request DataLoaders (proofs, unit paths): a page of rows costs a constant number of queries. */
  loaders: Loaders;
  /** The client address (for per-IP sign-in limits) and user agent (stored on sessions). */
  request: { ip: string; userAgent: string | null };
}

export interface ContextDeps {
  prisma: PrismaClient;
  config: ApiConfig;
}

export function createContext(deps: ContextDeps, principal: Principal, request: Context['request']): Context {
  return { ...deps, principal, request, loaders: createLoaders(deps.prisma, deps.config) };
}
