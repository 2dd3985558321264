// End to end on the real stack (own chain node, database, in-process indexer, HTTP server): a
// secretary signed in with TOTP runs a vote through GraphQL, members cast secret ballots, the
// vote is tallied; the indexer anchors ballots and tally on chain; every bundle verifies online,
// the tally bundle with the lianjian-verify command line too; and the tally is recomputed from
// the anchored ballot documents alone; a decision resting on the vote, with a milestone, verifies
// online too.
import { beforeAll, describe, expect, it } from 'vitest';
import { createChainChecker, recomputeTally, verifyBundle } from '@lianjian/verify';
import { createHash } from 'node:crypto';
import { verifyWithCli, type ProofView } from './e2e-stack.js';
import { ok, type Caller } from './harness.js';
import { CAST, CLOSE_VOTE, CREATE_VOTE, OPEN_VOTE, accountFor, type VoteView } from './votes-helpers.js';
import { e2eSuite } from './suite.js';

const ANCHOR_TIMEOUT_MS = 30_000;

const { s, as: { secretary, member } } = e2eSuite({ totp: ['secretary'], sessions: ['member'] });
const voters: Caller[] = [member];

beforeAll(async () => {
  voters.push(await accountFor(s.h.prisma, s.fx.members.m2));
});

interface Served {
  vote: {
    status: string;
    proof: ProofView;
    options: { proof: ProofView }[];
    tally: { ballotsRoot: string; passed: boolean; proof: ProofView };
    ballots: { totalCount: number; edges: { node: { receiptHash: string; proof: ProofView } }[] };
  };
}

