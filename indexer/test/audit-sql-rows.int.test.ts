// The full audit's work in Postgres (docs/decisions/024-full-audit-in-postgres.md): the rows
// phase's SQL prefilter may only ever call a row equal to its record when the exact JavaScript
// comparison would, and the log phase's checks in SQL must still find what the record-by-record
// checks found. Over a seeded ledger: the SQL text of every row's data against
// canonicalData(dataFromColumns(row)); edge values of every field type; an edit of a row field
// of every type reported with that field; the record columns and a sampled document changed.
import { seed } from '@lianjian/db';
import { canonicalize } from '@lianjian/verify';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db.js';
import { audit, checkTableChunk, FIRST_ID, type Mismatch } from '../src/audit.js';
import { leafOf } from '../src/audit/hashing.js';
import { canonicalData } from '../src/audit/row-match.js';
import { dataTextSql, headSql, holdsSql, tailSql } from '../src/audit/sql-rows.js';
import { createPool } from '../src/db.js';
import { Indexer } from '../src/indexer.js';
import { dataFromColumns, verifiableTables, type VerifiableTable } from '../src/records.js';
import { waitFor, withClient } from './helpers.js';

let url: string;
let drop: () => Promise<void>;
let pool: pg.Pool;

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
const cols = (t: VerifiableTable) => t.fields.map((f) => `t.${q(f.column)}`).join(', ');

/** Field type categories, from the column's Postgres type. */
interface Column {
  t: VerifiableTable;
  field: string;
  column: string;
  /** format_type of the column, e.g. text, uuid, integer, "Role"[], timestamp(3) with time zone. */
  pgType: string;
  nullable: boolean;
}

async function columns(): Promise<Column[]> {
  const out: Column[] = [];
  for (const t of verifiableTables()) {
    const { rows } = await pool.query<{ attname: string; type: string; notnull: boolean }>(
      `SELECT attname, format_type(atttypid, atttypmod) AS type, attnotnull AS notnull FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped`,
      [q(t.table)],
    );
    const byName = new Map(rows.map((r) => [r.attname, r]));
    for (const f of t.fields) {
      const a = byName.get(f.column)!;
      out.push({ t, field: f.name, column: f.column, pgType: a.type, nullable: !a.notnull });
    }
  }
  return out;
}

function category(c: Column): string {
  const ty = c.pgType;
  if (ty.endsWith('[]')) return ['text[]', 'uuid[]', 'integer[]'].includes(ty) ? ty : 'enum[]';
  if (['text', 'uuid', 'integer', 'boolean', 'bigint', 'bytea', 'jsonb', 'date'].includes(ty)) return ty;
  if (ty.startsWith('timestamp')) return 'timestamptz';
  return 'enum';
}

/** The SQL text of each row's data beside the row, as the prefilter computes it. */
async function sqlBesideJs(client: pg.ClientBase, t: VerifiableTable, where = 'true'): Promise<{ id: string; sql: string | null; js: string | undefined; error?: string }[]> {
  const { rows } = await client.query<Record<string, unknown> & { __id: string; __sql: string | null }>(
    `SELECT t.id::text AS __id, ${cols(t)}, ${dataTextSql(t)} AS __sql FROM ${q(t.table)} t WHERE ${where}`,
  );
  return rows.map((r) => {
    try {
      return { id: r.__id, sql: r.__sql, js: canonicalData(dataFromColumns(t, r)) };
    } catch (error) {
      return { id: r.__id, sql: r.__sql, js: undefined, error: String(error) };
    }
  });
}

beforeAll(async () => {
  ({ url, drop } = await createTestDatabase());
  await seed(url, { members: 60, progress: false, workers: 0 });
  // Batches without a chain: the log phase needs them, the chain is audit.int.test.ts's part.
  const indexer = new Indexer({ databaseUrl: url, policy: { maxRecords: 700, maxWaitMs: 20, maxUnanchored: 1_000 } });
  await indexer.start();
  const total = await withClient(url, async (c) => (await c.query('SELECT count(*)::int AS n FROM outbox_record')).rows[0].n as number);
  await waitFor('the seed batched', async () =>
    withClient(url, async (c) => Number((await c.query(`SELECT coalesce(sum(size), 0) AS n FROM batch`)).rows[0].n) === total),
  120_000, 250);
  await indexer.stop();
  pool = createPool(url);
  // The pool's type parsing (DATE as UTC midnight) is the auditor's: the comparisons use it too.
}, 300_000);

