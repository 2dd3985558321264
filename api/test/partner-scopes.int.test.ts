// partnerScopes: the web's scope checkboxes list exactly what createApiKey accepts (PARTNER_SCOPES),
// and only an administrator may read the list.
import { describe, expect, it } from 'vitest';
import { PARTNER_SCOPES } from '../src/graphql/scopes.js';
import { sessionFor } from './fixtures.js';
import { codeOf, ok } from './harness.js';
import { apiSuite } from './suite.js';

const { h, fx } = apiSuite();

describe('partnerScopes', () => {
  it('lists every grantable scope to an administrator, each of which createApiKey accepts', async () => {
    const admin = { token: await sessionFor(h.prisma, fx.accounts.admin.id) };
    const scopes = ok(await h.gql<{ partnerScopes: string[] }>('{ partnerScopes }', {}, admin)).partnerScopes;
    expect(scopes).toEqual([...PARTNER_SCOPES]);
    expect(scopes).toEqual(expect.arrayContaining(['Member:read', 'OrgUnit:read', 'Analytics:read', 'Member:contact']));
    const created = ok(
      await h.gql<{ createApiKey: { apiKey: { scopes: string[] } } }>(
        'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { scopes } } }',
        { input: { name: 'all listed', scopes, unitId: fx.units.g1.id } },
        admin,
      ),
    );
    expect(created.createApiKey.apiKey.scopes).toEqual(scopes);
  });

  it('is refused to a leader', async () => {
    const leader = { token: await sessionFor(h.prisma, fx.accounts.leader.id) };
    expect(codeOf(await h.gql('{ partnerScopes }', {}, leader))).toBe('FORBIDDEN');
  });
});
