// Changing a verifiable row: every change is the row's next version, written with its record
// document in the same transaction. The services say what changes and which rule allows it; the
// locking, the version step and the refusal of a stale edit live here once.
//
// The row is reached through the Prisma delegate named after its model (as graphql/rows.ts does):
// Prisma cannot type a delegate chosen by a type parameter, so the cast stays at this boundary.
import { dmmf, Prisma, type VerifiableModel } from '@lianjian/db';
import type PrismaTypes from '../../generated/prisma-types.js';
import type { Context } from '../context.js';
import { conflict } from '../errors.js';
import { writeRecord, type Tx } from './write.js';

/** A verifiable model the client knows. */
export type Model = VerifiableModel & keyof PrismaTypes & keyof Prisma.TypeMap['model'];
export type RowOf<M extends Model> = PrismaTypes[M]['Shape'] & { id: string; version: number };
/** What an update of model M may set (its version is stepped here, not by the caller). */
export type ChangeOf<M extends Model> = WithoutVersion<Prisma.TypeMap['model'][M]['operations']['update']['args']['data']>;
type WithoutVersion<T> = T extends unknown ? Omit<T, 'version'> : never;

interface Delegate {
  findUniqueOrThrow(args: object): Promise<unknown>;
  findUnique(args: object): Promise<unknown>;
  update(args: object): Promise<unknown>;
  updateMany(args: object): Promise<{ count: number }>;
}

function rows(tx: Tx, model: Model): Delegate {
  return (tx as unknown as Record<string, Delegate>)[model.charAt(0).toLowerCase() + model.slice(1)]!;
}

const tables = new Map(dmmf.datamodel.models.map((m) => [m.name, m.dbName ?? m.name]));

/** The row, locked for the rest of the transaction (FOR UPDATE, or FOR SHARE beside other readers). */
export async function lockRow<M extends Model>(tx: Tx, model: M, id: string, mode: 'UPDATE' | 'SHARE' = 'UPDATE'): Promise<RowOf<M>> {
  await tx.$queryRaw`SELECT 1 FROM ${Prisma.raw(tables.get(model)!)} WHERE id = ${id}::uuid FOR ${Prisma.raw(mode)}`;
  return (await rows(tx, model).findUniqueOrThrow({ where: { id } })) as RowOf<M>;
}

/** Writes `change` as the next version of `row` (which the transaction holds locked), with its record. */
export async function writeNextVersion<M extends Model>(tx: Tx, ctx: Context, model: M, row: { id: string; version: number }, change: ChangeOf<M>): Promise<RowOf<M>> {
  const next = (await rows(tx, model).update({ where: { id: row.id }, data: { ...change, version: row.version + 1 } })) as RowOf<M>;
  await writeRecord(tx, ctx, model, next);
  return next;
}

/**
 * Locks the row `id` in a transaction of its own, lets `change` check it (throwing to refuse) and
 * say what to write, and writes that as its next version.
 */
export function changeLocked<M extends Model>(ctx: Context, model: M, id: string, change: (row: RowOf<M>, tx: Tx) => ChangeOf<M> | Promise<ChangeOf<M>>): Promise<RowOf<M>> {
  return ctx.prisma.$transaction(async (tx) => {
    const row = await lockRow(tx, model, id);
    return writeNextVersion(tx, ctx, model, row, await change(row, tx));
  });
}

/** The CONFLICT of an edit made to an older version than the one stored. */
export function staleVersion([what, whatZh]: readonly [string, string], current: number, expected: number) {
  return conflict(
    `This ${what} was changed by someone else (now version ${current}, you edited version ${expected}); reload and apply your change again.`,
    `该${whatZh}已被他人修改（当前第 ${current} 版，您编辑的是第 ${expected} 版），请刷新后重新修改。`,
    { currentVersion: current, expectedVersion: expected },
  );
}

/** The client's `expectedVersion`, when it sent one, must be the row's version. */
export function checkExpectedVersion(what: readonly [string, string], row: { version: number }, expected: number | null | undefined): void {
  if (expected != null && expected !== row.version) throw staleVersion(what, row.version, expected);
}

/**
 * Writes `change` as the next version of `row` as it was read (without a lock). When another change
 * got there first it is refused: as a stale edit of `stale` (what the row is, in English and
 * Chinese), or with the error `stale` makes.
 */
export async function writeVersionIfUnchanged<M extends Model>(
  tx: Tx,
  ctx: Context,
  model: M,
  row: { id: string; version: number },
  change: ChangeOf<M>,
  stale: readonly [string, string] | (() => Error),
): Promise<RowOf<M>> {
  const delegate = rows(tx, model);
  const done = await delegate.updateMany({ where: { id: row.id, version: row.version }, data: { ...change, version: row.version + 1 } });
  if (done.count !== 1) {
    if (typeof stale === 'function') throw stale();
    const now = (await delegate.findUnique({ where: { id: row.id }, select: { version: true } })) as { version: number } | null;
    throw staleVersion(stale, now?.version ?? row.version, row.version);
  }
  const next = (await delegate.findUniqueOrThrow({ where: { id: row.id } })) as RowOf<M>;
  await writeRecord(tx, ctx, model, next);
  return next;
}
