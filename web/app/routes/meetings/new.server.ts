import { pageUrl } from '../../lib/session.server';
// Server side of new.tsx: its loader and actions and the GraphQL documents they send.
import { redirect } from 'react-router';
import type { Route } from './+types/new';
import { requireAccount } from '../../lib/auth.server';
import { WRITER_ROLES } from '../../lib/roles';
import { readPostedForm } from '../../lib/form-action.server';
import { isoToChinaLocal, postedMeetingFields } from '../../lib/meetings';
import { badForm, formFailure } from '../../lib/meetings.server';
import { unitOptions } from '../../lib/units.server';
import { graphql } from '../../graphql';
import type { MeetingKind } from '../../graphql/graphql';

const PLAN = graphql(`mutation Plan($input: PlanMeetingInput!) { planMeeting(input: $input) { id } }`);

const PAST = graphql(`mutation Past($input: PastMeetingInput!) { recordPastMeeting(input: $input) { id } }`);

export async function loader({ request }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, WRITER_ROLES);
  const past = pageUrl(request).searchParams.get('past') === '1';
  // A sensible default: next week (a week ago, when recording afterwards), 14:00–16:00 China time.
  const start = new Date(Date.now() + (past ? -7 : 7) * 86_400_000);
  const day = isoToChinaLocal(start.getTime()).slice(0, 10);
  return {
    // A link, not a client-side switch: the form works the same before (or without) scripts.
    past,
    units: await unitOptions(ctx),
    defaults: { startsAt: `${day}T14:00`, endsAt: `${day}T16:00` },
  };
}

export async function action({ request }: Route.ActionArgs) {
  const { ctx, text } = await readPostedForm(request, WRITER_ROLES);
  const { fields, bad } = postedMeetingFields(text);
  if (bad.length > 0) return badForm('plan', 'Please correct the marked fields.', '请修改标出的内容。', bad);
  const input = { unitId: text('unitId'), ...fields, kind: fields.kind as MeetingKind, startsAt: fields.startsAt ?? '', endsAt: fields.endsAt ?? '' };
  try {
    if (text('past') === 'on') {
      const r = await ctx.call(PAST, { input: { ...input, minutes: text('minutes') } });
      return redirect(`/meetings/${r.recordPastMeeting.id}`);
    }
    const r = await ctx.call(PLAN, { input });
    return redirect(`/meetings/${r.planMeeting.id}`);
  } catch (error) {
    return formFailure(error, request, ctx, 'plan');
  }
}
