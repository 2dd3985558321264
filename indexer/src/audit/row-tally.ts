// The rows check of the full audit, made in the log pass (docs/decisions/025-rows-checked-in-the-log-pass.md).
//
// The full audit reads every record of the log once, in log order, for its leaf. Each record is
// also joined here to its entity's row (a primary-key probe into a table far smaller than the
// log) and compared with it on the text (audit/sql-rows.ts) where the record is the row's version.
// Per type this counts the records that hold their row (`matched`) and lists the entities of
// those that may not (`suspects`: no row, a record newer than the row, or a record at the row's
// version that the SQL text does not show to hold it — a value it does not write exactly, or a
// difference). The suspects are compared by the per-row code (checkRowsById,
// checkOrphanRecords), which names the findings. Over a single snapshot, in which every record
// is tallied once, `matched` counts distinct rows, because (type, id, version) is unique in the
// log; a table whose `matched` plus its suspects' rows not matched equals its row count has no
// row outside both, so every row not compared one by one is held by the record at its version
// with no newer record — what the per-row comparison with the latest record establishes. A
// table that does not balance is walked row by row (checkTableChunk).
//
// Why: the per-row walk looked each row's latest document up by index, a random read of the log
// per row; on a log larger than memory that was most of the audit's time (bench/ops-notes.md).
import type pg from 'pg';
import { verifiableTables } from '../records.js';
import { dataTextSql, holdsSql } from './sql-rows.js';

/**
 * Per entity type: records holding their row at its version, and the entities of the records
 * that may not (null: more than SUSPECTS_KEPT, and the table is walked instead).
 */
export type RowTally = Record<string, { matched: number; suspects: string[] | null }>;

/** Beyond this many suspects of one type, walking the table is cheaper than keeping the list. */
export const SUSPECTS_KEPT = 100_000;

