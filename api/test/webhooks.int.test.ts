// Partner webhooks (#22 item 7) against the real API and a real receiver: a partner key registers
// an endpoint for kinds within its scopes (others are refused with their code), a write through
// the API reaches the receiver signed (HMAC-SHA256 over `timestamp.body`, checked with the
// module's own verifyWebhook and by hand), a 500 is retried with the same event, repeated failures
// disable the endpoint and enabling it sends what waited, and a record outside the key's subtree
// is never delivered. The dispatcher is the API process's own loop, started by start-api.ts from
// the environment set below.
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhook } from '../src/modules/webhooks/index.js';
import { anchorPending, apiKeyFor } from './fixtures.js';
import { codeOf, ok, type GqlResponse } from './harness.js';
import { apiSuite } from './suite.js';

// Before the API starts (apiSuite's beforeAll): a fast loop, fast retries, a low failure limit, and
// the receiver on loopback allowed.
const ENV = {
  LIANJIAN_WEBHOOKS_MS: '100',
  LIANJIAN_WEBHOOKS_RETRY_MS: '200',
  LIANJIAN_WEBHOOKS_MAX_RETRY_MS: '400',
  LIANJIAN_WEBHOOKS_DISABLE_AFTER: '3',
  LIANJIAN_WEBHOOKS_TIMEOUT_MS: '3000',
  LIANJIAN_WEBHOOKS_ALLOW_LOOPBACK: '1',
};
const saved = Object.fromEntries(Object.keys(ENV).map((k) => [k, process.env[k]]));
Object.assign(process.env, ENV);

const { h, fx, as } = apiSuite({ sessions: ['secretary', 'otherSecretary', 'admin'], others: ['partner', 'otherPartner'] });

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

/** The test's receiver: records every request; answers each path from its queue of statuses (then 200, or `always`). */
const receiver = {
  server: null as Server | null,
  base: '',
  got: [] as Received[],
  answers: new Map<string, number[]>(),
  always: new Map<string, number>(),
};

