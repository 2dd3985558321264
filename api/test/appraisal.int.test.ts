// Democratic appraisal through GraphQL on a real database: a branch of 7 full members (and an
// applicant, who is not appraised) goes DRAFT → SELF_ASSESSMENT → PEER_ASSESSMENT → RATING →
// PUBLISHED → CLOSED; every phase, duplicate, self-rating, cap and scoping refusal with its code.
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT_NAMES, sessionFor } from './fixtures.js';
import { ok, codeOf, type Caller } from './harness.js';
import { apiSuite } from './suite.js';

/** Sessions outlive the clock's trip past closesOn. */
const LONG = { expiresAt: new Date('2100-01-01T00:00:00Z') };
// One APPLICANT in b1 (bulk): not on the roster.
const { h, fx, as } = apiSuite({ bulk: 1, sessions: ACCOUNT_NAMES, expiresAt: LONG.expiresAt });
/** The 7 roster members (m1, m2 and five created here), each with their own member session. */
const roster: { id: string; name: string; caller: Caller }[] = [];
let campaignId: string;

async function memberAccount(memberId: string, username: string): Promise<Caller> {
  const a = await h.prisma.account.create({ data: { username, displayName: username, passwordHash: 'x', role: 'MEMBER', scopeUnitId: fx.units.b1.id, memberId } });
  return { token: await sessionFor(h.prisma, a.id, LONG) };
}

async function createFullMember(name: string): Promise<string> {
  const res = await h.gql<{ createMember: { id: string } }>(
    `mutation($input: CreateMemberInput!) { createMember(input: $input) { id } }`,
    { input: { orgUnitId: fx.units.b1.id, name, gender: 'FEMALE', birthDate: '1988-02-03', ethnicity: '汉族', education: 'BACHELOR', stage: 'FULL', appliedOn: '2010-03-01', fullMemberSince: '2013-07-01' } },
    as.secretary,
  );
  return ok(res).createMember.id;
}

beforeAll(async () => {
  roster.push({ id: fx.members.m1.id, name: fx.members.m1.name, caller: as.member });
  roster.push({ id: fx.members.m2.id, name: fx.members.m2.name, caller: await memberAccount(fx.members.m2.id, 'm2') });
  for (const name of ['甲一', '乙二', '丙三', '丁四', '戊五']) {
    const id = await createFullMember(name);
    roster.push({ id, name, caller: await memberAccount(id, `u-${name}`) });
  }
});

const CREATE = `mutation($input: CreateAppraisalCampaignInput!) { createAppraisalCampaign(input: $input) { id version status year orgUnitId } }`;
const OPEN = `mutation($id: ID!) { openAppraisalCampaign(id: $id) { status version roster { memberId name stage } excellentCap } }`;
const PEER_PHASE = `mutation($id: ID!) { startPeerAssessment(id: $id) { status version } }`;
const SELF = `mutation($c: ID!, $input: SelfAssessmentInput!) { submitSelfAssessment(campaignId: $c, input: $input) { id memberId rating version proof { type status } } }`;
const PEER = `mutation($c: ID!, $input: PeerAssessmentInput!) { submitPeerAssessment(campaignId: $c, input: $input) { id assessorId subjectId rating } }`;
const PROPOSE = `mutation($c: ID!, $r: [AppraisalRatingInput!]!) { proposeAppraisalRatings(campaignId: $c, ratings: $r) { status version } }`;
const FINALISE = `mutation($c: ID!, $r: [AppraisalRatingInput!]) { finaliseAppraisalCampaign(campaignId: $c, ratings: $r) { status version publishedAt } }`;
const MY_RESULTS = `{ myAppraisalResults(first: 10) { totalCount edges { node { id campaignId memberId rating ratingZh notifiedAt version
  peerSummary { excellent qualified basicallyQualified unqualified total } proof { status document } } } } }`;

const input = (over: Record<string, unknown> = {}) => ({ orgUnitId: fx.units.b1.id, year: 2025, title: '2025年度民主评议党员', opensOn: '2026-01-05', closesOn: '2099-01-31', ...over });
const rate = (pairs: [number, string][]) => pairs.map(([i, rating]) => ({ memberId: roster[i]!.id, rating }));

