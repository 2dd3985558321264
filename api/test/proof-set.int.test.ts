// Proof set v2 per response (verify/PROOF-FORMAT.md §5, docs/decisions/022-batch-layer-cache.md) on
// the real stack: records written through the API, anchored by the in-process indexer on the test's
// own chain node. A page's `extensions.proofSet` verifies with @lianjian/verify against that chain,
// asking it once per batch, and expanded with toBundles it is exactly the v1 bundles of the same
// records; a caller outside scope finds no foreign record in it; and with the batch-layer cache on
// (the default), a batch_level row edited behind the API's back makes online verification fail.
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { createChainChecker, parseBundle, parseProofSet, toBundles, verifyBundle, verifyProofSet, type ChainChecker, type ProofBundle, type ProofSet } from '@lianjian/verify';
import { LayerCache } from '../src/shared/layer-cache.js';
import { apiKeyFor, behindTheBack } from './fixtures.js';
import { ok, type GqlResponse } from './harness.js';
import { untilAnchored } from './e2e-stack.js';
import { e2eSuite } from './suite.js';

const ANCHOR_TIMEOUT_MS = 60_000;

const { s, as: { admin, secretary, member } } = e2eSuite({ sessions: ['admin', 'secretary', 'member'] });

const CREATE_MEMBER = `mutation($input: CreateMemberInput!) { createMember(input: $input) { id version } }`;
const UPDATE_MEMBER = `mutation($id: ID!, $occupation: String!) { updateMember(id: $id, input: { occupation: $occupation }) { version } }`;

interface PageNode {
  id: string;
  version: number;
  name: string;
  proof: { status: string; ref: number; bundle: ProofBundle | null };
}
const PAGE = `query { members(first: 100) { edges { node { id version name proof { status ref bundle } } } } }`;

// The member portal's first view: the member and their record's whole history.
const PORTAL = `query($id: ID!) {
  me { account { member { id version name proof { status ref bundle } } } }
  history(type: "Member", id: $id, first: 100) { edges { node { version data proof { status ref bundle } } } }
}`;
interface Portal {
  me: { account: { member: PageNode } };
  history: { edges: { node: { version: number; data: Record<string, unknown>; proof: PageNode['proof'] } }[] };
}

/** A chain checker that counts the questions it is asked. */
function counting(rpcUrl: string): { chain: ChainChecker; calls: () => number } {
  const inner = createChainChecker(rpcUrl);
  let n = 0;
  return {
    chain: {
      checkBatchRoot: (...args) => {
        n++;
        return inner.checkBatchRoot(...args);
      },
    },
    calls: () => n,
  };
}

function setOf(res: GqlResponse<unknown>): ProofSet {
  expect(res.extensions?.proofSet, 'extensions.proofSet').toBeTruthy();
  return parseProofSet(res.extensions!.proofSet);
}

const readPage = () => s.h.gql<{ members: { edges: { node: PageNode }[] } }>(PAGE, {}, admin);
const pageNodes = (r: GqlResponse<{ members: { edges: { node: PageNode }[] } }>) => ok(r).members.edges.map((e) => e.node);

beforeAll(async () => {
  // A history for the member's own record (m1), and members of b1 written now, in later batches.
  for (const occupation of ['教师', '工程师', '医生', '律师']) ok(await s.h.gql(UPDATE_MEMBER, { id: s.fx.members.m1.id, occupation }, admin));
  for (let i = 0; i < 8; i++) {
    ok(
      await s.h.gql(
        CREATE_MEMBER,
        { input: { orgUnitId: s.fx.units.b1.id, name: `证明集 ${i}`, gender: 'FEMALE', birthDate: '1995-04-02', ethnicity: '汉族', education: 'BACHELOR', appliedOn: '2025-01-06' } },
        secretary,
      ),
    );
  }
  await untilAnchored('the members page', readPage, (r) => pageNodes(r).map((n) => n.proof), ANCHOR_TIMEOUT_MS);
}, 120_000);

