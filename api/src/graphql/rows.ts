// The field shapes every module repeats over its Prisma rows: one row by id, a scoped list (over a
// subtree), a write returning its row (by `input`, or on one row by id), a row re-read after a
// write, and a relation list. Each module says what differs (the type, who may ask, which rows,
// the order); the paging rules and error wording live here once.
//
// A list's `under` argument and the subtree it covers: underUnit and subtreeWhere in shared/access.ts.
//
// Pothos cannot type a field over a model that is only a type parameter, so these helpers reach
// the Prisma delegate by the model's name and cast at that boundary; their callers stay typed.
import type { FieldRef, InputFieldMap, InputObjectRef, InputShapeFromFields } from '@pothos/core';
import type { AuthScopeMap } from '@pothos/plugin-scope-auth';
import type PrismaTypes from '../generated/prisma-types.js';
import type { Context } from '../shared/context.js';
import { notFound } from '../shared/errors.js';
import { requireUuid } from '../shared/ids.js';
import type { Types } from './builder.js';
import { defaultPageSize, idConnectionMaxSize } from './pagination.js';

export { subtreeWhere, underUnit } from '../shared/access.js';

export type ModelName = keyof PrismaTypes;
export type RowOf<N extends ModelName> = PrismaTypes[N]['Shape'];
type WhereOf<N extends ModelName> = PrismaTypes[N]['Where'];
type OrderOf<N extends ModelName> = PrismaTypes[N]['OrderBy'];

interface Delegate {
  findUnique(args: object): Promise<unknown>;
  findUniqueOrThrow(args: object): Promise<unknown>;
  findMany(args: object): Promise<unknown[]>;
  count(args: object): Promise<number>;
}

function rows(ctx: Context, model: ModelName): Delegate {
  return (ctx.prisma as unknown as Record<string, Delegate>)[model.charAt(0).toLowerCase() + model.slice(1)]!;
}

/** Pothos' selection for the field (`select` or `include`), passed through to Prisma unchanged. */
type Query = object;

/** The row just written, read again with what the client selected (writes return bare rows). */
export async function reread<N extends ModelName>(ctx: Context, model: N, query: Query, written: { id: string }): Promise<RowOf<N>> {
  return (await rows(ctx, model).findUniqueOrThrow({ ...query, where: { id: written.id } })) as RowOf<N>;
}

export interface RecordMutationOptions<Args extends InputFieldMap> {
  description: string;
  args: Args;
  /** Default: `{ writer: true }`; the service decides which units the caller may change. */
  authScopes?: AuthScopeMap<Types>;
  /** The service call that writes the row (and its record document, in one transaction). */
  write: (ctx: Context, args: InputShapeFromFields<Args>) => Promise<{ id: string }>;
}

/** A mutation that writes one row through its service and returns it as the client selected it. */
export function recordMutation<N extends ModelName, Args extends InputFieldMap>(
  t: PothosSchemaTypes.MutationFieldBuilder<Types, {}>,
  model: N,
  opts: RecordMutationOptions<Args>,
): FieldRef<Types, RowOf<N>, 'Mutation'> {
  return t.prismaField({
    type: model,
    description: opts.description,
    args: opts.args,
    authScopes: opts.authScopes ?? { writer: true },
    resolve: async (query: Query, _root: unknown, args: InputShapeFromFields<Args>, ctx: Context) => reread(ctx, model, query, await opts.write(ctx, args)),
  } as never) as FieldRef<Types, RowOf<N>, 'Mutation'>;
}

type MutationFields = PothosSchemaTypes.MutationFieldBuilder<Types, {}>;

/** recordMutation whose one argument is `input: <Input>!`, written by `write(ctx, input)`. */
export function inputMutation<N extends ModelName, Input extends object>(
  t: MutationFields,
  model: N,
  input: InputObjectRef<Types, Input>,
  opts: Omit<RecordMutationOptions<{}>, 'args' | 'write'> & { write: (ctx: Context, input: Input) => Promise<{ id: string }> },
): FieldRef<Types, RowOf<N>, 'Mutation'> {
  return recordMutation(t, model, { ...opts, args: { input: t.arg({ type: input, required: true }) }, write: (ctx, args) => opts.write(ctx, (args as { input: Input }).input) });
}

/**
 * recordMutation on one row named by `id: ID!` — with `expectedVersion: Int` when `versioned`,
 * for a step refused once someone else changed the row — written by `write(ctx, id, expectedVersion)`.
 */
export function rowMutation<N extends ModelName>(
  t: MutationFields,
  model: N,
  opts: Omit<RecordMutationOptions<{}>, 'args' | 'write'> & {
    versioned?: boolean;
    write: (ctx: Context, id: string, expectedVersion: number | null | undefined) => Promise<{ id: string }>;
  },
): FieldRef<Types, RowOf<N>, 'Mutation'> {
  const args = { id: t.arg.id({ required: true }), ...(opts.versioned ? { expectedVersion: t.arg.int() } : {}) };
  return recordMutation(t, model, {
    ...opts,
    args,
    write: (ctx, a: { id: string | number; expectedVersion?: number | null }) => opts.write(ctx, String(a.id), a.expectedVersion),
  });
}

