// My attendance at organisational life (三会一课, themed days), newest first, each record
// verified in the browser with its proof downloadable.
import { useLoaderData } from 'react-router';
import type { Route } from './+types/meetings';
import { MemberOnly, PortalList, PortalPage, PortalRecord } from '../../components/Portal';
import { useT } from '../../i18n/use-t';
import { formatDateTime } from '../../lib/format';
import { proofHref } from '../../lib/portal';
import { portalTitle, usePortalT } from '../../lib/portal-text';
import type { loader } from './meetings.server';

export const meta: Route.MetaFunction = ({ matches }) => portalTitle(matches, (p) => p.meetings.title);

export { loader } from './meetings.server';

export default function MyMeetings() {
  const p = usePortalT();
  const t = useT();
  const { list } = useLoaderData<typeof loader>();
  return (
    <PortalPage id="meetings-title" title={p.meetings.title}>
      <MemberOnly data={list}>
        {(list) => (
          <article className="card" aria-label={p.meetings.title}>
            <p className="muted" data-testid="attendance-total">{p.meetings.total(list.totalCount)}</p>
            <PortalList list={list} testId="attendance" none={p.meetings.none}>
              {(a) => (
                <PortalRecord
                  key={a.id}
                  kind="Attendance"
                  title={a.meeting.title}
                  pill={<span className="pill">{(t.meetings.kinds as Record<string, string>)[a.meeting.kind] ?? a.meeting.kindZh}</span>}
                  facts={[
                    { label: p.meetings.startsAt, value: formatDateTime(a.meeting.startsAt) },
                    { label: p.meetings.unit, value: <bdi>{a.meeting.orgUnitName}</bdi> },
                    { label: p.meetings.checkedIn, value: `${p.meetings.status[a.status] ?? a.status}${a.checkedInAt ? ` · ${formatDateTime(a.checkedInAt)}` : ''}${a.method ? ` · ${p.meetings.method[a.method] ?? a.method}` : ''}` },
                  ]}
                  proof={a.proof}
                  fields={{ status: a.status, checkedInAt: a.checkedInAt, method: a.method, meetingId: a.meeting.id }}
                  what={p.meetings.what(a.meeting.title)}
                  downloadHref={proofHref('Attendance', a.id, a.version, a.proof)}
                />
              )}
            </PortalList>
          </article>
        )}
      </MemberOnly>
    </PortalPage>
  );
}
