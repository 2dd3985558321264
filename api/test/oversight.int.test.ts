// The oversight view (issue 19, deliverable 5) on a real database, everything written through the
// API: people applying in b1 and b2 (under g1) with a talk overdue and one due, a person in b3
// (under g2) walked to step 13 whose pre-review request waits past its month, terms of b1 and b2
// ending and past their end. On the movable clock (2026-08-14, China time) the figures per child
// unit must match what each area reports on its own (pipelineDue, meetingCompliance), the branch
// view lists its items with their members, and a unit outside the caller's scope is answered
// exactly like one that does not exist. Children are paged with a cursor.
import { addDays, addYears } from '@lianjian/rules/dates';
import { standardPlan, type PlannedStep } from '@lianjian/rules/pipeline';
import { beforeAll, describe, expect, it } from 'vitest';
import { codeOf, ok, type Caller, type GqlResponse } from './harness.js';
import { apiSuite } from './suite.js';

const T = '2026-08-14';
const LONG = new Date('2100-01-01T00:00:00Z');
const { h, fx, as } = apiSuite({ sessions: ['admin', 'leader', 'secretary', 'member', 'otherSecretary'], expiresAt: LONG });

const FIGURES = 'stepsDue stepsOverdue requestsWaiting requestsOverdue meetingSlotsOverdue termsEnding termsOverdue';
const VIEW = `query($u: ID, $first: Int, $after: String) { oversight(unitId: $u) {
  unit { id name kind } leaf trail { id name } term { id termEnd }
  children(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { leaf unit { id name } ${FIGURES} } } }
  steps { stepNo kind status dueOn member { id name } }
  requests { status dueOn waitingDays request { id kind status member { id name } } }
  meetings { kind overdue due }
  terms { id termEnd daysLeft unit { id } }
} }`;

type Figures = Record<'stepsDue' | 'stepsOverdue' | 'requestsWaiting' | 'requestsOverdue' | 'meetingSlotsOverdue' | 'termsEnding' | 'termsOverdue', number>;
interface View {
  unit: { id: string; name: string; kind: string };
  leaf: boolean;
  trail: { id: string; name: string }[];
  term: { id: string; termEnd: string } | null;
  children: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { cursor: string; node: Figures & { leaf: boolean; unit: { id: string; name: string } } }[] };
  steps: { stepNo: number; kind: string; status: string; dueOn: string; member: { id: string; name: string } }[];
  requests: { status: string; dueOn: string | null; waitingDays: number; request: { id: string; kind: string; member: { id: string; name: string } } }[];
  meetings: { kind: string; overdue: number; due: number }[];
  terms: { id: string; termEnd: string; daysLeft: number; unit: { id: string } }[];
}

function at(iso: string): void {
  h.clock.now = new Date(`${iso}T04:00:00.000Z`);
}

async function view(who: Caller, unitId: string | null, page: { first?: number; after?: string } = {}): Promise<GqlResponse<{ oversight: View }>> {
  at(T);
  return h.gql<{ oversight: View }>(VIEW, { u: unitId, ...page }, who);
}

const figuresOf = (v: View) => Object.fromEntries(v.children.edges.map((e) => [e.node.unit.name, e.node]));

async function newPerson(unitId: string, name: string, appliedOn: string): Promise<string> {
  h.clock.now = new Date();
  const res = await h.gql<{ createMember: { id: string } }>(
    `mutation($input: CreateMemberInput!) { createMember(input: $input) { id } }`,
    { input: { orgUnitId: unitId, name, gender: 'FEMALE', birthDate: '1998-05-10', ethnicity: '汉族', education: 'BACHELOR', appliedOn } },
    as.admin,
  );
  return ok(res).createMember.id;
}

