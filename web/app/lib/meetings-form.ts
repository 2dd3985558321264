// What a form action hands back to its page: the intent it answered, and on refusal the API's
// message and per-field errors (`extensions.fields`), shown next to the fields they name.
import type { ErrorPayload } from './errors';

export interface FieldError {
  field: string;
  message: string;
  messageZh: string;
}

export interface FormFailure {
  ok: false;
  intent: string;
  error: ErrorPayload;
  fields: FieldError[];
}

export type FormResult<T extends object = object> = ({ ok: true; intent: string } & T) | FormFailure;

/**
 * The message for one form field: the API names fields by argument path ("input.title",
 * "entries[2].memberId", "reason"); the form names them without the "input." prefix.
 */
export function fieldMessage(result: FormFailure | undefined | null, name: string, locale: string): string | null {
  if (!result) return null;
  const hit = result.fields.find((f) => f.field === name || f.field === `input.${name}`);
  if (!hit) return null;
  return locale === 'zh-CN' ? hit.messageZh : hit.message;
}
