// Dues queries: delegate to reads.ts; row rules in access.ts and on the types.
import type { DuesArrearsStatus, DuesBaseStatus, DuesHardshipStatus, DuesRemittanceStatus, Prisma } from '@lianjian/db';
import { isYearMonth } from '@lianjian/rules/dues';
import { builder } from '../../../graphql/builder.js';
import { checkPageSize } from '../../../graphql/pagination.js';
import { listField } from '../../../graphql/rows.js';
import type { Context } from '../../../shared/context.js';
import { badArgument } from '../../../shared/errors.js';
import { thisMonth } from '../months.js';
import { membersPage, reportCsv, reportRows, scopeWhere, statement, summary, type MemberDuesRow } from '../reads.js';
import { DuesArrearsStatusEnum, DuesBaseStatusEnum, DuesHardshipStatusEnum, DuesMemberRow, DuesRemittanceStatusEnum, DuesStatement, DuesSummary } from './types.js';

const READ_OR_PARTNER = (type: string) => ({ $any: { signedIn: true, partner: `${type}:read` } }) as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const memberCursor = (id: string) => Buffer.from(`DuesMember:${id}`).toString('base64');
function decodeMemberCursor(name: string, c: string | null | undefined): string | null {
  if (c == null) return null;
  const text = Buffer.from(c, 'base64').toString('utf8');
  const id = text.slice('DuesMember:'.length);
  if (!text.startsWith('DuesMember:') || !UUID.test(id) || Buffer.from(text).toString('base64') !== c) {
    throw badArgument(name, 'is not a cursor this list issued: pass an endCursor (or edge cursor) from the same list unchanged.', '不是本列表返回的游标：请原样传入同一列表的 endCursor 或 edge 的 cursor。');
  }
  return id;
}

interface MembersConnection {
  totalCount: () => Promise<number>;
  edges: { cursor: string; node: MemberDuesRow }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

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

// The filters of a list, shared by its page and its totalCount so the two always count the same rows.
async function basesWhere(ctx: Context, args: { under?: string | number | null; year?: number | null; status?: DuesBaseStatus | null }): Promise<Prisma.DuesBaseWhereInput> {
  return { ...(await scopeWhere(ctx, args.under)), ...(args.year != null ? { year: args.year } : {}), ...(args.status ? { status: args.status } : {}) };
}

/** The rows of the caller's scope (scopeWhere), in `status` when one is asked for. */
async function withStatus<S extends string>(ctx: Context, args: { under?: string | number | null; status?: S | null }) {
  return { ...(await scopeWhere(ctx, args.under)), ...(args.status ? { status: args.status } : {}) };
}

async function paymentsWhere(ctx: Context, args: { under?: string | number | null; memberId?: string | number | null }): Promise<Prisma.DuesPaymentWhereInput> {
  return { ...(await scopeWhere(ctx, args.under)), ...(args.memberId != null ? { memberId: String(args.memberId) } : {}) };
}

async function remittancesWhere(ctx: Context, args: { under?: string | number | null; status?: DuesRemittanceStatus | null }): Promise<Prisma.DuesRemittanceWhereInput> {
  const scope = await scopeWhere(ctx, args.under);
  const where = scope.orgUnit ? { OR: [{ orgUnit: scope.orgUnit }, { toUnit: scope.orgUnit }] } : {};
  return { ...where, ...(args.status ? { status: args.status } : {}) };
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
  duesMembers: t.connection(
    {
      type: DuesMemberRow,
      description:
        'Members with a base for the year and their dues in figures (arrears per member), by name: members their own; staff (and keys with "DuesBase:read") a subtree, `unitId` or their own.',
      args: {
        unitId: t.arg.id({ description: 'A unit of your subtree; default: your whole scope' }),
        year: t.arg.int({ description: 'Default: this year' }),
        onlyInArrears: t.arg.boolean({ description: 'Only members with an UNPAID month in the year' }),
      },
      authScopes: READ_OR_PARTNER('DuesBase'),
      resolve: async (_r, args, ctx): Promise<MembersConnection> => {
        checkPageSize(args, ctx);
        const after = decodeMemberCursor('after', args.after);
        const before = decodeMemberCursor('before', args.before);
        if (after !== null && before !== null) throw badArgument('before', 'cannot be given with "after": page one way at a time.', '不能与 "after" 同时使用：一次只向一个方向翻页。');
        // last/before: the page before `before` (or the list's last page); else first/after.
        const backward = before !== null || (args.last != null && args.first == null);
        const size = (backward ? args.last : args.first) ?? ctx.config.defaultPageSize;
        const page = await membersPage(ctx, { unitId: args.unitId, year: checkYear(args.year, ctx), onlyInArrears: args.onlyInArrears ?? false, size, backward, after, before });
        const edges = page.rows.map((node) => ({ cursor: memberCursor(node.memberId), node }));
        return {
          totalCount: page.totalCount,
          edges,
          pageInfo: { hasNextPage: page.hasNextPage, hasPreviousPage: page.hasPreviousPage, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
        };
      },
    },
    {
      name: 'DuesMemberRowConnection',
      fields: (tc) => ({
        totalCount: tc.int({ description: 'All matching members, across pages', resolve: (c) => (c as unknown as MembersConnection).totalCount() }),
      }),
    },
  ),
  duesBases: listField(t, 'DuesBase', {
    args: { under: t.arg.id(), year: t.arg.int(), status: t.arg({ type: DuesBaseStatusEnum }) },
    authScopes: READ_OR_PARTNER('DuesBase'),
    where: basesWhere,
    orderBy: [{ year: 'desc' }, { id: 'asc' }],
  }),
  duesHardships: listField(t, 'DuesHardship', {
    args: { under: t.arg.id(), status: t.arg({ type: DuesHardshipStatusEnum }) },
    authScopes: READ_OR_PARTNER('DuesHardship'),
    where: withStatus<DuesHardshipStatus>,
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
  }),
  duesPayments: listField(t, 'DuesPayment', {
    description: 'Payment entries, newest first: your own (members), or those of a subtree',
    args: { under: t.arg.id(), memberId: t.arg.id() },
    authScopes: READ_OR_PARTNER('DuesPayment'),
    where: paymentsWhere,
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
  }),
  duesArrearsCases: listField(t, 'DuesArrearsCase', {
    args: { under: t.arg.id(), status: t.arg({ type: DuesArrearsStatusEnum }) },
    authScopes: READ_OR_PARTNER('DuesArrearsCase'),
    where: withStatus<DuesArrearsStatus>,
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
  }),
  duesRemittances: listField(t, 'DuesRemittance', {
    description: 'Remittances sent from a subtree or received by units of it, newest month first',
    args: { under: t.arg.id(), status: t.arg({ type: DuesRemittanceStatusEnum }) },
    authScopes: { $any: { staff: true, partner: 'DuesRemittance:read' } },
    where: remittancesWhere,
    orderBy: [{ month: 'desc' }, { id: 'asc' }],
  }),
}));
