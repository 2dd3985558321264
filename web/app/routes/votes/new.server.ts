// Server side of new.tsx: its loader and actions and the GraphQL documents they send.
import { redirect } from 'react-router';
import type { Route } from './+types/new';
import { requireAccount } from '../../lib/auth.server';
import { WRITER_ROLES } from '../../lib/roles';
import { readPostedForm } from '../../lib/form-action.server';
import { chinaLocalToIso } from '../../lib/china-time';
import { badForm, formFailure } from '../../lib/meetings.server';
import { unitOptions } from '../../lib/units.server';
import { isMajorityRule, isQuorumRule, isVoteKind } from '../../lib/votes';
import { graphql } from '../../graphql';

const CREATE = graphql(`mutation CreateVote($input: CreateVoteInput!) { createVote(input: $input) { id } }`);

export async function loader({ request }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, WRITER_ROLES);
  return { units: await unitOptions(ctx) };
}

export async function action({ request }: Route.ActionArgs) {
  const { ctx, text } = await readPostedForm(request, WRITER_ROLES);
  const kind = text('kind');
  if (!isVoteKind(kind)) return badForm('create', 'Choose a motion or an election.', '请选择议题表决或选举。', [{ field: 'kind', message: 'Choose a kind.', messageZh: '请选择类型。' }]);
  const closesRaw = text('closesAt');
  const closesAt = closesRaw ? chinaLocalToIso(closesRaw) : null;
  if (closesRaw && !closesAt) return badForm('create', 'Please correct the marked fields.', '请修改标出的内容。', [{ field: 'closesAt', message: 'is not a date and time.', messageZh: '请填写日期和时间。' }]);
  const quorum = text('quorumRule');
  const majority = text('majorityRule');
  const election = kind === 'ELECTION';
  const seats = Number(text('seats') || '1');
  const candidates = text('candidates')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((label) => ({ label }));
  try {
    const r = await ctx.call(CREATE, {
      input: {
        orgUnitId: text('orgUnitId'),
        kind,
        title: text('title'),
        description: text('description') || null,
        ...(isQuorumRule(quorum) ? { quorumRule: quorum } : {}),
        ...(isMajorityRule(majority) ? { majorityRule: majority } : {}),
        ...(election ? { seats: Number.isFinite(seats) ? Math.trunc(seats) : 1, candidates } : {}),
        ...(closesAt ? { closesAt } : {}),
      },
    });
    return redirect(`/votes/${r.createVote.id}`);
  } catch (error) {
    return formFailure(error, request, ctx, 'create');
  }
}
