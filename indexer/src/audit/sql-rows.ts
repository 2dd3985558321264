// The rows phase's prefilter in SQL (issue #24, docs/decisions/024-full-audit-in-postgres.md):
// for each verifiable row, Postgres writes the canonical (JCS) text that the row's `data` has
// under the one row → data mapping (@lianjian/db recordFields, read here from the same schema
// metadata and the same converters), and compares the tail of the row's latest record document
// with it, as audit/row-match.ts's documentHolds does in JavaScript. Rows that match are not sent
// to Node; every other row — a difference, or a value this SQL does not write exactly as JCS
// would (it then yields NULL) — goes to the exact comparison in JavaScript, as before.
//
// Soundness: the prefilter says "equal" only when the document ends with
// `,"data":<D>,"id":…,"org":…,"salt":"<22 base64url>","type":…,"v":1,"version":<n>}` where D is
// the SQL text. In valid JSON those are then the top-level object's keys (row-match.ts explains
// why), so the document's data is JSON.parse(D). Each expression below writes D byte for byte as
// canonicalData(dataFromColumns(row)) does, or NULL; audit-sql-rows.int.test.ts holds the two to
// each other on every row of a seeded ledger and on edge values of every field type.
import { dmmf, recordFields } from '@lianjian/db';
import type { VerifiableTable } from '../records.js';

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Integers a double holds exactly and JSON.stringify writes without an exponent. */
const SAFE_INT = '9007199254740991';
/** A jsonb number JSON.parse then JSON.stringify write back unchanged: an integer of ≤ 15 digits. */
const JSON_INT = `'^-?(0|[1-9][0-9]{0,14})$'`;

/**
 * Canonical text of a jsonb value as JSON.parse + canonicalize would write it, for scalars and
 * arrays and objects nested up to `depth` levels; NULL for anything else (deeper nesting, a
 * fraction, a key outside ASCII, where "C" collation and UTF-16 order could disagree).
 */
function jsonbText(v: string, depth: number): string {
  const scalar = (x: string) =>
    `CASE jsonb_typeof(${x}) WHEN 'string' THEN ${x}::text WHEN 'boolean' THEN ${x}::text WHEN 'null' THEN 'null'` +
    ` WHEN 'number' THEN CASE WHEN ${x}::text ~ ${JSON_INT} THEN ${x}::text END END`;
  if (depth === 0) return scalar(v);
  // Aliases carry the depth: a nested subquery never hides the value it walks.
  const e = `e${depth}`;
  const x = `x${depth}`;
  const inner = jsonbText(`${e}.v`, depth - 1);
  return (
    `CASE jsonb_typeof(${v})` +
    ` WHEN 'array' THEN (SELECT CASE WHEN count(*) = 0 THEN '[]' WHEN count(*) = count(${x}.t) THEN '[' || string_agg(${x}.t, ',' ORDER BY ${x}.n) || ']' END` +
    ` FROM (SELECT ${inner} AS t, ${e}.n FROM jsonb_array_elements(${v}) WITH ORDINALITY AS ${e}(v, n)) ${x})` +
    ` WHEN 'object' THEN (SELECT CASE WHEN count(*) = 0 THEN '{}' WHEN count(*) = count(${x}.t) AND bool_and(octet_length(${x}.k) = length(${x}.k))` +
    ` THEN '{' || string_agg(to_json(${x}.k)::text || ':' || ${x}.t, ',' ORDER BY ${x}.k COLLATE "C") || '}' END` +
    ` FROM (SELECT ${inner} AS t, ${e}.k FROM jsonb_each(${v}) AS ${e}(k, v)) ${x})` +
    ` ELSE ${scalar(v)} END`
  );
}

