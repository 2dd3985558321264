// Requests and decisions between levels (docs/decisions/013, 016) on a real database: an applicant
// walked from application to full member where every step of the level above (4, 8, 13, 16, 17,
// 18, 24, 25) is requested by the branch, reviewed and passed on by the general branch between,
// and decided by the committee's own account; one returned by the committee and one by the general
// branch, each with a reason, and requested again; each waiting request on the general branch's
// and then the committee's queue with its time limit; neither the branch nor the general branch
// can decide or record them, the branch cannot pass on; a branch directly under the committee
// skips the review.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths } from '@lianjian/rules/dates';
import { standardPlan, type PlannedStep } from '@lianjian/rules/pipeline';
import { createFixture, sessionFor, type Fixture } from './fixtures.js';
import { codeOf, ok, startHarness, type Caller, type GqlResponse, type Harness } from './harness.js';

let h: Harness;
let fx: Fixture;
const as = {} as Record<'secretary' | 'approver' | 'generalSecretary' | 'otherGeneralSecretary' | 'leader' | 'otherSecretary' | 'admin', Caller>;
let approverId: string;
let reviewerId: string;

const LEVEL_ABOVE = new Set(['ACTIVIST_FILING', 'CANDIDATE_FILING', 'HIGHER_PRE_REVIEW', 'COMMITTEE_TALK', 'ADMISSION_APPROVAL', 'DEPARTMENT_FILING', 'CONFIRMATION_APPROVAL', 'FILES_ARCHIVED']);

beforeAll(async () => {
  h = await startHarness();
  fx = await createFixture(h.prisma);
  const account = async (username: string, scopeUnitId: string) =>
    (await h.prisma.account.create({ data: { username, displayName: username, passwordHash: 'unused', role: 'SECRETARY', scopeUnitId } })).id;
  // The committee's organiser (组织员): a SECRETARY scoped to the committee; and the general branch's secretary between.
  approverId = await account('approver', fx.units.root.id);
  as.approver = { token: await sessionFor(h.prisma, approverId) };
  reviewerId = await account('gsecretary', fx.units.g1.id);
  as.generalSecretary = { token: await sessionFor(h.prisma, reviewerId) };
  as.otherGeneralSecretary = { token: await sessionFor(h.prisma, await account('g2secretary', fx.units.g2.id)) };
  for (const who of ['secretary', 'leader', 'otherSecretary', 'admin'] as const) as[who] = { token: await sessionFor(h.prisma, fx.accounts[who].id) };
});
afterAll(() => h?.close());

function today(iso: string): void {
  h.clock.now = new Date(`${iso}T04:00:00.000Z`);
}

const REQUEST_FIELDS = 'id version kind stepNo status returnReason decidedById requestedById decidingUnitId reviewingUnitId reviewedById reviewNote stepId notes documents';
const REQUEST = `mutation($memberId: ID!, $step: DevelopmentStepKind!, $input: DevelopmentStepInput, $documents: [DocumentRefInput!]) {
  requestLevelStep(memberId: $memberId, step: $step, input: $input, documents: $documents) { ${REQUEST_FIELDS} }
}`;
const DECISION_FIELDS = `request { ${REQUEST_FIELDS} } step { id kind actorId approval approvingUnit { id } occurredOn } member { stage } warnings { code }`;
const APPROVE = `mutation($id: ID!, $on: Date) { approveLevelRequest(id: $id, on: $on) { ${DECISION_FIELDS} } }`;
const RETURN = `mutation($id: ID!, $reason: String!) { returnLevelRequest(id: $id, reason: $reason) { ${DECISION_FIELDS} } }`;
const PASS_ON = `mutation($id: ID!, $note: String) { passOnLevelRequest(id: $id, note: $note) { ${REQUEST_FIELDS} } }`;
const RECORD = `mutation($memberId: ID!, $step: DevelopmentStepKind!, $occurredOn: Date!, $input: DevelopmentStepInput) {
  recordDevelopmentStep(memberId: $memberId, step: $step, occurredOn: $occurredOn, input: $input) { step { id } }
}`;
const MENTORS = `mutation($memberId: ID!, $ids: [ID!]!, $on: Date!) { assignMentors(memberId: $memberId, mentorIds: $ids, on: $on) { step { id } } }`;
const SPONSORS = `mutation($memberId: ID!, $ids: [ID!]!, $on: Date!) { assignSponsors(memberId: $memberId, sponsorIds: $ids, on: $on) { step { id } } }`;
const QUEUE = `query($asOf: Date, $unitId: ID) { approvalQueue(asOf: $asOf, unitId: $unitId, first: 50) {
  totalCount edges { node { stage since waitingDays dueOn deadline status daysLeft request { id kind member { id name } } } }
} }`;
const MEMBER_REQUESTS = `query($id: ID!) { member(id: $id) { levelRequests { id kind status returnReason decidedById reviewedById decidingUnitName reviewingUnitName } } }`;

