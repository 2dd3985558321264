// Live updates (#22 item 6) on a real database: GET /events is authenticated like /graphql (no
// credentials or a bad token: 401 with the usual code and reason), and a stream hears of a change
// only when its caller may see the subject — the member whose inbox a reminder lands in, the
// secretary over the notice's branch when a member confirms it — while a member of another
// branch hears nothing; a partner key hears of notices only with "Notice:read"; a statement
// writing many inbox items tells every inbox once without naming anyone (and an e-mail mark,
// nobody). A principal holds a bounded number of streams, and stopping the server ends the open
// streams at once (graceful stop still works).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { createLive } from '../src/modules/live/stream.js';
import { apiKeyFor, createFixture, sessionFor } from './fixtures.js';
import { ok, startHarness, type Caller } from './harness.js';
import { apiSuite } from './suite.js';

const { h, fx, as } = apiSuite({ sessions: ['secretary', 'member', 'otherSecretary'], others: ['member3'] });

const PUBLISH = `mutation($input: PublishNoticeInput!) { publishNotice(input: $input) { id } }`;
const REMIND = `mutation($id: ID!) { remindNotice(id: $id) { reminded } }`;
const ACK = `mutation($id: ID!) { acknowledgeNotice(id: $id) { id acknowledgedAt } }`;
const INBOX = `{ inbox(open: true) { edges { node { id kind subjectId } } } inboxCounts { open } }`;
const MARK = `mutation($ids: [ID!]!) { markInboxRead(ids: $ids) { id readAt } }`;

interface Heard {
  event: string;
  data: Record<string, unknown>;
}

interface Stream {
  status: number;
  body: { errors?: { message: string; extensions: { code: string; messageZh?: string } }[] } | null;
  heard: Heard[];
  ended: () => boolean;
  /** Resolves with the first event named `event` (matching `pred`) heard after the first `from` events. */
  waitFor(event: string, pred?: (data: Record<string, unknown>) => boolean, from?: number, ms?: number): Promise<Heard>;
  close(): void;
}

const open: Stream[] = [];
afterAll(() => {
  for (const s of open) s.close();
});

function headersOf(who: Caller): Record<string, string> {
  const headers: Record<string, string> = { accept: 'text/event-stream' };
  if (who.token) headers.authorization = `Bearer ${who.token}`;
  if (who.apiKey) headers['x-api-key'] = who.apiKey;
  return headers;
}

