import { describe, expect, it } from 'vitest';
import { makeDocument, type RecordDocument } from '../src/document.js';
import { leafHash } from '../src/hash.js';
import { toHex } from '../src/hex.js';
import { buildTree, treeRoot } from '../src/merkle.js';
import { ballotProblem, ballotsRoot, countVotes, meetsMajority, quorumMet, recomputeTally, type TallyRules } from '../src/tally.js';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const ORG = uuid(999);
const AT = '2026-03-01T02:00:00.000Z';
const doc = (type: string, id: string, data: Record<string, unknown>, version = 1): RecordDocument =>
  makeDocument({ type, id, version, org: ORG, at: AT, actor: 'system', data });

const YES = uuid(11);
const NO = uuid(12);
const ABSTAIN = uuid(13);
const motionOptions = [
  { id: YES, position: 1 },
  { id: NO, position: 2 },
  { id: ABSTAIN, position: 3 },
];
const motion = (over: Partial<TallyRules> = {}): TallyRules => ({
  kind: 'ADMISSION',
  quorumRule: 'MORE_THAN_HALF',
  majorityRule: 'MORE_THAN_HALF_OF_ENTITLED',
  seats: 1,
  eligibleCount: 9,
  ...over,
});
const ballots = (yes: number, no: number, abstain: number) => [
  ...Array.from({ length: yes }, () => [YES]),
  ...Array.from({ length: no }, () => [NO]),
  ...Array.from({ length: abstain }, () => [ABSTAIN]),
];

describe('quorum and majority thresholds', () => {
  it('more than half is strict, two thirds includes two thirds, NONE needs one ballot', () => {
    expect([quorumMet('MORE_THAN_HALF', 4, 8), quorumMet('MORE_THAN_HALF', 5, 8), quorumMet('MORE_THAN_HALF', 5, 9)]).toEqual([false, true, true]);
    expect([quorumMet('TWO_THIRDS', 5, 9), quorumMet('TWO_THIRDS', 6, 9)]).toEqual([false, true]);
    expect([quorumMet('NONE', 0, 9), quorumMet('NONE', 1, 9)]).toEqual([false, true]);
    expect([meetsMajority('MORE_THAN_HALF_OF_ENTITLED', 5, 10, 10), meetsMajority('MORE_THAN_HALF_OF_ENTITLED', 6, 10, 6)]).toEqual([false, true]);
    expect([meetsMajority('MORE_THAN_HALF_OF_CAST', 4, 10, 7), meetsMajority('MORE_THAN_HALF_OF_CAST', 4, 10, 8)]).toEqual([true, false]);
    expect([meetsMajority('TWO_THIRDS_OF_ENTITLED', 5, 9, 9), meetsMajority('TWO_THIRDS_OF_ENTITLED', 6, 9, 9)]).toEqual([false, true]);
  });
});

describe('countVotes for motions', () => {
  it('passes with yes from more than half of those entitled, not of those voting', () => {
    const r = countVotes(motion(), motionOptions, ballots(5, 1, 0));
    expect(r).toEqual({
      eligibleCount: 9,
      ballotsCast: 6,
      quorumMet: true,
      passed: true,
      results: [
        { optionId: YES, count: 5 },
        { optionId: NO, count: 1 },
        { optionId: ABSTAIN, count: 0 },
      ],
    });
    // 4 of 9 entitled: a majority of those voting, not of those entitled.
    expect(countVotes(motion(), motionOptions, ballots(4, 1, 1)).passed).toBe(false);
    expect(countVotes(motion({ majorityRule: 'MORE_THAN_HALF_OF_CAST' }), motionOptions, ballots(4, 1, 1)).passed).toBe(true);
  });

  it('does not pass without a quorum, however the ballots go', () => {
    const r = countVotes(motion(), motionOptions, ballots(4, 0, 0));
    expect(r.quorumMet).toBe(false);
    expect(r.passed).toBe(false);
    expect(countVotes(motion({ quorumRule: 'NONE', majorityRule: 'MORE_THAN_HALF_OF_CAST' }), motionOptions, ballots(2, 1, 0)).passed).toBe(true);
  });

  it('plurality carries a motion with more yes than no', () => {
    expect(countVotes(motion({ majorityRule: 'PLURALITY' }), motionOptions, ballots(3, 2, 1)).passed).toBe(true);
    expect(countVotes(motion({ majorityRule: 'PLURALITY' }), motionOptions, ballots(3, 3, 0)).passed).toBe(false);
  });

  it('refuses an invalid ballot', () => {
    expect(() => countVotes(motion(), motionOptions, [[YES, NO]])).toThrow(/exactly one/);
    expect(() => countVotes(motion(), motionOptions, [[uuid(77)]])).toThrow(/not an option/);
    expect(ballotProblem({ kind: 'MOTION', seats: 1 }, new Set([YES]), [])).toMatch(/exactly one/);
  });
});

