// The inbox (issue #22) on a real database: an applicant walked through the pipeline by the
// branch secretary, the reminders generateReminders writes for it — the step due for the
// branch's secretary, the request waiting on the general branch and then on the committee, the
// decision told to the requester — written once however often generation runs, and done when the
// step is recorded, the request passed on or decided; a meeting about to start, a committee term
// ending, a transfer letter about to expire and an open tamper alert, each for whom it concerns and
// cleared when it no longer does. Only the owner reads or marks an item; a partner key has no inbox.
import { beforeAll, describe, expect, it } from 'vitest';
import { standardPlan, type PlannedStep } from '@lianjian/rules/pipeline';
import { addDays } from '@lianjian/rules/dates';
import { generateReminders } from '../src/modules/inbox/reminders/index.js';
import { apiKeyFor, sessionFor } from './fixtures.js';
import { codeOf, ok, type Caller, type GqlResponse } from './harness.js';
import { apiSuite } from './suite.js';

const { h, fx, as } = apiSuite({ sessions: ['secretary', 'member', 'admin', 'otherSecretary'], others: ['approver', 'general', 'partner'] });

const INBOX = `query($open: Boolean, $first: Int, $after: String) {
  inbox(open: $open, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id kind subjectType subjectId title occasion link dueAt readAt doneAt } }
  }
}`;
const COUNTS = `{ inboxCounts { open unread } }`;
const MARK = `mutation($ids: [ID!]!) { markInboxRead(ids: $ids) { id readAt doneAt } }`;
const RECORD = `mutation($memberId: ID!, $step: DevelopmentStepKind!, $occurredOn: Date!, $input: DevelopmentStepInput) {
  recordDevelopmentStep(memberId: $memberId, step: $step, occurredOn: $occurredOn, input: $input) { step { id } }
}`;
const MENTORS = `mutation($memberId: ID!, $ids: [ID!]!, $on: Date!) { assignMentors(memberId: $memberId, mentorIds: $ids, on: $on) { step { id } } }`;
const SPONSORS = `mutation($memberId: ID!, $ids: [ID!]!, $on: Date!) { assignSponsors(memberId: $memberId, sponsorIds: $ids, on: $on) { step { id } } }`;
const REQUEST = `mutation($memberId: ID!, $step: DevelopmentStepKind!, $input: DevelopmentStepInput) {
  requestLevelStep(memberId: $memberId, step: $step, input: $input) { id status }
}`;
const PASS_ON = `mutation($id: ID!) { passOnLevelRequest(id: $id) { id status } }`;
const APPROVE = `mutation($id: ID!, $on: Date) { approveLevelRequest(id: $id, on: $on) { request { id status } } }`;

interface Item { id: string; kind: string; subjectType: string; subjectId: string; title: string; occasion: string | null; link: string; dueAt: string | null; readAt: string | null; doneAt: string | null }
type Inbox = { inbox: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: Item }[] } };

const LEVEL_ABOVE = new Set(['ACTIVIST_FILING', 'CANDIDATE_FILING', 'HIGHER_PRE_REVIEW', 'COMMITTEE_TALK', 'ADMISSION_APPROVAL', 'DEPARTMENT_FILING', 'CONFIRMATION_APPROVAL', 'FILES_ARCHIVED']);

function today(iso: string): void {
  h.clock.now = new Date(`${iso}T04:00:00.000Z`);
}

async function inboxOf(who: Caller, open: boolean | null = null): Promise<Item[]> {
  const out: Item[] = [];
  let after: string | null = null;
  for (;;) {
    const page: Inbox['inbox'] = ok(await h.gql<Inbox>(INBOX, { open, first: 100, after }, who)).inbox;
    out.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage) return out;
    after = page.pageInfo.endCursor;
  }
}

/** Every inbox row as the database holds it (key, owner, done), to compare runs. */
async function allRows(): Promise<string[]> {
  const rows = await h.prisma.inboxItem.findMany({ orderBy: { key: 'asc' }, select: { key: true, id: true, doneAt: true } });
  return rows.map((r) => `${r.key}|${r.id}|${r.doneAt?.toISOString() ?? ''}`);
}

const generate = () => generateReminders(h.prisma, h.clock.now);

let memberId: string;
let plan: PlannedStep[];

