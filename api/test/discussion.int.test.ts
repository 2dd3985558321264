// Discussion (#22 item 4) through GraphQL on a real database: comments on a notice, a decision
// and a held meeting, seen by exactly those who see the subject (to anyone else the thread does
// not exist — the same answer as an unused id); a mention writes one MENTION inbox item per comment
// and person, and mentioning someone who cannot see the thread is refused without saying whether
// they exist; the secretary hides a comment with a reason (its next version) and members then
// read only the reason; each comment is a record whose document proves the text by its SHA-256.
import { createHash, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { apiKeyFor, sessionFor } from './fixtures.js';
import { codeOf, ok, type Caller, type GqlResponse } from './harness.js';
import { apiSuite } from './suite.js';

const { h, fx, as } = apiSuite({ sessions: ['admin', 'leader', 'secretary', 'member', 'otherSecretary'], others: ['member2', 'member3', 'partner', 'partnerNoNotice'] });

const COMMENT = 'id version subjectType subjectId body bodySha256 hiddenAt hiddenReason canHide mine author { accountId name } mentions { accountId name }';
const POST = `mutation($input: PostCommentInput!) { postComment(input: $input) { ${COMMENT} } }`;
const HIDE = `mutation($id: ID!, $reason: String!) { hideComment(id: $id, reason: $reason) { ${COMMENT} } }`;
const THREAD = `query($t: CommentSubject!, $s: ID!, $first: Int, $after: String) { comments(subjectType: $t, subjectId: $s, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${COMMENT} } } } }`;
const CANDIDATES = `query($t: CommentSubject!, $s: ID!, $q: String) { commentMentionCandidates(subjectType: $t, subjectId: $s, search: $q) { accountId name unitName role } }`;
const INBOX = `{ inbox(first: 50) { edges { node { id kind subjectType subjectId title link doneAt } } } }`;

interface C {
  id: string;
  version: number;
  body: string | null;
  bodySha256: string;
  hiddenAt: string | null;
  hiddenReason: string | null;
  canHide: boolean;
  mine: boolean;
  author: { accountId: string; name: string };
  mentions: { accountId: string; name: string }[];
}
type Thread = { comments: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: C }[] } };
type Item = { id: string; kind: string; subjectType: string; subjectId: string; title: string; link: string; doneAt: string | null };

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
// The test clock stands still unless moved: a second between comments gives each its own time in the thread's order.
const post = (subjectType: string, subjectId: string, body: string, who: Caller, mentions: string[] = []) => {
  h.clock.advance(1000);
  return h.gql<{ postComment: C }>(POST, { input: { subjectType, subjectId, body, mentions } }, who);
};
const thread = (t: string, s: string, who: Caller, first?: number, after?: string | null) => h.gql<Thread>(THREAD, { t, s, first, after }, who);
const mentionsOf = async (who: Caller) => ok(await h.gql<{ inbox: { edges: { node: Item }[] } }>(INBOX, {}, who)).inbox.edges.map((e) => e.node).filter((i) => i.kind === 'MENTION');
const fieldsOf = (res: GqlResponse) => (res.errors?.[0]?.extensions.fields as { field: string; message: string; messageZh: string }[] | undefined) ?? [];

async function memberAccount(name: string, memberId: string, unitId: string) {
  const a = await h.prisma.account.create({ data: { username: name, displayName: name, passwordHash: 'x', role: 'MEMBER', scopeUnitId: unitId, memberId } });
  return { id: a.id, token: await sessionFor(h.prisma, a.id) };
}