describe('countVotes for elections', () => {
  const cands = [1, 2, 3, 4].map((n) => ({ id: uuid(20 + n), position: n }));
  const [a, b, c, d] = cands.map((x) => x.id) as [string, string, string, string];
  const election = (over: Partial<TallyRules> = {}): TallyRules => ({ kind: 'ELECTION', quorumRule: 'MORE_THAN_HALF', majorityRule: 'PLURALITY', seats: 2, eligibleCount: 7, ...over });

  it('elects the candidates with most votes for the seats; blank ballots count for the quorum', () => {
    const r = countVotes(election(), cands, [[a, b], [a, c], [a, b], [b], []]);
    expect(r.ballotsCast).toBe(5);
    expect(r.results).toEqual([
      { optionId: a, count: 3, elected: true },
      { optionId: b, count: 3, elected: true },
      { optionId: c, count: 1, elected: false },
      { optionId: d, count: 0, elected: false },
    ]);
    expect(r.passed).toBe(true);
  });

  it('a tie across the last seat elects none of the tied, and the election does not fill its seats', () => {
    const r = countVotes(election(), cands, [[a, b], [a, c], [a], [d]]);
    expect(r.results.filter((x) => x.elected).map((x) => x.optionId)).toEqual([a]);
    expect(r.passed).toBe(false);
  });

  it('a threshold rule elects only candidates above it; no quorum elects nobody', () => {
    const r = countVotes(election({ majorityRule: 'MORE_THAN_HALF_OF_CAST' }), cands, [[a, b], [a, c], [a, d], [b]]);
    expect(r.results.filter((x) => x.elected).map((x) => x.optionId)).toEqual([a]);
    const none = countVotes(election(), cands, [[a, b], [a]]);
    expect(none.quorumMet).toBe(false);
    expect(none.results.some((x) => x.elected)).toBe(false);
  });

  it('refuses a ballot with more choices than seats or a repeated choice', () => {
    expect(() => countVotes(election(), cands, [[a, b, c]])).toThrow(/at most 2/);
    expect(() => countVotes(election(), cands, [[a, a]])).toThrow(/twice/);
  });
});

describe('ballotsRoot', () => {
  it('is the RFC 9162 root of the sorted leaves, whatever order the ballots come in; null for none', () => {
    const leaves = [1, 2, 3, 4, 5].map((n) => leafHash(doc('Ballot', uuid(n), { n })));
    const sorted = [...leaves].sort((x, y) => (toHex(x) < toHex(y) ? -1 : 1));
    const expected = toHex(treeRoot(buildTree(sorted)));
    expect(toHex(ballotsRoot(leaves)!)).toBe(expected);
    expect(toHex(ballotsRoot([...leaves].reverse())!)).toBe(expected);
    expect(toHex(ballotsRoot(leaves.slice(1))!)).not.toBe(expected);
    expect(ballotsRoot([])).toBeNull();
  });
});

