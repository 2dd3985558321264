// "Any member can recompute their own total" (issue #6), on the real stack: points are booked
// through the API and awardPoints, the in-process indexer anchors them on the test's own chain
// node, and the member — signed in as themselves — fetches their ledger with proof bundles,
// verifies every bundle online with @lianjian/verify against the chain, sums the `points` of the
// proven record documents and finds memberPointsTotal. Then a superuser tampers with the
// database behind the API's back (triggers disabled in this test's own database): the served
// total no longer matches the proven one, and the tampered entry's shown points fail the check.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { createChainChecker, parseBundle, verifyBundle, type ChainChecker, type ProofBundle } from '@lianjian/verify';
import { createContext } from '../src/shared/context.js';
import { awardPoints } from '../src/modules/points/award.js';
import { ensureDefaultRules } from '../src/modules/points/defaults.js';
import { ok, codeOf, type GqlResponse } from './harness.js';
import { e2eSuite } from './suite.js';

const ANCHOR_TIMEOUT_MS = 60_000;

const { s, as: { secretary, member } } = e2eSuite({ clock: new Date('2026-03-10T04:00:00.000Z'), totp: ['secretary'], sessions: ['member'] });
let chain: ChainChecker;

beforeAll(async () => {
  chain = createChainChecker(s.rpcUrl);
  await ensureDefaultRules(s.h.prisma, s.fx.units.root.id, { now: s.h.clock.now });
});

interface Node {
  id: string;
  version: number;
  points: number;
  memberId: string;
  proof: { status: string; bundle: ProofBundle | null };
}
type Served = {
  pointsLedger: { totalCount: number; edges: { node: Node }[] };
  memberPointsTotal: { total: number; entryCount: number; entries: { id: string; version: number }[] };
};

const MINE = `{
  pointsLedger(first: 100) { totalCount edges { node { id version points memberId proof { status bundle } } } }
  memberPointsTotal { total entryCount entries { id version } }
}`;

async function readMine(): Promise<GqlResponse<Served>> {
  return s.h.gql<Served>(MINE, {}, member);
}

/** What the member can prove: each bundle verified online, shown fields checked, the points summed. */
async function recompute(nodes: Node[]): Promise<{ sum: number; keys: string[]; failed: { id: string; reasons: string[] }[] }> {
  let sum = 0;
  const keys: string[] = [];
  const failed: { id: string; reasons: string[] }[] = [];
  const reports = await Promise.all(
    nodes.map((n) => verifyBundle(parseBundle(n.proof.bundle), { chain, fields: { points: n.points, memberId: n.memberId } })),
  );
  nodes.forEach((n, i) => {
    const report = reports[i]!;
    const doc = n.proof.bundle!.document;
    if (!report.verified || doc.type !== 'PointsEntry' || doc.id !== n.id || doc.version !== n.version) {
      failed.push({ id: n.id, reasons: report.checks.filter((c) => c.ok === false).map((c) => `${c.name}: ${c.reason}`) });
      return;
    }
    sum += doc.data.points as number;
    keys.push(`${doc.id}:${doc.version}`);
  });
  return { sum, keys, failed };
}