describe('creating and opening a campaign', () => {
  it('refuses bad input with the fields named', async () => {
    const res = await h.gql(CREATE, { input: input({ orgUnitId: fx.units.g1.id, year: 1999, title: ' ', closesOn: '2025-12-31' }) }, as.admin);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    const fields = (res.errors![0]!.extensions.fields as { field: string }[]).map((f) => f.field).sort();
    expect(fields).toEqual(['input.closesOn', 'input.opensOn', 'input.orgUnitId', 'input.title', 'input.year']);
    expect(codeOf(await h.gql(CREATE, { input: input({ opensOn: '2030-01-01', closesOn: '2030-02-01' }) }, as.secretary))).toBe('BAD_USER_INPUT');
  });

  it('refuses callers outside the branch or without write rights', async () => {
    expect(codeOf(await h.gql(CREATE, { input: input() }, as.otherSecretary))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(CREATE, { input: input() }, as.leader))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(CREATE, { input: input() }, as.member))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(CREATE, { input: input() }, {}))).toBe('UNAUTHENTICATED');
  });

  it('creates one DRAFT campaign per branch and year', async () => {
    const c = ok(await h.gql<{ createAppraisalCampaign: { id: string; version: number; status: string } }>(CREATE, { input: input() }, as.secretary)).createAppraisalCampaign;
    expect(c).toMatchObject({ version: 1, status: 'DRAFT' });
    campaignId = c.id;
    const again = await h.gql(CREATE, { input: input({ title: '重复' }) }, as.admin);
    expect(codeOf(again)).toBe('CONFLICT');
    expect(again.errors![0]!.extensions.campaignId).toBe(campaignId);
  });

  it('refuses submissions while DRAFT, and opening by a secretary of another subtree', async () => {
    const early = await h.gql(SELF, { c: campaignId, input: { summary: '一年来认真学习，积极参加组织生活。', rating: 'QUALIFIED' } }, as.member);
    expect(codeOf(early)).toBe('CONFLICT');
    expect(early.errors![0]!.extensions).toMatchObject({ status: 'DRAFT', allowed: ['SELF_ASSESSMENT'] });
    expect(codeOf(await h.gql(OPEN, { id: campaignId }, as.otherSecretary))).toBe('FORBIDDEN');
  });

  it('opens with the roster of full and probationary members of the branch and its groups; cap floor(7/3) = 2', async () => {
    const opened = ok(await h.gql<{ openAppraisalCampaign: { status: string; version: number; roster: { memberId: string; stage: string }[]; excellentCap: number } }>(OPEN, { id: campaignId }, as.secretary)).openAppraisalCampaign;
    expect(opened).toMatchObject({ status: 'SELF_ASSESSMENT', version: 2, excellentCap: 2 });
    expect(new Set(opened.roster.map((r) => r.memberId))).toEqual(new Set(roster.map((r) => r.id)));
    expect(opened.roster.map((r) => r.memberId)).not.toContain(fx.bulk[0]!.id); // the applicant
    expect(opened.roster.map((r) => r.memberId)).not.toContain(fx.members.m3.id); // another branch
    expect(codeOf(await h.gql(OPEN, { id: campaignId }, as.secretary))).toBe('CONFLICT');
  });

  it('keeps the roster fixed at opening: a member who joins later is not appraised', async () => {
    const lateId = await createFullMember('迟到');
    const late = await memberAccount(lateId, 'late');
    const res = ok(await h.gql<{ appraisalCampaign: { roster: { memberId: string }[]; excellentCap: number } }>(`query($id: ID!) { appraisalCampaign(id: $id) { roster { memberId } excellentCap } }`, { id: campaignId }, as.secretary));
    expect(res.appraisalCampaign.roster).toHaveLength(7);
    expect(res.appraisalCampaign.roster.map((r) => r.memberId)).not.toContain(lateId);
    expect(codeOf(await h.gql(SELF, { c: campaignId, input: { summary: '一年来认真学习，积极参加组织生活。', rating: 'QUALIFIED' } }, late))).toBe('FORBIDDEN');
  });

  it('refuses to open a campaign of a branch with nobody to appraise', async () => {
    // b2's only member, m3, leaves the roster by dying (a new Member version with its record).
    await h.prisma.$transaction(async (tx) => {
      const m = await tx.member.update({ where: { id: fx.members.m3.id }, data: { status: 'DECEASED', version: { increment: 1 } } });
      const { appendRecord } = await import('@lianjian/indexer');
      const { recordData } = await import('@lianjian/db');
      await appendRecord(tx, { type: 'Member', id: m.id, version: m.version, org: m.orgUnitId, actor: 'system', data: recordData('Member', m) });
    });
    const c = ok(await h.gql<{ createAppraisalCampaign: { id: string } }>(CREATE, { input: input({ orgUnitId: fx.units.b2.id }) }, as.admin)).createAppraisalCampaign;
    const res = await h.gql(OPEN, { id: c.id }, as.admin);
    expect(codeOf(res)).toBe('CONFLICT');
    expect(res.errors![0]!.message).toContain('no active full or probationary members');
    const still = ok(await h.gql<{ appraisalCampaign: { status: string; version: number } }>(`query($id: ID!) { appraisalCampaign(id: $id) { status version } }`, { id: c.id }, as.admin));
    expect(still.appraisalCampaign).toEqual({ status: 'DRAFT', version: 1 });
  });
});

