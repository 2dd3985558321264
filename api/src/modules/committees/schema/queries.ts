// Committee queries: a unit's current leadership and its terms, and the terms ending soon (换届).
import { todayInChina, addDays } from '@lianjian/rules/dates';
import { builder } from '../../../graphql/builder.js';
import { underUnit } from '../../../graphql/rows.js';
import { listRoot } from '../../../shared/access.js';
import { badArgument } from '../../../shared/errors.js';
import { loadVisibleUnit } from '../../org-units/schema/index.js';
import { DEFAULT_DUE_DAYS } from './types.js';

builder.queryFields((t) => ({
  committee: t.prismaField({
    type: 'Committee',
    nullable: true,
    description: 'A unit’s current leadership (committee or secretary alone); null when none is recorded',
    args: { unitId: t.arg.id({ required: true }) },
    authScopes: { read: 'Committee' },
    resolve: async (q, _r, args, ctx) => {
      const unit = await loadVisibleUnit(ctx, String(args.unitId), 'unitId');
      return ctx.prisma.committee.findFirst({ ...q, where: { orgUnitId: unit.id, endedOn: null } });
    },
  }),
  committeeTerms: t.prismaField({
    type: ['Committee'],
    description: 'Every term of a unit’s leadership, the latest first',
    args: { unitId: t.arg.id({ required: true }) },
    authScopes: { read: 'Committee' },
    resolve: async (q, _r, args, ctx) => {
      const unit = await loadVisibleUnit(ctx, String(args.unitId), 'unitId');
      return ctx.prisma.committee.findMany({ ...q, where: { orgUnitId: unit.id }, orderBy: { termStart: 'desc' }, take: 50 });
    },
  }),
  committeeTermsDue: t.prismaField({
    type: ['Committee'],
    description: `Current terms in a subtree (default: yours) ending within \`withinDays\` (default ${DEFAULT_DUE_DAYS}) or already past their end: the due items of 换届, soonest first`,
    args: { under: t.arg.id(), withinDays: t.arg.int() },
    authScopes: { staff: true },
    resolve: async (q, _r, args, ctx) => {
      const days = args.withinDays ?? DEFAULT_DUE_DAYS;
      if (!Number.isInteger(days) || days < 0 || days > 3650) throw badArgument('withinDays', 'must be 0 to 3650.', '应为 0 到 3650。');
      const root = listRoot(ctx, await underUnit(ctx, args.under));
      const until = new Date(`${addDays(todayInChina(ctx.config.now()), days)}T00:00:00Z`);
      return ctx.prisma.committee.findMany({
        ...q,
        where: { endedOn: null, termEnd: { lte: until }, orgUnit: { dissolvedOn: null, ...(root ? { path: { startsWith: root } } : {}) } },
        orderBy: [{ termEnd: 'asc' }, { id: 'asc' }],
        take: 500,
      });
    },
  }),
}));
