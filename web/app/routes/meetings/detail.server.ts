// Server side of detail.tsx: its loader and actions and the GraphQL documents they send.
import { data } from 'react-router';
import type { Route } from './+types/detail';
import { type Roster } from '../../components/MeetingAttendance';
import { assertSameOrigin, requireAccount } from '../../lib/auth.server';
import { ATTENDING_STAGES, isAttendanceStatus, meetingTimes, postedMeetingFields, type CheckInShown } from '../../lib/meetings';
import type { FieldError } from '../../lib/meetings-form';
import { badForm, formFailure, unknownIntent } from '../../lib/meetings.server';
import { discussionAction, isDiscussionPost, loadDiscussion } from '../../lib/discussion.server';
import { PAGE_ROLES, WRITER_ROLES, isWriter } from '../../lib/roles';
import { graphql } from '../../graphql';
import { uploadAttachments } from '../../lib/attachments.server';
import type { CheckInMutation, OpenCheckInMutation, RecordAttendanceMutation } from '../../graphql/graphql';
import type { Operation } from '../../lib/graphql.server';
import type { MeetingActionResult } from './detail';

// What a member sees of their own part, and (staff, $staff) everyone's registrations, attendance and feedback.
const MEETING = graphql(`query Meeting($id: ID!, $staff: Boolean!) {
  meeting(id: $id) {
    ...MeetingFields
    minutesAttachments { sha256 name type size }
    myRegistration { id status registeredAt }
    myAttendance { id version status method checkedInAt proof { ...ProofFields } }
    myFeedback { id rating comment }
    registrations(first: 100) @include(if: $staff) { totalCount edges { node { id status registeredAt member { id name } proof { status batchSeq anchor { height } } } } }
    attendances(first: 100) @include(if: $staff) { totalCount edges { node { id status method checkedInAt note member { id name } proof { status batchSeq anchor { height } } } } }
    feedback(first: 100) @include(if: $staff) { totalCount edges { node { id rating comment createdAt member { id name } proof { status batchSeq anchor { height } } } } }
  }
}`);

const ROSTER = graphql(`query Roster($under: ID!) { members(under: $under, status: ACTIVE, first: 100) { totalCount edges { node { id name stage } } } }`);

const MUTATIONS = {
  publish: graphql(`mutation PublishMeeting($id: ID!) { publishMeeting(id: $id) { id } }`),
  update: graphql(`mutation UpdateMeeting($id: ID!, $input: UpdateMeetingInput!) { updateMeeting(id: $id, input: $input) { id } }`),
  end: graphql(`mutation EndMeeting($id: ID!) { endMeeting(id: $id) { id } }`),
  cancel: graphql(`mutation CancelMeeting($id: ID!, $reason: String!) { cancelMeeting(id: $id, reason: $reason) { id } }`),
  'open-checkin': graphql(`mutation OpenCheckIn($id: ID!, $validMinutes: Int) { openCheckIn(id: $id, validMinutes: $validMinutes) { code qrPayload expiresAt } }`),
  attendance: graphql(`mutation RecordAttendance($meetingId: ID!, $entries: [AttendanceEntryInput!]!) { recordAttendance(meetingId: $meetingId, entries: $entries) { id } }`),
  minutes: graphql(`mutation RecordMinutes($id: ID!, $minutes: String!, $attachments: [AttachmentInput!]) { recordMinutes(id: $id, minutes: $minutes, attachments: $attachments) { id } }`),
  register: graphql(`mutation RegisterForMeeting($meetingId: ID!) { registerForMeeting(meetingId: $meetingId) { id } }`),
  checkin: graphql(`mutation CheckIn($meetingId: ID!, $code: String) { checkIn(meetingId: $meetingId, code: $code) { id status } }`),
  feedback: graphql(`mutation MeetingFeedback($meetingId: ID!, $rating: Int!, $comment: String) { submitMeetingFeedback(meetingId: $meetingId, rating: $rating, comment: $comment) { id } }`),
} as const;

type Intent = keyof typeof MUTATIONS;

/** What the intents that answer with data return (the others answer with an id only). */
type MutationResult = Partial<OpenCheckInMutation & RecordAttendanceMutation & CheckInMutation>;

const isIntent = (v: unknown): v is Intent => typeof v === 'string' && v in MUTATIONS;

export async function loader({ request, params }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.meetings);
  const staff = ctx.account.role !== 'MEMBER';
  const { meeting } = await ctx.query(MEETING, { id: params.id, staff });
  const canWrite = isWriter(ctx.account.role);
  let roster: Roster | null = null;
  if (canWrite && ['PUBLISHED', 'IN_PROGRESS', 'COMPLETED'].includes(meeting.status)) {
    const r = await ctx.query(ROSTER, { under: meeting.orgUnitId });
    const stages = ATTENDING_STAGES[meeting.kind];
    const all = r.members.edges.map((e) => e.node);
    roster = { total: r.members.totalCount, members: all.filter((m) => stages.includes(m.stage)), missing: all.filter((m) => !stages.includes(m.stage)) };
  }
  return { meeting, canWrite, hasMember: ctx.account.memberId !== null, roster, times: meetingTimes(meeting, Date.now()), discussion: await loadDiscussion(ctx, 'MEETING', meeting.id, new URL(request.url)) };
}

