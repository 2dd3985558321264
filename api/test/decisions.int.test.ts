// Decisions and milestones through GraphQL on a real database: a decision resting on a passed
// vote records its counts; status flows with dates; overdue milestones; every change a new record
// version in `history`; who may see and write.
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT_NAMES, apiKeyFor } from './fixtures.js';
import { codeOf, ok, type Caller, type GqlResponse } from './harness.js';
import { CAST, CLOSE_VOTE, CREATE_VOTE, OPEN_VOTE, accountFor, memberWithAccount, type VoteView } from './votes-helpers.js';
import { apiSuite } from './suite.js';

const { h, fx, as } = apiSuite({ sessions: ACCOUNT_NAMES });
const voters: Caller[] = [];

beforeAll(async () => {
  voters.push(as.member, await accountFor(h.prisma, fx.members.m2), (await memberWithAccount(h.prisma, '投票人丙', fx.units.b1.id)).as);
  h.clock.now = new Date('2026-03-10T04:00:00.000Z');
});

const DECISION_FIELDS = `id version number title decidedOn voteId meetingId yesCount noCount abstainCount status overdueMilestones
  milestones { id title dueOn status completedOn overdue overdueDays completedLate ownerId }`;
const CREATE = `mutation($input: CreateDecisionInput!) { createDecision(input: $input) { ${DECISION_FIELDS} } }`;
const STATUS = `mutation($id: ID!, $status: DecisionStatus!) { updateDecisionStatus(id: $id, status: $status) { ${DECISION_FIELDS} } }`;
const ADD = `mutation($input: AddMilestoneInput!) { addMilestone(input: $input) { id version status dueOn overdue ownerId } }`;
const MOVE = `mutation($id: ID!, $status: MilestoneStatus!, $on: Date) { updateMilestoneStatus(id: $id, status: $status, on: $on) { id version status completedOn overdue completedLate } }`;
const GET = `query($id: ID!) { decision(id: $id) { ${DECISION_FIELDS} } }`;

interface DecisionView {
  id: string;
  version: number;
  status: string;
  yesCount: number | null;
  noCount: number | null;
  abstainCount: number | null;
  voteId: string | null;
  overdueMilestones: number;
  milestones: { id: string; status: string; overdue: boolean; overdueDays: number; completedLate: boolean | null }[];
}

/** A motion of b1 voted yes/no as given by the three voters, closed and tallied. */
async function talliedVote(labels: string[]): Promise<VoteView> {
  const created = ok(await h.gql<{ createVote: VoteView }>(CREATE_VOTE, { input: { orgUnitId: fx.units.b1.id, kind: 'MOTION', title: '决议表决' } }, as.secretary)).createVote;
  const v = ok(await h.gql<{ openVote: VoteView }>(OPEN_VOTE, { id: created.id }, as.secretary)).openVote;
  for (const [i, label] of labels.entries()) ok(await h.gql(CAST, { voteId: v.id, choices: [v.options.find((o) => o.label === label)!.id] }, voters[i]!));
  return ok(await h.gql<{ closeVote: VoteView }>(CLOSE_VOTE, { id: v.id }, as.secretary)).closeVote;
}

const input = (over: Record<string, unknown> = {}) => ({ orgUnitId: fx.units.b1.id, title: '关于加强学习的决议', content: '支部全体党员每月参加一次集中学习。', decidedOn: '2026-03-10', ...over });
const create = (over: Record<string, unknown> = {}, who: Caller = as.secretary) => h.gql<{ createDecision: DecisionView }>(CREATE, { input: input(over) }, who);
const fieldsOf = (res: GqlResponse) => (res.errors?.[0]?.extensions.fields as { field: string }[] | undefined)?.map((f) => f.field);

