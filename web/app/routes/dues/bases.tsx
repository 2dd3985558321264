// Dues bases (党费基数): declared once a year by the member or the branch, checked by the branch;
// checking sets the year's dues and cannot be undone, so it asks first.
import { useLoaderData } from 'react-router';
import type { Route } from './+types/bases';
import { ActionForm } from '../../components/ActionForm';
import { FoldedCard } from '../../components/Card';
import { DuesBaseForm } from '../../components/DuesBaseForm';
import { askOf, DuesConfirmStep, useDuesAction } from '../../components/DuesConfirmed';
import { DuesListPage, DuesStatusField } from '../../components/DuesListPage';
import { Field, FormAlert } from '../../components/MeetingFields';
import { ProofCell } from '../../components/ProofBadge';
import { choicesOf, nameChoices, Options, SelectField, yearChoices } from '../../components/SelectField';
import { RowHead } from '../../components/TableCard';
import { isolatedIn } from '../../components/UserText';
import { useT } from '../../i18n/use-t';
import { fenText } from '../../lib/dues';
import { titleFor } from '../../lib/meta';
import type { loader } from './bases.server';

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.dues.tabs.bases ?? t.dues.title);

export { loader, action } from './bases.server';

export default function DuesBases() {
  const d = useT().dues;
  const { year, thisYear, status, bases, members, canWrite } = useLoaderData<typeof loader>();
  const { result, failure, done, busy } = useDuesAction();
  const money = (fen: number | null) => (fen === null ? '—' : d.yuan(fenText(fen)));
  const here = `/dues/bases?year=${year}${status ? `&status=${status}` : ''}`;
  return (
    <DuesListPage
      tab="bases"
      intro={d.basesIntro}
      notice={done ? (done.intent === 'check' ? d.checked : d.declared) : null}
      filter={{
        reset: true,
        query: { year: String(year), status },
        fields: (
          <>
            <SelectField id="dues-year" name="year" label={d.year} defaultValue={String(year)} choices={yearChoices(thisYear + 1, thisYear - 2)} />
            <DuesStatusField status={status} choices={choicesOf(['DECLARED', 'CHECKED'], d.baseStatuses)} />
          </>
        ),
      }}
      page={bases}
      empty={bases.edges.length === 0 ? d.basesNone : null}
      columns={[d.member, d.category, d.baseAmount, d.monthlyDue, d.baseStatus, d.proof]}
      after={
        canWrite ? (
          <FoldedCard summary={d.declareFor} open={failure?.intent === 'declare'} heading>
            <p className="muted small">{d.declareIntro}</p>
            <DuesBaseForm
              year={year}
              result={failure}
              busy={busy}
              memberPicker={
                <Field form={{ result: failure, intent: 'declare' }} id="dues-member" name="memberId" label={d.member} as="select" defaultValue="">
                  <Options any="—" choices={nameChoices(members)} />
                </Field>
              }
            />
          </FoldedCard>
        ) : null
      }
    >
      {bases.edges.map(({ node: b }) => (
        <tr key={b.id}>
          <RowHead to={`/dues/members/${b.memberId}?year=${b.year}`} name={b.memberName} />
          <td>{d.categories[b.category] ?? b.category}</td>
          <td>{money(b.baseFen ?? b.fixedFen)}</td>
          <td>
            {money(b.monthlyDueFen)}
            {b.rateBp !== null ? <span className="muted small"> ({d.ratePercent(b.rateBp)})</span> : null}
          </td>
          <td>
            <span className={`badge ${b.status === 'CHECKED' ? 'badge-pass' : 'badge-pending'}`}>{d.baseStatuses[b.status]}</span>
            {b.status === 'DECLARED' && canWrite ? (
              <ActionForm
                intent="check"
                id={b.id}
                label={d.checkBase}
                of={b.memberName}
                buttonClassName="btn btn-small btn-primary"
                busy={busy}
                className="dues-row-form"
                after={askOf(result, 'check', b.id) ? <DuesConfirmStep id={`check-${b.id}`} title={d.checkConfirmTitle} confirmLabel={d.checkConfirmYes} here={here} asked={result} busy={busy} what={isolatedIn((name) => d.checkConfirm(name, b.year, money(b.monthlyDueFen)), b.memberName)} irreversible={d.checkIrreversible} /> : null}
              >
                <FormAlert result={failure} intent={`check:${b.id}`} />
              </ActionForm>
            ) : b.checkedOn ? (
              <span className="muted small"> {b.checkedOn}</span>
            ) : null}
          </td>
          <ProofCell proof={b.proof} />
        </tr>
      ))}
    </DuesListPage>
  );
}
