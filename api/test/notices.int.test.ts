// Notices (#22 item 1) through GraphQL on a real database: a notice reaches its audience (a
// subtree, roles, chosen members) and nobody else — to anyone else it does not exist; the
// reader's receipt is a record, read then confirmed; the publisher counts and lists who has not
// confirmed and reminds them once a day; withdrawing ends it; a decision is published by its unit.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { apiKeyFor, sessionFor } from './fixtures.js';
import { codeOf, ok, type GqlResponse } from './harness.js';
import { apiSuite } from './suite.js';

const { h, fx, as } = apiSuite({ sessions: ['admin', 'leader', 'secretary', 'member', 'otherSecretary'], others: ['member2', 'member3', 'partner'] });

const PUBLISH = `mutation($input: PublishNoticeInput!) { publishNotice(input: $input) { id version title audience withdrawnAt } }`;
const MINE = `query($unread: Boolean) { myNotices(unread: $unread) { totalCount edges { node { id title unitName myReceipt { readAt acknowledgedAt version } } } } unreadNoticeCount }`;
const ONE = `query($id: ID!) { notice(id: $id) { id title stats { audience read acknowledged } notAcknowledged(first: 10) { edges { node { accountId name readAt } } } } }`;
const READ = `mutation($id: ID!) { markNoticeRead(id: $id) { id version readAt acknowledgedAt } }`;
const ACK = `mutation($id: ID!) { acknowledgeNotice(id: $id) { id version readAt acknowledgedAt } }`;
const REMIND = `mutation($id: ID!) { remindNotice(id: $id) { reminded notice { id version remindedAt } } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawNotice(id: $id) { id version withdrawnAt } }`;

type Mine = { myNotices: { totalCount: number; edges: { node: { id: string; unitName: string; myReceipt: { readAt: string; acknowledgedAt: string | null; version: number } | null } }[] }; unreadNoticeCount: number };
type One = { notice: { id: string; stats: { audience: number; read: number; acknowledged: number } | null; notAcknowledged: { edges: { node: { accountId: string; name: string } }[] } } };

const publish = (input: Record<string, unknown>, who = as.secretary) => h.gql<{ publishNotice: { id: string; version: number } }>(PUBLISH, { input: { title: '关于开展主题党日活动的通知', body: '请各位党员按时参加。', ...input } }, who);
const mine = (who = as.member, unread?: boolean) => h.gql<Mine>(MINE, { unread }, who).then(ok);
const idsOf = (m: Mine) => m.myNotices.edges.map((e) => e.node.id);
const fieldsOf = (res: GqlResponse) => (res.errors?.[0]?.extensions.fields as { field: string; message: string }[] | undefined) ?? [];

async function memberAccount(name: string, memberId: string, unitId: string) {
  const a = await h.prisma.account.create({ data: { username: name, displayName: name, passwordHash: 'x', role: 'MEMBER', scopeUnitId: unitId, memberId } });
  return { id: a.id, token: await sessionFor(h.prisma, a.id) };
}

