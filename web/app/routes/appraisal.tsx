// Democratic appraisal. Secretaries: create a campaign, open it, move to peer assessment, propose
// ratings (the ≤ 1/3 优秀 cap counted live), finalise. Members: self-assessment and peer assessment.
import { data, Form, Link, useActionData, useLoaderData, useNavigation } from 'react-router';
import type { Route } from './+types/appraisal';
import { AppraisalCap } from '../components/AppraisalCap';
import { useLocale, useT } from '../i18n/use-t';
import { requireAccount, rethrowForPage } from '../lib/auth.server';
import { localMessage, type ErrorPayload } from '../lib/errors';
import { readPostedForm } from '../lib/form-action.server';
import { ApiError, type FieldError } from '../lib/graphql.server';
import { titleFor } from '../lib/meta';
import { PAGE_ROLES } from '../lib/roles';

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.appraisal.title);

const RATINGS = ['EXCELLENT', 'QUALIFIED', 'BASICALLY_QUALIFIED', 'UNQUALIFIED'] as const;
const LIST = `query Campaigns { appraisalCampaigns(first: 50) { totalCount edges { node { id year title status opensOn closesOn orgUnit { name } } } } }`;
// A member's campaigns are their own branch's, and a member in a group below the branch may not
// read the branch's org unit (FORBIDDEN): their queries leave the unit out.
const MEMBER_LIST = `query Campaigns { appraisalCampaigns(first: 50) { totalCount edges { node { id year title status opensOn closesOn } } } }`;
const UNITS = `query Branches { orgUnits(first: 100, maxDepth: 3, kind: BRANCH) { edges { node { id name } } } }`;
const STAFF_DETAIL = `query Campaign($id: ID!) { appraisalCampaign(id: $id) {
  id version year title status excellentCap orgUnit { name }
  roster { memberId name stage peerTally { excellent qualified basicallyQualified unqualified } }
  results(first: 100) { edges { node { memberId rating notifiedAt } } }
} }`;
const MEMBER_DETAIL = `query Campaign($id: ID!) { appraisalCampaign(id: $id) {
  id version year title status roster { memberId name stage }
  mySelfAssessment { rating summary }
} }`;
const CREATE = `mutation Create($input: CreateAppraisalCampaignInput!) { createAppraisalCampaign(input: $input) { id } }`;
const OPEN = `mutation Open($id: ID!) { openAppraisalCampaign(id: $id) { id } }`;
const PEER = `mutation Peer($id: ID!) { startPeerAssessment(id: $id) { id } }`;
const PROPOSE = `mutation Propose($id: ID!, $ratings: [AppraisalRatingInput!]!) { proposeAppraisalRatings(campaignId: $id, ratings: $ratings) { id } }`;
const FINALISE = `mutation Finalise($id: ID!, $ratings: [AppraisalRatingInput!]) { finaliseAppraisalCampaign(campaignId: $id, ratings: $ratings) { id } }`;
const SELF = `mutation Self($id: ID!, $input: SelfAssessmentInput!) { submitSelfAssessment(campaignId: $id, input: $input) { id } }`;
const PEER_ASSESS = `mutation PeerAssess($id: ID!, $input: PeerAssessmentInput!) { submitPeerAssessment(campaignId: $id, input: $input) { id } }`;

interface Tally {
  excellent: number;
  qualified: number;
  basicallyQualified: number;
  unqualified: number;
}
interface Detail {
  id: string;
  year: number;
  title: string;
  status: string;
  excellentCap?: number;
  /** Staff only (see MEMBER_LIST). */
  orgUnit?: { name: string };
  roster: Array<{ memberId: string; name: string; stage: string; peerTally?: Tally }>;
  results?: { edges: Array<{ node: { memberId: string; rating: string; notifiedAt: string | null } }> };
  mySelfAssessment?: { rating: string; summary: string } | null;
}

type ActionResult = { ok: true; intent: string; id?: string } | { ok: false; intent: string; error: ErrorPayload; fields: FieldError[] };