describe('self-assessment', () => {
  const summary = '一年来认真学习党的理论，积极参加组织生活，按时缴纳党费。';

  it('accepts each member’s own once, with a record; refuses a second one and bad input', async () => {
    for (const [i, r] of roster.entries()) {
      const res = ok(await h.gql<{ submitSelfAssessment: { memberId: string; version: number; proof: { type: string } } }>(SELF, { c: campaignId, input: { summary, rating: i < 3 ? 'EXCELLENT' : 'QUALIFIED' } }, r.caller));
      expect(res.submitSelfAssessment).toMatchObject({ memberId: r.id, version: 1, proof: { type: 'SelfAssessment' } });
    }
    const twice = await h.gql(SELF, { c: campaignId, input: { summary, rating: 'QUALIFIED' } }, as.member);
    expect(codeOf(twice)).toBe('CONFLICT');
    expect(twice.errors![0]!.message).toContain('already submitted');
    const short = await h.gql(SELF, { c: campaignId, input: { summary: '太短', rating: 'QUALIFIED' } }, roster[1]!.caller);
    expect(codeOf(short)).toBe('BAD_USER_INPUT');
    expect(short.errors![0]!.extensions.fields).toEqual([expect.objectContaining({ field: 'input.summary' })]);
  });

  it('is for members only, and peer assessment waits for its phase', async () => {
    expect(codeOf(await h.gql(SELF, { c: campaignId, input: { summary, rating: 'QUALIFIED' } }, as.secretary))).toBe('FORBIDDEN');
    const early = await h.gql(PEER, { c: campaignId, input: { subjectId: roster[1]!.id, rating: 'QUALIFIED' } }, as.member);
    expect(codeOf(early)).toBe('CONFLICT');
    expect(early.errors![0]!.extensions).toMatchObject({ status: 'SELF_ASSESSMENT', allowed: ['PEER_ASSESSMENT'] });
  });

  it('shows a member their own self-assessment, and others’ only to staff', async () => {
    const mine = ok(await h.gql<{ appraisalCampaign: { mySelfAssessment: { memberId: string } } }>(`query($id: ID!) { appraisalCampaign(id: $id) { mySelfAssessment { memberId } } }`, { id: campaignId }, as.member));
    expect(mine.appraisalCampaign.mySelfAssessment.memberId).toBe(fx.members.m1.id);
    expect(codeOf(await h.gql(`query($id: ID!) { appraisalCampaign(id: $id) { selfAssessments(first: 10) { totalCount } } }`, { id: campaignId }, as.member))).toBe('FORBIDDEN');
    const all = ok(await h.gql<{ appraisalCampaign: { selfAssessments: { totalCount: number } } }>(`query($id: ID!) { appraisalCampaign(id: $id) { selfAssessments(first: 10) { totalCount } } }`, { id: campaignId }, as.leader));
    expect(all.appraisalCampaign.selfAssessments.totalCount).toBe(7);
    expect(codeOf(await h.gql(`query($id: ID!) { appraisalCampaign(id: $id) { title } }`, { id: campaignId }, as.otherSecretary))).toBe('FORBIDDEN');
  });
});

