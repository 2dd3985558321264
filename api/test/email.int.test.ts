// E-mail of inbox items (issue #22) to a real SMTP server (smtp-server on a free port) that the
// test reads: a person who chose IMMEDIATE gets one mail per item, one who chose DIGEST one mail
// with all of them, a server that refuses the recipient is tried again with a growing delay and
// the message is then FAILED with the server's words (without the address) in the log. No
// subject names a member.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { freePort } from '@lianjian/db/postgres';
import { generateReminders } from '../src/modules/inbox/reminders/index.js';
import { queueEmails, sendQueued } from '../src/modules/inbox/email/index.js';
import type { SmtpConfig } from '../src/shared/config.js';
import { sessionFor } from './fixtures.js';
import { ok, type Caller } from './harness.js';
import { apiSuite } from './suite.js';

const WEB = 'http://web.test';
const port = await freePort();
const smtp: SmtpConfig = { host: '127.0.0.1', port, secure: false, from: 'Lianjian <no-reply@lianjian.test>' };

const { h, fx, as } = apiSuite({ sessions: ['secretary', 'otherSecretary', 'admin'], others: ['bouncer'], config: { smtp, webUrl: WEB } });

interface Mail { to: string[]; subject: string; body: string }
const received: Mail[] = [];

/** RFC 2047 words (=?UTF-8?B?…?= / ?Q?) of an unfolded header, back to text. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_m, _charset: string, enc: string, text: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_x, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8'),
    );
}

/** The subject and text of a single-part message as nodemailer writes it. */
function parse(raw: Buffer): { subject: string; body: string } {
  const text = raw.toString('latin1');
  const split = text.indexOf('\r\n\r\n');
  const head = text.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1]?.trim() ?? '';
  let body = text.slice(split + 4);
  const cte = header('Content-Transfer-Encoding').toLowerCase();
  if (cte === 'base64') body = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  else if (cte === 'quoted-printable') body = Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_x, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8');
  else body = Buffer.from(body, 'latin1').toString('utf8');
  return { subject: decodeWords(header('Subject')), body: body.replace(/\r\n/g, '\n') };
}

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onRcptTo(address, _session, callback) {
    // This server refuses one mailbox, as a real one refuses an unknown user.
    if (address.address.startsWith('bounce')) {
      const err = Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 });
      return callback(err);
    }
    callback();
  },
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => {
      received.push({ to: session.envelope.rcptTo.map((r) => r.address), ...parse(Buffer.concat(chunks)) });
      callback();
    });
  },
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const SET_EMAIL = `mutation($email: String) { setMyEmail(email: $email) { email } }`;
const SET_MODE = `mutation($kind: InboxKind!, $mode: EmailMode!) { setEmailPreference(kind: $kind, mode: $mode) { preferences { kind mode } } }`;
const RECORD = `mutation($memberId: ID!, $occurredOn: Date!) { recordDevelopmentStep(memberId: $memberId, step: APPLICATION, occurredOn: $occurredOn) { step { id } } }`;

/** Applicants of a unit, their application recorded by its secretary, so a talk falls due for each. */
async function applicants(unitId: string, names: string[], secretary: Caller): Promise<string[]> {
  const ids: string[] = [];
  for (const name of names) {
    h.clock.now = new Date();
    const created = await h.gql<{ createMember: { id: string } }>(
      `mutation($input: CreateMemberInput!) { createMember(input: $input) { id } }`,
      { input: { orgUnitId: unitId, name, gender: 'MALE', birthDate: '1999-01-10', ethnicity: '汉族', education: 'BACHELOR', appliedOn: '2021-03-01' } },
      as.admin,
    );
    const id = ok(created).createMember.id;
    h.clock.now = new Date('2021-03-01T04:00:00Z');
    ok(await h.gql(RECORD, { memberId: id, occurredOn: '2021-03-01' }, secretary));
    ids.push(id);
  }
  return ids;
}

async function choose(who: Caller, email: string, mode: 'IMMEDIATE' | 'DIGEST'): Promise<void> {
  ok(await h.gql(SET_EMAIL, { email }, who));
  ok(await h.gql(SET_MODE, { kind: 'STEP_DUE', mode }, who));
}

const NAMES = { b1: ['周一', '吴二', '郑三'], b3: ['冯四', '陈五', '褚六'], b2: ['卫七'] };
const allNames = Object.values(NAMES).flat();
let b1Ids: string[];

