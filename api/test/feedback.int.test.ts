// Member feedback through GraphQL on a real database: submission and its validation, the
// status flow SUBMITTED → ACKNOWLEDGED → IN_PROGRESS → RESOLVED → CLOSED (and closing declined
// feedback) with responses, and who sees and handles what.
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT_NAMES, apiKeyFor, sessionFor } from './fixtures.js';
import { codeOf, ok } from './harness.js';
import { apiSuite } from './suite.js';

const { h, fx, as } = apiSuite({ sessions: ACCOUNT_NAMES, others: ['m2', 'secretaryMember', 'partner', 'partnerNoScope'] });

beforeAll(async () => {
  const account = async (username: string, role: 'MEMBER' | 'SECRETARY', memberId: string, scopeUnitId: string) =>
    (await h.prisma.account.create({ data: { username, displayName: username, passwordHash: 'x', role, scopeUnitId, memberId } })).id;
  as.m2 = { token: await sessionFor(h.prisma, await account('m2', 'MEMBER', fx.members.m2.id, fx.units.b1.id)) };
  // b2's secretary is m3, a member of b2.
  as.secretaryMember = { token: await sessionFor(h.prisma, await account('sec-member', 'SECRETARY', fx.members.m3.id, fx.units.b2.id)) };
  as.partner = { apiKey: (await apiKeyFor(h.prisma, fx.units.g1.id, ['MemberFeedback:read'])).key };
  as.partnerNoScope = { apiKey: (await apiKeyFor(h.prisma, fx.units.g1.id, ['Member:read'], 'p2')).key };
});

const FIELDS = 'id version orgUnitId memberId category topic content status submittedAt response respondedById respondedAt';
const SUBMIT = `mutation($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { ${FIELDS} proof { type version } } }`;
const RESPOND = `mutation($id: ID!, $status: FeedbackStatus!, $response: String, $v: Int) { respondToFeedback(id: $id, status: $status, response: $response, expectedVersion: $v) { ${FIELDS} } }`;
const ONE = `query($id: ID!) { feedback(id: $id) { ${FIELDS} } }`;
const LIST = `query($u: ID, $s: FeedbackStatus, $c: FeedbackCategory, $after: String, $first: Int) { memberFeedback(under: $u, status: $s, category: $c, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id status category } } } }`;
const MINE = `query($s: FeedbackStatus) { myFeedback(first: 10, status: $s) { totalCount edges { node { id status response } } } }`;

type Fb = { id: string; version: number; status: string; response: string | null; respondedById: string | null; respondedAt: string | null; orgUnitId: string; memberId: string };
let mainId: string;
let declinedId: string;

describe('submitting feedback', () => {
  const good = { category: 'SUGGESTION', topic: '学习资料更新', content: '建议支部每季度更新一次学习资料，并提供电子版。' };

  it('refuses bad input, naming every field', async () => {
    const res = await h.gql(SUBMIT, { input: { category: 'OPINION', topic: 'x', content: '太短了' } }, as.member);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect((res.errors![0]!.extensions.fields as { field: string }[]).map((f) => f.field)).toEqual(['input.topic', 'input.content']);
    const long = await h.gql(SUBMIT, { input: { ...good, topic: '题'.repeat(101) } }, as.member);
    expect(long.errors![0]!.extensions.fields).toEqual([expect.objectContaining({ field: 'input.topic', message: 'must be at most 100 characters.' })]);
    const control = await h.gql(SUBMIT, { input: { ...good, topic: '换行\n标题' } }, as.member);
    expect(codeOf(control)).toBe('BAD_USER_INPUT');
  });

  it('is for signed-in members with a member record', async () => {
    expect(codeOf(await h.gql(SUBMIT, { input: good }, {}))).toBe('UNAUTHENTICATED');
    expect(codeOf(await h.gql(SUBMIT, { input: good }, as.secretary))).toBe('FORBIDDEN'); // no member record
    expect(codeOf(await h.gql(SUBMIT, { input: good }, as.partner))).toBe('FORBIDDEN');
  });

  it('records the feedback in the author’s unit as version 1', async () => {
    const fb = ok(await h.gql<{ submitFeedback: Fb & { proof: { type: string; version: number } } }>(SUBMIT, { input: good }, as.member)).submitFeedback;
    expect(fb).toMatchObject({ version: 1, status: 'SUBMITTED', orgUnitId: fx.units.b1.id, memberId: fx.members.m1.id, response: null, proof: { type: 'MemberFeedback', version: 1 } });
    mainId = fb.id;
    declinedId = ok(await h.gql<{ submitFeedback: Fb }>(SUBMIT, { input: { category: 'COMPLAINT', topic: '活动场地', content: '活动室太小，希望更换更大的场地。' } }, as.member)).submitFeedback.id;
  });
});