beforeAll(async () => {
  receiver.server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      receiver.got.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() });
      const status = receiver.answers.get(path)?.shift() ?? receiver.always.get(path) ?? 200;
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : 'no');
    });
  });
  await new Promise<void>((resolve) => receiver.server!.listen(0, '127.0.0.1', resolve));
  receiver.base = `http://127.0.0.1:${(receiver.server!.address() as AddressInfo).port}`;
  as.partner.apiKey = (await apiKeyFor(h.prisma, fx.units.g1.id, ['Notice:read', 'Member:read', 'Meeting:read'], 'g1 partner')).key;
  as.otherPartner.apiKey = (await apiKeyFor(h.prisma, fx.units.g1.id, ['Notice:read'], 'other partner')).key;
});
afterAll(async () => {
  await new Promise<void>((resolve) => (receiver.server ? receiver.server.close(() => resolve()) : resolve()));
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

const REGISTER = `mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { secret endpoint { id url kinds status createdAt } } }`;
const ENDPOINTS = `{ webhookEndpoints { id url kinds status disabledReason consecutiveFailures pendingEvents } }`;
const DELIVERIES = `query($id: ID, $after: String, $first: Int) { webhookDeliveries(endpointId: $id, first: $first, after: $after) { totalCount edges { node { eventId kind record { type id version } attempt ok statusCode latencyMs eventStatus } } pageInfo { hasNextPage endCursor } } }`;
const PUBLISH = `mutation($input: PublishNoticeInput!) { publishNotice(input: $input) { id version } }`;

type Registered = { registerWebhook: { secret: string; endpoint: { id: string; url: string; kinds: string[]; status: string } } };
type Endpoint = { id: string; status: string; disabledReason: string | null; consecutiveFailures: number; pendingEvents: number };
type Delivery = { eventId: string; kind: string; record: { type: string; id: string; version: number }; attempt: number; ok: boolean; statusCode: number | null; latencyMs: number; eventStatus: string };
type Deliveries = { webhookDeliveries: { totalCount: number; edges: { node: Delivery }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };

const register = (path: string, kinds: string[], who = as.partner) => h.gql<Registered>(REGISTER, { input: { url: `${receiver.base}${path}`, kinds } }, who);
const publish = async (unitId: string, who = as.secretary, title = '关于开展主题党日活动的通知') =>
  ok(await h.gql<{ publishNotice: { id: string } }>(PUBLISH, { input: { unitId, title, body: '请各位党员按时参加。', audience: 'SUBTREE' } }, who)).publishNotice.id;
const endpoints = async (who = as.partner) => ok(await h.gql<{ webhookEndpoints: Endpoint[] }>(ENDPOINTS, {}, who)).webhookEndpoints;
const deliveries = async (id: string, first = 50) => ok(await h.gql<Deliveries>(DELIVERIES, { id, first }, as.partner)).webhookDeliveries;
const bodyOf = (r: Received) => JSON.parse(r.body) as { id: string; kind: string; occurredAt: string; record: { type: string; id: string; version: number }; unitId: string; batch?: { seq: number; root: string } };

/** Waits until the receiver got what `pick` finds (polling; the dispatcher runs every 100 ms). */
async function arrival(pick: (r: Received[]) => Received | undefined, what: string, ms = 20_000): Promise<Received> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = pick(receiver.got);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`the receiver never got ${what}; it got ${receiver.got.map((r) => `${r.path} ${r.body}`).join('\n')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
const about = (path: string, id: string, kind?: string) => (list: Received[]) => list.find((r) => r.path === path && bodyOf(r).record.id === id && (!kind || bodyOf(r).kind === kind));

async function until<T>(read: () => Promise<T>, done: (v: T) => boolean, what: string, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (done(v)) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const fieldOf = (res: GqlResponse) => res.errors?.[0]?.extensions as Record<string, unknown> | undefined;

const state = { secretA: '', endpointA: '', endpointC: '' };

describe('registering', () => {
  let secretA = '';
  let endpointA = '';

  it('a partner key registers an endpoint for kinds within its scopes; the secret is shown once', async () => {
    const r = ok(await register('/a', ['NOTICE_PUBLISHED', 'MEMBER_CHANGED'])).registerWebhook;
    expect(r.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(r.endpoint).toMatchObject({ url: `${receiver.base}/a`, kinds: ['NOTICE_PUBLISHED', 'MEMBER_CHANGED'], status: 'ACTIVE' });
    secretA = r.secret;
    endpointA = r.endpoint.id;
    const list = await endpoints();
    expect(list.map((e) => e.id)).toEqual([endpointA]);
    // The secret is never readable again.
    expect(codeOf(await h.gql('{ webhookEndpoints { id secret } }', {}, as.partner))).toBe('GRAPHQL_VALIDATION_FAILED');
    state.secretA = secretA;
    state.endpointA = endpointA;
  });

  it('a kind outside the key’s scopes is refused with its code, in both languages, and nothing is registered', async () => {
    const res = await register('/x', ['NOTICE_PUBLISHED', 'DECISION_MADE']);
    expect(codeOf(res)).toBe('WEBHOOK_KIND_OUT_OF_SCOPE');
    expect(res.errors![0]!.message).toContain('Decision:read');
    expect(fieldOf(res)).toMatchObject({ kinds: ['DECISION_MADE'], needs: ['"Decision:read"'] });
    expect(String(fieldOf(res)!.messageZh)).toContain('Decision:read');
    // The other key (Notice:read only) may not follow members either.
    expect(codeOf(await register('/x', ['MEMBER_CHANGED'], as.otherPartner))).toBe('WEBHOOK_KIND_OUT_OF_SCOPE');
    expect((await endpoints()).length).toBe(1);
  });

  it('refuses private-network targets, plain http and credentials in the URL (SSRF)', async () => {
    const tryUrl = (url: string) => h.gql(REGISTER, { input: { url, kinds: ['NOTICE_PUBLISHED'] } }, as.partner);
    for (const url of ['https://10.1.2.3/hook', 'https://192.168.0.5/hook', 'https://169.254.169.254/latest/meta-data', 'https://[fd00::1]/hook', 'https://[::ffff:10.0.0.1]/hook', 'http://partner.example.com/hook', 'https://u:p@partner.example.com/hook', 'not a url']) {
      const res = await tryUrl(url);
      expect(codeOf(res), url).toBe('WEBHOOK_URL_REFUSED');
      expect(String(fieldOf(res)!.messageZh), url).toMatch(/推送地址/);
    }
    expect((await endpoints()).length).toBe(1);
  });

  it('is for partner keys only: an account is refused, and another key does not see the endpoint', async () => {
    expect(codeOf(await h.gql(REGISTER, { input: { url: `${receiver.base}/y`, kinds: ['NOTICE_PUBLISHED'] } }, as.admin))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(ENDPOINTS, {}, as.secretary))).toBe('FORBIDDEN');
    expect(await endpoints(as.otherPartner)).toEqual([]);
    expect(codeOf(await h.gql(`mutation($id: ID!) { disableWebhook(id: $id) { id } }`, { id: endpointA }, as.otherPartner))).toBe('NOT_FOUND');
    expect(codeOf(await h.gql(`mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret } }`, { id: endpointA }, as.otherPartner))).toBe('NOT_FOUND');
  });
});

describe('delivery', () => {
  it('a notice published in the key’s subtree arrives signed, within the replay window, verifiable by the receiver', async () => {
    const notice = await publish(fx.units.b1.id);
    const got = await arrival(about('/a', notice), 'the notice');
    const body = bodyOf(got);
    expect(body).toMatchObject({ kind: 'NOTICE_PUBLISHED', record: { type: 'Notice', id: notice, version: 1 }, unitId: fx.units.b1.id });
    expect(Object.keys(body).sort()).toEqual(['id', 'kind', 'occurredAt', 'record', 'unitId']);
    const ts = got.headers['x-lianjian-timestamp'] as string;
    const sig = got.headers['x-lianjian-signature'] as string;
    expect(got.headers['x-lianjian-event-id']).toBe(body.id);
    expect(got.headers['content-type']).toBe('application/json');
    expect(Math.abs(Date.now() / 1000 - Number(ts))).toBeLessThan(60);
    // By hand, as docs/webhooks.md shows a receiver doing it.
    expect(sig).toBe(`v1=${createHmac('sha256', state.secretA).update(`${ts}.${got.body}`).digest('hex')}`);
    // And with the exported helper: the right secret passes; a wrong secret, a changed body, an old timestamp fail.
    expect(verifyWebhook({ secret: state.secretA, body: got.body, timestamp: ts, signature: sig })).toEqual({ ok: true });
    expect(verifyWebhook({ secret: 'whsec_wrong', body: got.body, timestamp: ts, signature: sig })).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verifyWebhook({ secret: state.secretA, body: got.body.replace('NOTICE', 'NOTIFY'), timestamp: ts, signature: sig })).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verifyWebhook({ secret: state.secretA, body: got.body, timestamp: ts, signature: sig, now: new Date((Number(ts) + 301) * 1000) })).toEqual({ ok: false, reason: 'outside-window' });
    expect(verifyWebhook({ secret: state.secretA, body: got.body, timestamp: null, signature: sig })).toEqual({ ok: false, reason: 'missing-header' });

    const log = await until(() => deliveries(state.endpointA), (d) => d.edges.some((e) => e.node.record.id === notice && e.node.ok), 'the delivery log');
    expect(log.edges.find((e) => e.node.record.id === notice)!.node).toMatchObject({ eventId: body.id, kind: 'NOTICE_PUBLISHED', attempt: 1, ok: true, statusCode: 200, eventStatus: 'DELIVERED' });
  });

  it('a member changed through the API arrives as MEMBER_CHANGED with the new version', async () => {
    const UPDATE = `mutation($id: ID!, $input: UpdateMemberInput!) { updateMember(id: $id, input: $input) { version } }`;
    const v = ok(await h.gql<{ updateMember: { version: number } }>(UPDATE, { id: fx.members.m2.id, input: { occupation: '教师' } }, as.secretary)).updateMember.version;
    const got = await arrival(about('/a', fx.members.m2.id, 'MEMBER_CHANGED'), 'the member change');
    expect(bodyOf(got)).toMatchObject({ kind: 'MEMBER_CHANGED', record: { type: 'Member', id: fx.members.m2.id, version: v }, unitId: fx.units.b1g.id });
    // No personal data: the partner reads the member, with its proof, through its key.
    expect(got.body).not.toContain('李四');
    expect(got.body).not.toContain('教师');
  });

  it('a record outside the key’s subtree is never delivered', async () => {
    const outside = await publish(fx.units.b3.id, as.otherSecretary, '第三党支部通知');
    const later = await publish(fx.units.b1.id);
    // Records are scanned in log order: once the later one arrived, the earlier one was looked at.
    await arrival(about('/a', later), 'the later notice');
    expect(receiver.got.some((r) => r.body.includes(outside))).toBe(false);
    expect(await h.prisma.webhookEvent.count({ where: { entityId: outside } })).toBe(0);
  });

  it('each record version raises its event once, however often the log is scanned', async () => {
    const notice = await publish(fx.units.b1g.id);
    await arrival(about('/a', notice), 'the notice');
    await new Promise((r) => setTimeout(r, 500));
    expect(receiver.got.filter((r) => r.path === '/a' && r.body.includes(notice)).length).toBe(1);
    expect(await h.prisma.webhookEvent.count({ where: { entityId: notice } })).toBe(1);
  });

  it('a 500 is retried with the same event and body until it is delivered, each attempt in the log', async () => {
    receiver.answers.set('/a', [500]);
    const notice = await publish(fx.units.b1.id);
    const log = await until(() => deliveries(state.endpointA), (d) => d.edges.some((e) => e.node.record.id === notice && e.node.ok), 'the retried delivery');
    const attempts = log.edges.filter((e) => e.node.record.id === notice).map((e) => e.node).reverse();
    expect(attempts.map((a) => [a.attempt, a.ok, a.statusCode])).toEqual([
      [1, false, 500],
      [2, true, 200],
    ]);
    expect(attempts[1]!.eventStatus).toBe('DELIVERED');
    const sent = receiver.got.filter((r) => r.path === '/a' && r.body.includes(notice));
    expect(sent).toHaveLength(2);
    expect(sent[0]!.body).toBe(sent[1]!.body);
    expect(sent[0]!.headers['x-lianjian-event-id']).toBe(sent[1]!.headers['x-lianjian-event-id']);
    expect(sent.map((r) => r.headers['x-lianjian-attempt'])).toEqual(['1', '2']);
    // The retry waited for its backoff (200 ms).
    expect(sent[1]!.at - sent[0]!.at).toBeGreaterThanOrEqual(150);
    for (const r of sent) expect(verifyWebhook({ secret: state.secretA, body: r.body, timestamp: r.headers['x-lianjian-timestamp'] as string, signature: r.headers['x-lianjian-signature'] as string }).ok).toBe(true);
  });

  it('pages through the delivery log', async () => {
    const all = await deliveries(state.endpointA, 50);
    expect(all.totalCount).toBeGreaterThanOrEqual(5);
    const first = ok(await h.gql<Deliveries>(DELIVERIES, { id: state.endpointA, first: 2 }, as.partner)).webhookDeliveries;
    expect(first.edges).toHaveLength(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = ok(await h.gql<Deliveries>(DELIVERIES, { id: state.endpointA, first: 2, after: first.pageInfo.endCursor }, as.partner)).webhookDeliveries;
    expect(second.edges.map((e) => e.node)).toEqual(all.edges.slice(2, 4).map((e) => e.node));
    expect(codeOf(await h.gql(DELIVERIES, { id: state.endpointA, first: 2, after: 'bm9wZQ==' }, as.partner))).toBe('BAD_USER_INPUT');
  });
});

describe('failures, disabling and enabling', () => {
  it('repeated failures disable the endpoint; nothing is sent while disabled; enabling it sends what waited', async () => {
    const r = ok(await register('/b', ['NOTICE_PUBLISHED'])).registerWebhook;
    receiver.always.set('/b', 503);
    const notice = await publish(fx.units.b1.id);
    const disabled = await until(endpoints, (l) => l.find((e) => e.id === r.endpoint.id)?.status === 'DISABLED', 'the endpoint to be disabled');
    expect(disabled.find((e) => e.id === r.endpoint.id)).toMatchObject({ status: 'DISABLED', disabledReason: 'FAILURES', consecutiveFailures: 3, pendingEvents: 1 });
    const failed = receiver.got.filter((x) => x.path === '/b').length;
    expect(failed).toBe(3);
    await new Promise((res) => setTimeout(res, 800));
    expect(receiver.got.filter((x) => x.path === '/b').length).toBe(failed);

    receiver.always.delete('/b');
    const enabled = ok(await h.gql<{ enableWebhook: Endpoint }>(`mutation($id: ID!) { enableWebhook(id: $id) { id status consecutiveFailures disabledReason } }`, { id: r.endpoint.id }, as.partner)).enableWebhook;
    expect(enabled).toMatchObject({ status: 'ACTIVE', consecutiveFailures: 0, disabledReason: null });
    const got = await arrival((l) => l.find((x) => x.path === '/b' && x.body.includes(notice) && x.headers['x-lianjian-attempt'] === '4'), 'the waiting notice after enabling');
    expect(verifyWebhook({ secret: r.secret, body: got.body, timestamp: got.headers['x-lianjian-timestamp'] as string, signature: got.headers['x-lianjian-signature'] as string }).ok).toBe(true);
    await until(endpoints, (l) => l.find((e) => e.id === r.endpoint.id)?.pendingEvents === 0, 'the queue to empty');
    expect(codeOf(await h.gql(`mutation($id: ID!) { enableWebhook(id: $id) { id } }`, { id: r.endpoint.id }, as.partner))).toBe('CONFLICT');
  });

  it('a paused endpoint keeps its events; rotating the secret signs the next deliveries with the new one only', async () => {
    const id = state.endpointA;
    ok(await h.gql(`mutation($id: ID!) { disableWebhook(id: $id) { status } }`, { id }, as.partner));
    const notice = await publish(fx.units.b1.id);
    await until(endpoints, (l) => l.find((e) => e.id === id)?.pendingEvents === 1, 'the event to wait');
    const rotated = ok(await h.gql<{ rotateWebhookSecret: { secret: string } }>(`mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret } }`, { id }, as.partner)).rotateWebhookSecret.secret;
    expect(rotated).not.toBe(state.secretA);
    expect(receiver.got.some((r) => r.path === '/a' && r.body.includes(notice))).toBe(false);
    ok(await h.gql(`mutation($id: ID!) { enableWebhook(id: $id) { status } }`, { id }, as.partner));
    const got = await arrival(about('/a', notice), 'the paused notice');
    const check = (secret: string) => verifyWebhook({ secret, body: got.body, timestamp: got.headers['x-lianjian-timestamp'] as string, signature: got.headers['x-lianjian-signature'] as string });
    expect(check(rotated)).toEqual({ ok: true });
    expect(check(state.secretA)).toEqual({ ok: false, reason: 'bad-signature' });
    state.secretA = rotated;
  });
});

describe('meeting published', () => {
  it('a meeting raises MEETING_PUBLISHED once, at the version that publishes it (not when planned, not when cancelled)', async () => {
    ok(await register('/m', ['MEETING_PUBLISHED']));
    const M = 'id version status';
    const startsAt = new Date(Date.now() + 7 * 86400_000);
    const input = { unitId: fx.units.b1.id, kind: 'THEMED_DAY', title: '主题党日', agenda: '学习文件', place: '会议室 301', startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 90 * 60_000).toISOString() };
    const planned = ok(await h.gql<{ planMeeting: { id: string; version: number; status: string } }>(`mutation($input: PlanMeetingInput!) { planMeeting(input: $input) { ${M} } }`, { input }, as.secretary)).planMeeting;
    expect(planned.status).toBe('DRAFT');
    const published = ok(await h.gql<{ publishMeeting: { version: number } }>(`mutation($id: ID!) { publishMeeting(id: $id) { ${M} } }`, { id: planned.id }, as.secretary)).publishMeeting;
    const got = await arrival(about('/m', planned.id), 'the published meeting');
    expect(bodyOf(got)).toMatchObject({ kind: 'MEETING_PUBLISHED', record: { type: 'Meeting', id: planned.id, version: published.version } });
    expect(ok(await h.gql<{ cancelMeeting: { status: string } }>(`mutation($id: ID!) { cancelMeeting(id: $id, reason: "改期") { ${M} } }`, { id: planned.id }, as.secretary)).cancelMeeting.status).toBe('CANCELLED');
    const later = await publish(fx.units.b1.id);
    await arrival(about('/a', later), 'a later notice');
    await new Promise((r) => setTimeout(r, 300));
    expect(receiver.got.filter((r) => r.path === '/m').map((r) => bodyOf(r).record.version)).toEqual([published.version]);
  });
});

describe('record anchored', () => {
  it('a record of a type the key reads, anchored on chain, arrives as RECORD_ANCHORED with its batch', async () => {
    const r = ok(await register('/c', ['RECORD_ANCHORED'])).registerWebhook;
    state.endpointC = r.endpoint.id;
    const notice = await publish(fx.units.b1.id);
    const outside = await publish(fx.units.b3.id, as.otherSecretary, '第三党支部通知二');
    const seq = await anchorPending(h.dbUrl);
    const got = await arrival(about('/c', notice, 'RECORD_ANCHORED'), 'the anchored notice', 30_000);
    const body = bodyOf(got);
    expect(body).toMatchObject({ kind: 'RECORD_ANCHORED', record: { type: 'Notice', id: notice, version: 1 } });
    expect(body.batch!.seq).toBeLessThanOrEqual(seq);
    expect(body.batch!.root).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyWebhook({ secret: r.secret, body: got.body, timestamp: got.headers['x-lianjian-timestamp'] as string, signature: got.headers['x-lianjian-signature'] as string }).ok).toBe(true);
    // Outside the subtree, or of a type the key does not read (the secretaries' sessions, org units): never.
    await new Promise((res) => setTimeout(res, 500));
    const onC = receiver.got.filter((x) => x.path === '/c').map(bodyOf);
    expect(onC.some((b) => b.record.id === outside)).toBe(false);
    for (const b of onC) expect(['Notice', 'Member', 'Meeting']).toContain(b.record.type);
  });

  it('deleting an endpoint removes it with its log', async () => {
    const id = state.endpointC;
    expect(await h.prisma.webhookDelivery.count({ where: { endpointId: id } })).toBeGreaterThan(0);
    expect(ok(await h.gql<{ deleteWebhook: string }>(`mutation($id: ID!) { deleteWebhook(id: $id) }`, { id }, as.partner)).deleteWebhook).toBe(id);
    expect((await endpoints()).map((e) => e.id)).not.toContain(id);
    expect(await h.prisma.webhookDelivery.count({ where: { endpointId: id } })).toBe(0);
  });
});
