// Votes and elections through GraphQL on a real database: the frozen roll, secret ballots with
// receipts, quorum and majority rules, seats, the tally and its recomputation from the ballot
// record documents, the development pipeline's use of a tallied vote, and who may see what.
import { beforeAll, describe, expect, it } from 'vitest';
import { recomputeTally, toHex, type RecordDocument } from '@lianjian/verify';
import { createHash } from 'node:crypto';
import { standardPlan, type PlannedStep } from '@lianjian/rules/pipeline';
import { rollHash } from '../src/modules/votes/service.js';
import { ACCOUNT_NAMES, apiKeyFor } from './fixtures.js';
import { codeOf, ok, type Caller, type GqlResponse } from './harness.js';
import { CAST, CLOSE_VOTE, CREATE_VOTE, OPEN_VOTE, VERIFY_MY_BALLOT, accountFor, memberWithAccount, type VoteView } from './votes-helpers.js';
import { apiSuite } from './suite.js';

const { h, fx, as } = apiSuite({ sessions: ACCOUNT_NAMES });
/** Voters of b1's subtree: m1 (the member account), m2 (b1g), v3, v4, v5 — five full members. */
const voters = {} as Record<'m1' | 'm2' | 'v3' | 'v4' | 'v5', Caller>;
const voterIds = {} as Record<'m1' | 'm2' | 'v3' | 'v4' | 'v5', string>;
let probationary: Caller;
let m3: Caller;

beforeAll(async () => {
  voters.m1 = as.member;
  voterIds.m1 = fx.members.m1.id;
  voters.m2 = await accountFor(h.prisma, fx.members.m2);
  voterIds.m2 = fx.members.m2.id;
  for (const [i, name] of (['v3', 'v4', 'v5'] as const).entries()) {
    const v = await memberWithAccount(h.prisma, `投票人${i + 3}`, fx.units.b1.id);
    voters[name] = v.as;
    voterIds[name] = v.member.id;
  }
  probationary = (await memberWithAccount(h.prisma, '预备党员甲', fx.units.b1.id, 'PROBATIONARY')).as;
  m3 = await accountFor(h.prisma, fx.members.m3);
});

const motionInput = (over: Record<string, unknown> = {}) => ({ orgUnitId: fx.units.b1.id, kind: 'MOTION', title: '关于开展主题党日活动的议题', ...over });

async function newVote(input: Record<string, unknown>, who: Caller = as.secretary): Promise<VoteView> {
  return ok(await h.gql<{ createVote: VoteView }>(CREATE_VOTE, { input }, who)).createVote;
}
async function openedVote(input: Record<string, unknown>): Promise<VoteView> {
  const v = await newVote(input);
  return ok(await h.gql<{ openVote: VoteView }>(OPEN_VOTE, { id: v.id }, as.secretary)).openVote;
}
const cast = (vote: VoteView, choices: string[], who: Caller) =>
  h.gql<{ castBallot: { receipt: string; receiptHash: string; rollEntry: { memberId: string; votedAt: string } } }>(CAST, { voteId: vote.id, choices }, who);
const optionId = (v: VoteView, label: string) => v.options.find((o) => o.label === label)!.id;
async function closed(vote: VoteView): Promise<VoteView> {
  return ok(await h.gql<{ closeVote: VoteView }>(CLOSE_VOTE, { id: vote.id }, as.secretary)).closeVote;
}
const reasonOf = (res: GqlResponse) => res.errors?.[0]?.extensions.reason;
const fieldsOf = (res: GqlResponse) => (res.errors?.[0]?.extensions.fields as { field: string }[] | undefined)?.map((f) => f.field);

