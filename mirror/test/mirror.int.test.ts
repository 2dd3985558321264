// lianjian-mirror against the real stack (issue #21): a chain node of the test's own, the centre's
// database with the fixture organisation, the real indexer anchoring it, the API serving the feed;
// the mirror in its own database with the chain's root of trust. It catches up from zero, follows a
// new write, reports a record deleted, a document edited and a history cut in the centre's
// database by record id, serves bundles lianjian-verify accepts with the API stopped, and its copies
// restore the centre until the auditor is green — a tampered copy is refused.
import { execFile, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { recordData } from '@lianjian/db';
import { freePort } from '@lianjian/db/postgres';
import { appendRecords } from '@lianjian/indexer/outbox';
import { canonicalize, createChainChecker, decodeBase64, encodeBase64, leafHash, parseTrustRoot, toHex, verifyBundle, type ProofBundle, type ProofSet } from '@lianjian/verify';
import { AnchorReader } from '@lianjian/verify/chain';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eStack, type E2eStack } from '../../api/test/e2e-stack.js';
import { apiKeyFor, behindTheBack, sessionFor } from '../../api/test/fixtures.js';
import { ok } from '../../api/test/harness.js';
import { audit } from '../../indexer/src/audit.js';
import { createPool } from '../../indexer/src/db.js';
import { waitFor } from '../../indexer/test/helpers.js';
import { repoRoot } from '../../scripts/lib/chain-node.js';
import { createTestDatabase } from '../../test/db.js';
import { FEED_TUNING } from '../../api/src/modules/mirror-feed/service.js';
import { FeedClient, FeedError, Mirror, restoreRecord, RestoreRefused, startHttp, Store, type RunningHttp, type StoredAlert } from '../src/index.js';

const exec = promisify(execFile);

let s: E2eStack;
let store: Store;
let mirror: Mirror;
let feed: FeedClient;
let http: RunningHttp;
let centre: pg.Pool;
let trustFile: string;

