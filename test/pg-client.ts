// A short-lived node-postgres connection for tests and scripts (no vitest here: scripts/soak.ts
// uses it through indexer/test/helpers.ts).
import pg from 'pg';

/** Connects to `url`, runs `fn`, and closes the connection whatever `fn` does. */
export async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}
