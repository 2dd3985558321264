// What is due or overdue in a subtree: the engine's dueAndOverdue over every member still in
// development there. Members are read in id-ordered batches with only the columns the engine
// needs; the result is sorted by due date and paged by a key cursor (see schema/due.ts).
import type { Prisma } from '@lianjian/db';
import type { Context } from '../../shared/context.js';
import { addDays, type IsoDate } from '@lianjian/rules/dates';
import { dueAndOverdue } from '@lianjian/rules/pipeline';
import { engineOptions, memberFacts, stepEvents } from './service.js';
import type { DueItem, DueStatus } from '@lianjian/rules/pipeline';

export interface DueEntry extends DueItem {
  memberId: string;
  /** Sort and cursor key: due date, member, step. */
  key: string;
}

export interface DueQuery {
  /** Unit path whose subtree to scan; null = everything. */
  rootPath: string | null;
  asOf: IsoDate;
  /** DUE items are listed only when due within this many days; overdue ones always. */
  withinDays: number;
  statuses: readonly DueStatus[] | null;
}

const BATCH = 1000;

export async function dueInSubtree(ctx: Context, q: DueQuery): Promise<DueEntry[]> {
  const where: Prisma.MemberWhereInput = {
    status: 'ACTIVE',
    stage: { in: ['APPLICANT', 'ACTIVIST', 'CANDIDATE', 'PROBATIONARY'] },
    developmentSteps: { some: {} },
    ...(q.rootPath ? { orgUnit: { path: { startsWith: q.rootPath } } } : {}),
  };
  const out: DueEntry[] = [];
  const horizon = addDays(q.asOf, q.withinDays);
  const options = engineOptions();
  let cursor: string | undefined;
  for (;;) {
    const rows = await ctx.prisma.member.findMany({
      where,
      orderBy: { id: 'asc' },
      take: BATCH,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
      select: {
        id: true,
        birthDate: true,
        stage: true,
        status: true,
        developmentSteps: { orderBy: { seq: 'asc' }, select: { kind: true, occurredOn: true, details: true, approval: true } },
      },
    });
    for (const m of rows) {
      for (const d of dueAndOverdue(memberFacts(m), stepEvents(m.developmentSteps), q.asOf, options)) {
        if (d.status === 'DUE' && d.dueOn > horizon) continue;
        if (q.statuses && !q.statuses.includes(d.status)) continue;
        out.push({ ...d, memberId: m.id, key: `${d.dueOn}|${m.id}|${String(d.no).padStart(2, '0')}|${d.kind}` });
      }
    }
    if (rows.length < BATCH) break;
    cursor = rows[rows.length - 1]!.id;
  }
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

