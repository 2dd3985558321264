// Arrears (欠交处理): six consecutive months unpaid without a proper reason raise a case (the
// system's scan); the branch decides each and records why. A decision is final, so it asks first.
import { Form, useLoaderData } from 'react-router';
import type { Route } from './+types/arrears';
import { ActionForm } from '../../components/ActionForm';
import { askOf, DuesConfirmStep, useDuesAction } from '../../components/DuesConfirmed';
import { DuesListPage, DuesStatusField } from '../../components/DuesListPage';
import { Field, FormAlert } from '../../components/MeetingFields';
import { ProofCell } from '../../components/ProofBadge';
import { choicesOf, Options } from '../../components/SelectField';
import { RowHead } from '../../components/TableCard';
import { isolatedIn } from '../../components/UserText';
import { useT } from '../../i18n/use-t';
import { titleFor } from '../../lib/meta';
import type { loader } from './arrears.server';

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.dues.tabs.arrears ?? t.dues.title);

export { loader, action } from './arrears.server';

const DECISIONS = ['EXCUSED', 'SETTLED', 'TREAT_AS_LEFT'] as const;

export default function DuesArrears() {
  const d = useT().dues;
  const { status, cases, canWrite } = useLoaderData<typeof loader>();
  const { result, failure, done, busy } = useDuesAction();
  const here = `/dues/arrears${status ? `?status=${status}` : ''}`;
  return (
    <DuesListPage
      tab="arrears"
      intro={d.arrearsIntro}
      caption={d.cases}
      notice={done ? (done.intent === 'raise' ? d.raised(Number(done.done)) : d.caseDecided) : null}
      before={
        canWrite ? (
          <ActionForm intent="raise" label={d.raise} buttonClassName="btn" busy={busy} testId="dues-raise" className="card form">
            <p className="muted small">{d.raiseIntro}</p>
            <FormAlert result={failure} intent="raise" />
          </ActionForm>
        ) : null
      }
      filter={{ reset: true, query: { status }, fields: <DuesStatusField status={status} choices={choicesOf(['OPEN', 'EXCUSED', 'TREAT_AS_LEFT', 'SETTLED'], d.caseStatuses)} /> }}
      page={cases}
      empty={cases.edges.length === 0 ? d.casesNone : null}
      columns={[d.member, d.period, d.unpaidMonths, d.baseStatus, d.proof]}
    >
      {cases.edges.map(({ node: c }) => {
        const asked = askOf(result, 'decide', c.id);
        const intent = `decide:${c.id}`;
        return (
          <tr key={c.id} data-case={c.id}>
            <RowHead to={`/dues/members/${c.memberId}?year=${c.toMonth.slice(0, 4)}`} name={c.memberName} />
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
                    <Field id={`dec-${c.id}`} name="decision" label={d.decision} as="select" defaultValue="EXCUSED">
                      <Options choices={choicesOf(DECISIONS, d.caseStatuses)} />
                    </Field>
                    <Field form={{ result: failure, intent }} id={`why-${c.id}`} name="reason" label={d.decisionReason} as="textarea" rows={2} maxLength={1000} />
                    <button type="submit" className="btn btn-primary" disabled={busy}>
                      {d.decide}
                    </button>
                    {asked ? (
                      <DuesConfirmStep id={`case-${c.id}`} title={d.decideCaseConfirmTitle} confirmLabel={d.decideConfirmYes} here={here} asked={asked} busy={busy} what={isolatedIn((name) => d.decideCaseConfirm(name, d.caseStatuses[String(asked.ask.decision)] ?? ''), c.memberName)} irreversible={d.decideCaseIrreversible} />
                    ) : null}
                  </Form>
                </details>
              ) : null}
            </td>
            <ProofCell proof={c.proof} />
          </tr>
        );
      })}
    </DuesListPage>
  );
}
