// /notices — the notices addressed to the viewer (unread first to the eye, each with its state),
// and for staff /notices/published: what the units of their subtree published, how many have
// confirmed, and a form to publish one.
import { Form, useLoaderData, useNavigation } from 'react-router';
import type { Route } from './+types/list';
import { AttachmentsField } from '../../components/Attachments';
import { FoldedCard } from '../../components/Card';
import { ListPage } from '../../components/ListPage';
import { CheckField, Field, FormAlert } from '../../components/MeetingFields';
import { TabNav } from '../../components/Portal';
import { ProofCell } from '../../components/ProofBadge';
import { choicesOf, Options, unitChoices } from '../../components/SelectField';
import { RowHead } from '../../components/TableCard';
import { useT } from '../../i18n/use-t';
import { MAX_FILES } from '../../lib/attachments';
import { formatDateTime } from '../../lib/format';
import type { FormFailure } from '../../lib/meetings-form';
import { titleFor } from '../../lib/meta';
import { useActionResult } from '../../lib/use-action-result';
import { NOTICE_AUDIENCES, NOTICE_ROLES, noticeState, PICKABLE_MEMBERS } from '../../lib/notices';
import type { loader } from './list.server';

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.notices.title);

export { loader, action } from './list.server';

export default function Notices() {
  const t = useT();
  const v = t.notices;
  const { view, staff, canPublish, unread, mine, published, units, members } = useLoaderData<typeof loader>();
  const result = useActionResult<FormFailure>();
  const busy = useNavigation().state === 'submitting';
  const form = { result, intent: 'publish' };
  const list = view === 'mine' ? mine! : published!;
  const tabs = staff ? <TabNav label={v.title} tabs={[{ to: '/notices', label: v.tabMine, end: true }, { to: '/notices/published', label: v.tabPublished }]} /> : null;
  return (
    <ListPage
      id="notices"
      head={<h1 id="notices-title">{v.title}</h1>}
      before={
        <>
          {tabs}
          <p className="lead">{v.intro}</p>
        </>
      }
      text={v}
      filter={view === 'mine' ? { reset: '/notices', query: unread ? { unread: '1' } : {}, fields: <CheckField name="unread" label={v.unreadOnly} defaultChecked={unread} /> } : undefined}
      total={view === 'mine' ? v.mineTotal(list.totalCount) : v.publishedTotal(list.totalCount)}
      table={{
        caption: v.title,
        empty: list.edges.length === 0 ? (view === 'mine' ? v.noneMine : v.nonePublished) : null,
        columns: view === 'mine' ? [v.colTitle, v.colUnit, v.colPublished, v.colState, v.colProof] : [v.colTitle, v.colUnit, v.colAudience, v.colPublished, v.colProgress, v.colProof],
      }}
      pageInfo={list.pageInfo}
      after={
        canPublish && view === 'published' ? (
          <FoldedCard summary={v.publishTitle} open={Boolean(result)} heading id="new-notice">
            <Form method="post" encType="multipart/form-data" className="form" data-testid="notice-form" noValidate>
              <FormAlert result={result} intent="publish" />
              <Field form={form} id="notice-unit" name="unitId" label={v.unit} as="select">
                <Options choices={unitChoices(units)} />
              </Field>
              <Field form={form} id="notice-title" name="title" label={v.noticeTitle} maxLength={100} hint={v.titleHint} />
              <Field form={form} id="notice-body" name="body" label={v.body} as="textarea" rows={6} maxLength={5000} hint={v.bodyHint} />
              <Field form={form} id="notice-audience" name="audience" label={v.audience} as="select" defaultValue="SUBTREE">
                <Options choices={choicesOf(NOTICE_AUDIENCES, v.audiences)} />
              </Field>
              <fieldset className="field" aria-describedby="notice-roles-hint">
                <legend>{v.roles}</legend>
                <span className="muted small" id="notice-roles-hint">{v.audiences.ROLES}</span>
                {NOTICE_ROLES.map((r) => (
                  <label key={r}>
                    <input type="checkbox" name="roles" value={r} /> {t.roles[r] ?? r}
                  </label>
                ))}
              </fieldset>
              <Field form={form} id="notice-members" name="memberIds" label={v.chooseMembers} as="select" multiple size={Math.min(8, Math.max(3, members.length))} hint={v.chooseMembersHint(PICKABLE_MEMBERS)}>
                {members.map((m) => (
                  <option key={m.id} value={m.id} translate="no">
                    {m.name} · {m.orgUnit.name}
                  </option>
                ))}
              </Field>
              <AttachmentsField form={form} id="notice-files" max={MAX_FILES} />
              <button type="submit" className="btn btn-primary" disabled={busy} data-testid="notice-publish">
                {v.publish}
              </button>
            </Form>
          </FoldedCard>
        ) : null
      }
    >
      {view === 'mine'
        ? mine!.edges.map(({ node: n }) => {
            const state = noticeState(n);
            return (
              <tr key={n.id} data-state={state} className={state === 'UNREAD' ? 'row-unread' : undefined}>
                <RowHead to={`/notices/${n.id}`} name={n.title} />
                <td><bdi>{n.unitName}</bdi></td>
                <td>{formatDateTime(n.publishedAt)}</td>
                <td><span className={`pill${state === 'UNREAD' ? ' pill-alert' : ''}`}>{v.states[state]}</span></td>
                <ProofCell proof={n.proof} />
              </tr>
            );
          })
        : published!.edges.map(({ node: n }) => (
            <tr key={n.id} data-state={n.withdrawnAt ? 'WITHDRAWN' : 'PUBLISHED'}>
              <RowHead to={`/notices/${n.id}`} name={n.title}>{n.withdrawnAt ? <span className="pill"> {v.states.WITHDRAWN}</span> : null}</RowHead>
              <td><bdi>{n.unitName}</bdi></td>
              <td className="small">{n.audience === 'ROLES' ? v.audienceRoles(n.roles.map((r) => t.roles[r] ?? r).join('、')) : n.audience === 'MEMBERS' ? v.audienceMembers(n.memberCount) : v.audiences.SUBTREE}</td>
              <td>{formatDateTime(n.publishedAt)}</td>
              <td className="small">{n.stats ? v.progress(n.stats.acknowledged, n.stats.audience) : '—'}</td>
              <ProofCell proof={n.proof} />
            </tr>
          ))}
    </ListPage>
  );
}
