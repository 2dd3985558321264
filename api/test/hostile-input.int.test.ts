// Property test over the whole schema: no request, anonymous or signed in, gets an internal error
// from its input alone. The schema is introspected over HTTP; every argument of every query and
// mutation (and of the fields one level below a query's result: analytics(…){ points(year:) },
// orgUnit(…){ members(first:) }), down to the fields of input objects and the items of lists, gets
// hostile values — NUL, unpaired surrogates, bidirectional controls, 1 MB of text, LIKE
// wildcards, dates that do not exist or lie millennia away, integers at ±2^53, ±2^31, -1 and 0 —
// as a literal in the document and as a variable, as every role (the 1 MB string as one role per
// argument, in turn). Every answer must be a normal one or errors each with a code (errors.ts's
// catalogue, a module's refusal such as ATTEMPT_EXPIRED, or Apollo's GRAPHQL_VALIDATION_FAILED for a
// literal that is not a valid Int) other than INTERNAL_SERVER_ERROR, with an HTTP status below 500.
// Values come from fast-check with a fixed seed, so a failure replays.
import fc from 'fast-check';
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type IntrospectionQuery,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { apiSuite } from './suite.js';

const SEED = 20261231;
/** Runs per argument; each run sends one value of every class as every role. */
const RUNS = 1;

type Role = 'anonymous' | 'member' | 'secretary' | 'leader' | 'admin';
const { h, fx, as } = apiSuite({ sessions: ['member', 'secretary', 'leader', 'admin'] });

// ───────── hostile values ─────────

const BIDI = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c'];
const MB = 'x'.repeat(1_000_000);
const around = (core: fc.Arbitrary<string>) => fc.tuple(fc.string({ maxLength: 6 }), core, fc.string({ maxLength: 6 })).map(([a, c, b]) => a + c + b);

/** Each class of hostile value a leaf type gets; every class is sent through every argument. */
const TEXT = [
  around(fc.constant('\u0000')),
  around(fc.constantFrom('\ud800', '\udbff', '\udc00', '\udfff')),
  around(fc.constantFrom(...BIDI)),
  fc.constant(MB),
  fc.constantFrom('%', '_', '\\', '%_%', '\\%'),
  fc.constantFrom('9999-12-31', '0000-01-01', '2026-02-30', '-1', '9007199254740992'),
];
const DATES = ['9999-12-31', '0000-01-01', '2026-02-30', '1899-12-31', '2101-01-01', '2025-02-29'].map((d) => fc.constant(d));
const DATE_TIMES = ['9999-12-31T23:59:59.999Z', '0000-01-01T00:00:00.000Z', '2026-02-30T08:00:00.000Z', '2026-04-31T08:00:00Z', '1899-12-31T23:59:59Z', '2026-01-01T24:00:00Z'].map((d) => fc.constant(d));
const INTS = [...[2 ** 53, -(2 ** 53), 2 ** 31 - 1, -(2 ** 31), -1, 0].map((n) => fc.constant(n)), fc.integer()];

function hostile(leaf: GraphQLNamedType): fc.Arbitrary<unknown>[] | null {
  switch (leaf.name) {
    case 'String':
    case 'ID':
      return TEXT;
    case 'Date':
      return DATES;
    case 'DateTime':
      return DATE_TIMES;
    case 'Int':
    case 'Float':
      return INTS;
    case 'JSON':
      return [...TEXT, fc.constant(2 ** 53), fc.dictionary(fc.string({ maxLength: 5 }), fc.oneof(...TEXT))];
    default:
      return null; // Booleans and enums have no hostile values.
  }
}

// ───────── where the values go ─────────

interface Position {
  op: 'query' | 'mutation';
  root: GraphQLField<unknown, unknown>;
  child?: GraphQLField<unknown, unknown>;
  arg: GraphQLArgument;
  /** Input field names below the argument; '[]' for a list item. */
  path: string[];
  leaf: GraphQLNamedType;
  label: string;
}

function leafPositions(type: GraphQLInputType, path: string[], seen: Set<string>, out: { path: string[]; leaf: GraphQLNamedType }[]): void {
  if (isNonNullType(type)) return leafPositions(type.ofType, path, seen, out);
  if (isListType(type)) return leafPositions(type.ofType, [...path, '[]'], seen, out);
  if (isInputObjectType(type)) {
    if (seen.has(type.name)) return;
    for (const f of Object.values(type.getFields())) leafPositions(f.type, [...path, f.name], new Set([...seen, type.name]), out);
    return;
  }
  out.push({ path, leaf: type });
}