async function branchStep(p: PlannedStep): Promise<void> {
  today(p.occurredOn);
  let res: GqlResponse;
  if (p.kind === 'MENTORS_ASSIGNED' || p.kind === 'SPONSORS_ASSIGNED') {
    res = await h.gql(p.kind === 'MENTORS_ASSIGNED' ? MENTORS : SPONSORS, { memberId, ids: p.input.people!.map((x) => x.id), on: p.occurredOn }, as.secretary);
  } else {
    res = await h.gql(RECORD, { memberId, step: p.kind, occurredOn: p.occurredOn, input: p.input }, as.secretary);
  }
  expect(res.errors, `${p.kind}: ${JSON.stringify(res.errors)}`).toBeUndefined();
}

beforeAll(async () => {
  const account = async (username: string, scopeUnitId: string) =>
    (await h.prisma.account.create({ data: { username, displayName: username, passwordHash: 'unused', role: 'SECRETARY', scopeUnitId } })).id;
  // The committee's organiser (a SECRETARY scoped to the committee) and the general branch's secretary.
  as.approver.token = await sessionFor(h.prisma, await account('approver', fx.units.root.id));
  as.general.token = await sessionFor(h.prisma, await account('gsecretary', fx.units.g1.id));
  as.partner.apiKey = (await apiKeyFor(h.prisma, fx.units.g1.id, ['Member:read', 'OrgUnit:read'])).key;
  h.clock.now = new Date();
  const created = await h.gql<{ createMember: { id: string } }>(
    `mutation($input: CreateMemberInput!) { createMember(input: $input) { id } }`,
    { input: { orgUnitId: fx.units.b1g.id, name: '钱七', gender: 'FEMALE', birthDate: '1998-05-10', ethnicity: '汉族', education: 'BACHELOR', appliedOn: '2021-03-01' } },
    as.admin,
  );
  memberId = ok(created).createMember.id;
  plan = standardPlan('2021-03-01', {
    mentors: [{ id: fx.members.m1.id, stage: 'FULL', status: 'ACTIVE' }],
    sponsors: [
      { id: fx.members.m1.id, stage: 'FULL', status: 'ACTIVE' },
      { id: fx.members.m2.id, stage: 'FULL', status: 'ACTIVE' },
    ],
  });
  expect(plan[0]!.kind).toBe('APPLICATION');
  expect(plan[1]!.kind).toBe('TALK');
  await branchStep(plan[0]!);
});

describe('a step due', () => {
  let talk: Item;

  it('reaches the secretary of the member’s branch (the group’s parent), once however often generation runs', async () => {
    // The talk is due a month after the application; ten days before, it is in the horizon.
    today(addDays('2021-03-01', 20));
    const first = await generate();
    expect(first.counts.STEP_DUE?.created).toBeGreaterThanOrEqual(1);
    const mine = (await inboxOf(as.secretary, true)).filter((i) => i.kind === 'STEP_DUE' && i.subjectId === memberId);
    expect(mine).toHaveLength(1);
    talk = mine[0]!;
    expect(talk).toMatchObject({ subjectType: 'Member', title: '钱七', occasion: 'TALK', link: `/members/${memberId}`, readAt: null, doneAt: null });
    expect(talk.dueAt).not.toBeNull();

    const before = await allRows();
    const second = await generate();
    expect(second.created).toBe(0);
    expect(await allRows()).toEqual(before);
    // Nobody else was told: not the secretary of another branch, not the member, not the admin.
    for (const who of [as.member, as.admin, as.general]) {
      expect((await inboxOf(who)).some((i) => i.subjectId === memberId && i.kind === 'STEP_DUE')).toBe(false);
    }
  });

  it('counts it open and unread, then read once marked', async () => {
    const counts = ok(await h.gql<{ inboxCounts: { open: number; unread: number } }>(COUNTS, {}, as.secretary)).inboxCounts;
    expect(counts.open).toBeGreaterThanOrEqual(1);
    expect(counts.unread).toBe(counts.open);
    const marked = ok(await h.gql<{ markInboxRead: Item[] }>(MARK, { ids: [talk.id] }, as.secretary)).markInboxRead;
    expect(marked).toEqual([{ id: talk.id, readAt: expect.any(String), doneAt: null }]);
    const after = ok(await h.gql<{ inboxCounts: { open: number; unread: number } }>(COUNTS, {}, as.secretary)).inboxCounts;
    expect(after).toEqual({ open: counts.open, unread: counts.unread - 1 });
  });

  it('is done when the step is recorded', async () => {
    await branchStep(plan[1]!);
    const run = await generate();
    expect(run.counts.STEP_DUE?.done).toBeGreaterThanOrEqual(1);
    const item = (await inboxOf(as.secretary)).find((i) => i.id === talk.id)!;
    expect(item.doneAt).not.toBeNull();
    expect((await inboxOf(as.secretary, true)).some((i) => i.id === talk.id)).toBe(false);
  });
});

