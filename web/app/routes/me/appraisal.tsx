// My democratic appraisal results (民主评议), once the branch has told them to me, with the
// peer tally as stored on the result record; each verified in the browser.
import { useLoaderData } from 'react-router';
import type { Route } from './+types/appraisal';
import { MemberOnly, PortalList, PortalPage, PortalRecord } from '../../components/Portal';
import { useLocale } from '../../i18n/use-t';
import { formatDateTime } from '../../lib/format';
import { proofHref } from '../../lib/portal';
import { portalTitle, usePortalT } from '../../lib/portal-text';
import type { loader } from './appraisal.server';

export const meta: Route.MetaFunction = ({ matches }) => portalTitle(matches, (p) => p.appraisal.title);

export { loader } from './appraisal.server';

const RATING_EN: Record<string, string> = { EXCELLENT: 'Excellent', QUALIFIED: 'Qualified', BASICALLY_QUALIFIED: 'Basically qualified', UNQUALIFIED: 'Unqualified' };

export default function MyAppraisal() {
  const p = usePortalT();
  const locale = useLocale();
  const { list } = useLoaderData<typeof loader>();
  return (
    <PortalPage id="appraisal-title" title={p.appraisal.title}>
      <MemberOnly data={list}>
        {(list) => (
          <article className="card" aria-label={p.appraisal.title}>
            <PortalList list={list} testId="appraisal" none={p.appraisal.none}>
              {(r) => (
                <PortalRecord
                  key={r.id}
                  kind="AppraisalResult"
                  title={r.campaign.title}
                  pill={<span className="pill pill-pass">{locale === 'en' ? (RATING_EN[r.rating] ?? r.rating) : r.ratingZh}</span>}
                  facts={[
                    { label: p.appraisal.peers, value: p.appraisal.peerLine(r.peerSummary.excellent, r.peerSummary.qualified, r.peerSummary.basicallyQualified, r.peerSummary.unqualified) },
                    { label: p.appraisal.decidedAt, value: formatDateTime(r.decidedAt) },
                    { label: p.appraisal.notifiedAt, value: formatDateTime(r.notifiedAt) },
                  ]}
                  proof={r.proof}
                  fields={{
                    rating: r.rating,
                    notifiedAt: r.notifiedAt,
                    peerSummary: {
                      EXCELLENT: r.peerSummary.excellent,
                      QUALIFIED: r.peerSummary.qualified,
                      BASICALLY_QUALIFIED: r.peerSummary.basicallyQualified,
                      UNQUALIFIED: r.peerSummary.unqualified,
                    },
                  }}
                  what={p.appraisal.what(r.campaign.title)}
                  downloadHref={proofHref('AppraisalResult', r.id, r.version, r.proof)}
                />
              )}
            </PortalList>
          </article>
        )}
      </MemberOnly>
    </PortalPage>
  );
}
