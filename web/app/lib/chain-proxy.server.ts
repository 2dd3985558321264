// A same-site path to the chain node for browsers that cannot reach its RPC directly (CometBFT
// without cors_allowed_origins, or a node only the web server can see). It forwards only the
// read-only JSON-RPC calls the proof checker and its light client make (verify/src/chain/rpc.ts),
// with only the parameters they send, one call per request; the answers are still verified in the
// browser (signatures from the root of trust, state proofs), so the proxy adds no trust.
import { webConfig } from './config.server';

/**
 * The calls @lianjian/verify's chain checker makes, with the parameters each may carry: the light
 * client reads `commit` and the (paginated) `validators` at any height from the root of trust's
 * up; the state proof is one `abci_query` of the anchor store; the anchor's transaction is in `block`.
 */
const ALLOWED_PARAMS: Record<string, readonly string[]> = {
  status: [],
  abci_query: ['path', 'data', 'height', 'prove'],
  commit: ['height'],
  validators: ['height', 'page', 'per_page'],
  block: ['height'],
};
export const ALLOWED_METHODS = new Set(Object.keys(ALLOWED_PARAMS));
export const ALLOWED_ABCI_PATHS = new Set(['/store/anchor/key']);
/** CometBFT's largest page of validators; the checker asks for 100. */
const MAX_PER_PAGE = 100;
const COUNT = /^[1-9][0-9]{0,18}$/;
/** A height may be 0 ("the latest" for abci_query). */
const HEIGHT = /^(0|[1-9][0-9]{0,18})$/;
const MAX_REQUEST_BYTES = 8 * 1024;
const TIMEOUT_MS = 15_000;

export class ProxyRefusal extends Error {
  override name = 'ProxyRefusal';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

interface JsonRpcCall {
  jsonrpc: '2.0';
  id: number | string;
  method: string;
  params: Record<string, unknown>;
}

/** Validates one JSON-RPC call from the browser; throws ProxyRefusal naming what is wrong. */
export function checkCall(text: string): JsonRpcCall {
  if (new TextEncoder().encode(text).length > MAX_REQUEST_BYTES) throw new ProxyRefusal(413, `request larger than ${MAX_REQUEST_BYTES} bytes`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ProxyRefusal(400, 'request body is not JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new ProxyRefusal(400, 'send one JSON-RPC call (batches are not forwarded)');
  const call = body as Partial<JsonRpcCall>;
  if (call.jsonrpc !== '2.0') throw new ProxyRefusal(400, 'jsonrpc must be "2.0"');
  if (typeof call.id !== 'number' && typeof call.id !== 'string') throw new ProxyRefusal(400, 'id must be a number or string');
  if (typeof call.method !== 'string' || !ALLOWED_METHODS.has(call.method)) {
    throw new ProxyRefusal(403, `method ${JSON.stringify(call.method)} is not forwarded (allowed: ${[...ALLOWED_METHODS].join(', ')})`);
  }
  const params = call.params ?? {};
  if (typeof params !== 'object' || params === null || Array.isArray(params)) throw new ProxyRefusal(400, 'params must be an object');
  const allowed = ALLOWED_PARAMS[call.method]!;
  for (const [key, value] of Object.entries(params)) {
    if (!allowed.includes(key)) throw new ProxyRefusal(400, `params.${key} is not forwarded for ${call.method} (allowed: ${allowed.join(', ') || 'none'})`);
    if (typeof value !== 'string' && typeof value !== 'boolean' && typeof value !== 'number') {
      throw new ProxyRefusal(400, `params.${key} must be a string, number or boolean`);
    }
    // Heights and page numbers are decimal integers (CometBFT reads them from strings).
    if (key === 'height' && !HEIGHT.test(String(value))) throw new ProxyRefusal(400, 'params.height must be a non-negative integer');
    if (key === 'page' || key === 'per_page') {
      if (!COUNT.test(String(value))) throw new ProxyRefusal(400, `params.${key} must be a positive integer`);
      if (key === 'per_page' && Number(value) > MAX_PER_PAGE) throw new ProxyRefusal(400, `params.per_page must be at most ${MAX_PER_PAGE}`);
    }
    if (key === 'prove' && typeof value !== 'boolean') throw new ProxyRefusal(400, 'params.prove must be a boolean');
    if (key === 'data' && (typeof value !== 'string' || !/^[0-9a-fA-F]*$/.test(value))) throw new ProxyRefusal(400, 'params.data must be hex');
  }
  if (call.method === 'abci_query' && !ALLOWED_ABCI_PATHS.has(String((params as { path?: unknown }).path))) {
    throw new ProxyRefusal(403, `abci_query path ${JSON.stringify((params as { path?: unknown }).path)} is not forwarded (allowed: ${[...ALLOWED_ABCI_PATHS].join(', ')})`);
  }
  return { jsonrpc: '2.0', id: call.id, method: call.method, params: params as Record<string, unknown> };
}

export async function forwardCall(call: JsonRpcCall, upstream: string = webConfig().rpcUpstream): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(upstream.replace(/\/+$/, ''), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(call),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw new ProxyRefusal(502, `chain node ${upstream} is unreachable: ${error instanceof Error ? error.message : String(error)}`);
  }
  const text = await res.text();
  return new Response(text, {
    status: res.status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  });
}

export async function proxy(request: Request): Promise<Response> {
  try {
    if (request.method !== 'POST') throw new ProxyRefusal(405, 'use POST with one JSON-RPC call');
    const call = checkCall(await request.text());
    return await forwardCall(call);
  } catch (error) {
    if (!(error instanceof ProxyRefusal)) throw error;
    // A JSON-RPC error body, so the checker reports the refusal as the node's answer.
    return Response.json(
      { jsonrpc: '2.0', id: null, error: { code: -32600, message: 'refused by the Lianjian web proxy', data: error.message } },
      { status: error.status, headers: { 'cache-control': 'no-store' } },
    );
  }
}
