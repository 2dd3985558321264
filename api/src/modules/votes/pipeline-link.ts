// The development pipeline's use of a vote (steps 15 and 23, extension, revocation): the vote
// must be closed, tallied and passed, and its tally's counts become the step's vote — the
// pipeline engine then applies its own rule to the same numbers.
import type { PrismaClient } from '@lianjian/db';
import type { BranchVote } from '@lianjian/rules/pipeline';
import { badArgument } from '../../shared/errors.js';
import { unpassedVoteError } from './errors.js';
import { resultsOf } from './service.js';

export async function branchVoteOfTally(prisma: PrismaClient, voteId: string): Promise<BranchVote> {
  const vote = await prisma.vote.findUniqueOrThrow({
    where: { id: voteId },
    select: { id: true, status: true, kind: true, tally: true, options: { select: { id: true, position: true }, orderBy: { position: 'asc' } } },
  });
  if (vote.kind === 'ELECTION') throw badArgument('voteId', 'names an election; a development step needs a motion.', '指向的是选举；发展步骤需要议题表决。');
  const refusal = unpassedVoteError(vote, vote.tally);
  if (refusal) throw refusal;
  const tally = vote.tally!;
  const counts = new Map(resultsOf(tally.results).map((r) => [r.optionId, r.count]));
  const [yes, no, abstain] = vote.options.map((o) => counts.get(o.id) ?? 0);
  return { entitled: tally.eligibleCount, present: tally.ballotsCast, yes: yes!, no: no!, abstain: abstain! };
}