describe('peer assessment', () => {
  let m1RatesM2: string;

  it('moves to PEER_ASSESSMENT; self-assessments are then closed', async () => {
    expect(ok(await h.gql<{ startPeerAssessment: { status: string } }>(PEER_PHASE, { id: campaignId }, as.secretary)).startPeerAssessment.status).toBe('PEER_ASSESSMENT');
    expect(codeOf(await h.gql(SELF, { c: campaignId, input: { summary: '一年来认真学习党的理论，积极参加组织生活。', rating: 'QUALIFIED' } }, roster[6]!.caller))).toBe('CONFLICT');
  });

  it('refuses rating oneself, a second rating of the same member, and someone off the roster', async () => {
    const self = await h.gql(PEER, { c: campaignId, input: { subjectId: fx.members.m1.id, rating: 'EXCELLENT' } }, as.member);
    expect(codeOf(self)).toBe('BAD_USER_INPUT');
    expect(self.errors![0]!.extensions.fields).toEqual([expect.objectContaining({ field: 'input.subjectId' })]);
    const first = ok(await h.gql<{ submitPeerAssessment: { id: string; assessorId: string } }>(PEER, { c: campaignId, input: { subjectId: roster[1]!.id, rating: 'EXCELLENT', comment: '工作认真' } }, as.member));
    m1RatesM2 = first.submitPeerAssessment.id;
    expect(first.submitPeerAssessment.assessorId).toBe(fx.members.m1.id);
    expect(codeOf(await h.gql(PEER, { c: campaignId, input: { subjectId: roster[1]!.id, rating: 'QUALIFIED' } }, as.member))).toBe('CONFLICT');
    expect(codeOf(await h.gql(PEER, { c: campaignId, input: { subjectId: fx.bulk[0]!.id, rating: 'QUALIFIED' } }, as.member))).toBe('BAD_USER_INPUT');
  });

  it('closes submissions after closesOn', async () => {
    const saved = h.clock.now;
    h.clock.now = new Date('2099-02-01T04:00:00.000Z');
    const late = await h.gql(PEER, { c: campaignId, input: { subjectId: roster[2]!.id, rating: 'QUALIFIED' } }, as.member);
    h.clock.now = saved;
    expect(codeOf(late)).toBe('CONFLICT');
    expect(late.errors![0]!.extensions).toMatchObject({ closesOn: '2099-01-31', today: '2099-02-01' });
  });

  it('lets everyone rate m1: 4 EXCELLENT and 2 QUALIFIED', async () => {
    for (const [i, r] of roster.entries()) {
      if (i === 0) continue;
      ok(await h.gql(PEER, { c: campaignId, input: { subjectId: fx.members.m1.id, rating: i <= 4 ? 'EXCELLENT' : 'QUALIFIED' } }, r.caller));
    }
  });

  it('hides who rated whom from the assessed member; the author sees their own', async () => {
    const m2 = roster[1]!.caller;
    expect(codeOf(await h.gql(`query($id: ID!) { appraisalCampaign(id: $id) { peerAssessments(first: 50) { totalCount } } }`, { id: campaignId }, m2))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(`query($id: ID!) { record(type: "PeerAssessment", id: $id) { data } }`, { id: m1RatesM2 }, m2))).toBe('FORBIDDEN');
    const mine = ok(await h.gql<{ appraisalCampaign: { myPeerAssessments: { id: string; subjectId: string }[] } }>(`query($id: ID!) { appraisalCampaign(id: $id) { myPeerAssessments { id subjectId } } }`, { id: campaignId }, as.member));
    expect(mine.appraisalCampaign.myPeerAssessments).toEqual([{ id: m1RatesM2, subjectId: roster[1]!.id }]);
    const staff = ok(await h.gql<{ appraisalCampaign: { peerAssessments: { totalCount: number }; roster: { memberId: string; peerTally: { excellent: number; total: number } }[] } }>(
      `query($id: ID!) { appraisalCampaign(id: $id) { peerAssessments(first: 50) { totalCount } roster { memberId peerTally { excellent total } } } }`,
      { id: campaignId },
      as.secretary,
    ));
    expect(staff.appraisalCampaign.peerAssessments.totalCount).toBe(7);
    expect(staff.appraisalCampaign.roster.find((r) => r.memberId === fx.members.m1.id)!.peerTally).toEqual({ excellent: 4, total: 6 });
    expect(codeOf(await h.gql(`query($id: ID!) { appraisalCampaign(id: $id) { roster { peerTally { total } } } }`, { id: campaignId }, m2))).toBe('FORBIDDEN');
  });
});

