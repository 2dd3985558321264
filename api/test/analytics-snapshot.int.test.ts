// A published snapshot end to end on the real stack (own chain node, in-process indexer): a leader
// publishes the composition of their subtree, the indexer anchors the snapshot and its inputs, and
// verifySnapshot checks it online against the chain. Then rows are changed behind the API's back
// (SQL, with the guards switched off as an attacker with database access would): an input's
// record document, an input's committed leaf, a snapshot figure, and the input list (dropped and
// added inputs) — each is refused with a reason naming the input or the figure.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChainChecker, verifySnapshot, type ProofBundle, type SnapshotInput, type SnapshotReport } from '@lianjian/verify';
import { ok } from './harness.js';
import { e2eSuite } from './suite.js';
import { behindTheBack } from './fixtures.js';

const { s, as: { leader } } = e2eSuite({ sessions: ['leader'] });
let db: pg.Client;
let snapshotId: string;

beforeAll(async () => {
  db = new pg.Client({ connectionString: s.h.dbUrl });
  await db.connect();
});
afterAll(() => db?.end());

interface Served {
  figures: Record<string, unknown>;
  proof: { status: string; bundle: ProofBundle | null };
  inputs: SnapshotInput[];
  statuses: string[];
}

async function fetchSnapshot(): Promise<Served> {
  type Node = { ordinal: number; entityType: string; entityId: string; entityVersion: number; leaf: string; proof: { status: string; bundle: ProofBundle | null } };
  type Q = { analyticsSnapshot: { figures: Record<string, unknown>; proof: { status: string; bundle: ProofBundle | null }; inputs: { endCursor: string | null; hasNextPage: boolean; nodes: Node[] } } };
  const nodes: Node[] = [];
  let after: string | null = null;
  let head: Q['analyticsSnapshot'];
  do {
    head = ok(
      await s.h.gql<Q>(
        `query($id: ID!, $after: String) { analyticsSnapshot(id: $id) { figures proof { status bundle }
           inputs(first: 2, after: $after) { endCursor hasNextPage nodes { ordinal entityType entityId entityVersion leaf proof { status bundle } } } } }`,
        { id: snapshotId, after },
        leader,
      ),
    ).analyticsSnapshot;
    nodes.push(...head.inputs.nodes);
    after = head.inputs.endCursor;
  } while (head.inputs.hasNextPage);
  return {
    figures: head.figures,
    proof: head.proof,
    statuses: [head.proof.status, ...nodes.map((n) => n.proof.status)],
    inputs: nodes.map((n) => ({ ordinal: n.ordinal, entityType: n.entityType, entityId: n.entityId, entityVersion: n.entityVersion, leaf: n.leaf, bundle: n.proof.bundle! })),
  };
}

async function verifyServed(): Promise<SnapshotReport> {
  const v = await fetchSnapshot();
  return verifySnapshot(v.proof.bundle!, v.inputs, { chain: createChainChecker(s.rpcUrl), shownFigures: v.figures });
}

const failures = (r: SnapshotReport) => r.checks.filter((c) => !c.ok);

