/**
 * A small CometBFT 0.38 JSON-RPC reader over fetch (browser-safe). It only moves JSON: every
 * answer is treated as untrusted until the verification code has checked it.
 */
import { toHex } from '../hex.js';
import { ChainRpcError, ChainUnavailableError } from './errors.js';

export interface RpcOptions {
  /** Per-request timeout; default 10 s. */
  timeoutMs?: number;
  /** For environments without a global fetch, or to add headers. */
  fetch?: typeof fetch;
}

// ------------------------------------------------------------------ raw JSON shapes (0.38)

export interface RawPartSetHeader {
  total: number;
  hash: string;
}
export interface RawBlockId {
  hash: string;
  parts: RawPartSetHeader;
}
export interface RawHeader {
  version: { block: string; app?: string };
  chain_id: string;
  height: string;
  time: string;
  last_block_id: RawBlockId;
  last_commit_hash: string;
  data_hash: string;
  validators_hash: string;
  next_validators_hash: string;
  consensus_hash: string;
  app_hash: string;
  last_results_hash: string;
  evidence_hash: string;
  proposer_address: string;
}
export interface RawCommitSig {
  block_id_flag: number;
  validator_address: string;
  timestamp: string;
  signature: string | null;
}
export interface RawCommit {
  height: string;
  round: number;
  block_id: RawBlockId;
  signatures: RawCommitSig[];
}
export interface RawSignedHeader {
  header: RawHeader;
  commit: RawCommit;
}
export interface RawValidator {
  address: string;
  pub_key: { type: string; value: string };
  voting_power: string;
  proposer_priority?: string;
}
export interface RawProofOp {
  type: string;
  key: string;
  data: string;
}
export interface RawAbciQuery {
  code: number;
  log: string;
  info?: string;
  key: string | null;
  value: string | null;
  proofOps?: { ops: RawProofOp[] } | null;
  proof_ops?: { ops: RawProofOp[] } | null;
  height: string;
  codespace: string;
}
export interface RawStatus {
  node_info: { network: string };
  sync_info: { latest_block_height: string; latest_app_hash: string; latest_block_time: string; catching_up: boolean };
}
export interface RawBlock {
  block_id: RawBlockId;
  block: { header: RawHeader; data: { txs: string[] | null } };
}

/** The JSON-RPC error CometBFT gives for a height above its latest block. */
export function isFutureHeightError(error: unknown): boolean {
  return error instanceof ChainRpcError && /must be less than or equal to the current blockchain height/.test(error.message);
}

export class CometRpc {
  readonly url: string;
  private readonly timeoutMs: number;
  private readonly fetchFn: typeof fetch;
  private nextId = 1;

  constructor(url: string, opts: RpcOptions = {}) {
    this.url = url.replace(/\/+$/, '');
    this.timeoutMs = opts.timeoutMs ?? 10_000;
    this.fetchFn = opts.fetch ?? ((...args) => globalThis.fetch(...args));
  }

  async call<T>(method: string, params: Record<string, unknown>): Promise<T> {
    const id = this.nextId++;
    let res: Response;
    try {
      res = await this.fetchFn(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id, method, params }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new ChainUnavailableError(`chain node at ${this.url} is unreachable (${method}): ${describe(error)}`, { cause: error });
    }
    let body: { result?: T; error?: { code?: number; message?: string; data?: string } };
    try {
      body = (await res.json()) as typeof body;
    } catch (error) {
      throw new ChainUnavailableError(`chain node at ${this.url} answered ${method} with HTTP ${res.status} and no JSON: ${describe(error)}`);
    }
    if (body.error) {
      const detail = [body.error.message, body.error.data].filter(Boolean).join(': ');
      throw new ChainRpcError(`chain node refused ${method}: ${detail}`, body.error.code);
    }
    if (body.result === undefined) throw new ChainRpcError(`chain node answered ${method} without a result`);
    return body.result;
  }

  status(): Promise<RawStatus> {
    return this.call<RawStatus>('status', {});
  }

  async abciQuery(path: string, data: Uint8Array, height: number, prove: boolean): Promise<RawAbciQuery> {
    const r = await this.call<{ response: RawAbciQuery }>('abci_query', {
      path,
      data: toHex(data),
      height: String(height),
      prove,
    });
    return r.response;
  }

  /** Header and the +2/3 precommits for block `height`. */
  commit(height: number): Promise<{ signed_header: RawSignedHeader; canonical: boolean }> {
    return this.call('commit', { height: String(height) });
  }

  /** The whole validator set at `height` (all pages). */
  async validators(height: number): Promise<RawValidator[]> {
    const out: RawValidator[] = [];
    for (let page = 1; ; page++) {
      const r = await this.call<{ validators: RawValidator[]; total: string }>('validators', {
        height: String(height),
        page: String(page),
        per_page: '100',
      });
      out.push(...r.validators);
      if (out.length >= Number(r.total) || r.validators.length === 0) return out;
    }
  }

  block(height: number): Promise<RawBlock> {
    return this.call('block', { height: String(height) });
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
  }
  return String(error);
}