afterAll(async () => {
  await pool?.end();
  await drop?.();
});

describe('the full audit in Postgres', () => {
  it('writes every seeded row’s data exactly as canonicalData(dataFromColumns(row)), or leaves the row to JavaScript', async () => {
    let rows = 0;
    let decided = 0;
    const undecided = new Map<string, number>();
    for (const t of verifiableTables()) {
      for (const r of await sqlBesideJs(pool as unknown as pg.ClientBase, t)) {
        rows++;
        if (r.sql === null) {
          undecided.set(t.type, (undecided.get(t.type) ?? 0) + 1);
          continue;
        }
        decided++;
        expect({ type: t.type, id: r.id, text: r.sql }).toEqual({ type: t.type, id: r.id, text: r.js });
      }
    }
    expect(rows).toBeGreaterThan(1_000);
    // Only rows with a JSON value this SQL does not write (deeper nesting, a fraction) go to JavaScript.
    expect({ decided: decided / rows > 0.95, undecided: Object.fromEntries(undecided) }).toMatchObject({ decided: true });
  });

  it('edge values of every field type: the SQL text equals the JavaScript one, or is NULL (JavaScript decides)', async () => {
    const text = `E'quote " backslash \\\\ nl \\n tab \\t ctl \\x01 del \\x7f 中文 😀 ' || U&'\\2028' || ' / end'`;
    const edges: Record<string, (c: Column) => string[]> = {
      text: () => [text, `''`],
      uuid: () => [`'ffffffff-0000-4000-8000-00000000000a'`],
      integer: () => ['-2147483648', '0', '2147483647'],
      boolean: () => ['true', 'false'],
      bigint: () => ['-9007199254740991', '9007199254740993', '0'],
      bytea: () => [`'\\xdeadbeef00'::bytea`, `''::bytea`],
      jsonb: () => [
        `'{"b":[1,"x",null,true],"a":{"c":1.50},"é":1,"z":-0,"n":1e20}'`,
        `'[1,2,"a\\"b",null,false]'`,
        `'{"k":"v","a":2,"A":-7,"e":""}'`,
        `'1.50'`, `'12345678901234567890'`, `'"str\\u0001"'`, `'null'`, `'{}'`, `'[]'`, `'[[1]]'`, `'[[[1]]]'`, `'{"é":1}'`,
        `'{"ids":["a","b"],"n":{"m":[true,null]},"z":[]}'`, `'{"a":{"b":{"c":1}}}'`, `'[{"k":"v"},{}]'`,
      ],
      date: () => [`'0999-12-31'`, `'1000-01-01'`, `'2026-02-28'`, `'9999-12-31'`],
      timestamptz: () => [`'0999-12-31T23:59:59.999Z'`, `'1970-01-01T00:00:00Z'`, `'2026-12-07T10:11:12.345Z'`, `'2026-12-07T10:11:12.3456Z'`, `'9999-12-31T23:59:59.999Z'`],
      'text[]': () => [`ARRAY[${text}, NULL, 'b']::text[]`, `'{}'::text[]`],
      'uuid[]': () => [`'{}'::uuid[]`, `ARRAY['ffffffff-0000-4000-8000-00000000000a']::uuid[]`],
      'integer[]': () => [`'{1,NULL,-3}'::integer[]`, `'{}'::integer[]`],
      enum: (c) => [`(SELECT x FROM unnest(enum_range(NULL::${c.pgType})) x ORDER BY x DESC LIMIT 1)`],
      'enum[]': (c) => [`'{}'::${c.pgType}`, `enum_range(NULL::${c.pgType.slice(0, -2)})`],
    };
    let compared = 0;
    let refused = 0;
    const seen = new Set<string>();
    await withClient(url, async (c) => {
      for (const col of await columns()) {
        const target = (await c.query<{ id: string }>(`SELECT id::text FROM ${q(col.t.table)} ORDER BY id LIMIT 1`)).rows[0];
        if (!target) continue;
        const values = [...edges[category(col)]!(col), ...(col.nullable ? ['NULL'] : [])];
        for (const v of values) {
          await c.query('BEGIN');
          await c.query('SET LOCAL session_replication_role = replica');
          try {
            await c.query(`UPDATE ${q(col.t.table)} SET ${q(col.column)} = ${v} WHERE id = $1`, [target.id]);
          } catch {
            refused++; // a CHECK constraint: the database itself refuses that value
            await c.query('ROLLBACK');
            continue;
          }
          const [r] = await sqlBesideJs(c, col.t, `t.id = '${target.id}'`);
          await c.query('ROLLBACK');
          // NULL: JavaScript decides. Otherwise the very text JavaScript writes; where
          // JavaScript refuses the value (an unsafe integer), SQL must not decide.
          if (r!.sql !== null) expect({ column: `${col.t.table}.${col.column}`, value: v, text: r!.sql }).toEqual({ column: `${col.t.table}.${col.column}`, value: v, text: r!.js });
          compared++;
          seen.add(category(col));
        }
      }
    });
    for (const k of ['text', 'uuid', 'integer', 'boolean', 'jsonb', 'date', 'timestamptz', 'enum', 'enum[]', 'bigint', 'bytea']) expect(seen).toContain(k);
    expect(compared).toBeGreaterThan(300);
    expect(refused).toBeLessThan(compared);
  });

  it('an edit of a row field of every type (text, enum, enum array, date, timestamp, number, boolean, json, null) is reported with that field, and the prefilter never calls a differing row equal', async () => {
    const edits: Record<string, (c: Column) => string> = {
      text: (c) => `${q(c.column)} || ' (edited)'`,
      enum: (c) => `(SELECT x FROM unnest(enum_range(${q(c.column)})) x WHERE x <> ${q(c.column)} LIMIT 1)`,
      'enum[]': (c) => `CASE WHEN cardinality(${q(c.column)}) = 0 THEN enum_range(NULL::${c.pgType.slice(0, -2)}) ELSE '{}' END`,
      date: (c) => `${q(c.column)} + 1`,
      timestamptz: (c) => `${q(c.column)} + interval '1 millisecond'`,
      integer: (c) => `${q(c.column)} + 1`,
      bigint: (c) => `${q(c.column)} + 1`,
      boolean: (c) => `NOT ${q(c.column)}`,
      jsonb: (c) => `CASE WHEN ${q(c.column)} = '{"edited":1}' THEN '{"edited":2}' ELSE '{"edited":1}' END::jsonb`,
      bytea: (c) => `${q(c.column)} || '\\x00'::bytea`,
      'text[]': (c) => `array_append(${q(c.column)}, 'edited')`,
      null: () => 'NULL',
    };
    const cs = await columns();
    const planted: { t: VerifiableTable; id: string; field: string; kind: string }[] = [];
    const used = new Set<string>();
    await withClient(url, async (c) => {
      await c.query('SET session_replication_role = replica');
      for (const kind of Object.keys(edits)) {
        // A column of that kind with a non-null value in a row not edited yet, enums where an edit can change the value.
        for (const col of cs.filter((x) => (kind === 'null' ? x.nullable : category(x) === kind))) {
          const { rows } = await c.query<{ id: string }>(
            `SELECT id::text FROM ${q(col.t.table)} WHERE ${q(col.column)} IS NOT NULL ${kind === 'enum' ? `AND cardinality(enum_range(${q(col.column)})) > 1` : ''}
              AND NOT (id::text = ANY($1::text[])) ORDER BY id LIMIT 1`,
            [[...used]],
          );
          if (!rows[0]) continue;
          try {
            await c.query(`UPDATE ${q(col.t.table)} SET ${q(col.column)} = ${edits[kind]!(col)} WHERE id = $1`, [rows[0].id]);
          } catch {
            continue; // a CHECK constraint refuses this edit: another column of the kind
          }
          used.add(rows[0].id);
          planted.push({ t: col.t, id: rows[0].id, field: col.field, kind });
          break;
        }
      }
    });
    const kinds = planted.map((p) => p.kind);
    for (const k of ['text', 'enum', 'enum[]', 'date', 'timestamptz', 'integer', 'boolean', 'jsonb', 'null']) expect(kinds).toContain(k);

    // The prefilter's verdict beside the exact comparison, for every row of every table.
    for (const t of verifiableTables()) {
      const { rows } = await pool.query<Record<string, unknown> & { __id: string; __version: number; __org: string; __document: string | null; __holds: boolean | null }>(
        `SELECT s.*, ${holdsSql("convert_to(s.__document, 'UTF8')", "convert_to(s.__head, 'UTF8')", "convert_to(s.__tail, 'UTF8')")} AS __holds
           FROM (SELECT t.id::text AS __id, t.version AS __version, t.${q(t.orgColumn)}::text AS __org, ${cols(t)}, o.document AS __document,
                        ${headSql(t)} AS __head, ${tailSql(t)} AS __tail
                   FROM ${q(t.table)} t LEFT JOIN LATERAL (SELECT document FROM outbox_record WHERE entity_type = $1 AND entity_id = t.id ORDER BY version DESC LIMIT 1) o ON true) s`,
        [t.type],
      );
      for (const r of rows) {
        if (r.__holds !== true) continue;
        const doc = JSON.parse(r.__document!) as { version: number; org: string; data: unknown };
        // Stricter than the auditor's comparison (which lets a missing key equal null): equal here is equal there.
        expect({ type: t.type, id: r.__id, same: doc.version === r.__version && doc.org === r.__org && canonicalize(doc.data) === canonicalize(dataFromColumns(t, r)) }).toEqual({ type: t.type, id: r.__id, same: true });
      }
    }

    // And the rows phase reports each planted edit, naming the field.
    for (const p of planted) {
      const found: Mismatch[] = [];
      await checkTableChunk(pool, p.t, FIRST_ID, 100_000, { add: (m) => void found.push(m) });
      const m = found.find((x) => x.entityId === p.id);
      expect({ kind: p.kind, finding: m?.kind, fields: m?.detail.fields }).toEqual({ kind: p.kind, finding: 'ROW_MISMATCH', fields: expect.arrayContaining([p.field]) });
    }
    const report = await audit(pool, { writeAlerts: false, chunkSize: 500 });
    expect(report.byKind.ROW_MISMATCH).toBe(planted.length);
    const again = await audit(pool, { writeAlerts: false, chunkSize: 40, workers: 2 });
    expect(again.byKind).toEqual(report.byKind);
  }, 120_000);

  it('finds a record’s columns changed behind its back and a sampled document that is not canonical, though its leaf matches', async () => {
    const [a, b, first] = await withClient(url, async (c) => {
      const pick = async (sql: string) => (await c.query<{ id: string; entity_type: string; entity_id: string; batch_seq: number; document: string }>(sql)).rows[0]!;
      const cols = `o.id::text, o.entity_type, o.entity_id::text, rp.batch_seq, o.document FROM outbox_record o JOIN record_position rp ON rp.record_id = o.id`;
      return [
        await pick(`SELECT ${cols} WHERE rp.position = 123`),
        await pick(`SELECT ${cols} WHERE rp.position = 777`),
        await pick(`SELECT ${cols} WHERE rp.position = 0`),
      ];
    });
    await withClient(url, async (c) => {
      await c.query('SET session_replication_role = replica');
      // 1. The org and 2. the version of a record, its document and leaf untouched.
      await c.query(`UPDATE outbox_record SET org_unit_id = 'ffffffff-0000-4000-8000-00000000000b' WHERE id = $1`, [a.id]);
      await c.query(`UPDATE outbox_record SET version = version + 1000 WHERE id = $1`, [b.id]);
      // 3. The first record's text made non-canonical, its leaf recomputed to match: the tree
      // above no longer does, and the sampled parse names the document.
      // The space sits where neither the envelope test on the text's tail nor the leaf sees it.
      const spaced = first.document.replace('{"actor":', '{ "actor":');
      expect(spaced).not.toBe(first.document);
      await c.query(`UPDATE outbox_record SET document = $2, leaf = $3 WHERE id = $1`, [first.id, spaced, leafOf(spaced)]);
    });
    const report = await audit(pool, { writeAlerts: false, chunkSize: 500 });
    const invalid = report.sample.filter((m) => m.kind === 'DOCUMENT_INVALID').map((m) => [m.entityId, m.batchSeq]);
    expect(invalid).toEqual(expect.arrayContaining([[a.entity_id, a.batch_seq], [b.entity_id, b.batch_seq], [first.entity_id, first.batch_seq]]));
    expect(report.sample.some((m) => m.kind === 'LEVEL_MISMATCH' && m.batchSeq === first.batch_seq)).toBe(true);
    expect(report.byKind.LEAF_MISMATCH ?? 0).toBe(0);
    const parallel = await audit(pool, { writeAlerts: false, chunkSize: 500, workers: 2 });
    expect(parallel.byKind).toEqual(report.byKind);
  }, 120_000);
});