function positionsOf(op: Position['op'], root: GraphQLField<unknown, unknown>, child?: GraphQLField<unknown, unknown>): Position[] {
  const out: Position[] = [];
  for (const arg of (child ?? root).args) {
    const leaves: { path: string[]; leaf: GraphQLNamedType }[] = [];
    leafPositions(arg.type, [], new Set(), leaves);
    for (const { path, leaf } of leaves) {
      if (!hostile(leaf)) continue;
      const at = [arg.name, ...path].join('.').replace(/\.\[\]/g, '[]');
      out.push({ op, root, child, arg, path, leaf, label: `${op} ${root.name}${child ? `.${child.name}` : ''}(${at}: ${leaf.name})` });
    }
  }
  return out;
}

const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

/** A plausible value for an argument that is not under test, so the request gets past it. */
function base(type: GraphQLInputType, name: string, field: string): unknown {
  if (isNonNullType(type)) return base(type.ofType, name, field);
  if (isListType(type)) return [base(type.ofType, name, field)];
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((f) => isNonNullType(f.type) && f.defaultValue === undefined)
        .map((f) => [f.name, base(f.type, f.name, field)]),
    );
  }
  if (isEnumType(type)) return type.getValues()[0]!.name;
  switch (type.name) {
    case 'ID':
      if (/member|subject|mentor|sponsor/i.test(name) || (name === 'id' && field === 'member')) return fx.members.m1.id;
      if (/unit|under/i.test(name) || (name === 'id' && field === 'orgUnit')) return fx.units.b1.id;
      return NO_SUCH_ID;
    case 'String':
      return name === 'type' ? 'Member' : name === 'metric' ? 'composition' : 'x';
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    case 'Date':
      return '2026-01-15';
    case 'DateTime':
      return '2026-01-15T08:00:00.000Z';
    default:
      return {};
  }
}

/** The argument's value with `v` at `path`, the rest filled with base values. */
function place(type: GraphQLInputType, path: string[], v: unknown, name: string, field: string): unknown {
  if (path.length === 0) return v;
  if (isNonNullType(type)) return place(type.ofType, path, v, name, field);
  if (isListType(type)) return [place(type.ofType, path.slice(1), v, name, field)];
  if (!isInputObjectType(type)) throw new Error(`cannot place a value under ${String(type)}`);
  const f = type.getFields()[path[0]!]!;
  return { ...(base(type, name, field) as object), [f.name]: place(f.type, path.slice(1), v, f.name, field) };
}

/** `value` written as a GraphQL literal of `type`. */
function literal(value: unknown, type: GraphQLInputType): string {
  if (isNonNullType(type)) return literal(value, type.ofType);
  if (value === null || value === undefined) return 'null';
  if (isListType(type)) return Array.isArray(value) ? `[${value.map((v) => literal(v, type.ofType)).join(', ')}]` : literal(value, type.ofType);
  if (isInputObjectType(type)) {
    const fields = type.getFields();
    return `{${Object.entries(value as object)
      .map(([k, v]) => `${k}: ${literal(v, fields[k]!.type)}`)
      .join(', ')}}`;
  }
  if (isEnumType(type)) return String(value);
  return untyped(value);
}

function untyped(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(untyped).join(', ')}]`;
  if (value !== null && typeof value === 'object') return `{${Object.entries(value).map(([k, v]) => `${/^[_A-Za-z][_0-9A-Za-z]*$/.test(k) ? k : 'k'}: ${untyped(v)}`).join(', ')}}`;
  return String(value);
}

function selection(type: GraphQLOutputType): string {
  return isCompositeType(getNamedType(type)) ? ' { __typename }' : '';
}

function args(field: GraphQLField<unknown, unknown>, fieldName: string, under: GraphQLArgument | null, rendered: string | null): string {
  const parts: string[] = [];
  for (const a of field.args) {
    if (a === under) parts.push(`${a.name}: ${rendered}`);
    else if (isNonNullType(a.type) && a.defaultValue === undefined) parts.push(`${a.name}: ${literal(base(a.type, a.name, fieldName), a.type)}`);
  }
  return parts.length ? `(${parts.join(', ')})` : '';
}

/** The document and variables sending `v` at the position, as a literal or as the variable $v. */
function request(p: Position, v: unknown, form: 'literal' | 'variable'): { query: string; variables: Record<string, unknown> } {
  const value = place(p.arg.type, p.path, v, p.arg.name, (p.child ?? p.root).name);
  const rendered = form === 'literal' ? literal(value, p.arg.type) : '$v';
  const vars = form === 'literal' ? '' : `($v: ${String(p.arg.type)})`;
  const body = p.child
    ? `${p.root.name}${args(p.root, p.root.name, null, null)} { ${p.child.name}${args(p.child, p.child.name, p.arg, rendered)}${selection(p.child.type)} }`
    : `${p.root.name}${args(p.root, p.root.name, p.arg, rendered)}${selection(p.root.type)}`;
  return { query: `${p.op} Fuzz${vars} { ${body} }`, variables: form === 'literal' ? {} : { v: value } };
}

// ───────── the property ─────────

let requestNo = 0;
const CODES = new Map<string, number>();

function show(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 60)}…(${s.length} chars)` : s;
}

