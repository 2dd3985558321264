// Points from events (attendance, learning, …). The rule in force is the newest revision of the
// code, effective on the day, defined at the member's unit or the nearest unit above it; a rule's
// daily cap bounds what one member earns from it per day, so a capped award is cut short, and an
// award beyond the cap writes nothing. One source (sourceType, sourceId) earns a member points
// once: replaying an event, even after its entry was reversed, writes nothing.
import type { PointsEntry } from '@lianjian/db';
import type { Context } from '../../shared/context.js';
import { writeRecord, type Tx } from '../../shared/records/write.js';
import { utcDay } from './days.js';
import { afterCap, capUsed, lockMemberLedger, ruleInForce } from './rules.js';

export interface AwardEvent {
  memberId: string;
  /** The member's unit: the entry belongs to it. */
  orgUnitId: string;
  /** Rule code, e.g. MEETING_ATTENDED, COURSE_COMPLETED, QUIZ_PASSED (aliases of the seed's codes: rules.ts). */
  ruleCode: string;
  occurredOn: Date;
  /** The record that earned the points, e.g. ('Attendance', attendance.id). */
  sourceType: string;
  sourceId: string;
  reason: string;
}

/** Writes the entry the rule grants for this event (with its record), or null when no rule applies or the cap is reached. */
export async function awardPoints(tx: Tx, ctx: Context, e: AwardEvent): Promise<PointsEntry | null> {
  const day = utcDay(e.occurredOn);
  await lockMemberLedger(tx, e.memberId);
  const already = await tx.pointsEntry.findFirst({ where: { memberId: e.memberId, sourceType: e.sourceType, sourceId: e.sourceId, correctsId: null }, select: { id: true } });
  if (already) return null;
  const unit = await tx.orgUnit.findUniqueOrThrow({ where: { id: e.orgUnitId }, select: { path: true } });
  const rule = await ruleInForce(tx, e.ruleCode, unit.path, day);
  if (!rule) return null;
  const points = afterCap(rule, await capUsed(tx, e.memberId, rule, day));
  if (points <= 0 && rule.points > 0) return null;
  const entry = await tx.pointsEntry.create({
    data: {
      orgUnitId: e.orgUnitId,
      memberId: e.memberId,
      ruleId: rule.id,
      points,
      occurredOn: day,
      reason: e.reason,
      sourceType: e.sourceType,
      sourceId: e.sourceId,
      createdById: ctx.principal.kind === 'account' ? ctx.principal.accountId : null,
    },
  });
  await writeRecord(tx, ctx, 'PointsEntry', entry);
  return entry;
}
