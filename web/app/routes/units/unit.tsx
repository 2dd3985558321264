// One unit (组织): its name, kind and parent, the forms that change it (rename, move, merge and
// dissolve — the last two asked first), and its current leadership (班子): form, term and term
// end, the positions and their holders, a new term (换届), appointments and ending a holding.
import { TableHead } from '../../components/TableCard';
import { Form, Link, useLoaderData, useNavigation } from 'react-router';
import { useActionResult } from '../../lib/use-action-result';
import type { Route } from './+types/unit';
import { ConfirmStep } from '../../components/Confirm';
import { askOf, doneOf, failureOf, type ActionAnswer } from '../../lib/action-answer';
import { Field, FormAlert } from '../../components/MeetingFields';
import { ProofBadge } from '../../components/ProofBadge';
import { Options, unitChoices } from '../../components/SelectField';
import { useT } from '../../i18n/use-t';
import { titleFor } from '../../lib/meta';
import type { action, loader } from './unit.server';

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.units.title);

export { loader, action } from './unit.server';

const TITLES = ['SECRETARY', 'DEPUTY_SECRETARY', 'ORGANISATION', 'PUBLICITY', 'DISCIPLINE', 'YOUTH', 'UNITED_FRONT', 'MEMBER'];

export default function UnitPage() {
  const u = useT().units;
  const { unit, parentName, members, units, canChange, today } = useLoaderData<typeof loader>();
  const result = useActionResult<ActionAnswer>();
  const nav = useNavigation();
  const busy = nav.state === 'submitting';
  const failure = failureOf(result);
  const done = doneOf(result);
  const here = `/units/${unit.id}`;
  const mergeAsked = askOf(result, 'merge');
  const dissolveAsked = askOf(result, 'dissolve');
  const mergeTarget = mergeAsked ? units.find((x) => x.id === mergeAsked.ask.targetId)?.name ?? '' : '';
  const sameKind = units.filter((x) => x.kind === unit.kind);
  const c = unit.committee;
  const notices: Record<string, string> = {
    rename: u.renamed,
    move: u.moved,
    dissolve: u.dissolvedDone,
    setUp: u.setUpDone,
    appoint: u.appointed,
    relieve: u.relieved,
  };
  const notice = done ? (done.intent === 'merge' ? (() => {
    const n = JSON.parse(done.done || '{}') as { members?: string; units?: string };
    return u.merged(Number(n.members ?? 0), Number(n.units ?? 0));
  })() : notices[done.intent]) : null;
  const years = unit.kind === 'COMMITTEE' ? [3, 4, 5] : [3];
  return (
    <section className="page" aria-labelledby="unit-title">
      <p>
        <Link to="/units">{u.back}</Link>
        {unit.kind !== 'GROUP' ? (
          <>
            {' · '}
            <Link to={`/units?under=${unit.id}`}>{u.below}</Link>
          </>
        ) : null}
      </p>
      <h1 id="unit-title">
        <bdi data-testid="unit-name">{unit.name}</bdi>
      </h1>
      <p className="muted" data-testid="unit-facts">
        {u.kinds[unit.kind] ?? unit.kind} · <bdi>{unit.code}</bdi>
        {parentName ? (
          <>
            {' '}
            · {u.path}: <bdi>{parentName}</bdi>
          </>
        ) : null}
        {unit.dissolvedOn ? <span className="badge badge-fail"> {u.dissolvedOn(unit.dissolvedOn)}</span> : null}{' '}
        <ProofBadge proof={unit.proof} />
      </p>
      {notice ? (
        <p className="notice" role="status" data-testid="unit-notice">
          {notice}
        </p>
      ) : null}

      <section className="card" aria-labelledby="committee-title" data-testid="committee">
        <h2 id="committee-title" className="h3">
          {u.committee}
        </h2>
        {c ? (
          <>
            <dl className="facts">
              <dt>{u.form}</dt>
              <dd data-testid="committee-form">{u.forms[c.form] ?? c.form}</dd>
              <dt>{u.termStart}</dt>
              <dd>{c.termStart}</dd>
              <dt>{u.termEnd}</dt>
              <dd data-testid="committee-term-end">
                {c.termEnd} <span className={`badge ${c.daysLeft < 0 ? 'badge-fail' : c.daysLeft <= 90 ? 'badge-pending' : 'badge-pass'}`}>{u.daysLeft(c.daysLeft)}</span>
              </dd>
              <dt>{u.proof}</dt>
              <dd>
                <ProofBadge proof={c.proof} />
              </dd>
            </dl>
            <div className="table-wrap">
              <table className="table" data-testid="positions-table">
                <caption>{u.positionsCaption}</caption>
                <TableHead columns={[u.title_, u.holder, u.startedOn, u.proof, { label: u.relieve, hidden: true }]} />
                <tbody>
                  {c.positions.length === 0 ? (
                    <tr>
                      <td colSpan={5} className="muted">
                        {u.noPositions}
                      </td>
                    </tr>
                  ) : (
                    c.positions.map((p) => (
                      <tr key={p.id} data-testid={`position-${p.title}`}>
                        <th scope="row">{u.titles[p.title] ?? p.title}</th>
                        <td>
                          <bdi>{p.memberName}</bdi>
                        </td>
                        <td>{p.startedOn}</td>
                        <td>
                          <ProofBadge proof={p.proof} />
                        </td>
                        <td>
                          {canChange ? (
                            <Form method="post" noValidate>
                              <input type="hidden" name="intent" value="relieve" />
                              <input type="hidden" name="id" value={p.id} />
                              <FormAlert result={failure} intent={`relieve:${p.id}`} />
                              <button type="submit" className="btn btn-small" disabled={busy}>
                                {u.relieve}
                                <span className="visually-hidden">
                                  {' '}
                                  <bdi>{p.memberName}</bdi>
                                </span>
                              </button>
                            </Form>
                          ) : null}
                        </td>
                      </tr>
                    ))
                  )}
                </tbody>
              </table>
            </div>
            <p className="muted small">{u.accountNote}</p>
            {canChange ? (
              <details open={failure?.intent === 'appoint'}>
                <summary className="h3">{u.appoint}</summary>
                <Form method="post" className="form" noValidate data-testid="appoint-form">
                  <input type="hidden" name="intent" value="appoint" />
                  <input type="hidden" name="committeeId" value={c.id} />
                  <FormAlert result={failure} intent="appoint" />
                  <Field form={{ result: failure, intent: 'appoint' }} id="a-title" name="title" label={u.title_} as="select">
                    <Options choices={TITLES.map((x) => ({ value: x, label: u.titles[x] ?? x }))} />
                  </Field>
                  <Field form={{ result: failure, intent: 'appoint' }} id="a-member" name="memberId" label={u.member} as="select">
                    <Options choices={members.map((m) => ({ value: m.id, label: m.name, userText: true }))} />
                  </Field>
                  <button type="submit" className="btn btn-primary" disabled={busy}>
                    {u.appointSubmit}
                  </button>
                </Form>
              </details>
            ) : null}
          </>
        ) : (
          <p className="muted" data-testid="committee-none">
            {u.committeeNone}
          </p>
        )}
        {canChange && unit.kind !== 'GROUP' && !unit.dissolvedOn ? (
          <details open={failure?.intent === 'setUp' || !c}>
            <summary className="h3">{u.setUp}</summary>
            <p className="muted small">{u.setUpIntro}</p>
            <Form method="post" className="form" noValidate data-testid="setup-form">
              <input type="hidden" name="intent" value="setUp" />
              <FormAlert result={failure} intent="setUp" />
              {unit.kind === 'BRANCH' ? (
                <Field form={{ result: failure, intent: 'setUp' }} id="s-form" name="form" label={u.form} as="select">
                  <Options any={u.formDefault} choices={['COMMITTEE', 'SECRETARY_ONLY'].map((x) => ({ value: x, label: u.forms[x] ?? x }))} />
                </Field>
              ) : null}
              <Field form={{ result: failure, intent: 'setUp' }} id="s-start" name="termStart" label={u.termStart} type="date" max={today} defaultValue={today} />
              <Field form={{ result: failure, intent: 'setUp' }} id="s-years" name="termYears" error="termEnd" label={u.termYears} as="select">
                <Options choices={years.map((y) => ({ value: String(y), label: String(y) }))} />
              </Field>
              <button type="submit" className="btn btn-primary" disabled={busy}>
                {u.setUpSubmit}
              </button>
            </Form>
          </details>
        ) : null}
        {!canChange ? <p className="muted small">{u.ownUnit}</p> : null}
      </section>

      {canChange && !unit.dissolvedOn ? (
        <>
          <details className="card" open={failure?.intent === 'rename'}>
            <summary className="h3">{u.rename}</summary>
            <Form method="post" className="form" noValidate data-testid="rename-form">
              <input type="hidden" name="intent" value="rename" />
              <FormAlert result={failure} intent="rename" />
              <Field form={{ result: failure, intent: 'rename' }} id="r-name" name="name" label={u.name} defaultValue={unit.name} maxLength={100} required />
              <button type="submit" className="btn btn-primary" disabled={busy}>
                {u.renameSubmit}
              </button>
            </Form>
          </details>
          <details className="card" open={failure?.intent === 'move'}>
            <summary className="h3">{u.move}</summary>
            <p className="muted small">{u.moveIntro}</p>
            <Form method="post" className="form" noValidate data-testid="move-form">
              <input type="hidden" name="intent" value="move" />
              <FormAlert result={failure} intent="move" />
              <Field form={{ result: failure, intent: 'move' }} id="m-parent" name="parentId" label={u.newParent} as="select">
                <Options choices={unitChoices(units.filter((x) => x.kind !== 'GROUP'), (x) => u.kinds[x.kind] ?? x.kind)} />
              </Field>
              <button type="submit" className="btn btn-primary" disabled={busy}>
                {u.moveSubmit}
              </button>
            </Form>
          </details>
          <details className="card" open={failure?.intent === 'merge' || !!mergeAsked}>
            <summary className="h3">{u.merge}</summary>
            <p className="muted small">{u.mergeIntro}</p>
            <Form method="post" className="form" noValidate data-testid="merge-form">
              <input type="hidden" name="intent" value="merge" />
              <FormAlert result={failure} intent="merge" />
              <Field form={{ result: failure, intent: 'merge' }} id="g-target" name="targetId" label={u.mergeTarget} as="select" defaultValue={mergeAsked ? String(mergeAsked.ask.targetId) : undefined}>
                <Options choices={unitChoices(sameKind)} />
              </Field>
              <button type="submit" className="btn" disabled={busy}>
                {u.mergeSubmit}
              </button>
              {mergeAsked ? (
                <ConfirmStep id="merge" title={u.mergeConfirmTitle} confirmLabel={u.yes} cancel={{ to: here, label: u.cancel }} asked={mergeAsked} busy={busy}>
                  <p>
                    <strong>{u.mergeConfirm(unit.name, mergeTarget)}</strong>
                  </p>
                  <p>{u.mergeIrreversible}</p>
                </ConfirmStep>
              ) : null}
            </Form>
          </details>
          <details className="card" open={failure?.intent === 'dissolve' || !!dissolveAsked}>
            <summary className="h3">{u.dissolve}</summary>
            <p className="muted small">{u.dissolveIntro}</p>
            <Form method="post" className="form" noValidate data-testid="dissolve-form">
              <input type="hidden" name="intent" value="dissolve" />
              <FormAlert result={failure} intent="dissolve" />
              <button type="submit" className="btn" disabled={busy}>
                {u.dissolveSubmit}
              </button>
              {dissolveAsked ? (
                <ConfirmStep id="dissolve" title={u.dissolveConfirmTitle} confirmLabel={u.yes} cancel={{ to: here, label: u.cancel }} asked={dissolveAsked} busy={busy}>
                  <p>
                    <strong>{u.dissolveConfirm(unit.name)}</strong>
                  </p>
                  <p>{u.dissolveIrreversible}</p>
                </ConfirmStep>
              ) : null}
            </Form>
          </details>
        </>
      ) : null}
    </section>
  );
}
