// Which HTTP requests the compiled executor may answer: a POST of one JSON operation with only
// `query`, `variables` and `operationName`, asking for plain application/json. Everything else
// (GET, batches, `extensions` such as persisted queries, other media types, CSRF-relevant content
// types) is Apollo's, unchanged.
import type { HeaderMap } from '@apollo/server';

export interface ReadRequest {
  query: string;
  operationName: string | null;
  variables: Record<string, unknown>;
}

const CONTENT_TYPE = /^application\/json(\s*;\s*charset=utf-8)?$/i;
// What makes Apollo answer `application/json; charset=utf-8` (chooseContentTypeForSingleResultResponse).
const ACCEPT = new Set(['*/*', 'application/json']);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
}

export function readRequest(method: string, headers: HeaderMap, body: unknown): ReadRequest | null {
  if (method !== 'POST') return null;
  const type = headers.get('content-type');
  if (!type || !CONTENT_TYPE.test(type.trim())) return null;
  const accept = headers.get('accept');
  if (accept !== undefined && !ACCEPT.has(accept.trim())) return null;
  if (!isRecord(body)) return null;
  for (const k of Object.keys(body)) if (k !== 'query' && k !== 'variables' && k !== 'operationName') return null;
  const { query, variables, operationName } = body;
  if (typeof query !== 'string' || !isRecord(variables)) return null;
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return null;
  return { query, variables, operationName: operationName ?? null };
}