describe('ratings and results', () => {
  it('refuses a third EXCELLENT of 7, saying which rule with its numbers', async () => {
    const res = await h.gql(PROPOSE, { c: campaignId, r: rate([[0, 'EXCELLENT'], [1, 'EXCELLENT'], [2, 'EXCELLENT']]) }, as.secretary);
    expect(codeOf(res)).toBe('EXCELLENT_QUOTA_EXCEEDED');
    expect(res.errors![0]!.extensions).toMatchObject({ rosterSize: 7, cap: 2, excellent: 3 });
    expect(res.errors![0]!.message).toContain('floor(7/3) = 2');
    expect(res.errors![0]!.extensions.messageZh).toContain('三分之一');
  });

  it('refuses proposals from the leader, duplicates, and members off the roster', async () => {
    expect(codeOf(await h.gql(PROPOSE, { c: campaignId, r: rate([[0, 'EXCELLENT']]) }, as.leader))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(PROPOSE, { c: campaignId, r: rate([[0, 'EXCELLENT'], [0, 'QUALIFIED']]) }, as.secretary))).toBe('BAD_USER_INPUT');
    expect(codeOf(await h.gql(PROPOSE, { c: campaignId, r: [{ memberId: fx.bulk[0]!.id, rating: 'QUALIFIED' }] }, as.secretary))).toBe('BAD_USER_INPUT');
    expect(codeOf(await h.gql(FINALISE, { c: campaignId, r: rate([[0, 'EXCELLENT']]) }, as.secretary))).toBe('CONFLICT'); // still PEER_ASSESSMENT
  });

  it('accepts 2 EXCELLENT of 7 as a proposal (RATING), which members cannot see yet', async () => {
    const res = ok(await h.gql<{ proposeAppraisalRatings: { status: string } }>(PROPOSE, { c: campaignId, r: rate([[0, 'EXCELLENT'], [1, 'EXCELLENT'], [2, 'QUALIFIED']]) }, as.secretary));
    expect(res.proposeAppraisalRatings.status).toBe('RATING');
    const mine = ok(await h.gql<{ myAppraisalResults: { totalCount: number } }>(MY_RESULTS, {}, as.member));
    expect(mine.myAppraisalResults.totalCount).toBe(0);
    const proposal = await h.prisma.appraisalResult.findFirstOrThrow({ where: { campaignId, memberId: fx.members.m1.id } });
    expect(codeOf(await h.gql(`query($id: ID!) { record(type: "AppraisalResult", id: $id) { version } }`, { id: proposal.id }, as.member))).toBe('FORBIDDEN');
    // A later proposal counts with the earlier ones: a third EXCELLENT is refused.
    expect(codeOf(await h.gql(PROPOSE, { c: campaignId, r: rate([[3, 'EXCELLENT']]) }, as.secretary))).toBe('EXCELLENT_QUOTA_EXCEEDED');
  });

  it('refuses final ratings that leave roster members unrated, naming them', async () => {
    const res = await h.gql(FINALISE, { c: campaignId, r: rate([[3, 'QUALIFIED']]) }, as.secretary);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.message).toContain('leaves 3 of the 7 roster members without a rating');
    for (const i of [4, 5, 6]) expect(res.errors![0]!.message).toContain(roster[i]!.name);
  });

  it('refuses final ratings over the cap, counting the proposals', async () => {
    const res = await h.gql(FINALISE, { c: campaignId, r: rate([[3, 'EXCELLENT'], [4, 'QUALIFIED'], [5, 'QUALIFIED'], [6, 'BASICALLY_QUALIFIED']]) }, as.secretary);
    expect(codeOf(res)).toBe('EXCELLENT_QUOTA_EXCEEDED');
    expect(res.errors![0]!.extensions).toMatchObject({ rosterSize: 7, cap: 2, excellent: 3 });
  });

  it('publishes when every member is rated within the cap; each member is told their own result', async () => {
    const res = ok(await h.gql<{ finaliseAppraisalCampaign: { status: string; publishedAt: string } }>(
      FINALISE,
      { c: campaignId, r: rate([[3, 'QUALIFIED'], [4, 'QUALIFIED'], [5, 'QUALIFIED'], [6, 'BASICALLY_QUALIFIED']]) },
      as.secretary,
    ));
    expect(res.finaliseAppraisalCampaign.status).toBe('PUBLISHED');
    expect(res.finaliseAppraisalCampaign.publishedAt).toBeTruthy();

    type R = { myAppraisalResults: { totalCount: number; edges: { node: { memberId: string; rating: string; ratingZh: string; notifiedAt: string; version: number; peerSummary: Record<string, number>; proof: { document: { type: string; data: Record<string, unknown> } } } }[] } };
    const mine = ok(await h.gql<R>(MY_RESULTS, {}, as.member)).myAppraisalResults;
    expect(mine.totalCount).toBe(1);
    const r = mine.edges[0]!.node;
    expect(r).toMatchObject({ memberId: fx.members.m1.id, rating: 'EXCELLENT', ratingZh: '优秀', version: 2 });
    expect(r.notifiedAt).toBeTruthy();
    // Only the tally of peers' ratings, never who gave them.
    expect(r.peerSummary).toEqual({ excellent: 4, qualified: 2, basicallyQualified: 0, unqualified: 0, total: 6 });
    expect(r.proof.document.type).toBe('AppraisalResult');
    expect(r.proof.document.data).toMatchObject({ rating: 'EXCELLENT', memberId: fx.members.m1.id, peerSummary: { EXCELLENT: 4, QUALIFIED: 2, BASICALLY_QUALIFIED: 0, UNQUALIFIED: 0 } });
    expect(JSON.stringify(r.proof.document)).not.toContain(roster[1]!.id);

    const m7 = ok(await h.gql<R>(MY_RESULTS, {}, roster[6]!.caller)).myAppraisalResults;
    expect(m7.edges.map((e) => e.node.rating)).toEqual(['BASICALLY_QUALIFIED']);
    const all = ok(await h.gql<{ appraisalCampaign: { results: { totalCount: number; edges: { node: { rating: string; notifiedAt: string | null } }[] } } }>(
      `query($id: ID!) { appraisalCampaign(id: $id) { results(first: 20) { totalCount edges { node { rating notifiedAt } } } } }`,
      { id: campaignId },
      as.secretary,
    )).appraisalCampaign.results;
    expect(all.totalCount).toBe(7);
    expect(all.edges.filter((e) => e.node.rating === 'EXCELLENT')).toHaveLength(2);
    expect(all.edges.every((e) => e.node.notifiedAt)).toBe(true);
    expect(codeOf(await h.gql(`query($id: ID!) { appraisalCampaign(id: $id) { results(first: 20) { totalCount } } }`, { id: campaignId }, as.member))).toBe('FORBIDDEN');
  });

  it('refuses changes after publication, then closes; every phase is a recorded version', async () => {
    expect(codeOf(await h.gql(FINALISE, { c: campaignId }, as.secretary))).toBe('CONFLICT');
    expect(codeOf(await h.gql(PROPOSE, { c: campaignId, r: rate([[6, 'QUALIFIED']]) }, as.secretary))).toBe('CONFLICT');
    expect(codeOf(await h.gql(PEER, { c: campaignId, input: { subjectId: roster[3]!.id, rating: 'QUALIFIED' } }, roster[2]!.caller))).toBe('CONFLICT');
    ok(await h.gql(`mutation($id: ID!) { closeAppraisalCampaign(id: $id) { status } }`, { id: campaignId }, as.secretary));
    const hist = ok(await h.gql<{ history: { edges: { node: { version: number; data: { status: string } } }[] } }>(
      `query($id: ID!) { history(type: "AppraisalCampaign", id: $id, first: 20) { edges { node { version data } } } }`,
      { id: campaignId },
      as.secretary,
    ));
    expect(hist.history.edges.map((e) => e.node.data.status)).toEqual(['DRAFT', 'SELF_ASSESSMENT', 'PEER_ASSESSMENT', 'RATING', 'PUBLISHED', 'CLOSED']);
  });

  it('lists campaigns: members see their branch’s, staff their subtree, others are refused', async () => {
    const q = `query($u: ID) { appraisalCampaigns(first: 10, under: $u) { totalCount edges { node { id status } } } }`;
    const mine = ok(await h.gql<{ appraisalCampaigns: { totalCount: number; edges: { node: { id: string } }[] } }>(q, {}, roster[1]!.caller)); // m2 is in b1's group
    expect(mine.appraisalCampaigns.edges.map((e) => e.node.id)).toEqual([campaignId]);
    const leader = ok(await h.gql<{ appraisalCampaigns: { totalCount: number } }>(q, {}, as.leader));
    expect(leader.appraisalCampaigns.totalCount).toBe(2); // b1's and b2's
    expect(codeOf(await h.gql(q, { u: fx.units.g1.id }, as.otherSecretary))).toBe('FORBIDDEN');
    const other = ok(await h.gql<{ appraisalCampaigns: { totalCount: number } }>(q, {}, as.otherSecretary));
    expect(other.appraisalCampaigns.totalCount).toBe(0);
  });
});