interface Req {
  id: string;
  version: number;
  kind: string;
  stepNo: number;
  status: string;
  returnReason: string | null;
  decidedById: string | null;
  requestedById: string | null;
  decidingUnitId: string;
  reviewingUnitId: string | null;
  reviewedById: string | null;
  reviewNote: string | null;
  stepId: string | null;
}
interface Decision { request: Req; step: { id: string; kind: string; actorId: string; approval: string; approvingUnit: { id: string }; occurredOn: string } | null; member: { stage: string }; warnings: { code: string }[] }
interface QueueItem { stage: string; since: string; waitingDays: number; dueOn: string | null; deadline: string | null; status: string; daysLeft: number | null; request: { id: string; kind: string; member: { id: string } } }
type Queue = { approvalQueue: { totalCount: number; edges: { node: QueueItem }[] } };

async function newPerson(name: string, appliedOn: string, orgUnitId = fx.units.b1.id): Promise<string> {
  h.clock.now = new Date();
  const res = await h.gql<{ createMember: { id: string } }>(
    `mutation($input: CreateMemberInput!) { createMember(input: $input) { id } }`,
    { input: { orgUnitId, name, gender: 'FEMALE', birthDate: '1998-05-10', ethnicity: '汉族', education: 'BACHELOR', appliedOn } },
    as.admin,
  );
  return ok(res).createMember.id;
}

const planFor = (appliedOn: string) =>
  standardPlan(appliedOn, {
    mentors: [{ id: fx.members.m1.id, stage: 'FULL', status: 'ACTIVE' }],
    sponsors: [
      { id: fx.members.m1.id, stage: 'FULL', status: 'ACTIVE' },
      { id: fx.members.m2.id, stage: 'FULL', status: 'ACTIVE' },
    ],
  });

/** A branch step, recorded by the branch secretary on its day. */
async function branchStep(memberId: string, p: PlannedStep, who: Caller = as.secretary): Promise<void> {
  today(p.occurredOn);
  let res: GqlResponse;
  if (p.kind === 'MENTORS_ASSIGNED' || p.kind === 'SPONSORS_ASSIGNED') {
    res = await h.gql(p.kind === 'MENTORS_ASSIGNED' ? MENTORS : SPONSORS, { memberId, ids: p.input.people!.map((x) => x.id), on: p.occurredOn }, who);
  } else {
    res = await h.gql(RECORD, { memberId, step: p.kind, occurredOn: p.occurredOn, input: p.input }, who);
  }
  expect(res.errors, `${p.kind}: ${JSON.stringify(res.errors)}`).toBeUndefined();
}

async function request(memberId: string, p: PlannedStep, documents: { name: string; sha256: string }[] = []): Promise<Req> {
  today(p.occurredOn);
  return ok(await h.gql<{ requestLevelStep: Req }>(REQUEST, { memberId, step: p.kind, input: p.input, documents }, as.secretary)).requestLevelStep;
}