export async function loader({ request }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.appraisal);
  const staff = ctx.account.role !== 'MEMBER';
  const id = new URL(request.url).searchParams.get('id');
  const [list, units, detail] = await Promise.all([
    ctx.query<{ appraisalCampaigns: { totalCount: number; edges: Array<{ node: { id: string; year: number; title: string; status: string; opensOn: string; closesOn: string; orgUnit?: { name: string } } }> } }>(staff ? LIST : MEMBER_LIST),
    staff ? ctx.query<{ orgUnits: { edges: Array<{ node: { id: string; name: string } }> } }>(UNITS) : null,
    id ? ctx.query<{ appraisalCampaign: Detail }>(staff ? STAFF_DETAIL : MEMBER_DETAIL, { id }) : null,
  ]);
  return {
    staff,
    myMemberId: ctx.account.memberId ?? null,
    campaigns: list.appraisalCampaigns.edges.map((e) => e.node),
    branches: units?.orgUnits.edges.map((e) => e.node) ?? [],
    detail: detail?.appraisalCampaign ?? null,
    year: new Date().getUTCFullYear() - 1,
  };
}

function ratingsFrom(form: FormData) {
  return [...form.entries()].filter(([k, v]) => k.startsWith('rating:') && v !== '').map(([k, v]) => ({ memberId: k.slice(7), rating: String(v) }));
}

export async function action({ request }: Route.ActionArgs) {
  const { ctx, form, intent, id, text } = await readPostedForm(request, PAGE_ROLES.appraisal);
  try {
    switch (intent) {
      case 'create': {
        const r = await ctx.call<{ createAppraisalCampaign: { id: string } }>(CREATE, {
          input: { orgUnitId: text('orgUnitId'), year: Number(text('year')), title: text('title'), opensOn: text('opensOn'), closesOn: text('closesOn') },
        });
        return data<ActionResult>({ ok: true, intent, id: r.createAppraisalCampaign.id });
      }
      case 'open':
        await ctx.call(OPEN, { id });
        break;
      case 'peer':
        await ctx.call(PEER, { id });
        break;
      case 'propose':
        await ctx.call(PROPOSE, { id, ratings: ratingsFrom(form) });
        break;
      case 'finalise':
        await ctx.call(FINALISE, { id, ratings: ratingsFrom(form) });
        break;
      case 'self':
        await ctx.call(SELF, { id, input: { summary: text('summary'), rating: text('rating') } });
        break;
      case 'peerAssess':
        await ctx.call(PEER_ASSESS, { id, input: { subjectId: text('subjectId'), rating: text('rating'), ...(text('comment') ? { comment: text('comment') } : {}) } });
        break;
      default:
        throw data({ code: 'BAD_USER_INPUT', message: `Unknown action "${intent}".`, messageZh: `未知操作“${intent}”。` }, { status: 400 });
    }
    return data<ActionResult>({ ok: true, intent });
  } catch (error) {
    // The one-third rule has its own code (EXCELLENT_QUOTA_EXCEEDED): shown on the form like the others.
    if (error instanceof ApiError && ([400, 403, 404, 409].includes(error.status) || error.code === 'EXCELLENT_QUOTA_EXCEEDED')) {
      return data<ActionResult>({ ok: false, intent, error: error.payload(), fields: error.fields }, { status: error.status >= 500 ? 409 : error.status });
    }
    return rethrowForPage(error, request, ctx.session);
  }
}