const RECORD = `mutation($memberId: ID!, $step: DevelopmentStepKind!, $occurredOn: Date!, $input: DevelopmentStepInput) {
  recordDevelopmentStep(memberId: $memberId, step: $step, occurredOn: $occurredOn, input: $input) { step { id } }
}`;
const MENTORS = `mutation($memberId: ID!, $ids: [ID!]!, $on: Date!) { assignMentors(memberId: $memberId, mentorIds: $ids, on: $on) { step { id } } }`;
const SPONSORS = `mutation($memberId: ID!, $ids: [ID!]!, $on: Date!) { assignSponsors(memberId: $memberId, sponsorIds: $ids, on: $on) { step { id } } }`;
const REQUEST = `mutation($memberId: ID!, $step: DevelopmentStepKind!, $input: DevelopmentStepInput) { requestLevelStep(memberId: $memberId, step: $step, input: $input) { id } }`;
const PASS_ON = `mutation($id: ID!) { passOnLevelRequest(id: $id) { id status } }`;
const APPROVE = `mutation($id: ID!, $on: Date) { approveLevelRequest(id: $id, on: $on) { request { id status } } }`;
const LEVEL_ABOVE = new Set(['ACTIVIST_FILING', 'CANDIDATE_FILING', 'HIGHER_PRE_REVIEW']);

async function step(who: Caller, memberId: string, p: PlannedStep): Promise<void> {
  at(p.occurredOn);
  const res =
    p.kind === 'MENTORS_ASSIGNED' || p.kind === 'SPONSORS_ASSIGNED'
      ? await h.gql(p.kind === 'MENTORS_ASSIGNED' ? MENTORS : SPONSORS, { memberId, ids: p.input.people!.map((x) => x.id), on: p.occurredOn }, who)
      : await h.gql(RECORD, { memberId, step: p.kind, occurredOn: p.occurredOn, input: p.input }, who);
  expect(res.errors, `${p.kind}: ${JSON.stringify(res.errors)}`).toBeUndefined();
}

const SET_UP = `mutation($input: SetUpCommitteeInput!) { setUpCommittee(input: $input) { id termEnd } }`;
async function term(unitId: string, termEnd: string): Promise<string> {
  at(T);
  return ok(await h.gql<{ setUpCommittee: { id: string } }>(SET_UP, { input: { unitId, termStart: addYears(termEnd, -3), termEnd } }, as.admin)).setUpCommittee.id;
}