async function listen(who: Caller, url = h.url): Promise<Stream> {
  const ctrl = new AbortController();
  const res = await fetch(`${url}/events`, { headers: headersOf(who), signal: ctrl.signal });
  const heard: Heard[] = [];
  let ended = false;
  let body: Stream['body'] = null;
  if (res.status === 200) {
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    void (async () => {
      const decoder = new TextDecoder();
      let buf = '';
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buf += decoder.decode(chunk, { stream: true });
        let cut: number;
        while ((cut = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, cut);
          buf = buf.slice(cut + 2);
          const name = /^event: (.+)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (name) heard.push({ event: name, data: data ? (JSON.parse(data) as Record<string, unknown>) : {} });
        }
      }
    })()
      .catch(() => undefined)
      .finally(() => {
        ended = true;
      });
  } else {
    body = (await res.json()) as Stream['body'];
    ended = true;
  }
  const s: Stream = {
    status: res.status,
    body,
    heard,
    ended: () => ended,
    async waitFor(event, pred = () => true, from = 0, ms = 10_000) {
      const deadline = Date.now() + ms;
      for (;;) {
        const found = heard.slice(from).find((e) => e.event === event && pred(e.data));
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no "${event}" event within ${ms} ms; heard: ${JSON.stringify(heard)}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    close: () => ctrl.abort(),
  };
  if (res.status === 200) {
    open.push(s);
    await s.waitFor('ready');
  }
  return s;
}

const settle = () => new Promise((r) => setTimeout(r, 600));
const names = (s: Stream) => s.heard.map((e) => e.event).filter((e) => e !== 'ready');

describe('live events', () => {
  let member: Stream;
  let secretary: Stream;
  let outsider: Stream;
  let noticeId = '';

  it('refuses a stream without credentials, or with a token that is not valid, as /graphql does', async () => {
    const none = await listen({});
    expect(none.status).toBe(401);
    expect(none.body?.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect(none.body?.errors?.[0]?.extensions.messageZh).toBeTruthy();
    const bad = await listen({ token: 'ljs_not-a-session' });
    expect(bad.status).toBe(401);
    expect(bad.body?.errors?.[0]?.message).toMatch(/not valid — sign in again/);
  });

  it('a published notice tells its audience, and the reminder lands in the member’s inbox live; another branch’s member hears nothing', async () => {
    const m3 = await h.prisma.account.create({ data: { username: 'member3', displayName: 'member3', passwordHash: 'x', role: 'MEMBER', scopeUnitId: fx.units.b2.id, memberId: fx.members.m3.id } });
    as.member3.token = await sessionFor(h.prisma, m3.id);
    member = await listen(as.member);
    secretary = await listen(as.secretary);
    outsider = await listen(as.member3);

    noticeId = ok(await h.gql<{ publishNotice: { id: string } }>(PUBLISH, { input: { unitId: fx.units.b1.id, title: '关于开展主题党日活动的通知', body: '请按时参加。', audience: 'SUBTREE' } }, as.secretary)).publishNotice.id;
    await member.waitFor('notices');
    await member.waitFor('notice', (d) => d.id === noticeId);
    await secretary.waitFor('notice', (d) => d.id === noticeId);

    const before = member.heard.length;
    expect(ok(await h.gql<{ remindNotice: { reminded: number } }>(REMIND, { id: noticeId }, as.secretary)).remindNotice.reminded).toBeGreaterThan(0);
    await member.waitFor('inbox', undefined, before);
    // The item is there for the page to fetch when it refetches.
    const inbox = ok(await h.gql<{ inbox: { edges: { node: { id: string; kind: string; subjectId: string } }[] } }>(INBOX, {}, as.member)).inbox;
    expect(inbox.edges.some((e) => e.node.kind === 'NOTICE_REMINDER' && e.node.subjectId === noticeId)).toBe(true);

    await settle();
    expect(names(outsider)).toEqual([]);
  });

  it('the member confirms it: the secretary’s stream hears of that notice, the member’s own counts change, the outsider hears nothing', async () => {
    const heardBefore = secretary.heard.length;
    const mineBefore = member.heard.length;
    ok(await h.gql(ACK, { id: noticeId }, as.member));
    await secretary.waitFor('notice', (d) => d.id === noticeId, heardBefore);
    // Confirming is the member's own receipt (their unread count, this notice) and cleared the reminder (inbox).
    await member.waitFor('notices', undefined, mineBefore);
    await member.waitFor('notice', (d) => d.id === noticeId, mineBefore);
    await member.waitFor('inbox', undefined, mineBefore);
    await settle();
    // The secretary is not the reader: no unread count of theirs changed by it.
    expect(secretary.heard.slice(heardBefore).map((e) => e.event)).not.toContain('notices');
    await settle();
    expect(names(outsider)).toEqual([]);
  });

  it('marking an item read is heard by its owner only', async () => {
    const items = ok(await h.gql<{ inbox: { edges: { node: { id: string } }[] } }>(`{ inbox { edges { node { id } } } }`, {}, as.member)).inbox.edges;
    expect(items.length).toBeGreaterThan(0);
    const secretaryBefore = secretary.heard.length;
    const before = member.heard.length;
    ok(await h.gql(MARK, { ids: [items[0]!.node.id] }, as.member));
    await member.waitFor('inbox', undefined, before);
    await settle();
    expect(secretary.heard.slice(secretaryBefore).map((e) => e.event)).not.toContain('inbox');
    expect(names(outsider)).toEqual([]);
  });

  it('a statement writing more than 100 items (reminder generation, the digest) tells every open inbox once, without naming anyone', async () => {
    // Written as the reminder generator and the e-mail sender write them: one statement each.
    const owner = fx.accounts.otherSecretary.id;
    const keys = Array.from({ length: 101 }, (_, i) => `LIVE_TEST:${owner}:${i}`);
    const from = [member.heard.length, outsider.heard.length];
    await h.prisma.inboxItem.createMany({ data: keys.map((key, i) => ({ accountId: owner, kind: 'STEP_DUE', subjectType: 'Member', subjectId: String(i), key, title: `第 ${i} 项` })) });
    await member.waitFor('inbox', (d) => Object.keys(d).length === 0, from[0]);
    await outsider.waitFor('inbox', undefined, from[1]);
    // Only e-mailed: nothing on screen changed, nobody is told.
    await settle();
    const quiet = [member.heard.length, outsider.heard.length];
    await h.prisma.inboxItem.updateMany({ where: { key: { in: keys } }, data: { emailedAt: new Date() } });
    await settle();
    expect([member.heard.length, outsider.heard.length]).toEqual(quiet);
    await h.prisma.inboxItem.updateMany({ where: { key: { in: keys } }, data: { doneAt: new Date() } });
    await outsider.waitFor('inbox', undefined, quiet[1]);
  });

  it('a partner key hears of a notice in its subtree only with the scope its notices query needs', async () => {
    const withScope = await listen({ apiKey: (await apiKeyFor(h.prisma, fx.units.g1.id, ['Notice:read'])).key });
    const without = await listen({ apiKey: (await apiKeyFor(h.prisma, fx.units.g1.id, ['Member:read'])).key });
    expect([withScope.status, without.status]).toEqual([200, 200]);
    const id = ok(await h.gql<{ publishNotice: { id: string } }>(PUBLISH, { input: { unitId: fx.units.b1.id, title: '关于缴纳党费的通知', body: '请按时缴纳。', audience: 'SUBTREE' } }, as.secretary)).publishNotice.id;
    await withScope.waitFor('notice', (d) => d.id === id);
    await settle();
    expect(names(without).filter((e) => e !== 'anchored')).toEqual([]);
    // A key has no inbox and no notices of its own.
    expect(names(withScope)).not.toContain('notices');
  });

  it('holds at most 6 streams per account; a closed one frees its place', async () => {
    const token = await sessionFor(h.prisma, fx.accounts.otherSecretary.id);
    const tabs: Stream[] = [];
    for (let i = 0; i < 6; i++) tabs.push(await listen({ token }));
    expect(tabs.map((t) => t.status)).toEqual([200, 200, 200, 200, 200, 200]);
    // Another session of the same account counts too: the limit is per person, not per sign-in.
    const seventh = await listen(as.otherSecretary);
    expect(seventh.status).toBe(429);
    expect(seventh.body?.errors?.[0]?.extensions.code).toBe('RATE_LIMITED');
    expect(seventh.body?.errors?.[0]?.extensions.messageZh).toContain('实时更新连接');
    // Other accounts are not affected.
    expect((await listen(as.secretary)).status).toBe(200);
    tabs[0]!.close();
    const deadline = Date.now() + 5000;
    let again = await listen(as.otherSecretary);
    while (again.status !== 200 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      again = await listen(as.otherSecretary);
    }
    expect(again.status).toBe(200);
  });

  it('stopping the server ends the open streams at once', async () => {
    const other = await startHarness();
    const token = await sessionFor(other.prisma, (await createFixture(other.prisma)).accounts.member.id);
    const s = await listen({ token }, other.url);
    expect(s.status).toBe(200);
    const t0 = Date.now();
    await other.close();
    expect(Date.now() - t0).toBeLessThan(4000);
    const deadline = Date.now() + 2000;
    while (!s.ended() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    expect(s.ended()).toBe(true);
  });
});

describe('a stream that stays open', () => {
  it('hears a heartbeat, and ends once its session is signed out, as the next query would be refused', async () => {
    // The stream itself with short intervals (the server's are 25 s and a minute).
    const live = createLive({ prisma: h.prisma, config: h.config, databaseUrl: h.dbUrl, heartbeatMs: 100, recheckMs: 300 });
    const server = createServer((req, res) => void live.handle(req, res, { ip: '127.0.0.1', userAgent: null }));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const token = await sessionFor(h.prisma, fx.accounts.member.id);
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/events`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      const reader = res.body!.getReader();
      const decoder = new TextDecoder();
      let text = '';
      const readUntil = async (pattern: RegExp, ms = 5000) => {
        const deadline = Date.now() + ms;
        while (!pattern.test(text)) {
          if (Date.now() > deadline) throw new Error(`not heard within ${ms} ms: ${pattern}; got ${JSON.stringify(text)}`);
          const { value, done } = await reader.read();
          if (done) return true;
          text += decoder.decode(value, { stream: true });
        }
        return false;
      };
      await readUntil(/: ping\n\n/);
      expect(live.size()).toBe(1);
      ok(await h.gql(`mutation { signOut }`, {}, { token }));
      await readUntil(/event: signed-out\n/);
      // …and the stream ends there.
      expect(await readUntil(/never/, 3000)).toBe(true);
      expect(live.size()).toBe(0);
    } finally {
      await live.close();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});