export default function Appraisal() {
  const t = useT();
  const locale = useLocale();
  const { staff, campaigns, branches, detail, year, myMemberId } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const busy = useNavigation().state === 'submitting';
  const failed = result && !result.ok ? result : null;
  return (
    <section className="page" aria-labelledby="appraisal-title">
      <h1 id="appraisal-title">{t.appraisal.title}</h1>
      <p className="muted">{t.appraisal.intro}</p>
      {failed ? (
        <div className="form-error" role="alert" data-testid="appraisal-error">
          <p>{localMessage(failed.error, locale)}</p>
          {failed.fields.length ? (
            <ul>
              {failed.fields.map((f, i) => (
                <li key={i}>
                  <span className="mono">{f.field}</span>：{locale === 'zh-CN' ? f.messageZh : f.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {result?.ok ? (
        <p className="notice" role="status" data-testid="appraisal-saved">
          {t.appraisal.saved} {result.id ? <Link to={`?id=${result.id}`}>{t.appraisal.view}</Link> : null}
        </p>
      ) : null}

      {detail ? <CampaignDetail detail={detail} staff={staff} busy={busy} myMemberId={myMemberId} /> : null}

      <article className="card" aria-labelledby="campaigns-title">
        <h2 id="campaigns-title">{t.appraisal.campaigns}</h2>
        <div className="table-wrap">
          <table className="table" data-testid="campaigns-table">
            <thead>
              <tr>
                <th scope="col">{t.appraisal.name}</th>
                {staff ? <th scope="col">{t.appraisal.unit}</th> : null}
                <th scope="col" className="num">
                  {t.appraisal.year}
                </th>
                <th scope="col">{t.appraisal.status}</th>
              </tr>
            </thead>
            <tbody>
              {campaigns.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <Link to={`?id=${c.id}`}>{c.title}</Link>
                  </th>
                  {staff ? <td>{c.orgUnit?.name}</td> : null}
                  <td className="num">{c.year}</td>
                  <td>{t.appraisal.statuses[c.status] ?? c.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {campaigns.length === 0 ? <p className="empty">{t.appraisal.none}</p> : null}
        </div>
      </article>

      {staff ? (
        <details className="card" open={failed?.intent === 'create'}>
          <summary>{t.appraisal.create}</summary>
          <Form method="post" className="form">
            <input type="hidden" name="intent" value="create" />
            <label htmlFor="ap-unit">{t.appraisal.unit}</label>
            <select id="ap-unit" name="orgUnitId" required>
              {branches.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
            <label htmlFor="ap-year">{t.appraisal.year}</label>
            <input id="ap-year" name="year" type="number" required defaultValue={year} min={2000} max={2100} />
            <label htmlFor="ap-title">{t.appraisal.name}</label>
            <input id="ap-title" name="title" required maxLength={100} defaultValue={`${year} 年度民主评议党员`} />
            <label htmlFor="ap-opens">{t.appraisal.opensOn}</label>
            <input id="ap-opens" name="opensOn" type="date" required />
            <label htmlFor="ap-closes">{t.appraisal.closesOn}</label>
            <input id="ap-closes" name="closesOn" type="date" required />
            <button type="submit" className="btn btn-primary" disabled={busy} data-testid="appraisal-create">
              {t.appraisal.createSubmit}
            </button>
          </Form>
        </details>
      ) : null}
    </section>
  );
}

function CampaignDetail({ detail, staff, busy, myMemberId }: { detail: Detail; staff: boolean; busy: boolean; myMemberId: string | null }) {
  const t = useT();
  const proposed = new Map((detail.results?.edges ?? []).map((e) => [e.node.memberId, e.node.rating]));
  const excellent = [...proposed.values()].filter((r) => r === 'EXCELLENT').length;
  const rating = detail.status === 'PEER_ASSESSMENT' || detail.status === 'RATING';
  const phaseButton = (intent: string, label: string) => (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="id" value={detail.id} />
      <button type="submit" className="btn btn-primary" disabled={busy} data-testid={`appraisal-${intent}`}>
        {label}
      </button>
    </Form>
  );
  return (
    <article className="card" aria-labelledby="campaign-title" data-testid="campaign-detail" data-status={detail.status}>
      <p>
        <Link to="/appraisal">← {t.appraisal.back}</Link>
      </p>
      <h2 id="campaign-title">
        {detail.orgUnit ? `${detail.title} · ${detail.orgUnit.name}` : detail.title}
      </h2>
      <p>
        {t.appraisal.status}: <strong data-testid="campaign-status">{t.appraisal.statuses[detail.status] ?? detail.status}</strong>
      </p>
      {staff && detail.status === 'DRAFT' ? phaseButton('open', t.appraisal.open) : null}
      {staff && detail.status === 'SELF_ASSESSMENT' ? phaseButton('peer', t.appraisal.peer) : null}
      {staff ? (
        <Form method="post" id="ratings-form" className="form">
          <input type="hidden" name="id" value={detail.id} />
          <div className="table-wrap">
            <table className="table" data-testid="roster-table">
              <caption>{t.appraisal.roster}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.appraisal.member}</th>
                  <th scope="col">{t.appraisal.peerTally}</th>
                  <th scope="col">{rating ? t.appraisal.proposed : t.appraisal.rating}</th>
                </tr>
              </thead>
              <tbody>
                {detail.roster.map((r) => (
                  <tr key={r.memberId}>
                    <th scope="row">{r.name}</th>
                    <td className="mono">{r.peerTally ? `${r.peerTally.excellent}/${r.peerTally.qualified}/${r.peerTally.basicallyQualified}/${r.peerTally.unqualified}` : '—'}</td>
                    <td>
                      {rating ? (
                        <select name={`rating:${r.memberId}`} data-rating aria-label={`${t.appraisal.rating} ${r.name}`} defaultValue={proposed.get(r.memberId) ?? ''}>
                          <option value="">—</option>
                          {RATINGS.map((x) => (
                            <option key={x} value={x}>
                              {t.appraisal.ratings[x]}
                            </option>
                          ))}
                        </select>
                      ) : (
                        (t.appraisal.ratings[proposed.get(r.memberId) ?? ''] ?? '—')
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {rating && detail.excellentCap !== undefined ? (
            <>
              <AppraisalCap formId="ratings-form" cap={detail.excellentCap} initial={excellent} />
              <div className="wf-actions">
                <button type="submit" name="intent" value="propose" className="btn" disabled={busy} data-testid="appraisal-propose">
                  {t.appraisal.propose}
                </button>
                <button
                  type="submit"
                  name="intent"
                  value="finalise"
                  className="btn btn-primary"
                  disabled={busy}
                  data-testid="appraisal-finalise"
                  onClick={(e) => {
                    if (!window.confirm(t.appraisal.finaliseConfirm)) e.preventDefault();
                  }}
                >
                  {t.appraisal.finalise}
                </button>
              </div>
            </>
          ) : null}
        </Form>
      ) : null}
      {!staff && detail.status === 'SELF_ASSESSMENT' ? (
        detail.mySelfAssessment ? (
          <p className="notice">{t.appraisal.selfDone}</p>
        ) : (
          <Form method="post" className="form" aria-labelledby="self-title">
            <h3 id="self-title">{t.appraisal.self}</h3>
            <input type="hidden" name="intent" value="self" />
            <input type="hidden" name="id" value={detail.id} />
            <label htmlFor="self-summary">{t.appraisal.summary}</label>
            <textarea id="self-summary" name="summary" required minLength={10} maxLength={5000} rows={5} />
            <label htmlFor="self-rating">{t.appraisal.selfRating}</label>
            <select id="self-rating" name="rating" required>
              {RATINGS.map((x) => (
                <option key={x} value={x}>
                  {t.appraisal.ratings[x]}
                </option>
              ))}
            </select>
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {t.appraisal.submit}
            </button>
          </Form>
        )
      ) : null}
      {!staff && detail.status === 'PEER_ASSESSMENT' ? (
        <Form method="post" className="form" aria-labelledby="peer-title">
          <h3 id="peer-title">{t.appraisal.peerForm}</h3>
          <input type="hidden" name="intent" value="peerAssess" />
          <input type="hidden" name="id" value={detail.id} />
          <label htmlFor="peer-subject">{t.appraisal.subject}</label>
          <select id="peer-subject" name="subjectId" required>
            {detail.roster
              .filter((r) => r.memberId !== myMemberId)
              .map((r) => (
                <option key={r.memberId} value={r.memberId}>
                  {r.name}
                </option>
              ))}
          </select>
          <label htmlFor="peer-rating">{t.appraisal.rating}</label>
          <select id="peer-rating" name="rating" required>
            {RATINGS.map((x) => (
              <option key={x} value={x}>
                {t.appraisal.ratings[x]}
              </option>
            ))}
          </select>
          <label htmlFor="peer-comment">{t.appraisal.comment}</label>
          <textarea id="peer-comment" name="comment" maxLength={1000} rows={3} />
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t.appraisal.submit}
          </button>
        </Form>
      ) : null}
    </article>
  );
}