describe('creating a vote', () => {
  it('gives a motion the options 赞成 / 反对 / 弃权 and starts as a draft', async () => {
    const v = await newVote(motionInput());
    expect(v).toMatchObject({ status: 'DRAFT', version: 1, quorumRule: 'MORE_THAN_HALF', majorityRule: 'MORE_THAN_HALF_OF_ENTITLED', seats: 1, eligibleCount: null, tally: null });
    expect(v.options.map((o) => [o.position, o.label])).toEqual([[1, '赞成'], [2, '反对'], [3, '弃权']]);
  });

  it('refuses bad input with the fields named', async () => {
    const admission = await h.gql(CREATE_VOTE, { input: motionInput({ kind: 'ADMISSION', majorityRule: 'MORE_THAN_HALF_OF_CAST' }) }, as.secretary);
    expect(codeOf(admission)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(admission)).toEqual(['input.majorityRule', 'input.subjectMemberId']);
    const seats = await h.gql(CREATE_VOTE, { input: motionInput({ seats: 2 }) }, as.secretary);
    expect(fieldsOf(seats)).toEqual(['input.seats']);
    const fewCandidates = await h.gql(CREATE_VOTE, { input: motionInput({ kind: 'ELECTION', seats: 2, candidates: [{ label: '甲' }] }) }, as.secretary);
    expect(fieldsOf(fewCandidates)).toEqual(['input.candidates']);
    const twice = await h.gql(CREATE_VOTE, { input: motionInput({ kind: 'ELECTION', candidates: [{ label: '甲' }, { label: '甲' }] }) }, as.secretary);
    expect(fieldsOf(twice)).toEqual(['input.candidates']);
    const fullSubject = await h.gql(CREATE_VOTE, { input: motionInput({ kind: 'ADMISSION', subjectMemberId: fx.members.m1.id }) }, as.secretary);
    expect(fieldsOf(fullSubject)).toEqual(['input.subjectMemberId']);
    expect(codeOf(await h.gql(CREATE_VOTE, { input: motionInput({ title: ' ' }) }, as.secretary))).toBe('BAD_USER_INPUT');
  });

  it('says, while a draft, how many the roll would freeze if opened now (for the confirmation before opening)', async () => {
    const q = `query($id: ID!) { vote(id: $id) { status eligibleNow eligibleCount } }`;
    const v = await newVote(motionInput());
    // b1's five full members (m1, m2 in b1g, 投票人3–5); the probationary member has no vote.
    expect(ok(await h.gql<{ vote: unknown }>(q, { id: v.id }, as.secretary)).vote).toEqual({ status: 'DRAFT', eligibleNow: 5, eligibleCount: null });
    ok(await h.gql(OPEN_VOTE, { id: v.id }, as.secretary));
    expect(ok(await h.gql<{ vote: unknown }>(q, { id: v.id }, as.secretary)).vote).toEqual({ status: 'OPEN', eligibleNow: null, eligibleCount: 5 });
  });

  it('is for writers of the unit only', async () => {
    expect(codeOf(await h.gql(CREATE_VOTE, { input: motionInput() }, as.member))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(CREATE_VOTE, { input: motionInput() }, as.leader))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(CREATE_VOTE, { input: motionInput() }, as.otherSecretary))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(CREATE_VOTE, { input: motionInput() }, as.anonymous))).toBe('UNAUTHENTICATED');
  });
});