/** JSON text of one non-null column value as the row → data converter writes it, or NULL. */
function valueText(col: string, f: { type: string; kind: string; isList: boolean; nativeType?: readonly unknown[] | null }, bigintAsNumber: boolean): string | undefined {
  if (f.isList) {
    // node-postgres hands text[], uuid[] and int4[] over as arrays, an enum array as its literal
    // (split on commas: a NULL element would become "NULL", so such a row goes to JavaScript).
    if (f.kind === 'enum') return `CASE WHEN array_position(${col}, NULL) IS NULL THEN to_json(${col}::text[])::text END`;
    if (f.type === 'String') return `to_json(${col}::text[])::text`;
    if (f.type === 'Int') return `to_json(${col})::text`;
    return undefined;
  }
  // An enum label (a Prisma identifier) and a uuid's text need no JSON escaping: quoted as they
  // are, without to_json's scan.
  if (f.kind === 'enum') return `'"' || ${col}::text || '"'`;
  switch (f.type) {
    case 'String':
      return f.nativeType?.[0] === 'Uuid' ? `'"' || ${col}::text || '"'` : `to_json(${col}::text)::text`;
    case 'Int':
      return `${col}::text`;
    case 'Boolean':
      return `CASE WHEN ${col} THEN 'true' ELSE 'false' END`;
    case 'BigInt':
      return bigintAsNumber ? `CASE WHEN abs(${col}) <= ${SAFE_INT} THEN ${col}::text END` : `to_json(${col}::text)::text`;
    case 'Bytes':
      return `to_json(encode(${col}, 'hex'))::text`;
    case 'DateTime':
      // toISOString: four-digit years only here (others go to JavaScript); milliseconds truncated, as node-postgres does.
      return f.nativeType?.[0] === 'Date'
        ? `CASE WHEN ${col} >= '1000-01-01' AND ${col} < '10000-01-01' THEN '"' || to_char(${col}, 'YYYY-MM-DD') || '"' END`
        : `CASE WHEN ${col} >= '1000-01-01T00:00:00Z' AND ${col} < '10000-01-01T00:00:00Z' THEN '"' || to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '"' END`;
    case 'Json':
      // An empty list, the commonest value, without a subquery.
      return `CASE WHEN ${col} = '[]'::jsonb THEN '[]' ELSE ${jsonbText(col, 3)} END`;
    default:
      // Float, Decimal and anything newer: JavaScript decides.
      return undefined;
  }
}

const cache = new Map<string, string>();

/**
 * The SQL expression (over the table aliased `t`) of canonicalData(dataFromColumns(t, row)):
 * the row's record data as canonical JSON text, or NULL where this SQL cannot be sure.
 */
export function dataTextSql(t: VerifiableTable): string {
  const hit = cache.get(t.type);
  if (hit) return hit;
  const model = dmmf.datamodel.models.find((m) => m.name === t.type);
  if (!model) throw new Error(`schema has no model ${t.type}`);
  const converters = new Map(recordFields(t.type).map((f) => [f.name, f.convert] as const));
  const parts = t.fields
    .map((field) => {
      const f = model.fields.find((x) => x.name === field.name)!;
      const col = `t.${quoteIdent(field.column)}`;
      // Which BigInts travel as JSON numbers is the converter's business: ask it.
      const asNumber = f.type === 'BigInt' && typeof converters.get(field.name)!(1n) === 'number';
      const text = valueText(col, f, asNumber) ?? 'NULL::text';
      return { key: field.name, sql: `CASE WHEN ${col} IS NULL THEN 'null' ELSE (${text}) END` };
    })
    // canonicalize sorts keys by UTF-16 code units; field names are ASCII, so `<` on them agrees.
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const sql = parts.length === 0 ? `'{}'` : `'{' || ${parts.map((p, i) => `'${i ? ',' : ''}${JSON.stringify(p.key)}:' || ${p.sql}`).join(' || ')} || '}'`;
  cache.set(t.type, sql);
  return sql;
}

/**
 * A boolean SQL expression: true when `doc` (the latest record's text, as UTF-8 bytes) holds
 * exactly the row's data, id, org and version (documentHolds in SQL); false or NULL otherwise.
 * `head` and `tail` are the UTF-8 bytes of headSql and tailSql, computed once per row by the
 * caller's subquery. Bytes, not text: a text's length and right() count characters, walking the
 * whole document each time.
 */
export function holdsSql(doc: string, head: string, tail: string): string {
  return (
    `(substring(${doc} FROM length(${doc}) - length(${tail}) + 1) = ${tail}` +
    ` AND substring(${doc} FROM length(${doc}) - length(${tail}) - 21 - length(${head}) FOR length(${head})) = ${head}` +
    // encode(…, 'escape') writes a byte above 0x7f as \ooo, which the pattern refuses.
    ` AND encode(substring(${doc} FROM length(${doc}) - length(${tail}) - 21 FOR 22), 'escape') ~ '^[A-Za-z0-9_-]{22}$')`
  );
}

/** SQL for the `head` that holdsSql compares: `,"data":<data>,"id":"…","org":"…","salt":"`. */
export function headSql(t: VerifiableTable): string {
  return `',"data":' || ${dataTextSql(t)} || ',"id":' || to_json(t.id::text)::text || ',"org":' || to_json(t.${quoteIdent(t.orgColumn)}::text)::text || ',"salt":"'`;
}

/** SQL for the `tail` that holdsSql compares: `","type":"…","v":1,"version":<n>}`. */
export function tailSql(t: VerifiableTable): string {
  return `'","type":' || to_json(${`'${t.type.replace(/'/g, "''")}'`}::text)::text || ',"v":1,"version":' || t.version::text || '}'`;
}
