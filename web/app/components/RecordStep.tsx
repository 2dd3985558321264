// The form that records the next development step for one person. It offers the steps the API
// says are legal today, and only the fields the chosen step reads; its date inputs allow only the
// dates the rules allow, as far as the page knows them. A refused step shows the rule beside the
// field it is about (or above the form), with what was typed still in the form. A step of the
// level above (decision 013) is requested instead, dated the day of the request, and a step
// already waiting on the level above is not offered again.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Form, useNavigation } from 'react-router';
import { useLocale, useT } from '../i18n/use-t';
import type { ActionNode } from '../lib/fragments';
import type { FormFailure } from '../lib/meetings-form';
import { fieldsFor, RECOMMENDERS, stepDateBounds, VIEW_SOURCES } from '../lib/step-inputs';
import { FieldError, FormAlert, invalidProps } from './MeetingFields';

export interface PersonOption {
  id: string;
  name: string;
}


/** The inputs the form shows for `kind` (a refusal naming another field is shown above the form). */
function inputsOf(kind: string): Set<string> {
  const names = new Set(['kind', 'occurredOn', 'notes']);
  const add: Record<string, string[]> = {
    training: ['trainingStart', 'classHours'],
    viewsHeard: ['viewsOn', 'viewSources'],
    publicNotice: ['noticeFrom', 'noticeTo'],
    vote: ['entitled', 'present', 'yes', 'no', 'abstain'],
    groupOpinion: ['groupOpinionOn', 'groupOpinion'],
    extension: kind === 'PROBATION_EXTENDED' ? ['months', 'reason', 'approvedOn'] : ['reason', 'approvedOn'],
  };
  for (const field of fieldsFor(kind)) for (const name of add[field] ?? [field]) names.add(name);
  return names;
}

