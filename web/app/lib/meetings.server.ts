// Form actions of the meetings, votes and decisions pages: a refused write comes back to the form
// (with the API's field errors) instead of replacing the page; anything else is the page's error.
import { data } from 'react-router';
import { rethrowForPage, type AccountContext } from './auth.server';
import type { ErrorPayload } from './errors';
import { ApiError } from './graphql.server';
import type { FormFailure } from './meetings-form';

// Failures of the service itself; any other code is the API refusing this write for a reason of
// the domain (CHECK_IN_CODE_WRONG, VOTE_NOT_OPEN, MEETING_STATUS …), which the form should say.
const SERVICE_FAILURES = new Set(['INTERNAL_SERVER_ERROR', 'API_UNAVAILABLE', 'API_BAD_RESPONSE', 'RECORD_MISSING', 'UNAUTHENTICATED']);

export async function formFailure(error: unknown, request: Request, ctx: AccountContext, intent: string) {
  if (error instanceof ApiError && !SERVICE_FAILURES.has(error.code)) {
    const status = error.status >= 400 && error.status < 500 ? error.status : 409;
    return data<FormFailure>({ ok: false, intent, error: error.payload(), fields: error.fields }, { status });
  }
  return rethrowForPage(error, request, ctx.session);
}

export function badForm(intent: string, message: string, messageZh: string, fields: FormFailure['fields'] = []) {
  const error: ErrorPayload = { code: 'BAD_USER_INPUT', message, messageZh };
  return data<FormFailure>({ ok: false, intent, error, fields }, { status: 400 });
}

export function unknownIntent(): never {
  throw data({ code: 'BAD_USER_INPUT', message: 'Unknown action.', messageZh: '未知操作。' }, { status: 400 });
}
