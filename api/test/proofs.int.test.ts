// Proofs on results: every Member/OrgUnit carries its record's proof; bundles verify offline
// (document hash, audit path) with @lianjian/verify; a page costs the same number of queries
// whatever its size (DataLoader batching).
import { verifyBundle, parseBundle, type ProofBundle } from '@lianjian/verify';
import { describe, expect, it } from 'vitest';
import { anchorPending } from './fixtures.js';
import { apiSuite } from './suite.js';

const { h, fx, as: { admin } } = apiSuite({ bulk: 110, sessions: ['admin'] });

const PAGE = `query($n: Int!) { members(first: $n) { edges { node { id version name birthDate stage orgUnit { name proof { status } }
  proof { status batchSeq index leaf path anchor { chainId height txHash time } bundle } } } } }`;

type Node = {
  id: string;
  version: number;
  name: string;
  birthDate: string;
  stage: string;
  proof: { status: string; batchSeq: number | null; index: number | null; anchor: { chainId: string } | null; bundle: ProofBundle | null };
};

describe('proofs', () => {
  it('shows PENDING proofs with the record document before the indexer batches them', async () => {
    const res = await h.gql<{ members: { edges: { node: Node }[] } }>(PAGE, { n: 5 }, admin);
    expect(res.errors).toBeUndefined();
    for (const { node } of res.data!.members.edges) {
      expect(node.proof).toMatchObject({ status: 'PENDING', batchSeq: null, anchor: null, bundle: null });
    }
  });

  it('serves ANCHORED bundles that verify offline and match the shown fields, for a page of 100', async () => {
    const seq = await anchorPending(h.dbUrl);
    const res = await h.gql<{ members: { edges: { node: Node }[] } }>(PAGE, { n: 100 }, admin);
    expect(res.errors).toBeUndefined();
    const nodes = res.data!.members.edges.map((e) => e.node);
    expect(nodes).toHaveLength(100);
    for (const node of nodes) {
      expect(node.proof.status).toBe('ANCHORED');
      expect(node.proof.batchSeq).toBe(seq);
      expect(node.proof.anchor!.chainId).toBe('lianjian-test');
      const bundle = parseBundle(node.proof.bundle);
      expect(bundle.document).toMatchObject({ type: 'Member', id: node.id, version: node.version });
      const report = await verifyBundle(bundle, { fields: { name: node.name, birthDate: node.birthDate, stage: node.stage } });
      expect(report.checks.filter((c) => c.ok === false)).toEqual([]);
      expect(report.checks.find((c) => c.name === 'path')!.ok).toBe(true);
      expect(report.checks.find((c) => c.name === 'fields')!.ok).toBe(true);
    }
  });

  it('detects a shown field that differs from the proven record', async () => {
    const res = await h.gql<{ members: { edges: { node: Node }[] } }>(PAGE, { n: 1 }, admin);
    const node = res.data!.members.edges[0]!.node;
    const report = await verifyBundle(parseBundle(node.proof.bundle), { fields: { name: node.name + '改' } });
    expect(report.checks.find((c) => c.name === 'fields')!.ok).toBe(false);
  });

  it('costs a constant number of queries per page: 100 members with proofs = 10 members', async () => {
    // Not per page: the latest-batch lookup (cached for a second) and the session's last-seen touch.
    const perPage = () => h.queries.list.filter((q) => !/FROM "public"\."batch"|UPDATE "public"\."session"/.test(q));
    await h.gql(PAGE, { n: 10 }, admin);
    h.queries.reset();
    await h.gql(PAGE, { n: 10 }, admin);
    const small = perPage();
    h.queries.reset();
    await h.gql(PAGE, { n: 100 }, admin);
    const large = perPage();
    expect(large.length).toBe(small.length);
    // Session, its account and scope unit; members; their org units (include); the row check's units; proofs.
    expect(large.length).toBeLessThanOrEqual(7);
  });

  it('gives every version of an entity with its proof, through history and record', async () => {
    const id = fx.members.m1.id;
    const upd = await h.gql(`mutation($id: ID!) { updateMember(id: $id, input: { occupation: "工程师" }) { version } }`, { id }, admin);
    expect(upd.errors).toBeUndefined();
    await anchorPending(h.dbUrl);
    const res = await h.gql<{ history: { edges: { node: { version: number; data: Record<string, unknown>; proof: { status: string; bundle: ProofBundle } } }[] } }>(
      `query($id: ID!) { history(type: "Member", id: $id, first: 10) { edges { node { version data proof { status bundle } } } } }`,
      { id },
      admin,
    );
    expect(res.errors).toBeUndefined();
    const versions = res.data!.history.edges.map((e) => e.node);
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    for (const v of versions) {
      expect(v.proof.status).toBe('ANCHORED');
      const report = await verifyBundle(parseBundle(v.proof.bundle), { fields: { occupation: v.data.occupation } });
      expect(report.checks.filter((c) => c.ok === false)).toEqual([]);
    }
    const rec = await h.gql<{ record: { version: number; proof: { bundle: ProofBundle } } }>(
      `query($id: ID!) { record(type: "Member", id: $id) { version proof { bundle } } }`,
      { id },
      admin,
    );
    expect(rec.data!.record.version).toBe(2);
    expect(rec.data!.record.proof.bundle.document.data.occupation).toBe('工程师');
  });

  it('pages history with cursors and refuses foreign ones', async () => {
    const id = fx.members.m1.id;
    const q = `query($id: ID!, $after: String) { history(type: "Member", id: $id, first: 1, after: $after) { pageInfo { hasNextPage endCursor } edges { node { version } } } }`;
    type H = { history: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { version: number } }[] } };
    const p1 = await h.gql<H>(q, { id }, admin);
    expect(p1.data!.history.edges[0]!.node.version).toBe(1);
    expect(p1.data!.history.pageInfo.hasNextPage).toBe(true);
    const p2 = await h.gql<H>(q, { id, after: p1.data!.history.pageInfo.endCursor }, admin);
    expect(p2.data!.history.edges[0]!.node.version).toBe(2);
    expect(p2.data!.history.pageInfo.hasNextPage).toBe(false);
    const bad = await h.gql(q, { id, after: 'xyz' }, admin);
    expect(bad.errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
  });
});
