// Member development through GraphQL on a real database: a walk from application to full
// membership whose dates meet every rule, refusals with their rule codes (and nothing written),
// extension and revocation, the due list, and who may record steps. The level above's steps (4, 8,
// 13, 16, 17, 18, 24, 25) are requested by the branch and decided by the committee's account
// (level-decisions.int.test.ts covers the requests themselves).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, addYears } from '@lianjian/rules/dates';
import { standardPlan, type PlannedStep } from '@lianjian/rules/pipeline';
import { parseBundle, verifyBundle } from '@lianjian/verify';
import { anchorPending, apiKeyFor, createFixture, sessionFor, type Fixture } from './fixtures.js';
import { codeOf, startHarness, type Caller, type GqlResponse, type Harness } from './harness.js';

let h: Harness;
let fx: Fixture;
const as = {} as Record<'secretary' | 'admin' | 'member' | 'leader' | 'otherSecretary' | 'partner' | 'anonymous' | 'approver', Caller>;
let approverId: string;

beforeAll(async () => {
  h = await startHarness();
  fx = await createFixture(h.prisma);
  for (const who of ['secretary', 'admin', 'member', 'leader', 'otherSecretary'] as const) {
    as[who] = { token: await sessionFor(h.prisma, fx.accounts[who].id) };
  }
  as.partner = { apiKey: (await apiKeyFor(h.prisma, fx.units.g1.id, ['Member:read', 'DevelopmentStep:read'])).key };
  as.anonymous = {};
  // The committee's organiser: a SECRETARY scoped to the committee decides the level above's steps.
  approverId = (await h.prisma.account.create({ data: { username: 'approver', displayName: '组织员', passwordHash: 'unused', role: 'SECRETARY', scopeUnitId: fx.units.root.id } })).id;
  as.approver = { token: await sessionFor(h.prisma, approverId) };
});
afterAll(() => h?.close());

/** Moves the API's clock to noon (China time) of a calendar day. */
function today(iso: string): void {
  h.clock.now = new Date(`${iso}T04:00:00.000Z`);
}

const STEP_FIELDS = `step { id kind stepNo stage occurredOn notBefore dueOn version approval warnings { code } }
  member { id version stage status appliedOn activistSince candidateSince probationarySince probationEndsOn probationExtended fullMemberSince }
  warnings { code zh en }`;

const RECORD = `mutation($memberId: ID!, $step: DevelopmentStepKind!, $occurredOn: Date!, $input: DevelopmentStepInput) {
  recordDevelopmentStep(memberId: $memberId, step: $step, occurredOn: $occurredOn, input: $input) { ${STEP_FIELDS} }
}`;
const LEVEL_ABOVE = new Set(['ACTIVIST_FILING', 'CANDIDATE_FILING', 'HIGHER_PRE_REVIEW', 'COMMITTEE_TALK', 'ADMISSION_APPROVAL', 'DEPARTMENT_FILING', 'CONFIRMATION_APPROVAL', 'FILES_ARCHIVED']);
const REQUEST = `mutation($memberId: ID!, $step: DevelopmentStepKind!, $input: DevelopmentStepInput) { requestLevelStep(memberId: $memberId, step: $step, input: $input) { id } }`;
const APPROVE = `mutation($id: ID!, $on: Date) { approveLevelRequest(id: $id, on: $on) { ${STEP_FIELDS} } }`;
const MENTORS = `mutation($memberId: ID!, $ids: [ID!]!, $on: Date!) { assignMentors(memberId: $memberId, mentorIds: $ids, on: $on) { ${STEP_FIELDS} } }`;
const SPONSORS = `mutation($memberId: ID!, $ids: [ID!]!, $on: Date!) { assignSponsors(memberId: $memberId, sponsorIds: $ids, on: $on) { ${STEP_FIELDS} } }`;
const EXTEND = `mutation($memberId: ID!, $months: Int!, $meetingOn: Date!, $vote: BranchVoteInput!, $approvedOn: Date!, $reason: String!) {
  extendProbation(memberId: $memberId, months: $months, meetingOn: $meetingOn, vote: $vote, approvedOn: $approvedOn, reason: $reason) { ${STEP_FIELDS} }
}`;
const REVOKE = `mutation($memberId: ID!, $meetingOn: Date!, $vote: BranchVoteInput!, $approvedOn: Date!, $reason: String!) {
  revokeProbationaryMembership(memberId: $memberId, meetingOn: $meetingOn, vote: $vote, approvedOn: $approvedOn, reason: $reason) { ${STEP_FIELDS} }
}`;

