// The one Pothos SchemaBuilder of the API, with every plugin configured. Each module's schema
// (modules/<module>/schema/) adds its types to it; src/schema.ts imports them all and builds the
// schema.
//
// Context: see shared/context.ts — `ctx.prisma`, `ctx.principal` (account, partner or anonymous),
// `ctx.loaders` (DataLoaders: `proof`, `orgUnit`), `ctx.config`, `ctx.request`.
//
// Auth scopes (plugin-scope-auth; use in `authScopes: { … }` on types and fields):
//   signedIn         any account session (not a partner key)
//   staff            an ADMIN, LEADER or SECRETARY account
//   writer           an ADMIN or SECRETARY account (the roles that run workflows)
//   admin            an ADMIN account
//   role: Role       an account with exactly this role
//   read: 'Type'     any account, or a partner key holding the scope "Type:read"
//   partner: 'scope' a partner key holding this scope
// Row-level rules (subtree, own records) are in auth/access.ts: scope checks say *who* may ask,
// access.ts says *which rows* they see. Denials are errors (codes in errors.ts), never empties.
import SchemaBuilder from '@pothos/core';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { dmmf, type Role } from '@lianjian/db';
import type PrismaTypes from '../generated/prisma-types.js';
import type { Context } from '../shared/context.js';
import { scopeLoaders, unauthorizedError } from './scopes.js';

export interface AuthScopes {
  signedIn: boolean;
  staff: boolean;
  writer: boolean;
  admin: boolean;
  role: Role;
  read: string;
  partner: string;
}

export type Scalars = {
  DateTime: { Input: Date; Output: Date | string };
  Date: { Input: Date; Output: Date | string };
  JSON: { Input: unknown; Output: unknown };
};

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  AuthScopes: AuthScopes;
  Scalars: Scalars;
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
}>({
  plugins: [ScopeAuthPlugin, PrismaPlugin, RelayPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    // Type scopes (row-level checks) run once per object, not before each of its fields.
    runScopesOnType: true,
    authScopes: scopeLoaders,
    unauthorizedError,
  },
  prisma: {
    client: (ctx) => ctx.prisma,
    dmmf,
    exposeDescriptions: false,
    filterConnectionTotalCount: true,
    onUnusedQuery: process.env.NODE_ENV === 'production' ? null : 'warn',
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodeQueryOptions: false,
    nodesQueryOptions: false,
    edgesFieldOptions: { nullable: false },
    nodeFieldOptions: { nullable: false },
  },
});

/** The builder's schema types, for helpers that are handed a field builder (`t`). */
export type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