describe('secretary → vote → ballots → tally → indexer → chain → verify', () => {
  let vote: VoteView;
  const receipts: string[] = [];

  it('runs a vote through GraphQL', async () => {
    const created = ok(await s.h.gql<{ createVote: VoteView }>(CREATE_VOTE, { input: { orgUnitId: s.fx.units.b1.id, kind: 'MOTION', title: '关于表彰优秀党员的议题' } }, secretary)).createVote;
    vote = ok(await s.h.gql<{ openVote: VoteView }>(OPEN_VOTE, { id: created.id }, secretary)).openVote;
    expect(vote.eligibleCount).toBe(2);
    const yes = vote.options.find((o) => o.label === '赞成')!.id;
    for (const v of voters) receipts.push(ok(await s.h.gql<{ castBallot: { receipt: string } }>(CAST, { voteId: vote.id, choices: [yes] }, v)).castBallot.receipt);
    vote = ok(await s.h.gql<{ closeVote: VoteView }>(CLOSE_VOTE, { id: vote.id }, secretary)).closeVote;
    expect(vote.tally).toMatchObject({ ballotsCast: 2, quorumMet: true, passed: true });
  });

  it('anchors ballots and tally; every bundle verifies online; the tally recomputes from the anchored ballots', async () => {
    const read = async () =>
      ok(
        await s.h.gql<Served>(
          `query($id: ID!) { vote(id: $id) { status proof { status bundle } options { proof { status bundle } }
            tally { ballotsRoot passed proof { status bundle } }
            ballots(first: 10) { totalCount edges { node { receiptHash proof { status bundle } } } } } }`,
          { id: vote.id },
          secretary,
        ),
      );
    const proofsOf = (d: Served) => [d.vote.proof, d.vote.tally.proof, ...d.vote.options.map((o) => o.proof), ...d.vote.ballots.edges.map((e) => e.node.proof)];
    const deadline = Date.now() + ANCHOR_TIMEOUT_MS;
    let data = await read();
    while (!proofsOf(data).every((p) => p.status === 'ANCHORED')) {
      if (Date.now() > deadline) throw new Error(`not anchored after ${ANCHOR_TIMEOUT_MS} ms: ${proofsOf(data).map((p) => p.status).join(', ')}`);
      await new Promise((r) => setTimeout(r, 250));
      data = await read();
    }
    const served = data.vote;
    expect(served.ballots.totalCount).toBe(2);

    // Online: each leaf is in its batch and the batch root is the one on chain.
    const chain = createChainChecker(s.rpcUrl);
    const bundles = proofsOf(data).map((p) => p.bundle!);
    const reports = await Promise.all(bundles.map((b) => verifyBundle(b, { chain })));
    reports.forEach((r, i) => expect(r.verified, `${bundles[i]!.document.type}: ${JSON.stringify(r.checks)}`).toBe(true));
    expect(reports.every((r) => !r.offline)).toBe(true);
    const cli = await verifyWithCli(s.dir, 'vote-tally', served.tally.proof.bundle, s.rpcUrl);
    expect(cli.code, cli.stdout + cli.stderr).toBe(0);
    expect(cli.stdout).toMatch(/^VERIFIED 已验证: VoteTally /);

    // Recomputed from the anchored documents alone.
    const check = recomputeTally({
      vote: served.proof.bundle!.document,
      options: served.options.map((o) => o.proof.bundle!.document),
      ballots: served.ballots.edges.map((e) => e.node.proof.bundle!.document),
      tally: served.tally.proof.bundle!.document,
    });
    expect(check.problems).toEqual([]);
    expect(check.computed).toMatchObject({ ballotsCast: 2, passed: true, ballotsRoot: served.tally.ballotsRoot });

    // Each voter finds their receipt's hash among the anchored ballots; no ballot names a voter.
    const hashes = served.ballots.edges.map((e) => e.node.proof.bundle!.document.data.receiptHash);
    for (const r of receipts) expect(hashes).toContain(createHash('sha256').update(r).digest('hex'));
    const text = JSON.stringify(served.ballots);
    for (const id of [s.fx.members.m1.id, s.fx.members.m2.id, s.fx.accounts.member.id]) expect(text).not.toContain(id);

    // A ballot document altered after anchoring fails both its proof and the recomputation.
    const first = served.ballots.edges[0]!.node.proof.bundle!;
    const no = vote.options.find((o) => o.label === '反对')!.id;
    const forged = { ...first, document: { ...first.document, data: { ...first.document.data, choices: [no] } } };
    expect((await verifyBundle(forged, { chain })).verified).toBe(false);
    const tampered = recomputeTally({
      vote: served.proof.bundle!.document,
      options: served.options.map((o) => o.proof.bundle!.document),
      ballots: [forged.document, ...served.ballots.edges.slice(1).map((e) => e.node.proof.bundle!.document)],
      tally: served.tally.proof.bundle!.document,
    });
    expect(tampered.ok).toBe(false);
  });
  it('a decision resting on the passed vote, and its milestone, are anchored and verify online', async () => {
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const due = new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10);
    type D = { createDecision: { id: string; yesCount: number } };
    const decision = ok(
      await s.h.gql<D>(
        `mutation($input: CreateDecisionInput!) { createDecision(input: $input) { id yesCount } }`,
        { input: { orgUnitId: s.fx.units.b1.id, voteId: vote.id, title: '关于表彰优秀党员的决议', content: '表彰两名优秀党员。', decidedOn: today } },
        secretary,
      ),
    ).createDecision;
    expect(decision.yesCount).toBe(2);
    ok(await s.h.gql(`mutation($input: AddMilestoneInput!) { addMilestone(input: $input) { id } }`, { input: { decisionId: decision.id, title: '召开表彰会', dueOn: due } }, secretary));
    type R = { decision: { proof: ProofView; milestones: { proof: ProofView }[] } };
    const read = async () => ok(await s.h.gql<R>(`query($id: ID!) { decision(id: $id) { proof { status bundle } milestones { proof { status bundle } } } }`, { id: decision.id }, secretary)).decision;
    const proofsOf = (d: R['decision']) => [d.proof, ...d.milestones.map((m) => m.proof)];
    const deadline = Date.now() + ANCHOR_TIMEOUT_MS;
    let d = await read();
    while (!proofsOf(d).every((p) => p.status === 'ANCHORED')) {
      if (Date.now() > deadline) throw new Error(`not anchored after ${ANCHOR_TIMEOUT_MS} ms`);
      await new Promise((r) => setTimeout(r, 250));
      d = await read();
    }
    expect(d.milestones).toHaveLength(1);
    const chain = createChainChecker(s.rpcUrl);
    for (const p of proofsOf(d)) {
      const report = await verifyBundle(p.bundle!, { chain });
      expect(report.verified, JSON.stringify(report.checks)).toBe(true);
      expect(report.offline).toBe(false);
    }
    expect(d.proof.bundle!.document.data).toMatchObject({ voteId: vote.id, yesCount: 2 });
  });
});
