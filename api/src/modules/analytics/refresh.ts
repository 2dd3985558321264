// Bringing the rollups up to date before a read (docs/decisions/001-analytics-rollups.md):
// lianjian_analytics_fold() folds the contributions the triggers logged (nothing to do in the
// common case: one EXISTS on an empty table), and the development pipeline's open deadlines are
// recomputed with the engine for the members whose history changed since.
import type { PrismaClient } from '@lianjian/db';
import { dueAndOverdue } from '@lianjian/rules/pipeline';
import { engineOptions, memberFacts, stepEvents } from '../pipeline/service.js';

const DUE_BATCH = 2000;
const TODAY_FOR_SET = '2000-01-01'; // the set of open deadlines does not depend on the day asked

export async function foldRollups(prisma: PrismaClient): Promise<void> {
  await prisma.$queryRaw`SELECT lianjian_analytics_fold()`;
}

/**
 * Recomputes the open deadlines of members marked dirty (by triggers on member and
 * development_step), a batch per transaction. Concurrent refreshers skip each other's rows.
 * Returns how many members were recomputed.
 */
export async function refreshDueItems(prisma: PrismaClient, maxMembers = Number.POSITIVE_INFINITY): Promise<number> {
  let done = 0;
  const options = engineOptions();
  while (done < maxMembers) {
    const n = await prisma.$transaction(
      async (tx) => {
        const dirty = await tx.$queryRaw<{ member_id: string }[]>`
          DELETE FROM analytics_due_dirty WHERE member_id IN (
            SELECT member_id FROM analytics_due_dirty LIMIT ${DUE_BATCH} FOR UPDATE SKIP LOCKED)
          RETURNING member_id::text`;
        if (dirty.length === 0) return 0;
        const ids = dirty.map((d) => d.member_id);
        await tx.$executeRaw`DELETE FROM analytics_due_item WHERE member_id = ANY(${ids}::uuid[])`;
        const members = await tx.member.findMany({
          where: { id: { in: ids }, status: 'ACTIVE', stage: { in: ['APPLICANT', 'ACTIVIST', 'CANDIDATE', 'PROBATIONARY'] } },
          select: {
            id: true,
            birthDate: true,
            stage: true,
            status: true,
            orgUnit: { select: { path: true } },
            developmentSteps: { orderBy: { seq: 'asc' }, select: { kind: true, occurredOn: true, details: true, approval: true } },
          },
        });
        const rows: { memberId: string; no: number; kind: string; unitPath: string; dueOn: Date; deadline: Date | null }[] = [];
        for (const m of members) {
          if (m.developmentSteps.length === 0) continue;
          for (const d of dueAndOverdue(memberFacts(m), stepEvents(m.developmentSteps), TODAY_FOR_SET, options)) {
            rows.push({
              memberId: m.id,
              no: d.no,
              kind: d.kind,
              unitPath: m.orgUnit.path,
              dueOn: new Date(`${d.dueOn}T00:00:00Z`),
              deadline: d.deadline ? new Date(`${d.deadline}T00:00:00Z`) : null,
            });
          }
        }
        if (rows.length) await tx.analyticsDueItem.createMany({ data: rows, skipDuplicates: true });
        return dirty.length;
      },
      { timeout: 120_000 },
    );
    if (n === 0) break;
    done += n;
  }
  return done;
}

/** Both refreshes, as every dashboard read does first. */
export async function refreshAnalytics(prisma: PrismaClient): Promise<void> {
  await foldRollups(prisma);
  await refreshDueItems(prisma);
}