async function queue(asOf: string, who: Caller = as.approver): Promise<QueueItem[]> {
  return ok(await h.gql<Queue>(QUEUE, { asOf }, who)).approvalQueue.edges.map((e) => e.node);
}

/** The general branch passes a request in its review on to the committee. */
async function passOn(id: string, note: string | null = null, who: Caller = as.generalSecretary): Promise<Req> {
  return ok(await h.gql<{ passOnLevelRequest: Req }>(PASS_ON, { id, note }, who)).passOnLevelRequest;
}

function forbiddenRule(res: GqlResponse): { code: string | null; rule: string | undefined; message: string | undefined; messageZh: unknown } {
  const e = res.errors?.[0];
  return { code: codeOf(res), rule: (e?.extensions.rule as { code: string } | undefined)?.code, message: e?.message, messageZh: e?.extensions.messageZh };
}

describe('an applicant walked to full membership, the level above deciding its own steps', () => {
  let id: string;
  let plan: PlannedStep[];
  const decided: Decision[] = [];
  const passed: Req[] = [];
  const queued = new Map<string, QueueItem>();
  const inReview = new Map<string, { requested: Req; generalSaw: QueueItem | undefined; committeeDecisionQueue: boolean }>();
  let returned: { first: Req; reason: string; branchSaw: { status: string; returnReason: string | null }[]; again: Req } | undefined;
  let returnedInReview: { first: Req; reason: string; branchSaw: Req[]; again: Req } | undefined;
  const refusals: Record<string, ReturnType<typeof forbiddenRule>> = {};

  beforeAll(async () => {
    id = await newPerson('孙八', '2021-03-01');
    plan = planFor('2021-03-01');
    for (const p of plan) {
      if (!LEVEL_ABOVE.has(p.kind)) {
        await branchStep(id, p);
        continue;
      }
      // The branch may no longer record it itself.
      if (p.kind === 'ADMISSION_APPROVAL') refusals.record = forbiddenRule(await h.gql(RECORD, { memberId: id, step: p.kind, occurredOn: p.occurredOn, input: p.input }, as.secretary));
      let req = await request(id, p, p.kind === 'HIGHER_PRE_REVIEW' ? [{ name: '公示情况报告.pdf', sha256: 'a'.repeat(64) }] : []);
      // b1 sits under the general branch g1: the request waits on its review first.
      const generalSaw = (await queue(p.occurredOn, as.generalSecretary)).find((x) => x.request.id === req.id);
      const committeeDecisionQueue = (await queue(p.occurredOn)).some((x) => x.request.id === req.id && x.stage === 'DECISION');
      inReview.set(p.kind, { requested: req, generalSaw, committeeDecisionQueue });
      if (p.kind === 'ADMISSION_APPROVAL') {
        refusals.branchPassesOn = forbiddenRule(await h.gql(PASS_ON, { id: req.id }, as.secretary));
        refusals.otherGeneralPassesOn = forbiddenRule(await h.gql(PASS_ON, { id: req.id }, as.otherGeneralSecretary));
        refusals.branchReturnsInReview = forbiddenRule(await h.gql(RETURN, { id: req.id, reason: '自行退回' }, as.secretary));
        refusals.generalApprovesInReview = forbiddenRule(await h.gql(APPROVE, { id: req.id }, as.generalSecretary));
      }
      if (p.kind === 'COMMITTEE_TALK') {
        // The general branch returns it in its review, with a reason; the branch requests again.
        const reason = '谈话记录未附谈话人签字，请补充后重新报送';
        const first = ok(await h.gql<{ returnLevelRequest: Decision }>(RETURN, { id: req.id, reason }, as.generalSecretary)).returnLevelRequest.request;
        const branchSaw = ok(await h.gql<{ member: { levelRequests: Req[] } }>(MEMBER_REQUESTS, { id }, as.secretary)).member.levelRequests.filter((r) => r.kind === p.kind);
        req = await request(id, p);
        returnedInReview = { first, reason, branchSaw, again: req };
      }
      // The files (step 25): the committee acts directly on the request still in review.
      if (p.kind !== 'FILES_ARCHIVED') passed.push(await passOn(req.id, p.kind === 'HIGHER_PRE_REVIEW' ? '经总支审核，材料齐全，同意报党委预审' : null));
      const item = (await queue(p.occurredOn)).find((x) => x.request.id === req.id);
      if (item) queued.set(p.kind, item);
      if (p.kind === 'ADMISSION_APPROVAL') {
        refusals.passedTwice = forbiddenRule(await h.gql(PASS_ON, { id: req.id }, as.generalSecretary));
        refusals.branchDecides = forbiddenRule(await h.gql(APPROVE, { id: req.id }, as.secretary));
        refusals.generalBranchDecides = forbiddenRule(await h.gql(APPROVE, { id: req.id }, as.generalSecretary));
        refusals.generalBranchReturnsPassed = forbiddenRule(await h.gql(RETURN, { id: req.id, reason: '转报后退回' }, as.generalSecretary));
        refusals.otherBranchDecides = forbiddenRule(await h.gql(RETURN, { id: req.id, reason: '越权' }, as.otherSecretary));
        refusals.twice = { code: codeOf(await h.gql(REQUEST, { memberId: id, step: p.kind, input: p.input }, as.secretary)), rule: undefined, message: undefined, messageZh: undefined };
        // Even the deciding level decides the request rather than recording beside it.
        refusals.bypass = { code: codeOf(await h.gql(RECORD, { memberId: id, step: p.kind, occurredOn: p.occurredOn, input: p.input }, as.approver)), rule: undefined, message: undefined, messageZh: undefined };
      }
      if (p.kind === 'CANDIDATE_FILING') {
        const reason = '发展对象备案材料缺少政治审查函调材料，请补充后重新报送';
        const first = ok(await h.gql<{ returnLevelRequest: Decision }>(RETURN, { id: req.id, reason }, as.approver)).returnLevelRequest.request;
        const branchSaw = ok(await h.gql<{ member: { levelRequests: Req[] } }>(MEMBER_REQUESTS, { id }, as.secretary)).member.levelRequests.filter((r) => r.kind === p.kind);
        req = await request(id, p);
        returned = { first, reason, branchSaw, again: req };
        await passOn(req.id);
      }
      const d = ok(await h.gql<{ approveLevelRequest: Decision }>(APPROVE, { id: req.id, on: p.occurredOn }, as.approver)).approveLevelRequest;
      decided.push(d);
    }
  });

  it('reaches full membership with every level-above step passed on by the general branch and decided by the committee’s account', async () => {
    expect(decided.map((d) => d.request.kind)).toEqual(plan.filter((p) => LEVEL_ABOVE.has(p.kind)).map((p) => p.kind));
    expect(decided.map((d) => d.request.stepNo)).toEqual([4, 8, 13, 16, 17, 18, 24, 25]);
    for (const d of decided) {
      expect(d.request).toMatchObject({
        status: 'APPROVED',
        version: 3,
        decidedById: approverId,
        // Passed on by the general branch; the files by the committee itself, acting directly.
        reviewedById: d.request.kind === 'FILES_ARCHIVED' ? approverId : reviewerId,
        reviewingUnitId: fx.units.g1.id,
        decidingUnitId: fx.units.root.id,
        stepId: d.step!.id,
      });
      expect(d.step).toMatchObject({ kind: d.request.kind, actorId: approverId, approvingUnit: { id: fx.units.root.id } });
      expect(d.request.requestedById).toBe(fx.accounts.secretary.id);
    }
    expect(decided.find((d) => d.request.kind === 'ADMISSION_APPROVAL')!.step!.approval).toBe('APPROVED');
    expect(decided.find((d) => d.request.kind === 'ADMISSION_APPROVAL')!.member.stage).toBe('PROBATIONARY');
    expect(decided.at(-1)!.member.stage).toBe('FULL');
    const history = ok(await h.gql<{ member: { stage: string; developmentHistory: { kind: string; actorId: string }[] } }>(`query($id: ID!) { member(id: $id) { stage developmentHistory { kind actorId } } }`, { id }, as.secretary)).member;
    expect(history.stage).toBe('FULL');
    expect(history.developmentHistory.map((s) => s.kind)).toEqual(plan.map((p) => p.kind));
    expect(history.developmentHistory.filter((s) => LEVEL_ABOVE.has(s.kind)).every((s) => s.actorId === approverId)).toBe(true);
  });

  it('starts each request in the general branch’s review and passes it on to the committee with the note', () => {
    expect(passed).toHaveLength(LEVEL_ABOVE.size - 1);
    for (const [kind, r] of inReview) {
      expect(r.requested, kind).toMatchObject({ status: 'IN_REVIEW', version: 1, reviewingUnitId: fx.units.g1.id, decidingUnitId: fx.units.root.id, reviewedById: null });
      // Waiting on the general branch, not yet on the committee's decision.
      expect(r.committeeDecisionQueue, kind).toBe(false);
    }
    expect(passed.every((p) => p.status === 'PENDING' && p.version === 2 && p.reviewedById === reviewerId)).toBe(true);
    expect(passed.find((p) => p.kind === 'HIGHER_PRE_REVIEW')!.reviewNote).toBe('经总支审核，材料齐全，同意报党委预审');
  });

  it('writes each request version as a record: the branch’s, the general branch’s, then the deciding account’s', async () => {
    const d = decided.find((x) => x.request.kind === 'HIGHER_PRE_REVIEW')!;
    const recs = await h.prisma.outboxRecord.findMany({ where: { entityType: 'LevelRequest', entityId: d.request.id }, orderBy: { version: 'asc' } });
    expect(recs.map((r) => r.version)).toEqual([1, 2, 3]);
    const docs = recs.map((r) => JSON.parse(r.document) as { actor: string; data: { status: string; documents: unknown[]; reviewNote: string | null } });
    expect(docs.map((x) => [x.actor, x.data.status])).toEqual([
      [fx.accounts.secretary.id, 'IN_REVIEW'],
      [reviewerId, 'PENDING'],
      [approverId, 'APPROVED'],
    ]);
    expect(docs[1]!.data.reviewNote).toBe('经总支审核，材料齐全，同意报党委预审');
    expect(docs[0]!.data.documents).toEqual([{ name: '公示情况报告.pdf', sha256: 'a'.repeat(64) }]);
    const step = await h.prisma.developmentStep.findUniqueOrThrow({ where: { id: d.step!.id } });
    expect(step.documents).toEqual([{ name: '公示情况报告.pdf', sha256: 'a'.repeat(64) }]);
    // Acting directly on a request in review does not skip it unseen: the committee's pass-on is a version of its own.
    const files = decided.find((x) => x.request.kind === 'FILES_ARCHIVED')!;
    const direct = await h.prisma.outboxRecord.findMany({ where: { entityType: 'LevelRequest', entityId: files.request.id }, orderBy: { version: 'asc' } });
    expect(direct.map((r) => { const x = JSON.parse(r.document) as { actor: string; data: { status: string } }; return [x.actor, x.data.status]; })).toEqual([
      [fx.accounts.secretary.id, 'IN_REVIEW'],
      [approverId, 'PENDING'],
      [approverId, 'APPROVED'],
    ]);
  });

  it('returns a request with a reason the branch sees, and takes it again', () => {
    expect(returned!.first).toMatchObject({ status: 'RETURNED', returnReason: returned!.reason, decidedById: approverId, stepId: null });
    // The branch reads the reason and who decides, though the committee's unit is above its scope.
    expect(returned!.branchSaw).toEqual([expect.objectContaining({ status: 'RETURNED', returnReason: returned!.reason, decidingUnitName: '测试党委' })]);
    expect(returned!.again.status).toBe('IN_REVIEW');
    expect(returned!.again.id).not.toBe(returned!.first.id);
  });

  it('lets the general branch return a request in its review with a reason the branch sees', () => {
    expect(returnedInReview!.first).toMatchObject({ status: 'RETURNED', version: 2, returnReason: returnedInReview!.reason, reviewedById: reviewerId, decidedById: null, stepId: null });
    expect(returnedInReview!.branchSaw).toEqual([
      expect.objectContaining({ status: 'RETURNED', returnReason: returnedInReview!.reason, reviewedById: reviewerId, reviewingUnitName: '第一党总支' }),
    ]);
    expect(returnedInReview!.again).toMatchObject({ status: 'IN_REVIEW', version: 1 });
  });

  it('shows every request on the general branch’s queue in review, then on the committee’s, with since-when and the same time limit', () => {
    expect([...queued.keys()].sort()).toEqual([...LEVEL_ABOVE].sort());
    const on = (kind: string) => plan.find((p) => p.kind === kind)!.occurredOn;
    for (const [kind, item] of queued) {
      expect(item.since, kind).toBe(on(kind));
      // The committee also sees what its general branches still review (the files, left in review).
      expect(item.stage, kind).toBe(kind === 'FILES_ARCHIVED' ? 'REVIEW' : 'DECISION');
      expect(item.request.member.id).toBe(id);
      // The limits run from the branch's steps: the review does not restart them.
      const review = inReview.get(kind)!.generalSaw;
      expect(review, kind).toMatchObject({ stage: 'REVIEW', since: on(kind), dueOn: item.dueOn, deadline: item.deadline, status: item.status });
    }
    // Pre-review: a month after the branch committee's review; approval: 3 months after the meeting, at most 6.
    expect(queued.get('HIGHER_PRE_REVIEW')).toMatchObject({ dueOn: addMonths(on('COMMITTEE_REVIEW'), 1), status: 'DUE' });
    expect(queued.get('ADMISSION_APPROVAL')).toMatchObject({ dueOn: addMonths(on('ADMISSION_MEETING'), 3), deadline: addMonths(on('ADMISSION_MEETING'), 6), status: 'DUE' });
    expect(queued.get('CONFIRMATION_APPROVAL')).toMatchObject({ dueOn: addMonths(on('CONFIRMATION_MEETING'), 3), status: 'DUE' });
    expect(queued.get('ACTIVIST_FILING')).toMatchObject({ dueOn: null, status: 'WAITING' });
  });

  it('refuses the branch, the general branch between and another branch: FORBIDDEN with the rule, in both languages', () => {
    expect(refusals.record).toMatchObject({ code: 'FORBIDDEN', rule: 'LEVEL_ABOVE_DECIDES' });
    expect(refusals.record!.message).toContain('LEVEL_ABOVE_DECIDES');
    expect(refusals.record!.messageZh).toContain('上级党组织');
    for (const r of [refusals.branchDecides, refusals.otherBranchDecides]) {
      expect(r).toMatchObject({ code: 'FORBIDDEN', rule: 'NOT_THE_DECIDING_LEVEL' });
      expect(r!.messageZh).toContain('测试党委');
    }
    // A general branch reviews and passes on; it does not approve, in review or after.
    for (const r of [refusals.generalApprovesInReview, refusals.generalBranchDecides, refusals.generalBranchReturnsPassed]) {
      expect(r).toMatchObject({ code: 'FORBIDDEN', rule: 'GENERAL_BRANCH_PASSES_ON' });
      expect(r!.message).toContain('does not approve');
      expect(r!.messageZh).toContain('党总支负责审核并转报申请，不作审批');
    }
    // Only the general branch (or above) reviews: not the branch, not another general branch.
    for (const r of [refusals.branchPassesOn, refusals.otherGeneralPassesOn, refusals.branchReturnsInReview]) {
      expect(r).toMatchObject({ code: 'FORBIDDEN', rule: 'NOT_THE_REVIEWING_LEVEL' });
      expect(r!.messageZh).toContain('第一党总支');
    }
    expect(refusals.passedTwice!.code).toBe('REQUEST_NOT_IN_REVIEW');
    expect(refusals.twice!.code).toBe('REQUEST_ALREADY_PENDING');
    expect(refusals.bypass!.code).toBe('REQUEST_ALREADY_PENDING');
  });
});

