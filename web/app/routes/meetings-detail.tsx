// One meeting. Secretaries and administrators edit a draft, publish or cancel it, open check-in
// (the code and its QR code shown at once, full-screen for a projector), end it early, record
// everyone's attendance in one form once it has started and the minutes once it has ended, and see
// registrations and feedback; members register, check in with the code and rate it after its end.
import { data, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/meetings-detail';
import pageStyles from '../components/MeetingVote.css?url';
import { MeetingAttendanceForm, type Roster, type RosterMember } from '../components/MeetingAttendance';
import { MeetingCheckIn } from '../components/MeetingCheckIn';
import { MeetingMemberActions } from '../components/MeetingMember';
import { MeetingParticipation, type AttendanceRow, type FeedbackRow, type RegistrationRow } from '../components/MeetingParticipation';
import { MeetingStaffActions } from '../components/MeetingStaffActions';
import { ProofStatus } from '../components/ProofStatus';
import { RecordHead } from '../components/RecordHead';
import { useT } from '../i18n/use-t';
import { assertSameOrigin, requireAccount } from '../lib/auth.server';
import { formatDateTime } from '../lib/format';
import { PROOF_FIELDS, type ProofNode } from '../lib/fragments';
import {
  ATTENDING_STAGES,
  isAttendanceStatus,
  MEETING_FIELDS,
  meetingProvenFields,
  meetingTimes,
  postedMeetingFields,
  WRITER_ROLES,
  type CheckInShown,
  type MeetingNode,
} from '../lib/meetings';
import type { FieldError, FormResult } from '../lib/meetings-form';
import { badForm, formFailure, unknownIntent } from '../lib/meetings.server';
import { titleFor } from '../lib/meta';
import { PAGE_ROLES } from '../lib/roles';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: pageStyles }];

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.meetings.details);

const MINE = `myRegistration { id status registeredAt }
  myAttendance { id version status method checkedInAt ${PROOF_FIELDS} }
  myFeedback { id rating comment }`;

const PARTICIPATION = `
  registrations(first: 100) { totalCount edges { node { id status registeredAt member { id name } proof { status batchSeq anchor { height } } } } }
  attendances(first: 100) { totalCount edges { node { id status method checkedInAt note member { id name } proof { status batchSeq anchor { height } } } } }
  feedback(first: 100) { totalCount edges { node { id rating comment createdAt member { id name } proof { status batchSeq anchor { height } } } } }`;

const meetingQuery = (staff: boolean) => `query Meeting($id: ID!) { meeting(id: $id) { ${MEETING_FIELDS} ${MINE} ${staff ? PARTICIPATION : ''} } }`;

const ROSTER = `query Roster($under: ID!) { members(under: $under, status: ACTIVE, first: 100) { totalCount edges { node { id name stage } } } }`;

const MUTATIONS = {
  publish: `mutation($id: ID!) { publishMeeting(id: $id) { id } }`,
  update: `mutation($id: ID!, $input: UpdateMeetingInput!) { updateMeeting(id: $id, input: $input) { id } }`,
  end: `mutation($id: ID!) { endMeeting(id: $id) { id } }`,
  cancel: `mutation($id: ID!, $reason: String!) { cancelMeeting(id: $id, reason: $reason) { id } }`,
  'open-checkin': `mutation($id: ID!, $validMinutes: Int) { openCheckIn(id: $id, validMinutes: $validMinutes) { code qrPayload expiresAt } }`,
  attendance: `mutation($meetingId: ID!, $entries: [AttendanceEntryInput!]!) { recordAttendance(meetingId: $meetingId, entries: $entries) { id } }`,
  minutes: `mutation($id: ID!, $minutes: String!) { recordMinutes(id: $id, minutes: $minutes) { id } }`,
  register: `mutation($meetingId: ID!) { registerForMeeting(meetingId: $meetingId) { id } }`,
  checkin: `mutation($meetingId: ID!, $code: String) { checkIn(meetingId: $meetingId, code: $code) { id status } }`,
  feedback: `mutation($meetingId: ID!, $rating: Int!, $comment: String) { submitMeetingFeedback(meetingId: $meetingId, rating: $rating, comment: $comment) { id } }`,
} as const;