describe('creating a decision', () => {
  it('rests on a passed vote and records its counts', async () => {
    const vote = await talliedVote(['赞成', '赞成', '反对']);
    const d = ok(await create({ voteId: vote.id, number: '支字〔2026〕1号' })).createDecision;
    expect(d).toMatchObject({ version: 1, status: 'ADOPTED', voteId: vote.id, yesCount: 2, noCount: 1, abstainCount: 0 });
  });

  it('refuses a vote that is open (VOTE_NOT_TALLIED) or did not pass (VOTE_NOT_PASSED), and one of another unit', async () => {
    const created = ok(await h.gql<{ createVote: VoteView }>(CREATE_VOTE, { input: { orgUnitId: fx.units.b1.id, kind: 'MOTION', title: '未截止' } }, as.secretary)).createVote;
    ok(await h.gql(OPEN_VOTE, { id: created.id }, as.secretary));
    expect(codeOf(await create({ voteId: created.id }))).toBe('VOTE_NOT_TALLIED');
    const failed = await talliedVote(['赞成', '反对', '反对']);
    expect(codeOf(await create({ voteId: failed.id }))).toBe('VOTE_NOT_PASSED');
    const passed = await talliedVote(['赞成', '赞成', '赞成']);
    expect(fieldsOf(await create({ voteId: passed.id, orgUnitId: fx.units.b1g.id }))).toEqual(['input.voteId']);
    expect(await h.prisma.decision.count({ where: { voteId: { in: [created.id, failed.id] } } })).toBe(0);
  });

  it('refuses bad input and a duplicate number', async () => {
    const bad = await create({ title: '', content: ' ', decidedOn: '2026-03-11' });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(bad)).toEqual(['input.title', 'input.content', 'input.decidedOn']);
    ok(await create({ number: '支字〔2026〕2号' }));
    expect(codeOf(await create({ number: '支字〔2026〕2号' }))).toBe('CONFLICT');
    expect(codeOf(await create({ meetingId: fx.members.m1.id }))).toBe('BAD_USER_INPUT');
  });

  it('is for writers of the unit', async () => {
    expect(codeOf(await create({}, as.member))).toBe('FORBIDDEN');
    expect(codeOf(await create({}, as.leader))).toBe('FORBIDDEN');
    expect(codeOf(await create({}, as.otherSecretary))).toBe('FORBIDDEN');
    expect(codeOf(await create({}, as.anonymous))).toBe('UNAUTHENTICATED');
  });
});

