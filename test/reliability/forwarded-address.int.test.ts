// The per-address sign-in limit behind the web server: the API takes the client address from
// X-Lianjian-Client-Ip only when the request also carries the forward secret it was started with
// (LIANJIAN_FORWARD_SECRET, shared with the web server). Without it, or with a wrong one, the
// header is ignored and the limit keys on the connection's own address, so a client calling the
// API directly cannot dodge the limit by naming other addresses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixture } from '../../api/test/fixtures.js';
import { startHarness, type Harness } from '../../api/test/harness.js';

const SECRET = 'forward-secret-for-this-test-0123456789';
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ forwardSecret: SECRET, trustProxy: false, ipMaxFailures: 3, maxFailedAttempts: 100 });
  await createFixture(h.prisma);
});
afterAll(() => h?.close());

const SIGN_IN = `mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { __typename } }`;

async function signIn(headers: Record<string, string>, user = 'nobody'): Promise<string | null> {
  const res = await fetch(`${h.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: SIGN_IN, variables: { u: user, p: 'wrong password' } }),
  });
  const body = (await res.json()) as { errors?: { extensions: { code: string } }[] };
  return body.errors?.[0]?.extensions.code ?? null;
}

const via = (ip: string, secret = SECRET) => ({ 'x-lianjian-forward-secret': secret, 'x-lianjian-client-ip': ip });

describe('client address forwarded by the web server', () => {
  it('limits each forwarded browser address on its own', async () => {
    for (let i = 0; i < 3; i++) expect(await signIn(via('203.0.113.7'))).toBe('UNAUTHENTICATED');
    expect(await signIn(via('203.0.113.7'))).toBe('RATE_LIMITED');
    // Another browser behind the same web server is not punished for the first one.
    expect(await signIn(via('203.0.113.8'))).toBe('UNAUTHENTICATED');
    expect(await signIn(via('2001:db8::1'))).toBe('UNAUTHENTICATED');
  });

  it('ignores the address header without the secret, with a wrong one, or when it is not an address', async () => {
    // All of these count against the connection's own address (127.0.0.1).
    expect(await signIn({ 'x-lianjian-client-ip': '198.51.100.1' })).toBe('UNAUTHENTICATED');
    expect(await signIn(via('198.51.100.2', 'not-the-secret'))).toBe('UNAUTHENTICATED');
    expect(await signIn(via('not an address'))).toBe('UNAUTHENTICATED');
    expect(await signIn({ 'x-lianjian-client-ip': '198.51.100.3' })).toBe('RATE_LIMITED');
    expect(await signIn({ 'x-forwarded-for': '198.51.100.4' })).toBe('RATE_LIMITED'); // trustProxy is off
    // The forwarded addresses are still judged separately.
    expect(await signIn(via('203.0.113.9'))).toBe('UNAUTHENTICATED');
  });
});
