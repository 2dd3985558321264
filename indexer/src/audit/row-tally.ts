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
import { headSql, holdsSql, tailSql } from './sql-rows.js';

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

let branches: string | undefined;

/** One UNION ALL branch per verifiable table over the CTE `x` (entity_type, entity_id, version, b). */
function tableBranches(): string {
  branches ??= verifiableTables()
    .map((t) => {
      const holds = holdsSql('x.b', 'r.hd', 'r.tl');
      // The row's expected text is built only where the record is the row's version; an older
      // record of an entity that changed since is neither a match nor suspect.
      return (
        `SELECT ${literal(t.type)}::text AS type, x.entity_id, x.version < r.v AS older, x.version = r.v AND ${holds} AS ok` +
        ` FROM x LEFT JOIN LATERAL (SELECT t.version AS v,` +
        ` CASE WHEN t.version = x.version THEN convert_to(${headSql(t)}, 'UTF8') END AS hd,` +
        ` CASE WHEN t.version = x.version THEN convert_to(${tailSql(t)}, 'UTF8') END AS tl` +
        ` FROM ${quoteIdent(t.table)} t WHERE t.id = x.entity_id OFFSET 0) r ON true` +
        ` WHERE x.entity_type = ${literal(t.type)}`
      );
    })
    .join(' UNION ALL ');
  return branches;
}

async function tally(db: Db, source: string, values: unknown[]): Promise<RowTally> {
  const { rows } = await db.query<{ type: string; matched: number; suspects: string[] | null }>(
    `WITH x AS MATERIALIZED (${source})
     SELECT s.type, count(*) FILTER (WHERE s.ok)::int AS matched,
            array_agg(DISTINCT s.entity_id::text) FILTER (WHERE s.ok IS NOT TRUE AND s.older IS NOT TRUE) AS suspects
       FROM (${tableBranches()}) s GROUP BY 1`,
    values,
  );
  const out: RowTally = {};
  for (const r of rows) out[r.type] = { matched: r.matched, suspects: r.suspects ?? [] };
  return out;
}

/** The tally of the records at log positions `from`..`to` (the primary-key probes the log pass makes). */
export function tallyPositions(db: Db, from: number, to: number): Promise<RowTally> {
  return tally(
    db,
    `SELECT o.entity_type, o.entity_id, o.version, o.b
       FROM record_position rp
       JOIN LATERAL (SELECT r.entity_type, r.entity_id, r.version, convert_to(r.document, 'UTF8') AS b
                       FROM outbox_record r WHERE r.id = rp.record_id OFFSET 0) o ON true
      WHERE rp.position BETWEEN $1 AND $2`,
    [from, to],
  );
}

/** The tally of records not in the log yet, by id. */
export function tallyRecords(db: Db, ids: string[]): Promise<RowTally> {
  return tally(db, `SELECT entity_type, entity_id, version, convert_to(document, 'UTF8') AS b FROM outbox_record WHERE id = ANY($1::bigint[])`, [ids]);
}

export function addTally(into: RowTally, more: RowTally | undefined): void {
  for (const [type, c] of Object.entries(more ?? {})) {
    const t = (into[type] ??= { matched: 0, suspects: [] });
    t.matched += c.matched;
    if (t.suspects === null || c.suspects === null || t.suspects.length + c.suspects.length > SUSPECTS_KEPT) t.suspects = null;
    else if (c.suspects.length > 0) t.suspects.push(...c.suspects);
  }
}

/** A table's rows in the snapshot. */
export async function countRows(db: Db, table: string): Promise<number> {
  return Number((await db.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${quoteIdent(table)}`)).rows[0]!.n);
}
