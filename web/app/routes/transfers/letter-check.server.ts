// The public check of a printed transfer letter's verification code, for the verify page's
// loader: anonymous, with the browser's address passed on so that the API's per-address limit on
// wrong codes counts the person checking, not this server.
import { graphql } from '../../graphql';
import type { TransferLetterCheckQuery } from '../../graphql/graphql';
import { apiRequest, ApiError } from '../../lib/graphql.server';
import type { ErrorPayload } from '../../lib/errors';

const CHECK = graphql(`query TransferLetterCheck($code: String!) {
  transferLetterCheck(code: $code) { status lastValidDay lapsed fromUnitName memberNameMasked proof { ...ProofFields } }
}`);

export interface LetterLookup {
  code: string;
  result: TransferLetterCheckQuery['transferLetterCheck'];
  error: ErrorPayload | null;
}

export async function checkLetterCode(request: Request, code: string | null): Promise<LetterLookup | null> {
  const text = code?.trim().slice(0, 64) ?? '';
  if (!text) return null;
  try {
    const r = await apiRequest(CHECK, { code: text }, { request });
    return { code: text, result: r.transferLetterCheck, error: null };
  } catch (error) {
    if (error instanceof ApiError && error.status < 500) return { code: text, result: null, error: error.payload() };
    throw error;
  }
}