interface StepPayload {
  step: { id: string; kind: string; stepNo: number; stage: string; occurredOn: string; notBefore: string | null; dueOn: string | null; version: number; approval: string; warnings: { code: string }[] };
  member: Record<string, unknown> & { version: number; stage: string; status: string };
  warnings: { code: string; zh: string; en: string }[];
}

/** A new applicant (createMember needs the application date; step 1 then records the application). */
async function newPerson(name: string, birthDate: string, appliedOn: string, unit: 'b1' | 'b1g' | 'b2' = 'b1'): Promise<string> {
  h.clock.now = new Date();
  const res = await h.gql<{ createMember: { id: string } }>(
    `mutation($input: CreateMemberInput!) { createMember(input: $input) { id } }`,
    { input: { orgUnitId: fx.units[unit].id, name, gender: 'FEMALE', birthDate, ethnicity: '汉族', education: 'BACHELOR', appliedOn } },
    as.admin,
  );
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!.createMember.id;
}

/** Sends one planned step through the matching mutation, with the clock on the day it is recorded. */
async function send(memberId: string, p: PlannedStep, who: Caller = as.secretary): Promise<GqlResponse<Record<string, StepPayload>>> {
  today(p.input.approvedOn ?? p.occurredOn);
  if (p.kind === 'MENTORS_ASSIGNED' || p.kind === 'SPONSORS_ASSIGNED') {
    const ids = p.input.people!.map((x) => x.id);
    return h.gql(p.kind === 'MENTORS_ASSIGNED' ? MENTORS : SPONSORS, { memberId, ids, on: p.occurredOn }, who);
  }
  if (p.kind === 'PROBATION_EXTENDED') {
    const { months, vote, approvedOn, reason } = p.input;
    return h.gql(EXTEND, { memberId, months, meetingOn: p.occurredOn, vote, approvedOn, reason }, who);
  }
  if (p.kind === 'MEMBERSHIP_REVOKED') {
    const { vote, approvedOn, reason } = p.input;
    return h.gql(REVOKE, { memberId, meetingOn: p.occurredOn, vote, approvedOn, reason }, who);
  }
  const { people, ...input } = p.input;
  if (LEVEL_ABOVE.has(p.kind)) return requestAndApprove(memberId, p.kind, p.occurredOn, input, who);
  return h.gql(RECORD, { memberId, step: p.kind, occurredOn: p.occurredOn, input: people ? { ...input, people: people.map((x) => x.id) } : input }, who);
}

/** A step of the level above: the branch (`who`) requests it, the committee's account approves it on its day. */
async function requestAndApprove(memberId: string, kind: string, on: string, input: Record<string, unknown>, who: Caller = as.secretary): Promise<GqlResponse<Record<string, StepPayload>>> {
  const req = await h.gql<{ requestLevelStep: { id: string } }>(REQUEST, { memberId, step: kind, input }, who);
  if (req.errors) return req as unknown as GqlResponse<Record<string, StepPayload>>;
  return h.gql(APPROVE, { id: req.data!.requestLevelStep.id, on }, as.approver);
}

const payloadOf = (res: GqlResponse<Record<string, StepPayload>>): StepPayload => Object.values(res.data ?? {})[0]!;

async function walk(memberId: string, plan: readonly PlannedStep[]): Promise<StepPayload[]> {
  const out: StepPayload[] = [];
  for (const p of plan) {
    const res = await send(memberId, p);
    expect(res.errors, `${p.kind} on ${p.occurredOn}: ${JSON.stringify(res.errors)}`).toBeUndefined();
    out.push(payloadOf(res));
  }
  return out;
}

const planFor = (appliedOn: string, extendMonths?: number) =>
  standardPlan(appliedOn, {
    mentors: [{ id: fx.members.m1.id, stage: 'FULL', status: 'ACTIVE' }],
    sponsors: [
      { id: fx.members.m1.id, stage: 'FULL', status: 'ACTIVE' },
      { id: fx.members.m2.id, stage: 'FULL', status: 'ACTIVE' },
    ],
    ...(extendMonths ? { extendMonths } : {}),
  });

const until = (plan: PlannedStep[], kind: string) => plan.slice(0, plan.findIndex((p) => p.kind === kind));
const step = (plan: PlannedStep[], kind: string) => plan.find((p) => p.kind === kind)!;

