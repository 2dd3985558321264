// Which rule grants points for an event: the newest revision of the code in force on the day,
// defined at the member's unit or, failing that, the nearest unit above it (a branch may
// override the committee's rule; retiring the override falls back to the committee's).
import type { Tx } from '../../shared/records/write.js';
import { isoOf } from './days.js';

/**
 * Event modules name rules by what happened; the demo seed (prisma/src/seed/catalog.ts) and
 * ensureDefaultRules name them by the activity. Both spellings find the same rule, the exact
 * code winning when a unit defines both.
 */
export const RULE_CODE_ALIASES: Readonly<Record<string, string>> = {
  MEETING_ATTENDED: 'MEETING_ATTENDANCE',
  COURSE_COMPLETED: 'COURSE_COMPLETION',
  QUIZ_PASSED: 'QUIZ_PASS',
};

export function ruleCodesFor(code: string): string[] {
  const alias = RULE_CODE_ALIASES[code];
  const reverse = Object.entries(RULE_CODE_ALIASES).filter(([, canonical]) => canonical === code).map(([a]) => a);
  return [code, ...(alias ? [alias] : []), ...reverse];
}

export interface RuleInForce {
  id: string;
  orgUnitId: string;
  code: string;
  revision: number;
  points: number;
  dailyCap: number | null;
}

export async function ruleInForce(tx: Tx, code: string, unitPath: string, day: Date): Promise<RuleInForce | null> {
  const rows = await tx.$queryRaw<{ id: string; org_unit_id: string; code: string; revision: number; points: number; daily_cap: number | null }[]>`
    SELECT r.id, r.org_unit_id, r.code, r.revision, r.points, r.daily_cap
      FROM points_rule r JOIN org_unit u ON u.id = r.org_unit_id
     WHERE r.code = ANY(${ruleCodesFor(code)}::text[])
       AND ${unitPath} LIKE u.path || '%'
       AND r.effective_from <= ${isoOf(day)}::date AND (r.effective_to IS NULL OR r.effective_to >= ${isoOf(day)}::date)
     ORDER BY length(u.path) DESC, (r.code = ${code}) DESC, r.revision DESC
     LIMIT 1`;
  const r = rows[0];
  return r ? { id: r.id, orgUnitId: r.org_unit_id, code: r.code, revision: r.revision, points: r.points, dailyCap: r.daily_cap } : null;
}

/**
 * Serialises a member's ledger writes (awards, grants, corrections) for the rest of the
 * transaction: the idempotency check, the daily cap and the "not corrected past zero" rule all
 * read then write, and two concurrent requests must not both pass them.
 */
export async function lockMemberLedger(tx: Tx, memberId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`points:${memberId}`}, 0))`;
}

/**
 * What a member has already earned under a rule (all revisions of its code at its unit) on a
 * day: original entries of that day, net of their corrections whenever those were made. A
 * reversed duplicate frees its share of the cap; a correction never counts against the day it
 * is booked on.
 */
export async function capUsed(tx: Tx, memberId: string, rule: { orgUnitId: string; code: string }, day: Date): Promise<number> {
  const rows = await tx.$queryRaw<{ used: number }[]>`
    SELECT COALESCE(SUM(e.points + COALESCE(c.adj, 0)), 0)::int AS used
      FROM points_entry e
      JOIN points_rule r ON r.id = e.rule_id
      LEFT JOIN LATERAL (SELECT SUM(x.points) AS adj FROM points_entry x WHERE x.corrects_id = e.id) c ON true
     WHERE e.member_id = ${memberId}::uuid AND e.corrects_id IS NULL AND e.occurred_on = ${isoOf(day)}::date
       AND r.org_unit_id = ${rule.orgUnitId}::uuid AND r.code = ${rule.code}`;
  return rows[0]?.used ?? 0;
}

/** Points a rule still grants after the cap: the rule's points, cut short by what is left (≤ 0: none). */
export function afterCap(rule: { points: number; dailyCap: number | null }, used: number): number {
  if (rule.dailyCap == null || rule.points <= 0) return rule.points;
  return Math.min(rule.points, rule.dailyCap - used);
}
