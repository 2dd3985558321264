// Form pieces shared by the pages' forms: the refusal above a form, a labelled field with the
// error under it, both in the visitor's language.
import { createElement, type AllHTMLAttributes, type ReactNode } from 'react';
import { useLocale } from '../i18n/use-t';
import { localMessage } from '../lib/errors';
import { fieldMessage, type FormFailure } from '../lib/meetings-form';

/** The API's refusal for this form (only when the action answered this form's intent). */
export function FormAlert({ result, intent, testId }: { result: FormFailure | null | undefined; intent: string; testId?: string }) {
  const locale = useLocale();
  if (!result || result.intent !== intent) return null;
  return (
    <p className="form-error" role="alert" data-testid={testId ?? `${intent}-error`}>
      {localMessage(result.error, locale)}
    </p>
  );
}

/** The error under one field; give the input `aria-describedby={errorId(id)}` when shown. */
export function FieldError({ result, intent, name, id }: { result: FormFailure | null | undefined; intent: string; name: string; id: string }) {
  const locale = useLocale();
  if (!result || result.intent !== intent) return null;
  const msg = fieldMessage(result, name, locale);
  if (!msg) return null;
  return (
    <span className="field-error" id={errorId(id)} data-testid={`field-error-${name}`}>
      {msg}
    </span>
  );
}

export const errorId = (id: string) => `${id}-error`;

/** Every API message for one field (`input.<name>`) as an alert line under it (the account and letter forms). */
export function FieldAlert({ result, intent, name, id }: { result: FormFailure | null | undefined; intent: string; name: string; id?: string }) {
  const locale = useLocale();
  const list = result?.intent === intent ? result.fields.filter((f) => f.field === `input.${name}`) : [];
  if (list.length === 0) return null;
  return (
    <p className="field-error" id={id} role="alert">
      {list.map((f) => (locale === 'zh-CN' ? f.messageZh : f.message)).join(' ')}
    </p>
  );
}

/** Props that mark an input invalid and point it at its error, when the API named its field. */
export function invalidProps(result: FormFailure | null | undefined, intent: string, name: string, id: string) {
  if (!result || result.intent !== intent || !result.fields.some((f) => f.field === name || f.field === `input.${name}`)) return {};
  return { 'aria-invalid': true as const, 'aria-describedby': errorId(id) };
}

/** The form a field is in: the action's answer (a refusal or not) and the intent the form submits. */
export interface FormOf {
  result: FormFailure | null | undefined;
  intent: string;
}

type ControlProps = Omit<AllHTMLAttributes<HTMLElement>, 'id' | 'name' | 'label' | 'as' | 'form' | 'children'>;

/**
 * A label, its control (an input, a textarea, or a select whose options are the children), an
 * optional hint under the control, and the API's error for the field: the control is marked
 * invalid and pointed at the error when the API named it. `error`: the API's name for the field
 * when it is not the control's (amounts typed in yuan are checked in fen).
 */
export function Field({
  form,
  id,
  label,
  name,
  error = name,
  as = 'input',
  hint,
  hintTestId,
  boxed = false,
  children,
  ...control
}: ControlProps & {
  /** None: the API's errors are not shown here. */
  form?: FormOf;
  id: string;
  label: ReactNode;
  name: string;
  error?: string;
  as?: 'input' | 'textarea' | 'select';
  hint?: ReactNode;
  hintTestId?: string;
  /** In its own box (a filter bar's or a row's field), not one of a form's stacked fields. */
  boxed?: boolean;
  children?: ReactNode;
}) {
  const hintId = `${id}-hint`;
  const field = (
    <>
      <label htmlFor={id}>{label}</label>
      {createElement(as, { id, name, ...control, ...(hint ? { 'aria-describedby': hintId } : {}), ...(form ? invalidProps(form.result, form.intent, error, id) : {}) }, children)}
      {hint ? (
        <span className="muted small" id={hintId} data-testid={hintTestId}>
          {hint}
        </span>
      ) : null}
      {form ? <FieldError result={form.result} intent={form.intent} name={error} id={id} /> : null}
    </>
  );
  return boxed ? <div className="field">{field}</div> : field;
}

/** A checkbox in its own box, labelled by the text after it (a filter's "only open ones"). */
export function CheckField({ name, label, defaultChecked }: { name: string; label: ReactNode; defaultChecked: boolean }) {
  return (
    <div className="field">
      <label>
        <input type="checkbox" name={name} value="1" defaultChecked={defaultChecked} /> {label}
      </label>
    </div>
  );
}