async function outboxCount(where: { entityType?: string; entityId?: string } = {}): Promise<number> {
  return h.prisma.outboxRecord.count({ where });
}

/** The error's rule code, its Chinese and English rule text, and the facts behind it. */
function refusal(res: GqlResponse) {
  expect(res.data?.[Object.keys(res.data ?? {})[0] ?? ''] ?? null).toBeNull();
  const e = res.errors?.[0];
  return { code: codeOf(res), rule: e?.extensions.rule as { code: string; zh: string; en: string } | undefined, facts: e?.extensions.facts as Record<string, unknown>, message: e?.message, messageZh: e?.extensions.messageZh as string };
}

describe('a walk from application to full membership', () => {
  let id: string;
  let plan: PlannedStep[];
  let results: StepPayload[];

  beforeAll(async () => {
    id = await newPerson('钱七', '1998-05-10', '2021-03-01');
    plan = planFor('2021-03-01');
    results = await walk(id, plan);
  });

  it('records every step and moves the stage exactly at the four deciding steps', () => {
    expect(results.map((r) => r.step.kind)).toEqual(plan.map((p) => p.kind));
    expect(results.flatMap((r) => r.warnings)).toEqual([]);
    const stageAfter = (kind: string) => results[plan.findIndex((p) => p.kind === kind)]!.member.stage;
    expect(stageAfter('TALK')).toBe('APPLICANT');
    expect(stageAfter('NOMINATION')).toBe('ACTIVIST');
    expect(stageAfter('CANDIDATE_DECISION')).toBe('CANDIDATE');
    expect(stageAfter('ADMISSION_MEETING')).toBe('CANDIDATE');
    expect(stageAfter('ADMISSION_APPROVAL')).toBe('PROBATIONARY');
    expect(stageAfter('CONFIRMATION_MEETING')).toBe('PROBATIONARY');
    expect(stageAfter('CONFIRMATION_APPROVAL')).toBe('FULL');
  });

  it('sets the dates of each stage; probation runs a year from the meeting and party age from its end', () => {
    const meeting = step(plan, 'ADMISSION_MEETING').occurredOn;
    const m = results.at(-1)!.member;
    expect(m).toMatchObject({
      stage: 'FULL',
      status: 'ACTIVE',
      appliedOn: '2021-03-01',
      activistSince: step(plan, 'NOMINATION').occurredOn,
      candidateSince: step(plan, 'CANDIDATE_DECISION').occurredOn,
      probationarySince: meeting,
      probationEndsOn: addYears(meeting, 1),
      probationExtended: false,
      fullMemberSince: addYears(meeting, 1),
    });
  });

  it('writes each step and each member version with its record document', async () => {
    const member = await h.prisma.member.findUniqueOrThrow({ where: { id } });
    // Version 1 at creation (with the application date), then the four stage changes.
    expect(member.version).toBe(5);
    expect(await outboxCount({ entityType: 'Member', entityId: id })).toBe(5);
    const steps = await h.prisma.developmentStep.findMany({ where: { memberId: id }, orderBy: { seq: 'asc' } });
    expect(steps.map((s) => s.seq)).toEqual(plan.map((_, i) => i + 1));
    const records = await h.prisma.outboxRecord.findMany({ where: { entityType: 'DevelopmentStep', entityId: { in: steps.map((s) => s.id) } } });
    expect(records).toHaveLength(steps.length);
    const meetingRow = steps.find((s) => s.kind === 'ADMISSION_MEETING')!;
    const doc = JSON.parse(records.find((r) => r.entityId === meetingRow.id)!.document) as { data: Record<string, unknown>; actor: string };
    expect(doc.data).toMatchObject({ memberId: id, kind: 'ADMISSION_MEETING', stepNo: 15, details: { vote: { entitled: 9, present: 8, yes: 7 } } });
    expect(doc.actor).toBe(fx.accounts.secretary.id);
    // The level above's steps are recorded by its own account, for its unit.
    expect(steps.filter((s) => LEVEL_ABOVE.has(s.kind)).map((s) => [s.actorId, s.approvingUnitId])).toEqual([...LEVEL_ABOVE].map(() => [approverId, fx.units.root.id]));
    const assignments = await h.prisma.mentorAssignment.findMany({ where: { memberId: id } });
    expect(assignments.map((a) => `${a.role}:${a.mentorId}`).sort()).toEqual(
      [`MENTOR:${fx.members.m1.id}`, `SPONSOR:${fx.members.m1.id}`, `SPONSOR:${fx.members.m2.id}`].sort(),
    );
    expect(await outboxCount({ entityType: 'MentorAssignment' })).toBeGreaterThanOrEqual(3);
  });

  it('serves the history with proofs, the assignments, and nothing left to do', async () => {
    today('2023-06-01');
    const res = await h.gql<{
      member: {
        stage: string;
        developmentHistory: { kind: string; seq: number; nameZh: string; proof: { status: string; version: number; document: { type: string; data: { kind: string } } } }[];
        mentorAssignments: { role: string; mentor: { id: string }; proof: { status: string } }[];
        nextActions: unknown[];
        pipelineDue: unknown[];
      };
    }>(
      `query($id: ID!) { member(id: $id) { stage
        developmentHistory { kind seq nameZh proof { status version document } }
        mentorAssignments(current: true) { role mentor { id } proof { status } }
        nextActions { kind }
        pipelineDue { kind } } }`,
      { id },
      as.secretary,
    );
    expect(res.errors).toBeUndefined();
    const m = res.data!.member;
    expect(m.developmentHistory.map((s) => s.kind)).toEqual(plan.map((p) => p.kind));
    expect(m.developmentHistory[0]).toMatchObject({ seq: 1, nameZh: '递交入党申请书', proof: { status: 'PENDING', version: 1, document: { type: 'DevelopmentStep', data: { kind: 'APPLICATION' } } } });
    expect(m.mentorAssignments).toHaveLength(3);
    expect(m.nextActions).toEqual([]);
    expect(m.pipelineDue).toEqual([]);
  });

  it('proves every step: anchored bundles verify offline and match the shown fields', async () => {
    await anchorPending(h.dbUrl);
    const res = await h.gql<{ member: { developmentHistory: { kind: string; stepNo: number; occurredOn: string; proof: { status: string; bundle: unknown } }[] } }>(
      `query($id: ID!) { member(id: $id) { developmentHistory { kind stepNo occurredOn proof { status bundle } } } }`,
      { id },
      as.secretary,
    );
    expect(res.errors).toBeUndefined();
    const steps = res.data!.member.developmentHistory;
    expect(steps).toHaveLength(plan.length);
    for (const s of steps) {
      expect(s.proof.status).toBe('ANCHORED');
      const report = await verifyBundle(parseBundle(s.proof.bundle), { fields: { kind: s.kind, stepNo: s.stepNo, occurredOn: s.occurredOn } });
      expect(report.checks.filter((c) => c.ok === false), s.kind).toEqual([]);
    }
    const forged = await verifyBundle(parseBundle(steps[0]!.proof.bundle), { fields: { occurredOn: '2021-02-28' } });
    expect(forged.checks.find((c) => c.name === 'fields')!.ok).toBe(false);
  });
});