describe('a member recomputes their total from their own proven entries', () => {
  let proven: { sum: number; keys: string[] };
  let nodes: Node[];

  it('books entries through the API and as events, and the indexer anchors them on chain', async () => {
    const m1 = s.fx.members.m1.id;
    const grant = (input: Record<string, unknown>) =>
      s.h.gql<{ grantPoints: { entry: { id: string; points: number } } }>(`mutation($input: GrantPointsInput!) { grantPoints(input: $input) { entry { id points } } }`, { input }, secretary);
    ok(await grant({ memberId: m1, ruleCode: 'MEETING_ATTENDANCE', reason: '支部党员大会', occurredOn: '2026-03-02' }));
    const big = ok(await grant({ memberId: m1, points: 10, reason: '优秀志愿者', occurredOn: '2026-03-03' })).grantPoints.entry;
    ok(await s.h.gql(`mutation($id: ID!, $input: CorrectPointsEntryInput!) { correctPointsEntry(entryId: $id, input: $input) { id } }`, { id: big.id, input: { points: -4, reason: '多记4分' } }, secretary));
    ok(await grant({ memberId: s.fx.members.m2.id, points: 8, reason: '别人的积分', occurredOn: '2026-03-03' }));
    const system = createContext({ prisma: s.h.prisma, config: s.h.config }, { kind: 'anonymous' }, { ip: '127.0.0.1', userAgent: null });
    for (const ruleCode of ['COURSE_COMPLETED', 'QUIZ_PASSED']) {
      const entry = await s.h.prisma.$transaction((tx) =>
        awardPoints(tx, system, { memberId: m1, orgUnitId: s.fx.units.b1.id, ruleCode, occurredOn: new Date('2026-03-04T00:00:00.000Z'), sourceType: 'CourseCompletion', sourceId: randomUUID(), reason: ruleCode }),
      );
      expect(entry).not.toBeNull();
    }

    const deadline = Date.now() + ANCHOR_TIMEOUT_MS;
    for (;;) {
      nodes = ok(await readMine()).pointsLedger.edges.map((e) => e.node);
      if (nodes.length === 5 && nodes.every((n) => n.proof.status === 'ANCHORED')) break;
      if (Date.now() > deadline) throw new Error(`not anchored after ${ANCHOR_TIMEOUT_MS} ms: ${nodes.map((n) => n.proof.status).join(', ')}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(nodes.every((n) => n.memberId === s.fx.members.m1.id)).toBe(true);
    expect(nodes.every((n) => n.proof.bundle!.anchor !== null)).toBe(true);
  });

  it('every bundle verifies online, and the proven points sum to memberPointsTotal', async () => {
    const served = ok(await readMine());
    const r = await recompute(served.pointsLedger.edges.map((e) => e.node));
    expect(r.failed).toEqual([]);
    // 3 (attendance) + 10 − 4 (grant and its correction) + 5 (course) + 5 (quiz)
    expect(r.sum).toBe(19);
    expect(served.memberPointsTotal.total).toBe(r.sum);
    expect(served.memberPointsTotal.entryCount).toBe(r.keys.length);
    expect(served.memberPointsTotal.entries.map((e) => `${e.id}:${e.version}`).sort()).toEqual([...r.keys].sort());
    proven = r;
  });

  it('a points_entry row changed behind the API: the served total no longer matches the proof, and the changed entry fails its check', async () => {
    expect(proven).toBeDefined();
    const target = nodes.find((n) => n.points === 10)!;
    const c = new pg.Client({ connectionString: s.h.dbUrl });
    await c.connect();
    try {
      // The append-only trigger stops even a superuser, until they switch triggers off.
      await expect(c.query('UPDATE points_entry SET points = 60 WHERE id = $1', [target.id])).rejects.toThrow(/append-only/);
      await c.query('BEGIN');
      await c.query('SET LOCAL session_replication_role = replica');
      await c.query('UPDATE points_entry SET points = 60 WHERE id = $1', [target.id]);
      await c.query('COMMIT');
    } finally {
      await c.end();
    }

    const served = ok(await readMine());
    expect(served.memberPointsTotal.total).toBe(proven.sum + 50);
    const r = await recompute(served.pointsLedger.edges.map((e) => e.node));
    expect(r.sum).not.toBe(served.memberPointsTotal.total);
    expect(r.failed.map((f) => f.id)).toEqual([target.id]);
    expect(r.failed[0]!.reasons.join(' ')).toMatch(/^fields: /);
    // The proof itself still holds: it proves the original 10 points, not what the row says now.
    const bundle = served.pointsLedger.edges.find((e) => e.node.id === target.id)!.node.proof.bundle!;
    expect(bundle.document.data.points).toBe(10);
    expect((await verifyBundle(parseBundle(bundle), { chain })).verified).toBe(true);
  });

  it('an entry inserted behind the API has no proof, so it cannot be counted', async () => {
    const c = new pg.Client({ connectionString: s.h.dbUrl });
    await c.connect();
    const forged = randomUUID();
    try {
      await c.query('BEGIN');
      await c.query('SET LOCAL session_replication_role = replica');
      await c.query(
        `INSERT INTO points_entry (id, org_unit_id, member_id, points, occurred_on, reason) VALUES ($1, $2, $3, 100, '2026-03-05', '伪造')`,
        [forged, s.fx.units.b1.id, s.fx.members.m1.id],
      );
      await c.query('COMMIT');
    } finally {
      await c.end();
    }
    const res = await readMine();
    expect(codeOf(res)).toBe('RECORD_MISSING');
    expect(res.errors![0]!.path).toContain('proof');
    const total = ok(await s.h.gql<{ memberPointsTotal: { total: number; entries: { id: string }[] } }>(`{ memberPointsTotal { total entries { id } } }`, {}, member)).memberPointsTotal;
    expect(total.total).toBe(proven.sum + 50 + 100);
    expect(total.entries.map((e) => e.id)).toContain(forged);
  });
});