describe('a request to the level above', () => {
  let requestId: string;
  let filing: PlannedStep;

  beforeAll(async () => {
    const at = plan.findIndex((p) => LEVEL_ABOVE.has(p.kind));
    for (const p of plan.slice(2, at)) await branchStep(p);
    filing = plan[at]!;
    today(filing.occurredOn);
    const req = ok(await h.gql<{ requestLevelStep: { id: string; status: string } }>(REQUEST, { memberId, step: filing.kind, input: filing.input }, as.secretary)).requestLevelStep;
    requestId = req.id;
    // b1 sits under the general branch g1: the request waits on its review first.
    expect(req.status).toBe('IN_REVIEW');
  });

  const waiting = async (who: Caller) => (await inboxOf(who)).filter((i) => i.kind === 'LEVEL_REQUEST_WAITING' && i.subjectId === requestId);

  it('waits on the general branch while in its review, then on the committee, each told once', async () => {
    await generate();
    await generate();
    const general = await waiting(as.general);
    expect(general).toEqual([expect.objectContaining({ occasion: 'IN_REVIEW', title: '钱七', link: '/approvals', doneAt: null })]);
    expect(await waiting(as.approver)).toEqual([]);

    ok(await h.gql(PASS_ON, { id: requestId }, as.general));
    await generate();
    expect((await waiting(as.general))[0]!.doneAt).not.toBeNull();
    const committee = await waiting(as.approver);
    expect(committee).toEqual([expect.objectContaining({ occasion: 'PENDING', doneAt: null })]);
    // The branch's secretary, who asked, has nothing to decide.
    expect(await waiting(as.secretary)).toEqual([]);
  });

  it('is done for the committee once decided, and the requester is told; reading that is the end of it', async () => {
    const decided = ok(await h.gql<{ approveLevelRequest: { request: { status: string } } }>(APPROVE, { id: requestId, on: filing.occurredOn }, as.approver));
    expect(decided.approveLevelRequest.request.status).toBe('APPROVED');
    await generate();
    expect((await waiting(as.approver)).every((i) => i.doneAt !== null)).toBe(true);
    const told = (await inboxOf(as.secretary, true)).filter((i) => i.kind === 'LEVEL_REQUEST_DECIDED');
    expect(told).toEqual([expect.objectContaining({ subjectType: 'Member', subjectId: memberId, occasion: 'APPROVED', link: `/members/${memberId}` })]);
    const before = await allRows();
    await generate();
    expect(await allRows()).toEqual(before);
    const [read] = ok(await h.gql<{ markInboxRead: Item[] }>(MARK, { ids: [told[0]!.id] }, as.secretary)).markInboxRead;
    expect(read!.doneAt).not.toBeNull();
  });
});

describe('a meeting about to start', () => {
  const PLAN = `mutation($input: PlanMeetingInput!) { planMeeting(input: $input) { id } }`;
  const PUBLISH = `mutation($id: ID!) { publishMeeting(id: $id) { id status } }`;
  const CANCEL = `mutation($id: ID!, $reason: String!) { cancelMeeting(id: $id, reason: $reason) { id status } }`;
  let meetingId: string;

  beforeAll(async () => {
    h.clock.now = new Date();
    const startsAt = new Date(h.clock.now.getTime() + 6 * 3600_000);
    const input = { unitId: fx.units.b1.id, kind: 'BRANCH_GENERAL', title: '第四季度支部党员大会', agenda: '学习文件', place: '会议室 301', startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 90 * 60_000).toISOString() };
    meetingId = ok(await h.gql<{ planMeeting: { id: string } }>(PLAN, { input }, as.secretary)).planMeeting.id;
  });

  const soon = async (who: Caller) => (await inboxOf(who)).filter((i) => i.kind === 'MEETING_SOON' && i.subjectId === meetingId);

  it('reminds the members who may attend once it is published and within a day, and clears when it is cancelled', async () => {
    await generate();
    expect(await soon(as.member)).toEqual([]);
    ok(await h.gql(PUBLISH, { id: meetingId }, as.secretary));
    await generate();
    await generate();
    // m1 (the member account) is a full member of b1, so may attend the branch's general meeting.
    expect(await soon(as.member)).toEqual([expect.objectContaining({ title: '第四季度支部党员大会', link: `/meetings/${meetingId}`, doneAt: null })]);
    // The secretary and admin accounts have no member record: nobody to remind there.
    expect(await soon(as.secretary)).toEqual([]);
    ok(await h.gql(CANCEL, { id: meetingId, reason: '改期' }, as.secretary));
    await generate();
    expect((await soon(as.member))[0]!.doneAt).not.toBeNull();
  });
});