describe('proof set v2 in the response', () => {
  it('a members page: the set verifies online with one chain query per batch and is the page’s v1 bundles', async () => {
    const res = await readPage();
    const nodes = pageNodes(res);
    expect(nodes.length).toBeGreaterThanOrEqual(12);
    const set = setOf(res);
    expect(set.records).toHaveLength(nodes.length);
    expect(new Set(nodes.map((n) => n.proof.ref)).size).toBe(nodes.length);
    // Numbered by position in the response, not by the order resolvers finished in: the same every time.
    expect(nodes.map((n) => n.proof.ref)).toEqual(nodes.map((_, i) => i));
    const again = await readPage();
    expect(JSON.stringify([again.data, again.extensions?.proofSet])).toBe(JSON.stringify([res.data, res.extensions?.proofSet]));
    expect(set.batches.length).toBeGreaterThanOrEqual(2);

    const fields = set.records.map(() => ({}) as Record<string, unknown>);
    for (const n of nodes) fields[n.proof.ref] = { name: n.name };
    const { chain, calls } = counting(s.rpcUrl);
    const report = await verifyProofSet(set, { chain, fields });
    expect(report.records.filter((r) => !r.verified).map((r) => r.checks.filter((c) => c.ok === false))).toEqual([]);
    expect(report.verified).toBe(true);
    expect(calls()).toBe(set.batches.length);

    // Expanded, the set is exactly what `proof.bundle` (v1) says for each record.
    const bundles = toBundles(set);
    for (const n of nodes) {
      expect(set.records[n.proof.ref]!.doc).toMatchObject({ type: 'Member', id: n.id, version: n.version });
      expect(bundles[n.proof.ref]).toEqual(n.proof.bundle);
    }
    // A shown name that differs from its record fails that record only.
    const wrong = fields.map((f, k) => (k === nodes[0]!.proof.ref ? { name: `${String(f.name)}改` } : f));
    const bad = await verifyProofSet(set, { chain, fields: wrong });
    expect(bad.records.filter((r) => !r.verified).map((r) => r.record)).toEqual([nodes[0]!.proof.ref]);
  });

  it('the member portal’s first view: the member and their whole history in one set, the current version once', async () => {
    const res = await s.h.gql<Portal>(PORTAL, { id: s.fx.members.m1.id }, member);
    const d = ok(res);
    const me = d.me.account.member;
    const history = d.history.edges.map((e) => e.node);
    expect(history.length).toBe(me.version);
    expect(me.version).toBeGreaterThanOrEqual(5);
    const set = setOf(res);
    // The current version appears twice in the data and once in the set.
    expect(set.records).toHaveLength(history.length);
    expect(history[history.length - 1]!.proof.ref).toBe(me.proof.ref);
    const { chain, calls } = counting(s.rpcUrl);
    const fields = set.records.map(() => ({}) as Record<string, unknown>);
    for (const v of history) fields[v.proof.ref] = v.data;
    const report = await verifyProofSet(set, { chain, fields });
    expect(report.verified).toBe(true);
    expect(calls()).toBe(set.batches.length);
    expect(calls()).toBeLessThan(history.length);
    const bundles = toBundles(set);
    for (const v of history) expect(bundles[v.proof.ref]).toEqual(v.proof.bundle);
  });

  it('a caller outside scope gets no foreign record in the set', async () => {
    const { key } = await apiKeyFor(s.h.prisma, s.fx.units.b1.id, ['Member:read']);
    const res = await s.h.gql<{ mine: { id: string }; page: { edges: { node: { id: string } }[] } }>(
      `query($mine: ID!) { mine: member(id: $mine) { id proof { ref } } page: members(first: 100) { edges { node { id proof { ref } } } } }`,
      { mine: s.fx.members.m1.id },
      { apiKey: key },
    );
    const d = ok(res);
    const visible = new Set([d.mine.id, ...d.page.edges.map((e) => e.node.id)]);
    expect(visible.has(s.fx.members.m4.id)).toBe(false);
    expect(visible.has(s.fx.members.m3.id)).toBe(false);
    const set = setOf(res);
    expect(new Set(set.records.map((r) => r.doc.id))).toEqual(visible);
    expect(set.records).toHaveLength(visible.size);

    // Asked for a member outside its subtree beside one inside: refused, and not in the set.
    const mixed = await s.h.gql(
      `query($mine: ID!, $foreign: ID!) { mine: member(id: $mine) { id proof { ref } } foreign: member(id: $foreign) { id proof { ref } } }`,
      { mine: s.fx.members.m1.id, foreign: s.fx.members.m4.id },
      { apiKey: key },
    );
    expect(mixed.errors?.map((e) => e.extensions.code)).toEqual(['FORBIDDEN']);
    const ids = mixed.extensions?.proofSet ? parseProofSet(mixed.extensions.proofSet).records.map((r) => r.doc.id) : [];
    expect(ids).not.toContain(s.fx.members.m4.id);
    expect(ids.every((id) => id === s.fx.members.m1.id)).toBe(true);
  });

  it('a response that asks for no `ref` carries no set', async () => {
    const res = await s.h.gql(`query { members(first: 5) { edges { node { id proof { status } } } } }`, {}, admin);
    ok(res);
    expect(res.extensions?.proofSet).toBeUndefined();
  });

  it('with the layer cache on, a batch_level row edited behind the API fails online verification of what is served next', async () => {
    const isLevelRead = (q: string) => /\bl\.hashes\b/.test(q) && /batch_level/.test(q);
    // A record whose leaf-level sibling exists (not the odd last leaf of its batch), asked alone, so
    // that its set needs that sibling from the stored level (a page holding the sibling's record
    // computes it from its document instead, and rightly does not depend on the stored node).
    const target = pageNodes(await readPage()).find((n) => n.proof.bundle && (n.proof.bundle.index ^ 1) < n.proof.bundle.batch.size)!;
    const ONE = `query($id: ID!) { member(id: $id) { id name proof { ref bundle } } }`;
    const readOne = () => s.h.gql<{ member: { id: string; name: string; proof: { ref: number; bundle: ProofBundle } } }>(ONE, { id: target.id }, admin);
    await readOne();
    s.h.queries.reset();
    const before = await readOne();
    // The layers come from the cache: no level bytes read, only their row versions.
    expect(s.h.queries.list.filter(isLevelRead)).toEqual([]);
    const b = ok(before).member.proof.bundle;
    expect((await verifyProofSet(setOf(before), { chain: createChainChecker(s.rpcUrl) })).verified).toBe(true);

    // The leaf-level neighbour of the target, edited in its stored level (as tamper.int.test.ts does).
    const db = new pg.Client({ connectionString: s.h.dbUrl });
    await db.connect();
    try {
      await behindTheBack(db, `UPDATE batch_level SET hashes = overlay(hashes PLACING '\\xff'::bytea FROM $2 FOR 1) WHERE batch_seq = $1 AND level = 0`, [b.batch.seq, (b.index ^ 1) * 32 + 1]);
    } finally {
      await db.end();
    }

    s.h.queries.reset();
    const after = await readOne();
    // The row version changed, so the level was read again.
    expect(s.h.queries.list.filter(isLevelRead)).toHaveLength(1);
    const report = await verifyProofSet(setOf(after), { chain: createChainChecker(s.rpcUrl) });
    expect(report.verified).toBe(false);
    expect(report.records[ok(after).member.proof.ref]!.checks.find((c) => c.name === 'path')!.ok).toBe(false);
    // v1 says the same: the served bundle's path no longer leads to the root.
    const v1 = await verifyBundle(parseBundle(ok(after).member.proof.bundle), { chain: createChainChecker(s.rpcUrl) });
    expect(v1.verified).toBe(false);
    expect(v1.checks.find((c) => c.name === 'path')!.ok).toBe(false);
    // Records of the other batches still verify.
    const page = await readPage();
    const pageReport = await verifyProofSet(setOf(page), { chain: createChainChecker(s.rpcUrl) });
    const set = setOf(page);
    const others = pageReport.records.filter((r) => r.b !== null && set.batches[r.b]!.seq !== b.batch.seq);
    expect(others.length).toBeGreaterThan(0);
    for (const r of others) expect(r.verified).toBe(true);
  });

  it('the layer cache stays under its cap, least recently used out first, and never answers for another row version', () => {
    const cache = new LayerCache(256);
    const level = (n: number) => new Uint8Array(32 * n).fill(n);
    cache.set(1, 0, 'a', level(2));
    cache.set(1, 1, 'a', level(2));
    cache.set(2, 0, 'a', level(2));
    expect(cache.get(1, 0, 'a')).toEqual(level(2)); // now the most recently used
    cache.set(3, 0, 'a', level(2)); // 256 bytes: full
    cache.set(4, 0, 'a', level(2)); // pushes out the least recently used: (1, 1)
    expect(cache.stats().bytes).toBeLessThanOrEqual(256);
    expect(cache.get(1, 1, 'a')).toBeUndefined();
    expect(cache.get(1, 0, 'a')).toBeDefined();
    // Another version of the row: not answered, and the stale entry is gone.
    expect(cache.get(1, 0, 'b')).toBeUndefined();
    expect(cache.get(1, 0, 'a')).toBeUndefined();
    // A level over a quarter of the cap is not kept.
    cache.set(5, 0, 'a', level(3));
    expect(cache.get(5, 0, 'a')).toBeUndefined();
  });
});
