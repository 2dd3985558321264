// Dues bases (党费基数): declared once a year by the member or the branch, checked by the branch;
// checking sets the year's dues and cannot be undone, so it asks first.
import { Form, Link, useActionData, useLoaderData, useNavigation } from 'react-router';
import type { Route } from './+types/bases';
import { ConfirmStep } from '../../components/Confirm';
import { askOf, doneOf, failureOf, type DuesResult } from '../../components/DuesConfirmed';
import { DuesBaseForm } from '../../components/DuesBaseForm';
import { DuesHead } from '../../components/DuesTabs';
import { ListPage } from '../../components/ListPage';
import { FieldError, FormAlert } from '../../components/MeetingFields';
import { filterPageHref } from '../../components/PageLinks';
import { ProofBadge } from '../../components/ProofBadge';
import { SelectField } from '../../components/SelectField';
import { isolatedIn } from '../../components/UserText';
import { useT } from '../../i18n/use-t';
import { fenText } from '../../lib/dues';
import { titleFor } from '../../lib/meta';
import type { action, loader } from './bases.server';

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.dues.tabs.bases ?? t.dues.title);

export { loader, action } from './bases.server';

export default function DuesBases() {
  const d = useT().dues;
  const { year, thisYear, status, bases, members, canWrite } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as DuesResult | undefined;
  const nav = useNavigation();
  const busy = nav.state === 'submitting';
  const failure = failureOf(result);
  const done = doneOf(result);
  const money = (fen: number | null) => (fen === null ? '—' : d.yuan(fenText(fen)));
  const here = `/dues/bases?year=${year}${status ? `&status=${status}` : ''}`;
  return (
    <ListPage
      titleId="dues-bases-title"
      head={<DuesHead id="dues-bases-title" title={d.tabs.bases ?? ''} intro={d.basesIntro} />}
      before={
        done ? (
          <p className="notice" role="status" data-testid="dues-notice">
            {done.intent === 'check' ? d.checked : d.declared}
          </p>
        ) : null
      }
      filter={{
        label: d.filter,
        submit: d.filter,
        reset: { to: '/dues/bases', label: d.reset },
        fields: (
          <>
            <SelectField id="dues-year" name="year" label={d.year} defaultValue={String(year)} choices={[thisYear + 1, thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: String(y), label: String(y) }))} />
            <SelectField id="dues-status" name="status" label={d.baseStatus} defaultValue={status} any={d.statusAny} choices={['DECLARED', 'CHECKED'].map((s) => ({ value: s, label: d.baseStatuses[s] }))} />
          </>
        ),
      }}
      total={{ testId: 'dues-bases-total', text: d.total(bases.totalCount) }}
      table={{ testId: 'dues-bases-table', caption: d.tabs.bases ?? '', busy: nav.state === 'loading', empty: bases.edges.length === 0 ? d.basesNone : null }}
      pager={{ pageInfo: bases.pageInfo, href: filterPageHref({ year: String(year), status }), text: d }}
      after={
        canWrite ? (
          <details className="card" open={failure?.intent === 'declare'}>
            <summary className="h3">{d.declareFor}</summary>
            <p className="muted small">{d.declareIntro}</p>
            <DuesBaseForm
              year={year}
              result={failure}
              busy={busy}
              memberPicker={
                <>
                  <label htmlFor="dues-member">{d.member}</label>
                  <select id="dues-member" name="memberId" defaultValue="">
                    <option value="">—</option>
                    {members.map((m) => (
                      <option key={m.id} value={m.id} translate="no">
                        {m.name}
                      </option>
                    ))}
                  </select>
                  <FieldError result={failure} intent="declare" name="memberId" id="dues-member" />
                </>
              }
            />
          </details>
        ) : null
      }
    >
      <thead>
        <tr>
          <th scope="col">{d.member}</th>
          <th scope="col">{d.category}</th>
          <th scope="col">{d.baseAmount}</th>
          <th scope="col">{d.monthlyDue}</th>
          <th scope="col">{d.baseStatus}</th>
          <th scope="col">{d.proof}</th>
        </tr>
      </thead>
      <tbody>
        {bases.edges.map(({ node: b }) => (
          <tr key={b.id}>
            <th scope="row">
              <Link to={`/dues/members/${b.memberId}?year=${b.year}`}>
                <bdi>{b.memberName}</bdi>
              </Link>
            </th>
            <td>{d.categories[b.category] ?? b.category}</td>
            <td>{money(b.baseFen ?? b.fixedFen)}</td>
            <td>
              {money(b.monthlyDueFen)}
              {b.rateBp !== null ? <span className="muted small"> ({d.ratePercent(b.rateBp)})</span> : null}
            </td>
            <td>
              <span className={`badge ${b.status === 'CHECKED' ? 'badge-pass' : 'badge-pending'}`}>{d.baseStatuses[b.status]}</span>
              {b.status === 'DECLARED' && canWrite ? (
                <Form method="post" className="dues-row-form">
                  <input type="hidden" name="intent" value="check" />
                  <input type="hidden" name="id" value={b.id} />
                  <FormAlert result={failure} intent={`check:${b.id}`} />
                  <button type="submit" className="btn btn-small btn-primary" disabled={busy}>
                    {d.checkBase}
                    <span className="visually-hidden">
                      {' '}
                      <bdi>{b.memberName}</bdi>
                    </span>
                  </button>
                  {askOf(result, 'check', b.id) ? (
                    <ConfirmStep id={`check-${b.id}`} title={d.checkConfirmTitle} confirmLabel={d.checkConfirmYes} cancel={{ to: here, label: d.cancel }} asked={result} busy={busy}>
                      <p>
                        <strong>{isolatedIn((name) => d.checkConfirm(name, b.year, money(b.monthlyDueFen)), b.memberName)}</strong>
                      </p>
                      <p>{d.checkIrreversible}</p>
                    </ConfirmStep>
                  ) : null}
                </Form>
              ) : b.checkedOn ? (
                <span className="muted small"> {b.checkedOn}</span>
              ) : null}
            </td>
            <td>
              <ProofBadge proof={b.proof} />
            </td>
          </tr>
        ))}
      </tbody>
    </ListPage>
  );
}
