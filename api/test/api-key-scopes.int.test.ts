// Partner keys are granted exactly the scopes the API checks: every scope in PARTNER_SCOPES can be
// issued through createApiKey (the list the checks themselves are held to, see auth/scopes.ts),
// and a key so issued opens what its scope names — "Analytics:read" once could not be issued.
import { describe, expect, it } from 'vitest';
import { PARTNER_SCOPES } from '../src/graphql/scopes.js';
import { codeOf, ok } from './harness.js';
import { apiSuite } from './suite.js';

const { h, fx, as: { admin } } = apiSuite({ sessions: ['admin'] });

const CREATE = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { scopes } } }`;
const issue = (scopes: string[]) => h.gql<{ createApiKey: { key: string; apiKey: { scopes: string[] } } }>(CREATE, { input: { name: 'partner', scopes, unitId: fx.units.g1.id } }, admin);

describe('createApiKey scopes', () => {
  it('issues "Analytics:read", and the key so issued reads the dashboard of its subtree', async () => {
    const created = ok(await issue(['Analytics:read'])).createApiKey;
    expect(created.apiKey.scopes).toEqual(['Analytics:read']);
    const q = `{ analytics { unitName } }`;
    expect(ok(await h.gql<{ analytics: { unitName: string } }>(q, {}, { apiKey: created.key })).analytics.unitName).toBe(fx.units.g1.name);
  });

  it('issues every scope some check asks for, in one key', async () => {
    expect(PARTNER_SCOPES).toEqual(expect.arrayContaining(['Analytics:read', 'Member:contact', 'Member:read', 'Decision:read']));
    expect(ok(await issue([...PARTNER_SCOPES])).createApiKey.apiKey.scopes).toEqual([...PARTNER_SCOPES]);
  });

  it('still refuses a scope nothing checks, naming it', async () => {
    const res = await issue(['Member:read', 'Analytics:write']);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    const fields = res.errors![0]!.extensions.fields as { field: string; message: string; messageZh: string }[];
    expect(fields.map((f) => f.field)).toEqual(['input.scopes']);
    expect(fields[0]!.message).toContain('Analytics:write');
    expect(fields[0]!.messageZh).toContain('Analytics:write');
  });
});
