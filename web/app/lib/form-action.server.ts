// How a page's form action starts: refuse cross-site posts, require an account whose role may
// write here, then read the posted form (its intent, the record's id and trimmed text fields).
// And how it ends when the API says no: a rule's refusal (BAD_USER_INPUT with its fields,
// CONFLICT, FORBIDDEN, a module's own code such as DATE_BEFORE_PREREQUISITE) is a form failure
// the page shows beside the fields, with what was typed kept; only an outage or an internal
// error reaches the error page.
import { data } from 'react-router';
import { assertSameOrigin, requireAccount, rethrowForPage, type AccountContext } from './auth.server';
import { isServiceFailure } from './errors';
import { ApiError } from './graphql.server';
import type { FieldError, FormFailure } from './meetings-form';
import type { Role } from './roles';

export interface PostedForm {
  ctx: AccountContext;
  form: FormData;
  /** Which of the page's forms was posted ('' when none said). */
  intent: string;
  /** The record the form acts on ('' when none). */
  id: string;
  /** A text field, trimmed ('' when absent). */
  text: (name: string) => string;
  /** The API's refusal of this form as its failure (see formFailure); anything else is rethrown for the error page. */
  fail: (error: unknown, intent?: string, opts?: FailureOptions) => Promise<ReturnType<typeof failureData>>;
}

export async function readPostedForm(request: Request, roles: readonly Role[]): Promise<PostedForm> {
  assertSameOrigin(request);
  const ctx = await requireAccount(request, roles);
  const form = await request.formData();
  const text = (name: string) => String(form.get(name) ?? '').trim();
  const intent = String(form.get('intent') ?? '');
  return {
    ctx,
    form,
    intent,
    id: String(form.get('id') ?? ''),
    text,
    fail: (error, failedIntent = intent, opts) => formFailure(error, request, ctx, failedIntent, opts),
  };
}

/** An API answer refusing this request for a reason the person can act on (shown on the form). */
export function isRefusal(error: unknown): error is ApiError {
  return error instanceof ApiError && !isServiceFailure(error.code);
}

export interface FailureOptions {
  /**
   * The form field a refusal without named fields is about (e.g. a date rule → the date input),
   * or undefined to show it at the top of the form.
   */
  fieldFor?: (code: string, facts: Record<string, unknown>) => string | undefined;
}

function failureData(intent: string, error: ApiError, fieldFor?: FailureOptions['fieldFor']) {
  let fields: FieldError[] = error.fields;
  const field = fields.length === 0 ? fieldFor?.(error.code, error.facts) : undefined;
  if (field) fields = [{ field, message: error.message, messageZh: error.messageZh ?? error.message }];
  const status = error.status >= 400 && error.status < 500 ? error.status : 409;
  return data<FormFailure>({ ok: false, intent, error: error.payload(), fields }, { status });
}

/**
 * The API's refusal of a form as the form's failure (its message in both languages, its fields);
 * an ended session goes to sign-in, and an outage or internal error to the error page.
 */
export async function formFailure(error: unknown, request: Request, ctx: AccountContext, intent: string, opts: FailureOptions = {}) {
  if (isRefusal(error)) return failureData(intent, error, opts.fieldFor);
  return rethrowForPage(error, request, ctx.session);
}
