// The mirror feed (issue #21): a level's key with "Mirror:read" reads its subtree's records in log
// order with their proof bundles v1, page by page and resumable; nothing outside its subtree, no
// record before its batch is anchored, and no other caller at all.
import { createHash } from 'node:crypto';
import { parseBundle, verifyBundle, createChainChecker, leafOfText, parseJson, toBundles, verifyLeaves, verifyProofSet, type ProofSet } from '@lianjian/verify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../indexer/test/helpers.js';
import { startE2eStack, type E2eStack } from './e2e-stack.js';
import { isCatalogued } from '../src/shared/errors.js';
import { FEED_TUNING } from '../src/modules/mirror-feed/service.js';
import { apiKeyFor, behindTheBack, sessionFor } from './fixtures.js';
import { codeOf, ok } from './harness.js';

const FEED = `query($after: Int, $first: Int) { mirrorFeed(after: $after, first: $first) {
  unitId after endPosition hasMore headPosition headSeq
  entries { position type entityId version org batchSeq documentText bundle } } }`;

interface Entry {
  position: number;
  type: string;
  entityId: string;
  version: number;
  org: string;
  batchSeq: number;
  documentText: string;
  bundle: unknown;
}
interface Page {
  mirrorFeed: { unitId: string; after: number; endPosition: number; hasMore: boolean; headPosition: number; headSeq: number; entries: Entry[] };
}

// What a mirror asks of a PROOF_SET page through GraphQL (mirror/src/feed.ts SET_QUERY): what GET
// /mirror-feed answers, with the set as an object.
const SET_PAGE = `query($after: Int, $first: Int) { mirrorFeed(after: $after, first: $first, format: PROOF_SET) {
  unitId after endPosition hasMore headPosition headSeq proofSet
  entries { position type snapshotInputs { ordinal entityType entityId entityVersion leaf } } } }`;

interface PlainPage {
  unitId: string;
  after: number;
  endPosition: number;
  hasMore: boolean;
  headPosition: number;
  headSeq: number;
  entries: { position: number; type: string; snapshotInputs: unknown[] | null }[];
  proofSet: ProofSet | null;
}

interface PlainError {
  message: string;
  extensions: { code: string; messageZh: string };
}

let s: E2eStack;
let g1Key: string;
let b3Key: string;

/** GET /mirror-feed with `search` (e.g. "?after=-1&first=3"), as a key or session; the body parsed and as sent. */
async function plain(search: string, as: { apiKey?: string; token?: string; accept?: string } = {}, method = 'GET'): Promise<{ status: number; headers: Headers; text: string; body: PlainPage & { errors?: PlainError[] } }> {
  const headers: Record<string, string> = {};
  if (as.accept) headers.accept = as.accept;
  if (as.apiKey) headers['x-api-key'] = as.apiKey;
  if (as.token) headers.authorization = `Bearer ${as.token}`;
  const res = await fetch(`${s.h.url}/mirror-feed${search}`, { method, headers });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: JSON.parse(text) as PlainPage & { errors?: PlainError[] } };
}

const TEXTS = 'application/vnd.lianjian.mirror-lines';
type TextPage = Omit<PlainPage, 'proofSet'> & { textSet: { batches: ProofSet['batches']; records: { b: number; i: number }[] } | null; texts: string[] };

/** A GET /mirror-feed page asked for as texts: the page's JSON on its first line, then one stored text per line, each line ended. */
async function textPage(search: string, apiKey: string): Promise<{ status: number; headers: Headers; text: string; page: TextPage }> {
  const res = await fetch(`${s.h.url}/mirror-feed${search}`, { headers: { accept: `${TEXTS}, application/json;q=0.9`, 'x-api-key': apiKey } });
  const text = await res.text();
  const lines = text.split('\n');
  expect(lines.pop(), 'the body ends with a line break').toBe('');
  const head = JSON.parse(lines.shift()!) as Omit<TextPage, 'texts'>;
  return { status: res.status, headers: res.headers, text, page: { ...head, texts: lines } };
}