describe('who sees feedback', () => {
  it('the author sees their own items and lists them', async () => {
    expect(ok(await h.gql<{ feedback: Fb }>(ONE, { id: mainId }, as.member)).feedback.id).toBe(mainId);
    expect(ok(await h.gql<{ myFeedback: { totalCount: number } }>(MINE, {}, as.member)).myFeedback.totalCount).toBe(2);
  });

  it('another member of the same unit does not', async () => {
    expect(codeOf(await h.gql(ONE, { id: mainId }, as.m2))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(`query($id: ID!) { record(type: "MemberFeedback", id: $id) { version } }`, { id: mainId }, as.m2))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(LIST, {}, as.m2))).toBe('FORBIDDEN');
    expect(ok(await h.gql<{ myFeedback: { totalCount: number } }>(MINE, {}, as.m2)).myFeedback.totalCount).toBe(0);
  });

  it('staff and scoped partners of the subtree do; others are refused', async () => {
    for (const who of ['secretary', 'leader', 'admin', 'partner'] as const) {
      const list = ok(await h.gql<{ memberFeedback: { totalCount: number } }>(LIST, {}, as[who])).memberFeedback;
      expect(list.totalCount, who).toBe(2);
      expect(ok(await h.gql<{ feedback: Fb }>(ONE, { id: mainId }, as[who])).feedback.id).toBe(mainId);
    }
    expect(codeOf(await h.gql(ONE, { id: mainId }, as.otherSecretary))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(LIST, { u: fx.units.b1.id }, as.otherSecretary))).toBe('FORBIDDEN');
    expect(ok(await h.gql<{ memberFeedback: { totalCount: number } }>(LIST, {}, as.otherSecretary)).memberFeedback.totalCount).toBe(0);
    expect(codeOf(await h.gql(LIST, {}, as.partnerNoScope))).toBe('FORBIDDEN');
  });

  it('filters by status and category, and pages with cursors', async () => {
    const complaints = ok(await h.gql<{ memberFeedback: { totalCount: number; edges: { node: { id: string } }[] } }>(LIST, { c: 'COMPLAINT' }, as.secretary)).memberFeedback;
    expect(complaints.edges.map((e) => e.node.id)).toEqual([declinedId]);
    const p1 = ok(await h.gql<{ memberFeedback: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { id: string } }[] } }>(LIST, { first: 1 }, as.secretary)).memberFeedback;
    expect(p1.pageInfo.hasNextPage).toBe(true);
    const p2 = ok(await h.gql<{ memberFeedback: { pageInfo: { hasNextPage: boolean }; edges: { node: { id: string } }[] } }>(LIST, { first: 1, after: p1.pageInfo.endCursor }, as.secretary)).memberFeedback;
    expect(p2.pageInfo.hasNextPage).toBe(false);
    expect(new Set([...p1.edges, ...p2.edges].map((e) => e.node.id))).toEqual(new Set([mainId, declinedId]));
  });
});