/** Anything that runs a query: a pool, or one client inside the audit's snapshot. */
export type Db = pg.ClientBase | pg.Pool;

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * The columns a record `r` (outbox_record) brings to the log and row checks: its own, its text as
 * UTF-8 bytes `b` (bytes: a text's length and substring count characters, walking it each time),
 * and the expected envelope around its salt — `hd` = `,"id":"…","org":"…","salt":"` and `tl` =
 * `","type":…,"v":1,"version":n}` (documentHolds's tail, audit/row-match.ts) — from the log row's
 * columns.
 */
export function recordSql(r: string): string {
  return (
    `${r}.id, ${r}.xid, ${r}.leaf, ${r}.entity_type, ${r}.entity_id, ${r}.version, ${r}.org_unit_id, convert_to(${r}.document, 'UTF8') AS b,` +
    ` convert_to(',"id":"' || ${r}.entity_id::text || '","org":"' || ${r}.org_unit_id::text || '","salt":"', 'UTF8') AS hd,` +
    ` convert_to('","type":' || to_json(${r}.entity_type)::text || ',"v":1,"version":' || ${r}.version::text || '}', 'UTF8') AS tl`
  );
}

/**
 * A one-row SELECT over `o` (recordSql's columns): `env`, whether the text ends with the envelope
 * its log row names, and `d`, the bytes between the first `,"data":` and that envelope (NULL if
 * there are none) — the document's data, where the envelope holds.
 */
export function envelopeSql(o: string): string {
  return (
    `SELECT ${holdsSql(`${o}.b`, `${o}.hd`, `${o}.tl`)} AS env,` +
    ` CASE WHEN q.p > 0 AND q.s - q.p - 8 >= 0 THEN substring(${o}.b FROM q.p + 8 FOR q.s - q.p - 8) END AS d` +
    ` FROM (SELECT length(${o}.b) - length(${o}.tl) - 21 - length(${o}.hd) AS s, position('\\x2c2264617461223a'::bytea IN ${o}.b) AS p) q`
  );
}

let stateSql: string | undefined;

/**
 * Per record (`o`: recordSql's columns; `e`: envelopeSql's): 2 when its entity's row is at its
 * version and its text holds the row, 1 when the row is at a later version (an older record), -1
 * when its type has no table here; 0 or NULL (no row) otherwise — a suspect. One primary-key probe
 * into the record's own table: CASE runs only the branch of its type.
 *
 * "Holds" is documentHolds (audit/row-match.ts) in two parts: the text ends with the envelope of
 * its log row (e.env) — whose id, version and type are the row's by the join and the branch, and
 * whose org the row's org must equal — and right before that envelope, after a `,"data":`, comes
 * the row's data as JSON text (audit/sql-rows.ts). Together: the text ends with
 * `,"data":<the row's data>,"id":…,"org":…,"salt":"<22>","type":…,"v":1,"version":n}`, which
 * is documentHolds's test whichever `,"data":` came first. The row's text is NULL where the SQL
 * cannot be sure: then the record is a suspect, and JavaScript decides.
 */
export function rowStateSql(o: string, e: string): string {
  stateSql ??=
    `CASE ${o}.entity_type ` +
    verifiableTables()
      .map(
        (t) =>
          `WHEN ${literal(t.type)} THEN (SELECT CASE WHEN ${o}.version < t.version THEN 1 WHEN ${o}.version = t.version THEN` +
          ` CASE WHEN ${e}.env AND t.${quoteIdent(t.orgColumn)} = ${o}.org_unit_id AND ${e}.d = convert_to(${dataTextSql(t)}, 'UTF8') THEN 2 ELSE 0 END` +
          ` ELSE 0 END FROM ${quoteIdent(t.table)} t WHERE t.id = ${o}.entity_id)`,
      )
      .join(' ') +
    ' ELSE -1 END';
  return stateSql;
}

/** The aggregates of a tally over rows carrying `state` (rowStateSql) and `entity_id`. */
export const TALLY_AGGREGATES = `count(*) FILTER (WHERE state = 2)::int AS matched,
            array_agg(DISTINCT entity_id::text) FILTER (WHERE state IS DISTINCT FROM 2 AND state IS DISTINCT FROM 1 AND state IS DISTINCT FROM -1) AS suspects`;

/** Rows of (type, matched, suspects) to a RowTally. */
export function toTally(rows: { type: string; matched: number; suspects: string[] | null }[]): RowTally {
  const out: RowTally = {};
  for (const r of rows) out[r.type] = { matched: r.matched, suspects: r.suspects ?? [] };
  return out;
}

/** The tally of records not in the log yet, by id. */
export async function tallyRecords(db: Db, ids: string[]): Promise<RowTally> {
  const { rows } = await db.query<{ type: string; matched: number; suspects: string[] | null }>(
    `SELECT type, ${TALLY_AGGREGATES}
       FROM (SELECT o.entity_type AS type, o.entity_id, ${rowStateSql('o', 'e')} AS state
               FROM (SELECT ${recordSql('r')} FROM outbox_record r WHERE r.id = ANY($1::bigint[]) OFFSET 0) o
               CROSS JOIN LATERAL (${envelopeSql('o')} OFFSET 0) e) s
      GROUP BY 1`,
    [ids],
  );
  return toTally(rows);
}

export function addTally(into: RowTally, more: RowTally | undefined): void {
  for (const [type, c] of Object.entries(more ?? {})) {
    const t = (into[type] ??= { matched: 0, suspects: [] });
    t.matched += c.matched;
    if (t.suspects === null || c.suspects === null || t.suspects.length + c.suspects.length > SUSPECTS_KEPT) t.suspects = null;
    else for (const id of c.suspects) t.suspects.push(id);
  }
}

/** A table's rows in the snapshot. */
export async function countRows(db: Db, table: string): Promise<number> {
  return Number((await db.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${quoteIdent(table)}`)).rows[0]!.n);
}
