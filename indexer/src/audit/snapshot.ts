// One snapshot for the whole full audit: the main connection exports it and every worker's
// connection imports it, so the log, the rows and their counts are read at a single instant.
// The rows check made in the log pass (audit/row-tally.ts) compares counts; under live writes,
// counts taken at different instants could balance a missing row against a new one.
import type pg from 'pg';

/**
 * Opens a read-only repeatable-read transaction on `client`, importing `snapshot` if given, and
 * returns the snapshot's id (to hand to other connections). The client stays in it until
 * endSnapshot. work_mem is raised for the transaction alone: the rows check keeps a group's
 * documents (≤ 50 000, a few tens of MB) in memory rather than in a temporary file.
 */
export async function beginSnapshot(client: pg.ClientBase, snapshot?: string): Promise<string> {
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  if (snapshot) await client.query(`SET TRANSACTION SNAPSHOT '${snapshot.replace(/'/g, "''")}'`);
  await client.query(`SET LOCAL work_mem = '256MB'`);
  return snapshot ?? (await client.query<{ id: string }>('SELECT pg_export_snapshot() AS id')).rows[0]!.id;
}

export async function endSnapshot(client: pg.ClientBase): Promise<void> {
  await client.query('COMMIT');
}