describe('a motion from opening to tally', () => {
  let vote: VoteView;
  const receipts: Record<string, string> = {};
  let lateVoter: Caller;

  beforeAll(async () => {
    vote = await openedVote(motionInput());
    lateVoter = (await memberWithAccount(h.prisma, '新转入党员', fx.units.b1.id)).as;
  });

  it('freezes the roll at opening: the five full members of b1 and its group, not the probationary member', async () => {
    expect(vote).toMatchObject({ status: 'OPEN', version: 2, eligibleCount: 5 });
    expect(vote.eligibleRollHash).toBe(toHex(rollHash(Object.values(voterIds))));
    const roll = await h.prisma.voteEligibleVoter.findMany({ where: { voteId: vote.id } });
    expect(new Set(roll.map((r) => r.memberId))).toEqual(new Set(Object.values(voterIds)));
    expect(codeOf(await h.gql(OPEN_VOTE, { id: vote.id }, as.secretary))).toBe('VOTE_NOT_DRAFT');
  });

  it('refuses a probationary member, a member who joined after opening, another branch’s member and an account without a member', async () => {
    const yes = optionId(vote, '赞成');
    const p = await cast(vote, [yes], probationary);
    expect(codeOf(p)).toBe('NOT_ELIGIBLE');
    expect(reasonOf(p)).toBe('PROBATIONARY');
    const late = await cast(vote, [yes], lateVoter);
    expect(codeOf(late)).toBe('NOT_ELIGIBLE');
    expect(reasonOf(late)).toBe('NOT_ON_ROLL');
    expect(reasonOf(await cast(vote, [yes], m3))).toBe('NOT_ON_ROLL');
    const staff = await cast(vote, [yes], as.secretary);
    expect(codeOf(staff)).toBe('NOT_ELIGIBLE');
    expect(reasonOf(staff)).toBe('NO_MEMBER');
    expect(await h.prisma.ballot.count({ where: { voteId: vote.id } })).toBe(0);
  });

  it('refuses invalid choices', async () => {
    expect(fieldsOf(await cast(vote, [optionId(vote, '赞成'), optionId(vote, '反对')], voters.m1))).toEqual(['choices']);
    expect(fieldsOf(await cast(vote, [fx.members.m1.id], voters.m1))).toEqual(['choices']);
    expect(fieldsOf(await cast(vote, [], voters.m1))).toEqual(['choices']);
  });

  it('takes one ballot per eligible member, returns a receipt only to the voter, and refuses a second ballot', async () => {
    const plan: [keyof typeof voters, string][] = [['m1', '赞成'], ['m2', '赞成'], ['v3', '赞成'], ['v4', '反对']];
    for (const [who, label] of plan) {
      const res = ok(await cast(vote, [optionId(vote, label)], voters[who])).castBallot;
      expect(res.receipt).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(res.receiptHash).toBe(createHash('sha256').update(res.receipt).digest('hex'));
      expect(res.rollEntry.memberId).toBe(voterIds[who]);
      receipts[who] = res.receipt;
    }
    const again = await cast(vote, [optionId(vote, '反对')], voters.m1);
    expect(codeOf(again)).toBe('ALREADY_VOTED');
    // The receipt itself is stored nowhere: only its hash.
    const stored = await h.prisma.ballot.findMany({ where: { voteId: vote.id } });
    expect(stored).toHaveLength(4);
    expect(stored.map((b) => toHex(b.receiptHash)).sort()).toEqual(Object.values(receipts).map((r) => createHash('sha256').update(r).digest('hex')).sort());
  });

  it('writes ballots with no casting time and no voter: rows and records carry the opening time and actor "system"', async () => {
    const ballots = await h.prisma.ballot.findMany({ where: { voteId: vote.id } });
    for (const b of ballots) expect(b.createdAt.toISOString()).toBe(vote.openedAt);
    const docs = await h.prisma.outboxRecord.findMany({ where: { entityType: 'Ballot', entityId: { in: ballots.map((b) => b.id) } } });
    expect(docs).toHaveLength(4);
    for (const d of docs) {
      const doc = JSON.parse(d.document) as RecordDocument;
      expect(doc.actor).toBe('system');
      expect(doc.at).toBe(vote.openedAt);
      expect(Object.keys(doc.data).sort()).toEqual(['choices', 'receiptHash', 'voteId']);
    }
  });

  it('keeps ballots sealed while open; a receipt verifies, a wrong one does not', async () => {
    const sealed = await h.gql(`query($id: ID!) { vote(id: $id) { ballots(first: 10) { totalCount } } }`, { id: vote.id }, as.secretary);
    expect(codeOf(sealed)).toBe('BALLOTS_SEALED');
    const mine = ok(await h.gql<{ verifyMyBallot: { verified: boolean; choices: string[]; ballot: unknown } }>(VERIFY_MY_BALLOT, { voteId: vote.id, receipt: receipts.m1 }, voters.m1));
    expect(mine.verifyMyBallot).toMatchObject({ verified: true, choices: [optionId(vote, '赞成')], ballot: null });
    const wrong = ok(await h.gql<{ verifyMyBallot: { verified: boolean } }>(VERIFY_MY_BALLOT, { voteId: vote.id, receipt: 'A'.repeat(22) }, voters.m1));
    expect(wrong.verifyMyBallot.verified).toBe(false);
    expect(codeOf(await h.gql(VERIFY_MY_BALLOT, { voteId: vote.id, receipt: 'not a receipt' }, voters.m1))).toBe('BAD_USER_INPUT');
  });

  it('closes with the tally: 4 of 5 cast (quorum), 3 yes > half of 5 entitled (passed)', async () => {
    vote = await closed(vote);
    expect(vote).toMatchObject({ status: 'TALLIED', version: 3 });
    expect(vote.tally).toMatchObject({ eligibleCount: 5, ballotsCast: 4, quorumMet: true, passed: true });
    expect(vote.tally!.results).toEqual([
      { optionId: optionId(vote, '赞成'), count: 3, elected: null },
      { optionId: optionId(vote, '反对'), count: 1, elected: null },
      { optionId: optionId(vote, '弃权'), count: 0, elected: null },
    ]);
    expect(vote.tally!.ballotsRoot).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a ballot after closing, and closing twice', async () => {
    const late = await cast(vote, [optionId(vote, '赞成')], voters.v5);
    expect(codeOf(late)).toBe('VOTE_NOT_OPEN');
    expect(codeOf(await h.gql(CLOSE_VOTE, { id: vote.id }, as.secretary))).toBe('VOTE_NOT_OPEN');
  });

  type Served = {
    vote: {
      proof: { document: RecordDocument };
      options: { proof: { document: RecordDocument } }[];
      tally: { proof: { document: RecordDocument } };
      ballots: { totalCount: number; edges: { node: { id: string; version: number; choices: string[]; receiptHash: string; proof: { document: RecordDocument } } }[] };
    };
  };
  const SERVED = `query($id: ID!) { vote(id: $id) {
    proof { document } options { proof { document } } tally { proof { document } }
    ballots(first: 50) { totalCount edges { node { id version choices receiptHash proof { document } } } } } }`;

  it('serves the ballots after the tally as documents with proofs and no voter identity', async () => {
    const served = ok(await h.gql<Served>(SERVED, { id: vote.id }, as.secretary)).vote;
    expect(served.ballots.totalCount).toBe(4);
    const text = JSON.stringify(served.ballots);
    for (const id of Object.values(voterIds)) expect(text).not.toContain(id);
    const accounts = await h.prisma.account.findMany({ select: { id: true } });
    for (const a of accounts) expect(text).not.toContain(a.id);
    for (const e of served.ballots.edges) {
      expect(e.node.version).toBe(2);
      expect(e.node.proof.document).toMatchObject({ type: 'Ballot', version: 2, actor: 'system', at: vote.closedAt });
      expect(Object.keys(e.node.proof.document.data).sort()).toEqual(['choices', 'receiptHash', 'voteId']);
    }
  });

  it('recomputes from the ballot documents to exactly the served tally; a tampered ballot document is detected', async () => {
    const served = ok(await h.gql<Served>(SERVED, { id: vote.id }, as.secretary)).vote;
    const docs = {
      vote: served.proof.document,
      options: served.options.map((o) => o.proof.document),
      ballots: served.ballots.edges.map((e) => e.node.proof.document),
      tally: served.tally.proof.document,
    };
    const check = recomputeTally(docs);
    expect(check.problems).toEqual([]);
    expect(check.computed).toMatchObject({ ballotsCast: 4, quorumMet: true, passed: true, ballotsRoot: vote.tally!.ballotsRoot });
    const no = optionId(vote, '反对');
    const i = docs.ballots.findIndex((b) => (b.data.choices as string[])[0] !== no);
    const tampered = docs.ballots.map((b, j) => (j === i ? { ...b, data: { ...b.data, choices: [no] } } : b));
    const bad = recomputeTally({ ...docs, ballots: tampered });
    expect(bad.ok).toBe(false);
    expect(bad.problems.join(' ')).toMatch(/ballots root/);
    expect(recomputeTally({ ...docs, ballots: docs.ballots.slice(1) }).ok).toBe(false);
  });

  it('after the tally a receipt finds its ballot with its proof', async () => {
    type R = { verifyMyBallot: { verified: boolean; choices: string[]; voteStatus: string; ballot: { choices: string[]; receiptHash: string; proof: { document: RecordDocument } } } };
    const res = ok(await h.gql<R>(VERIFY_MY_BALLOT, { voteId: vote.id, receipt: receipts.v4 }, voters.v4)).verifyMyBallot;
    expect(res).toMatchObject({ verified: true, voteStatus: 'TALLIED', choices: [optionId(vote, '反对')] });
    expect(res.ballot.proof.document.data.receiptHash).toBe(createHash('sha256').update(receipts.v4!).digest('hex'));
  });

  it('never serves a ballot’s first version (written beside the roll entry), to anyone', async () => {
    type R = { verifyMyBallot: { ballot: { id: string; version: number } } };
    const b = ok(await h.gql<R>(VERIFY_MY_BALLOT, { voteId: vote.id, receipt: receipts.v4 }, voters.v4)).verifyMyBallot.ballot;
    expect(b.version).toBe(2);
    const q = `query($id: ID!, $v: Int) { record(type: "Ballot", id: $id, version: $v) { version } }`;
    expect(codeOf(await h.gql(q, { id: b.id, v: 1 }, as.admin))).toBe('FORBIDDEN');
    expect(ok(await h.gql<{ record: { version: number } }>(q, { id: b.id }, as.admin)).record.version).toBe(2);
    const hist = ok(await h.gql<{ history: { edges: { node: { version: number } }[] } }>(`query($id: ID!) { history(type: "Ballot", id: $id, first: 10) { edges { node { version } } } }`, { id: b.id }, as.admin));
    expect(hist.history.edges.map((e) => e.node.version)).toEqual([2]);
  });

  it('lists who voted (staff) without how; a member sees only their own roll entry', async () => {
    type R = { vote: { rollEntries: { totalCount: number; edges: { node: { memberId: string } }[] } } };
    const roll = ok(await h.gql<R>(`query($id: ID!) { vote(id: $id) { rollEntries(first: 10) { totalCount edges { node { memberId } } } } }`, { id: vote.id }, as.secretary));
    expect(new Set(roll.vote.rollEntries.edges.map((e) => e.node.memberId))).toEqual(new Set([voterIds.m1, voterIds.m2, voterIds.v3, voterIds.v4]));
    expect(codeOf(await h.gql(`query($id: ID!) { vote(id: $id) { rollEntries(first: 10) { totalCount } } }`, { id: vote.id }, voters.m1))).toBe('FORBIDDEN');
    const mine = ok(await h.gql<{ vote: { hasVoted: boolean } }>(`query($id: ID!) { vote(id: $id) { hasVoted } }`, { id: vote.id }, voters.m1));
    expect(mine.vote.hasVoted).toBe(true);
  });
});