describe('refused steps', () => {
  it('refuses an application before the 18th birthday, with the rule in both languages, and writes nothing', async () => {
    const id = await newPerson('孙八', '2005-06-01', '2023-06-01');
    const before = await outboxCount();
    today('2023-06-01');
    const res = await h.gql(RECORD, { memberId: id, step: 'APPLICATION', occurredOn: '2023-05-31' }, as.secretary);
    const r = refusal(res);
    expect(r.code).toBe('AGE_UNDER_18');
    expect(r.rule).toMatchObject({ code: 'AGE_UNDER_18', zh: expect.stringContaining('十八岁'), en: expect.stringContaining('18 years') });
    expect(r.facts).toEqual({ earliestOn: '2023-06-01' });
    expect(r.messageZh).toContain('第 1 步');
    expect(await outboxCount()).toBe(before);
    expect(await h.prisma.developmentStep.count({ where: { memberId: id } })).toBe(0);
    const ok = await h.gql(RECORD, { memberId: id, step: 'APPLICATION', occurredOn: '2023-06-01' }, as.secretary);
    expect(ok.errors).toBeUndefined();
  });

  it('refuses steps out of order, in the future, and with missing input', async () => {
    const id = await newPerson('周九', '1995-01-01', '2022-01-03');
    today('2022-01-10');
    expect(codeOf(await h.gql(RECORD, { memberId: id, step: 'TALK', occurredOn: '2022-01-10' }, as.secretary))).toBe('PIPELINE_NOT_STARTED');
    expect(codeOf(await h.gql(RECORD, { memberId: id, step: 'APPLICATION', occurredOn: '2022-01-11' }, as.secretary))).toBe('DATE_IN_FUTURE');
    expect((await h.gql(RECORD, { memberId: id, step: 'APPLICATION', occurredOn: '2022-01-03' }, as.secretary)).errors).toBeUndefined();
    const r = refusal(await h.gql(RECORD, { memberId: id, step: 'NOMINATION', occurredOn: '2022-01-10', input: { recommendedBy: 'PARTY_MEMBERS' } }, as.secretary));
    expect(r).toMatchObject({ code: 'PREREQUISITE_MISSING', facts: { missing: ['TALK'] } });
    expect(codeOf(await h.gql(RECORD, { memberId: id, step: 'APPLICATION', occurredOn: '2022-01-04' }, as.secretary))).toBe('STEP_ALREADY_RECORDED');
    expect((await h.gql(RECORD, { memberId: id, step: 'TALK', occurredOn: '2022-01-10' }, as.secretary)).errors).toBeUndefined();
    const noRec = await h.gql(RECORD, { memberId: id, step: 'NOMINATION', occurredOn: '2022-01-10', input: {} }, as.secretary);
    expect(codeOf(noRec)).toBe('RECOMMENDATION_MISSING');
    // A nomination under six months after the application is recorded, with the warning kept on the record.
    const early = await h.gql<Record<string, StepPayload>>(RECORD, { memberId: id, step: 'NOMINATION', occurredOn: '2022-01-10', input: { recommendedBy: 'PARTY_MEMBERS' } }, as.secretary);
    expect(early.errors).toBeUndefined();
    expect(payloadOf(early).warnings.map((w) => w.code)).toEqual(['NOMINATION_BEFORE_SIX_MONTHS']);
    expect(payloadOf(early).step.warnings.map((w) => w.code)).toEqual(['NOMINATION_BEFORE_SIX_MONTHS']);
    const m = await h.gql(MENTORS, { memberId: id, ids: [fx.members.m1.id], on: '2022-01-10' }, as.secretary);
    expect(m.errors).toBeUndefined();
    const missing = await h.gql(RECORD, { memberId: id, step: 'ACTIVIST_ASSESSMENT', occurredOn: '2022-01-10', input: {} }, as.secretary);
    expect(codeOf(missing)).toBe('BAD_USER_INPUT');
    expect(missing.errors![0]!.extensions).toMatchObject({ fields: [{ field: 'input.conclusion' }], rule: { code: 'INPUT_MISSING' } });
    // A mentor must be a full member: this person is an activist.
    const other = await newPerson('吴十', '1990-01-01', '2022-01-03');
    today('2022-01-10');
    expect((await h.gql(RECORD, { memberId: other, step: 'APPLICATION', occurredOn: '2022-01-03' }, as.secretary)).errors).toBeUndefined();
    expect(codeOf(await h.gql(MENTORS, { memberId: other, ids: [fx.members.m1.id], on: '2022-01-10' }, as.secretary))).toBe('WRONG_STAGE');
    expect(codeOf(await h.gql(MENTORS, { memberId: id, ids: [other], on: '2022-01-10' }, as.secretary))).toBe('MENTOR_NOT_FULL_MEMBER');
    expect(codeOf(await h.gql(MENTORS, { memberId: id, ids: [fx.members.m1.id, fx.members.m2.id, other], on: '2022-01-10' }, as.secretary))).toBe('MENTOR_COUNT');
  });

  describe('along a second walk', () => {
    let id: string;
    let plan: PlannedStep[];
    beforeAll(async () => {
      id = await newPerson('郑十一', '1997-09-09', '2021-04-05');
      plan = planFor('2021-04-05');
      await walk(id, until(plan, 'CANDIDATE_DECISION'));
    });

    it('refuses the candidate decision a day before a full year as an activist (TOO_EARLY_FOR_CANDIDACY)', async () => {
      const p = step(plan, 'CANDIDATE_DECISION');
      const early = addDays(p.occurredOn, -1);
      today(early);
      const r = refusal(await h.gql(RECORD, { memberId: id, step: 'CANDIDATE_DECISION', occurredOn: early, input: { viewsHeard: { on: early, sources: ['PARTY_GROUP', 'MENTORS', 'MEMBERS', 'PUBLIC'] } } }, as.secretary));
      expect(r).toMatchObject({ code: 'TOO_EARLY_FOR_CANDIDACY', facts: { earliestOn: p.occurredOn } });
      expect(r.rule!.zh).toContain('一年以上');
      const actions = await h.gql<{ member: { nextActions: { kind: string; legalToday: boolean; notBefore: string | null; blockedBy: { code: string } | null }[] } }>(
        `query($id: ID!) { member(id: $id) { nextActions { kind legalToday notBefore blockedBy { code zh en } } } }`,
        { id },
        as.secretary,
      );
      expect(actions.data!.member.nextActions.find((a) => a.kind === 'CANDIDATE_DECISION')).toEqual({
        kind: 'CANDIDATE_DECISION',
        legalToday: false,
        notBefore: p.occurredOn,
        blockedBy: expect.objectContaining({ code: 'TOO_EARLY_FOR_CANDIDACY' }),
      });
      await walk(id, [p]);
    });

    it('refuses an admission meeting without a quorum or a majority of those entitled', async () => {
      await walk(id, until(plan, 'ADMISSION_MEETING').slice(plan.findIndex((p) => p.kind === 'CANDIDATE_DECISION') + 1));
      const p = step(plan, 'ADMISSION_MEETING');
      today(p.occurredOn);
      const vote = (present: number, yes: number) => ({ entitled: 10, present, yes, no: present - yes, abstain: 0 });
      const quorum = refusal(await h.gql(RECORD, { memberId: id, step: 'ADMISSION_MEETING', occurredOn: p.occurredOn, input: { vote: vote(5, 5) } }, as.secretary));
      expect(quorum).toMatchObject({ code: 'QUORUM_NOT_MET', rule: { zh: expect.stringContaining('超过应到会有表决权人数的半数') } });
      const majority = refusal(await h.gql(RECORD, { memberId: id, step: 'ADMISSION_MEETING', occurredOn: p.occurredOn, input: { vote: vote(8, 5) } }, as.secretary));
      expect(majority.code).toBe('VOTE_NOT_PASSED');
      const ok = await h.gql<Record<string, StepPayload>>(RECORD, { memberId: id, step: 'ADMISSION_MEETING', occurredOn: p.occurredOn, input: { vote: vote(6, 6) } }, as.secretary);
      expect(ok.errors).toBeUndefined();
      expect(payloadOf(ok).member.stage).toBe('CANDIDATE');
    });

    it('refuses an approval after six months, then revokes probationary membership for good', async () => {
      const meeting = step(plan, 'ADMISSION_MEETING').occurredOn;
      await walk(id, [step(plan, 'COMMITTEE_TALK')]);
      const late = addDays(addMonths(meeting, 6), 1);
      today(late);
      expect(codeOf(await requestAndApprove(id, 'ADMISSION_APPROVAL', late, { lateReason: '换届' }))).toBe('APPROVAL_WINDOW_EXPIRED');
      const threeMonths = addDays(addMonths(meeting, 3), 1);
      today(threeMonths);
      expect(codeOf(await requestAndApprove(id, 'ADMISSION_APPROVAL', threeMonths, {}))).toBe('APPROVAL_NEEDS_SPECIAL_REASON');
      const approved = await requestAndApprove(id, 'ADMISSION_APPROVAL', threeMonths, { lateReason: '党委换届' });
      expect(approved.errors).toBeUndefined();
      expect(payloadOf(approved).warnings.map((w) => w.code)).toEqual(['APPROVAL_LATE']);
      expect(payloadOf(approved).member).toMatchObject({ stage: 'PROBATIONARY', probationarySince: meeting, probationEndsOn: addYears(meeting, 1) });

      const on = addDays(threeMonths, 30);
      today(on);
      const revoked = await h.gql<Record<string, StepPayload>>(REVOKE, { memberId: id, meetingOn: on, vote: { entitled: 9, present: 8, yes: 8, no: 0, abstain: 0 }, approvedOn: on, reason: '不履行党员义务' }, as.secretary);
      expect(revoked.errors).toBeUndefined();
      expect(payloadOf(revoked).member).toMatchObject({ stage: 'PROBATIONARY', status: 'REVOKED' });
      expect(payloadOf(revoked).step).toMatchObject({ kind: 'MEMBERSHIP_REVOKED', stepNo: 23, approval: 'APPROVED' });
      const before = await outboxCount();
      for (const kind of ['PLACEMENT', 'OATH', 'PROBATION_EXTENDED', 'MEMBERSHIP_REVOKED']) {
        expect(codeOf(await h.gql(RECORD, { memberId: id, step: kind, occurredOn: on }, as.secretary)), kind).toBe('MEMBERSHIP_REVOKED');
      }
      expect(await outboxCount()).toBe(before);
    });
  });
});