describe('a committee term ending', () => {
  const SET_UP = `mutation($input: SetUpCommitteeInput!) { setUpCommittee(input: $input) { id termEnd current } }`;
  let committeeId: string;

  it('reaches the secretaries of the unit and of the unit above within 90 days of the end, and clears when a new term is elected', async () => {
    today('2026-07-01');
    committeeId = ok(await h.gql<{ setUpCommittee: { id: string } }>(SET_UP, { input: { unitId: fx.units.b1.id, termStart: '2023-09-01', termEnd: '2026-09-01' } }, as.admin)).setUpCommittee.id;
    await generate();
    const ending = async (who: Caller) => (await inboxOf(who)).filter((i) => i.kind === 'TERM_ENDING' && i.subjectId === committeeId);
    expect(await ending(as.secretary)).toEqual([expect.objectContaining({ title: fx.units.b1.name, link: `/units/${fx.units.b1.id}`, doneAt: null })]);
    expect(await ending(as.general)).toHaveLength(1);
    expect(await ending(as.approver)).toEqual([]);
    today('2026-08-25');
    ok(await h.gql(SET_UP, { input: { unitId: fx.units.b1.id, termStart: '2026-08-25', termEnd: '2029-08-25' } }, as.admin));
    await generate();
    expect((await ending(as.secretary))[0]!.doneAt).not.toBeNull();
  });
});

describe('a transfer letter about to expire', () => {
  const ISSUE = `mutation($input: IssueTransferLetterInput!) { issueTransferLetter(input: $input) { id validUntil status } }`;
  const CANCEL = `mutation($id: ID!) { cancelTransfer(id: $id) { id status } }`;

  it('reaches the issuing unit’s secretaries within 14 days of its end while not received, and clears when cancelled', async () => {
    today('2026-03-02');
    const letter = ok(await h.gql<{ issueTransferLetter: { id: string; validUntil: string } }>(ISSUE, { input: { memberId: fx.members.m4.id, letterNo: 'L-inbox-m4', toUnitId: fx.units.b1.id } }, as.otherSecretary)).issueTransferLetter;
    const expiring = async (who: Caller) => (await inboxOf(who)).filter((i) => i.kind === 'TRANSFER_EXPIRING' && i.subjectId === letter.id);
    await generate();
    expect(await expiring(as.otherSecretary)).toEqual([]);
    today(addDays(letter.validUntil, -10));
    await generate();
    expect(await expiring(as.otherSecretary)).toEqual([expect.objectContaining({ title: fx.members.m4.name, link: '/transfers', doneAt: null })]);
    // The receiving branch is not the one to chase it.
    expect(await expiring(as.secretary)).toEqual([]);
    ok(await h.gql(CANCEL, { id: letter.id }, as.otherSecretary));
    await generate();
    expect((await expiring(as.otherSecretary))[0]!.doneAt).not.toBeNull();
  });
});

describe('a tamper alert', () => {
  it('reaches every ADMIN account while it is unresolved, and no one else', async () => {
    // What the indexer's auditor writes when a row changed behind the API's back (indexer/src/audit.ts).
    const alert = await h.prisma.tamperAlert.create({ data: { kind: 'ROW_MISMATCH', entityType: 'Member', entityId: memberId, detail: { note: 'test' } } });
    await generate();
    const admin = (await inboxOf(as.admin, true)).filter((i) => i.kind === 'TAMPER_ALERT');
    expect(admin).toEqual([expect.objectContaining({ subjectType: 'TamperAlert', subjectId: String(alert.id), title: 'ROW_MISMATCH Member', link: '/admin/tamper' })]);
    expect((await inboxOf(as.secretary)).some((i) => i.kind === 'TAMPER_ALERT')).toBe(false);
  });
});

