// node-postgres connections for the indexer and the auditor. Type parsing is set per pool, not
// globally, so code sharing the process (the API, tests) keeps pg's defaults.
import pg from 'pg';

const DATE_OID = 1082;

/** DATE as the UTC midnight Date that Prisma returns, so rows read here match Prisma's shape. */
function parseDate(value: string): Date {
  return new Date(`${value}T00:00:00.000Z`);
}

const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === DATE_OID && format !== 'binary') return parseDate;
    return pg.types.getTypeParser(oid, format as 'text');
  },
} as pg.CustomTypesConfig;

export function createPool(url: string, opts: { max?: number; applicationName?: string } = {}): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 4, types, application_name: opts.applicationName ?? 'lianjian-indexer' });
  // An idle client's error (server restart) must not crash the process; the next query reports it.
  pool.on('error', () => {});
  return pool;
}

export async function connectClient(url: string, applicationName = 'lianjian-indexer'): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, types, application_name: applicationName });
  await client.connect();
  return client;
}

export async function inTransaction<T>(client: pg.ClientBase, fn: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    const result = await fn();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}
