// My points: the total the API claims, every entry with the rule revision that granted it,
// each verified in the browser, and a recomputation of the total from the proven entries.
import { useLoaderData } from 'react-router';
import type { Route } from './+types/points';
import { Card } from '../../components/Card';
import { PointsRecompute } from '../../components/PointsRecompute';
import { MemberOnly, PortalList, PortalPage, PortalRecord } from '../../components/Portal';
import { isolatedIn } from '../../components/UserText';
import { useT } from '../../i18n/use-t';
import { titleFor } from '../../lib/meta';
import { proofHref } from '../../lib/portal';
import type { loader } from './points.server';

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.points.title);

export { loader } from './points.server';

export default function MyPoints() {
  const t = useT();
  const { data } = useLoaderData<typeof loader>();
  return (
    <PortalPage id="points-title" title={t.points.title}>
      <MemberOnly data={data}>
        {(data) => (
          <>
            <Card titleId="points-total-title" title={t.points.total}>
              <p className="portal-summary">
                <span className="portal-total" data-testid="points-total">
                  {data.memberPointsTotal.total}
                </span>
                <span className="muted">{t.points.entries(data.memberPointsTotal.entryCount)}</span>
              </p>
              <PointsRecompute />
            </Card>
            <Card titleId="ledger-title" title={t.points.ledger}>
              <PortalList list={data.pointsLedger} testId="points-ledger" none={t.points.none}>
                {(e) => (
                  <PortalRecord
                    key={e.id}
                    kind="PointsEntry"
                    title={`${e.points > 0 ? '+' : ''}${e.points} · ${e.reason}`}
                    pill={e.correctsId ? <span className="pill pill-skip">{t.points.correction}</span> : e.netPoints !== e.points ? <span className="pill">{t.points.net(e.netPoints)}</span> : null}
                    facts={[
                      { label: t.points.occurredOn, value: e.occurredOn },
                      { label: t.points.rule, value: e.rule ? isolatedIn((name) => t.points.ruleLine(name, e.rule?.points ?? 0, e.rule?.revision ?? 0), e.rule.name) : t.points.noRule },
                    ]}
                    proof={e.proof}
                    fields={{ points: e.points, reason: e.reason, occurredOn: e.occurredOn, ruleId: e.rule?.id ?? null, correctsId: e.correctsId }}
                    what={t.points.what(e.reason, e.occurredOn)}
                    downloadHref={proofHref('PointsEntry', e.id, e.version, e.proof)}
                  />
                )}
              </PortalList>
            </Card>
          </>
        )}
      </MemberOnly>
    </PortalPage>
  );
}