describe('extending probation', () => {
  it('extends once by 6–12 months, moves the end of probation, then confirms at the new end', async () => {
    const id = await newPerson('王十二', '1996-02-29', '2021-05-10');
    const plan = planFor('2021-05-10', 6);
    await walk(id, until(plan, 'PROBATION_EXTENDED'));
    const p = step(plan, 'PROBATION_EXTENDED');
    const end = p.occurredOn;
    const vote = p.input.vote;
    today(addDays(end, 20));
    const bad = (months: number, meetingOn = end) => h.gql(EXTEND, { memberId: id, months, meetingOn, vote, approvedOn: addDays(end, 20), reason: '继续考察' }, as.secretary);
    expect(codeOf(await bad(5))).toBe('EXTENSION_LENGTH_OUT_OF_RANGE');
    expect(codeOf(await bad(13))).toBe('EXTENSION_LENGTH_OUT_OF_RANGE');
    expect(codeOf(await bad(6, addDays(end, -1)))).toBe('TOO_EARLY_FOR_EXTENSION');
    const [extended] = await walk(id, [p]);
    expect(extended!.member).toMatchObject({ probationExtended: true, probationEndsOn: addMonths(end, 6), stage: 'PROBATIONARY' });
    today(addDays(end, 25));
    const again = refusal(await bad(6));
    expect(again.code).toBe('EXTENSION_ALREADY_USED');
    expect(again.rule!.zh).toBe('预备期只能延长一次。');
    const rest = await walk(id, plan.slice(plan.findIndex((x) => x.kind === 'PROBATION_EXTENDED') + 1));
    expect(rest.at(-1)!.member).toMatchObject({ stage: 'FULL', fullMemberSince: addMonths(end, 6) });
  });
});

