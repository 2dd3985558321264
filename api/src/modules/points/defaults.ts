// The default rules of a fresh installation, the same codes and values the demo seed writes
// (prisma/src/seed/catalog.ts, its current revisions). Schema migrations hold no data, so a
// deployment without the demo seed calls ensureDefaultRules once for its root unit.
import { type PointsRule, type PrismaClient } from '@lianjian/db';
import { recordInput, writeRecords } from '../../shared/records/write.js';

export interface DefaultRule {
  code: string;
  name: string;
  description: string;
  points: number;
  dailyCap: number | null;
}

export const DEFAULT_RULES: readonly DefaultRule[] = [
  { code: 'MEETING_ATTENDANCE', name: '参加组织生活', description: '参加组织生活，每次3分，每日上限6分 (meeting attended)', points: 3, dailyCap: 6 },
  { code: 'THEMED_DAY', name: '参加主题党日', description: '参加主题党日，每次3分，每日上限3分 (themed day attended)', points: 3, dailyCap: 3 },
  { code: 'PARTY_LECTURE', name: '参加党课学习', description: '参加党课学习，每次3分，每日上限3分 (party lecture attended)', points: 3, dailyCap: 3 },
  { code: 'COURSE_COMPLETION', name: '完成在线课程', description: '完成在线课程，每次5分，每日上限10分 (course completed)', points: 5, dailyCap: 10 },
  { code: 'QUIZ_PASS', name: '通过在线测验', description: '通过在线测验，每次5分，每日上限5分 (quiz passed)', points: 5, dailyCap: 5 },
  { code: 'FEEDBACK', name: '建言献策', description: '建言献策，每次1分，每日上限2分 (feedback given)', points: 1, dailyCap: 2 },
];

/** Events before this day earn nothing from the defaults (the seed's first revisions start here too). */
export const DEFAULT_EFFECTIVE_FROM = new Date('2020-01-01T00:00:00.000Z');

/**
 * Defines each default rule at `rootUnitId` unless a rule of that code (any revision) is already
 * defined there; returns the rules it created. Safe to run on every start.
 */
export async function ensureDefaultRules(prisma: PrismaClient, rootUnitId: string, opts: { now?: Date; actor?: string } = {}): Promise<PointsRule[]> {
  const now = opts.now ?? new Date();
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`points-rules:${rootUnitId}`}, 0))`;
    const existing = await tx.pointsRule.findMany({ where: { orgUnitId: rootUnitId }, select: { code: true } });
    const have = new Set(existing.map((r) => r.code));
    const created: PointsRule[] = [];
    for (const d of DEFAULT_RULES) {
      if (have.has(d.code)) continue;
      const row = await tx.pointsRule.create({ data: { ...d, orgUnitId: rootUnitId, revision: 1, effectiveFrom: DEFAULT_EFFECTIVE_FROM } });
      await writeRecords(tx, [recordInput('PointsRule', row, opts.actor ?? 'system', now)]);
      created.push(row);
    }
    return created;
  });
}