describe('notices', () => {
  let subtree = '';
  let m2Account = '';

  it('a notice to a branch’s subtree reaches its members and its groups’ members, and nobody outside', async () => {
    const m2 = await memberAccount('member2', fx.members.m2.id, fx.units.b1g.id);
    m2Account = m2.id;
    as.member2.token = m2.token;
    as.member3.token = (await memberAccount('member3', fx.members.m3.id, fx.units.b2.id)).token;
    as.partner.apiKey = (await apiKeyFor(h.prisma, fx.units.g1.id, ['Notice:read'])).key;

    subtree = ok(await publish({ unitId: fx.units.b1.id, audience: 'SUBTREE' })).publishNotice.id;
    for (const who of [as.member, as.member2, as.secretary]) {
      const m = await mine(who);
      expect(idsOf(m)).toContain(subtree);
      expect(m.unreadNoticeCount).toBe(1);
    }
    // A member in a group reads the name of the branch that published it, though not the branch itself.
    expect((await mine(as.member2)).myNotices.edges.find((e) => e.node.id === subtree)?.node).toMatchObject({ unitName: fx.units.b1.name });
    expect(idsOf(await mine(as.member3))).not.toContain(subtree);
    expect((await mine(as.member3)).unreadNoticeCount).toBe(0);
    // Publishing wrote the notice's record.
    expect(await h.prisma.outboxRecord.count({ where: { entityType: 'Notice', entityId: subtree } })).toBe(1);
  });

  it('to anyone outside its audience and scope the notice does not exist: the same answer as an unused id', async () => {
    const outsider = await h.gql(ONE, { id: subtree }, as.member3);
    const unused = await h.gql(ONE, { id: randomUUID() }, as.member3);
    expect(codeOf(outsider)).toBe('NOT_FOUND');
    expect(codeOf(unused)).toBe('NOT_FOUND');
    expect(outsider.errors![0]!.message.replace(subtree, 'ID')).toBe(unused.errors![0]!.message.replace(/[0-9a-f-]{36}/, 'ID'));
    expect(codeOf(await h.gql(ONE, { id: subtree }, as.otherSecretary))).toBe('NOT_FOUND');
    expect(codeOf(await h.gql(READ, { id: subtree }, as.member3))).toBe('NOT_FOUND');
    // Staff over the publishing unit and a partner key of g1 with "Notice:read" follow it.
    expect(ok(await h.gql<One>(ONE, { id: subtree }, as.leader)).notice.id).toBe(subtree);
    expect(ok(await h.gql<One>(ONE, { id: subtree }, as.partner)).notice.stats).not.toBeNull();
  });

  it('reading then confirming writes the receipt and its next version; the publisher counts both', async () => {
    const read = ok(await h.gql<{ markNoticeRead: { id: string; version: number; acknowledgedAt: string | null } }>(READ, { id: subtree }, as.member)).markNoticeRead;
    expect(read).toMatchObject({ version: 1, acknowledgedAt: null });
    // Opening it again changes nothing.
    expect(ok(await h.gql<{ markNoticeRead: { id: string; version: number } }>(READ, { id: subtree }, as.member)).markNoticeRead).toMatchObject({ id: read.id, version: 1 });
    expect((await mine(as.member, true)).myNotices.totalCount).toBe(0);
    const acked = ok(await h.gql<{ acknowledgeNotice: { id: string; version: number; acknowledgedAt: string } }>(ACK, { id: subtree }, as.member)).acknowledgeNotice;
    expect(acked.id).toBe(read.id);
    expect(acked.version).toBe(2);
    expect(acked.acknowledgedAt).not.toBeNull();
    const versions = await h.prisma.outboxRecord.findMany({ where: { entityType: 'NoticeReceipt', entityId: read.id }, orderBy: { version: 'asc' } });
    expect(versions.map((v) => v.version)).toEqual([1, 2]);

    const one = ok(await h.gql<One>(ONE, { id: subtree }, as.secretary)).notice;
    // secretary (b1), member (b1), member2 (b1g): three accounts in b1's subtree.
    expect(one.stats).toEqual({ audience: 3, read: 1, acknowledged: 1 });
    expect(one.notAcknowledged.edges.map((e) => e.node.name).sort()).toEqual(['member2', 'secretary']);
    // A reader is not told the publisher's figures.
    expect(ok(await h.gql<One>(ONE, { id: subtree }, as.member)).notice.stats).toBeNull();
  });

  it('parallel confirmations by one reader write one receipt', async () => {
    const results = await Promise.all(Array.from({ length: 6 }, () => h.gql<{ acknowledgeNotice: { id: string } }>(ACK, { id: subtree }, as.member2)));
    const ids = new Set(results.map((r) => ok(r).acknowledgeNotice.id));
    expect(ids.size).toBe(1);
    expect(await h.prisma.noticeReceipt.count({ where: { noticeId: subtree, accountId: m2Account } })).toBe(1);
  });

  it('reminds those who have not confirmed with an inbox item each, once a day, and their confirming ends it', async () => {
    const reminded = ok(await h.gql<{ remindNotice: { reminded: number; notice: { remindedAt: string } } }>(REMIND, { id: subtree }, as.secretary)).remindNotice;
    expect(reminded.reminded).toBe(1); // the secretary: member and member2 have confirmed
    const again = await h.gql(REMIND, { id: subtree }, as.secretary);
    expect(codeOf(again)).toBe('NOTICE_REMINDED_RECENTLY');
    expect(again.errors![0]!.extensions.nextAt).toBeTruthy();
    const items = await h.prisma.inboxItem.findMany({ where: { kind: 'NOTICE_REMINDER', subjectId: subtree } });
    expect(items.map((i) => i.accountId)).toEqual([fx.accounts.secretary.id]);
    ok(await h.gql(ACK, { id: subtree }, as.secretary));
    expect((await h.prisma.inboxItem.findFirstOrThrow({ where: { id: items[0]!.id } })).doneAt).not.toBeNull();
    // Another level's secretary may not remind for b1.
    expect(codeOf(await h.gql(REMIND, { id: subtree }, as.otherSecretary))).toBe('NOT_FOUND');
  });

  it('a notice to roles reaches those roles’ accounts in the subtree only', async () => {
    const id = ok(await publish({ unitId: fx.units.root.id, audience: 'ROLES', roles: ['SECRETARY'] }, as.admin)).publishNotice.id;
    expect(idsOf(await mine(as.secretary))).toContain(id);
    expect(idsOf(await mine(as.otherSecretary))).toContain(id);
    expect(idsOf(await mine(as.member))).not.toContain(id);
    expect(idsOf(await mine(as.leader))).not.toContain(id);
    const noRole = await publish({ unitId: fx.units.b1.id, audience: 'ROLES' });
    expect(codeOf(noRole)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(noRole).map((f) => f.field)).toEqual(['input.roles']);
  });

  it('a notice to chosen members reaches them alone; members outside the unit are refused without saying why', async () => {
    const id = ok(await publish({ unitId: fx.units.b1.id, audience: 'MEMBERS', memberIds: [fx.members.m1.id] })).publishNotice.id;
    expect(idsOf(await mine(as.member))).toContain(id);
    expect(idsOf(await mine(as.member2))).not.toContain(id);
    expect(codeOf(await h.gql(ACK, { id }, as.member2))).toBe('NOT_FOUND');
    const elsewhere = await publish({ unitId: fx.units.b1.id, audience: 'MEMBERS', memberIds: [fx.members.m4.id] });
    const nobody = await publish({ unitId: fx.units.b1.id, audience: 'MEMBERS', memberIds: [randomUUID()] });
    expect(codeOf(elsewhere)).toBe('BAD_USER_INPUT');
    const words = (r: GqlResponse) => fieldsOf(r)[0]!.message.replace(/[0-9a-f-]{36}/g, 'ID');
    expect(words(elsewhere)).toBe(words(nobody));
    // Nothing was written by the refusals.
    expect(await h.prisma.notice.count({ where: { audience: 'MEMBERS' } })).toBe(1);
  });

  it('only an ADMIN or a SECRETARY over the unit publishes; a partner key has no notices of its own', async () => {
    expect(codeOf(await publish({ unitId: fx.units.b1.id, audience: 'SUBTREE' }, as.otherSecretary))).toBe('FORBIDDEN');
    expect(codeOf(await publish({ unitId: fx.units.b1.id, audience: 'SUBTREE' }, as.member))).toBe('FORBIDDEN');
    expect(codeOf(await publish({ unitId: fx.units.b1.id, audience: 'SUBTREE' }, as.leader))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(MINE, {}, as.partner))).toBe('FORBIDDEN');
    const bad = await publish({ unitId: fx.units.b1.id, audience: 'SUBTREE', title: 'x', body: '' });
    expect(fieldsOf(bad).map((f) => f.field).sort()).toEqual(['input.body', 'input.title']);
    // Staff who follow a unit's notices read them, but only those addressed confirm.
    expect(codeOf(await h.gql(ACK, { id: subtree }, as.leader))).toBe('FORBIDDEN');
  });

  it('a withdrawn notice stays on view, marked, leaves the unread count and can no longer be confirmed', async () => {
    const id = ok(await publish({ unitId: fx.units.b1.id, audience: 'SUBTREE', title: '撤回测试通知' })).publishNotice.id;
    const before = (await mine(as.member2)).unreadNoticeCount;
    const withdrawn = ok(await h.gql<{ withdrawNotice: { version: number; withdrawnAt: string } }>(WITHDRAW, { id }, as.secretary)).withdrawNotice;
    expect(withdrawn.version).toBe(2);
    expect((await mine(as.member2)).unreadNoticeCount).toBe(before - 1);
    expect(idsOf(await mine(as.member2))).toContain(id);
    expect(codeOf(await h.gql(ACK, { id }, as.member2))).toBe('NOTICE_WITHDRAWN');
  });

  it('a decision is made public by the unit that took it, not by another', async () => {
    const decision = ok(
      await h.gql<{ createDecision: { id: string } }>(`mutation($input: CreateDecisionInput!) { createDecision(input: $input) { id } }`, {
        input: { orgUnitId: fx.units.b1.id, title: '关于党务公开的决议', content: '支部每月更新一次党务公开栏。', decidedOn: '2026-11-20' },
      }, as.secretary),
    ).createDecision;
    const published = ok(await publish({ unitId: fx.units.b1.id, audience: 'SUBTREE', title: '党务公开：关于党务公开的决议', decisionId: decision.id }));
    expect(ok(await h.gql<{ notice: { decision: { id: string } } }>(`query($id: ID!) { notice(id: $id) { decision { id } } }`, { id: published.publishNotice.id }, as.member)).notice.decision.id).toBe(decision.id);
    const fromAbove = await publish({ unitId: fx.units.g1.id, audience: 'SUBTREE', decisionId: decision.id }, as.admin);
    expect(fieldsOf(fromAbove).map((f) => f.field)).toEqual(['input.decisionId']);
  });
});