describe('oversight across a two-level tree', () => {
  const people = {} as Record<'late' | 'soon' | 'waiting', string>;
  const terms = {} as Record<'b1' | 'b2' | 'g1', string>;

  beforeAll(async () => {
    // b1: applied two months ago, no talk yet (due within a month): overdue.
    people.late = await newPerson(fx.units.b1.id, '钱一', addDays(T, -60));
    await step(as.secretary, people.late, { kind: 'APPLICATION', occurredOn: addDays(T, -60), input: {} });
    // b2: applied ten days ago: the talk is due within the next 30 days.
    people.soon = await newPerson(fx.units.b2.id, '孙二', addDays(T, -10));
    await step(as.admin, people.soon, { kind: 'APPLICATION', occurredOn: addDays(T, -10), input: {} });
    // b3 (under g2): walked to step 13, whose request waits on the committee a year after the review.
    people.waiting = await newPerson(fx.units.b3.id, '李三', '2024-01-08');
    const plan = standardPlan('2024-01-08', {
      mentors: [{ id: fx.members.m4.id, stage: 'FULL', status: 'ACTIVE' }],
      sponsors: [
        { id: fx.members.m4.id, stage: 'FULL', status: 'ACTIVE' },
        { id: fx.members.m1.id, stage: 'FULL', status: 'ACTIVE' },
      ],
    });
    for (const p of plan) {
      if (!LEVEL_ABOVE.has(p.kind)) {
        // The second sponsor is from b1, which only the administrator sees.
        await step(p.kind === 'SPONSORS_ASSIGNED' ? as.admin : as.otherSecretary, people.waiting, p);
        continue;
      }
      at(p.occurredOn);
      const req = ok(await h.gql<{ requestLevelStep: { id: string } }>(REQUEST, { memberId: people.waiting, step: p.kind, input: p.input }, as.otherSecretary)).requestLevelStep;
      // g2 reviews and passes it on; the committee (here the administrator) decides.
      ok(await h.gql(PASS_ON, { id: req.id }, as.admin));
      if (p.kind === 'HIGHER_PRE_REVIEW') break;
      ok(await h.gql(APPROVE, { id: req.id, on: p.occurredOn }, as.admin));
    }
    terms.b1 = await term(fx.units.b1.id, addDays(T, 30)); // ending within 90 days
    terms.b2 = await term(fx.units.b2.id, addDays(T, -10)); // past its end
    terms.g1 = await term(fx.units.g1.id, '2028-01-01'); // far off: not a due item
  }, 120_000);

  /** What the areas' own lists say about one unit's subtree, for comparison. */
  async function areas(unitId: string): Promise<{ due: number; overdue: number; slots: number }> {
    at(T);
    const res = ok(
      await h.gql<{ due: { totalCount: number }; overdue: { totalCount: number }; meetingCompliance: { rows: { overdue: number }[] } }>(
        `query($u: ID!, $from: Date!, $to: Date!) {
          due: pipelineDue(unitId: $u, withinDays: 30, status: [DUE], first: 1) { totalCount }
          overdue: pipelineDue(unitId: $u, withinDays: 30, status: [OVERDUE, EXPIRED], first: 1) { totalCount }
          meetingCompliance(unitId: $u, period: { from: $from, to: $to }) { rows { overdue } }
        }`,
        { u: unitId, from: `${T.slice(0, 4)}-01-01`, to: T },
        as.admin,
      ),
    );
    return { due: res.due.totalCount, overdue: res.overdue.totalCount, slots: res.meetingCompliance.rows.reduce((n, r) => n + r.overdue, 0) };
  }

  it('gives the administrator one row per general branch, each summing its subtree', async () => {
    const v = ok(await view(as.admin, null)).oversight;
    expect(v.unit.id).toBe(fx.units.root.id);
    expect(v.leaf).toBe(false);
    expect(v.children.totalCount).toBe(2);
    const rows = figuresOf(v);
    expect(Object.keys(rows)).toEqual([fx.units.g1.name, fx.units.g2.name]);
    const g1 = rows[fx.units.g1.name]!;
    const g2 = rows[fx.units.g2.name]!;
    expect(g1).toMatchObject({ leaf: false, stepsDue: 1, stepsOverdue: 1, requestsWaiting: 0, requestsOverdue: 0, termsEnding: 1, termsOverdue: 1 });
    expect(g2).toMatchObject({ leaf: false, requestsWaiting: 1, requestsOverdue: 1, termsEnding: 0, termsOverdue: 0 });
    // The same numbers as the overdue list and the compliance report of each subtree.
    for (const [unit, row] of [[fx.units.g1, g1], [fx.units.g2, g2]] as const) {
      const a = await areas(unit.id);
      expect({ due: row.stepsDue, overdue: row.stepsOverdue, slots: row.meetingSlotsOverdue }, unit.name).toEqual(a);
    }
    expect(g1.meetingSlotsOverdue).toBeGreaterThan(0);
    expect(g2.stepsOverdue).toBeGreaterThanOrEqual(1); // the pre-review itself is late
  });

  it('drills down from the leader’s general branch to its branches, the trail starting at the scope', async () => {
    const v = ok(await view(as.leader, null)).oversight;
    expect(v.unit.id).toBe(fx.units.g1.id);
    expect(v.trail.map((u) => u.id)).toEqual([fx.units.g1.id]);
    expect(v.term?.id).toBe(terms.g1);
    const rows = figuresOf(v);
    expect(rows[fx.units.b1.name]).toMatchObject({ leaf: true, stepsDue: 0, stepsOverdue: 1, termsEnding: 1, termsOverdue: 0 });
    expect(rows[fx.units.b2.name]).toMatchObject({ leaf: true, stepsDue: 1, stepsOverdue: 0, termsEnding: 0, termsOverdue: 1 });
    expect(v.steps).toEqual([]); // above a branch: rows, not items
  });

  it('shows a branch’s own items with their members', async () => {
    const b1 = ok(await view(as.leader, fx.units.b1.id)).oversight;
    expect(b1.leaf).toBe(true);
    expect(b1.trail.map((u) => u.id)).toEqual([fx.units.g1.id, fx.units.b1.id]);
    expect(b1.children.edges).toEqual([]);
    expect(b1.steps).toEqual([expect.objectContaining({ kind: 'TALK', status: 'OVERDUE', member: { id: people.late, name: '钱一' } })]);
    expect(b1.terms.map((c) => c.id)).toEqual([terms.b1]);
    expect(b1.terms[0]!.daysLeft).toBe(30);
    expect(b1.meetings.some((m) => m.overdue > 0)).toBe(true);
    const b3 = ok(await view(as.admin, fx.units.b3.id)).oversight;
    expect(b3.requests).toEqual([expect.objectContaining({ status: 'OVERDUE', request: expect.objectContaining({ kind: 'HIGHER_PRE_REVIEW', status: 'PENDING', member: { id: people.waiting, name: '李三' } }) })]);
    expect(b3.trail.map((u) => u.id)).toEqual([fx.units.root.id, fx.units.g2.id, fx.units.b3.id]);
  });

  it('answers a unit outside the caller’s scope exactly like one that does not exist', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    const shape = (res: GqlResponse, id: string) => ({ code: codeOf(res), message: res.errors?.[0]?.message.replace(id, '<id>'), zh: String(res.errors?.[0]?.extensions.messageZh).replace(id, '<id>'), data: res.data });
    const none = shape(await view(as.secretary, missing), missing);
    expect(none.code).toBe('NOT_FOUND');
    // A branch secretary cannot see the sibling branch; the leader cannot see the other general branch or the root.
    expect(shape(await view(as.secretary, fx.units.b2.id), fx.units.b2.id)).toEqual(none);
    expect(shape(await view(as.leader, fx.units.g2.id), fx.units.g2.id)).toEqual(none);
    expect(shape(await view(as.leader, fx.units.root.id), fx.units.root.id)).toEqual(none);
    expect(shape(await view(as.otherSecretary, fx.units.b1.id), fx.units.b1.id)).toEqual(none);
    // Their own scope answers.
    expect(ok(await view(as.secretary, null)).oversight.unit.id).toBe(fx.units.b1.id);
    expect(ok(await view(as.secretary, fx.units.b1g.id)).oversight.trail.map((u) => u.id)).toEqual([fx.units.b1.id, fx.units.b1g.id]);
  });

  it('is for staff only', async () => {
    expect(codeOf(await view(as.member, null))).toBe('FORBIDDEN');
    expect(codeOf(await view(as.anonymous, null))).toBe('UNAUTHENTICATED');
  });

  it('pages the children with a cursor', async () => {
    const first = ok(await view(as.admin, null, { first: 1 })).oversight.children;
    expect(first.totalCount).toBe(2);
    expect(first.edges.map((e) => e.node.unit.id)).toEqual([fx.units.g1.id]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = ok(await view(as.admin, null, { first: 1, after: first.pageInfo.endCursor! })).oversight.children;
    expect(second.edges.map((e) => e.node.unit.id)).toEqual([fx.units.g2.id]);
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect(codeOf(await view(as.admin, null, { first: 1, after: 'bm90IGEgY3Vyc29y' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await view(as.admin, null, { first: 100_000 }))).toBe('BAD_USER_INPUT');
  });
});
