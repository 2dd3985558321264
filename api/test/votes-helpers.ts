// Shared by the vote and decision tests: members with their own MEMBER accounts (voters), and the
// GraphQL documents of the voting workflow.
import { hashPassword, recordData, type Member, type PrismaClient } from '@lianjian/db';
import { appendRecords } from '@lianjian/indexer';
import { sessionFor } from './fixtures.js';
import type { Caller } from './harness.js';

let cheapHash: string | undefined;

/** A member (written with its record, as the API writes) and a signed-in MEMBER account of theirs. */
export async function memberWithAccount(
  prisma: PrismaClient,
  name: string,
  orgUnitId: string,
  stage: 'FULL' | 'PROBATIONARY' | 'CANDIDATE' = 'FULL',
): Promise<{ member: Member; as: Caller }> {
  const member = await prisma.$transaction(async (tx) => {
    const m = await tx.member.create({
      data: {
        name,
        orgUnitId,
        gender: 'FEMALE',
        birthDate: new Date('1992-02-02'),
        ethnicity: '汉族',
        education: 'BACHELOR',
        stage,
        appliedOn: new Date('2015-03-01'),
        ...(stage === 'FULL' ? { fullMemberSince: new Date('2018-07-01') } : {}),
        ...(stage === 'PROBATIONARY' ? { probationarySince: new Date('2025-07-01'), probationEndsOn: new Date('2026-07-01') } : {}),
      },
    });
    await appendRecords(tx, [{ type: 'Member', id: m.id, version: m.version, org: m.orgUnitId, actor: 'system', data: recordData('Member', m) }]);
    return m;
  });
  return { member, as: await accountFor(prisma, member) };
}

/** A MEMBER account for an existing member, signed in. */
export async function accountFor(prisma: PrismaClient, member: Member): Promise<Caller> {
  cheapHash ??= await hashPassword('voter password', { N: 1024, r: 8, p: 1 });
  const account = await prisma.account.create({
    data: { username: `voter-${member.id.slice(0, 8)}-${Math.random().toString(36).slice(2, 6)}`, displayName: member.name, passwordHash: cheapHash, role: 'MEMBER', scopeUnitId: member.orgUnitId, memberId: member.id },
  });
  return { token: await sessionFor(prisma, account.id) };
}

export const VOTE_FIELDS = `id version kind title status quorumRule majorityRule seats subjectMemberId meetingId eligibleCount eligibleRollHash openedAt closedAt
  options { id position label candidateId }
  tally { id version eligibleCount ballotsCast quorumMet passed ballotsRoot results { optionId count elected } }`;

export const CREATE_VOTE = `mutation($input: CreateVoteInput!) { createVote(input: $input) { ${VOTE_FIELDS} } }`;
export const OPEN_VOTE = `mutation($id: ID!) { openVote(id: $id) { ${VOTE_FIELDS} } }`;
export const CLOSE_VOTE = `mutation($id: ID!) { closeVote(id: $id) { ${VOTE_FIELDS} } }`;
export const CAST = `mutation($voteId: ID!, $choices: [ID!]!) { castBallot(voteId: $voteId, choices: $choices) { receipt receiptHash rollEntry { memberId votedAt } } }`;
export const VERIFY_MY_BALLOT = `query($voteId: ID!, $receipt: String!) { verifyMyBallot(voteId: $voteId, receipt: $receipt) { verified choices voteStatus ballot { id version choices receiptHash proof { document } } } }`;

export interface VoteView {
  id: string;
  version: number;
  kind: string;
  status: string;
  eligibleCount: number | null;
  eligibleRollHash: string | null;
  openedAt: string | null;
  closedAt: string | null;
  options: { id: string; position: number; label: string; candidateId: string | null }[];
  tally: null | { id: string; eligibleCount: number; ballotsCast: number; quorumMet: boolean; passed: boolean; ballotsRoot: string | null; results: { optionId: string; count: number; elected: boolean | null }[] };
}

