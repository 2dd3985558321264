// Describes a database schema two ways — what schema.prisma (its DMMF plus the Unsupported fields
// and index predicates the DMMF leaves out) says it should be, and what pg_catalog says it is —
// and lists every difference by name.
import type pg from 'pg';
import type { DmmfDocument, DmmfField, DmmfModel } from '../src/dmmf.js';

export interface ColumnShape {
  type: string;
  nullable: boolean;
  default: string | null;
}

export interface IndexShape {
  unique: boolean;
  primary: boolean;
  /** Column names; a non-default operator class or DESC is appended, e.g. "path text_pattern_ops". */
  columns: string[];
  predicate: string | null;
}

export interface ForeignKeyShape {
  columns: string[];
  refTable: string;
  refColumns: string[];
  onDelete: string;
  onUpdate: string;
}

export interface TableShape {
  columns: Record<string, ColumnShape>;
  indexes: Record<string, IndexShape>;
  foreignKeys: Record<string, ForeignKeyShape>;
}

export interface SchemaShape {
  tables: Record<string, TableShape>;
  enums: Record<string, string[]>;
}

// ───────────────────────────── expected, from schema.prisma ─────────────────────────────

const MAX_IDENT = 63;

function ident(name: string): string {
  return name.length > MAX_IDENT ? name.slice(0, MAX_IDENT) : name;
}

function columnType(field: DmmfField, enumDbNames: Map<string, string>): string {
  let base: string;
  const native = field.nativeType?.[0];
  const args = field.nativeType?.[1] ?? [];
  if (field.kind === 'enum') {
    base = enumDbNames.get(field.type) ?? field.type;
  } else {
    switch (field.type) {
      case 'String':
        base = native === 'Uuid' ? 'uuid' : native === 'VarChar' ? `character varying${args.length ? `(${args[0]})` : ''}` : 'text';
        break;
      case 'Int':
        base = native === 'SmallInt' ? 'smallint' : 'integer';
        break;
      case 'BigInt':
        base = 'bigint';
        break;
      case 'Boolean':
        base = 'boolean';
        break;
      case 'Float':
        base = native === 'Real' ? 'real' : 'double precision';
        break;
      case 'Decimal':
        base = `numeric(${args[0] ?? 65},${args[1] ?? 30})`;
        break;
      case 'DateTime':
        if (native === 'Date') base = 'date';
        else if (native === 'Timestamptz') base = `timestamp(${args[0] ?? 3}) with time zone`;
        else base = `timestamp(${args[0] ?? 3}) without time zone`;
        break;
      case 'Json':
        base = native === 'Json' ? 'json' : 'jsonb';
        break;
      case 'Bytes':
        base = 'bytea';
        break;
      default:
        throw new Error(`drift comparer: no Postgres type for ${field.type} (${field.name})`);
    }
  }
  return field.isList ? `${base}[]` : base;
}

function quoteLiteral(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}

function columnDefault(table: string, column: string, field: DmmfField, type: string): string | null {
  if (!field.hasDefaultValue) return null;
  const d = field.default as unknown;
  if (d && typeof d === 'object' && 'name' in d) {
    const fn = d as { name: string; args: unknown[] };
    switch (fn.name) {
      case 'autoincrement':
        return `nextval('${ident(`${table}_${column}_seq`)}'::regclass)`;
      case 'now':
        return 'CURRENT_TIMESTAMP';
      case 'dbgenerated':
        return String(fn.args[0]);
      default:
        throw new Error(`drift comparer: default ${fn.name}() of ${table}.${column} is not handled`);
    }
  }
  if (typeof d === 'number' || typeof d === 'boolean') return String(d);
  if (typeof d === 'string') {
    if (field.kind === 'enum') return `${quoteLiteral(d)}::${type}`;
    if (field.type === 'Json') return `${quoteLiteral(d)}::${type}`;
    return `${quoteLiteral(d)}::text`;
  }
  throw new Error(`drift comparer: default ${JSON.stringify(d)} of ${table}.${column} is not handled`);
}

interface ModelText {
  unsupported: Array<{ field: string; column: string; type: string; nullable: boolean; default: string | null }>;
  predicates: Map<string, string>;
}

