// Server-side helpers of the learning and feedback pages.
import { ApiError } from './graphql.server';

const NOT_REFUSALS = new Set(['UNAUTHENTICATED', 'API_UNAVAILABLE', 'API_BAD_RESPONSE', 'INTERNAL_SERVER_ERROR', 'RECORD_MISSING']);

/** An API answer that refuses this action for a reason the person can act on (shown on the page). */
export function isRefusal(error: unknown): error is ApiError {
  return error instanceof ApiError && !NOT_REFUSALS.has(error.code);
}

/** Field errors keyed by the input's field name (the API's `input.topic` becomes `topic`), in both languages. */
export function fieldErrors(error: ApiError): Record<string, { message: string; messageZh: string }> {
  const out: Record<string, { message: string; messageZh: string }> = {};
  for (const f of error.fields) {
    const key = f.field.replace(/^input\./, '');
    out[key] ??= { message: f.message, messageZh: f.messageZh };
  }
  return out;
}