/** A refusal of GET /mirror-feed: its status, and its one error's catalogued code with both messages. */
async function plainRefusal(search: string, as: { apiKey?: string; token?: string } = {}, method = 'GET'): Promise<[number, string]> {
  const r = await plain(search, as, method);
  expect(r.headers.get('cache-control')).toBe('no-store');
  expect(r.body.errors, r.text).toHaveLength(1);
  const e = r.body.errors![0]!;
  expect(isCatalogued(e.extensions.code), e.extensions.code).toBe(true);
  expect(e.message.length).toBeGreaterThan(0);
  expect(e.extensions.messageZh, r.text).toMatch(/[\u4e00-\u9fff]/);
  return [r.status, e.extensions.code];
}

/** Every GET /mirror-feed page from `after` on. */
async function readAllPlain(key: string, first: number, after = -1): Promise<{ pages: PlainPage[]; texts: string[] }> {
  const pages: PlainPage[] = [];
  const texts: string[] = [];
  for (;;) {
    const r = await plain(`?after=${after}&first=${first}`, { apiKey: key });
    expect(r.status, r.text).toBe(200);
    pages.push(r.body);
    texts.push(r.text);
    after = r.body.endPosition;
    if (!r.body.hasMore) return { pages, texts };
  }
}

/** Every page from `after` on, with `first` per page. */
async function readAll(key: string, first: number, after = -1): Promise<{ entries: Entry[]; pages: number; end: number }> {
  const entries: Entry[] = [];
  let pages = 0;
  for (;;) {
    const p = ok(await s.h.gql<Page>(FEED, { after, first }, { apiKey: key })).mirrorFeed;
    pages++;
    entries.push(...p.entries);
    after = p.endPosition;
    if (!p.hasMore) return { entries, pages, end: after };
  }
}

/** The subtree's record versions as the centre's database holds them, in log order. */
async function subtreeRecords(unitId: string): Promise<{ position: number; id: string; version: number }[]> {
  const rows = await s.h.prisma.$queryRawUnsafe<{ position: string; id: string; version: number }[]>(
    `SELECT rp.position::text, o.entity_id::text AS id, o.version FROM record_position rp JOIN outbox_record o ON o.id = rp.record_id
       JOIN org_unit u ON u.id = o.org_unit_id, org_unit top WHERE top.id = $1::uuid AND u.path LIKE top.path || '%' ORDER BY rp.position`,
    unitId,
  );
  return rows.map((r) => ({ ...r, position: Number(r.position) }));
}

beforeAll(async () => {
  s = await startE2eStack();
  g1Key = (await apiKeyFor(s.h.prisma, s.fx.units.g1.id, ['Mirror:read'], 'g1 mirror')).key;
  b3Key = (await apiKeyFor(s.h.prisma, s.fx.units.b3.id, ['Mirror:read'], 'b3 mirror')).key;
  await waitFor('the fixture anchored', async () => {
    const [r] = await s.h.prisma.$queryRawUnsafe<{ unanchored: number }[]>(
      `SELECT (SELECT count(*)::int FROM outbox_record o WHERE NOT EXISTS (SELECT 1 FROM record_position rp WHERE rp.record_id = o.id))
            + (SELECT count(*)::int FROM batch WHERE status <> 'ANCHORED') AS unanchored`,
    );
    return r!.unanchored === 0;
  }, 120_000, 200);
}, 240_000);

afterAll(() => s?.stop());

