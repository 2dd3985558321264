// The feedback form: category, title and body, with the API's field errors next to the fields.
// After a successful send the form is emptied (its key changes) and a note says so.
import { Form, useNavigation } from 'react-router';
import { useLocale, useT } from '../i18n/use-t';
import { FEEDBACK_CATEGORIES, type FieldMessage } from '../lib/feedback';

export interface FeedbackFormState {
  values?: { category: string; topic: string; content: string };
  fields?: Record<string, FieldMessage>;
  error?: string | null;
  sentId?: string;
}

export function FeedbackForm({ state }: { state: FeedbackFormState | undefined }) {
  const t = useT().feedback;
  const locale = useLocale();
  const busy = useNavigation().state === 'submitting';
  const fields = state?.fields ?? {};
  const msg = (name: string) => {
    const f = fields[name];
    return f ? (locale === 'zh-CN' ? f.messageZh : f.message) : null;
  };
  const values = state?.sentId ? undefined : state?.values;
  const field = (name: 'category' | 'topic' | 'content') => {
    const m = msg(name);
    return {
      'aria-invalid': m ? true : undefined,
      'aria-describedby': `fb-${name}-hint${m ? ` fb-${name}-error` : ''}`,
    } as const;
  };
  const error = (name: string) => {
    const m = msg(name);
    return m ? (
      <p className="field-error" id={`fb-${name}-error`} data-testid={`error-${name}`}>
        {m}
      </p>
    ) : null;
  };
  return (
    <Form method="post" className="form" data-testid="feedback-form" key={state?.sentId ?? 'form'} noValidate>
      <input type="hidden" name="intent" value="submit" />
      {state?.error ? (
        <p className="form-error" role="alert" data-testid="feedback-error">
          {state.error}
        </p>
      ) : null}
      <label htmlFor="fb-category">{t.category}</label>
      <select id="fb-category" name="category" defaultValue={values?.category ?? 'SUGGESTION'} {...field('category')}>
        {FEEDBACK_CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {t.categories[c]}
          </option>
        ))}
      </select>
      <span id="fb-category-hint" hidden />
      {error('category')}
      <label htmlFor="fb-topic">{t.topic}</label>
      <input id="fb-topic" name="topic" defaultValue={values?.topic ?? ''} maxLength={200} {...field('topic')} />
      <span id="fb-topic-hint" className="muted small">
        {t.topicHint}
      </span>
      {error('topic')}
      <label htmlFor="fb-content">{t.content}</label>
      <textarea id="fb-content" name="content" rows={6} defaultValue={values?.content ?? ''} maxLength={6000} {...field('content')} />
      <span id="fb-content-hint" className="muted small">
        {t.contentHint}
      </span>
      {error('content')}
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {t.submit}
      </button>
    </Form>
  );
}