describe('handling feedback', () => {
  it('is refused to the leader, a secretary of another subtree, and members', async () => {
    for (const who of ['leader', 'otherSecretary', 'member', 'm2'] as const) {
      expect(codeOf(await h.gql(RESPOND, { id: mainId, status: 'ACKNOWLEDGED', response: '已收到' }, as[who])), who).toBe('FORBIDDEN');
    }
  });

  it('refuses skipping a status, with the allowed next ones', async () => {
    const res = await h.gql(RESPOND, { id: mainId, status: 'IN_PROGRESS' }, as.secretary);
    expect(codeOf(res)).toBe('CONFLICT');
    expect(res.errors![0]!.extensions).toMatchObject({ status: 'SUBMITTED', allowed: ['ACKNOWLEDGED', 'CLOSED'] });
  });

  it('goes SUBMITTED → ACKNOWLEDGED → IN_PROGRESS → RESOLVED → CLOSED, each a new version', async () => {
    const ack = ok(await h.gql<{ respondToFeedback: Fb }>(RESPOND, { id: mainId, status: 'ACKNOWLEDGED', response: '已收到，支部将研究。', v: 1 }, as.secretary)).respondToFeedback;
    expect(ack).toMatchObject({ version: 2, status: 'ACKNOWLEDGED', response: '已收到，支部将研究。', respondedById: fx.accounts.secretary.id });
    const stale = await h.gql(RESPOND, { id: mainId, status: 'IN_PROGRESS', v: 1 }, as.secretary);
    expect(codeOf(stale)).toBe('CONFLICT');
    expect(stale.errors![0]!.extensions).toMatchObject({ currentVersion: 2, expectedVersion: 1 });
    const prog = ok(await h.gql<{ respondToFeedback: Fb }>(RESPOND, { id: mainId, status: 'IN_PROGRESS' }, as.secretary)).respondToFeedback;
    expect(prog).toMatchObject({ version: 3, status: 'IN_PROGRESS', response: '已收到，支部将研究。' }); // no new response: the last one stays
    const noResponse = await h.gql(RESPOND, { id: mainId, status: 'RESOLVED' }, as.secretary);
    expect(codeOf(noResponse)).toBe('BAD_USER_INPUT');
    expect(noResponse.errors![0]!.extensions.fields).toEqual([expect.objectContaining({ field: 'input.response' })]);
    const done = ok(await h.gql<{ respondToFeedback: Fb }>(RESPOND, { id: mainId, status: 'RESOLVED', response: '已按季度更新学习资料并上传电子版。' }, as.admin)).respondToFeedback;
    expect(done).toMatchObject({ version: 4, status: 'RESOLVED', respondedById: fx.accounts.admin.id });
    expect(done.respondedAt).toBeTruthy();
    const closed = ok(await h.gql<{ respondToFeedback: Fb }>(RESPOND, { id: mainId, status: 'CLOSED', response: '党员确认满意，关闭。' }, as.secretary)).respondToFeedback;
    expect(closed).toMatchObject({ version: 5, status: 'CLOSED' });
    const after = await h.gql(RESPOND, { id: mainId, status: 'IN_PROGRESS' }, as.secretary);
    expect(codeOf(after)).toBe('CONFLICT');
    expect(after.errors![0]!.extensions.allowed).toEqual([]);
  });

  it('resolves acknowledged feedback directly, without passing through IN_PROGRESS', async () => {
    const quick = ok(await h.gql<{ submitFeedback: Fb }>(SUBMIT, { input: { category: 'REQUEST', topic: '借阅书目', content: '希望支部书架增加两本党史读物。' } }, as.member)).submitFeedback;
    ok(await h.gql(RESPOND, { id: quick.id, status: 'ACKNOWLEDGED', response: '已收到。' }, as.secretary));
    expect(codeOf(await h.gql(RESPOND, { id: quick.id, status: 'RESOLVED' }, as.secretary))).toBe('BAD_USER_INPUT'); // resolving still needs a response
    const done = ok(await h.gql<{ respondToFeedback: Fb }>(RESPOND, { id: quick.id, status: 'RESOLVED', response: '已购入并上架。' }, as.secretary)).respondToFeedback;
    expect(done).toMatchObject({ version: 3, status: 'RESOLVED', response: '已购入并上架。' });
  });

  it('tells clients where each item may go next (the one flow the pages read)', async () => {
    const NEXT = `query($id: ID!) { feedback(id: $id) { status nextStatuses } }`;
    const item = ok(await h.gql<{ submitFeedback: Fb }>(SUBMIT, { input: { category: 'OPINION', topic: '会议时间', content: '建议支部大会改在周五下午举行。' } }, as.m2)).submitFeedback;
    const next = async () => ok(await h.gql<{ feedback: { nextStatuses: string[] } }>(NEXT, { id: item.id }, as.secretary)).feedback.nextStatuses;
    expect(await next()).toEqual(['ACKNOWLEDGED', 'CLOSED']);
    ok(await h.gql(RESPOND, { id: item.id, status: 'ACKNOWLEDGED' }, as.secretary));
    expect(await next()).toEqual(['IN_PROGRESS', 'RESOLVED', 'CLOSED']);
    ok(await h.gql(RESPOND, { id: item.id, status: 'CLOSED', response: '已与党员沟通。' }, as.secretary));
    expect(await next()).toEqual([]);
  });

  it('closes declined feedback only with a reason', async () => {
    expect(codeOf(await h.gql(RESPOND, { id: declinedId, status: 'CLOSED' }, as.secretary))).toBe('BAD_USER_INPUT');
    const closed = ok(await h.gql<{ respondToFeedback: Fb }>(RESPOND, { id: declinedId, status: 'CLOSED', response: '场地由上级统一安排，暂无法更换。' }, as.secretary)).respondToFeedback;
    expect(closed).toMatchObject({ version: 2, status: 'CLOSED' });
  });

  it('shows the author the responses and the whole recorded history', async () => {
    const mine = ok(await h.gql<{ myFeedback: { edges: { node: { id: string; status: string; response: string } }[] } }>(MINE, { s: 'CLOSED' }, as.member)).myFeedback;
    expect(mine.edges.map((e) => e.node.response).sort()).toEqual(['党员确认满意，关闭。', '场地由上级统一安排，暂无法更换。'].sort());
    const hist = ok(await h.gql<{ history: { edges: { node: { data: { status: string; response: string | null } } }[] } }>(
      `query($id: ID!) { history(type: "MemberFeedback", id: $id, first: 10) { edges { node { data } } } }`,
      { id: mainId },
      as.member,
    )).history;
    expect(hist.edges.map((e) => e.node.data.status)).toEqual(['SUBMITTED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED']);
  });

  it('does not let a secretary handle their own feedback', async () => {
    const own = ok(await h.gql<{ submitFeedback: Fb }>(SUBMIT, { input: { category: 'REQUEST', topic: '志愿服务', content: '希望增加周末志愿服务的时段安排。' } }, as.secretaryMember)).submitFeedback;
    expect(own.orgUnitId).toBe(fx.units.b2.id);
    const res = await h.gql(RESPOND, { id: own.id, status: 'ACKNOWLEDGED' }, as.secretaryMember);
    expect(codeOf(res)).toBe('FORBIDDEN');
    expect(res.errors![0]!.message).toContain('your own feedback');
    expect(codeOf(await h.gql(RESPOND, { id: own.id, status: 'ACKNOWLEDGED' }, as.secretary))).toBe('FORBIDDEN'); // b2 is outside b1
    expect(ok(await h.gql<{ respondToFeedback: Fb }>(RESPOND, { id: own.id, status: 'ACKNOWLEDGED' }, as.admin)).respondToFeedback.status).toBe('ACKNOWLEDGED');

  });
});