describe('milestones and status over time', () => {
  let decision: DecisionView;
  let early: string;
  let late: string;

  beforeAll(async () => {
    h.clock.now = new Date('2026-03-10T04:00:00.000Z');
    decision = ok(await create({ number: '支字〔2026〕9号' })).createDecision;
  });

  it('adds milestones with due dates and owners; refuses a due date before the decision and an owner outside the subtree', async () => {
    const a = ok(await h.gql<{ addMilestone: { id: string; status: string; overdue: boolean; ownerId: string } }>(ADD, { input: { decisionId: decision.id, title: '制定学习计划', dueOn: '2026-03-20', ownerId: fx.members.m1.id } }, as.secretary)).addMilestone;
    expect(a).toMatchObject({ status: 'PLANNED', overdue: false, ownerId: fx.members.m1.id });
    early = a.id;
    late = ok(await h.gql<{ addMilestone: { id: string } }>(ADD, { input: { decisionId: decision.id, title: '完成第一次集中学习', dueOn: '2026-04-30' } }, as.secretary)).addMilestone.id;
    expect(fieldsOf(await h.gql(ADD, { input: { decisionId: decision.id, title: '太早', dueOn: '2026-03-01' } }, as.secretary))).toEqual(['input.dueOn']);
    expect(codeOf(await h.gql(ADD, { input: { decisionId: decision.id, title: '外部', dueOn: '2026-04-01', ownerId: fx.members.m4.id } }, as.secretary))).toBe('FORBIDDEN');
  });

  it('computes overdue from the due date and today (China time)', async () => {
    h.clock.now = new Date('2026-03-25T04:00:00.000Z');
    const d = ok(await h.gql<{ decision: DecisionView }>(GET, { id: decision.id }, as.secretary)).decision;
    expect(d.overdueMilestones).toBe(1);
    expect(d.milestones.map((m) => [m.id, m.overdue, m.overdueDays])).toEqual([[early, true, 5], [late, false, 0]]);
  });

  it('moves milestones along their flow with dates; starting work moves the decision to IMPLEMENTING', async () => {
    const started = ok(await h.gql<{ updateMilestoneStatus: { version: number; status: string } }>(MOVE, { id: early, status: 'IN_PROGRESS' }, as.secretary)).updateMilestoneStatus;
    expect(started).toMatchObject({ version: 2, status: 'IN_PROGRESS' });
    expect(ok(await h.gql<{ decision: DecisionView }>(GET, { id: decision.id }, as.secretary)).decision).toMatchObject({ status: 'IMPLEMENTING', version: 2 });
    expect(codeOf(await h.gql(MOVE, { id: early, status: 'DONE', on: '2026-03-26' }, as.secretary))).toBe('BAD_USER_INPUT');
    expect(codeOf(await h.gql(MOVE, { id: early, status: 'IN_PROGRESS', on: '2026-03-24' }, as.secretary))).toBe('BAD_USER_INPUT');
    const done = ok(await h.gql<{ updateMilestoneStatus: { status: string; completedOn: string; overdue: boolean; completedLate: boolean } }>(MOVE, { id: early, status: 'DONE', on: '2026-03-24' }, as.secretary)).updateMilestoneStatus;
    expect(done).toEqual({ id: early, version: 3, status: 'DONE', completedOn: '2026-03-24', overdue: false, completedLate: true });
    const final = await h.gql(MOVE, { id: early, status: 'IN_PROGRESS' }, as.secretary);
    expect(codeOf(final)).toBe('STATUS_TRANSITION_INVALID');
    expect(final.errors![0]!.extensions).toMatchObject({ from: 'DONE', to: 'IN_PROGRESS', allowed: [] });
    expect(codeOf(await h.gql(MOVE, { id: late, status: 'PLANNED' }, as.secretary))).toBe('STATUS_TRANSITION_INVALID');
  });

  it('refuses IMPLEMENTED while milestones are unfinished, naming them (both languages)', async () => {
    const res = await h.gql(STATUS, { id: decision.id, status: 'IMPLEMENTED' }, as.secretary);
    expect(codeOf(res)).toBe('CONFLICT');
    const err = res.errors![0]!;
    expect(err.message).toContain('完成第一次集中学习');
    expect(err.extensions.messageZh).toContain('完成第一次集中学习');
    expect(err.extensions.messageZh).not.toContain('制定学习计划'); // DONE: not unfinished
    expect(err.extensions.unfinished).toEqual([{ id: late, title: '完成第一次集中学习', status: 'PLANNED' }]);
    expect(fieldsOf(res)).toEqual(['status']);
    expect(ok(await h.gql<{ decision: DecisionView }>(GET, { id: decision.id }, as.secretary)).decision).toMatchObject({ status: 'IMPLEMENTING', version: 2 });
    ok(await h.gql(MOVE, { id: late, status: 'CANCELLED' }, as.secretary));
  });

  it('moves the decision along its flow; every change is a new version in history', async () => {
    expect(ok(await h.gql<{ updateDecisionStatus: DecisionView }>(STATUS, { id: decision.id, status: 'IMPLEMENTED' }, as.secretary)).updateDecisionStatus).toMatchObject({ status: 'IMPLEMENTED', version: 3 });
    expect(codeOf(await h.gql(STATUS, { id: decision.id, status: 'IMPLEMENTING' }, as.secretary))).toBe('STATUS_TRANSITION_INVALID');
    ok(await h.gql(STATUS, { id: decision.id, status: 'SUPERSEDED' }, as.secretary));
    expect(codeOf(await h.gql(STATUS, { id: decision.id, status: 'REVOKED' }, as.secretary))).toBe('STATUS_TRANSITION_INVALID');
    expect(codeOf(await h.gql(ADD, { input: { decisionId: decision.id, title: '已被取代', dueOn: '2026-05-01' } }, as.secretary))).toBe('CONFLICT');
    type H = { history: { edges: { node: { version: number; data: { status: string } } }[] } };
    const hist = ok(await h.gql<H>(`query($id: ID!) { history(type: "Decision", id: $id, first: 10) { edges { node { version data } } } }`, { id: decision.id }, as.secretary));
    expect(hist.history.edges.map((e) => [e.node.version, e.node.data.status])).toEqual([[1, 'ADOPTED'], [2, 'IMPLEMENTING'], [3, 'IMPLEMENTED'], [4, 'SUPERSEDED']]);
    const mh = ok(await h.gql<H>(`query($id: ID!) { history(type: "Milestone", id: $id, first: 10) { edges { node { version data } } } }`, { id: early }, as.secretary));
    expect(mh.history.edges.map((e) => e.node.data.status)).toEqual(['PLANNED', 'IN_PROGRESS', 'DONE']);
  });

  it('only writers of the unit change statuses', async () => {
    expect(codeOf(await h.gql(MOVE, { id: late, status: 'CANCELLED' }, as.otherSecretary))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(MOVE, { id: late, status: 'CANCELLED' }, as.member))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(STATUS, { id: decision.id, status: 'REVOKED' }, as.leader))).toBe('FORBIDDEN');
  });
});