describe('what is due', () => {
  const DUE = `query($unitId: ID, $asOf: Date, $first: Int, $after: String, $status: [PipelineDueStatus!], $withinDays: Int) {
    pipelineDue(unitId: $unitId, asOf: $asOf, first: $first, after: $after, status: $status, withinDays: $withinDays) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { cursor node { memberId member { name } kind stepNo dueOn status daysLeft rule { code zh } } }
    }
  }`;
  type Due = { pipelineDue: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { memberId: string; member: { name: string }; kind: string; dueOn: string; status: string; daysLeft: number; rule: { code: string } } }[] } };
  let talkOwed: string;

  beforeAll(async () => {
    talkOwed = await newPerson('冯十三', '1999-03-03', '2024-03-04', 'b1g');
    today('2024-03-04');
    expect((await h.gql(RECORD, { memberId: talkOwed, step: 'APPLICATION', occurredOn: '2024-03-04' }, as.secretary)).errors).toBeUndefined();
  });

  it('lists the talk as due until a month after the application, then overdue', async () => {
    today('2024-04-10');
    const due = await h.gql<Due>(DUE, { unitId: fx.units.b1.id, asOf: '2024-04-04' }, as.secretary);
    expect(due.errors).toBeUndefined();
    expect(due.data!.pipelineDue.edges.map((e) => e.node).filter((n) => n.memberId === talkOwed)).toEqual([
      { memberId: talkOwed, member: { name: '冯十三' }, kind: 'TALK', stepNo: 2, dueOn: '2024-04-04', status: 'DUE', daysLeft: 0, rule: { code: 'TALK_LATE', zh: expect.stringContaining('一个月内') } },
    ]);
    const overdue = await h.gql<Due>(DUE, { unitId: fx.units.b1.id, asOf: '2024-04-05', status: ['OVERDUE'] }, as.secretary);
    const mine = overdue.data!.pipelineDue.edges.find((e) => e.node.memberId === talkOwed)!.node;
    expect(mine).toMatchObject({ status: 'OVERDUE', daysLeft: -1 });
    expect(overdue.data!.pipelineDue.edges.every((e) => e.node.status === 'OVERDUE')).toBe(true);
  });

  it('pages through the subtree soonest first with cursors', async () => {
    const all = await h.gql<Due>(DUE, { asOf: '2024-04-05', withinDays: 3660, first: 100 }, as.admin);
    expect(all.errors).toBeUndefined();
    const total = all.data!.pipelineDue.totalCount;
    expect(total).toBeGreaterThan(1);
    const dues = all.data!.pipelineDue.edges.map((e) => e.node.dueOn);
    expect([...dues].sort()).toEqual(dues);
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < total + 1; i++) {
      const page: GqlResponse<Due> = await h.gql<Due>(DUE, { asOf: '2024-04-05', withinDays: 3660, first: 1, after }, as.admin);
      seen.push(...page.data!.pipelineDue.edges.map((e) => `${e.node.memberId}:${e.node.kind}`));
      if (!page.data!.pipelineDue.pageInfo.hasNextPage) break;
      after = page.data!.pipelineDue.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.data!.pipelineDue.edges.map((e) => `${e.node.memberId}:${e.node.kind}`));
  });

  it('is for staff of the subtree (and partner keys with DevelopmentStep:read)', async () => {
    expect(codeOf(await h.gql(DUE, { unitId: fx.units.b1.id }, as.otherSecretary))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(DUE, { unitId: fx.units.b1.id }, as.member))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(DUE, {}, as.anonymous))).toBe('UNAUTHENTICATED');
    expect((await h.gql(DUE, { unitId: fx.units.b1.id }, as.leader)).errors).toBeUndefined();
    expect((await h.gql(DUE, { unitId: fx.units.b1.id }, as.partner)).errors).toBeUndefined();
    const b3 = await h.gql<Due>(DUE, { asOf: '2024-04-05', withinDays: 3660 }, as.otherSecretary);
    expect(b3.data!.pipelineDue.edges.filter((e) => e.node.memberId === talkOwed)).toEqual([]);
  });
});

