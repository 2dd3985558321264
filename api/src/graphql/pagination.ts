// Connection argument checks shared by every list. Pothos would silently clamp an oversized
// `first` and report a malformed cursor as a bare validation error; here both become
// BAD_USER_INPUT errors that say what to send instead.
import type { Context } from '../shared/context.js';
import { badArgument } from '../shared/errors.js';

export interface PageArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function checkPageSize(args: PageArgs, ctx: Context): void {
  const max = ctx.config.maxPageSize;
  for (const name of ['first', 'last'] as const) {
    const n = args[name];
    if (n == null) continue;
    if (n < 0 || n > max) {
      throw badArgument(name, `must be between 0 and ${max} (the largest page); page through with "after"/"before" for more.`, `应在 0 到 ${max} 之间（单页上限）；更多数据请用 "after"/"before" 翻页。`);
    }
  }
}

function badCursor(name: string): Error {
  return badArgument(name, 'is not a cursor this list issued: pass an endCursor/startCursor (or edge cursor) from the same list unchanged.', '不是本列表返回的游标：请原样传入同一列表的 endCursor/startCursor 或 edge 的 cursor。');
}

/** Cursors of prisma connections keyed by a uuid `id` (Pothos' "GPC:S:<uuid>" in base64). */
export function checkIdCursors(args: PageArgs): void {
  for (const name of ['after', 'before'] as const) {
    const c = args[name];
    if (c == null) continue;
    const text = Buffer.from(c, 'base64').toString('utf8');
    if (!text.startsWith('GPC:S:') || !UUID.test(text.slice(6)) || Buffer.from(text).toString('base64') !== c) throw badCursor(name);
  }
}

/** For prismaConnection's `maxSize`: runs before Pothos parses cursors, so its checks come first. */
export function idConnectionMaxSize(args: PageArgs, ctx: Context): number {
  checkPageSize(args, ctx);
  checkIdCursors(args);
  return ctx.config.maxPageSize;
}

export function defaultPageSize(_args: PageArgs, ctx: Context): number {
  return ctx.config.defaultPageSize;
}

/** Integer-keyed cursors for lists that are not prisma connections (e.g. record versions). */
export function encodeIntCursor(kind: string, n: number): string {
  return Buffer.from(`${kind}:${n}`).toString('base64');
}

export function decodeIntCursor(kind: string, name: string, cursor: string | null | undefined): number | null {
  if (cursor == null) return null;
  const text = Buffer.from(cursor, 'base64').toString('utf8');
  const m = new RegExp(`^${kind}:(\\d{1,9})$`).exec(text);
  if (!m || Buffer.from(text).toString('base64') !== cursor) throw badCursor(name);
  return Number(m[1]);
}

/**
 * Cursors over a composite key written as text (`key` must match `keyPattern`, a regex source
 * without anchors): for lists ordered by something other than id, e.g. a due date then an id.
 */
export function keyCursor(kind: string, keyPattern: string) {
  const shape = new RegExp(`^${kind}:(${keyPattern})$`);
  return {
    encode: (key: string) => Buffer.from(`${kind}:${key}`).toString('base64'),
    decode(name: 'after' | 'before', cursor: string | null | undefined): string | null {
      if (cursor == null) return null;
      const text = Buffer.from(cursor, 'base64').toString('utf8');
      const m = shape.exec(text);
      if (!m || Buffer.from(text).toString('base64') !== cursor) throw badCursor(name);
      return m[1]!;
    },
  };
}

/**
 * A forward page of a connection from `size + 1` rows read after a cursor: the extra row only says
 * whether there is a next page. For lists read by hand (keyset SQL), not through Pothos's helpers.
 */
export function forwardPage<T>(rows: readonly T[], size: number, after: unknown, cursorOf: (row: T) => string) {
  const page = rows.slice(0, size);
  return {
    edges: page.map((node) => ({ cursor: cursorOf(node), node })),
    pageInfo: {
      hasNextPage: rows.length > size,
      hasPreviousPage: after != null,
      startCursor: page.length ? cursorOf(page[0]!) : null,
      endCursor: page.length ? cursorOf(page[page.length - 1]!) : null,
    },
  };
}
