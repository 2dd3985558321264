// The database's "no change without a record" triggers must ignore exactly the columns that are
// not record data in the shared row → data mapping (@lianjian/db records.ts): a column the
// trigger ignored but the records carry would let a row drift silently; the reverse would refuse
// legitimate writes.
import { VERIFIABLE_MODELS } from '@lianjian/db';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db.js';
import { verifiableTables } from '../src/records.js';
import { withClient } from './helpers.js';

describe('verifiable tables', () => {
  it('each has the require-record trigger with the mapping’s non-data columns', async () => {
    const { url } = await createTestDatabase();
    const triggers = await withClient(url, async (c) =>
      (await c.query<{ table: string; args: Buffer; deferred: boolean }>(
        `SELECT t.relname AS table, g.tgargs AS args, g.tgdeferrable AND g.tginitdeferred AS deferred
           FROM pg_trigger g JOIN pg_class t ON t.oid = g.tgrelid
          WHERE g.tgname LIKE '%\\_requires\\_record' ORDER BY 1`,
      )).rows,
    );
    const tables = verifiableTables();
    expect(tables.map((t) => t.type)).toEqual([...VERIFIABLE_MODELS]);
    expect(triggers.map((t) => t.table).sort()).toEqual(tables.map((t) => t.table).sort());
    for (const t of tables) {
      const trig = triggers.find((x) => x.table === t.table)!;
      const [type, ...ignored] = trig.args.toString('utf8').split('\0').filter((a) => a !== '');
      expect({ table: t.table, type, ignored: ignored.sort(), deferred: trig.deferred }).toEqual({
        table: t.table,
        type: t.type,
        ignored: [...t.ignoredColumns].sort(),
        deferred: true,
      });
    }
    // Every column of every verifiable table is accounted for: data, envelope or ignored.
    const columns = await withClient(url, async (c) =>
      (await c.query<{ table_name: string; column_name: string }>(
        `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ANY($1)`,
        [tables.map((t) => t.table)],
      )).rows,
    );
    for (const t of tables) {
      const known = new Set(['id', 'version', t.orgColumn, ...t.fields.map((f) => f.column), ...t.ignoredColumns]);
      expect(columns.filter((c) => c.table_name === t.table && !known.has(c.column_name)).map((c) => c.column_name)).toEqual([]);
    }
  });
});