export function RecordStep({
  actions,
  people,
  today,
  history = [],
  since = {},
  failure = null,
  requestKinds = [],
  pendingKinds = [],
}: {
  actions: ActionNode[];
  /** Steps this account requests from the level above instead of recording them. */
  requestKinds?: readonly string[];
  /** Steps already requested and waiting on the level above. */
  pendingKinds?: readonly string[];
  people: PersonOption[];
  today: string;
  /** The steps on record: the latest of those a step follows is the earliest date it may have. */
  history?: ReadonlyArray<{ kind: string; occurredOn: string }>;
  /** The person's stage dates: the training follows the candidacy, views are heard while an activist, the group's opinion follows the application. */
  since?: { appliedOn?: string | null; activistSince?: string | null; candidateSince?: string | null };
  /** The refused submission, with what was typed. */
  failure?: (FormFailure & { values?: Record<string, string | string[]> }) | null;
}) {
  const t = useT();
  const locale = useLocale();
  const legal = actions.filter((a) => a.legalToday && !pendingKinds.includes(a.kind));
  const typed = failure?.values ?? {};
  const typedKind = typeof typed.kind === 'string' && legal.some((a) => a.kind === typed.kind) ? typed.kind : null;
  const [kind, setKind] = useState(typedKind ?? legal[0]?.kind ?? '');
  const busy = useNavigation().state === 'submitting';
  const formRef = useRef<HTMLFormElement>(null);
  // After a refusal, the first field it names gets the focus (its error is read with it).
  useEffect(() => {
    if (failure) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [failure]);
  if (legal.length === 0) return null;
  const requesting = requestKinds.includes(kind);
  const INTENT = requesting ? 'request-step' : 'record-step';
  const fields = new Set(fieldsFor(kind));
  const f = t.steps.fields;
  // What was typed comes back only for the step it was typed for.
  const sameKind = typedKind === kind;
  const value = (name: string, fallback = ''): string => {
    const v = sameKind ? typed[name] : undefined;
    return typeof v === 'string' ? v : fallback;
  };
  const values = (name: string): string[] | null => {
    const v = sameKind ? typed[name] : undefined;
    return Array.isArray(v) ? v : null;
  };
  const checked = (name: string, fallback: boolean): boolean => (sameKind && failure ? typeof typed[name] === 'string' || Array.isArray(typed[name]) : fallback);
  const invalid = (name: string) => invalidProps(failure, INTENT, name, `step-${name}`);
  const fieldError = (name: string): ReactNode => <FieldError result={failure} intent={INTENT} name={name} id={`step-${name}`} />;
  const dates = stepDateBounds(
    legal.find((a) => a.kind === kind),
    history,
    today,
  );
  // A refusal about no field shown here goes above the form.
  const shown = inputsOf(kind);
  const atTop = failure && !failure.fields.some((x) => shown.has(x.field)) ? failure : null;
  const num = (name: string) => (
    <div className="field" key={name}>
      <label htmlFor={`step-${name}`}>{f[name]}</label>
      <input id={`step-${name}`} name={name} type="number" min={0} step={1} required inputMode="numeric" defaultValue={value(name)} {...invalid(name)} />
      {fieldError(name)}
    </div>
  );
  return (
    <article className="card" aria-labelledby="record-title">
      <h2 id="record-title">{requesting ? t.approvals.request : t.steps.record}</h2>
      <p className="muted small">{requesting ? t.approvals.requestIntro : t.steps.recordIntro}</p>
      <FormAlert result={atTop} intent={INTENT} testId="step-error" />
      <Form method="post" className="form" data-testid="record-step" ref={formRef}>
        <input type="hidden" name="intent" value={INTENT} />
        <label htmlFor="step-kind">{t.steps.step}</label>
        <select id="step-kind" name="kind" value={kind} onChange={(e) => setKind(e.target.value)} {...invalid('kind')}>
          {legal.map((a) => (
            <option key={a.kind} value={a.kind}>
              {t.steps.stepN(a.stepNo)} · {locale === 'zh-CN' ? a.nameZh : a.nameEn}
            </option>
          ))}
        </select>
        {fieldError('kind')}
        {requesting ? null : (
          <>
            <label htmlFor="step-date">{t.steps.occurredOn}</label>
            <input
              id="step-date"
              name="occurredOn"
              type="date"
              required
              min={dates.min}
              max={dates.max}
              defaultValue={value('occurredOn', today)}
              {...invalid('occurredOn')}
            />
            <FieldError result={failure} intent={INTENT} name="occurredOn" id="step-occurredOn" />
          </>
        )}
        {fields.has('recommendedBy') ? (
          <>
            <label htmlFor="step-recommendedBy">{f.recommendedBy}</label>
            <select id="step-recommendedBy" name="recommendedBy" required defaultValue={value('recommendedBy') || undefined} {...invalid('recommendedBy')}>
              {RECOMMENDERS.map((r) => (
                <option key={r} value={r}>
                  {t.steps.recommenders[r]}
                </option>
              ))}
            </select>
            {fieldError('recommendedBy')}
          </>
        ) : null}
        {fields.has('conclusion') ? (
          <>
            <label htmlFor="step-conclusion">{f.conclusion}</label>
            <input id="step-conclusion" name="conclusion" required maxLength={500} defaultValue={value('conclusion')} {...invalid('conclusion')} />
            {fieldError('conclusion')}
          </>
        ) : null}
        {fields.has('passed') ? (
          <label className="checkbox">
            <input type="checkbox" name="passed" defaultChecked={checked('passed', true)} /> {f.passed}
          </label>
        ) : null}
        {fields.has('training') ? (
          <div className="field-row">
            <div className="field">
              <label htmlFor="step-trainingStart">{f.trainingStart}</label>
              <input id="step-trainingStart" name="trainingStart" type="date" required min={since.candidateSince ?? undefined} max={today} defaultValue={value('trainingStart')} {...invalid('trainingStart')} />
              {fieldError('trainingStart')}
            </div>
            <div className="field">
              <label htmlFor="step-classHours">{f.classHours}</label>
              <input id="step-classHours" name="classHours" type="number" min={0} step={0.5} required defaultValue={value('classHours')} {...invalid('classHours')} />
              {fieldError('classHours')}
            </div>
          </div>
        ) : null}
        {fields.has('viewsHeard') ? (
          <>
            <label htmlFor="step-viewsOn">{f.viewsOn}</label>
            <input id="step-viewsOn" name="viewsOn" type="date" required min={since.activistSince ?? undefined} max={today} defaultValue={value('viewsOn')} {...invalid('viewsOn')} />
            {fieldError('viewsOn')}
            <fieldset className="checks-inline">
              <legend>{f.viewSources}</legend>
              {VIEW_SOURCES.map((s) => (
                <label key={s} className="checkbox">
                  <input type="checkbox" name="viewSources" value={s} defaultChecked={values('viewSources')?.includes(s) ?? !(sameKind && failure)} /> {t.steps.viewSources[s]}
                </label>
              ))}
              {fieldError('viewSources')}
            </fieldset>
          </>
        ) : null}
        {fields.has('publicNotice') ? (
          <div className="field-row">
            <div className="field">
              <label htmlFor="step-noticeFrom">{f.noticeFrom}</label>
              <input id="step-noticeFrom" name="noticeFrom" type="date" required defaultValue={value('noticeFrom')} {...invalid('noticeFrom')} />
              {fieldError('noticeFrom')}
            </div>
            <div className="field">
              <label htmlFor="step-noticeTo">{f.noticeTo}</label>
              <input id="step-noticeTo" name="noticeTo" type="date" required defaultValue={value('noticeTo')} {...invalid('noticeTo')} />
              {fieldError('noticeTo')}
            </div>
          </div>
        ) : null}
        {fields.has('vote') ? <div className="field-row">{['entitled', 'present', 'yes', 'no', 'abstain'].map(num)}</div> : null}
        {fields.has('groupOpinion') ? (
          <>
            <label htmlFor="step-groupOpinionOn">{f.groupOpinionOn}</label>
            <input id="step-groupOpinionOn" name="groupOpinionOn" type="date" required min={since.appliedOn ?? undefined} max={today} defaultValue={value('groupOpinionOn')} {...invalid('groupOpinionOn')} />
            {fieldError('groupOpinionOn')}
            <label htmlFor="step-groupOpinion">{f.groupOpinion}</label>
            <textarea id="step-groupOpinion" name="groupOpinion" rows={2} required defaultValue={value('groupOpinion')} {...invalid('groupOpinion')} />
            {fieldError('groupOpinion')}
          </>
        ) : null}
        {fields.has('people') ? (
          <>
            <label htmlFor="step-people">{f.people}</label>
            <select
              id="step-people"
              name="people"
              multiple
              required
              size={Math.min(8, Math.max(3, people.length))}
              defaultValue={values('people') ?? undefined}
              {...invalid('people')}
            >
              {people.map((p) => (
                <option key={p.id} value={p.id} translate="no">
                  {p.name}
                </option>
              ))}
            </select>
            {fieldError('people')}
          </>
        ) : null}
        {fields.has('lateReason') ? (
          <>
            <label htmlFor="step-lateReason">{f.lateReason}</label>
            <input id="step-lateReason" name="lateReason" maxLength={500} defaultValue={value('lateReason')} {...invalid('lateReason')} />
            {fieldError('lateReason')}
          </>
        ) : null}
        {fields.has('extension') ? (
          <>
            {kind === 'PROBATION_EXTENDED' ? (
              <>
                <label htmlFor="step-months">{f.months}</label>
                <input id="step-months" name="months" type="number" min={6} max={12} required defaultValue={value('months')} {...invalid('months')} />
                {fieldError('months')}
              </>
            ) : null}
            <label htmlFor="step-reason">{f.reason}</label>
            <input id="step-reason" name="reason" required maxLength={500} defaultValue={value('reason')} {...invalid('reason')} />
            {fieldError('reason')}
            <label htmlFor="step-approvedOn">{f.approvedOn}</label>
            <input id="step-approvedOn" name="approvedOn" type="date" required max={today} defaultValue={value('approvedOn')} {...invalid('approvedOn')} />
            {fieldError('approvedOn')}
          </>
        ) : null}
        <label htmlFor="step-notes">{t.steps.notes}</label>
        <textarea id="step-notes" name="notes" rows={2} maxLength={2000} defaultValue={value('notes')} {...invalid('notes')} />
        {fieldError('notes')}
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {requesting ? t.approvals.requestSubmit : t.steps.submit}
        </button>
      </Form>
    </article>
  );
}
