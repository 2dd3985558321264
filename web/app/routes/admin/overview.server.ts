// Server side of overview.tsx: its loader and actions and the GraphQL documents they send.
import { data } from 'react-router';
import type { Route } from './+types/overview';
import { assertSameOrigin, requireAccount, rethrowForPage } from '../../lib/auth.server';
import { ApiError } from '../../lib/graphql.server';
import { readIndexerHealth } from '../../lib/indexer.server';
import { PAGE_ROLES } from '../../lib/roles';
import { graphql } from '../../graphql';
import type { ActionResult } from './overview';

const KEYS = graphql(`query Keys {
  apiKeys(first: 100, includeRevoked: true) { totalCount edges { node { id name prefix scopes createdAt lastUsedAt expiresAt revokedAt unit { id name } } } }
  orgUnits(first: 100, maxDepth: 2) { edges { node { id name level } } }
  partnerScopes
}`);

const CREATE = graphql(`mutation CreateKey($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { id name prefix } } }`);

const REVOKE = graphql(`mutation RevokeKey($id: ID!) { revokeApiKey(id: $id) { id name revokedAt } }`);

export async function loader({ request }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.admin);
  const [keys, health] = await Promise.all([
    ctx.query(KEYS),
    readIndexerHealth(),
  ]);
  return { keys: keys.apiKeys.edges.map((e) => e.node), units: keys.orgUnits.edges.map((e) => e.node), scopes: keys.partnerScopes, health };
}

export async function action({ request }: Route.ActionArgs) {
  assertSameOrigin(request);
  const ctx = await requireAccount(request, PAGE_ROLES.admin);
  const form = await request.formData();
  const intent = form.get('intent');
  try {
    if (intent === 'create') {
      // One checkbox per grantable scope (each posts "scopes"); a typed list still splits on spaces and commas.
      const scopes = form
        .getAll('scopes')
        .flatMap((v) => String(v).split(/[\s,]+/))
        .map((s) => s.trim())
        .filter(Boolean);
      const expires = String(form.get('expiresAt') ?? '').trim();
      const input = {
        name: String(form.get('name') ?? '').trim(),
        unitId: String(form.get('unitId') ?? ''),
        scopes,
        ...(expires ? { expiresAt: new Date(`${expires}T23:59:59.999+08:00`).toISOString() } : {}),
      };
      const r = await ctx.call(CREATE, { input });
      return data<ActionResult>({ ok: true, created: { name: r.createApiKey.apiKey.name, key: r.createApiKey.key, prefix: r.createApiKey.apiKey.prefix } });
    }
    if (intent === 'revoke') {
      const r = await ctx.call(REVOKE, { id: String(form.get('id') ?? '') });
      return data<ActionResult>({ ok: true, revoked: r.revokeApiKey.name });
    }
    throw data({ code: 'BAD_USER_INPUT', message: `Unknown action "${String(intent)}".`, messageZh: `未知操作“${String(intent)}”。` }, { status: 400 });
  } catch (error) {
    if (error instanceof ApiError && (error.status === 400 || error.status === 409)) {
      return data<ActionResult>({ ok: false, error: error.payload(), fields: error.fields }, { status: error.status });
    }
    return rethrowForPage(error, request, ctx.session);
  }
}
