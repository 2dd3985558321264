// One check of every argument of a request, however it arrives: literals in the document, variables,
// fields of input objects, items of lists. Modules validate what their fields mean; this refuses
// what no field may hold, before any resolver runs:
//   - text no column can store as sent: an unpaired UTF-16 surrogate (JSON allows the escape
//     "\ud800"; UTF-8 cannot encode it, so Postgres would store U+FFFD instead of what the client
//     sent, and the record would prove the substitute) and NUL (Postgres refuses it: an internal
//     error, reachable anonymously through signIn);
//   - text longer than any field needs (a 900 KB search string took 2.3 s of database time);
//   - bidirectional controls in names and titles, which make a name display as another;
//   - dates outside 1900–2100: loops over the months of a period ran a million times for the
//     year 9999, and Postgres refuses years its date type cannot hold.
// Variables are also checked for NUL and surrogates before a request queues for a slot (server.ts).
import {
  getVariableValues,
  isInputObjectType,
  isListType,
  isNonNullType,
  TypeInfo,
  valueFromAST,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { badInput, type FieldError } from '../shared/errors.js';

const MAX_REPORTED = 20;
// String.prototype.isWellFormed is ES2024; the project's lib is ES2023.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;

export { MAX_NAME, MAX_SEARCH, MAX_TEXT, MAX_YEAR, MIN_YEAR } from '../shared/bounds.js';
import { MAX_NAME, MAX_SEARCH, MAX_TEXT, MAX_YEAR, MIN_YEAR } from '../shared/bounds.js';

/** Arguments and input fields holding a name or title (of a person, unit, meeting, vote, course…). */
const NAME_KEYS = new Set(['name', 'title', 'displayName', 'username', 'topic', 'label', 'toOrganisation']);

type Problem = { message: string; messageZh: string };

function unstorable(s: string): Problem | null {
  if (LONE_SURROGATE.test(s)) return { message: 'contains an unpaired UTF-16 surrogate (not a valid Unicode string).', messageZh: '包含不成对的 UTF-16 代理项（不是合法的 Unicode 字符串）。' };
  if (s.includes('\u0000')) return { message: 'must not contain NUL characters.', messageZh: '不能包含 NUL 字符。' };
  return null;
}

function textProblem(s: string, key: string): Problem | null {
  const bad = unstorable(s);
  if (bad) return bad;
  const max = key === 'search' ? MAX_SEARCH : NAME_KEYS.has(key) ? MAX_NAME : MAX_TEXT;
  if (s.length > max) return { message: `must be at most ${max} characters (got ${s.length}).`, messageZh: `不能超过 ${max} 个字符（收到 ${s.length} 个）。` };
  if (NAME_KEYS.has(key) && BIDI.test(s)) {
    return {
      message: 'must not contain bidirectional control characters (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C): they make a name display as something else.',
      messageZh: '不能包含双向文本控制字符（U+202A–U+202E、U+2066–U+2069、U+200E、U+200F、U+061C）：它们会使名称显示成别的内容。',
    };
  }
  return null;
}

const OUT_OF_RANGE: Problem = { message: `must be between ${MIN_YEAR}-01-01 and ${MAX_YEAR}-12-31.`, messageZh: `应在 ${MIN_YEAR}-01-01 至 ${MAX_YEAR}-12-31 之间。` };

function leafProblem(value: unknown, key: string): Problem | null {
  if (typeof value === 'string') return textProblem(value, key);
  if (value instanceof Date) {
    const y = value.getUTCFullYear();
    return y >= MIN_YEAR && y <= MAX_YEAR ? null : OUT_OF_RANGE;
  }
  return null;
}

/** Untyped values (variables as sent, JSON scalars): text only, object keys too. */
function walk(value: unknown, path: string, out: FieldError[], depth: number, check: (s: string) => Problem | null): void {
  if (out.length >= MAX_REPORTED || depth > 64) return;
  if (typeof value === 'string') {
    const p = check(value);
    if (p) out.push({ field: path, ...p });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => walk(v, `${path}[${i}]`, out, depth + 1, check));
  } else if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    for (const [k, v] of Object.entries(value)) {
      const key = check(k);
      if (key) out.push({ field: `${path}.<key>`, ...key });
      walk(v, path ? `${path}.${k}` : k, out, depth + 1, check);
    }
  }
}

/** A coerced argument value against its type: `key` is the argument's or input field's name. */
function checkTyped(value: unknown, type: GraphQLInputType, key: string, path: string, out: FieldError[]): void {
  if (value == null || out.length >= MAX_REPORTED) return;
  if (isNonNullType(type)) return checkTyped(value, type.ofType, key, path, out);
  if (isListType(type)) {
    if (Array.isArray(value)) value.forEach((v, i) => checkTyped(v, type.ofType, key, `${path}[${i}]`, out));
    return;
  }
  if (isInputObjectType(type)) {
    const fields = type.getFields();
    for (const [k, v] of Object.entries(value as object)) {
      const f = fields[k];
      if (f) checkTyped(v, f.type, k, `${path}.${k}`, out);
    }
    return;
  }
  if (type.name === 'JSON') return walk(value, path, out, 0, (s) => textProblem(s, ''));
  const p = leafProblem(value, key);
  if (p) out.push({ field: path, ...p });
}

/** A BAD_USER_INPUT error naming each variable (e.g. "input.name") whose text cannot be stored, or null. */
export function unstorableText(variables: unknown) {
  const out: FieldError[] = [];
  walk(variables, '', out, 0, unstorable);
  return out.length ? badInput(out) : null;
}

/**
 * A BAD_USER_INPUT error (HTTP 400) naming every argument of the operation, literal or variable,
 * that no field accepts; null when all pass. Variables that do not coerce are left to execution,
 * which reports them.
 */
export function hostileArguments(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined) {
  const vars = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
  if (vars.errors) return null;
  const out: FieldError[] = [];
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        const arg = typeInfo.getArgument();
        if (!arg) return;
        checkTyped(valueFromAST(node.value, arg.type, vars.coerced), arg.type, arg.name, arg.name, out);
      },
    }),
  );
  if (!out.length) return null;
  const e = badInput(out);
  e.extensions.http = { status: 400 };
  return e;
}
