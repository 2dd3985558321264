// One pass per verifiable row: its COPY line and its record document's canonical (RFC 8785)
// text, from one conversion of each value. The profile of a 20k-member seed showed the generic
// path (recordData → canonicalize → copyLine) spending a third of its time formatting every date
// twice, sorting keys and walking objects; here the key order, envelope and encodings are
// compiled once per model. Sink checks the first records of each type against the generic path
// (canonicalize, makeDocument, leafHash, copyLine), so the two cannot drift apart unnoticed.
import { canonicalize } from '@lianjian/verify';
import { dmmf, type DmmfField } from '../dmmf.js';
import { NUMBER_BIGINT_FIELDS, PRIVATE_FIELDS, safeNumber, type VerifiableModel } from '../records.js';
import { escapeCopy, tableSpec } from './copy.js';

/** How a value is written; see `encodeValue`. */
type Kind = 'str' | 'num' | 'bigint' | 'bignum' | 'bool' | 'ts' | 'day' | 'bytes' | 'json';

interface Column {
  field: string;
  kind: Kind;
  list: boolean;
  /** Position of the field in `data` (sorted key order), or -1 when it is not record data. */
  dataAt: number;
}

export interface CompiledModel {
  columns: Column[];
  /** `"key":` for each data field, in canonical (sorted) order. */
  dataKeys: string[];
  /** Envelope tail after `"salt":"…"`. */
  tail: string;
}

/** Carried by the document envelope, not repeated in `data` (records.ts). */
const ENVELOPE = new Set(['id', 'version', 'orgUnitId', 'createdAt', 'updatedAt']);
// I-JSON forbids unpaired surrogates (as verify's jcs.ts refuses them).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function kindOf(f: DmmfField): Kind {
  if (f.kind === 'enum') return 'str';
  switch (f.type) {
    case 'String':
      return 'str';
    case 'Int':
    case 'Float':
      return 'num';
    case 'BigInt':
    case 'Decimal':
      return 'bigint';
    case 'Boolean':
      return 'bool';
    case 'DateTime':
      return f.nativeType?.[0] === 'Date' ? 'day' : 'ts';
    case 'Bytes':
      return 'bytes';
    case 'Json':
      return 'json';
    default:
      throw new Error(`no record encoding for ${f.type} (${f.name})`);
  }
}

const compiled = new Map<string, CompiledModel>();