export interface ByIdOptions<N extends ModelName> {
  /** The NOT_FOUND wording: the type's name in English and Chinese. */
  what: readonly [string, string];
  description?: string;
  /** Default: `{ read: <type> }`. */
  authScopes?: AuthScopeMap<Types>;
  /** A rule the found row must pass before it is returned. */
  check?: (ctx: Context, row: RowOf<N>) => Promise<void> | void;
}

/** `<type>(id: ID!): <type>!` — one row by uuid, NOT_FOUND when there is none. */
export function byIdField<N extends ModelName>(t: PothosSchemaTypes.QueryFieldBuilder<Types, {}>, model: N, opts: ByIdOptions<N>): FieldRef<Types, RowOf<N>, 'Query'> {
  const [what, whatZh] = opts.what;
  return t.prismaField({
    type: model,
    description: opts.description,
    args: { id: t.arg.id({ required: true }) },
    authScopes: opts.authScopes ?? { read: model },
    resolve: async (query: Query, _root: unknown, args: { id: string | number }, ctx: Context) => {
      const id = requireUuid('id', args.id);
      const row = (await rows(ctx, model).findUnique({ ...query, where: { id } })) as RowOf<N> | null;
      if (!row) throw notFound(what, whatZh, id);
      await opts.check?.(ctx, row);
      return row;
    },
  } as never) as FieldRef<Types, RowOf<N>, 'Query'>;
}

/**
 * The options of a prismaConnection over the rows `where` admits (the caller's visibility rules
 * applied up front, so a page never trips a row check), in `orderBy` with `id` as the cursor.
 */
export function scopedConnection<N extends ModelName, A>(model: N, where: (ctx: Context, args: A) => Promise<WhereOf<N>> | WhereOf<N>, orderBy: OrderOf<N>[]) {
  return {
    cursor: 'id' as const,
    maxSize: idConnectionMaxSize,
    defaultSize: defaultPageSize,
    totalCount: async (_parent: unknown, args: A, ctx: Context) => rows(ctx, model).count({ where: await where(ctx, args) }),
    resolve: async (query: Query, _parent: unknown, args: A, ctx: Context) =>
      (await rows(ctx, model).findMany({ ...query, where: await where(ctx, args), orderBy })) as RowOf<N>[],
  };
}

type QueryFields = PothosSchemaTypes.QueryFieldBuilder<Types, {}>;

export interface ListOptions<N extends ModelName, Args extends InputFieldMap> {
  description?: string;
  args?: Args;
  /** Default: `{ read: <type> }`. */
  authScopes?: AuthScopeMap<Types>;
  /** The rows the caller may list with these arguments (scopedConnection). */
  where: (ctx: Context, args: InputShapeFromFields<Args>) => Promise<WhereOf<N>> | WhereOf<N>;
  orderBy: OrderOf<N>[];
}

/** A query field listing rows of `model` as a Relay connection with its total (scopedConnection). */
export function listField<N extends ModelName, Args extends InputFieldMap = {}>(t: QueryFields, model: N, opts: ListOptions<N, Args>): FieldRef<Types, unknown, 'Query'> {
  return t.prismaConnection({
    type: model,
    description: opts.description,
    args: opts.args,
    authScopes: opts.authScopes ?? { read: model },
    ...scopedConnection(model, opts.where, opts.orderBy),
  } as never) as FieldRef<Types, unknown, 'Query'>;
}

const UNDER = 'Org unit whose subtree to list; default: your scope unit';

function underArgs(t: QueryFields, description: string) {
  return { under: t.arg.id({ description }) };
}

/**
 * listField over a subtree: its first argument is `under`, the unit whose subtree to list (for
 * subtreeWhere), then `args`. `under` describes that argument where it differs from the usual.
 */
export function subtreeList<N extends ModelName, Args extends InputFieldMap = {}>(
  t: QueryFields,
  model: N,
  opts: Omit<ListOptions<N, ReturnType<typeof underArgs> & Args>, 'args'> & { under?: string; args?: Args },
): FieldRef<Types, unknown, 'Query'> {
  return listField(t, model, { ...opts, args: { ...underArgs(t, opts.under ?? UNDER), ...opts.args } as ReturnType<typeof underArgs> & Args });
}

/** The options of a relatedConnection: paged by `id` like every list, with its total. */
export const relatedPaging = {
  cursor: 'id' as const,
  totalCount: true as const,
  maxSize: idConnectionMaxSize,
  defaultSize: defaultPageSize,
};

/** relatedPaging for a relation listed in a fixed order. */
export function relatedPage<O>(orderBy: O) {
  return { ...relatedPaging, query: () => ({ orderBy }) };
}