describe('a branch directly under the committee', () => {
  let id: string;
  let req: Req;
  let decision: Decision;
  let passOnRefused: string | null;

  beforeAll(async () => {
    h.clock.now = new Date();
    const unit = ok(await h.gql<{ createOrgUnit: { id: string } }>(
      `mutation($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { id } }`,
      { input: { parentId: fx.units.root.id, kind: 'BRANCH', name: '机关党支部', code: 'lvl-direct-branch', establishedOn: '2020-01-01' } },
      as.admin,
    )).createOrgUnit.id;
    id = await newPerson('吴十', '2021-03-01', unit);
    const plan = planFor('2021-03-01');
    for (const p of plan.slice(0, plan.findIndex((x) => LEVEL_ABOVE.has(x.kind)))) await branchStep(id, p, as.admin);
    const p = plan.find((x) => LEVEL_ABOVE.has(x.kind))!;
    today(p.occurredOn);
    req = ok(await h.gql<{ requestLevelStep: Req }>(REQUEST, { memberId: id, step: p.kind, input: p.input }, as.admin)).requestLevelStep;
    passOnRefused = codeOf(await h.gql(PASS_ON, { id: req.id }, as.approver));
    decision = ok(await h.gql<{ approveLevelRequest: Decision }>(APPROVE, { id: req.id, on: p.occurredOn }, as.approver)).approveLevelRequest;
  });

  it('skips the review: the request waits on the committee at once and is decided there', () => {
    expect(req).toMatchObject({ status: 'PENDING', version: 1, reviewingUnitId: null, decidingUnitId: fx.units.root.id });
    expect(passOnRefused).toBe('REQUEST_NOT_IN_REVIEW');
    expect(decision.request).toMatchObject({ status: 'APPROVED', version: 2, reviewedById: null, decidedById: approverId });
  });
});

