// Form pieces shared by the meetings, votes and decisions pages: the refusal above a form and
// the error under a field, both in the visitor's language.
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

/** Props that mark an input invalid and point it at its error, when the API named its field. */
export function invalidProps(result: FormFailure | null | undefined, intent: string, name: string, id: string) {
  if (!result || result.intent !== intent || !result.fields.some((f) => f.field === name || f.field === `input.${name}`)) return {};
  return { 'aria-invalid': true as const, 'aria-describedby': errorId(id) };
}
