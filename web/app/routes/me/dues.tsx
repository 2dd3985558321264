// My dues (我的党费): my base, my dues month by month, my payments with their proofs (each a
// receipt to download), and my total paid recomputed in the browser from my own proven entries.
import { useLoaderData, useNavigation } from 'react-router';
import { useActionResult } from '../../lib/use-action-result';
import type { Route } from './+types/dues';
import { DuesBaseForm } from '../../components/DuesBaseForm';
import { DuesRecompute } from '../../components/DuesRecompute';
import { DuesStatementView } from '../../components/DuesStatement';
import { DuesYearFilter } from '../../components/DuesTabs';
import { Notice } from '../../components/Notice';
import { PortalPage } from '../../components/Portal';
import { useT } from '../../i18n/use-t';
import type { FormFailure } from '../../lib/meetings-form';
import { titleFor } from '../../lib/meta';
import type { action, loader } from './dues.server';

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.dues.myTitle);

export { loader, action } from './dues.server';

export default function MyDues() {
  const d = useT().dues;
  const { statement: s, year, thisYear } = useLoaderData<typeof loader>();
  const result = useActionResult<FormFailure | { ok: true; intent: string }>();
  const busy = useNavigation().state === 'submitting';
  const failure = result && !result.ok ? result : undefined;
  // A member declares their base until the branch checks it (then it is set for the year).
  const canDeclare = s !== null && (s.base === null || s.base.status === 'DECLARED') && year >= thisYear - 1 && year <= thisYear + 1;
  return (
    <PortalPage id="dues-title" title={d.myTitle} intro={<p className="muted small">{d.myIntro}</p>}>
      {!s ? (
        <p className="notice">{d.noMember}</p>
      ) : (
        <>
          <DuesYearFilter year={year} newest={thisYear + 1} oldest={thisYear - 3} />
          <Notice testId="dues-notice">{result?.ok ? d.declared : null}</Notice>
          <DuesStatementView
            s={s}
            baseExtra={
              canDeclare ? (
                <details className="dues-declare" open={Boolean(failure)}>
                  <summary>{d.declare}</summary>
                  <p className="muted small">{d.declareIntro}</p>
                  <DuesBaseForm year={year} result={failure} busy={busy} />
                </details>
              ) : null
            }
            afterTotals={
              <DuesRecompute
                claim={{
                  memberId: s.memberId,
                  year: s.year,
                  paidFen: s.paidFen,
                  months: s.months.map((m) => ({ month: m.month, paidFen: m.paidFen })),
                  entries: s.payments.map((p) => ({ id: p.id, version: p.version, bundle: p.proof.bundle })),
                }}
              />
            }
          />
        </>
      )}
    </PortalPage>
  );
}
