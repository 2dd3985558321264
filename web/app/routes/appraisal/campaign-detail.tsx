// One appraisal campaign: its roster with peer tallies and ratings (secretaries propose and
// finalise, the ≤ 1/3 优秀 cap counted live), or a member's self and peer assessment.
import { Form } from 'react-router';
import { ActionForm } from '../../components/ActionForm';
import { AppraisalCap } from '../../components/AppraisalCap';
import { Field } from '../../components/MeetingFields';
import { BackLink } from '../../components/RecordHead';
import { choicesOf, Options } from '../../components/SelectField';
import { RowHead, TableCard } from '../../components/TableCard';
import { useT } from '../../i18n/use-t';
import { RATINGS, type Detail } from './types';

export function CampaignDetail({ detail, staff, busy, myMemberId }: { detail: Detail; staff: boolean; busy: boolean; myMemberId: string | null }) {
  const t = useT();
  const proposed = new Map((detail.results?.edges ?? []).map((e) => [e.node.memberId, e.node.rating]));
  const excellent = [...proposed.values()].filter((r) => r === 'EXCELLENT').length;
  const rating = detail.status === 'PEER_ASSESSMENT' || detail.status === 'RATING';
  const phaseButton = (intent: string, label: string) => <ActionForm intent={intent} id={detail.id} label={label} buttonClassName="btn btn-primary" busy={busy} testId={`appraisal-${intent}`} />;
  const ratingChoices = choicesOf(RATINGS, t.appraisal.ratings);
  return (
    <article className="card" aria-labelledby="campaign-title" data-testid="campaign-detail" data-status={detail.status}>
      <BackLink to="/appraisal" label={t.appraisal.back} />
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
          <TableCard testId="roster-table" frame="table-wrap" caption={t.appraisal.roster} showCaption columns={[t.appraisal.member, t.appraisal.peerTally, rating ? t.appraisal.proposed : t.appraisal.rating]}>
            {detail.roster.map((r) => (
              <tr key={r.memberId}>
                <RowHead name={r.name} />
                <td className="mono">{r.peerTally ? `${r.peerTally.excellent}/${r.peerTally.qualified}/${r.peerTally.basicallyQualified}/${r.peerTally.unqualified}` : '—'}</td>
                <td>
                  {rating ? (
                    <>
                    <label className="visually-hidden" htmlFor={`rating-${r.memberId}`}>
                      {t.appraisal.rating} <bdi>{r.name}</bdi>
                    </label>
                    <select id={`rating-${r.memberId}`} name={`rating:${r.memberId}`} data-rating defaultValue={proposed.get(r.memberId) ?? ''}>
                      <Options any="—" choices={ratingChoices} />
                    </select>
                    </>
                  ) : (
                    (t.appraisal.ratings[proposed.get(r.memberId) ?? ''] ?? '—')
                  )}
                </td>
              </tr>
            ))}
          </TableCard>
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
            <Field id="self-summary" name="summary" label={t.appraisal.summary} as="textarea" required minLength={10} maxLength={5000} rows={5} />
            <Field id="self-rating" name="rating" label={t.appraisal.selfRating} as="select" required>
              <Options choices={ratingChoices} />
            </Field>
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
          <Field id="peer-subject" name="subjectId" label={t.appraisal.subject} as="select" required>
            <Options choices={detail.roster.filter((r) => r.memberId !== myMemberId).map((r) => ({ value: r.memberId, label: r.name, userText: true }))} />
          </Field>
          <Field id="peer-rating" name="rating" label={t.appraisal.rating} as="select" required>
            <Options choices={ratingChoices} />
          </Field>
          <Field id="peer-comment" name="comment" label={t.appraisal.comment} as="textarea" maxLength={1000} rows={3} />
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t.appraisal.submit}
          </button>
        </Form>
      ) : null}
    </article>
  );
}