describe('who may record steps', () => {
  let id: string;
  beforeAll(async () => {
    id = await newPerson('陈十四', '1990-10-10', '2024-05-06');
  });

  it('refuses members, leaders, partner keys and anonymous callers', async () => {
    today('2024-05-06');
    const before = await outboxCount();
    const vars = { memberId: id, step: 'APPLICATION', occurredOn: '2024-05-06' };
    expect(codeOf(await h.gql(RECORD, vars, as.member))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(RECORD, vars, as.leader))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(RECORD, vars, as.partner))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(RECORD, vars, as.anonymous))).toBe('UNAUTHENTICATED');
    expect(codeOf(await h.gql(MENTORS, { memberId: id, ids: [fx.members.m1.id], on: '2024-05-06' }, as.member))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(EXTEND, { memberId: id, months: 6, meetingOn: '2024-05-06', vote: { entitled: 3, present: 3, yes: 3, no: 0, abstain: 0 }, approvedOn: '2024-05-06', reason: 'x' }, as.member))).toBe('FORBIDDEN');
    expect(await outboxCount()).toBe(before);
  });

  it('refuses a secretary of another unit, and accepts the unit’s secretary and an admin', async () => {
    today('2024-05-07');
    const other = await h.gql(RECORD, { memberId: id, step: 'APPLICATION', occurredOn: '2024-05-06' }, as.otherSecretary);
    expect(codeOf(other)).toBe('FORBIDDEN');
    expect(await h.prisma.developmentStep.count({ where: { memberId: id } })).toBe(0);
    expect((await h.gql(RECORD, { memberId: id, step: 'APPLICATION', occurredOn: '2024-05-06' }, as.secretary)).errors).toBeUndefined();
    expect((await h.gql(RECORD, { memberId: id, step: 'TALK', occurredOn: '2024-05-07' }, as.admin)).errors).toBeUndefined();
  });

  it('does not let a secretary name a mentor outside their subtree', async () => {
    const res = await h.gql(MENTORS, { memberId: id, ids: [fx.members.m4.id], on: '2024-05-07' }, as.secretary);
    expect(codeOf(res)).toBe('FORBIDDEN');
  });

  it('shows the history to the subtree and to the person, not to another unit', async () => {
    const q = `query($id: ID!) { member(id: $id) { developmentHistory { kind } } }`;
    expect((await h.gql<{ member: { developmentHistory: unknown[] } }>(q, { id }, as.secretary)).data!.member.developmentHistory).toHaveLength(2);
    expect(codeOf(await h.gql(q, { id }, as.otherSecretary))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(q, { id }, as.member))).toBe('FORBIDDEN');
  });
});
