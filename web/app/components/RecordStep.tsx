// The form that records the next development step for one person. It offers the steps the API
// says are legal today, and only the fields the chosen step reads.
import { useState } from 'react';
import { Form, useNavigation } from 'react-router';
import { useLocale, useT } from '../i18n/use-t';
import type { ActionNode } from '../lib/fragments';
import { fieldsFor, RECOMMENDERS, VIEW_SOURCES } from '../lib/step-inputs';

export interface PersonOption {
  id: string;
  name: string;
}

export function RecordStep({ actions, people, today, error }: { actions: ActionNode[]; people: PersonOption[]; today: string; error: string | null }) {
  const t = useT();
  const locale = useLocale();
  const legal = actions.filter((a) => a.legalToday);
  const [kind, setKind] = useState(legal[0]?.kind ?? '');
  const busy = useNavigation().state === 'submitting';
  if (legal.length === 0) return null;
  const fields = new Set(fieldsFor(kind));
  const f = t.steps.fields;
  const num = (name: string) => (
    <div className="field" key={name}>
      <label htmlFor={`step-${name}`}>{f[name]}</label>
      <input id={`step-${name}`} name={name} type="number" min={0} step={1} required inputMode="numeric" />
    </div>
  );
  return (
    <article className="card" aria-labelledby="record-title">
      <h2 id="record-title">{t.steps.record}</h2>
      <p className="muted small">{t.steps.recordIntro}</p>
      {error ? (
        <p className="form-error" role="alert" data-testid="step-error">
          {error}
        </p>
      ) : null}
      <Form method="post" className="form" data-testid="record-step">
        <input type="hidden" name="intent" value="record-step" />
        <label htmlFor="step-kind">{t.steps.step}</label>
        <select id="step-kind" name="kind" value={kind} onChange={(e) => setKind(e.target.value)}>
          {legal.map((a) => (
            <option key={a.kind} value={a.kind}>
              {t.steps.stepN(a.stepNo)} · {locale === 'zh-CN' ? a.nameZh : a.nameEn}
            </option>
          ))}
        </select>
        <label htmlFor="step-date">{t.steps.occurredOn}</label>
        <input id="step-date" name="occurredOn" type="date" required max={today} defaultValue={today} />
        {fields.has('recommendedBy') ? (
          <>
            <label htmlFor="step-recommendedBy">{f.recommendedBy}</label>
            <select id="step-recommendedBy" name="recommendedBy" required>
              {RECOMMENDERS.map((r) => (
                <option key={r} value={r}>
                  {t.steps.recommenders[r]}
                </option>
              ))}
            </select>
          </>
        ) : null}
        {fields.has('conclusion') ? (
          <>
            <label htmlFor="step-conclusion">{f.conclusion}</label>
            <input id="step-conclusion" name="conclusion" required maxLength={500} />
          </>
        ) : null}
        {fields.has('passed') ? (
          <label className="checkbox">
            <input type="checkbox" name="passed" defaultChecked /> {f.passed}
          </label>
        ) : null}
        {fields.has('training') ? (
          <div className="field-row">
            <div className="field">
              <label htmlFor="step-trainingStart">{f.trainingStart}</label>
              <input id="step-trainingStart" name="trainingStart" type="date" required max={today} />
            </div>
            <div className="field">
              <label htmlFor="step-classHours">{f.classHours}</label>
              <input id="step-classHours" name="classHours" type="number" min={0} step={0.5} required />
            </div>
          </div>
        ) : null}
        {fields.has('viewsHeard') ? (
          <>
            <label htmlFor="step-viewsOn">{f.viewsOn}</label>
            <input id="step-viewsOn" name="viewsOn" type="date" required max={today} />
            <fieldset className="checks-inline">
              <legend>{f.viewSources}</legend>
              {VIEW_SOURCES.map((s) => (
                <label key={s} className="checkbox">
                  <input type="checkbox" name="viewSources" value={s} defaultChecked /> {t.steps.viewSources[s]}
                </label>
              ))}
            </fieldset>
          </>
        ) : null}
        {fields.has('publicNotice') ? (
          <div className="field-row">
            <div className="field">
              <label htmlFor="step-noticeFrom">{f.noticeFrom}</label>
              <input id="step-noticeFrom" name="noticeFrom" type="date" required />
            </div>
            <div className="field">
              <label htmlFor="step-noticeTo">{f.noticeTo}</label>
              <input id="step-noticeTo" name="noticeTo" type="date" required />
            </div>
          </div>
        ) : null}
        {fields.has('vote') ? <div className="field-row">{['entitled', 'present', 'yes', 'no', 'abstain'].map(num)}</div> : null}
        {fields.has('groupOpinion') ? (
          <>
            <label htmlFor="step-groupOpinionOn">{f.groupOpinionOn}</label>
            <input id="step-groupOpinionOn" name="groupOpinionOn" type="date" required max={today} />
            <label htmlFor="step-groupOpinion">{f.groupOpinion}</label>
            <textarea id="step-groupOpinion" name="groupOpinion" rows={2} required />
          </>
        ) : null}
        {fields.has('people') ? (
          <>
            <label htmlFor="step-people">{f.people}</label>
            <select id="step-people" name="people" multiple required size={Math.min(8, Math.max(3, people.length))}>
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </>
        ) : null}
        {fields.has('lateReason') ? (
          <>
            <label htmlFor="step-lateReason">{f.lateReason}</label>
            <input id="step-lateReason" name="lateReason" maxLength={500} />
          </>
        ) : null}
        {fields.has('extension') ? (
          <>
            {kind === 'PROBATION_EXTENDED' ? (
              <>
                <label htmlFor="step-months">{f.months}</label>
                <input id="step-months" name="months" type="number" min={6} max={12} required />
              </>
            ) : null}
            <label htmlFor="step-reason">{f.reason}</label>
            <input id="step-reason" name="reason" required maxLength={500} />
            <label htmlFor="step-approvedOn">{f.approvedOn}</label>
            <input id="step-approvedOn" name="approvedOn" type="date" required max={today} />
          </>
        ) : null}
        <label htmlFor="step-notes">{t.steps.notes}</label>
        <textarea id="step-notes" name="notes" rows={2} maxLength={2000} />
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t.steps.submit}
        </button>
      </Form>
    </article>
  );
}