// From here on b1's roll has six full members: the five voters and the member who joined after
// the first vote opened (who never votes below).
describe('quorum and majority rules', () => {
  it('quorum not met (2 of 6 cast) → not passed, even with every ballot yes', async () => {
    const v = await openedVote(motionInput({ title: '法定人数不足' }));
    expect(v.eligibleCount).toBe(6);
    for (const who of ['m1', 'm2'] as const) ok(await cast(v, [optionId(v, '赞成')], voters[who]));
    const done = await closed(v);
    expect(done.tally).toMatchObject({ ballotsCast: 2, quorumMet: false, passed: false });
  });

  it('yes must exceed half of those entitled, not of those voting (MORE_THAN_HALF_OF_ENTITLED); MORE_THAN_HALF_OF_CAST counts the ballots', async () => {
    const entitled = await openedVote(motionInput({ title: '应到会过半' }));
    const ofCast = await openedVote(motionInput({ title: '投票人过半', majorityRule: 'MORE_THAN_HALF_OF_CAST' }));
    for (const v of [entitled, ofCast]) {
      for (const [who, label] of [['m1', '赞成'], ['m2', '赞成'], ['v3', '赞成'], ['v4', '反对'], ['v5', '反对']] as const) ok(await cast(v, [optionId(v, label)], voters[who]));
    }
    // 3 yes of 6 entitled is not more than half; 3 of 5 cast is.
    expect((await closed(entitled)).tally).toMatchObject({ ballotsCast: 5, quorumMet: true, passed: false });
    expect((await closed(ofCast)).tally).toMatchObject({ ballotsCast: 5, quorumMet: true, passed: true });
  });

  it('two thirds of those entitled: 3 of 6 yes is not enough, 4 is', async () => {
    const three = await openedVote(motionInput({ title: '三分之二 甲', quorumRule: 'TWO_THIRDS', majorityRule: 'TWO_THIRDS_OF_ENTITLED' }));
    const four = await openedVote(motionInput({ title: '三分之二 乙', quorumRule: 'TWO_THIRDS', majorityRule: 'TWO_THIRDS_OF_ENTITLED' }));
    for (const who of ['m1', 'm2', 'v3'] as const) ok(await cast(three, [optionId(three, '赞成')], voters[who]));
    ok(await cast(three, [optionId(three, '弃权')], voters.v4));
    for (const who of ['m1', 'm2', 'v3', 'v4'] as const) ok(await cast(four, [optionId(four, '赞成')], voters[who]));
    expect((await closed(three)).tally).toMatchObject({ quorumMet: true, passed: false });
    expect((await closed(four)).tally).toMatchObject({ quorumMet: true, passed: true });
  });
});