describe('whose inbox', () => {
  it('lets no one but the owner mark an item: another account is told it does not exist', async () => {
    const item = (await inboxOf(as.secretary))[0]!;
    for (const who of [as.member, as.admin, as.approver]) {
      const res = await h.gql(MARK, { ids: [item.id] }, who);
      expect(codeOf(res)).toBe('NOT_FOUND');
      expect(res.data).toBeNull();
    }
    const still = (await inboxOf(as.secretary)).find((i) => i.id === item.id)!;
    expect(still.readAt).toBe(item.readAt);
  });

  it('refuses a partner key clearly: it has no inbox', async () => {
    for (const q of [INBOX, COUNTS, `{ emailPreferences { email } }`]) {
      const res = await h.gql(q, {}, as.partner);
      expect(codeOf(res)).toBe('FORBIDDEN');
      expect(res.errors![0]!.message).toMatch(/has no inbox/);
      expect(res.errors![0]!.extensions.messageZh).toMatch(/没有收件箱/);
    }
    expect(codeOf(await h.gql(MARK, { ids: [] }, as.partner))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(COUNTS, {}, as.anonymous))).toBe('UNAUTHENTICATED');
  });

  it('pages newest first with a cursor the list issued', async () => {
    const all = await inboxOf(as.secretary);
    expect(all.length).toBeGreaterThanOrEqual(2);
    const first = ok(await h.gql<Inbox>(INBOX, { first: 1 }, as.secretary)).inbox;
    expect(first.totalCount).toBe(all.length);
    expect(first.edges[0]!.node.id).toBe(all[0]!.id);
    const next = ok(await h.gql<Inbox>(INBOX, { first: 1, after: first.pageInfo.endCursor }, as.secretary)).inbox;
    expect(next.edges[0]!.node.id).toBe(all[1]!.id);
    expect(codeOf(await h.gql(INBOX, { first: 1, after: 'bm90IGEgY3Vyc29y' }, as.secretary))).toBe('BAD_USER_INPUT');
  });
});

describe('e-mail settings', () => {
  const SET_MODE = `mutation($kind: InboxKind!, $mode: EmailMode!) { setEmailPreference(kind: $kind, mode: $mode) { email preferences { kind mode } } }`;
  const SET_EMAIL = `mutation($email: String) { setMyEmail(email: $email) { email preferences { kind mode } } }`;

  it('asks for an address before e-mail is chosen, and refuses what is not one, in both languages', async () => {
    const res = await h.gql(SET_MODE, { kind: 'STEP_DUE', mode: 'IMMEDIATE' }, as.secretary);
    expect(codeOf(res)).toBe('EMAIL_ADDRESS_MISSING');
    expect(res.errors![0]!.extensions.messageZh).toMatch(/邮箱/);
    for (const bad of ['not an address', 'a@b', '张三 <a@example.com>', 'a@@example.com', 'a@example..com']) {
      const r = await h.gql(SET_EMAIL, { email: bad }, as.secretary);
      expect(codeOf(r), bad).toBe('BAD_USER_INPUT');
    }
  });

  it('keeps the address and each kind’s choice for the caller only; clearing the address turns e-mail off', async () => {
    const set = ok(await h.gql<{ setMyEmail: { email: string } }>(SET_EMAIL, { email: ' secretary@example.com ' }, as.secretary)).setMyEmail;
    expect(set.email).toBe('secretary@example.com');
    const chosen = ok(await h.gql<{ setEmailPreference: { preferences: { kind: string; mode: string }[] } }>(SET_MODE, { kind: 'STEP_DUE', mode: 'DIGEST' }, as.secretary)).setEmailPreference;
    expect(chosen.preferences.find((p) => p.kind === 'STEP_DUE')!.mode).toBe('DIGEST');
    expect(chosen.preferences.filter((p) => p.mode !== 'OFF')).toHaveLength(1);
    const other = ok(await h.gql<{ emailPreferences: { email: string | null; preferences: { mode: string }[] } }>(`{ emailPreferences { email preferences { mode } } }`, {}, as.member)).emailPreferences;
    expect(other.email).toBeNull();
    expect(other.preferences.every((p) => p.mode === 'OFF')).toBe(true);
    const cleared = ok(await h.gql<{ setMyEmail: { email: string | null; preferences: { mode: string }[] } }>(SET_EMAIL, { email: null }, as.secretary)).setMyEmail;
    expect(cleared.email).toBeNull();
    expect(cleared.preferences.every((p) => p.mode === 'OFF')).toBe(true);
  });
});