export function compileModel(model: VerifiableModel): CompiledModel {
  let c = compiled.get(model);
  if (c) return c;
  const m = dmmf.datamodel.models.find((x) => x.name === model);
  if (!m) throw new Error(`unknown model ${model}`);
  const hidden = new Set(PRIVATE_FIELDS[model] ?? []);
  const copyFields = tableSpec(model).columns.map((x) => x.field);
  const byName = new Map(m.fields.map((f) => [f.name, f]));
  const data = copyFields.filter((n) => !ENVELOPE.has(n) && !hidden.has(n)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const columns = copyFields.map((n) => {
    const f = byName.get(n)!;
    // A BigInt whose document keeps a JSON number (records.ts NUMBER_BIGINT_FIELDS).
    const kind = f.type === 'BigInt' && NUMBER_BIGINT_FIELDS[model]?.includes(n) ? 'bignum' : kindOf(f);
    return { field: n, kind, list: f.isList, dataAt: data.indexOf(n) };
  });
  c = { columns, dataKeys: data.map((k) => JSON.stringify(k) + ':'), tail: `,"type":${JSON.stringify(model)},"v":1,"version":` };
  compiled.set(model, c);
  return c;
}

// Date-only values recur across members: memoised per day.
const days = new Map<number, string>();
function day(d: Date): string {
  const t = d.getTime();
  let s = days.get(t);
  if (s === undefined) {
    s = d.toISOString().slice(0, 10);
    if (days.size < 200_000) days.set(t, s);
  }
  return s;
}

function jsonString(s: string): string {
  if (LONE_SURROGATE.test(s)) throw new Error('string contains an unpaired UTF-16 surrogate');
  return JSON.stringify(s);
}

/** [COPY text before escaping, canonical JSON] of one non-null value. */
function encodeValue(kind: Kind, v: unknown): [string, string] {
  switch (kind) {
    case 'str': {
      const s = String(v);
      return [s, jsonString(s)];
    }
    case 'num': {
      const n = v as number;
      if (!Number.isFinite(n)) throw new Error(`${n} is not a JSON number`);
      const s = JSON.stringify(n);
      return [s, s];
    }
    case 'bigint': {
      const s = String(v);
      return [s, '"' + s + '"'];
    }
    case 'bignum': {
      const s = String(safeNumber(v));
      return [s, s];
    }
    case 'bool':
      return v ? ['t', 'true'] : ['f', 'false'];
    case 'ts': {
      if (!(v instanceof Date) || Number.isNaN(v.getTime())) throw new TypeError(`expected a Date, got ${String(v)}`);
      const s = v.toISOString();
      return [s, '"' + s + '"'];
    }
    case 'day': {
      if (!(v instanceof Date)) throw new TypeError(`expected a Date, got ${String(v)}`);
      const s = day(v);
      return [s, '"' + s + '"'];
    }
    case 'bytes': {
      if (!(v instanceof Uint8Array)) throw new TypeError('expected bytes');
      const h = Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex');
      return ['\\x' + h, '"' + h + '"'];
    }
    case 'json':
      // The column gets what copy.ts writes (jsonb parses either); the document the JCS form.
      return [JSON.stringify(v), canonicalize(v)];
  }
}

/** An element of a COPY array literal, always double-quoted (as copy.ts writes them). */
function arrayElement(s: string): string {
  return '"' + s.replace(/["\\]/g, (ch) => '\\' + ch) + '"';
}

export interface EncodedRecord {
  line: string;
  /** The canonical document text. */
  document: string;
  /** `at` of the document (the row's updatedAt, RFC 3339). */
  at: string;
}

/**
 * The COPY line of `row` and the canonical text of its version-1 record document
 * (`{"actor","at","data","id","org","salt","type","v","version"}`, JCS key order).
 */
export function encodeRecord(model: VerifiableModel, row: Record<string, unknown>, org: string, salt: string): EncodedRecord {
  const c = compileModel(model);
  const data: string[] = new Array(c.dataKeys.length);
  // Parts joined once: concatenating column by column builds rope strings that cost more in GC
  // and flattening than the formatting itself.
  const parts: string[] = new Array(c.columns.length);
  let at = '';
  for (let i = 0; i < c.columns.length; i++) {
    const col = c.columns[i]!;
    const v = row[col.field];
    if (v === null || v === undefined) {
      parts[i] = '\\N';
      if (col.dataAt >= 0) data[col.dataAt] = c.dataKeys[col.dataAt] + 'null';
      continue;
    }
    let copy: string;
    let json: string;
    if (col.list) {
      const items = (v as unknown[]).map((x) => encodeValue(col.kind, x));
      copy = '{' + items.map((x) => arrayElement(x[0])).join(',') + '}';
      json = '[' + items.map((x) => x[1]).join(',') + ']';
    } else {
      [copy, json] = encodeValue(col.kind, v);
    }
    parts[i] = col.kind === 'str' || col.kind === 'json' || col.kind === 'bytes' || col.list ? escapeCopy(copy) : copy;
    if (col.dataAt >= 0) data[col.dataAt] = c.dataKeys[col.dataAt] + json;
    if (col.field === 'updatedAt') at = copy;
  }
  const document =
    '{"actor":"system","at":"' + at + '","data":{' + data.join(',') + '},"id":' + jsonString(row.id as string) + ',"org":' + jsonString(org) +
    ',"salt":"' + salt + '"' + c.tail + String(row.version) + '}';
  parts[parts.length - 1] += '\n';
  return { line: parts.join('\t'), document, at };
}