export async function action({ request, params }: Route.ActionArgs) {
  if (await isDiscussionPost(request)) return discussionAction(request, 'MEETING', params.id);
  assertSameOrigin(request);
  const form = await request.formData();
  const intent = form.get('intent');
  if (!isIntent(intent)) return unknownIntent();
  const memberIntent = intent === 'register' || intent === 'checkin' || intent === 'feedback';
  const ctx = await requireAccount(request, memberIntent ? PAGE_ROLES.meetings : WRITER_ROLES);
  const id = params.id;
  const text = (k: string) => String(form.get(k) ?? '').trim();
  // The intent's variables; each is checked against its mutation's generated type where it is sent.
  let vars: Record<string, unknown>;
  // Attendance entries in form order, so the API's "entries[i]" errors point back at their rows.
  let entryIds: string[] = [];
  switch (intent) {
    case 'publish':
    case 'end':
      vars = { id };
      break;
    case 'update': {
      const { fields, bad } = postedMeetingFields(text);
      if (bad.length > 0) return badForm(intent, 'Please correct the marked fields.', '请修改标出的内容。', bad);
      vars = { id, input: fields };
      break;
    }
    case 'cancel':
      vars = { id, reason: text('reason') };
      break;
    case 'open-checkin': {
      const minutes = Number(text('validMinutes') || '15');
      vars = { id, validMinutes: Number.isFinite(minutes) ? Math.trunc(minutes) : 15 };
      break;
    }
    case 'attendance': {
      const entries: Array<{ memberId: string; status: string; note: string | null }> = [];
      for (const [key, value] of form.entries()) {
        if (!key.startsWith('status:') || !isAttendanceStatus(value)) continue;
        const memberId = key.slice('status:'.length);
        entries.push({ memberId, status: value, note: text(`note:${memberId}`) || null });
      }
      if (entries.length === 0) return badForm(intent, 'Choose the attendance of at least one member.', '请至少为一名党员选择出勤情况。');
      entryIds = entries.map((e) => e.memberId);
      vars = { meetingId: id, entries };
      break;
    }
    case 'minutes':
      vars = { id, minutes: text('minutes') };
      break;
    case 'register':
      vars = { meetingId: id };
      break;
    case 'checkin':
      vars = { meetingId: id, code: text('code') };
      break;
    case 'feedback': {
      const rating = Number(text('rating'));
      if (!Number.isInteger(rating) || rating < 1 || rating > 5) {
        return badForm(intent, 'Choose a rating from 1 to 5.', '请选择 1 到 5 分。', [{ field: 'rating', message: 'Choose a rating from 1 to 5.', messageZh: '请选择 1 到 5 分。' }]);
      }
      vars = { meetingId: id, rating, comment: text('comment') || null };
      break;
    }
  }
  try {
    // Files chosen with the minutes go to the API first; the minutes then name them by hash (in the meeting's record).
    if (intent === 'minutes') {
      const attachments = await uploadAttachments(ctx, form);
      if (attachments.length > 0) vars = { ...vars, attachments };
    }
    // One form, one mutation: the map's documents differ in variables, which the switch above built.
    const r = await ctx.call(MUTATIONS[intent] as unknown as Operation<MutationResult, Record<string, unknown>>, vars);
    if (intent === 'open-checkin' && r.openCheckIn) return data<MeetingActionResult>({ ok: true, intent, session: r.openCheckIn satisfies CheckInShown });
    if (intent === 'attendance' && r.recordAttendance) return data<MeetingActionResult>({ ok: true, intent, count: r.recordAttendance.length });
    if (intent === 'checkin' && r.checkIn) return data<MeetingActionResult>({ ok: true, intent, status: r.checkIn.status });
    return data<MeetingActionResult>({ ok: true, intent });
  } catch (error) {
    const res = await formFailure(error, request, ctx, intent);
    if (intent === 'attendance') {
      // "entries[3].note" → "note:<member id>": the field the form shows for that row.
      res.data.fields = res.data.fields.map((f: FieldError) => {
        const m = /^entries\[(\d+)\]\.(\w+)$/.exec(f.field);
        const memberId = m ? entryIds[Number(m[1])] : undefined;
        return memberId ? { ...f, field: `${m![2] === 'note' ? 'note' : 'status'}:${memberId}` } : f;
      });
    }
    return res;
  }
}