const subtreeCount = async (unitId: string): Promise<number> =>
  (await s.h.prisma.$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM record_position rp JOIN outbox_record o ON o.id = rp.record_id JOIN org_unit u ON u.id = o.org_unit_id, org_unit top
      WHERE top.id = $1::uuid AND u.path LIKE top.path || '%'`,
    unitId,
  ))[0]!.n;

async function allAnchored(): Promise<boolean> {
  const [r] = await s.h.prisma.$queryRawUnsafe<{ n: number }[]>(
    `SELECT (SELECT count(*)::int FROM outbox_record o WHERE NOT EXISTS (SELECT 1 FROM record_position rp WHERE rp.record_id = o.id))
          + (SELECT count(*)::int FROM batch WHERE status <> 'ANCHORED') AS n`,
  );
  return r!.n === 0;
}

async function tamper(sql: string, params: unknown[] = []): Promise<void> {
  const c = new pg.Client({ connectionString: s.h.dbUrl });
  await c.connect();
  try {
    await behindTheBack(c, sql, params);
  } finally {
    await c.end();
  }
}

async function served(type: string, id: string): Promise<{ latest: ProofBundle; versions: ProofBundle[] }> {
  const res = await fetch(`${http.url}/records/${type}/${id}`);
  expect(res.status).toBe(200);
  return (await res.json()) as { latest: ProofBundle; versions: ProofBundle[] };
}

/**
 * A stand-in centre's answer: the request passed on to the test's API (its body, and its content
 * type and credentials, with `headers` set over them), the API's status, type and body sent back.
 */
function forward(req: IncomingMessage, res: ServerResponse, headers: Record<string, string> = {}): void {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const sent: Record<string, string> = {};
    for (const h of ['content-type', 'x-api-key', 'authorization']) if (typeof req.headers[h] === 'string') sent[h] = req.headers[h];
    void fetch(`${s.h.url}${req.url}`, { method: req.method!, headers: { ...sent, ...headers }, ...(req.method === 'POST' ? { body: Buffer.concat(chunks) } : {}) })
      .then(async (r) => {
        res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? 'application/json' });
        res.end(Buffer.from(await r.arrayBuffer()));
      })
      .catch(() => res.destroy());
  });
}

const auditFindings = async () => (await audit(centre, { rpcUrl: s.rpcUrl, writeAlerts: false })).byKind;

beforeAll(async () => {
  s = await startE2eStack();
  trustFile = path.join(s.dir, 'chain', 'trust-root.json');
  const key = (await apiKeyFor(s.h.prisma, s.fx.units.g1.id, ['Mirror:read'], 'g1 mirror')).key;
  const own = await createTestDatabase();
  store = Store.connect(own.url);
  await store.init();
  feed = new FeedClient(`${s.h.url}/graphql`, key);
  mirror = new Mirror({ store, feed, rpcUrl: s.rpcUrl, trustRoot: parseTrustRoot(readFileSync(trustFile, 'utf8')), pageSize: 3, pollMs: 100, recheckMs: 3_600_000 });
  http = await startHttp(store);
  centre = createPool(s.h.dbUrl, { max: 2 });
  await waitFor('the fixture anchored', allAnchored, 120_000, 200);
}, 300_000);

afterAll(async () => {
  await mirror?.stop();
  await http?.close();
  await store?.close();
  await centre?.end();
  await s?.stop();
});

describe('lianjian-mirror', () => {
  it('catches up from zero: every record of its subtree, verified, nothing from outside', async () => {
    expect((await store.state()).position).toBe(-1);
    expect((await store.counts()).documents).toBe(0);
    const r = await mirror.sync();
    const want = await subtreeCount(s.fx.units.g1.id);
    expect(r.stored).toBe(want);
    expect(r.rejected).toBe(0);
    const counts = await store.counts();
    expect(counts.documents).toBe(want);
    expect(counts.batches).toBeGreaterThanOrEqual(1);
    expect(counts.openAlerts).toBe(0);
    const st = await store.state();
    expect(st.unitId).toBe(s.fx.units.g1.id);
    expect(st.headSeq).toBeGreaterThanOrEqual(1);
    expect((await store.versions('Member', s.fx.members.m2.id)).length).toBe(1);
    expect(await store.versions('Member', s.fx.members.m4.id)).toEqual([]); // b3 is outside g1
    // Through proof set v2: each page's set stored once, no bundle per document.
    const held = (await store.pool.query(`SELECT count(*) FILTER (WHERE bundle IS NULL AND set_id IS NOT NULL)::int AS by_set, (SELECT count(*)::int FROM mirror_proof_set) AS sets FROM mirror_document`)).rows[0];
    expect(held.by_set).toBe(want);
    expect(held.sets).toBeGreaterThanOrEqual(Math.ceil(want / 3));
    expect((await store.pool.query(`SELECT count(*)::int AS n FROM mirror_document WHERE leaf_index IS NULL`)).rows[0].n).toBe(0);
    // Read as texts (decision 026): each held document is the centre's stored text byte for byte, its leaf the committed one.
    const mine = (await store.pool.query<{ position: string; document: string; leaf: string }>(`SELECT position::text, document, encode(leaf, 'hex') AS leaf FROM mirror_document ORDER BY position`)).rows;
    const theirs = new Map((await s.h.prisma.$queryRawUnsafe<{ position: string; document: string; leaf: string }[]>(`SELECT rp.position::text, o.document, encode(o.leaf, 'hex') AS leaf FROM record_position rp JOIN outbox_record o ON o.id = rp.record_id`)).map((r) => [r.position, r]));
    expect(mine.map((r) => [r.document, r.leaf])).toEqual(mine.map((r) => [theirs.get(r.position)?.document, theirs.get(r.position)?.leaf]));
    // Resumes where it stood: nothing new, nothing stored twice.
    expect((await mirror.sync()).stored).toBe(0);
    // Every page through GET /mirror-feed (the set as JSON, not a string inside GraphQL): the
    // client kept to it, and the centre counted its pages there.
    expect(feed.plain).toBe(true);
    expect(feed.format).toBe('PROOF_SET');
    const metrics = await (await fetch(`${s.h.url}/metrics`)).text();
    expect(metrics).toMatch(/route="\/mirror-feed",status="200"\} ([1-9]\d*)/);
    expect(Number(/route="\/mirror-feed",status="200"\} (\d+)/.exec(metrics)?.[1])).toBeGreaterThanOrEqual(Math.ceil(want / 3));
  });

  it('the v2 copy serves the same v1 bundles as a mirror fed bundles v1, and they verify with the root of trust', async () => {
    const own = await createTestDatabase();
    const v1Store = Store.connect(own.url);
    try {
      await v1Store.init();
      const key = (await apiKeyFor(s.h.prisma, s.fx.units.g1.id, ['Mirror:read'], 'g1 mirror v1')).key;
      const feed = new FeedClient(`${s.h.url}/graphql`, key, 30_000, 'BUNDLES');
      const r = await new Mirror({ store: v1Store, feed, rpcUrl: s.rpcUrl, trustRoot: parseTrustRoot(readFileSync(trustFile, 'utf8')), pageSize: 4 }).sync();
      expect(r.stored).toBe(await subtreeCount(s.fx.units.g1.id));
      expect((await v1Store.pool.query(`SELECT count(*)::int AS n FROM mirror_document WHERE bundle IS NULL`)).rows[0].n).toBe(0);
      const chain = createChainChecker(s.rpcUrl, { trustRoot: parseTrustRoot(readFileSync(trustFile, 'utf8')) });
      for (const id of [s.fx.members.m1.id, s.fx.members.m2.id, s.fx.units.b1.id]) {
        const type = id === s.fx.units.b1.id ? 'OrgUnit' : 'Member';
        const fromSet = await store.versions(type, id);
        const fromV1 = await v1Store.versions(type, id);
        expect(fromSet.length).toBeGreaterThan(0);
        expect(fromSet.map((d) => JSON.parse(d.bundle) as unknown)).toEqual(fromV1.map((d) => JSON.parse(d.bundle) as unknown));
        expect(fromSet.map((d) => d.document)).toEqual(fromV1.map((d) => d.document));
        for (const d of fromSet) expect((await verifyBundle(JSON.parse(d.bundle) as ProofBundle, { chain })).verified).toBe(true);
      }
    } finally {
      await v1Store.close();
    }
  });

  it("a copy made before its sets knew their positions is brought up to date at start, and serves the same bundles", async () => {
    const sample = [s.fx.members.m1.id, s.fx.members.m2.id];
    const before = await Promise.all(sample.map((id) => store.versions('Member', id)));
    const sets = (await store.pool.query(`SELECT id::text, first_position::text, last_position::text FROM mirror_proof_set ORDER BY id`)).rows;
    expect(sets.length).toBeGreaterThan(0);
    try {
      // As the previous release left it: sets without their positions, the foreign key and the set index.
      await store.pool.query(`UPDATE mirror_proof_set SET first_position = NULL, last_position = NULL`);
      await store.pool.query(`ALTER TABLE mirror_document ADD CONSTRAINT mirror_document_set_id_fkey FOREIGN KEY (set_id) REFERENCES mirror_proof_set (id)`);
      await store.pool.query(`CREATE INDEX mirror_document_set ON mirror_document (set_id) WHERE set_id IS NOT NULL`);
      await store.pool.query(`CREATE INDEX mirror_document_entity ON mirror_document (entity_id)`);
      await store.init();
      expect((await store.pool.query(`SELECT id::text, first_position::text, last_position::text FROM mirror_proof_set ORDER BY id`)).rows).toEqual(sets);
      const left = (await store.pool.query(`SELECT (SELECT count(*)::int FROM pg_constraint WHERE conname = 'mirror_document_set_id_fkey') + (SELECT count(*)::int FROM pg_indexes WHERE indexname IN ('mirror_document_set', 'mirror_document_entity')) AS n`)).rows[0].n;
      expect(left).toBe(0);
      expect(await Promise.all(sample.map((id) => store.versions('Member', id)))).toEqual(before);
    } finally {
      await store.init();
    }
  });

  it('refuses a served proof set with one tampered node: UNVERIFIED alerts, and nothing of the page stored', async () => {
    const own = await createTestDatabase();
    const other = Store.connect(own.url);
    try {
      await other.init();
      const key = (await apiKeyFor(s.h.prisma, s.fx.units.g1.id, ['Mirror:read'], 'g1 mirror tamper')).key;
      const real = new FeedClient(`${s.h.url}/graphql`, key);
      let tampered = 0;
      // A centre (or a path between) that changes one byte of one node of the set it serves.
      const feed = {
        page: async (after: number, first: number, full?: boolean) => {
          const p = await real.page(after, first, full);
          // Served by GET /mirror-feed as texts (decisions 026, 027): the batches in the page's JSON, the texts after it.
          if (!p.textSet) return p;
          const set = structuredClone(p.textSet) as { batches: ProofSet['batches'] };
          const batch = set.batches.find((b) => b.nodes.length > 0);
          if (!batch) return p;
          const nodes = decodeBase64(batch.nodes);
          nodes[0] = nodes[0]! ^ 1;
          batch.nodes = encodeBase64(nodes);
          tampered++;
          return { ...p, textSet: set };
        },
      } as FeedClient;
      const r = await new Mirror({ store: other, feed, rpcUrl: s.rpcUrl, trustRoot: parseTrustRoot(readFileSync(trustFile, 'utf8')), pageSize: 50 }).sync();
      expect(tampered).toBe(1);
      expect(r.stored).toBe(0);
      expect(r.rejected).toBeGreaterThan(0);
      expect((await other.counts()).documents).toBe(0);
      expect((await other.pool.query(`SELECT count(*)::int AS n FROM mirror_proof_set`)).rows[0].n).toBe(0);
      expect((await other.state()).position).toBe(-1); // the page is asked again next round
      const alerts = await other.alerts({ open: true });
      expect(alerts.length).toBe(r.rejected);
      expect(alerts.every((a) => a.kind === 'UNVERIFIED' && a.entityId && a.batchSeq)).toBe(true);
      expect(alerts.some((a) => /^path: .*do not lead to the root/.test(String(a.detail?.reason)))).toBe(true);
    } finally {
      await other.close();
    }
  });

  /**
   * A fresh mirror's catch-up from a feed whose first text page has its first text replaced by `edit`
   * of it (the rest as served), which must say the same JSON: the page is refused whole, nothing
   * stored, the position kept. Answers the open alerts.
   */
  async function refusedWithEditedText(name: string, edit: (text: string) => string): Promise<StoredAlert[]> {
    const own = await createTestDatabase();
    const other = Store.connect(own.url);
    try {
      await other.init();
      const key = (await apiKeyFor(s.h.prisma, s.fx.units.g1.id, ['Mirror:read'], name)).key;
      const real = new FeedClient(`${s.h.url}/graphql`, key);
      const seen: { before?: string; after?: string } = {};
      const feed = {
        page: async (after: number, first: number, full?: boolean) => {
          const p = await real.page(after, first, full);
          if (!p.texts || p.entries.length === 0 || seen.before !== undefined) return p;
          // Record k's text between the k-th and (k+1)-th line break (feed.ts FeedPage.texts).
          const lines = p.texts.toString('utf8').split('\n').slice(1, -1);
          expect(lines).toHaveLength(p.entries.length);
          seen.before = lines[0]!;
          seen.after = edit(lines[0]!);
          lines[0] = seen.after;
          return { ...p, texts: Buffer.from(`\n${lines.join('\n')}\n`) };
        },
      } as FeedClient;
      const r = await new Mirror({ store: other, feed, rpcUrl: s.rpcUrl, trustRoot: parseTrustRoot(readFileSync(trustFile, 'utf8')), pageSize: 50 }).sync();
      expect(seen.after).not.toBe(seen.before);
      expect(JSON.parse(seen.after!)).toEqual(JSON.parse(seen.before!));
      expect(r.stored).toBe(0);
      expect(r.rejected).toBeGreaterThan(0);
      expect((await other.counts()).documents).toBe(0);
      expect((await other.state()).position).toBe(-1);
      const alerts = await other.alerts({ open: true });
      expect(alerts.length).toBeGreaterThan(0);
      expect(alerts.every((a) => a.kind === 'UNVERIFIED')).toBe(true);
      return alerts;
    } finally {
      await other.close();
    }
  }

  it('refuses a served text that says the same in other bytes (one space more): the leaf is of the bytes, so the page is UNVERIFIED and nothing stored', async () => {
    const alerts = await refusedWithEditedText('g1 mirror spaced', (text) => text.replace('{', '{ '));
    expect(alerts.some((a) => /^path: .*do not lead to the root/.test(String(a.detail?.reason)))).toBe(true);
  });

  it('refuses a page whose text has a line break in it (no canonical text has one): its lines no longer match its entries, nothing stored', async () => {
    // Still the same JSON (a line break is whitespace to JSON), one line more on the page. Its texts
    // cannot be told apart from its entries, so the records are not named: one alert per record type
    // of the page (as for any page refused before its records are known), its reason said.
    const alerts = await refusedWithEditedText('g1 mirror broken line', (text) => text.replace('{', '{\n'));
    expect(alerts.every((a) => /lines of documents/.test(String(a.detail?.reason)))).toBe(true);
  });

  it('reads a centre that answers GET /mirror-feed with the proof set (it does not know the text page) and holds the same copy', async () => {
    // A centre of a release before decision 027 (no text page, or decision 026's JSON one the mirror no
    // longer asks for): GET /mirror-feed answers the proof set v2.
    const accepts: string[] = [];
    const older = createServer((req, res) => {
      accepts.push(String(req.headers.accept));
      forward(req, res, { accept: 'application/json' });
    });
    await new Promise<void>((resolve) => older.listen(0, '127.0.0.1', resolve));
    const own = await createTestDatabase();
    const other = Store.connect(own.url);
    try {
      await other.init();
      const key = (await apiKeyFor(s.h.prisma, s.fx.units.g1.id, ['Mirror:read'], 'g1 mirror of a proof-set centre')).key;
      const oldFeed = new FeedClient(`http://127.0.0.1:${(older.address() as AddressInfo).port}/graphql`, key);
      const seen: string[] = [];
      const watched = { page: async (after: number, first: number, full?: boolean) => {
        const p = await oldFeed.page(after, first, full);
        seen.push(p.texts !== undefined ? 'texts' : p.proofSet !== undefined ? 'set' : 'other');
        return p;
      } } as FeedClient;
      const r = await new Mirror({ store: other, feed: watched, rpcUrl: s.rpcUrl, trustRoot: parseTrustRoot(readFileSync(trustFile, 'utf8')), pageSize: 4 }).sync();
      const want = await subtreeCount(s.fx.units.g1.id);
      expect(r.rejected).toBe(0);
      expect(r.stored).toBe(want);
      expect(accepts[0]).toContain('application/vnd.lianjian.mirror-lines');
      expect(new Set(seen)).toEqual(new Set(['set']));
      const rows = async (st: Store) => (await st.pool.query(`SELECT position::text, entity_id::text, version, encode(leaf, 'hex') AS leaf, document, leaf_index FROM mirror_document WHERE position <= $1 ORDER BY position`, [(await other.state()).position])).rows;
      expect(await rows(other)).toEqual(await rows(store));
    } finally {
      await other.close();
      await new Promise((resolve) => older.close(resolve));
    }
  });

  it('stores a page holding a version it already has (put back at a new position): the page goes in without it, by the insert that skips held versions', async () => {
    const own = await createTestDatabase();
    const other = Store.connect(own.url);
    try {
      await other.init();
      const held = (await store.pool.query<{ position: string; entity_type: string; entity_id: string; version: number; org_unit_id: string; batch_seq: number; document: string; leaf: Buffer }>(
        `SELECT position::text, entity_type, entity_id::text, version, org_unit_id::text, batch_seq, document, leaf FROM mirror_document ORDER BY position LIMIT 3`,
      )).rows.map((r) => ({ position: Number(r.position), type: r.entity_type, entityId: r.entity_id, version: r.version, org: r.org_unit_id, batchSeq: r.batch_seq, document: r.document, leaf: r.leaf, bundle: null, leafIndex: 0 }));
      expect(held.length).toBe(3);
      await other.append([held[0]!], held[0]!.position, [], '[]');
      // The first document again at a later position, with the two others: COPY meets the held version.
      await other.append([{ ...held[0]!, position: 1_000_000 }, held[1]!, held[2]!], 1_000_000, [], '[]');
      const rows = (await other.pool.query(`SELECT position::text FROM mirror_document ORDER BY position`)).rows.map((r) => Number(r.position));
      expect(rows).toEqual([held[0]!.position, held[1]!.position, held[2]!.position]);
      expect((await other.state()).position).toBe(1_000_000);
      // A page of new versions only goes in whole by COPY, a backslash, tab, newline and carriage return intact,
      // whether the text came as a string or (a text page's) as bytes, and bytes with nothing to escape as they are.
      const escaped = { ...held[2]!, position: 2_000_000, version: 999, document: '{"data":{"a":"x\\y\t\n\r"},"tab":"\u0009"}' };
      const asBytes = { ...held[2]!, position: 2_000_001, version: 1000, document: Buffer.from(escaped.document) };
      const plainBytes = { ...held[2]!, position: 2_000_002, version: 1001, document: Buffer.from('{"data":{"名":"党员"}}') };
      await other.append([escaped, asBytes, plainBytes], 2_000_002, [], '[]');
      const copied = (await other.pool.query(`SELECT document FROM mirror_document WHERE position >= 2000000 ORDER BY position`)).rows.map((r) => r.document);
      expect(copied).toEqual([escaped.document, escaped.document, '{"data":{"名":"党员"}}']);
    } finally {
      await other.close();
    }
  });

  it('catches up through the GraphQL field from an older centre without GET /mirror-feed (404), asking it once', async () => {
    // An older centre: its API as it was, answering 404 for /mirror-feed (any unknown path) and
    // serving /graphql (here by passing it on to the test's API).
    const asked: string[] = [];
    const older = createServer((req, res) => {
      const at = new URL(req.url ?? '/', 'http://localhost').pathname;
      asked.push(`${req.method} ${at}`);
      if (at !== '/graphql') {
        res.writeHead(404, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ error: 'Not found. The API is at /graphql.', errorZh: '未找到。API 地址为 /graphql。' }));
        return;
      }
      forward(req, res);
    });
    await new Promise<void>((resolve) => older.listen(0, '127.0.0.1', resolve));
    const own = await createTestDatabase();
    const other = Store.connect(own.url);
    try {
      await other.init();
      const key = (await apiKeyFor(s.h.prisma, s.fx.units.g1.id, ['Mirror:read'], 'g1 mirror of an older centre')).key;
      const oldFeed = new FeedClient(`http://127.0.0.1:${(older.address() as AddressInfo).port}/graphql`, key);
      const r = await new Mirror({ store: other, feed: oldFeed, rpcUrl: s.rpcUrl, trustRoot: parseTrustRoot(readFileSync(trustFile, 'utf8')), pageSize: 3 }).sync();
      const want = await subtreeCount(s.fx.units.g1.id);
      expect(r.rejected).toBe(0);
      expect(r.stored).toBe(want);
      expect((await other.counts()).documents).toBe(want);
      // Still proof sets (through the field), not bundles v1.
      expect(oldFeed.plain).toBe(false);
      expect(oldFeed.format).toBe('PROOF_SET');
      const held = (await other.pool.query(`SELECT count(*) FILTER (WHERE bundle IS NULL AND set_id IS NOT NULL)::int AS by_set FROM mirror_document`)).rows[0];
      expect(held.by_set).toBe(want);
      // The same copy as the mirror fed by GET /mirror-feed.
      const rows = async (st: Store) => (await st.pool.query(`SELECT position::text, entity_id::text, version, encode(leaf, 'hex') AS leaf, document FROM mirror_document WHERE position <= $1 ORDER BY position`, [(await other.state()).position])).rows;
      expect(await rows(other)).toEqual(await rows(store));
      // The 404 asked once and remembered: every page after it through /graphql.
      expect(asked.filter((a) => a.endsWith('/mirror-feed'))).toEqual(['GET /mirror-feed']);
      expect(asked[0]).toBe('GET /mirror-feed');
      expect(asked.filter((a) => a === 'POST /graphql').length).toBeGreaterThanOrEqual(Math.ceil(want / 3));
    } finally {
      await other.close();
      await new Promise((resolve) => older.close(resolve));
    }
  });

  it('follows a new write', async () => {
    mirror.start();
    const secretary = await sessionFor(s.h.prisma, s.fx.accounts.secretary.id);
    ok(await s.h.gql(`mutation($id: ID!) { updateMember(id: $id, input: { name: "张三丰" }) { id version } }`, { id: s.fx.members.m1.id }, { token: secretary }));
    const versions = await waitFor('version 2 of m1 in the mirror', async () => {
      const v = await store.versions('Member', s.fx.members.m1.id);
      return v.length === 2 ? v : undefined;
    }, 60_000, 100);
    await mirror.stop();
    expect(JSON.parse(versions[1]!.document).data.name).toBe('张三丰');
    expect((await store.counts()).documents).toBe(await subtreeCount(s.fx.units.g1.id));
  });

  it("each round reports where the mirror stands to the centre, which ADMIN sees as caught up (mirror/src/report.ts)", async () => {
    // The rounds of the case before ran tick(), which ends with the report.
    const st = await store.state();
    const counts = await store.counts();
    const key = await s.h.prisma.apiKey.findFirstOrThrow({ where: { name: 'g1 mirror' }, include: { mirrorReport: true } });
    expect(key.mirrorReport).not.toBeNull();
    expect(Number(key.mirrorReport!.position)).toBe(st.position);
    expect(key.mirrorReport!.headSeq).toBe(st.headSeq);
    expect(key.mirrorReport!.documents).toBe(counts.documents);
    expect(key.mirrorReport!.openAlerts).toBe(counts.openAlerts);
    const admin = await sessionFor(s.h.prisma, s.fx.accounts.admin.id);
    const list = ok(await s.h.gql<{ mirrors: { edges: { node: { keyId: string; unitId: string; state: string; recordsBehind: number; position: number } }[] } }>(
      `{ mirrors(first: 50) { edges { node { keyId unitId state recordsBehind position } } } }`, {}, { token: admin },
    )).mirrors.edges.map((e) => e.node);
    expect(list.find((n) => n.keyId === key.id)).toMatchObject({ unitId: s.fx.units.g1.id, state: 'CAUGHT_UP', recordsBehind: 0, position: st.position });
  });

  it('runs as its own process (lianjian-mirror) with an embedded Postgres, and catches up', async () => {
    const key = (await apiKeyFor(s.h.prisma, s.fx.units.g1.id, ['Mirror:read'], 'g1 mirror process')).key;
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, LIANJIAN_MIRROR_KEY: key };
    delete env.DATABASE_URL; // its own cluster, in --data-dir
    const child = spawn(process.execPath, [path.join(repoRoot, 'mirror/bin/lianjian-mirror.js'), '--feed', s.h.url, '--trust', trustFile, '--rpc', s.rpcUrl, '--data-dir', path.join(s.dir, 'mirror-pg'), '--port', String(port), '--poll-ms', '200'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    try {
      const want = await subtreeCount(s.fx.units.g1.id);
      const status = await waitFor('the process caught up', async () => {
        const st = await fetch(`http://127.0.0.1:${port}/status`).then((r) => r.json() as Promise<{ documents: number; openAlerts: number; unitId: string }>).catch(() => undefined);
        return st && st.documents === want ? st : undefined;
      }, 120_000, 250).catch((error: unknown) => {
        throw new Error(`${String(error)}\n${stderr}`);
      });
      expect(status.unitId).toBe(s.fx.units.g1.id);
      expect(status.openAlerts).toBe(0);
      // The start line is written once the read API listens and the first round has begun: a quick
      // catch-up can be served before that line has reached this process.
      await waitFor('the start line', async () => /read API at http:\/\/127\.0\.0\.1:/.test(stderr) || undefined, 10_000, 50).catch(() => undefined);
      expect(stderr).toMatch(/read API at http:\/\/127\.0\.0\.1:/);
    } finally {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
  }, 180_000);

  it('reports a record deleted, a document edited and a history cut in the centre, by record id', async () => {
    const { m1, m2, m3 } = s.fx.members;
    expect((await mirror.recheck()).alerts).toEqual([]);
    // As someone with database access would: triggers and the record guard off.
    await tamper(`DELETE FROM outbox_record WHERE entity_type = 'Member' AND entity_id = $1::uuid`, [m3.id]);
    await tamper(`DELETE FROM member WHERE id = $1::uuid`, [m3.id]);
    await tamper(`UPDATE outbox_record SET document = replace(document, '李四', '李四（改）') WHERE entity_type = 'Member' AND entity_id = $1::uuid`, [m2.id]);
    await tamper(`DELETE FROM outbox_record WHERE entity_type = 'Member' AND entity_id = $1::uuid AND version = 2`, [m1.id]);
    await tamper(`UPDATE member SET name = '张三', version = 1 WHERE id = $1::uuid`, [m1.id]);
    // m1's version 2 was the log's newest record: with it gone the indexer cannot even find its
    // head (LedgerCorruptError), and neither can the auditor. Either way the centre is not green.
    const found = await auditFindings().catch((error: unknown) => ({ thrown: String(error) }));
    expect(Object.keys(found).length).toBeGreaterThan(0);

    const r = await mirror.recheck();
    const by = (kind: string, id: string) => r.alerts.filter((a) => a.kind === kind && a.entityId === id);
    expect(by('RECORD_DELETED', m3.id)).toHaveLength(1);
    expect(by('DOCUMENT_CHANGED', m2.id)).toHaveLength(1);
    expect(by('HISTORY_CUT', m1.id)).toEqual([expect.objectContaining({ entityType: 'Member', version: 2 })]);
    expect(r.alerts).toHaveLength(3);
    for (const a of r.alerts) expect(a.batchSeq).toBeGreaterThanOrEqual(1);
    const open = await store.alerts({ open: true });
    expect(open.map((a) => `${a.kind} ${a.entityId}`).sort()).toEqual([`DOCUMENT_CHANGED ${m2.id}`, `HISTORY_CUT ${m1.id}`, `RECORD_DELETED ${m3.id}`].sort());
    // Found again, not repeated.
    await mirror.recheck();
    expect(await store.alerts({ open: true })).toHaveLength(3);
  });

  it('a tampered document offered for restore is refused, and nothing is written', async () => {
    const { latest } = await served('Member', s.fx.members.m3.id);
    const forged = structuredClone(latest);
    forged.document.data = { ...forged.document.data, name: '冒名' };
    // Even with its leaf recomputed, the path no longer leads to the root on chain.
    forged.leaf = toHex(leafHash(new TextEncoder().encode(canonicalize(forged.document))));
    const chain = createChainChecker(s.rpcUrl, { trustRoot: parseTrustRoot(readFileSync(trustFile, 'utf8')) });
    const refused = await restoreRecord(centre, forged, { chain }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RestoreRefused);
    expect((refused as RestoreRefused).code).toBe('NOT_VERIFIED');
    const still = await centre.query(`SELECT count(*)::int AS n FROM outbox_record WHERE entity_id = $1::uuid`, [s.fx.members.m3.id]);
    expect(still.rows[0].n).toBe(0);
    // Not a bundle at all.
    expect(((await restoreRecord(centre, { v: 1 }, { chain }).catch((e: unknown) => e)) as RestoreRefused).code).toBe('BAD_BUNDLE');
  });

  it("restored from the mirror's copies, the centre audits green again and the alerts resolve", async () => {
    const { m1, m2, m3 } = s.fx.members;
    const chain = createChainChecker(s.rpcUrl, { trustRoot: parseTrustRoot(readFileSync(trustFile, 'utf8')) });
    // m3 with the operator's command, straight from the mirror's URL (every version it holds).
    const script = await exec(process.execPath, [path.join(repoRoot, 'scripts/run-ts.mjs'), 'scripts/restore-record.ts', '--rpc', s.rpcUrl, '--trust', trustFile, `${http.url}/records/Member/${m3.id}`], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: s.h.dbUrl },
    });
    expect(script.stdout).toMatch(new RegExp(`^RESTORED +Member ${m3.id} v1 at position \\d+ \\(row inserted\\)$`, 'm'));
    const results = [];
    for (const b of (await served('Member', m3.id)).versions) results.push(await restoreRecord(centre, b, { chain }));
    for (const b of (await served('Member', m2.id)).versions) results.push(await restoreRecord(centre, b, { chain }));
    for (const b of (await served('Member', m1.id)).versions) results.push(await restoreRecord(centre, b, { chain }));
    expect(results.map((r) => [r.id, r.version, r.status, r.row])).toEqual([
      [m3.id, 1, 'UNCHANGED', 'UPDATED'],
      [m2.id, 1, 'REPAIRED', 'UPDATED'],
      // Until version 2 is back, version 1 is m1's newest record: its row is set to it, then to version 2.
      [m1.id, 1, 'UNCHANGED', 'UPDATED'],
      [m1.id, 2, 'RESTORED', 'UPDATED'],
    ]);
    expect(await auditFindings()).toEqual({});
    // The indexer goes on: a restored record is below its cursor and never claimed again.
    const r = await mirror.recheck();
    expect(r.alerts).toEqual([]);
    expect(await store.alerts({ open: true })).toEqual([]);
    expect((await store.alerts()).filter((a) => a.resolvedAt !== null)).toHaveLength(3);
    // A second restore changes nothing.
    expect((await restoreRecord(centre, (await served('Member', m3.id)).latest, { chain })).status).toBe('UNCHANGED');
  });

  it('reports a snapshot published with one member left out, naming the member; an honest one passes', async () => {
    const { g1, b3 } = s.fx.units;
    const { m3 } = s.fx.members;
    const admin = await sessionFor(s.h.prisma, s.fx.accounts.admin.id);
    const publish = async () =>
      ok(await s.h.gql<{ publishAnalyticsSnapshot: { id: string } }>(`mutation($u: ID!) { publishAnalyticsSnapshot(unitId: $u, metric: "composition", title: "构成") { id } }`, { u: g1.id }, { token: admin })).publishAnalyticsSnapshot.id;
    const held = (id: string) =>
      waitFor(`snapshot ${id} in the mirror`, async () => {
        await mirror.sync();
        return (await store.versions('AnalyticsSnapshot', id)).length === 1;
      }, 60_000, 200);
    const honest = await publish();
    await held(honest);
    expect((await store.alerts()).filter((a) => a.kind === 'SNAPSHOT_INCOMPLETE')).toEqual([]);
    // A publisher hiding m3: its row moved out of the subtree behind the back for the moment of
    // publication, then back. The snapshot's own proof, figures and input root all check out.
    await tamper(`UPDATE member SET org_unit_id = $2::uuid WHERE id = $1::uuid`, [m3.id, b3.id]);
    let partial: string;
    try {
      partial = await publish();
    } finally {
      await tamper(`UPDATE member SET org_unit_id = $2::uuid WHERE id = $1::uuid`, [m3.id, s.fx.units.b2.id]);
    }
    await held(partial);
    const found = (await store.alerts({ open: true })).filter((a) => a.kind === 'SNAPSHOT_INCOMPLETE');
    expect(found).toEqual([expect.objectContaining({ entityType: 'AnalyticsSnapshot', entityId: partial, detail: expect.objectContaining({ missing: [m3.id], stale: [], unexpected: [] }) })]);
    expect(found[0]!.batchSeq).toBeGreaterThanOrEqual(1);
  });

  it("catches up the same through the centre's position list of a small subtree, page by page, and follows a write made after the list was read", async () => {
    // The fixture's subtrees are large shares of its seven units; counted as small, g1 is read as
    // a benchmark's level-1 unit is: positions listed once, each page read by position.
    const key = (await apiKeyFor(s.h.prisma, s.fx.units.g1.id, ['Mirror:read'], 'g1 mirror by position list')).key;
    const own = await createTestDatabase();
    const other = Store.connect(own.url);
    const share = FEED_TUNING.smallSubtreeShare;
    FEED_TUNING.smallSubtreeShare = 1.01;
    try {
      await other.init();
      const byList = new Mirror({ store: other, feed: new FeedClient(`${s.h.url}/graphql`, key), rpcUrl: s.rpcUrl, trustRoot: parseTrustRoot(readFileSync(trustFile, 'utf8')), pageSize: 2 });
      // What the mirror holds against the centre's own rows of the subtree: positions, ids, leaves.
      const held = async () => (await other.pool.query(`SELECT position::text, entity_type, entity_id::text, version, encode(leaf, 'hex') AS leaf FROM mirror_document ORDER BY mirror_document.position`)).rows;
      const centreRows = async () => (await centre.query(
        `SELECT rp.position::text, o.entity_type, o.entity_id::text, o.version, encode(o.leaf, 'hex') AS leaf
           FROM record_position rp JOIN outbox_record o ON o.id = rp.record_id JOIN org_unit u ON u.id = o.org_unit_id, org_unit top
          WHERE top.id = $1::uuid AND u.path LIKE top.path || '%' AND NOT (o.entity_type = 'Ballot' AND o.version < 2) ORDER BY rp.position`,
        [s.fx.units.g1.id],
      )).rows;
      const r = await byList.sync();
      expect(r.rejected).toBe(0);
      expect(r.stored).toBe(await subtreeCount(s.fx.units.g1.id));
      expect(await held()).toEqual(await centreRows());
      // A write after the list was read: the list is extended by the new range, not read again.
      const secretary = await sessionFor(s.h.prisma, s.fx.accounts.secretary.id);
      ok(await s.h.gql(`mutation($id: ID!) { updateMember(id: $id, input: { name: "李四光" }) { id version } }`, { id: s.fx.members.m2.id }, { token: secretary }));
      await waitFor('the write anchored', allAnchored, 60_000, 100);
      expect((await byList.sync()).stored).toBe(1);
      expect(await held()).toEqual(await centreRows());
      const m2 = await other.versions('Member', s.fx.members.m2.id);
      expect(JSON.parse(m2[m2.length - 1]!.document).data.name).toBe('李四光');
    } finally {
      FEED_TUNING.smallSubtreeShare = share;
      await other.close();
    }
  });

  it('with the API stopped, serves bundles that lianjian-verify accepts with the root of trust; a chain that goes on is a stalled feed', async () => {
    const { m1 } = s.fx.members;
    // The centre's API stops answering (its port closed).
    s.h.api.server.close();
    s.h.api.server.closeAllConnections();
    await expect(mirror.sync()).rejects.toBeInstanceOf(FeedError);

    const { latest, versions } = await served('Member', m1.id);
    expect(versions.map((v) => v.document.version)).toEqual([1, 2]);
    expect(latest.document.data.name).toBe('张三丰');
    const file = path.join(s.dir, 'm1.proof.json');
    writeFileSync(file, JSON.stringify(latest));
    const cli = path.join(repoRoot, 'indexer/test/fixtures/verify-cli.ts');
    // Exit 0 (execFile rejects otherwise), and the report says the chain check rested on the root.
    const out = await exec(process.execPath, ['--conditions=source', '--import', 'tsx', cli, '--rpc', s.rpcUrl, '--trust', trustFile, '--json', file], { cwd: repoRoot });
    const report = JSON.parse(out.stdout) as { verified: boolean; trustRoot: { chainId: string } | null };
    expect(report.verified).toBe(true);
    expect(report.trustRoot?.chainId).toBe(latest.anchor!.chainId);
    const one = await fetch(`${http.url}/records/Member/${m1.id}/1`);
    expect(one.headers.get('content-type')).toContain('application/vnd.lianjian.proof+json');
    expect(((await one.json()) as ProofBundle).document.version).toBe(1);
    expect((await fetch(`${http.url}/records/Member/${s.fx.members.m4.id}`)).status).toBe(404);
    expect((await fetch(`${http.url}/records/Member/${m1.id}`, { method: 'POST' })).status).toBe(405);

    // The chain goes on (the indexer anchors a write made while the API is down); the feed does not.
    const unit = s.fx.units.b2;
    await s.h.prisma.$transaction(async (tx) => {
      const row = await tx.orgUnit.update({ where: { id: unit.id }, data: { name: '第二党支部（新）', version: { increment: 1 } } });
      await appendRecords(tx, [{ type: 'OrgUnit', id: row.id, version: row.version, org: row.id, actor: 'system', data: recordData('OrgUnit', row) }]);
    });
    const { headSeq } = await store.state();
    await waitFor('a batch on chain beyond the feed head', async () => Number((await new AnchorReader(s.rpcUrl).readLatest()).latestSeq) > headSeq, 60_000, 200);
    const stall = new Mirror({ store, feed: new FeedClient(`${s.h.url}/graphql`, 'unused'), rpcUrl: s.rpcUrl, stallMs: 0 });
    expect((await stall.stallCheck()).stalled).toBe(true);
    const alerts = (await store.alerts({ open: true })).filter((a) => a.kind !== 'SNAPSHOT_INCOMPLETE');
    expect(alerts).toEqual([expect.objectContaining({ kind: 'FEED_STALLED', detail: expect.objectContaining({ headSeq }) })]);
    const status = (await (await fetch(`${http.url}/status`)).json()) as { lastAlert: { kind: string }; openAlerts: number };
    expect(status.openAlerts).toBe(2); // with the snapshot's
    expect(status.lastAlert.kind).toBe('FEED_STALLED');
    // What the MirrorBehind alert reads: behind since the stall check, so the lag is counting.
    const metrics = await (await fetch(`${http.url}/metrics`)).text();
    expect(metrics).toMatch(/^lianjian_mirror_open_alerts 2$/m);
    expect(Number(metrics.match(/^lianjian_mirror_lag_seconds (\S+)$/m)?.[1])).toBeGreaterThan(0);
  });
});