describe('discussion', () => {
  let notice = '';
  let first: C;
  let member3Account = '';

  it('a member comments on a notice of their branch and mentions the secretary: one MENTION item, linking to the thread', async () => {
    as.member2.token = (await memberAccount('member2', fx.members.m2.id, fx.units.b1g.id)).token;
    const m3 = await memberAccount('member3', fx.members.m3.id, fx.units.b2.id);
    member3Account = m3.id;
    as.member3.token = m3.token;
    as.partner.apiKey = (await apiKeyFor(h.prisma, fx.units.g1.id, ['Comment:read', 'Notice:read'])).key;
    as.partnerNoNotice.apiKey = (await apiKeyFor(h.prisma, fx.units.g1.id, ['Comment:read'])).key;
    notice = ok(
      await h.gql<{ publishNotice: { id: string } }>(`mutation($i: PublishNoticeInput!) { publishNotice(input: $i) { id } }`, { i: { unitId: fx.units.b1.id, title: '关于开展主题党日活动的通知', body: '请各位党员按时参加。', audience: 'SUBTREE' } }, as.secretary),
    ).publishNotice.id;

    const secretary = fx.accounts.secretary.id;
    // The same person twice, and the author themself, still make one mention.
    first = ok(await post('NOTICE', notice, '  收到，我会按时参加。@secretary 请问地点在哪里？ ', as.member, [secretary, secretary, fx.accounts.member.id])).postComment;
    expect(first).toMatchObject({ version: 1, body: '收到，我会按时参加。@secretary 请问地点在哪里？', mine: true, canHide: false, hiddenAt: null, author: { accountId: fx.accounts.member.id, name: 'member' } });
    expect(first.mentions).toEqual([{ accountId: secretary, name: 'secretary' }]);
    expect(first.bodySha256).toBe(sha256(first.body!));

    const items = await mentionsOf(as.secretary);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ subjectType: 'Notice', subjectId: notice, title: '关于开展主题党日活动的通知', link: `/notices/${notice}#comment-${first.id}`, doneAt: null });
    expect(await mentionsOf(as.member)).toHaveLength(0);
    expect(await h.prisma.inboxItem.count({ where: { kind: 'MENTION', key: { startsWith: `MENTION:${first.id}:` } } })).toBe(1);

    // A mention tells: reading it is the end of it.
    const read = ok(await h.gql<{ markInboxRead: Item[] }>(`mutation($ids: [ID!]!) { markInboxRead(ids: $ids) { id doneAt } }`, { ids: [items[0]!.id] }, as.secretary)).markInboxRead;
    expect(read[0]!.doneAt).not.toBeNull();
  });

  it('the comment is a record: its document proves the text by its SHA-256 and does not repeat it', async () => {
    const records = await h.prisma.outboxRecord.findMany({ where: { entityType: 'Comment', entityId: first.id } });
    expect(records).toHaveLength(1);
    type Doc = { record: { version: number; actor: string; data: Record<string, unknown>; proof: { status: string } } };
    const doc = ok(await h.gql<Doc>(`query($id: ID!) { record(type: "Comment", id: $id) { version actor data proof { status } } }`, { id: first.id }, as.member)).record;
    expect(doc).toMatchObject({ version: 1, actor: fx.accounts.member.id });
    expect(doc.data).toMatchObject({ subjectType: 'NOTICE', subjectId: notice, accountId: fx.accounts.member.id, bodySha256: sha256(first.body!), mentionIds: [fx.accounts.secretary.id] });
    expect(doc.data).not.toHaveProperty('body');
    expect(['PENDING', 'ANCHORED']).toContain(doc.proof.status);
    // The object's own proof is the same document.
    const own = ok(await h.gql<{ comment: { proof: { status: string } } }>(`query($id: ID!) { comment(id: $id) { proof { status } } }`, { id: first.id }, as.secretary)).comment;
    expect(own.proof.status).toBe(doc.proof.status);
    // The text is not in the document, so the database ties it to its hash: changing it behind the API's back is refused.
    await expect(h.prisma.$executeRaw`UPDATE comment SET body = '改过的内容' WHERE id = ${first.id}::uuid`).rejects.toThrow(/comment_body_sha256/);
  });

  it('the thread is seen by those who see the notice, and by nobody else: to them it does not exist', async () => {
    for (const who of [as.member, as.member2, as.secretary, as.leader, as.admin, as.partner]) {
      const t = ok(await thread('NOTICE', notice, who)).comments;
      expect(t.edges.map((e) => e.node.id)).toEqual([first.id]);
    }
    const outsider = await thread('NOTICE', notice, as.member3);
    const unused = await thread('NOTICE', randomUUID(), as.member3);
    expect(codeOf(outsider)).toBe('NOT_FOUND');
    expect(codeOf(unused)).toBe('NOT_FOUND');
    expect(outsider.errors![0]!.message.replace(notice, 'ID')).toBe(unused.errors![0]!.message.replace(/[0-9a-f-]{36}/, 'ID'));
    expect(codeOf(await thread('NOTICE', notice, as.otherSecretary))).toBe('NOT_FOUND');
    // A partner key needs the subject's read scope as well as Comment:read.
    expect(codeOf(await thread('NOTICE', notice, as.partnerNoNotice))).toBe('NOT_FOUND');
    // Nor can an outsider comment, or reach the comment by its id.
    expect(codeOf(await post('NOTICE', notice, '我也想说', as.member3))).toBe('NOT_FOUND');
    expect(codeOf(await h.gql(`query($id: ID!) { comment(id: $id) { id } }`, { id: first.id }, as.member3))).toBe('NOT_FOUND');
    expect(codeOf(await thread('NOTICE', notice, as.anonymous))).toBe('UNAUTHENTICATED');
  });

  it('mentioning someone who cannot see the thread is refused, in the same words as an account that does not exist', async () => {
    const before = await h.prisma.comment.count();
    const outside = await post('NOTICE', notice, '请王五也看看', as.member, [member3Account]);
    const unknown = await post('NOTICE', notice, '请王五也看看', as.member, [randomUUID()]);
    expect(codeOf(outside)).toBe('BAD_USER_INPUT');
    expect(codeOf(unknown)).toBe('BAD_USER_INPUT');
    const [o, u] = [fieldsOf(outside)[0]!, fieldsOf(unknown)[0]!];
    expect(o.field).toBe('input.mentions');
    expect(o.message.replace(member3Account, 'ID')).toBe(u.message.replace(/[0-9a-f-]{36}/, 'ID'));
    expect(o.messageZh).toMatch(/无法查看本讨论/);
    expect(await h.prisma.comment.count()).toBe(before);
    expect(await mentionsOf(as.member3)).toHaveLength(0);
    // Someone who can see it (a member of the branch's group) can be mentioned.
    const m2 = await h.prisma.account.findUniqueOrThrow({ where: { username: 'member2' } });
    ok(await post('NOTICE', notice, '李四也来看看', as.member, [m2.id]));
    expect(await mentionsOf(as.member2)).toHaveLength(1);
  });

  it('offers to mention only people who can see the thread, staff first', async () => {
    const names = ok(await h.gql<{ commentMentionCandidates: { name: string; role: string }[] }>(CANDIDATES, { t: 'NOTICE', s: notice }, as.member)).commentMentionCandidates.map((c) => c.name);
    expect(names[0]).toBe('secretary');
    expect(names).toEqual(expect.arrayContaining(['secretary', 'leader', 'admin', 'member2']));
    expect(names).not.toContain('member3');
    expect(names).not.toContain('secretary3');
    expect(names).not.toContain('member');
    const found = ok(await h.gql<{ commentMentionCandidates: { name: string }[] }>(CANDIDATES, { t: 'NOTICE', s: notice, q: 'member2' }, as.member)).commentMentionCandidates;
    expect(found.map((c) => c.name)).toEqual(['member2']);
    expect(codeOf(await h.gql(CANDIDATES, { t: 'NOTICE', s: notice }, as.member3))).toBe('NOT_FOUND');
  });

  it('the secretary hides a comment with a reason (its next version); members read the reason, not the text', async () => {
    expect(codeOf(await h.gql(HIDE, { id: first.id, reason: '与主题无关' }, as.member))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(HIDE, { id: first.id, reason: '与主题无关' }, as.leader))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(HIDE, { id: first.id, reason: '与主题无关' }, as.otherSecretary))).toBe('NOT_FOUND');
    expect(fieldsOf(await h.gql(HIDE, { id: first.id, reason: ' ' }, as.secretary)).map((f) => f.field)).toEqual(['reason']);
    expect(ok(await thread('NOTICE', notice, as.secretary)).comments.edges[0]!.node.canHide).toBe(true);

    const hidden = ok(await h.gql<{ hideComment: C }>(HIDE, { id: first.id, reason: '含个人联系方式' }, as.secretary)).hideComment;
    expect(hidden).toMatchObject({ id: first.id, version: 2, hiddenReason: '含个人联系方式', body: first.body, canHide: false });
    expect(hidden.hiddenAt).not.toBeNull();
    const again = await h.gql(HIDE, { id: first.id, reason: '另一个理由' }, as.secretary);
    expect(codeOf(again)).toBe('COMMENT_ALREADY_HIDDEN');

    const forMember = ok(await thread('NOTICE', notice, as.member)).comments.edges[0]!.node;
    expect(forMember).toMatchObject({ id: first.id, body: null, hiddenReason: '含个人联系方式', canHide: false });
    expect(ok(await thread('NOTICE', notice, as.leader)).comments.edges[0]!.node.body).toBeNull();
    expect(ok(await thread('NOTICE', notice, as.admin)).comments.edges[0]!.node.body).toBe(first.body);

    // The hiding is a record too: version 2, by the secretary, with the reason and still no text.
    type H = { history: { edges: { node: { version: number; actor: string; data: Record<string, unknown> } }[] } };
    const versions = ok(await h.gql<H>(`query($id: ID!) { history(type: "Comment", id: $id, first: 5) { edges { node { version actor data } } } }`, { id: first.id }, as.secretary)).history.edges.map((e) => e.node);
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(versions[1]).toMatchObject({ actor: fx.accounts.secretary.id, data: { hiddenReason: '含个人联系方式', hiddenById: fx.accounts.secretary.id, bodySha256: sha256(first.body!) } });
    expect(versions[1]!.data).not.toHaveProperty('body');
  });

  it('pages a thread oldest first', async () => {
    for (const n of [1, 2, 3]) ok(await post('NOTICE', notice, `第 ${n} 条`, as.member2));
    const p1 = ok(await thread('NOTICE', notice, as.member, 2)).comments;
    expect(p1.totalCount).toBe(5);
    expect(p1.pageInfo.hasNextPage).toBe(true);
    const p2 = ok(await thread('NOTICE', notice, as.member, 2, p1.pageInfo.endCursor)).comments;
    const p3 = ok(await thread('NOTICE', notice, as.member, 2, p2.pageInfo.endCursor)).comments;
    expect(p3.pageInfo.hasNextPage).toBe(false);
    const bodies = [...p1.edges, ...p2.edges, ...p3.edges].map((e) => e.node.body);
    expect(bodies).toEqual([null, '李四也来看看', '第 1 条', '第 2 条', '第 3 条']);
  });

  it('a decision is discussed by its branch; a meeting only once it has been held', async () => {
    const decision = ok(
      await h.gql<{ createDecision: { id: string } }>(`mutation($i: CreateDecisionInput!) { createDecision(input: $i) { id } }`, { i: { orgUnitId: fx.units.b1.id, title: '关于加强学习的决议', content: '每月集中学习一次。', decidedOn: '2026-03-10' } }, as.secretary),
    ).createDecision.id;
    const c = ok(await post('DECISION', decision, '赞成，建议固定在每月第一周。', as.member, [fx.accounts.secretary.id])).postComment;
    expect(ok(await thread('DECISION', decision, as.secretary)).comments.edges.map((e) => e.node.id)).toEqual([c.id]);
    expect((await mentionsOf(as.secretary)).find((i) => i.subjectId === decision)).toMatchObject({ subjectType: 'Decision', link: `/decisions/${decision}#comment-${c.id}` });
    expect(codeOf(await thread('DECISION', decision, as.member3))).toBe('NOT_FOUND');
    expect(codeOf(await post('DECISION', decision, '我也说一句', as.member3))).toBe('NOT_FOUND');

    const now = h.clock.now.getTime();
    const iso = (ms: number) => new Date(now + ms).toISOString();
    const DAY = 24 * 3600_000;
    const planned = ok(
      await h.gql<{ planMeeting: { id: string } }>(`mutation($i: PlanMeetingInput!) { planMeeting(input: $i) { id } }`, { i: { unitId: fx.units.b1.id, kind: 'BRANCH_COMMITTEE', title: '支委会', agenda: '研究发展党员', place: '会议室', startsAt: iso(3 * DAY), endsAt: iso(3 * DAY + 90 * 60_000) } }, as.secretary),
    ).planMeeting.id;
    ok(await h.gql(`mutation($id: ID!) { publishMeeting(id: $id) { id } }`, { id: planned }, as.secretary));
    const early = await post('MEETING', planned, '期待', as.member);
    expect(codeOf(early)).toBe('MEETING_NOT_HELD');
    expect(early.errors![0]!.extensions.messageZh).toMatch(/会议结束后才能发表评论/);

    const held = ok(
      await h.gql<{ recordPastMeeting: { id: string; status: string } }>(`mutation($i: PastMeetingInput!) { recordPastMeeting(input: $i) { id status } }`, { i: { unitId: fx.units.b1.id, kind: 'BRANCH_COMMITTEE', title: '上周支委会', minutes: '研究了发展党员工作。', startsAt: iso(-7 * DAY), endsAt: iso(-7 * DAY + 90 * 60_000) } }, as.secretary),
    ).recordPastMeeting;
    expect(held.status).toBe('COMPLETED');
    const m = ok(await post('MEETING', held.id, '会议很有收获。', as.member)).postComment;
    expect(ok(await thread('MEETING', held.id, as.member2)).comments.edges.map((e) => e.node.id)).toEqual([m.id]);
    expect(codeOf(await post('MEETING', held.id, '我也参加了', as.member3))).toBe('NOT_FOUND');
    // A partner key cannot comment: comments are written by people.
    expect(codeOf(await post('MEETING', held.id, '合作方', as.partner))).toBe('FORBIDDEN');
  });
});
