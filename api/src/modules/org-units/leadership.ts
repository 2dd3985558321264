// What ends with a term or a unit: a committee's term and open positions, and the 书记's secretary
// access. Here rather than in committees/ because merging or dissolving a unit ends its leadership
// and the committees module already depends on org-units (no cycle between the two).
import type { Committee } from '@lianjian/db';
import type { Context } from '../../shared/context.js';
import { writeRecord, type Tx } from '../../shared/records/write.js';
import { endSecretaryAccess } from '../accounts/follow-positions.js';

/** Ends the unit's current term (if any) and its open positions on `on`, with the 书记's access. */
export async function endTerm(tx: Tx, ctx: Context, current: Committee, on: Date): Promise<void> {
  const open = await tx.committeePosition.findMany({ where: { committeeId: current.id, endedOn: null } });
  for (const p of open) {
    const ended = await tx.committeePosition.update({ where: { id: p.id }, data: { endedOn: on < p.startedOn ? p.startedOn : on, version: p.version + 1 } });
    await writeRecord(tx, ctx, 'CommitteePosition', ended);
  }
  const row = await tx.committee.update({ where: { id: current.id }, data: { endedOn: on < current.termStart ? current.termStart : on, version: current.version + 1 } });
  await writeRecord(tx, ctx, 'Committee', row);
}

/** A merged or dissolved unit's leadership ends, and so does its secretary's access. */
export async function endLeadership(tx: Tx, ctx: Context, unitId: string, on: Date): Promise<void> {
  const current = await tx.committee.findFirst({ where: { orgUnitId: unitId, endedOn: null } });
  if (!current) return;
  const secretaries = await tx.committeePosition.findMany({ where: { committeeId: current.id, endedOn: null, title: 'SECRETARY' }, select: { memberId: true } });
  await endTerm(tx, ctx, current, on);
  for (const s of secretaries) await endSecretaryAccess(tx, ctx, s.memberId, unitId);
}