describe('an election', () => {
  it('elects the candidates with most votes for the seats; blank ballots count for the quorum', async () => {
    const v = await openedVote(
      motionInput({ kind: 'ELECTION', title: '支部委员选举', seats: 2, candidates: [{ label: '张三', memberId: fx.members.m1.id }, { label: '李四', memberId: fx.members.m2.id }, { label: '投票人3', memberId: voterIds.v3 }] }),
    );
    expect(v).toMatchObject({ kind: 'ELECTION', seats: 2, majorityRule: 'PLURALITY' });
    expect(v.options.map((o) => o.candidateId)).toEqual([fx.members.m1.id, fx.members.m2.id, voterIds.v3]);
    const [a, b, c] = v.options.map((o) => o.id) as [string, string, string];
    expect(fieldsOf(await cast(v, [a, b, c], voters.m1))).toEqual(['choices']);
    ok(await cast(v, [a, b], voters.m1));
    ok(await cast(v, [a, c], voters.m2));
    ok(await cast(v, [a], voters.v3));
    ok(await cast(v, [b], voters.v4));
    ok(await cast(v, [], voters.v5));
    const done = await closed(v);
    expect(done.tally).toMatchObject({ ballotsCast: 5, quorumMet: true, passed: true });
    expect(done.tally!.results).toEqual([
      { optionId: a, count: 3, elected: true },
      { optionId: b, count: 2, elected: true },
      { optionId: c, count: 1, elected: false },
    ]);
  });
});

