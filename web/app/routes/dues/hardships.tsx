// Hardship reduction or exemption (困难党员减免党费): the branch records its decision, the level
// above approves or refuses it (asked first: the answer cannot be changed).
import { Form, useActionData, useLoaderData, useNavigation } from 'react-router';
import type { Route } from './+types/hardships';
import { ConfirmStep } from '../../components/Confirm';
import { askOf, doneOf, failureOf, type DuesResult } from '../../components/DuesConfirmed';
import { DuesHead } from '../../components/DuesTabs';
import { ListPage } from '../../components/ListPage';
import { FieldError, FormAlert, invalidProps } from '../../components/MeetingFields';
import { filterPageHref } from '../../components/PageLinks';
import { ProofBadge } from '../../components/ProofBadge';
import { SelectField } from '../../components/SelectField';
import { isolatedIn } from '../../components/UserText';
import { useT } from '../../i18n/use-t';
import { fenText } from '../../lib/dues';
import { titleFor } from '../../lib/meta';
import type { action, loader } from './hardships.server';

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.dues.tabs.hardships ?? t.dues.title);

export { loader, action } from './hardships.server';

export default function DuesHardships() {
  const d = useT().dues;
  const { status, hardships, members, canWrite, canApprove } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as DuesResult | undefined;
  const nav = useNavigation();
  const busy = nav.state === 'submitting';
  const failure = failureOf(result);
  const done = doneOf(result);
  const here = `/dues/hardships${status ? `?status=${status}` : ''}`;
  const inv = (name: string, id: string) => invalidProps(failure, 'propose', name, id);
  return (
    <ListPage
      titleId="dues-hardships-title"
      head={<DuesHead id="dues-hardships-title" title={d.tabs.hardships ?? ''} intro={d.hardshipsIntro} />}
      before={
        done ? (
          <p className="notice" role="status" data-testid="dues-notice">
            {done.intent === 'propose' ? d.proposed : d.decided}
          </p>
        ) : null
      }
      filter={{
        label: d.filter,
        submit: d.filter,
        reset: { to: '/dues/hardships', label: d.reset },
        fields: <SelectField id="dues-status" name="status" label={d.baseStatus} defaultValue={status} any={d.statusAny} choices={['PROPOSED', 'APPROVED', 'REJECTED'].map((s) => ({ value: s, label: d.hardshipStatuses[s] }))} />,
      }}
      total={{ testId: 'dues-hardships-total', text: d.total(hardships.totalCount) }}
      table={{ testId: 'dues-hardships-table', caption: d.tabs.hardships ?? '', busy: nav.state === 'loading', empty: hardships.edges.length === 0 ? d.hardshipsNone : null }}
      pager={{ pageInfo: hardships.pageInfo, href: filterPageHref({ status }), text: d }}
      after={
        canWrite ? (
          <details className="card" open={failure?.intent === 'propose'}>
            <summary className="h3">{d.propose}</summary>
            <Form method="post" className="form" noValidate data-testid="dues-propose-form">
              <input type="hidden" name="intent" value="propose" />
              <FormAlert result={failure} intent="propose" />
              <label htmlFor="h-member">{d.member}</label>
              <select id="h-member" name="memberId" defaultValue="" {...inv('memberId', 'h-member')}>
                <option value="">—</option>
                {members.map((m) => (
                  <option key={m.id} value={m.id} translate="no">
                    {m.name}
                  </option>
                ))}
              </select>
              <FieldError result={failure} intent="propose" name="memberId" id="h-member" />
              <label htmlFor="h-kind">{d.kind}</label>
              <select id="h-kind" name="kind" defaultValue="REDUCTION">
                <option value="REDUCTION">{d.hardships.REDUCTION}</option>
                <option value="EXEMPTION">{d.hardships.EXEMPTION}</option>
              </select>
              <label htmlFor="h-reduced">{d.reducedYuan}</label>
              <input id="h-reduced" name="reducedYuan" inputMode="decimal" maxLength={14} {...inv('reducedFen', 'h-reduced')} />
              <FieldError result={failure} intent="propose" name="reducedFen" id="h-reduced" />
              <label htmlFor="h-from">{d.fromMonth}</label>
              <input id="h-from" name="fromMonth" type="month" {...inv('fromMonth', 'h-from')} />
              <FieldError result={failure} intent="propose" name="fromMonth" id="h-from" />
              <label htmlFor="h-to">{d.toMonth}</label>
              <input id="h-to" name="toMonth" type="month" {...inv('toMonth', 'h-to')} />
              <FieldError result={failure} intent="propose" name="toMonth" id="h-to" />
              <label htmlFor="h-reason">{d.hardshipReason}</label>
              <textarea id="h-reason" name="reason" rows={3} maxLength={500} {...inv('reason', 'h-reason')} />
              <FieldError result={failure} intent="propose" name="reason" id="h-reason" />
              <label htmlFor="h-decision">{d.branchDecision}</label>
              <input id="h-decision" name="branchDecision" maxLength={200} {...inv('branchDecision', 'h-decision')} />
              <FieldError result={failure} intent="propose" name="branchDecision" id="h-decision" />
              <button type="submit" className="btn btn-primary" disabled={busy}>
                {d.proposeSubmit}
              </button>
            </Form>
          </details>
        ) : null
      }
    >
      <thead>
        <tr>
          <th scope="col">{d.member}</th>
          <th scope="col">{d.kind}</th>
          <th scope="col">{d.period}</th>
          <th scope="col">{d.hardshipReason}</th>
          <th scope="col">{d.baseStatus}</th>
          <th scope="col">{d.proof}</th>
        </tr>
      </thead>
      <tbody>
        {hardships.edges.map(({ node: h }) => {
          const asked = askOf(result, 'decide', h.id);
          const kindText = `${d.hardships[h.kind]}${h.reducedFen !== null ? ` ${d.yuan(fenText(h.reducedFen))}` : ''}`;
          return (
            <tr key={h.id}>
              <th scope="row">
                <bdi>{h.memberName}</bdi>
              </th>
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
                {h.decisionNote ? (
                  <span className="muted small">
                    {' '}
                    <bdi>{h.decisionNote}</bdi>
                  </span>
                ) : null}
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
                      <ConfirmStep id={`decide-${h.id}`} title={d.decideConfirmTitle(asked.ask.approve === 1)} confirmLabel={d.decideConfirmYes} cancel={{ to: here, label: d.cancel }} asked={asked} busy={busy}>
                        <input type="hidden" name="approve" value={String(asked.ask.approve)} />
                        <p>
                          <strong>{isolatedIn((name) => d.decideConfirm(name, kindText, h.fromMonth, h.toMonth), h.memberName)}</strong>
                        </p>
                        <p>{d.decideIrreversible}</p>
                      </ConfirmStep>
                    ) : null}
                  </Form>
                ) : null}
              </td>
              <td>
                <ProofBadge proof={h.proof} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </ListPage>
  );
}
