// Reads: which dues rows a caller's lists cover, a member's statement for a year, and the
// subtree's figures (collection rate, arrears) and report rows for the finance office.
import type { DuesArrearsCase, DuesBase, DuesPayment, Member, OrgUnit, Prisma } from '@lianjian/db';
import { formatFen, monthRange, unpaidRuns, type Fen, type YearMonth } from '@lianjian/rules/dues';
import { DuesTally, type DuesFigures, type SnapshotRecord } from '@lianjian/verify';
import { assertCanSeeMemberRow, ownMemberId, subtreeWhere } from '../../shared/access.js';
import type { Context } from '../../shared/context.js';
import { badArgument, notFound, unauthenticated } from '../../shared/errors.js';
import { requireUuid } from '../../shared/ids.js';
import { lastDueMonth, loadDuesData, monthLines, trackingStart, type MemberDuesData, type MonthLine } from './months.js';

/** The member a caller asks about: a MEMBER account always itself. */
export async function memberFor(ctx: Context, memberId: string | number | null | undefined): Promise<Member & { orgUnit: OrgUnit }> {
  const p = ctx.principal;
  if (p.kind === 'anonymous') throw unauthenticated();
  let id = memberId != null ? requireUuid('memberId', memberId) : null;
  if (!id) {
    if (p.kind !== 'account' || !p.memberId) throw badArgument('memberId', 'is required: this account has no member record of its own.', '必须指定党员：该账号没有对应的党员记录。');
    id = p.memberId;
  }
  const m = await ctx.prisma.member.findUnique({ where: { id }, include: { orgUnit: true } });
  if (!m) throw notFound('Member', '党员', id);
  await assertCanSeeMemberRow(ctx, m);
  return m;
}

/** The rows a list covers: a member's own; staff and partner keys a subtree (`under`, default their own). */
export async function scopeWhere(ctx: Context, under: string | number | null | undefined): Promise<{ memberId?: string; orgUnit?: { path: { startsWith: string } } }> {
  const p = ctx.principal;
  if (p.kind === 'anonymous') throw unauthenticated();
  if (p.kind === 'account' && p.role === 'MEMBER') return { memberId: ownMemberId(ctx) };
  return subtreeWhere(ctx, under);
}

export interface Statement {
  member: Member;
  year: number;
  base: DuesBase | null;
  lines: (MonthLine & { status: 'PAID' | 'UNPAID' | 'EXEMPT' | 'EXCUSED' | 'NOT_YET_DUE' | 'NO_BASE' | 'NOT_TRACKED' })[];
  payments: DuesPayment[];
  dueFen: Fen;
  paidFen: Fen;
  extraFen: Fen;
}

export async function statement(ctx: Context, memberId: string | number | null | undefined, year: number): Promise<Statement> {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw badArgument('year', 'must be a year from 2000 to 2100.', '年度须在 2000 至 2100 之间。');
  const member = await memberFor(ctx, memberId);
  const data = (await loadDuesData(ctx.prisma, [member.id])).get(member.id)!;
  return statementOf(member, data, year, lastDueMonth(ctx));
}

/** A statement from a member's loaded dues rows: the one computation the statement and the members' list share. */
export function statementOf<M extends Pick<Member, 'probationarySince' | 'fullMemberSince'>>(member: M, data: MemberDuesData, year: number, last: YearMonth): Omit<Statement, 'member'> & { member: M } {
  const start = trackingStart(member, data);
  const lines = monthLines(data, `${year}-01`, `${year}-12`).map((l) => ({
    ...l,
    status:
      l.paidFen > 0 && l.dueFen !== null && l.paidFen >= l.dueFen ? ('PAID' as const)
      : l.dueFen === 0 ? ('EXEMPT' as const)
      : l.excused ? ('EXCUSED' as const)
      : start === null || l.month < start ? ('NOT_TRACKED' as const)
      : l.dueFen === null ? ('NO_BASE' as const)
      : l.month > last ? ('NOT_YET_DUE' as const)
      : ('UNPAID' as const),
  }));
  const inYear = (m: string) => m.startsWith(`${year}-`);
  const payments = data.payments.filter((p) => p.months.some(inYear));
  const paidFen = payments.reduce((s, p) => s + p.months.reduce((a, m, i) => a + (inYear(m) ? p.monthAmounts[i]! : 0), 0), 0);
  const extraFen = payments.filter((p) => inYear(p.months[0]!)).reduce((s, p) => s + p.extraFen, 0);
  const dueFen = lines.filter((l) => l.status !== 'NOT_TRACKED' && l.month <= last).reduce((s, l) => s + (l.dueFen ?? 0), 0);
  return { member, year, base: data.bases.find((b) => b.year === year) ?? null, lines, payments, dueFen, paidFen, extraFen };
}