type Intent = keyof typeof MUTATIONS;
const isIntent = (v: unknown): v is Intent => typeof v === 'string' && v in MUTATIONS;

type Conn<T> = { totalCount: number; edges: Array<{ node: T }> };
type MeetingResult = {
  meeting: MeetingNode & {
    myRegistration: { id: string; status: string; registeredAt: string } | null;
    myAttendance: { id: string; version: number; status: string; method: string | null; checkedInAt: string | null; proof: ProofNode } | null;
    myFeedback: { id: string; rating: number; comment: string | null } | null;
    registrations?: Conn<RegistrationRow>;
    attendances?: Conn<AttendanceRow>;
    feedback?: Conn<FeedbackRow>;
  };
};

export type MeetingActionResult = FormResult<{ session?: CheckInShown; count?: number; status?: string }>;

export async function loader({ request, params }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.meetings);
  const staff = ctx.account.role !== 'MEMBER';
  const { meeting } = await ctx.query<MeetingResult>(meetingQuery(staff), { id: params.id });
  const canWrite = (WRITER_ROLES as readonly string[]).includes(ctx.account.role);
  let roster: Roster | null = null;
  if (canWrite && ['PUBLISHED', 'IN_PROGRESS', 'COMPLETED'].includes(meeting.status)) {
    const r = await ctx.query<{ members: Conn<RosterMember> }>(ROSTER, { under: meeting.orgUnitId });
    const stages = ATTENDING_STAGES[meeting.kind];
    const all = r.members.edges.map((e) => e.node);
    roster = { total: r.members.totalCount, members: all.filter((m) => stages.includes(m.stage)), missing: all.filter((m) => !stages.includes(m.stage)) };
  }
  return { meeting, canWrite, hasMember: ctx.account.memberId !== null, roster, times: meetingTimes(meeting, Date.now()) };
}