describe('who may see decisions', () => {
  let id: string;
  beforeAll(async () => {
    id = ok(await create({ title: '可见性' })).createDecision.id;
  });

  it('staff and partner keys of the subtree; other subtrees are refused', async () => {
    for (const who of [as.secretary, as.leader, as.admin]) expect(ok(await h.gql<{ decision: { id: string } }>(`query($id: ID!) { decision(id: $id) { id } }`, { id }, who)).decision.id).toBe(id);
    expect(codeOf(await h.gql(`query($id: ID!) { decision(id: $id) { id } }`, { id }, as.otherSecretary))).toBe('FORBIDDEN');
    const partner = { apiKey: (await apiKeyFor(h.prisma, fx.units.g1.id, ['Decision:read'])).key };
    const list = ok(await h.gql<{ decisions: { totalCount: number; edges: { node: { id: string } }[] } }>(`{ decisions(first: 50) { totalCount edges { node { id } } } }`, {}, partner));
    expect(list.decisions.edges.map((e) => e.node.id)).toContain(id);
    const outside = { apiKey: (await apiKeyFor(h.prisma, fx.units.g2.id, ['Decision:read'])).key };
    expect(ok(await h.gql<{ decisions: { totalCount: number } }>(`{ decisions(first: 5) { totalCount } }`, {}, outside)).decisions.totalCount).toBe(0);
    expect(codeOf(await h.gql(`query($id: ID!) { decision(id: $id) { id } }`, { id }, outside))).toBe('FORBIDDEN');
  });
});

describe('decisions published to the branch (党务公开)', () => {
  const ONE = `query($id: ID!) { decision(id: $id) { id title status milestones { id title status } proof { status } } }`;
  const LIST = `{ decisions(first: 50) { totalCount edges { node { id orgUnitId milestones { id } } } } }`;
  type List = { decisions: { totalCount: number; edges: { node: { id: string; orgUnitId: string; milestones: { id: string }[] } }[] } };
  const ids = {} as Record<'b1' | 'b1g' | 'b2' | 'g1', string>;

  beforeAll(async () => {
    for (const unit of ['b1', 'b1g', 'b2', 'g1'] as const) {
      const who = unit === 'b1' || unit === 'b1g' ? as.secretary : as.admin;
      ids[unit] = ok(await create({ orgUnitId: fx.units[unit].id, title: `${unit} 的决议` }, who)).createDecision.id;
    }
    ok(await h.gql(ADD, { input: { decisionId: ids.b1, title: '支部公开的节点', dueOn: '2026-04-01' } }, as.secretary));
  });

  it('a member reads the decisions of their own branch with milestones and proofs', async () => {
    const d = ok(await h.gql<{ decision: { id: string; milestones: { title: string }[]; proof: { status: string } } }>(ONE, { id: ids.b1 }, as.member)).decision;
    expect(d.id).toBe(ids.b1);
    expect(d.milestones.map((m) => m.title)).toEqual(['支部公开的节点']);
    expect(d.proof.status).toBeTruthy();
    const list = ok(await h.gql<List>(LIST, {}, as.member)).decisions;
    const inB1 = await h.prisma.decision.count({ where: { orgUnitId: fx.units.b1.id } });
    expect(list.totalCount).toBe(inB1);
    expect(new Set(list.edges.map((e) => e.node.orgUnitId))).toEqual(new Set([fx.units.b1.id]));
    expect(list.edges.map((e) => e.node.id)).toContain(ids.b1);
  });

  it('and nothing outside it: not another branch, not the unit above, not a group of the branch they are not in', async () => {
    for (const unit of ['b2', 'g1', 'b1g'] as const) {
      expect(codeOf(await h.gql(ONE, { id: ids[unit] }, as.member)), unit).toBe('FORBIDDEN');
    }
    expect(codeOf(await h.gql(`query($u: ID) { decisions(first: 5, under: $u) { totalCount } }`, { u: fx.units.g1.id }, as.member))).toBe('FORBIDDEN');
  });

  it('a member of a group reads their group’s decisions and their branch’s', async () => {
    const list = ok(await h.gql<List>(LIST, {}, voters[1]!)).decisions;
    expect(new Set(list.edges.map((e) => e.node.orgUnitId))).toEqual(new Set([fx.units.b1.id, fx.units.b1g.id]));
    expect(ok(await h.gql<{ decision: { id: string } }>(ONE, { id: ids.b1 }, voters[1]!)).decision.id).toBe(ids.b1);
    expect(codeOf(await h.gql(ONE, { id: ids.b2 }, voters[1]!))).toBe('FORBIDDEN');
  });
});
