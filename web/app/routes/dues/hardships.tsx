// Hardship reduction or exemption (困难党员减免党费): the branch records its decision, the level
// above approves or refuses it (asked first: the answer cannot be changed).
import { Form, useLoaderData } from 'react-router';
import type { Route } from './+types/hardships';
import { ActionForm } from '../../components/ActionForm';
import { FoldedCard } from '../../components/Card';
import { askOf, DuesConfirmStep, useDuesAction } from '../../components/DuesConfirmed';
import { DuesListPage, DuesStatusField } from '../../components/DuesListPage';
import { Field, FormAlert } from '../../components/MeetingFields';
import { ProofCell } from '../../components/ProofBadge';
import { choicesOf, nameChoices, Options } from '../../components/SelectField';
import { RowHead } from '../../components/TableCard';
import { isolatedIn, UserNote } from '../../components/UserText';
import { useT } from '../../i18n/use-t';
import { fenText } from '../../lib/dues';
import { titleFor } from '../../lib/meta';
import type { loader } from './hardships.server';

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.dues.tabs.hardships ?? t.dues.title);

export { loader, action } from './hardships.server';

export default function DuesHardships() {
  const d = useT().dues;
  const { status, hardships, members, canWrite, canApprove } = useLoaderData<typeof loader>();
  const { result, failure, done, busy } = useDuesAction();
  const here = `/dues/hardships${status ? `?status=${status}` : ''}`;
  const form = { result: failure, intent: 'propose' };
  return (
    <DuesListPage
      tab="hardships"
      intro={d.hardshipsIntro}
      notice={done ? (done.intent === 'propose' ? d.proposed : d.decided) : null}
      filter={{ reset: true, query: { status }, fields: <DuesStatusField status={status} choices={choicesOf(['PROPOSED', 'APPROVED', 'REJECTED'], d.hardshipStatuses)} /> }}
      page={hardships}
      empty={hardships.edges.length === 0 ? d.hardshipsNone : null}
      columns={[d.member, d.kind, d.period, d.hardshipReason, d.baseStatus, d.proof]}
      after={
        canWrite ? (
          <FoldedCard summary={d.propose} open={failure?.intent === 'propose'} heading>
            <ActionForm intent="propose" label={d.proposeSubmit} buttonClassName="btn btn-primary" busy={busy} className="form" formTestId="dues-propose-form" noValidate>
              <FormAlert result={failure} intent="propose" />
              <Field form={form} id="h-member" name="memberId" label={d.member} as="select" defaultValue="">
                <Options any="—" choices={nameChoices(members)} />
              </Field>
              <Field id="h-kind" name="kind" label={d.kind} as="select" defaultValue="REDUCTION">
                <Options choices={choicesOf(['REDUCTION', 'EXEMPTION'], d.hardships)} />
              </Field>
              <Field form={form} id="h-reduced" name="reducedYuan" error="reducedFen" label={d.reducedYuan} inputMode="decimal" maxLength={14} />
              <Field form={form} id="h-from" name="fromMonth" label={d.fromMonth} type="month" />
              <Field form={form} id="h-to" name="toMonth" label={d.toMonth} type="month" />
              <Field form={form} id="h-reason" name="reason" label={d.hardshipReason} as="textarea" rows={3} maxLength={500} />
              <Field form={form} id="h-decision" name="branchDecision" label={d.branchDecision} maxLength={200} />
            </ActionForm>
          </FoldedCard>
        ) : null
      }
    >
      {hardships.edges.map(({ node: h }) => {
        const asked = askOf(result, 'decide', h.id);
        const kindText = `${d.hardships[h.kind]}${h.reducedFen !== null ? ` ${d.yuan(fenText(h.reducedFen))}` : ''}`;
        return (
          <tr key={h.id}>
            <RowHead name={h.memberName} />
            <td>{kindText}</td>
            <td>
              {h.fromMonth}–{h.toMonth}
            </td>
            <td className="small">
              <bdi>{h.reason}</bdi>
              <br />
              <span className="muted">
                <bdi>{h.branchDecision}</bdi>
              </span>
            </td>
            <td>
              <span className={`badge ${h.status === 'APPROVED' ? 'badge-pass' : h.status === 'REJECTED' ? 'badge-fail' : 'badge-pending'}`}>{d.hardshipStatuses[h.status]}</span>
              {h.decidedOn ? <span className="muted small"> {h.decidedOn}</span> : null}
              <UserNote text={h.decisionNote} />
              {h.status === 'PROPOSED' && canApprove ? (
                <Form method="post" className="dues-row-form">
                  <input type="hidden" name="intent" value="decide" />
                  <input type="hidden" name="id" value={h.id} />
                  <FormAlert result={failure} intent={`decide:${h.id}`} />
                  <label htmlFor={`note-${h.id}`} className="visually-hidden">
                    {d.decisionNote}
                  </label>
                  <input id={`note-${h.id}`} name="note" placeholder={d.decisionNote} maxLength={500} />
                  <button type="submit" name="approve" value="1" className="btn btn-small btn-primary" disabled={busy}>
                    {d.approve}
                  </button>
                  <button type="submit" name="approve" value="0" className="btn btn-small btn-danger" disabled={busy}>
                    {d.reject}
                  </button>
                  {asked ? (
                    <DuesConfirmStep id={`decide-${h.id}`} title={d.decideConfirmTitle(asked.ask.approve === 1)} confirmLabel={d.decideConfirmYes} here={here} asked={asked} busy={busy} what={isolatedIn((name) => d.decideConfirm(name, kindText, h.fromMonth, h.toMonth), h.memberName)} irreversible={d.decideIrreversible}>
                      <input type="hidden" name="approve" value={String(asked.ask.approve)} />
                    </DuesConfirmStep>
                  ) : null}
                </Form>
              ) : null}
            </td>
            <ProofCell proof={h.proof} />
          </tr>
        );
      })}
    </DuesListPage>
  );
}