beforeAll(async () => {
  const bouncerId = (await h.prisma.account.create({ data: { username: 'b2secretary', displayName: 'b2secretary', passwordHash: 'unused', role: 'SECRETARY', scopeUnitId: fx.units.b2.id } })).id;
  as.bouncer.token = await sessionFor(h.prisma, bouncerId);
  // The choices come first: IMMEDIATE mails the items that arrive after it is chosen.
  await choose(as.secretary, 'secretary@example.com', 'IMMEDIATE');
  await choose(as.otherSecretary, 'other@example.com', 'DIGEST');
  await choose(as.bouncer, 'bounce@example.com', 'IMMEDIATE');
  b1Ids = await applicants(fx.units.b1.id, NAMES.b1, as.secretary);
  await applicants(fx.units.b3.id, NAMES.b3, as.otherSecretary);
  await applicants(fx.units.b2.id, NAMES.b2, as.bouncer);
  h.clock.now = new Date('2021-03-22T04:00:00Z');
  const run = await generateReminders(h.prisma, h.clock.now);
  expect(run.counts.STEP_DUE?.created).toBe(7);
});

describe('e-mail of reminders', () => {
  let sent: Awaited<ReturnType<typeof sendQueued>>;

  beforeAll(async () => {
    const queued = await queueEmails(h.prisma, h.clock.now, WEB);
    expect(queued).toEqual({ immediate: 4, digests: 1 });
    sent = await sendQueued(h.prisma, smtp, h.clock.now, { maxAttempts: 3, backoffMs: 1000 });
  });

  it('sends one mail per item to who chose IMMEDIATE, each with its link', () => {
    const mine = received.filter((m) => m.to.includes('secretary@example.com'));
    expect(mine).toHaveLength(3);
    for (const m of mine) {
      expect(m.subject).toBe('链建提醒：发展步骤到期 / Lianjian: a development step due');
      expect(m.body.match(/http:\/\/web\.test\/members\/[0-9a-f-]{36}/g)).toHaveLength(1);
    }
    expect(mine.map((m) => NAMES.b1.find((n) => m.body.includes(n))).sort()).toEqual([...NAMES.b1].sort());
    for (const id of b1Ids) expect(mine.some((m) => m.body.includes(`${WEB}/members/${id}`))).toBe(true);
  });

  it('sends one digest with every item to who chose DIGEST, and no second one the same day', async () => {
    const digest = received.filter((m) => m.to.includes('other@example.com'));
    expect(digest).toHaveLength(1);
    expect(digest[0]!.subject).toBe('链建每日提醒：3 项待办 / Lianjian daily digest: 3 items to do');
    for (const n of NAMES.b3) expect(digest[0]!.body).toContain(n);
    expect(digest[0]!.body.match(/http:\/\/web\.test\/members\//g)).toHaveLength(3);
    // The items are marked mailed, and the next run queues nothing new for anyone.
    const items = await h.prisma.inboxItem.findMany({ where: { account: { username: 'secretary3' }, kind: 'STEP_DUE' } });
    expect(items).toHaveLength(3);
    expect(items.every((i) => i.emailedAt !== null)).toBe(true);
    expect(await queueEmails(h.prisma, new Date(h.clock.now.getTime() + 3600_000), WEB)).toEqual({ immediate: 0, digests: 0 });
  });

  it('puts no member’s name in any subject', () => {
    expect(received.length).toBe(4);
    for (const m of received) for (const n of [...allNames, fx.members.m1.name, fx.members.m2.name]) expect(m.subject).not.toContain(n);
  });

  it('retries a refused recipient with a growing delay, then fails it with the reason in the log', async () => {
    expect(sent).toEqual({ sent: 4, retried: 1, failed: 0 });
    const t0 = h.clock.now.getTime();
    // Not yet due again: nothing is tried.
    expect(await sendQueued(h.prisma, smtp, new Date(t0 + 500), { maxAttempts: 3, backoffMs: 1000 })).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(await sendQueued(h.prisma, smtp, new Date(t0 + 1000), { maxAttempts: 3, backoffMs: 1000 })).toEqual({ sent: 0, retried: 1, failed: 0 });
    // The second retry waits twice as long.
    expect(await sendQueued(h.prisma, smtp, new Date(t0 + 2500), { maxAttempts: 3, backoffMs: 1000 })).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(await sendQueued(h.prisma, smtp, new Date(t0 + 3000), { maxAttempts: 3, backoffMs: 1000 })).toEqual({ sent: 0, retried: 0, failed: 1 });
    const [msg] = await h.prisma.emailMessage.findMany({ where: { toAddress: 'bounce@example.com' } });
    expect(msg).toMatchObject({ status: 'FAILED', attempts: 3, sentAt: null });
    expect(msg!.lastError).toMatch(/550/);
    expect(msg!.lastError).not.toContain('bounce@example.com');
    const item = await h.prisma.inboxItem.findFirstOrThrow({ where: { id: msg!.itemIds[0] } });
    expect(item.emailedAt).toBeNull();
    // A failed message is not queued again behind the person's back.
    expect((await queueEmails(h.prisma, new Date(t0 + 4000), WEB)).immediate).toBe(0);
    expect(received.some((m) => m.to.includes('bounce@example.com'))).toBe(false);
  });
});