/** A row of the members' dues list: a member's statement for the year, in figures. */
export interface MemberDuesRow {
  memberId: string;
  memberName: string;
  unitId: string;
  unitName: string;
  base: Pick<DuesBase, 'category' | 'monthlyDueFen' | 'status'>;
  dueFen: Fen;
  paidFen: Fen;
  /** Months of the year with status UNPAID in the statement. */
  unpaidMonths: YearMonth[];
  /** The run of months unpaid without a recorded reason that reaches the year's last due month (0: none), counted back across years as the arrears scan does. */
  consecutiveUnpaidMonths: number;
  openCase: Pick<DuesArrearsCase, 'id' | 'fromMonth' | 'toMonth' | 'months'> | null;
}

export interface MembersPage {
  rows: MemberDuesRow[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  /** All matching members across pages (computed when asked for). */
  totalCount: () => Promise<number>;
}

/** Members per step when the arrears filter has to compute rows to know which match. */
const MEMBERS_CHUNK = 500;

/**
 * The members with a base for the year in the caller's scope (members: themselves; staff and
 * partner keys: a subtree, `unitId` or their own), each with their statement's figures, ordered
 * by name then id, paged either way (first/after, last/before). Set-based: a step's members in one
 * query, their dues rows in one query per table (loadDuesData), the figures by statementOf — the
 * statement's own computation, so the list and the statements cannot disagree. `onlyInArrears`
 * (any month UNPAID) needs the figures to filter, so it reads steps of MEMBERS_CHUNK members until
 * the page is full, and its totalCount reads the whole scope that way (only when asked for).
 */
export async function membersPage(
  ctx: Context,
  args: { unitId: string | number | null | undefined; year: number; onlyInArrears: boolean; size: number; backward: boolean; after: string | null; before: string | null },
): Promise<MembersPage> {
  const scope = await scopeWhere(ctx, args.unitId);
  const where: Prisma.MemberWhereInput = {
    ...(scope.memberId ? { id: scope.memberId } : {}),
    ...(scope.orgUnit ? { orgUnit: scope.orgUnit } : {}),
    duesBases: { some: { year: args.year } },
  };
  const last = lastDueMonth(ctx);
  const year = args.year;
  const until = `${year}-12` < last ? `${year}-12` : last;

  type Candidate = { id: string; name: string; orgUnitId: string; probationarySince: Date | null; fullMemberSince: Date | null; orgUnit: { name: string } };
  const rowsOf = async (members: Candidate[]): Promise<MemberDuesRow[]> => {
    const data = await loadDuesData(ctx.prisma, members.map((m) => m.id));
    return members.map((m) => {
      const d = data.get(m.id)!;
      const s = statementOf(m, d, year, last);
      const start = trackingStart(m, d);
      const runs = start && start <= until ? unpaidRuns(monthLines(d, start, until)) : [];
      const run = runs.at(-1);
      const open = d.cases.find((c) => c.status === 'OPEN') ?? null;
      const base = s.base!;
      return {
        memberId: m.id,
        memberName: m.name,
        unitId: m.orgUnitId,
        unitName: m.orgUnit.name,
        base: { category: base.category, monthlyDueFen: base.monthlyDueFen, status: base.status },
        dueFen: s.dueFen,
        paidFen: s.paidFen,
        unpaidMonths: s.lines.filter((l) => l.status === 'UNPAID').map((l) => l.month),
        consecutiveUnpaidMonths: run && run.to === until ? run.months : 0,
        openCase: open ? { id: open.id, fromMonth: open.fromMonth, toMonth: open.toMonth, months: open.months } : null,
      };
    });
  };
  const select = { id: true, name: true, orgUnitId: true, probationarySince: true, fullMemberSince: true, orgUnit: { select: { name: true } } } as const;
  const orderBy: Prisma.MemberOrderByWithRelationInput[] = [{ name: 'asc' }, { id: 'asc' }];
  const keyset = (k: { name: string; id: string } | null): Prisma.MemberWhereInput => (k ? { OR: [{ name: { gt: k.name } }, { name: k.name, id: { gt: k.id } }] } : {});
  const inArrears = (r: MemberDuesRow) => r.unpaidMonths.length > 0;

  // Backward (last/before) reads the keyset in reverse and turns the page round.
  const back = args.backward;
  const cursor = back ? args.before : args.after;
  let key: { name: string; id: string } | null = null;
  if (cursor !== null) {
    // Only a member of the list itself: a cursor reveals nothing of members outside the scope.
    const m = await ctx.prisma.member.findFirst({ where: { AND: [where, { id: cursor }] }, select: { id: true, name: true } });
    if (!m) throw badArgument(back ? 'before' : 'after', 'is not a cursor this list issued: pass a cursor from the same list unchanged.', '不是本列表返回的游标：请原样传入同一列表的游标。');
    key = m;
  }
  const stepOrder: Prisma.MemberOrderByWithRelationInput[] = back ? [{ name: 'desc' }, { id: 'desc' }] : orderBy;
  const stepKeyset = (k: { name: string; id: string } | null): Prisma.MemberWhereInput =>
    !k ? {} : back ? { OR: [{ name: { lt: k.name } }, { name: k.name, id: { lt: k.id } }] } : keyset(k);

  const out: MemberDuesRow[] = [];
  let more = false;
  for (;;) {
    const take = args.onlyInArrears ? MEMBERS_CHUNK : args.size + 1;
    const members: Candidate[] = await ctx.prisma.member.findMany({ where: { AND: [where, stepKeyset(key)] }, select, orderBy: stepOrder, take });
    const rows = await rowsOf(members);
    for (const r of rows) {
      if (args.onlyInArrears && !inArrears(r)) continue;
      if (out.length === args.size) {
        more = true;
        break;
      }
      out.push(r);
    }
    if (more || members.length < take || !args.onlyInArrears) break;
    key = members.at(-1)!;
  }
  if (back) out.reverse();

  const totalCount = async (): Promise<number> => {
    if (!args.onlyInArrears) return ctx.prisma.member.count({ where });
    let n = 0;
    let k: { name: string; id: string } | null = null;
    for (;;) {
      const members: Candidate[] = await ctx.prisma.member.findMany({ where: { AND: [where, keyset(k)] }, select, orderBy, take: MEMBERS_CHUNK });
      n += (await rowsOf(members)).filter(inArrears).length;
      if (members.length < MEMBERS_CHUNK) return n;
      k = members.at(-1)!;
    }
  };
  return { rows: out, hasNextPage: back ? cursor !== null : more, hasPreviousPage: back ? more : cursor !== null, totalCount };
}

export interface ReportRow {
  member: Pick<Member, 'id' | 'name'>;
  unitName: string;
  base: DuesBase | null;
  lines: MonthLine[];
  dueFen: Fen;
  paidFen: Fen;
  unpaidMonths: number;
}

/** One row per tracked member of the subtree (a probationary or full member with a base). */
export async function reportRows(ctx: Context, under: string | number | null | undefined, from: YearMonth, to: YearMonth): Promise<ReportRow[]> {
  const scope = await scopeWhere(ctx, under);
  const members = await ctx.prisma.member.findMany({
    where: { ...(scope.memberId ? { id: scope.memberId } : {}), ...(scope.orgUnit ? { orgUnit: scope.orgUnit } : {}), duesBases: { some: {} }, stage: { in: ['PROBATIONARY', 'FULL'] } },
    select: { id: true, name: true, probationarySince: true, fullMemberSince: true, orgUnit: { select: { name: true } } },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
  });
  const data = await loadDuesData(ctx.prisma, members.map((m) => m.id));
  const last = lastDueMonth(ctx);
  return members.map((m) => {
    const d = data.get(m.id)!;
    const start = trackingStart(m, d)!;
    const lines = monthLines(d, from, to).filter((l) => l.month >= start);
    const due = lines.filter((l) => l.month <= last);
    return {
      member: { id: m.id, name: m.name },
      unitName: m.orgUnit.name,
      base: d.bases.find((b) => b.year === Number(to.slice(0, 4))) ?? null,
      lines,
      dueFen: due.reduce((s, l) => s + (l.dueFen ?? 0), 0),
      paidFen: lines.reduce((s, l) => s + Math.max(0, l.paidFen), 0),
      unpaidMonths: due.filter((l) => l.unpaid).length,
    };
  });
}

/** A month's dues figures over a subtree (the dashboard's, a dues snapshot's). */
export type Summary = DuesFigures;

/** Members per step of the summary: memory stays bounded whatever the subtree's size. */
const SUMMARY_CHUNK = 20_000;

/**
 * A month's figures over a subtree: what was due, what was collected against it, who is behind.
 * Computed by @lianjian/verify's DuesTally, the fold a published `dues` snapshot is computed and
 * recomputed with, over the same rows a snapshot takes as inputs (members of the subtree and their
 * dues rows), so the dashboard and a snapshot of it agree exactly. Members are read in id order a
 * chunk at a time, each chunk's dues rows by the chunk's id range joined on the subtree (set-based,
 * no list of ids sent).
 */
export async function summary(ctx: Context, under: string | number | null | undefined, month: YearMonth): Promise<Summary> {
  const scope = await scopeWhere(ctx, under);
  const members = scope.memberId ? { id: scope.memberId } : scope.orgUnit ? { orgUnit: scope.orgUnit } : {};
  const ofMembers = scope.memberId ? { memberId: scope.memberId } : scope.orgUnit ? { member: { orgUnit: scope.orgUnit } } : {};
  // Only the months of the year up to `month` count.
  const months = monthRange(`${month.slice(0, 4)}-01`, month);
  const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
  const tally = new DuesTally({ month, dueUntil: lastDueMonth(ctx) });
  let after: string | null = null;
  for (;;) {
    const rows: { id: string; stage: string; probationarySince: Date | null; fullMemberSince: Date | null }[] = await ctx.prisma.member.findMany({
      where: { ...members, ...(after ? { id: { gt: after } } : {}) },
      select: { id: true, stage: true, probationarySince: true, fullMemberSince: true },
      orderBy: { id: 'asc' },
      take: SUMMARY_CHUNK,
    });
    if (rows.length === 0) break;
    const range = { ...ofMembers, memberId: { gte: rows[0]!.id, lte: rows.at(-1)!.id } };
    const [bases, hardships, payments, cases] = await Promise.all([
      ctx.prisma.duesBase.findMany({ where: range, select: { memberId: true, year: true, status: true, monthlyDueFen: true } }),
      ctx.prisma.duesHardship.findMany({ where: { ...range, status: 'APPROVED' }, select: { memberId: true, status: true, kind: true, reducedFen: true, fromMonth: true, toMonth: true } }),
      ctx.prisma.duesPayment.findMany({ where: { ...range, months: { hasSome: months } }, select: { memberId: true, months: true, monthAmounts: true } }),
      ctx.prisma.duesArrearsCase.findMany({ where: range, select: { memberId: true, status: true, fromMonth: true, toMonth: true } }),
    ]);
    // The fields the tally reads, as record documents hold them (dates YYYY-MM-DD).
    const records: SnapshotRecord[] = rows.map((m) => ({ type: 'Member', id: m.id, data: { stage: m.stage, probationarySince: day(m.probationarySince), fullMemberSince: day(m.fullMemberSince) } }));
    for (const data of bases) records.push({ type: 'DuesBase', id: '', data });
    for (const data of hardships) records.push({ type: 'DuesHardship', id: '', data });
    for (const data of payments) records.push({ type: 'DuesPayment', id: '', data });
    for (const data of cases) records.push({ type: 'DuesArrearsCase', id: '', data });
    tally.add(records);
    if (rows.length < SUMMARY_CHUNK) break;
    after = rows.at(-1)!.id;
  }
  return tally.result();
}

const csvCell = (v: string | number) => {
  const s = String(v);
  // A leading =, +, - or @ would be a formula in a spreadsheet.
  const safe = /^[=+\-@\t\r]/.test(s) && typeof v === 'string' ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The year's report as CSV (UTF-8 with BOM, so Excel in China opens it as UTF-8), amounts in yuan. */
export function reportCsv(rows: ReportRow[], year: number): string {
  const months = monthRange(`${year}-01`, `${year}-12`);
  const head = ['党员 member', '组织 unit', '类别 category', '基数 base', '月应交 monthly due', ...months, '应交合计 due', '实交合计 paid', '欠交月数 unpaid months'];
  const lines = rows.map((r) => {
    const by = new Map(r.lines.map((l) => [l.month, l]));
    return [
      r.member.name,
      r.unitName,
      r.base?.category ?? '',
      r.base?.baseFen != null ? formatFen(r.base.baseFen) : '',
      r.base ? formatFen(r.base.monthlyDueFen) : '',
      ...months.map((m) => (by.get(m) ? formatFen(by.get(m)!.paidFen) : '')),
      formatFen(r.dueFen),
      formatFen(r.paidFen),
      r.unpaidMonths,
    ];
  });
  return '\uFEFF' + [head, ...lines].map((l) => l.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