async function send(p: Position, v: unknown, form: 'literal' | 'variable', role: Role): Promise<string | null> {
  const { query, variables } = request(p, v, form);
  const n = ++requestNo;
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    // A fresh address each time, so sign-in throttling never hides what the input would do.
    'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
  };
  const token = as[role].token;
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${h.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const text = await res.text();
  let body: { data?: unknown; errors?: { message?: string; extensions?: { code?: unknown } }[] };
  try {
    body = JSON.parse(text);
  } catch {
    return `${res.status} not JSON: ${text.slice(0, 200)}`;
  }
  for (const e of body.errors ?? []) CODES.set(String(e.extensions?.code), (CODES.get(String(e.extensions?.code)) ?? 0) + 1);
  const bad = (body.errors ?? []).filter((e) => typeof e.extensions?.code !== 'string' || e.extensions.code === 'INTERNAL_SERVER_ERROR' || !/^[A-Z][A-Z_]+$/.test(e.extensions.code));
  if (res.status >= 500 || bad.length > 0) return `${res.status} ${JSON.stringify(bad.length ? bad : body.errors).slice(0, 400)}`;
  if (body.errors === undefined && body.data == null) return `${res.status} neither data nor errors`;
  return null;
}

const ROLES: Role[] = ['anonymous', 'member', 'secretary', 'leader', 'admin'];

describe('hostile input through every argument of the schema', () => {
  it('never yields INTERNAL_SERVER_ERROR, whoever asks and however the value is sent', async () => {
    const res = await h.gql<IntrospectionQuery>(getIntrospectionQuery());
    expect(res.errors).toBeUndefined();
    const schema = buildClientSchema(res.data!);

    const positions: Position[] = [];
    for (const [op, type] of [['query', schema.getQueryType()!], ['mutation', schema.getMutationType()!]] as const) {
      for (const root of Object.values(type.getFields())) {
        positions.push(...positionsOf(op, root));
        const named = getNamedType(root.type);
        if (op === 'query' && isObjectType(named)) for (const child of Object.values(named.getFields())) positions.push(...positionsOf(op, root, child));
      }
    }
    // Every root argument with a hostile value is covered (the list is derived, not hand-kept).
    expect(positions.length).toBeGreaterThan(300);

    const failures: string[] = [];
    for (const [i, p] of positions.entries()) {
      // One draw of every class; each value goes to every role, as a literal to some and as a
      // variable to the others (alternating by class, so every role gets both forms). The 1 MB
      // string goes to one role per argument, in turn: five copies cost time and find nothing more.
      const result = await fc.check(
        fc.asyncProperty(fc.tuple(...hostile(p.leaf)!), async (values) => {
          for (const [k, v] of values.entries()) {
            const sends = ROLES.map((role, r) => ({ role, form: (k + r) % 2 ? ('variable' as const) : ('literal' as const) }));
            const to = v === MB ? [sends[i % sends.length]!] : sends;
            const problems = await Promise.all(to.map((s) => send(p, v, s.form, s.role)));
            const first = problems.findIndex((x) => x !== null);
            if (first >= 0) throw new Error(`${to[first]!.form} as ${to[first]!.role}, value ${show(v)}: ${problems[first]}`);
          }
        }),
        { seed: SEED + i, numRuns: RUNS, endOnFailure: true },
      );
      if (result.failed) failures.push(`${p.label}: ${result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance)}`);
    }
    console.log(`hostile input: ${positions.length} argument positions, ${requestNo} requests; error codes: ${[...CODES].map(([c, n]) => `${c} ${n}`).join(', ')}`);
    expect(failures, failures.join('\n')).toEqual([]);
  }, 600_000);
});
