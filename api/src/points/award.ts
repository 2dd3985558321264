// Points from events (attendance, learning, …). The rule in force is the newest revision of the
// code, effective on the day, defined at the member's unit or the nearest unit above it; a rule's
// daily cap bounds what one member earns from it per day, so a capped award is cut short, and an
// award beyond the cap writes nothing.
import type { PointsEntry } from '@lianjian/db';
import type { Context } from '../context.js';
import { writeRecord, type Tx } from '../records/write.js';

export interface AwardEvent {
  memberId: string;
  /** The member's unit: the entry belongs to it. */
  orgUnitId: string;
  /** Rule code, e.g. MEETING_ATTENDED, COURSE_COMPLETED, QUIZ_PASSED. */
  ruleCode: string;
  occurredOn: Date;
  /** The record that earned the points, e.g. ('Attendance', attendance.id). */
  sourceType: string;
  sourceId: string;
  reason: string;
}

/** Writes the entry the rule grants for this event (with its record), or null when no rule applies or the cap is reached. */
export async function awardPoints(tx: Tx, ctx: Context, e: AwardEvent): Promise<PointsEntry | null> {
  const day = new Date(Date.UTC(e.occurredOn.getUTCFullYear(), e.occurredOn.getUTCMonth(), e.occurredOn.getUTCDate()));
  const already = await tx.pointsEntry.findFirst({ where: { memberId: e.memberId, sourceType: e.sourceType, sourceId: e.sourceId, correctsId: null }, select: { id: true } });
  if (already) return null;
  const unit = await tx.orgUnit.findUniqueOrThrow({ where: { id: e.orgUnitId }, select: { path: true } });
  const rules = await tx.$queryRaw<{ id: string; points: number; daily_cap: number | null }[]>`
    SELECT r.id, r.points, r.daily_cap
      FROM points_rule r JOIN org_unit u ON u.id = r.org_unit_id
     WHERE r.code = ${e.ruleCode}
       AND ${unit.path} LIKE u.path || '%'
       AND r.effective_from <= ${day}::date AND (r.effective_to IS NULL OR r.effective_to >= ${day}::date)
     ORDER BY length(u.path) DESC, r.revision DESC
     LIMIT 1`;
  const rule = rules[0];
  if (!rule) return null;
  let points = rule.points;
  if (rule.daily_cap != null) {
    const sum = await tx.pointsEntry.aggregate({ where: { memberId: e.memberId, ruleId: rule.id, occurredOn: day }, _sum: { points: true } });
    points = Math.min(points, rule.daily_cap - (sum._sum.points ?? 0));
    if (points <= 0) return null;
  }
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
