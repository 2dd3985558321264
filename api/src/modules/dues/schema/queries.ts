// Dues queries: delegate to reads.ts; row rules in access.ts and on the types.
import { isYearMonth } from '@lianjian/rules/dues';
import { builder } from '../../../graphql/builder.js';
import { defaultPageSize, idConnectionMaxSize } from '../../../graphql/pagination.js';
import type { Context } from '../../../shared/context.js';
import { badArgument } from '../../../shared/errors.js';
import { thisMonth } from '../months.js';
import { reportCsv, reportRows, scopeWhere, statement, summary } from '../reads.js';
import { DuesArrearsStatusEnum, DuesBaseStatusEnum, DuesHardshipStatusEnum, DuesRemittanceStatusEnum, DuesStatement, DuesSummary } from './types.js';

const READ_OR_PARTNER = (type: string) => ({ $any: { signedIn: true, partner: `${type}:read` } }) as const;

function checkMonth(field: string, m: string | null | undefined, ctx: Context): string {
  const month = m ?? thisMonth(ctx);
  if (!isYearMonth(month)) throw badArgument(field, 'must be a month, YYYY-MM.', '须为月份，格式 YYYY-MM。');
  return month;
}

function checkYear(year: number | null | undefined, ctx: Context): number {
  const y = year ?? Number(thisMonth(ctx).slice(0, 4));
  if (!Number.isInteger(y) || y < 2000 || y > 2100) throw badArgument('year', 'must be a year from 2000 to 2100.', '年度须在 2000 至 2100 之间。');
  return y;
}

builder.queryFields((t) => ({
  duesStatement: t.field({
    type: DuesStatement,
    description: 'A member’s dues for a year (members: their own; staff: members of their subtree)',
    args: { memberId: t.arg.id({ description: 'Default: your own member record' }), year: t.arg.int({ description: 'Default: this year' }) },
    authScopes: { signedIn: true },
    resolve: (_r, args, ctx) => statement(ctx, args.memberId, checkYear(args.year, ctx)),
  }),
  duesSummary: t.field({
    type: DuesSummary,
    description: 'A month’s collection rate and arrears over a subtree (staff, or a key with "Analytics:read")',
    args: { under: t.arg.id(), month: t.arg.string({ description: 'YYYY-MM; default: this month' }) },
    authScopes: { $any: { staff: true, partner: 'Analytics:read' } },
    resolve: (_r, args, ctx) => summary(ctx, args.under, checkMonth('month', args.month, ctx)),
  }),
  duesReportCsv: t.string({
    description: 'The year’s dues per member of a subtree as CSV for the finance office (UTF-8 with BOM; amounts in yuan)',
    args: { under: t.arg.id(), year: t.arg.int() },
    authScopes: { staff: true },
    resolve: async (_r, args, ctx) => {
      const year = checkYear(args.year, ctx);
      return reportCsv(await reportRows(ctx, args.under, `${year}-01`, `${year}-12`), year);
    },
  }),
  duesBases: t.prismaConnection({
    type: 'DuesBase',
    cursor: 'id',
    args: { under: t.arg.id(), year: t.arg.int(), status: t.arg({ type: DuesBaseStatusEnum }) },
    authScopes: READ_OR_PARTNER('DuesBase'),
    maxSize: idConnectionMaxSize,
    defaultSize: defaultPageSize,
    resolve: async (q, _r, args, ctx) =>
      ctx.prisma.duesBase.findMany({ ...q, where: { ...(await scopeWhere(ctx, args.under)), ...(args.year != null ? { year: args.year } : {}), ...(args.status ? { status: args.status } : {}) }, orderBy: [{ year: 'desc' }, { id: 'asc' }] }),
  }),
  duesHardships: t.prismaConnection({
    type: 'DuesHardship',
    cursor: 'id',
    args: { under: t.arg.id(), status: t.arg({ type: DuesHardshipStatusEnum }) },
    authScopes: READ_OR_PARTNER('DuesHardship'),
    maxSize: idConnectionMaxSize,
    defaultSize: defaultPageSize,
    resolve: async (q, _r, args, ctx) =>
      ctx.prisma.duesHardship.findMany({ ...q, where: { ...(await scopeWhere(ctx, args.under)), ...(args.status ? { status: args.status } : {}) }, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] }),
  }),
  duesPayments: t.prismaConnection({
    type: 'DuesPayment',
    cursor: 'id',
    description: 'Payment entries, newest first: your own (members), or those of a subtree',
    args: { under: t.arg.id(), memberId: t.arg.id() },
    authScopes: READ_OR_PARTNER('DuesPayment'),
    maxSize: idConnectionMaxSize,
    defaultSize: defaultPageSize,
    totalCount: async (_p, args, ctx) => ctx.prisma.duesPayment.count({ where: { ...(await scopeWhere(ctx, args.under)), ...(args.memberId != null ? { memberId: String(args.memberId) } : {}) } }),
    resolve: async (q, _r, args, ctx) =>
      ctx.prisma.duesPayment.findMany({
        ...q,
        where: { ...(await scopeWhere(ctx, args.under)), ...(args.memberId != null ? { memberId: String(args.memberId) } : {}) },
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      }),
  }),
  duesArrearsCases: t.prismaConnection({
    type: 'DuesArrearsCase',
    cursor: 'id',
    args: { under: t.arg.id(), status: t.arg({ type: DuesArrearsStatusEnum }) },
    authScopes: READ_OR_PARTNER('DuesArrearsCase'),
    maxSize: idConnectionMaxSize,
    defaultSize: defaultPageSize,
    resolve: async (q, _r, args, ctx) =>
      ctx.prisma.duesArrearsCase.findMany({ ...q, where: { ...(await scopeWhere(ctx, args.under)), ...(args.status ? { status: args.status } : {}) }, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] }),
  }),
  duesRemittances: t.prismaConnection({
    type: 'DuesRemittance',
    cursor: 'id',
    description: 'Remittances sent from a subtree or received by units of it, newest month first',
    args: { under: t.arg.id(), status: t.arg({ type: DuesRemittanceStatusEnum }) },
    authScopes: { $any: { staff: true, partner: 'DuesRemittance:read' } },
    maxSize: idConnectionMaxSize,
    defaultSize: defaultPageSize,
    resolve: async (q, _r, args, ctx) => {
      const scope = await scopeWhere(ctx, args.under);
      const where = scope.orgUnit ? { OR: [{ orgUnit: scope.orgUnit }, { toUnit: scope.orgUnit }] } : {};
      return ctx.prisma.duesRemittance.findMany({ ...q, where: { ...where, ...(args.status ? { status: args.status } : {}) }, orderBy: [{ month: 'desc' }, { id: 'asc' }] });
    },
  }),
}));