export async function action({ request, params }: Route.ActionArgs) {
  assertSameOrigin(request);
  const form = await request.formData();
  const intent = form.get('intent');
  if (!isIntent(intent)) return unknownIntent();
  const memberIntent = intent === 'register' || intent === 'checkin' || intent === 'feedback';
  const ctx = await requireAccount(request, memberIntent ? PAGE_ROLES.meetings : WRITER_ROLES);
  const id = params.id;
  const text = (k: string) => String(form.get(k) ?? '').trim();
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
    const r = await ctx.call<Record<string, unknown>>(MUTATIONS[intent], vars);
    if (intent === 'open-checkin') return data<MeetingActionResult>({ ok: true, intent, session: r.openCheckIn as CheckInShown });
    if (intent === 'attendance') return data<MeetingActionResult>({ ok: true, intent, count: (r.recordAttendance as unknown[]).length });
    if (intent === 'checkin') return data<MeetingActionResult>({ ok: true, intent, status: (r.checkIn as { status: string }).status });
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

export default function MeetingPage() {
  const t = useT();
  const m = t.meetings;
  const { meeting, canWrite, hasMember, roster, times } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as MeetingActionResult | undefined;
  const failure = result && !result.ok ? result : null;
  const done = result?.ok ? result : null;
  const facts: Array<[string, string]> = [
    [m.kind, m.kinds[meeting.kind] ?? meeting.kindZh],
    [m.unit, meeting.orgUnitName],
    [m.when, `${formatDateTime(meeting.startsAt)} – ${formatDateTime(meeting.endsAt).slice(11)} (${m.duration(meeting.durationMinutes)})`],
    [m.place, meeting.location ?? m.noPlace],
    [m.status, m.statuses[meeting.status] ?? meeting.status],
    ...(meeting.endedAt && meeting.status !== 'CANCELLED' ? ([[m.endedAt, formatDateTime(meeting.endedAt)]] as Array<[string, string]>) : []),
  ];
  return (
    <section className="page" aria-labelledby="meeting-title">
      <RecordHead
        id="meeting-title"
        back={{ to: '/meetings', label: m.back }}
        title={meeting.title}
        status={{ value: meeting.status, label: m.statuses[meeting.status] ?? meeting.status, testId: 'meeting-status', className: `pill meeting-${meeting.status.toLowerCase()}` }}
      />
      {done ? <Notice intent={done.intent} result={done} /> : null}
      <div className="grid-2">
        <article className="card" aria-labelledby="meeting-facts">
          <h2 id="meeting-facts">{m.details}</h2>
          <ProofStatus
            proof={meeting.proof}
            fields={meetingProvenFields(meeting)}
            what={`${meeting.title} ${t.me.versionN(meeting.version)}`}
            downloadHref={`/proof/Meeting/${meeting.id}/${meeting.version}`}
          />
          {meeting.recordedAfterwards ? (
            <p className="notice" data-testid="recorded-afterwards">
              <span className="pill">{m.recordedAfterwards}</span> {m.recordedAfterwardsNote}
            </p>
          ) : null}
          <dl className="facts">
            {facts.map(([k, v]) => (
              <div key={k} className="fact">
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
          {meeting.agenda ? (
            <>
              <h3>{m.agenda}</h3>
              <p className="prewrap">{meeting.agenda}</p>
            </>
          ) : null}
          {meeting.cancelReason ? (
            <p className="notice" data-testid="cancel-reason">
              {m.cancelledBecause}
              {meeting.cancelReason}
            </p>
          ) : meeting.minutes ? (
            <>
              <h3>{m.minutes}</h3>
              <p className="prewrap" data-testid="minutes-text">
                {meeting.minutes}
              </p>
            </>
          ) : null}
        </article>
        <div>
          {canWrite ? (
            <MeetingStaffActions meeting={meeting} times={times} failure={failure}>
              {done?.intent === 'open-checkin' && done.session ? <MeetingCheckIn session={done.session} /> : null}
            </MeetingStaffActions>
          ) : null}
          {hasMember ? <MeetingMemberActions meeting={meeting} ended={times.ended} failure={failure} /> : null}
        </div>
      </div>
      {canWrite && roster ? (
        <MeetingAttendanceForm
          roster={roster}
          started={times.started}
          recorded={meeting.attendances?.edges.map((e) => e.node) ?? []}
          failure={failure}
          // Recorded marks are the form's defaults: a new set of marks remounts it with them.
          key={(meeting.attendances?.edges ?? []).map((e) => `${e.node.member.id}:${e.node.status}`).join(',')}
        />
      ) : null}
      {meeting.registrations && meeting.attendances && meeting.feedback ? (
        <MeetingParticipation registrations={meeting.registrations} attendances={meeting.attendances} feedback={meeting.feedback} />
      ) : null}
    </section>
  );
}

function Notice({ intent, result }: { intent: string; result: Extract<MeetingActionResult, { ok: true }> }) {
  const m = useT().meetings;
  const text: Record<string, string | undefined> = {
    publish: m.published,
    update: m.edited,
    end: m.meetingEnded,
    cancel: m.cancelled,
    attendance: result.count !== undefined ? m.attendanceSaved(result.count) : undefined,
    minutes: m.minutesSaved,
    register: m.registeredOk,
    checkin: result.status ? m.checkedIn(m.attendance[result.status] ?? result.status) : undefined,
    feedback: m.feedbackSaved,
  };
  const shown = text[intent];
  return shown ? (
    <p className="notice" role="status" data-testid="meeting-notice">
      {shown}
    </p>
  ) : null;
}
