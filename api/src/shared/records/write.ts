// Writing a record document for a row change. Every verifiable row version goes through here,
// inside the transaction that wrote the row, so the database never holds a change without its
// record (the deferred record guard refuses the commit otherwise).
import { Prisma, recordData, recordOrg, type VerifiableModel } from '@lianjian/db';
// Only the outbox part of the indexer: the API never loads its chain client.
import { appendRecords, type AppendedRecord, type RecordInput } from '@lianjian/indexer/outbox';
import { actorOf } from '../access.js';
import type { Context } from '../context.js';

export type Tx = Prisma.TransactionClient;

export interface RecordRow {
  id: string;
  version: number;
  orgUnitId?: string;
}

/** The record document input of `row` (its current version), by `actor` (an account id or 'system') at `at`. */
export function recordInput(type: VerifiableModel, row: RecordRow, actor: string, at: Date): RecordInput {
  return { type, id: row.id, version: row.version, org: recordOrg(type, row), actor, at, data: recordData(type, row as unknown as Record<string, unknown>) };
}

/** Appends the record document of `row` (its current version), by the caller now, to the outbox. */
export async function writeRecord(tx: Tx, ctx: Context, type: VerifiableModel, row: RecordRow): Promise<void> {
  await appendRecords(tx, [recordInput(type, row, actorOf(ctx), ctx.config.now())]);
}

/** Appends many record documents in one statement (rolls, ballots, defaults), in the order given. */
export async function writeRecords(tx: Tx, inputs: RecordInput[]): Promise<AppendedRecord[]> {
  return appendRecords(tx, inputs);
}