/** What the DMMF omits: Unsupported(...) fields and partial-index predicates, read from the schema text. */
export function parseSchemaText(schemaText: string): Map<string, ModelText> {
  const out = new Map<string, ModelText>();
  for (const block of schemaText.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
    const model = block[1]!;
    const body = block[2]!;
    const info: ModelText = { unsupported: [], predicates: new Map() };
    for (const line of body.split('\n')) {
      const u = /^\s*(\w+)\s+Unsupported\("([^"]+)"\)(\?)?(.*)$/.exec(line);
      if (u) {
        const rest = u[4]!;
        const map = /@map\("([^"]+)"\)/.exec(rest)?.[1];
        const dflt = /@default\(dbgenerated\("((?:[^"\\]|\\.)*)"\)\)/.exec(rest)?.[1];
        info.unsupported.push({
          field: u[1]!,
          column: map ?? u[1]!,
          type: u[2]!,
          nullable: u[3] === '?',
          default: dflt === undefined ? null : dflt.replaceAll('\\"', '"'),
        });
      }
      const idx = /^\s*@@(?:index|unique)\(.*map:\s*"([^"]+)".*where:\s*raw\("((?:[^"\\]|\\.)*)"\)/.exec(line) ??
        /^\s*@@(?:index|unique)\(.*where:\s*raw\("((?:[^"\\]|\\.)*)"\).*map:\s*"([^"]+)"/.exec(line);
      if (idx) {
        const [name, pred] = line.indexOf('map:') < line.indexOf('where:') ? [idx[1]!, idx[2]!] : [idx[2]!, idx[1]!];
        info.predicates.set(name, pred.replaceAll('\\"', '"'));
      } else if (/^\s*@@(?:index|unique)\(.*where:/.test(line)) {
        throw new Error(`drift comparer: give the partial index in model ${model} an explicit map: name`);
      }
    }
    out.set(model, info);
  }
  return out;
}

function columnOf(model: DmmfModel, fieldName: string, text: ModelText | undefined): string {
  const f = model.fields.find((x) => x.name === fieldName);
  if (f) return f.dbName ?? f.name;
  const u = text?.unsupported.find((x) => x.field === fieldName);
  if (u) return u.column;
  throw new Error(`drift comparer: ${model.name}.${fieldName} not found`);
}

const REFERENTIAL: Record<string, string> = {
  Cascade: 'CASCADE',
  Restrict: 'RESTRICT',
  NoAction: 'NO ACTION',
  SetNull: 'SET NULL',
  SetDefault: 'SET DEFAULT',
};

export function expectedSchema(dmmf: DmmfDocument, schemaText: string): SchemaShape {
  const texts = parseSchemaText(schemaText);
  const enumDbNames = new Map(dmmf.datamodel.enums.map((e) => [e.name, e.dbName ?? e.name]));
  const tableOf = new Map(dmmf.datamodel.models.map((m) => [m.name, m.dbName ?? m.name]));
  const shape: SchemaShape = { tables: {}, enums: {} };
  for (const e of dmmf.datamodel.enums) shape.enums[e.dbName ?? e.name] = e.values.map((v) => v.dbName ?? v.name);

  for (const model of dmmf.datamodel.models) {
    const table = tableOf.get(model.name)!;
    const text = texts.get(model.name);
    const t: TableShape = { columns: {}, indexes: {}, foreignKeys: {} };
    for (const f of model.fields) {
      if (f.kind !== 'scalar' && f.kind !== 'enum') continue;
      const column = f.dbName ?? f.name;
      const type = columnType(f, enumDbNames);
      t.columns[column] = { type, nullable: f.isList || !f.isRequired, default: columnDefault(table, column, f, type) };
    }
    for (const u of text?.unsupported ?? []) t.columns[u.column] = { type: u.type, nullable: u.nullable, default: u.default };

    for (const ix of dmmf.datamodel.indexes.filter((i) => i.model === model.name)) {
      const cols = ix.fields.map((f) => columnOf(model, f.name, text));
      const described = ix.fields.map((f, i) => {
        let c = cols[i]!;
        if (f.operatorClass) c += ` ${f.operatorClass.toLowerCase()}`;
        if (f.sortOrder === 'desc') c += ' DESC';
        return c;
      });
      const suffix = ix.type === 'id' ? 'pkey' : ix.type === 'unique' ? 'key' : 'idx';
      const name = ix.dbName ?? ident(ix.type === 'id' ? `${table}_pkey` : `${table}_${cols.join('_')}_${suffix}`);
      t.indexes[name] = {
        unique: ix.type !== 'normal',
        primary: ix.type === 'id',
        columns: described,
        predicate: text?.predicates.get(name) ?? null,
      };
    }

    for (const f of model.fields) {
      if (f.kind !== 'object' || !f.relationFromFields?.length) continue;
      const cols = f.relationFromFields.map((n) => columnOf(model, n, text));
      const target = dmmf.datamodel.models.find((m) => m.name === f.type)!;
      const refCols = (f.relationToFields ?? []).map((n) => columnOf(target, n, texts.get(target.name)));
      const required = f.relationFromFields.every((n) => model.fields.find((x) => x.name === n)?.isRequired);
      const onDelete = f.relationOnDelete ?? (required ? 'Restrict' : 'SetNull');
      t.foreignKeys[ident(`${table}_${cols.join('_')}_fkey`)] = {
        columns: cols,
        refTable: tableOf.get(target.name)!,
        refColumns: refCols,
        onDelete: REFERENTIAL[onDelete]!,
        onUpdate: REFERENTIAL[f.relationOnUpdate ?? 'Cascade']!,
      };
    }
    shape.tables[table] = t;
  }
  return shape;
}

// ───────────────────────────── actual, from pg_catalog ─────────────────────────────

const ACTION: Record<string, string> = { a: 'NO ACTION', r: 'RESTRICT', c: 'CASCADE', n: 'SET NULL', d: 'SET DEFAULT' };

export async function actualSchema(client: pg.Client | pg.PoolClient, schema = 'public', ignoreTables = ['_prisma_migrations']): Promise<SchemaShape> {
  const shape: SchemaShape = { tables: {}, enums: {} };
  const tables = await client.query<{ relname: string }>(
    `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') ORDER BY c.relname`,
    [schema],
  );
  for (const { relname } of tables.rows) {
    if (!ignoreTables.includes(relname)) shape.tables[relname] = { columns: {}, indexes: {}, foreignKeys: {} };
  }
  const cols = await client.query<{ table: string; column: string; type: string; notnull: boolean; default: string | null }>(
    `SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
            a.attnotnull AS notnull, pg_get_expr(d.adbin, d.adrelid) AS default
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped`,
    [schema],
  );
  for (const r of cols.rows) {
    const t = shape.tables[r.table];
    if (t) t.columns[r.column] = { type: r.type, nullable: !r.notnull, default: r.default };
  }
  const idx = await client.query<{
    table: string;
    index: string;
    unique: boolean;
    primary: boolean;
    columns: string[];
    predicate: string | null;
  }>(
    `SELECT t.relname AS table, i.relname AS index, x.indisunique AS unique, x.indisprimary AS primary,
            pg_get_expr(x.indpred, x.indrelid) AS predicate,
            ARRAY(
              SELECT coalesce(a.attname::text, pg_get_indexdef(x.indexrelid, k.ord::int, true))
                     || CASE WHEN NOT oc.opcdefault THEN ' ' || oc.opcname ELSE '' END
                     || CASE WHEN (x.indoption[k.ord - 1] & 1) = 1 THEN ' DESC' ELSE '' END
                FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum
                JOIN pg_opclass oc ON oc.oid = x.indclass[k.ord - 1]
               ORDER BY k.ord) AS columns
       FROM pg_index x
       JOIN pg_class i ON i.oid = x.indexrelid
       JOIN pg_class t ON t.oid = x.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = $1`,
    [schema],
  );
  for (const r of idx.rows) {
    const t = shape.tables[r.table];
    if (t) t.indexes[r.index] = { unique: r.unique, primary: r.primary, columns: r.columns, predicate: r.predicate };
  }
  const fks = await client.query<{
    table: string;
    name: string;
    columns: string[];
    ref_table: string;
    ref_columns: string[];
    del: string;
    upd: string;
  }>(
    `SELECT t.relname AS table, c.conname AS name, rt.relname AS ref_table,
            ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, o)
                    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.o) AS columns,
            ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(n, o)
                    JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.o) AS ref_columns,
            c.confdeltype::text AS del, c.confupdtype::text AS upd
       FROM pg_constraint c
       JOIN pg_class t ON t.oid = c.conrelid
       JOIN pg_class rt ON rt.oid = c.confrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = $1 AND c.contype = 'f'`,
    [schema],
  );
  for (const r of fks.rows) {
    const t = shape.tables[r.table];
    if (t) {
      t.foreignKeys[r.name] = {
        columns: r.columns,
        refTable: r.ref_table,
        refColumns: r.ref_columns,
        onDelete: ACTION[r.del] ?? r.del,
        onUpdate: ACTION[r.upd] ?? r.upd,
      };
    }
  }
  const enums = await client.query<{ name: string; values: string[] }>(
    `SELECT t.typname AS name, ARRAY(SELECT e.enumlabel::text FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) AS values
       FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = $1 AND t.typtype = 'e'`,
    [schema],
  );
  for (const r of enums.rows) shape.enums[r.name] = r.values;
  return shape;
}

// ───────────────────────────── comparison ─────────────────────────────

/** Index predicates as written and as pg_get_expr prints them differ in parentheses and quoting. */
export function normalizePredicate(p: string | null): string | null {
  if (p === null) return null;
  let s = p.replaceAll('"', '').replace(/\s+/g, ' ').trim();
  while (s.startsWith('(') && s.endsWith(')') && balanced(s.slice(1, -1))) s = s.slice(1, -1).trim();
  return s;
}

function balanced(s: string): boolean {
  let depth = 0;
  for (const ch of s) {
    if (ch === '(') depth++;
    else if (ch === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Every difference between the expected and the actual schema, one line each; [] when they agree. */
export function compareSchemas(expected: SchemaShape, actual: SchemaShape): string[] {
  const diffs: string[] = [];
  const keys = (a: object, b: object) => [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();

  for (const name of keys(expected.enums, actual.enums)) {
    const e = expected.enums[name];
    const a = actual.enums[name];
    if (!a) diffs.push(`enum ${name}: missing in the database`);
    else if (!e) diffs.push(`enum ${name}: in the database but not in schema.prisma`);
    else if (!same(e, a)) diffs.push(`enum ${name}: values ${JSON.stringify(a)} in the database, ${JSON.stringify(e)} in schema.prisma`);
  }

  for (const table of keys(expected.tables, actual.tables)) {
    const e = expected.tables[table];
    const a = actual.tables[table];
    if (!a) {
      diffs.push(`table ${table}: missing in the database`);
      continue;
    }
    if (!e) {
      diffs.push(`table ${table}: in the database but not in schema.prisma`);
      continue;
    }
    for (const col of keys(e.columns, a.columns)) {
      const ec = e.columns[col];
      const ac = a.columns[col];
      if (!ac) diffs.push(`column ${table}.${col}: missing in the database`);
      else if (!ec) diffs.push(`column ${table}.${col}: in the database but not in schema.prisma`);
      else {
        if (ec.type !== ac.type) diffs.push(`column ${table}.${col}: type ${ac.type} in the database, ${ec.type} in schema.prisma`);
        if (ec.nullable !== ac.nullable) {
          diffs.push(`column ${table}.${col}: ${ac.nullable ? 'nullable' : 'NOT NULL'} in the database, ${ec.nullable ? 'nullable' : 'NOT NULL'} in schema.prisma`);
        }
        if (ec.default !== ac.default) diffs.push(`column ${table}.${col}: default ${ac.default ?? 'none'} in the database, ${ec.default ?? 'none'} in schema.prisma`);
      }
    }
    for (const name of keys(e.indexes, a.indexes)) {
      const ei = e.indexes[name];
      const ai = a.indexes[name];
      const kind = (i: IndexShape) => (i.primary ? 'primary key' : i.unique ? 'unique index' : 'index');
      if (!ai) diffs.push(`${kind(ei!)} ${table}.${name}: missing in the database`);
      else if (!ei) diffs.push(`${kind(ai)} ${table}.${name}: in the database but not in schema.prisma`);
      else {
        if (kind(ei) !== kind(ai)) diffs.push(`index ${table}.${name}: ${kind(ai)} in the database, ${kind(ei)} in schema.prisma`);
        if (!same(ei.columns, ai.columns)) diffs.push(`index ${table}.${name}: on (${ai.columns.join(', ')}) in the database, (${ei.columns.join(', ')}) in schema.prisma`);
        const ep = normalizePredicate(ei.predicate);
        const ap = normalizePredicate(ai.predicate);
        if (ep !== ap) diffs.push(`index ${table}.${name}: WHERE ${ap ?? '(none)'} in the database, ${ep ?? '(none)'} in schema.prisma`);
      }
    }
    for (const name of keys(e.foreignKeys, a.foreignKeys)) {
      const ef = e.foreignKeys[name];
      const af = a.foreignKeys[name];
      const show = (f: ForeignKeyShape) =>
        `(${f.columns.join(', ')}) → ${f.refTable}(${f.refColumns.join(', ')}) ON DELETE ${f.onDelete} ON UPDATE ${f.onUpdate}`;
      if (!af) diffs.push(`foreign key ${table}.${name}: missing in the database`);
      else if (!ef) diffs.push(`foreign key ${table}.${name}: in the database but not in schema.prisma`);
      else if (!same(ef, af)) diffs.push(`foreign key ${table}.${name}: ${show(af)} in the database, ${show(ef)} in schema.prisma`);
    }
  }
  return diffs;
}
