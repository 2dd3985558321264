import { CanonicalizationError } from './errors.js';

/**
 * RFC 8785 (JCS). Written here rather than taken from npm because the `canonicalize` package
 * needs Node 22, and because this function defines the bytes every proof commits to.
 *
 * Input is the JSON data model only: null, booleans, finite numbers, strings, arrays and plain
 * objects. Anything JSON.stringify would silently drop or convert (undefined, functions,
 * symbols, BigInt, Date, Map, NaN, Infinity, holes in arrays) is refused, because a silent
 * conversion would make two different inputs hash the same.
 */
export function canonicalize(value: unknown): string {
  // The fast walk builds no paths (a path string per member was a good part of the cost of a
  // document); on any refusal the walk below runs again to name where the value went wrong. Both
  // walks apply the same rules, so they accept and refuse the same values and write the same text.
  try {
    return fast(value, []);
  } catch {
    return serialize(value, '$', []);
  }
}

/** A string's canonical JSON text (RFC 8785 §3.2.2.2); `path` names it in the refusal. */
export function canonicalString(value: string, path: string): string {
  return serializeString(value, path);
}

const encoder = new TextEncoder();

/** The UTF-8 bytes of the canonical form: what a leaf hash commits to. */
export function canonicalBytes(value: unknown): Uint8Array {
  return encoder.encode(canonicalize(value));
}

// I-JSON (RFC 7493, which JCS requires) forbids unpaired surrogates; UTF-8 cannot carry them
// either, and TextEncoder would replace them with U+FFFD, so two strings would share one hash.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function serialize(value: unknown, path: string, ancestors: object[]): string {
  switch (typeof value) {
    case 'string':
      return serializeString(value, path);
    case 'number':
      if (!Number.isFinite(value)) {
        throw new CanonicalizationError(`${path}: ${value} is not allowed in JSON (RFC 8785 §3.2.2.3)`);
      }
      // ECMAScript Number::toString is exactly the serialisation RFC 8785 §3.2.2.3 prescribes,
      // and JSON.stringify applies it (including -0 -> "0").
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (value === null) return 'null';
      return serializeContainer(value, path, ancestors);
    case 'undefined':
      throw new CanonicalizationError(`${path}: undefined is not a JSON value (use null or leave the key out)`);
    case 'bigint':
      throw new CanonicalizationError(`${path}: BigInt is not a JSON value (encode it as a string)`);
    case 'function':
      throw new CanonicalizationError(`${path}: a function is not a JSON value`);
    case 'symbol':
      throw new CanonicalizationError(`${path}: a symbol is not a JSON value`);
  }
  throw new CanonicalizationError(`${path}: unsupported value of type ${typeof value}`);
}

function serializeString(value: string, path: string): string {
  if (LONE_SURROGATE.test(value)) {
    throw new CanonicalizationError(`${path}: string contains an unpaired UTF-16 surrogate`);
  }
  // For well-formed strings JSON.stringify escapes exactly what RFC 8785 §3.2.2.2 requires:
  // '"', '\\', \b \t \n \f \r, other controls as lowercase \u00xx, everything else as is.
  return JSON.stringify(value);
}

function serializeContainer(value: object, path: string, ancestors: object[]): string {
  if (ancestors.includes(value)) throw new CanonicalizationError(`${path}: cyclic structure`);
  ancestors.push(value);
  try {
    if (Array.isArray(value)) return serializeArray(value, path, ancestors);
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      const kind = (value as { constructor?: { name?: string } }).constructor?.name ?? 'object';
      throw new CanonicalizationError(
        `${path}: ${kind} is not a plain JSON object (convert it first, e.g. a Date to an RFC 3339 string)`,
      );
    }
    if (Object.getOwnPropertySymbols(value).length > 0) {
      throw new CanonicalizationError(`${path}: object has symbol keys, which JSON cannot carry`);
    }
    const record = value as Record<string, unknown>;
    // Sorting by UTF-16 code units is what RFC 8785 §3.2.3 asks for, and what JS string
    // comparison does; localeCompare would not.
    const keys = Object.keys(record).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const members = keys.map((key) => {
      const memberPath = `${path}.${key}`;
      return `${serializeString(key, memberPath)}:${serialize(record[key], memberPath, ancestors)}`;
    });
    return `{${members.join(',')}}`;
  } finally {
    ancestors.pop();
  }
}

function serializeArray(value: unknown[], path: string, ancestors: object[]): string {
  const items: string[] = [];
  for (let i = 0; i < value.length; i++) {
    if (!(i in value)) throw new CanonicalizationError(`${path}[${i}]: arrays must not have holes`);
    items.push(serialize(value[i], `${path}[${i}]`, ancestors));
  }
  return `[${items.join(',')}]`;
}

// The same rules as serialize, without paths: any refusal throws (the message is serialize's job).
function fast(value: unknown, ancestors: object[]): string {
  switch (typeof value) {
    case 'string':
      if (LONE_SURROGATE.test(value)) throw new CanonicalizationError('unpaired surrogate');
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalizationError('not finite');
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (value === null) return 'null';
      if (ancestors.includes(value)) throw new CanonicalizationError('cyclic');
      ancestors.push(value);
      let out: string;
      if (Array.isArray(value)) {
        out = '[';
        for (let i = 0; i < value.length; i++) {
          if (!(i in value)) throw new CanonicalizationError('hole');
          out += (i ? ',' : '') + fast(value[i], ancestors);
        }
        out += ']';
      } else {
        const proto: unknown = Object.getPrototypeOf(value);
        if (proto !== Object.prototype && proto !== null) throw new CanonicalizationError('not plain');
        if (Object.getOwnPropertySymbols(value).length > 0) throw new CanonicalizationError('symbol keys');
        const record = value as Record<string, unknown>;
        const keys = Object.keys(record).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        out = '{';
        for (let k = 0; k < keys.length; k++) {
          const key = keys[k]!;
          if (LONE_SURROGATE.test(key)) throw new CanonicalizationError('unpaired surrogate');
          out += (k ? ',' : '') + JSON.stringify(key) + ':' + fast(record[key], ancestors);
        }
        out += '}';
      }
      ancestors.pop();
      return out;
    }
    default:
      throw new CanonicalizationError('not a JSON value');
  }
}
