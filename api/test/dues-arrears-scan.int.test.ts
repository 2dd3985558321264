// The dues arrears scan run by the system on a schedule, as several API processes run it: scans
// started at the same moment from separate connection pools raise each case exactly once; a scan
// waits for the advisory lock another scanner holds; two schedules running side by side raise
// the next month's case once and extend the open one once; the interval is a setting, off unless
// asked for (tests, defaultConfig) and refused when mistyped.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrisma, type PrismaClient } from '@lianjian/db';
import { configFromEnv, defaultConfig } from '../src/shared/config.js';
import { startArrearsSchedule } from '../src/modules/dues/arrears-scan.js';
import { scanArrears } from '../src/modules/dues/service.js';
import { ok } from './harness.js';
import { apiSuite } from './suite.js';

const LONG = { expiresAt: new Date('2100-01-01T00:00:00Z') };

const { h, fx, as: { secretary } } = apiSuite({ sessions: ['secretary'], expiresAt: LONG.expiresAt });
/** Two more pools on the same database: the connections of two more API processes. */
let others: PrismaClient[];

beforeAll(async () => {
  others = [createPrisma(h.dbUrl, { max: 3 }), createPrisma(h.dbUrl, { max: 3 })];
  h.clock.now = new Date('2026-08-15T04:00:00.000Z');
  const declare = async (input: Record<string, unknown>) => {
    const b = ok(await h.gql<{ declareDuesBase: { id: string } }>(`mutation($input: DeclareDuesBaseInput!) { declareDuesBase(input: $input) { id } }`, { input: { year: 2026, ...input } }, secretary)).declareDuesBase;
    ok(await h.gql(`mutation($id: ID!) { checkDuesBase(id: $id) { id } }`, { id: b.id }, secretary));
  };
  // m2 pays nothing: January–July unpaid by mid-August. m1 pays January and February: March–July
  // is five months, one short of a case until September.
  await declare({ memberId: fx.members.m2.id, category: 'RETIRED', baseFen: 500_000 });
  await declare({ memberId: fx.members.m1.id, category: 'IN_WORK', baseFen: 300_001 });
  ok(await h.gql(`mutation($input: RecordDuesPaymentInput!) { recordDuesPayment(input: $input) { id } }`, { input: { memberId: fx.members.m1.id, months: ['2026-01', '2026-02'], amountFen: 6000, method: 'CASH' } }, secretary));
}, 120_000);

afterAll(() => Promise.all((others ?? []).map((p) => p.$disconnect())));

const cases = () => h.prisma.duesArrearsCase.findMany({ orderBy: [{ memberId: 'asc' }, { fromMonth: 'asc' }] });
const caseRecords = () => h.prisma.outboxRecord.findMany({ where: { entityType: 'DuesArrearsCase' }, orderBy: [{ entityId: 'asc' }, { version: 'asc' }], select: { entityId: true, version: true } });

describe('the arrears scan', () => {
  it('is off unless configured: defaultConfig (tests) has no interval; the environment sets it, 0 turns it off, a typo is refused', () => {
    expect(h.config.duesArrearsScanMs).toBeNull();
    expect(defaultConfig().duesArrearsScanMs).toBeNull();
    expect(configFromEnv({}).duesArrearsScanMs).toBe(6 * 3600_000);
    expect(configFromEnv({ LIANJIAN_DUES_ARREARS_SCAN_MS: '900000' }).duesArrearsScanMs).toBe(900_000);
    expect(configFromEnv({ LIANJIAN_DUES_ARREARS_SCAN_MS: '0' }).duesArrearsScanMs).toBeNull();
    expect(() => configFromEnv({ LIANJIAN_DUES_ARREARS_SCAN_MS: '6h' })).toThrow(/LIANJIAN_DUES_ARREARS_SCAN_MS/);
    expect(() => configFromEnv({ LIANJIAN_DUES_ARREARS_SCAN_MS: '5' })).toThrow(/at least 1000/);
  });

  it('waits for the lock another scanner holds', async () => {
    const holder = new pg.Client({ connectionString: h.dbUrl });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query(`SELECT pg_advisory_xact_lock(hashtextextended('lianjian:dues-arrears-scan', 0))`);
      let done = false;
      const scan = scanArrears(others[0]!, h.clock.now, null).then((r) => {
        done = true;
        return r;
      });
      await new Promise((r) => setTimeout(r, 700));
      expect(done).toBe(false);
      await holder.query('ROLLBACK');
      // Nothing was raised while it waited; it raises m2's case once the lock is free.
      expect((await scan).map((c) => c.memberId)).toEqual([fx.members.m2.id]);
    } finally {
      await holder.end();
    }
    // Undo, so the next test starts from no cases (the guards refuse a case without its record, so both go).
    await h.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL session_replication_role = replica`;
      await tx.$executeRaw`DELETE FROM outbox_record WHERE entity_type = 'DuesArrearsCase'`;
      await tx.$executeRaw`DELETE FROM dues_arrears_case`;
    });
    expect(await cases()).toEqual([]);
  });

  it('raises exactly one case when three processes scan at the same moment, twice each', async () => {
    const pools = [h.api.prisma, ...others];
    const results = await Promise.all([...pools, ...pools].map((p) => scanArrears(p, h.clock.now, null)));
    // Every scan finished (none failed on the unique key); one of them raised the case.
    expect(results.flat().map((c) => [c.memberId, c.fromMonth, c.toMonth, c.months])).toEqual([[fx.members.m2.id, '2026-01', '2026-07', 7]]);
    const all = await cases();
    expect(all.map((c) => [c.memberId, c.fromMonth, c.toMonth, c.status, c.version])).toEqual([[fx.members.m2.id, '2026-01', '2026-07', 'OPEN', 1]]);
    expect(await caseRecords()).toEqual([{ entityId: all[0]!.id, version: 1 }]);
  });

  it('two schedules side by side raise the next month’s new case once and extend the open one once', async () => {
    h.clock.now = new Date('2026-09-15T04:00:00.000Z');
    const scans: number[][] = [[], []];
    const errors: unknown[] = [];
    const schedules = others.map((p, i) =>
      startArrearsSchedule(p, h.config, { intervalMs: 150, firstRunMs: 0, onScan: (n) => scans[i]!.push(n), onError: (e) => errors.push(e) }),
    );
    try {
      const deadline = Date.now() + 20_000;
      while (scans.some((s) => s.length < 3)) {
        if (Date.now() > deadline) throw new Error(`schedules scanned ${scans.map((s) => s.length).join(' and ')} times`);
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      await Promise.all(schedules.map((s) => s.stop()));
    }
    expect(errors).toEqual([]);
    // m2's case grew by August (extended once, version 2); m1's March–August is a new case.
    const all = await cases();
    expect(all.map((c) => [c.memberId, c.fromMonth, c.toMonth, c.months, c.status, c.version]).sort()).toEqual(
      [
        [fx.members.m1.id, '2026-03', '2026-08', 6, 'OPEN', 1],
        [fx.members.m2.id, '2026-01', '2026-08', 8, 'OPEN', 2],
      ].sort(),
    );
    expect(scans.flat().reduce((a, b) => a + b, 0)).toBe(2);
    const m2Case = all.find((c) => c.memberId === fx.members.m2.id)!;
    expect((await caseRecords()).filter((r) => r.entityId === m2Case.id).map((r) => r.version)).toEqual([1, 2]);
    // Stopped: no scan runs any more.
    const before = scans.map((s) => s.length);
    await new Promise((r) => setTimeout(r, 400));
    expect(scans.map((s) => s.length)).toEqual(before);
  });
});
