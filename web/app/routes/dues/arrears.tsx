// Arrears (欠交处理): six consecutive months unpaid without a proper reason raise a case (the
// system's scan); the branch decides each and records why. A decision is final, so it asks first.
import { Form, Link, useActionData, useLoaderData, useNavigation } from 'react-router';
import type { Route } from './+types/arrears';
import { ConfirmStep } from '../../components/Confirm';
import { askOf, doneOf, failureOf, type DuesResult } from '../../components/DuesConfirmed';
import { DuesHead } from '../../components/DuesTabs';
import { ListPage } from '../../components/ListPage';
import { FieldError, FormAlert } from '../../components/MeetingFields';
import { filterPageHref } from '../../components/PageLinks';
import { ProofBadge } from '../../components/ProofBadge';
import { SelectField } from '../../components/SelectField';
import { isolatedIn } from '../../components/UserText';
import { useT } from '../../i18n/use-t';
import { titleFor } from '../../lib/meta';
import type { action, loader } from './arrears.server';

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.dues.tabs.arrears ?? t.dues.title);

export { loader, action } from './arrears.server';

const DECISIONS = ['EXCUSED', 'SETTLED', 'TREAT_AS_LEFT'] as const;

export default function DuesArrears() {
  const d = useT().dues;
  const { status, cases, canWrite } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as DuesResult | undefined;
  const nav = useNavigation();
  const busy = nav.state === 'submitting';
  const failure = failureOf(result);
  const done = doneOf(result);
  const here = `/dues/arrears${status ? `?status=${status}` : ''}`;
  return (
    <ListPage
      titleId="dues-arrears-title"
      head={<DuesHead id="dues-arrears-title" title={d.tabs.arrears ?? ''} intro={d.arrearsIntro} />}
      before={
        <>
          {done ? (
            <p className="notice" role="status" data-testid="dues-notice">
              {done.intent === 'raise' ? d.raised(Number(done.done)) : d.caseDecided}
            </p>
          ) : null}
          {canWrite ? (
            <Form method="post" className="card form">
              <input type="hidden" name="intent" value="raise" />
              <p className="muted small">{d.raiseIntro}</p>
              <FormAlert result={failure} intent="raise" />
              <button type="submit" className="btn" disabled={busy} data-testid="dues-raise">
                {d.raise}
              </button>
            </Form>
          ) : null}
        </>
      }
      filter={{
        label: d.filter,
        submit: d.filter,
        reset: { to: '/dues/arrears', label: d.reset },
        fields: <SelectField id="dues-status" name="status" label={d.baseStatus} defaultValue={status} any={d.statusAny} choices={['OPEN', 'EXCUSED', 'TREAT_AS_LEFT', 'SETTLED'].map((s) => ({ value: s, label: d.caseStatuses[s] }))} />,
      }}
      total={{ testId: 'dues-arrears-total', text: d.total(cases.totalCount) }}
      table={{ testId: 'dues-arrears-table', caption: d.cases, busy: nav.state === 'loading', empty: cases.edges.length === 0 ? d.casesNone : null }}
      pager={{ pageInfo: cases.pageInfo, href: filterPageHref({ status }), text: d }}
    >
      <thead>
        <tr>
          <th scope="col">{d.member}</th>
          <th scope="col">{d.period}</th>
          <th scope="col">{d.unpaidMonths}</th>
          <th scope="col">{d.baseStatus}</th>
          <th scope="col">{d.proof}</th>
        </tr>
      </thead>
      <tbody>
        {cases.edges.map(({ node: c }) => {
          const asked = askOf(result, 'decide', c.id);
          const intent = `decide:${c.id}`;
          return (
            <tr key={c.id} data-case={c.id}>
              <th scope="row">
                <Link to={`/dues/members/${c.memberId}?year=${c.toMonth.slice(0, 4)}`}>
                  <bdi>{c.memberName}</bdi>
                </Link>
              </th>
              <td>
                {c.fromMonth}–{c.toMonth}
              </td>
              <td>{d.monthsCount(c.months)}</td>
              <td>
                <span className={`badge ${c.status === 'OPEN' ? 'badge-fail' : 'badge-pass'}`}>{d.caseStatuses[c.status]}</span>
                {c.decidedOn ? <span className="muted small"> {c.decidedOn}</span> : null}
                {c.decisionReason ? (
                  <p className="small">
                    <bdi>{c.decisionReason}</bdi>
                  </p>
                ) : null}
                {c.status === 'OPEN' && canWrite ? (
                  <details open={Boolean(asked) || failure?.intent === intent}>
                    <summary>{d.decide}</summary>
                    <Form method="post" className="form" noValidate>
                      <input type="hidden" name="intent" value="decide" />
                      <input type="hidden" name="id" value={c.id} />
                      <FormAlert result={failure} intent={intent} />
                      <label htmlFor={`dec-${c.id}`}>{d.decision}</label>
                      <select id={`dec-${c.id}`} name="decision" defaultValue="EXCUSED">
                        {DECISIONS.map((x) => (
                          <option key={x} value={x}>
                            {d.caseStatuses[x]}
                          </option>
                        ))}
                      </select>
                      <label htmlFor={`why-${c.id}`}>{d.decisionReason}</label>
                      <textarea id={`why-${c.id}`} name="reason" rows={2} maxLength={1000} />
                      <FieldError result={failure} intent={intent} name="reason" id={`why-${c.id}`} />
                      <button type="submit" className="btn btn-primary" disabled={busy}>
                        {d.decide}
                      </button>
                      {asked ? (
                        <ConfirmStep id={`case-${c.id}`} title={d.decideCaseConfirmTitle} confirmLabel={d.decideConfirmYes} cancel={{ to: here, label: d.cancel }} asked={asked} busy={busy}>
                          <p>
                            <strong>{isolatedIn((name) => d.decideCaseConfirm(name, d.caseStatuses[String(asked.ask.decision)] ?? ''), c.memberName)}</strong>
                          </p>
                          <p>{d.decideCaseIrreversible}</p>
                        </ConfirmStep>
                      ) : null}
                    </Form>
                  </details>
                ) : null}
              </td>
              <td>
                <ProofBadge proof={c.proof} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </ListPage>
  );
}
