// Rows → PostgreSQL COPY text format, with columns and value encodings taken from the DMMF, so
// the seed writes exactly the columns schema.prisma declares.
import { dmmf, type DmmfField } from '../dmmf.js';

type Encoder = (value: unknown) => string;

export interface ColumnSpec {
  field: string;
  column: string;
  encode: Encoder;
}

export interface TableSpec {
  model: string;
  table: string;
  columns: ColumnSpec[];
  /** `COPY "table" ("a", "b") FROM STDIN`. */
  copySql: string;
}

const NULL = '\\N';

/** COPY text format: backslash, tab, newline and carriage return are escaped. */
export function escapeCopy(s: string): string {
  if (!/[\\\t\n\r]/.test(s)) return s;
  return s.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

function isoDate(v: unknown): string {
  if (!(v instanceof Date) || Number.isNaN(v.getTime())) throw new TypeError(`expected a Date, got ${String(v)}`);
  return v.toISOString();
}

// Date-only values repeat a lot (the same days recur across members): memoised.
const ymdCache = new Map<number, string>();
function ymdOf(v: unknown): string {
  if (!(v instanceof Date)) throw new TypeError(`expected a Date, got ${String(v)}`);
  const t = v.getTime();
  let s = ymdCache.get(t);
  if (s === undefined) {
    s = isoDate(v).slice(0, 10);
    if (ymdCache.size < 100_000) ymdCache.set(t, s);
  }
  return s;
}

/** An element of an array literal, always double-quoted. */
function arrayElement(s: string): string {
  return '"' + s.replace(/["\\]/g, (c) => '\\' + c) + '"';
}

function scalarEncoder(f: DmmfField): (v: unknown) => string {
  switch (f.type) {
    case 'String':
      return (v) => String(v);
    case 'Int':
    case 'BigInt':
    case 'Float':
    case 'Decimal':
      return (v) => String(v);
    case 'Boolean':
      return (v) => (v ? 't' : 'f');
    case 'DateTime':
      return f.nativeType?.[0] === 'Date' ? ymdOf : isoDate;
    case 'Json':
      return (v) => JSON.stringify(v);
    case 'Bytes':
      return (v) => {
        if (!(v instanceof Uint8Array)) throw new TypeError(`${f.name}: expected bytes`);
        return '\\x' + Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex');
      };
    default:
      if (f.kind === 'enum') return (v) => String(v);
      throw new Error(`no COPY encoding for ${f.type} (${f.name})`);
  }
}

function encoder(f: DmmfField): Encoder {
  const one = scalarEncoder(f);
  if (f.isList) {
    return (v) => (v === null || v === undefined ? NULL : escapeCopy('{' + (v as unknown[]).map((x) => arrayElement(one(x))).join(',') + '}'));
  }
  return (v) => (v === null || v === undefined ? NULL : escapeCopy(one(v)));
}

const specs = new Map<string, TableSpec>();
const omitting = new Map<string, TableSpec>();

/** Columns of a model's table; `omit` leaves columns to their database defaults. */
export function tableSpec(model: string, omit: readonly string[] = []): TableSpec {
  // Called per row: the common no-omit case is one map lookup.
  const key = omit.length ? `${model}:${omit.join(',')}` : model;
  const cache = omit.length ? omitting : specs;
  let spec = cache.get(key);
  if (!spec) {
    const m = dmmf.datamodel.models.find((x) => x.name === model);
    if (!m) throw new Error(`unknown model ${model}`);
    const columns = m.fields
      .filter((f) => (f.kind === 'scalar' || f.kind === 'enum') && !omit.includes(f.name))
      .map((f) => ({ field: f.name, column: f.dbName ?? f.name, encode: encoder(f) }));
    const table = m.dbName ?? m.name;
    spec = {
      model,
      table,
      columns,
      copySql: `COPY "${table}" (${columns.map((c) => `"${c.column}"`).join(', ')}) FROM STDIN`,
    };
    cache.set(key, spec);
  }
  return spec;
}

/** One COPY line (with its newline). Missing required values are a bug in the generator. */
export function copyLine(spec: TableSpec, row: Record<string, unknown>): string {
  let line = '';
  for (let i = 0; i < spec.columns.length; i++) {
    const c = spec.columns[i]!;
    if (i) line += '\t';
    line += c.encode(row[c.field]);
  }
  return line + '\n';
}
