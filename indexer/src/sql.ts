// The two kinds of connection the outbox and proof code accept: a node-postgres client/pool
// (`query(text, values)`) or a Prisma client / interactive transaction (`$queryRawUnsafe`).
// Only text, numbers and arrays of them cross this boundary, so both drivers bind the same way.

export interface PgLike {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

export interface PrismaLike {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}

export type Sql = PgLike | PrismaLike;

export async function queryRows<T>(db: Sql, text: string, values: unknown[] = []): Promise<T[]> {
  if (typeof (db as PgLike).query === 'function') return (await (db as PgLike).query(text, values)).rows as T[];
  if (typeof (db as PrismaLike).$queryRawUnsafe === 'function') return (db as PrismaLike).$queryRawUnsafe<T[]>(text, ...values);
  throw new TypeError('expected a node-postgres client/pool or a Prisma client/transaction');
}