describe('mirrorFeed', () => {
  it("serves exactly the key's subtree in log order, each bundle verifying against the chain", async () => {
    const { entries } = await readAll(g1Key, 500);
    const want = await subtreeRecords(s.fx.units.g1.id);
    expect(want.length).toBeGreaterThanOrEqual(5);
    expect(entries.map((e) => [e.position, e.entityId, e.version])).toEqual(want.map((w) => [w.position, w.id, w.version]));
    const ids = new Set(entries.map((e) => e.entityId));
    for (const inside of [s.fx.units.g1.id, s.fx.units.b1.id, s.fx.units.b1g.id, s.fx.members.m1.id, s.fx.members.m2.id, s.fx.members.m3.id]) expect(ids.has(inside), inside).toBe(true);
    for (const outside of [s.fx.units.root.id, s.fx.units.g2.id, s.fx.units.b3.id, s.fx.members.m4.id]) expect(ids.has(outside), outside).toBe(false);
    const chain = createChainChecker(s.rpcUrl);
    for (const e of entries) {
      const bundle = parseBundle(e.bundle);
      expect(bundle.document.id).toBe(e.entityId);
      expect(bundle.batch.seq).toBe(e.batchSeq);
      expect(bundle.anchor).not.toBeNull();
      expect(JSON.stringify(bundle.document)).toBeTruthy();
      const report = await verifyBundle(bundle, { chain });
      expect(report.verified, JSON.stringify(report.checks)).toBe(true);
    }
  });

  it('pages are resumable: small pages from any position give the same log as one big page', async () => {
    const all = await readAll(g1Key, 500);
    const small = await readAll(g1Key, 2);
    expect(small.pages).toBeGreaterThan(2);
    expect(small.entries.map((e) => e.position)).toEqual(all.entries.map((e) => e.position));
    // Resuming after the third record serves the rest, nothing before it.
    const third = all.entries[2]!.position;
    const rest = await readAll(g1Key, 3, third);
    expect(rest.entries.map((e) => e.position)).toEqual(all.entries.filter((e) => e.position > third).map((e) => e.position));
    // Without proofs (a mirror's re-check): the same records and texts, no bundles.
    const texts = ok(await s.h.gql<Page>(`query($after: Int) { mirrorFeed(after: $after, first: 500, proofs: false) { entries { position documentText bundle } } }`, { after: -1 }, { apiKey: g1Key })).mirrorFeed.entries;
    expect(texts.map((e) => [e.position, e.documentText])).toEqual(all.entries.map((e) => [e.position, e.documentText]));
    expect(texts.every((e) => e.bundle === null)).toBe(true);
    // At the head: nothing more, and the head is the last anchored position.
    const head = ok(await s.h.gql<Page>(FEED, { after: all.end }, { apiKey: g1Key })).mirrorFeed;
    expect(head.entries).toEqual([]);
    expect(head.hasMore).toBe(false);
    expect(head.endPosition).toBe(head.headPosition);
    expect(head.headSeq).toBeGreaterThanOrEqual(1);
    // The log walked by windows of one or two positions (a page spans many windows, some with no row
    // of the subtree) serves the same pages as one window a page — bundles, texts and proof sets alike.
    const { windowMin, windowMax } = FEED_TUNING;
    const proofSets = async () => {
      const out: string[] = [];
      for (let after = -1; ; ) {
        const p = ok(await s.h.gql<{ mirrorFeed: { proofSet: string | null; endPosition: number; hasMore: boolean } }>(SET_PAGE, { after, first: 7 }, { apiKey: g1Key })).mirrorFeed;
        out.push(p.proofSet ?? '');
        after = p.endPosition;
        if (!p.hasMore) return out;
      }
    };
    const wide = await proofSets();
    try {
      FEED_TUNING.windowMin = 1;
      FEED_TUNING.windowMax = 2;
      const narrow = await readAll(g1Key, 7);
      expect(narrow.entries.map((e) => [e.position, e.documentText])).toEqual(all.entries.map((e) => [e.position, e.documentText]));
      expect(await proofSets()).toEqual(wide);
    } finally {
      FEED_TUNING.windowMin = windowMin;
      FEED_TUNING.windowMax = windowMax;
    }
  });

  it('as a proof set v2 (format: PROOF_SET): one set per page that verifies, expands to the v1 bundles, and holds only the subtree', async () => {
    const SET = `query($after: Int, $first: Int) { mirrorFeed(after: $after, first: $first, format: PROOF_SET) {
      endPosition hasMore proofSet entries { position type entityId version org batchSeq documentText bundle } } }`;
    const v1 = await readAll(g1Key, 3);
    const chain = createChainChecker(s.rpcUrl);
    let after = -1;
    let pages = 0;
    const seen: Entry[] = [];
    for (;;) {
      const p = ok(await s.h.gql<{ mirrorFeed: { endPosition: number; hasMore: boolean; proofSet: string | null; entries: Entry[] } }>(SET, { after, first: 3 }, { apiKey: g1Key })).mirrorFeed;
      pages++;
      expect(p.entries.every((e) => e.bundle === null)).toBe(true);
      if (p.entries.length) {
        const set = parseJson(p.proofSet!) as ProofSet;
        expect(set.v).toBe(2);
        // Record k is entry k, its document the stored canonical text, spliced as it is.
        expect(set.records.map((r) => JSON.stringify(r.doc))).toEqual(p.entries.map((e) => e.documentText));
        expect(set.records.map((r) => set.batches[r.b!]!.seq)).toEqual(p.entries.map((e) => e.batchSeq));
        const report = await verifyProofSet(set, { chain });
        expect(report.verified, JSON.stringify(report.batches)).toBe(true);
        expect(report.batches).toHaveLength(new Set(p.entries.map((e) => e.batchSeq)).size); // one chain check per batch
        // Expanded, the same bundles v1 serves for the same records.
        const byPosition = new Map(v1.entries.map((e) => [e.position, e.bundle]));
        expect(toBundles(set)).toEqual(p.entries.map((e) => byPosition.get(e.position)));
        seen.push(...p.entries);
      } else {
        expect(p.proofSet).toBeNull();
      }
      after = p.endPosition;
      if (!p.hasMore) break;
    }
    expect(pages).toBeGreaterThan(2);
    // Nothing outside the subtree: the same records as the v1 feed and the database.
    expect(seen.map((e) => e.position)).toEqual(v1.entries.map((e) => e.position));
    const want = await subtreeRecords(s.fx.units.g1.id);
    expect(seen.map((e) => e.entityId)).toEqual(want.map((w) => w.id));
    expect(seen.map((e) => e.entityId)).not.toContain(s.fx.members.m4.id);
  });

  it('GET /mirror-feed serves the GraphQL PROOF_SET pages with the set as an object, the stored texts spliced as they are', async () => {
    const { pages, texts } = await readAllPlain(g1Key, 3);
    expect(pages.length).toBeGreaterThan(2);
    const chain = createChainChecker(s.rpcUrl);
    let after = -1;
    for (const p of pages) {
      expect(p.after).toBe(after);
      after = p.endPosition;
    }
    for (const [n, p] of pages.entries()) {
      const g = ok(await s.h.gql<{ mirrorFeed: Omit<PlainPage, 'proofSet'> & { proofSet: string | null } }>(SET_PAGE, { after: p.after, first: 3 }, { apiKey: g1Key })).mirrorFeed;
      // Field for field the GraphQL page, the set the same JSON: an object here, a string there.
      expect(p).toEqual({ ...g, proofSet: g.proofSet === null ? null : parseJson(g.proofSet) });
      if (g.proofSet !== null) {
        // The very text GraphQL carries as a string, in the body unescaped: serialised once, by the service.
        expect(texts[n]!).toContain(`"proofSet":${g.proofSet}}`);
        const report = await verifyProofSet(p.proofSet!, { chain });
        expect(report.verified, JSON.stringify(report.batches)).toBe(true);
      }
    }
    // The same records, in the same order, as the database's subtree of the key's unit.
    const ids = pages.flatMap((p) => (p.proofSet ? p.proofSet.records.map((r) => (r.doc as { id: string }).id) : []));
    expect(ids).toEqual((await subtreeRecords(s.fx.units.g1.id)).map((w) => w.id));
    expect(pages.every((p) => p.unitId === s.fx.units.g1.id)).toBe(true);
    // Defaults as the field's (after -1, first 500), never cached, JSON.
    const whole = await plain('', { apiKey: g1Key });
    expect(whole.status).toBe(200);
    expect(whole.headers.get('cache-control')).toBe('no-store');
    expect(whole.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(whole.body.after).toBe(-1);
    expect(whole.body.entries.map((e) => e.position)).toEqual(pages.flatMap((p) => p.entries.map((e) => e.position)));
    // At the head: an empty page, proofSet null, as the field.
    const head = await plain(`?after=${pages[pages.length - 1]!.endPosition}&first=3`, { apiKey: g1Key });
    expect(head.body).toEqual(expect.objectContaining({ entries: [], hasMore: false, proofSet: null }));
  });

  it("GET /mirror-feed asked for texts: the page's JSON, then each stored text on its own line byte for byte, whose hashes verifyLeaves proves", async () => {
    const { pages } = await readAllPlain(g1Key, 3);
    const sha256 = (...parts: (Uint8Array | string)[]) => {
      const h = createHash('sha256');
      for (const p of parts) h.update(p);
      return h.digest();
    };
    const chain = createChainChecker(s.rpcUrl);
    const stored = new Map((await s.h.prisma.$queryRawUnsafe<{ position: string; document: string }[]>(`SELECT rp.position::text, o.document FROM record_position rp JOIN outbox_record o ON o.id = rp.record_id`)).map((r) => [Number(r.position), r.document]));
    // Both ways the centre reads a page: by walking the log, and by a small subtree's position list.
    const share = FEED_TUNING.smallSubtreeShare;
    try {
    for (const [n, p] of [...pages, ...pages].entries()) {
      if (n === pages.length) FEED_TUNING.smallSubtreeShare = 1.01;
      const r = await textPage(`?after=${p.after}&first=3`, g1Key);
      expect(r.status, r.text).toBe(200);
      expect(r.headers.get('content-type')).toBe(`${TEXTS}; charset=utf-8`);
      expect(r.headers.get('vary')).toBe('accept');
      const t = r.page;
      expect('proofSet' in t).toBe(false);
      // Everything but the documents' shape is the proof-set page's.
      const { proofSet, ...rest } = p;
      expect({ ...t, textSet: undefined, texts: undefined }).toEqual({ ...rest, textSet: undefined, texts: undefined });
      if (proofSet === null) {
        expect(t.textSet).toBeNull();
        expect(t.texts).toEqual([]);
        continue;
      }
      expect(t.textSet).toEqual({ batches: proofSet.batches, records: proofSet.records.map(({ b, i }) => ({ b, i })) });
      // Each text is the stored one, byte for byte (not re-serialised or escaped), in entry order.
      expect(t.texts).toEqual(t.entries.map((e) => stored.get(e.position)));
      const report = await verifyLeaves(t.textSet!.batches, t.textSet!.records, t.texts.map((x) => leafOfText(x, sha256)), { chain, sha256 });
      expect(report.verified, JSON.stringify(report.batches)).toBe(true);
    }
    } finally {
      FEED_TUNING.smallSubtreeShare = share;
    }
    // Asked for anything else (or nothing, or decision 026's JSON texts), the proof set as before.
    for (const accept of ['application/json', 'application/vnd.lianjian.mirror-texts+json']) {
      const other = await plain('?after=-1&first=3', { apiKey: g1Key, accept });
      expect(other.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(other.body.proofSet).toEqual(pages[0]!.proofSet);
    }
  });

  it("reads the next proof-set page's rows ahead: taken by the request that asks for them within prefetchMs, read afresh otherwise", async () => {
    const page = async (after: number) => {
      const r = await textPage(`?after=${after}&first=3`, g1Key);
      expect(r.status, r.text).toBe(200);
      return r.page;
    };
    const first = await page(-1);
    expect(first.hasMore).toBe(true);
    const second = await page(first.endPosition); // read ahead by the first
    const position = second.entries[0]!.position;
    const [row] = await s.h.prisma.$queryRawUnsafe<{ id: string; document: string }[]>(`SELECT o.id::text, o.document FROM record_position rp JOIN outbox_record o ON o.id = rp.record_id WHERE rp.position = $1`, position);
    const db = new pg.Client({ connectionString: s.h.dbUrl });
    await db.connect();
    const prefetchMs = FEED_TUNING.prefetchMs;
    try {
      // The first page asked again reads the second page's rows ahead; the row changes after that read
      // (a generous prefetchMs, so that a loaded machine's pauses do not expire it).
      FEED_TUNING.prefetchMs = 30_000;
      await page(-1);
      await new Promise((resolve) => setTimeout(resolve, 1_000)); // the read ahead (three rows) has run
      await behindTheBack(db, `UPDATE outbox_record SET document = $2 WHERE id::text = $1`, [row!.id, row!.document.replace('{', '{ ')]);
      // Taken: the rows as read a moment before the change, as if asked a moment earlier.
      expect((await page(first.endPosition)).texts[0]).toBe(row!.document);
      // Not read ahead this time (no page before it was asked for), or past prefetchMs: the row as it is now.
      expect((await page(first.endPosition)).texts[0]).toBe(row!.document.replace('{', '{ '));
      FEED_TUNING.prefetchMs = 0;
      await page(-1);
      expect((await page(first.endPosition)).texts[0]).toBe(row!.document.replace('{', '{ '));
    } finally {
      FEED_TUNING.prefetchMs = prefetchMs;
      await behindTheBack(db, `UPDATE outbox_record SET document = $2 WHERE id::text = $1`, [row!.id, row!.document]);
      await db.end();
    }
    expect((await page(first.endPosition)).texts).toEqual(second.texts);
  });

  it('takes the short last page read ahead while the head stays where it was read to, and reads it afresh once the head has moved', async () => {
    const { pages } = await readAllPlain(g1Key, 3);
    const last = pages[pages.length - 1]!;
    const before = pages[pages.length - 2]!;
    expect(last.hasMore).toBe(false);
    expect(last.entries.length).toBeGreaterThan(0);
    expect(before.hasMore).toBe(true);
    const page = async (after: number) => {
      const r = await textPage(`?after=${after}&first=3`, g1Key);
      expect(r.status, r.text).toBe(200);
      return r.page;
    };
    const head = async () => Number((await s.h.prisma.$queryRawUnsafe<{ last: string }[]>(`SELECT max(last_position)::text AS last FROM batch WHERE status = 'ANCHORED'`))[0]!.last);
    const [row] = await s.h.prisma.$queryRawUnsafe<{ id: string; document: string }[]>(`SELECT o.id::text, o.document FROM record_position rp JOIN outbox_record o ON o.id = rp.record_id WHERE rp.position = $1`, last.entries[0]!.position);
    const spaced = row!.document.replace('{', '{ ');
    const db = new pg.Client({ connectionString: s.h.dbUrl });
    await db.connect();
    const prefetchMs = FEED_TUNING.prefetchMs;
    try {
      FEED_TUNING.prefetchMs = 30_000;
      await page(before.after); // reads the last page ahead
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      await behindTheBack(db, `UPDATE outbox_record SET document = $2 WHERE id::text = $1`, [row!.id, spaced]);
      // The head has not moved: the rows read ahead are the page as of a moment ago.
      expect((await page(last.after)).texts[0]).toBe(row!.document);
      // Read ahead again (the text spaced), the text put back, then a write is anchored and the head
      // moves: the page is read afresh.
      await page(before.after);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      await behindTheBack(db, `UPDATE outbox_record SET document = $2 WHERE id::text = $1`, [row!.id, row!.document]);
      const was = await head();
      const secretary = await sessionFor(s.h.prisma, s.fx.accounts.secretary.id);
      ok(await s.h.gql(`mutation($id: ID!) { updateMember(id: $id, input: { name: "李四光" }) { id version } }`, { id: s.fx.members.m2.id }, { token: secretary }));
      await waitFor('the head to move', async () => ((await head()) > was ? true : undefined), 60_000, 200);
      const fresh = await page(last.after);
      expect(fresh.texts[0]).toBe(row!.document);
      expect(fresh.headPosition).toBeGreaterThan(was);
    } finally {
      FEED_TUNING.prefetchMs = prefetchMs;
      await behindTheBack(db, `UPDATE outbox_record SET document = $2 WHERE id::text = $1`, [row!.id, row!.document]);
      await db.end();
    }
  });

  it("another level's key reads its own subtree only", async () => {
    const { entries } = await readAll(b3Key, 100);
    const want = await subtreeRecords(s.fx.units.b3.id);
    expect(entries.map((e) => e.entityId).sort()).toEqual(want.map((w) => w.id).sort());
    expect(entries.map((e) => e.entityId)).toContain(s.fx.members.m4.id);
    expect(entries.map((e) => e.entityId)).not.toContain(s.fx.members.m1.id);
    // The same through GET /mirror-feed: b3's records, none of g1's.
    const { pages } = await readAllPlain(b3Key, 100);
    const ids = pages.flatMap((p) => (p.proofSet ? p.proofSet.records.map((r) => (r.doc as { id: string }).id) : []));
    expect(ids).toEqual(want.map((w) => w.id));
    expect(ids).toContain(s.fx.members.m4.id);
    expect(ids).not.toContain(s.fx.members.m1.id);
    expect(pages.every((p) => p.unitId === s.fx.units.b3.id)).toBe(true);
  });

  it('refuses sessions, keys without the scope, revoked keys and bad arguments — the field and GET /mirror-feed alike', async () => {
    const partner = (await apiKeyFor(s.h.prisma, s.fx.units.g1.id, ['Member:read', 'OrgUnit:read'])).key;
    expect(codeOf(await s.h.gql(FEED, {}, { apiKey: partner }))).toBe('FORBIDDEN');
    expect(await plainRefusal('', { apiKey: partner })).toEqual([403, 'FORBIDDEN']);
    const admin = await sessionFor(s.h.prisma, s.fx.accounts.admin.id);
    expect(codeOf(await s.h.gql(FEED, {}, { token: admin }))).toBe('FORBIDDEN');
    expect(await plainRefusal('', { token: admin })).toEqual([403, 'FORBIDDEN']);
    expect(codeOf(await s.h.gql(FEED, {}))).toBe('UNAUTHENTICATED');
    expect(await plainRefusal('')).toEqual([401, 'UNAUTHENTICATED']);
    expect(await plainRefusal('', { apiKey: 'ljk_not_a_key' })).toEqual([401, 'UNAUTHENTICATED']);
    // A revoked mirror key: refused from the next request on, by both.
    const revoked = await apiKeyFor(s.h.prisma, s.fx.units.g1.id, ['Mirror:read'], 'revoked mirror');
    expect((await plain('?first=1', { apiKey: revoked.key })).status).toBe(200);
    ok(await s.h.gql(`mutation($id: ID!) { revokeApiKey(id: $id) { id } }`, { id: revoked.id }, { token: admin }));
    expect(codeOf(await s.h.gql(FEED, {}, { apiKey: revoked.key }))).toBe('UNAUTHENTICATED');
    expect(await plainRefusal('?first=1', { apiKey: revoked.key })).toEqual([401, 'UNAUTHENTICATED']);
    // Arguments: the field's refusals, and the ones a query string can add (not a number, repeated, unknown).
    expect(codeOf(await s.h.gql(FEED, { first: 0 }, { apiKey: g1Key }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await s.h.gql(FEED, { first: 5000 }, { apiKey: g1Key }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await s.h.gql(FEED, { after: -2 }, { apiKey: g1Key }))).toBe('BAD_USER_INPUT');
    for (const bad of ['?first=0', '?first=5000', '?after=-2', '?first=2.5', '?after=abc', '?after=', '?after=1&after=2', '?format=BUNDLES', '?after=1e3']) {
      expect(await plainRefusal(bad, { apiKey: g1Key }), bad).toEqual([400, 'BAD_USER_INPUT']);
    }
    // Who asks is checked before what is asked: a stranger's bad arguments are still UNAUTHENTICATED.
    expect(await plainRefusal('?first=0')).toEqual([401, 'UNAUTHENTICATED']);
    expect(await plainRefusal('', { apiKey: g1Key }, 'POST')).toEqual([405, 'BAD_REQUEST']);
  });

  it('serves a new write once its batch is anchored, after the position a reader had reached', async () => {
    const { end } = await readAll(g1Key, 500);
    const secretary = await sessionFor(s.h.prisma, s.fx.accounts.secretary.id);
    const m1 = s.fx.members.m1.id;
    ok(await s.h.gql(`mutation($id: ID!) { updateMember(id: $id, input: { name: "张三丰" }) { id version } }`, { id: m1 }, { token: secretary }));
    const fresh = await waitFor('the new version in the feed', async () => {
      const p = ok(await s.h.gql<Page>(FEED, { after: end }, { apiKey: g1Key })).mirrorFeed;
      return p.entries.find((e) => e.entityId === m1) ? p : undefined;
    }, 60_000, 200);
    const e = fresh.entries.find((x) => x.entityId === m1)!;
    expect(e.version).toBe(2);
    expect(e.position).toBeGreaterThan(end);
    expect(JSON.parse(e.documentText).data.name).toBe('张三丰');
    // Only anchored batches travel: the entry's batch is on chain, and so is every one up to the head.
    const [b] = await s.h.prisma.$queryRawUnsafe<{ status: string }[]>(`SELECT status::text FROM batch WHERE seq = $1`, e.batchSeq);
    expect(b!.status).toBe('ANCHORED');
    expect(parseBundle(e.bundle).anchor).not.toBeNull();
  });
});