describe('who may see and run votes', () => {
  let vote: VoteView;
  beforeAll(async () => {
    vote = await openedVote(motionInput({ title: '范围测试' }));
  });
  const VOTE = `query($id: ID!) { vote(id: $id) { id title } }`;

  it('staff of the subtree and voters on the roll see the vote; others are refused', async () => {
    for (const who of [as.secretary, as.leader, as.admin, voters.m2]) expect(ok(await h.gql<{ vote: { id: string } }>(VOTE, { id: vote.id }, who)).vote.id).toBe(vote.id);
    expect(codeOf(await h.gql(VOTE, { id: vote.id }, as.otherSecretary))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(VOTE, { id: vote.id }, m3))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(VOTE, { id: vote.id }, probationary))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(VOTE, { id: vote.id }, as.anonymous))).toBe('UNAUTHENTICATED');
  });

  it('lists a member’s own votes only, and a secretary’s subtree', async () => {
    type L = { votes: { totalCount: number; edges: { node: { id: string } }[] } };
    const mine = ok(await h.gql<L>(`{ votes(first: 50) { totalCount edges { node { id } } } }`, {}, voters.m2)).votes;
    expect(mine.edges.map((e) => e.node.id)).toContain(vote.id);
    const theirs = ok(await h.gql<L>(`{ votes(first: 50) { totalCount } }`, {}, m3)).votes;
    expect(theirs.totalCount).toBe(0);
    expect(codeOf(await h.gql(`query($u: ID) { votes(first: 5, under: $u) { totalCount } }`, { u: fx.units.b1.id }, as.otherSecretary))).toBe('FORBIDDEN');
    const all = ok(await h.gql<L>(`{ votes(first: 50) { totalCount } }`, {}, as.secretary)).votes;
    expect(all.totalCount).toBeGreaterThan(mine.totalCount - 1);
  });

  it('only writers of the unit open and close; partner keys read with the scopes they hold', async () => {
    expect(codeOf(await h.gql(CLOSE_VOTE, { id: vote.id }, as.otherSecretary))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(CLOSE_VOTE, { id: vote.id }, voters.m1))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(CLOSE_VOTE, { id: vote.id }, as.leader))).toBe('FORBIDDEN');
    const partner = { apiKey: (await apiKeyFor(h.prisma, fx.units.g1.id, ['Vote:read', 'VoteOption:read'])).key };
    const seen = ok(await h.gql<{ vote: { options: { label: string }[] } }>(`query($id: ID!) { vote(id: $id) { options { label } } }`, { id: vote.id }, partner));
    expect(seen.vote.options).toHaveLength(3);
    expect(codeOf(await h.gql(`query($id: ID!) { vote(id: $id) { rollEntries(first: 5) { totalCount } } }`, { id: vote.id }, partner))).toBe('FORBIDDEN');
    const outside = { apiKey: (await apiKeyFor(h.prisma, fx.units.g2.id, ['Vote:read'])).key };
    expect(codeOf(await h.gql(VOTE, { id: vote.id }, outside))).toBe('FORBIDDEN');
  });
});

