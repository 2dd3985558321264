// The second executor (docs/decisions/023-compiled-reads.md): the hot partner reads, each
// operation document compiled once to one SQL statement (statement.ts) prepared under its own name,
// answered in one database round trip — credentials, rows, row rules, proofs and the response
// body together. It answers only what it fully understands and only when Apollo would answer with
// data and no error; everything else returns null and http/server.ts hands the request to Apollo
// unchanged. api/test/compiled-reads.int.test.ts holds the two byte for byte.
import type { HeaderMap } from '@apollo/server';
import type { PrismaClient } from '@lianjian/db';
import { createHash } from 'node:crypto';
import pg from 'pg';
import { credentialsFromHeaders, touchCredential } from '../modules/auth/authenticate.js';
import { parseApiKey, SESSION_PREFIX, sameHash, sha256 } from '../modules/auth/tokens.js';
import type { ApiConfig } from '../shared/config.js';
import { PRIVILEGED_ROLES, STAFF_ROLES } from '../shared/principal.js';
import type { Metrics } from '../http/metrics.js';
import { asksRef, planOf, type Plan } from './document.js';
import { withProofSet } from './proof-set.js';
import { readRequest } from './request.js';
import { statementOf } from './statement.js';
import { statsFor } from './stats.js';

/** Distinct documents remembered (compiled or refused); past it the memory starts over. */
const MAX_DOCUMENTS = 500;
/** Longer documents are not looked at (nor remembered): the hot reads are a few hundred characters. */
const MAX_DOCUMENT_LENGTH = 4096;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface Compiled {
  plan: Plan;
  /** The response carries a proof set (some `proof { ref }`). */
  ref: boolean;
  name: string;
  text: string;
}

interface Row {
  kind: 'account' | 'partner';
  valid: boolean;
  key_hash: Buffer | null;
  cred_id: string;
  seen: Date | null;
  ok: boolean | null;
  body: string | null;
  proofs: string | null;
}

export interface CompiledAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface CompiledReads {
  /** The answer, or null: the request is Apollo's. */
  serve(method: string, headers: HeaderMap, body: unknown): Promise<CompiledAnswer | null>;
  close(): Promise<void>;
}

export interface CompiledReadsDeps {
  config: ApiConfig;
  prisma: PrismaClient;
  metrics: Metrics;
  databaseUrl: string;
  poolSize?: number;
}

export function createCompiledReads(deps: CompiledReadsDeps): CompiledReads {
  const { config } = deps;
  const stats = statsFor(config);
  const documents = new Map<string, Compiled | null>();
  let pool: pg.Pool | null = null;
  // After close(), every request is Apollo's: a pool opened then would outlive the server.
  let closed = false;
  const db = () => {
    if (!pool) {
      pool = new pg.Pool({ connectionString: deps.databaseUrl, max: deps.poolSize ?? 10 });
      // An idle connection that breaks (a database restart) must not take the process down; the next query reconnects.
      pool.on('error', (error) => console.error('[api] compiled reads: idle connection failed:', error.message));
    }
    return pool;
  };

  function compiled(query: string): Compiled | null {
    let c = documents.get(query);
    if (c === undefined) {
      const plan = planOf(query);
      if (plan) {
        const ref = asksRef(plan);
        const text = statementOf(plan, ref);
        // Named by its text: one prepared statement per distinct statement, on each connection once.
        c = { plan, ref, text, name: `lj_read_${createHash('sha256').update(text).digest('hex').slice(0, 24)}` };
      } else c = null;
      if (documents.size >= MAX_DOCUMENTS) documents.clear();
      documents.set(query, c);
    }
    return c;
  }

  async function serve(method: string, headers: HeaderMap, body: unknown): Promise<CompiledAnswer | null> {
    if (!config.compiledReads || closed) return null;
    const request = readRequest(method, headers, body);
    const c = request && request.query.length <= MAX_DOCUMENT_LENGTH ? compiled(request.query) : null;
    if (!request || !c) return fellBack();
    const { plan } = c;
    if (request.operationName !== null && request.operationName !== plan.operationName) return fellBack();
    const keys = Object.keys(request.variables);
    const value = request.variables[plan.variable];
    if (keys.length !== 1 || typeof value !== 'string' || !UUID.test(value)) return fellBack();
    if (plan.root === 'members' && plan.first > config.maxPageSize) return fellBack();

    // authenticate.ts's checks before its query; the ones after it are in the statement (and the key's secret below).
    const creds = credentialsFromHeaders(headers);
    if (!creds.bearer === !creds.apiKey) return fellBack();
    let tokenHash: Uint8Array | null = null;
    let keyPrefix: string | null = null;
    if (creds.bearer) {
      if (!creds.bearer.startsWith(SESSION_PREFIX)) return fellBack();
      tokenHash = sha256(creds.bearer);
    } else {
      const parsed = parseApiKey(creds.apiKey!);
      if (!parsed) return fellBack();
      keyPrefix = parsed.prefix;
    }
    const now = config.now();
    let row: Row | undefined;
    try {
      const res = await db().query<Row>({
        name: c.name,
        text: c.text,
        values: [tokenHash ? Buffer.from(tokenHash) : null, keyPrefix, now.toISOString(), PRIVILEGED_ROLES, config.chainId, STAFF_ROLES, value],
      });
      row = res.rows[0];
    } catch (error) {
      // A document that is not JSON, a lost connection…: Apollo answers (and reports) it.
      console.error('[api] compiled read failed, answered by Apollo:', error instanceof Error ? error.message : error);
      return fellBack();
    }
    if (!row || !row.valid) return fellBack();
    if (row.kind === 'partner' && !(row.key_hash && sameHash(row.key_hash, sha256(creds.apiKey!)))) return fellBack();
    if (row.ok !== true || row.body === null) return fellBack();
    const out = c.ref ? withProofSet(row.body, row.proofs) : row.body;
    if (out === null) return fellBack();

    touchCredential(deps.prisma, row.kind, row.cred_id, row.seen, now);
    stats.served++;
    deps.metrics.graphqlRequests.inc({ operation: 'query' });
    // Apollo's prettyJSONStringify ends the body with a newline.
    return { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: `${out}\n` };
  }

  function fellBack(): null {
    if (config.compiledReads) stats.fellBack++;
    return null;
  }

  return {
    serve,
    async close() {
      closed = true;
      const p = pool;
      pool = null;
      await p?.end();
    },
  };
}
