// Writing a record document for a row change. Every verifiable row version goes through here,
// inside the transaction that wrote the row, so the database never holds a change without its
// record (the deferred record guard refuses the commit otherwise).
import { Prisma, recordData, recordOrg, type VerifiableModel } from '@lianjian/db';
import { appendRecord } from '@lianjian/indexer';
import { actorOf } from '../auth/access.js';
import type { Context } from '../context.js';

export type Tx = Prisma.TransactionClient;

export interface RecordRow {
  id: string;
  version: number;
  orgUnitId?: string;
}

/** Appends the record document of `row` (its current version) to the outbox. */
export async function writeRecord(tx: Tx, ctx: Context, type: VerifiableModel, row: RecordRow): Promise<void> {
  await appendRecord(tx, {
    type,
    id: row.id,
    version: row.version,
    org: recordOrg(type, row),
    actor: actorOf(ctx),
    at: ctx.config.now(),
    data: recordData(type, row as unknown as Record<string, unknown>),
  });
}