describe('the development pipeline uses a tallied vote (step 15)', () => {
  let personId: string;
  let admission: PlannedStep;
  const STEP = `mutation($memberId: ID!, $occurredOn: Date!, $input: DevelopmentStepInput, $voteId: ID) {
    recordDevelopmentStep(memberId: $memberId, step: ADMISSION_MEETING, occurredOn: $occurredOn, input: $input, voteId: $voteId) { step { stepNo voteId details } member { stage } } }`;

  beforeAll(async () => {
    const appliedOn = '2021-03-01';
    h.clock.now = new Date();
    const created = ok(
      await h.gql<{ createMember: { id: string } }>(
        `mutation($input: CreateMemberInput!) { createMember(input: $input) { id } }`,
        { input: { orgUnitId: fx.units.b1.id, name: '发展对象乙', gender: 'FEMALE', birthDate: '1998-05-10', ethnicity: '汉族', education: 'BACHELOR', appliedOn } },
        as.secretary,
      ),
    );
    personId = created.createMember.id;
    const plan = standardPlan(appliedOn, {
      mentors: [{ id: fx.members.m1.id, stage: 'FULL', status: 'ACTIVE' }],
      sponsors: [
        { id: fx.members.m1.id, stage: 'FULL', status: 'ACTIVE' },
        { id: fx.members.m2.id, stage: 'FULL', status: 'ACTIVE' },
      ],
    });
    const at = plan.findIndex((p) => p.kind === 'ADMISSION_MEETING');
    admission = plan[at]!;
    for (const p of plan.slice(0, at)) {
      h.clock.now = new Date(`${p.input.approvedOn ?? p.occurredOn}T04:00:00.000Z`);
      const { people, ...input } = p.input;
      let res: GqlResponse;
      if (p.kind === 'MENTORS_ASSIGNED' || p.kind === 'SPONSORS_ASSIGNED') {
        const field = p.kind === 'MENTORS_ASSIGNED' ? 'assignMentors(memberId: $m, mentorIds: $ids, on: $on)' : 'assignSponsors(memberId: $m, sponsorIds: $ids, on: $on)';
        res = await h.gql(`mutation($m: ID!, $ids: [ID!]!, $on: Date!) { ${field} { step { kind } } }`, { m: personId, ids: people!.map((x) => x.id), on: p.occurredOn }, as.secretary);
      } else if (['ACTIVIST_FILING', 'CANDIDATE_FILING', 'HIGHER_PRE_REVIEW'].includes(p.kind)) {
        // The level above's steps: the branch requests, the committee decides (here the ADMIN).
        const req = ok(await h.gql<{ requestLevelStep: { id: string } }>(`mutation($m: ID!, $k: DevelopmentStepKind!, $input: DevelopmentStepInput) { requestLevelStep(memberId: $m, step: $k, input: $input) { id } }`, { m: personId, k: p.kind, input }, as.secretary));
        res = await h.gql(`mutation($id: ID!, $on: Date) { approveLevelRequest(id: $id, on: $on) { step { kind } } }`, { id: req.requestLevelStep.id, on: p.occurredOn }, as.admin);
      } else {
        res = await h.gql(`mutation($m: ID!, $k: DevelopmentStepKind!, $on: Date!, $input: DevelopmentStepInput) { recordDevelopmentStep(memberId: $m, step: $k, occurredOn: $on, input: $input) { step { kind } } }`, { m: personId, k: p.kind, on: p.occurredOn, input }, as.secretary);
      }
      expect(res.errors, `${p.kind}: ${JSON.stringify(res.errors)}`).toBeUndefined();
    }
    h.clock.now = new Date(`${admission.occurredOn}T04:00:00.000Z`);
  });

  const admissionVote = () => openedVote(motionInput({ kind: 'ADMISSION', title: '接收预备党员', subjectMemberId: personId }));
  const step = (voteId: string, input: Record<string, unknown> | null = null) => h.gql<{ recordDevelopmentStep: { step: { stepNo: number; voteId: string; details: { vote: Record<string, number> } } } }>(STEP, { memberId: personId, occurredOn: admission.occurredOn, input, voteId }, as.secretary);

  it('refuses an open vote (VOTE_NOT_TALLIED), a failed vote (VOTE_NOT_PASSED) and a vote without quorum (QUORUM_NOT_MET)', async () => {
    const open = await admissionVote();
    expect(codeOf(await step(open.id))).toBe('VOTE_NOT_TALLIED');
    const failed = await admissionVote();
    for (const who of ['m1', 'm2', 'v3', 'v4'] as const) ok(await cast(failed, [optionId(failed, who === 'm1' ? '赞成' : '反对')], voters[who]));
    await closed(failed);
    const refused = await step(failed.id);
    expect(codeOf(refused)).toBe('VOTE_NOT_PASSED');
    expect(refused.errors![0]!.extensions.messageZh).toMatch(/未获通过/);
    const thin = await admissionVote();
    ok(await cast(thin, [optionId(thin, '赞成')], voters.m1));
    await closed(thin);
    expect(codeOf(await step(thin.id))).toBe('QUORUM_NOT_MET');
    expect(await h.prisma.developmentStep.count({ where: { memberId: personId, kind: 'ADMISSION_MEETING' } })).toBe(0);
  });

  it('refuses a vote about someone else', async () => {
    const other = await newVote(motionInput({ title: '其他议题' }));
    expect(codeOf(await step(other.id))).toBe('BAD_USER_INPUT');
  });

  it('records step 15 with a passed vote, the tally’s counts as the step’s vote (and refuses input counts that differ from the tally)', async () => {
    const v = await admissionVote();
    for (const who of ['m1', 'm2', 'v3', 'v4'] as const) ok(await cast(v, [optionId(v, '赞成')], voters[who]));
    ok(await cast(v, [optionId(v, '弃权')], voters.v5));
    await closed(v);
    const mismatch = await step(v.id, { vote: { entitled: 5, present: 5, yes: 5, no: 0, abstain: 0 } });
    expect(codeOf(mismatch)).toBe('BAD_USER_INPUT');
    const res = ok(await step(v.id)).recordDevelopmentStep;
    expect(res.step).toMatchObject({ stepNo: 15, voteId: v.id });
    expect(res.step.details.vote).toEqual({ entitled: 6, present: 5, yes: 4, no: 0, abstain: 1 });
  });
});