describe('recomputeTally from record documents', () => {
  const VOTE = uuid(1);
  const voteDoc = doc('Vote', VOTE, { kind: 'ADMISSION', quorumRule: 'MORE_THAN_HALF', majorityRule: 'MORE_THAN_HALF_OF_ENTITLED', seats: 1, eligibleCount: 5, status: 'TALLIED' }, 3);
  const optionDocs = motionOptions.map((o, i) => doc('VoteOption', o.id, { voteId: VOTE, position: o.position, label: ['赞成', '反对', '弃权'][i], candidateId: null }));
  const choices = [[YES], [YES], [NO], [YES]];
  const ballotDocs = choices.map((c, i) => doc('Ballot', uuid(100 + i), { voteId: VOTE, receiptHash: String(i).repeat(64), choices: c }, 2));
  const outcome = countVotes(
    { kind: 'ADMISSION', quorumRule: 'MORE_THAN_HALF', majorityRule: 'MORE_THAN_HALF_OF_ENTITLED', seats: 1, eligibleCount: 5 },
    motionOptions,
    choices,
  );
  const tallyDoc = (over: Record<string, unknown> = {}) =>
    doc('VoteTally', uuid(200), {
      voteId: VOTE,
      eligibleCount: outcome.eligibleCount,
      ballotsCast: outcome.ballotsCast,
      quorumMet: outcome.quorumMet,
      passed: outcome.passed,
      results: outcome.results,
      ballotsRoot: toHex(ballotsRoot(ballotDocs.map((b) => leafHash(b)))!),
      talliedAt: AT,
      ...over,
    });

  it('accepts an honest tally', () => {
    const check = recomputeTally({ vote: voteDoc, options: optionDocs, ballots: ballotDocs, tally: tallyDoc() });
    expect(check.problems).toEqual([]);
    expect(check.ok).toBe(true);
    expect(check.computed).toMatchObject({ ballotsCast: 4, quorumMet: true, passed: true });
    // The ballots' order does not matter.
    expect(recomputeTally({ vote: voteDoc, options: optionDocs, ballots: [...ballotDocs].reverse(), tally: tallyDoc() }).ok).toBe(true);
  });

  it('detects a ballot whose choice was changed, even when the counts were changed to match', () => {
    const tampered = ballotDocs.map((b, i) => (i === 2 ? { ...b, data: { ...b.data, choices: [YES] } } : b));
    const counts = countVotes({ kind: 'ADMISSION', quorumRule: 'MORE_THAN_HALF', majorityRule: 'MORE_THAN_HALF_OF_ENTITLED', seats: 1, eligibleCount: 5 }, motionOptions, tampered.map((b) => b.data.choices as string[]));
    const check = recomputeTally({ vote: voteDoc, options: optionDocs, ballots: tampered, tally: tallyDoc({ results: counts.results }) });
    expect(check.ok).toBe(false);
    expect(check.problems.join(' ')).toMatch(/ballots root/);
  });

  it('detects a dropped ballot, an added ballot, and altered counts', () => {
    const dropped = recomputeTally({ vote: voteDoc, options: optionDocs, ballots: ballotDocs.slice(1), tally: tallyDoc() });
    expect(dropped.ok).toBe(false);
    expect(dropped.problems.join(' ')).toMatch(/counts 4 ballots; the documents hold 3/);
    const extra = doc('Ballot', uuid(150), { voteId: VOTE, receiptHash: 'f'.repeat(64), choices: [NO] }, 2);
    expect(recomputeTally({ vote: voteDoc, options: optionDocs, ballots: [...ballotDocs, extra], tally: tallyDoc() }).ok).toBe(false);
    const altered = recomputeTally({ vote: voteDoc, options: optionDocs, ballots: ballotDocs, tally: tallyDoc({ passed: false }) });
    expect(altered.problems).toEqual(['the tally says not passed; recomputed: passed']);
  });

  it('refuses ballots of another vote, repeated receipts and invalid choices', () => {
    const foreign = doc('Ballot', uuid(160), { voteId: uuid(2), receiptHash: 'e'.repeat(64), choices: [YES] });
    const copy = doc('Ballot', uuid(161), { voteId: VOTE, receiptHash: '0'.repeat(64), choices: [YES] });
    const invalid = doc('Ballot', uuid(162), { voteId: VOTE, receiptHash: 'd'.repeat(64), choices: [YES, NO] });
    const check = recomputeTally({ vote: voteDoc, options: optionDocs, ballots: [...ballotDocs, foreign, copy, invalid], tally: tallyDoc() });
    expect(check.ok).toBe(false);
    expect(check.problems).toEqual(
      expect.arrayContaining([
        `ballot document ${uuid(160)} is not a ballot of vote ${VOTE}`,
        `ballot ${uuid(161)} repeats or lacks a receipt hash`,
        `ballot ${uuid(162)}: a motion ballot chooses exactly one option (yes, no or abstain)`,
      ]),
    );
  });
});
