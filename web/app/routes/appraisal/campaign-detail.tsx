// One appraisal campaign: its roster with peer tallies and ratings (secretaries propose and
// finalise, the ≤ 1/3 优秀 cap counted live), or a member's self and peer assessment.
import { Form, Link } from 'react-router';
import { AppraisalCap } from '../../components/AppraisalCap';
import { useT } from '../../i18n/use-t';
import { RATINGS, type Detail } from './types';

export function CampaignDetail({ detail, staff, busy, myMemberId }: { detail: Detail; staff: boolean; busy: boolean; myMemberId: string | null }) {
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
        <bdi>{detail.title}</bdi>
        {detail.orgUnit ? <> · <bdi>{detail.orgUnit.name}</bdi></> : null}
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
                    <th scope="row"><bdi>{r.name}</bdi></th>
                    <td className="mono">{r.peerTally ? `${r.peerTally.excellent}/${r.peerTally.qualified}/${r.peerTally.basicallyQualified}/${r.peerTally.unqualified}` : '—'}</td>
                    <td>
                      {rating ? (
                        <>
                        <label className="visually-hidden" htmlFor={`rating-${r.memberId}`}>
                          {t.appraisal.rating} <bdi>{r.name}</bdi>
                        </label>
                        <select id={`rating-${r.memberId}`} name={`rating:${r.memberId}`} data-rating defaultValue={proposed.get(r.memberId) ?? ''}>
                          <option value="">—</option>
                          {RATINGS.map((x) => (
                            <option key={x} value={x}>
                              {t.appraisal.ratings[x]}
                            </option>
                          ))}
                        </select>
                        </>
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
                <option key={r.memberId} value={r.memberId} translate="no">
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
