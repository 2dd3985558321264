// The organisation tree (组织与班子): the viewer's unit and the units under it, each with its
// leadership's term end, the terms ending soon (换届) as due items, and creating a unit.
import { TableHead } from '../../components/TableCard';
import { Form, Link, useLoaderData, useNavigation } from 'react-router';
import { useActionResult } from '../../lib/use-action-result';
import type { Route } from './+types/tree';
import { doneOf, failureOf, type ActionAnswer } from '../../lib/action-answer';
import { Field, FormAlert } from '../../components/MeetingFields';
import { Options, unitChoices } from '../../components/SelectField';
import { useT } from '../../i18n/use-t';
import { titleFor } from '../../lib/meta';
import type { action, loader } from './tree.server';

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.units.title);

export { loader, action } from './tree.server';

const KINDS = ['COMMITTEE', 'GENERAL_BRANCH', 'BRANCH', 'GROUP'];

export default function UnitsTree() {
  const u = useT().units;
  const { units, due } = useLoaderData<typeof loader>();
  const result = useActionResult<ActionAnswer>();
  const nav = useNavigation();
  const busy = nav.state === 'submitting';
  const failure = failureOf(result);
  const done = doneOf(result);
  const live = units.filter((x) => !x.dissolvedOn && x.kind !== 'GROUP');
  return (
    <section className="page" aria-labelledby="units-title">
      <h1 id="units-title">{u.title}</h1>
      <p className="muted">{u.intro}</p>
      {done ? (
        <p className="notice" role="status" data-testid="units-notice">
          {u.created}{' '}
          <Link to={`/units/${done.id}`}>{u.open}</Link>
        </p>
      ) : null}
      {due.length > 0 ? (
        <section className="card" aria-labelledby="units-due" data-testid="units-due">
          <h2 id="units-due" className="h3">
            {u.due}
          </h2>
          <p className="muted small">{u.dueIntro}</p>
          <ul>
            {due.map((c) => (
              <li key={c.id}>
                <Link to={`/units/${c.unit.id}`}>
                  <bdi>{c.unit.name}</bdi>
                </Link>{' '}
                {c.termEnd} <span className={`badge ${c.daysLeft < 0 ? 'badge-fail' : 'badge-pending'}`}>{u.daysLeft(c.daysLeft)}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <details className="card" open={failure?.intent === 'create'}>
        <summary className="h3">{u.create}</summary>
        <p className="muted small">{u.createIntro}</p>
        <Form method="post" className="form" noValidate data-testid="unit-create-form">
          <input type="hidden" name="intent" value="create" />
          <FormAlert result={failure} intent="create" />
          <Field form={{ result: failure, intent: 'create' }} id="c-parent" name="parentId" label={u.parent} as="select">
            <Options choices={unitChoices(live, (x) => u.kinds[x.kind] ?? x.kind)} />
          </Field>
          <Field form={{ result: failure, intent: 'create' }} id="c-kind" name="kind" label={u.kind} as="select" defaultValue="BRANCH">
            <Options choices={KINDS.map((k) => ({ value: k, label: u.kinds[k] ?? k }))} />
          </Field>
          <Field form={{ result: failure, intent: 'create' }} id="c-name" name="name" label={u.name} maxLength={100} required />
          <Field form={{ result: failure, intent: 'create' }} id="c-code" name="code" label={u.code} maxLength={40} required />
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {u.createSubmit}
          </button>
        </Form>
      </details>
      <div className="table-wrap card">
        <table className="table" data-testid="units-table">
          <caption>{u.treeCaption}</caption>
          <TableHead columns={[u.name, u.kind, u.code, u.termEnd, { label: u.open, hidden: true }]} />
          <tbody>
            {units.map((x) => (
              <tr key={x.id} data-testid={`unit-row-${x.code}`}>
                <th scope="row" style={{ paddingInlineStart: `${0.5 + x.depth * 1.5}rem` }}>
                  <bdi>{x.name}</bdi>
                  {x.dissolvedOn ? <span className="badge badge-muted"> {u.dissolvedOn(x.dissolvedOn)}</span> : null}
                </th>
                <td>{u.kinds[x.kind] ?? x.kind}</td>
                <td>
                  <bdi>{x.code}</bdi>
                </td>
                <td>
                  {x.committee ? (
                    <>
                      {x.committee.termEnd} <span className="muted small">{u.daysLeft(x.committee.daysLeft)}</span>
                    </>
                  ) : (
                    <span className="muted">{x.kind === 'GROUP' ? '—' : u.noCommittee}</span>
                  )}
                </td>
                <td>
                  <Link to={`/units/${x.id}`}>
                    {u.open}
                    <span className="visually-hidden">
                      {' '}
                      <bdi>{x.name}</bdi>
                    </span>
                  </Link>
                  {x.depth === 3 && x.kind !== 'GROUP' ? (
                    <>
                      {' · '}
                      <Link to={`/units?under=${x.id}`}>
                        {u.below}
                        <span className="visually-hidden">
                          {' '}
                          <bdi>{x.name}</bdi>
                        </span>
                      </Link>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