describe('the queue', () => {
  let id: string;
  let plan: PlannedStep[];
  let reqId: string;
  let inReview: QueueItem[] = [];
  const meetingOn = () => plan.find((p) => p.kind === 'ADMISSION_MEETING')!.occurredOn;

  beforeAll(async () => {
    id = await newPerson('周九', '2021-06-01');
    plan = planFor('2021-06-01');
    for (const p of plan.slice(0, plan.findIndex((x) => x.kind === 'ADMISSION_APPROVAL'))) {
      if (!LEVEL_ABOVE.has(p.kind)) {
        await branchStep(id, p);
        continue;
      }
      const r = await request(id, p);
      await passOn(r.id);
      ok(await h.gql(APPROVE, { id: r.id, on: p.occurredOn }, as.approver));
    }
    reqId = (await request(id, { kind: 'ADMISSION_APPROVAL', occurredOn: addDays(meetingOn(), 20), input: {} })).id;
    inReview = (await queue(addDays(meetingOn(), 20), as.generalSecretary)).filter((x) => x.request.id === reqId);
    await passOn(reqId);
  });

  it('lists a request in review on its general branch’s queue, with the time limit from the branch’s request', () => {
    expect(inReview).toEqual([expect.objectContaining({ stage: 'REVIEW', since: addDays(meetingOn(), 20), dueOn: addMonths(meetingOn(), 3), status: 'DUE', waitingDays: 0 })]);
  });

  it('turns a waiting approval overdue after 3 months and expired after 6', async () => {
    const at = async (asOf: string) => (await queue(asOf)).find((x) => x.request.id === reqId)!;
    expect(await at(addMonths(meetingOn(), 3))).toMatchObject({ status: 'DUE', daysLeft: 0 });
    expect(await at(addDays(addMonths(meetingOn(), 3), 1))).toMatchObject({ status: 'OVERDUE', daysLeft: -1 });
    expect(await at(addDays(addMonths(meetingOn(), 6), 1))).toMatchObject({ status: 'EXPIRED' });
    expect((await at(addDays(meetingOn(), 30))).waitingDays).toBe(10);
  });

  it('is scoped to the caller’s subtree: once passed on, the committee sees it, the branch and the general branch do not', async () => {
    const asOf = addDays(meetingOn(), 21);
    expect((await queue(asOf, as.approver)).some((x) => x.request.id === reqId)).toBe(true);
    expect((await queue(asOf, as.admin)).some((x) => x.request.id === reqId)).toBe(true);
    expect(await queue(asOf, as.secretary)).toEqual([]);
    expect(await queue(asOf, as.generalSecretary)).toEqual([]);
    expect(await queue(asOf, as.leader)).toEqual([]);
    const branch = ok(await h.gql<{ levelRequests: { totalCount: number; edges: { node: { id: string; status: string } }[] } }>(
      `query($u: ID) { levelRequests(unitId: $u, status: [PENDING], first: 10) { totalCount edges { node { id status } } } }`,
      { u: fx.units.b1.id },
      as.secretary,
    )).levelRequests;
    expect(branch.edges.map((e) => e.node.id)).toContain(reqId);
    expect(codeOf(await h.gql(`query($u: ID) { levelRequests(unitId: $u, first: 10) { totalCount } }`, { u: fx.units.b1.id }, as.otherSecretary))).toBe('FORBIDDEN');
  });

  it('needs a reason to return, and refuses a second decision', async () => {
    expect(codeOf(await h.gql(RETURN, { id: reqId, reason: '   ' }, as.approver))).toBe('BAD_USER_INPUT');
    today(addDays(meetingOn(), 25));
    ok(await h.gql(APPROVE, { id: reqId }, as.approver));
    expect(codeOf(await h.gql(RETURN, { id: reqId, reason: '已批准后退回' }, as.approver))).toBe('REQUEST_NOT_PENDING');
    expect(codeOf(await h.gql(REQUEST, { memberId: id, step: 'TALK' }, as.secretary))).toBe('NOT_A_LEVEL_ABOVE_STEP');
  });

  it('takes a request to the decision and back to the branch through the API in well under a second each', async () => {
    today(addDays(meetingOn(), 32));
    const t0 = performance.now();
    const req = ok(await h.gql<{ requestLevelStep: Req }>(REQUEST, { memberId: id, step: 'DEPARTMENT_FILING' }, as.secretary)).requestLevelStep;
    const t1 = performance.now();
    await passOn(req.id);
    const t2 = performance.now();
    const waiting = (await queue(addDays(meetingOn(), 32))).find((x) => x.request.id === req.id);
    const t3 = performance.now();
    ok(await h.gql(APPROVE, { id: req.id }, as.approver));
    const t4 = performance.now();
    const seen = ok(await h.gql<{ member: { levelRequests: Req[] } }>(MEMBER_REQUESTS, { id }, as.secretary)).member.levelRequests.find((r) => r.id === req.id);
    const t5 = performance.now();
    expect(waiting?.status).toBe('WAITING');
    expect(seen?.status).toBe('APPROVED');
    const ms = [t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4].map(Math.round);
    process.stderr.write(`[level-decisions] request ${ms[0]} ms → passed on ${ms[1]} ms → queue ${ms[2]} ms → decision ${ms[3]} ms → branch sees it ${ms[4]} ms\n`);
    for (const x of ms) expect(x).toBeLessThan(1000);
  });
});