describe('published snapshot, anchored, verified online', () => {
  it('a leader publishes the composition of their subtree; it and its inputs are anchored and verify on chain', async () => {
    const res = ok(
      await s.h.gql<{ publishAnalyticsSnapshot: { id: string; inputCount: number; figures: { total: number } } }>(
        `mutation($u: ID!) { publishAnalyticsSnapshot(unitId: $u, metric: "composition", title: "第一党总支党员构成") { id inputCount figures } }`,
        { u: s.fx.units.g1.id },
        leader,
      ),
    ).publishAnalyticsSnapshot;
    snapshotId = res.id;
    expect(res.inputCount).toBe(3); // m1, m2, m3
    expect(res.figures.total).toBe(3);

    const deadline = Date.now() + 30_000;
    let served = await fetchSnapshot();
    while (!served.statuses.every((x) => x === 'ANCHORED')) {
      if (Date.now() > deadline) throw new Error(`not anchored: ${served.statuses.join(', ')}`);
      await new Promise((r) => setTimeout(r, 250));
      served = await fetchSnapshot();
    }
    const report = await verifySnapshot(served.proof.bundle!, served.inputs, { chain: createChainChecker(s.rpcUrl), shownFigures: served.figures });
    expect(failures(report)).toEqual([]);
    expect(report).toMatchObject({ verified: true, offline: false, metric: 'composition' });
  });

  it('names the input whose record document was changed after publication', async () => {
    const m1 = s.fx.members.m1.id;
    await behindTheBack(db, `UPDATE outbox_record SET document = replace(document, '"gender":"MALE"', '"gender":"FEMALE"') WHERE entity_type = 'Member' AND entity_id = $1`, [m1]);
    try {
      const r = await verifyServed();
      expect(r.verified).toBe(false);
      const named = failures(r).filter((c) => c.name === 'input').map((c) => c.input);
      expect(named.length).toBeGreaterThan(0);
      expect(named.every((x) => x!.includes(`Member ${m1} v`))).toBe(true);
      expect(failures(r).map((c) => c.figure).filter(Boolean).sort()).toEqual(['byGender.FEMALE', 'byGender.MALE']);
    } finally {
      await behindTheBack(db, `UPDATE outbox_record SET document = replace(document, '"gender":"FEMALE"', '"gender":"MALE"') WHERE entity_type = 'Member' AND entity_id = $1`, [m1]);
    }
    expect((await verifyServed()).verified).toBe(true);
  });

  it('names the input whose committed leaf was changed', async () => {
    const { rows } = await db.query<{ leaf: Buffer; entity_id: string }>(`SELECT leaf, entity_id::text FROM analytics_snapshot_input WHERE snapshot_id = $1 AND ordinal = 1`, [snapshotId]);
    const original = rows[0]!.leaf;
    await behindTheBack(db, `UPDATE analytics_snapshot_input SET leaf = $2 WHERE snapshot_id = $1 AND ordinal = 1`, [snapshotId, Buffer.alloc(32, 7)]);
    try {
      const r = await verifyServed();
      expect(r.verified).toBe(false);
      expect(failures(r).find((c) => c.name === 'input')!.input).toBe(`#1 Member ${rows[0]!.entity_id} v1`);
      expect(failures(r).some((c) => c.name === 'inputRoot')).toBe(true);
    } finally {
      await behindTheBack(db, `UPDATE analytics_snapshot_input SET leaf = $2 WHERE snapshot_id = $1 AND ordinal = 1`, [snapshotId, original]);
    }
  });

  it('names a snapshot figure changed in the database', async () => {
    await behindTheBack(db, `UPDATE analytics_snapshot SET figures = jsonb_set(figures, '{byStage,FULL}', '30') WHERE id = $1`, [snapshotId]);
    try {
      const r = await verifyServed();
      expect(r.verified).toBe(false);
      expect(failures(r).map((c) => [c.name, c.figure])).toEqual([['shown', 'byStage.FULL']]);
    } finally {
      await behindTheBack(db, `UPDATE analytics_snapshot SET figures = jsonb_set(figures, '{byStage,FULL}', '3') WHERE id = $1`, [snapshotId]);
    }
  });

  it('detects a dropped and an added input', async () => {
    const { rows } = await db.query(`SELECT * FROM analytics_snapshot_input WHERE snapshot_id = $1 AND ordinal = 2`, [snapshotId]);
    await behindTheBack(db, `DELETE FROM analytics_snapshot_input WHERE snapshot_id = $1 AND ordinal = 2`, [snapshotId]);
    const dropped = await verifyServed();
    expect(dropped.verified).toBe(false);
    expect(failures(dropped).find((c) => c.name === 'inputList')!.reason).toContain('commits to 3 inputs but 2 were given');
    const row = rows[0] as { entity_type: string; entity_id: string; entity_version: number; leaf: Buffer };
    await behindTheBack(db, `INSERT INTO analytics_snapshot_input (snapshot_id, ordinal, entity_type, entity_id, entity_version, leaf) VALUES ($1, 2, $2, $3, $4, $5)`, [snapshotId, row.entity_type, row.entity_id, row.entity_version, row.leaf]);

    const m4 = s.fx.members.m4.id;
    const { rows: m4rows } = await db.query<{ leaf: Buffer }>(`SELECT leaf FROM outbox_record WHERE entity_type = 'Member' AND entity_id = $1 AND version = 1`, [m4]);
    await behindTheBack(db, `INSERT INTO analytics_snapshot_input (snapshot_id, ordinal, entity_type, entity_id, entity_version, leaf) VALUES ($1, 3, 'Member', $2, 1, $3)`, [snapshotId, m4, m4rows[0]!.leaf]);
    const added = await verifyServed();
    expect(added.verified).toBe(false);
    expect(failures(added).find((c) => c.name === 'inputList')!.input).toBe(`#3 Member ${m4} v1`);
    await behindTheBack(db, `DELETE FROM analytics_snapshot_input WHERE snapshot_id = $1 AND ordinal = 3`, [snapshotId]);
    expect((await verifyServed()).verified).toBe(true);
  });
});
