// Every change to dues records, each in one transaction with its record document (writeRecord /
// writeRecords), so each row version is a verifiable record:
//   bases       declared once a year (by the member or the branch), checked by the branch
//   hardship    proposed with the branch's decision, approved or rejected by the level above
//   payments    append-only; several months at once; a correction reverses an entry
//   arrears     raised by the system (actor "system") for six unpaid months in a row, decided by people
//   remittance  a unit's monthly total passed to the level above, which confirms receipt
import { randomBytes } from 'node:crypto';
import type { DuesArrearsCase, PrismaClient, DuesBase, DuesHardship, DuesPayment, DuesPaymentMethod, DuesRemittance, OrgUnit } from '@lianjian/db';
import { addMonthsYm, allocate, arrearsRuns, checkBase, isFen, isYearMonth, monthlyDue, monthOf, monthRange, type DuesCategory, type HardshipKind } from '@lianjian/rules/dues';
import { todayInChina } from '@lianjian/rules/dates';
import { assertCanWriteUnit, writableRoot } from '../../shared/access.js';
import type { Context } from '../../shared/context.js';
import { badArgument, conflict, FieldErrors, isUniqueViolation, notFound } from '../../shared/errors.js';
import { requireUuid } from '../../shared/ids.js';
import { recordInput, writeRecord, writeRecords, type Tx } from '../../shared/records/write.js';
import { changeLocked, writeNextVersion } from '../../shared/records/versions.js';
import { checkText } from '../appraisal/text.js';
import { assertCanApproveHardship, assertCanConfirmRemittance, assertCanDeclareFor } from './access.js';
import { baseNotChecked, monthAlreadyPaid } from './errors.js';
import { loadDuesData, monthLines, thisMonth, trackingStart } from './months.js';

const MAX_MONTHS_AT_ONCE = 24;
/** Members per arrears-scan transaction: bounded work per lock hold, whatever the subtree's size. */
const ARREARS_SCAN_CHUNK = 2000;
/** The advisory lock every arrears scan takes, in every process (hashed to a 64-bit key). */
const ARREARS_SCAN_LOCK = 'lianjian:dues-arrears-scan';
const MAX_AMOUNT_FEN = 1_000_000_000;
const dateOf = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const today = (ctx: Context) => todayInChina(ctx.config.now());
const accountOf = (ctx: Context) => (ctx.principal.kind === 'account' ? ctx.principal.accountId : null);

async function loadMember(ctx: Context, field: string, id: string | number) {
  const memberId = requireUuid(field, id);
  const member = await ctx.prisma.member.findUnique({ where: { id: memberId }, include: { orgUnit: true } });
  if (!member) throw notFound('Member', '党员', memberId);
  return member;
}

const lockMember = (tx: Tx, memberId: string) => tx.$queryRaw`SELECT 1 FROM member WHERE id = ${memberId}::uuid FOR UPDATE`;

// ── bases ────────────────────────────────────────────────────────────────────────────────────

export interface BaseInput {
  memberId: string | number;
  year: number;
  category: DuesCategory;
  baseFen?: number | null;
  fixedFen?: number | null;
}

/** Declares (or, while not yet checked, re-declares) a member's base for a year. */
export async function declareBase(ctx: Context, input: BaseInput): Promise<DuesBase> {
  const member = await loadMember(ctx, 'input.memberId', input.memberId);
  assertCanDeclareFor(ctx, member);
  const errs = new FieldErrors();
  const year = Number(today(ctx).slice(0, 4));
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > year + 1) errs.add('input.year', `must be a year from 2000 to ${year + 1}.`, `年度须在 2000 至 ${year + 1} 之间。`);
  for (const e of checkBase(input)) errs.add(e.field, e.message, e.messageZh);
  errs.throwIfAny();
  const due = monthlyDue(input);
  const fields = { category: input.category, baseFen: input.baseFen ?? null, fixedFen: input.category === 'LOW_INCOME' ? 20 : (input.fixedFen ?? null), rateBp: due.rateBp, monthlyDueFen: due.dueFen, declaredById: accountOf(ctx) };
  return ctx.prisma.$transaction(async (tx) => {
    await lockMember(tx, member.id);
    const existing = await tx.duesBase.findUnique({ where: { memberId_year: { memberId: member.id, year: input.year } } });
    if (existing?.status === 'CHECKED') {
      throw conflict(`The ${input.year} base was already checked by the branch; it is set once a year.`, `${input.year} 年度党费基数已经支部核定，每年只核定一次。`, { baseId: existing.id });
    }
    if (existing) return writeNextVersion(tx, ctx, 'DuesBase', existing, { ...fields, orgUnitId: member.orgUnitId });
    const row = await tx.duesBase.create({ data: { ...fields, orgUnitId: member.orgUnitId, memberId: member.id, year: input.year } });
    await writeRecord(tx, ctx, 'DuesBase', row);
    return row;
  });
}

/** The branch checks a declared base: from then on it decides the year's dues. */
export async function checkDuesBase(ctx: Context, id: string | number): Promise<DuesBase> {
  const baseId = requireUuid('id', id);
  const found = await ctx.prisma.duesBase.findUnique({ where: { id: baseId }, include: { member: { include: { orgUnit: true } } } });
  if (!found) throw notFound('Dues base', '党费基数', baseId);
  assertCanWriteUnit(ctx, found.member.orgUnit);
  return changeLocked(ctx, 'DuesBase', baseId, (b) => {
    if (b.status === 'CHECKED') throw conflict(`The ${b.year} base is already checked.`, `${b.year} 年度党费基数已核定。`, { baseId });
    return { status: 'CHECKED', checkedById: accountOf(ctx), checkedOn: dateOf(today(ctx)) };
  });
}

// ── hardship ─────────────────────────────────────────────────────────────────────────────────

export interface HardshipInput {
  memberId: string | number;
  kind: HardshipKind;
  reducedFen?: number | null;
  fromMonth: string;
  toMonth: string;
  reason: string;
  branchDecision: string;
}

export async function proposeHardship(ctx: Context, input: HardshipInput): Promise<DuesHardship> {
  const member = await loadMember(ctx, 'input.memberId', input.memberId);
  assertCanWriteUnit(ctx, member.orgUnit);
  const errs = new FieldErrors();
  if (input.kind === 'REDUCTION' && (input.reducedFen == null || !isFen(input.reducedFen) || input.reducedFen < 0 || input.reducedFen > MAX_AMOUNT_FEN)) {
    errs.add('input.reducedFen', 'is required for a reduction: the reduced monthly amount, in whole fen.', '减交须填写减交后的每月金额（整数，单位：分）。');
  }
  if (input.kind === 'EXEMPTION' && input.reducedFen != null) errs.add('input.reducedFen', 'does not apply to an exemption.', '免交无需填写金额。');
  const goodMonths = isYearMonth(input.fromMonth) && isYearMonth(input.toMonth);
  if (!isYearMonth(input.fromMonth)) errs.add('input.fromMonth', 'must be a month, YYYY-MM.', '须为月份，格式 YYYY-MM。');
  if (!isYearMonth(input.toMonth)) errs.add('input.toMonth', 'must be a month, YYYY-MM.', '须为月份，格式 YYYY-MM。');
  if (goodMonths && (input.toMonth < input.fromMonth || monthRange(input.fromMonth, input.toMonth).length > 24)) {
    errs.add('input.toMonth', 'must be from fromMonth up to 24 months after it.', '须不早于起始月份，且最长 24 个月。');
  }
  checkText(errs, 'input.reason', input.reason, 2, 500, false);
  checkText(errs, 'input.branchDecision', input.branchDecision, 2, 200, true);
  errs.throwIfAny();
  return ctx.prisma.$transaction(async (tx) => {
    await lockMember(tx, member.id);
    const overlap = await tx.duesHardship.findFirst({ where: { memberId: member.id, status: { in: ['PROPOSED', 'APPROVED'] }, fromMonth: { lte: input.toMonth }, toMonth: { gte: input.fromMonth } } });
    if (overlap) {
      throw conflict(`A hardship decision for ${overlap.fromMonth}–${overlap.toMonth} already covers some of these months.`, `${overlap.fromMonth} 至 ${overlap.toMonth} 已有减免党费的决定，与所选月份重叠。`, { hardshipId: overlap.id });
    }
    const row = await tx.duesHardship.create({
      data: {
        orgUnitId: member.orgUnitId,
        memberId: member.id,
        kind: input.kind,
        reducedFen: input.kind === 'REDUCTION' ? input.reducedFen! : null,
        fromMonth: input.fromMonth,
        toMonth: input.toMonth,
        reason: input.reason.trim(),
        branchDecision: input.branchDecision.trim(),
        proposedById: accountOf(ctx),
      },
    });
    await writeRecord(tx, ctx, 'DuesHardship', row);
    return row;
  });
}

export async function decideHardship(ctx: Context, id: string | number, approve: boolean, note?: string | null): Promise<DuesHardship> {
  const hId = requireUuid('id', id);
  const found = await ctx.prisma.duesHardship.findUnique({ where: { id: hId }, include: { member: { include: { orgUnit: true } } } });
  if (!found) throw notFound('Hardship decision', '党费减免决定', hId);
  assertCanApproveHardship(ctx, found.member.orgUnit, found.proposedById);
  const errs = new FieldErrors();
  checkText(errs, 'note', note, 1, 500, false);
  errs.throwIfAny();
  return changeLocked(ctx, 'DuesHardship', hId, (h) => {
    if (h.status !== 'PROPOSED') throw conflict(`This hardship decision was already ${h.status}.`, `该减免决定已处理（${h.status === 'APPROVED' ? '已批准' : '未批准'}）。`, { status: h.status });
    return { status: approve ? 'APPROVED' : 'REJECTED', approvedById: accountOf(ctx), decidedOn: dateOf(today(ctx)), decisionNote: note?.trim() || null };
  });
}

// ── payments ─────────────────────────────────────────────────────────────────────────────────

export interface PaymentInput {
  memberId: string | number;
  months: string[];
  amountFen: number;
  method: DuesPaymentMethod;
  reference?: string | null;
  paidOn?: string | null;
}

// 48 random bits per day: a busy day (a million members paying at the start of a month) stays
// far from a collision; 32 bits met one at 1M members, and the unique index would refuse a payment.
const receiptNo = (ctx: Context) => `DF${today(ctx).replace(/-/g, '')}-${randomBytes(6).toString('hex').toUpperCase()}`;

export async function recordPayment(ctx: Context, input: PaymentInput): Promise<DuesPayment> {
  const member = await loadMember(ctx, 'input.memberId', input.memberId);
  assertCanWriteUnit(ctx, member.orgUnit);
  const errs = new FieldErrors();
  const months = [...new Set(input.months)].sort();
  const latest = `${thisMonth(ctx).slice(0, 4)}-12`;
  if (months.length === 0 || months.length > MAX_MONTHS_AT_ONCE) errs.add('input.months', `must list 1 to ${MAX_MONTHS_AT_ONCE} months.`, `须列出 1 至 ${MAX_MONTHS_AT_ONCE} 个月份。`);
  else if (months.length !== input.months.length) errs.add('input.months', 'lists a month twice.', '月份重复。');
  else if (!months.every(isYearMonth)) errs.add('input.months', 'must be months, YYYY-MM.', '须为月份，格式 YYYY-MM。');
  else if (months.some((m) => m > latest)) errs.add('input.months', `may pay ahead up to ${latest}, the end of this year.`, `最多预交至本年度末（${latest}）。`);
  if (!isFen(input.amountFen) || input.amountFen <= 0 || input.amountFen > MAX_AMOUNT_FEN) errs.add('input.amountFen', 'must be a positive whole number of fen.', '金额须为正整数（单位：分）。');
  if (input.method !== 'CASH' && !input.reference?.trim()) errs.add('input.reference', 'is required for a transfer or an online payment: the transaction reference.', '转账或在线交纳须填写交易流水号。');
  checkText(errs, 'input.reference', input.reference, 1, 100, true);
  if (input.paidOn != null && !(/^\d{4}-\d{2}-\d{2}$/.test(input.paidOn) && input.paidOn <= today(ctx))) errs.add('input.paidOn', 'must be a date not after today.', '交纳日期不能晚于今天。');
  errs.throwIfAny();

  return ctx.prisma.$transaction(async (tx) => {
    await lockMember(tx, member.id);
    const data = (await loadDuesData(tx, [member.id])).get(member.id)!;
    const lines = new Map(monthLines(data, months[0]!, months.at(-1)!).map((l) => [l.month, l]));
    const chosen = months.map((m) => lines.get(m)!);
    const noBase = [...new Set(chosen.filter((l) => l.dueFen === null).map((l) => Number(l.month.slice(0, 4))))];
    if (noBase.length) throw baseNotChecked(noBase);
    const paid = chosen.filter((l) => l.paidFen > 0).map((l) => l.month);
    if (paid.length) throw monthAlreadyPaid(paid);
    const free = chosen.filter((l) => l.dueFen === 0).map((l) => l.month);
    if (free.length) throw badArgument('input.months', `${free.join(', ')}: nothing is due (exempt).`, `${free.join('、')} 已免交党费，无需交纳。`);
    const split = allocate(chosen.map((l) => l.dueFen!), input.amountFen);
    if ('shortFen' in split) {
      throw badArgument('input.amountFen', `is ${split.shortFen} fen short of the dues of these months (${input.amountFen + split.shortFen} fen).`, `比所选月份应交党费（${input.amountFen + split.shortFen} 分）少 ${split.shortFen} 分。`);
    }
    const row = await tx.duesPayment.create({
      data: {
        orgUnitId: member.orgUnitId,
        memberId: member.id,
        months,
        monthAmounts: split.monthAmounts,
        extraFen: split.extraFen,
        amountFen: input.amountFen,
        method: input.method,
        reference: input.reference?.trim() || null,
        paidOn: dateOf(input.paidOn ?? today(ctx)),
        receiptNo: receiptNo(ctx),
        recordedById: accountOf(ctx),
      },
    });
    await writeRecord(tx, ctx, 'DuesPayment', row);
    return row;
  });
}

/** A correction: a new entry reversing the original (which stays as it was). */
export async function correctPayment(ctx: Context, id: string | number, reason: string): Promise<DuesPayment> {
  const pId = requireUuid('paymentId', id);
  const found = await ctx.prisma.duesPayment.findUnique({ where: { id: pId }, include: { member: { include: { orgUnit: true } }, correction: { select: { id: true } } } });
  if (!found) throw notFound('Dues payment', '党费交纳记录', pId);
  assertCanWriteUnit(ctx, found.member.orgUnit);
  const errs = new FieldErrors();
  checkText(errs, 'reason', reason, 2, 500, false);
  errs.throwIfAny();
  if (found.correctsId) throw conflict('This entry is itself a correction; record the payment again instead.', '该记录本身是更正记录，不能再更正；请重新登记交纳。');
  const already = () => conflict('This payment was already corrected.', '该交纳记录已更正过。', { paymentId: pId });
  if (found.correction) throw already();
  try {
    return await ctx.prisma.$transaction(async (tx) => {
      await lockMember(tx, found.memberId);
      const row = await tx.duesPayment.create({
        data: {
          orgUnitId: found.member.orgUnitId,
          memberId: found.memberId,
          months: found.months,
          monthAmounts: found.monthAmounts.map((a) => -a),
          extraFen: -found.extraFen,
          amountFen: -found.amountFen,
          method: found.method,
          reference: found.reference,
          paidOn: dateOf(today(ctx)),
          receiptNo: receiptNo(ctx),
          correctsId: found.id,
          reason: reason.trim(),
          recordedById: accountOf(ctx),
        },
      });
      await writeRecord(tx, ctx, 'DuesPayment', row);
      return row;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw already();
    throw err;
  }
}

// ── arrears ──────────────────────────────────────────────────────────────────────────────────

/**
 * The system's scan over the subtree at `rootPath` (null: everything): every tracked member with
 * six or more consecutive months unpaid (up to last month) without a recorded reason gets an OPEN
 * case; an open case whose run has grown is extended. Written with actor "system". Returns the
 * cases raised or extended.
 *
 * Safe to run from several API processes at once (the schedule, arrears-scan.ts, runs in every
 * replica, and a secretary may run it on demand meanwhile): members are scanned a chunk per
 * transaction, and each transaction first takes one advisory lock shared by every scanner, so two
 * scans of the same members run one after the other and the second sees the first's cases. The
 * unique (member, fromMonth) key backs this up, and an extension only applies to the version it
 * read while the case is still OPEN (a branch deciding it meanwhile wins).
 */
export async function scanArrears(prisma: PrismaClient, now: Date, rootPath: string | null, opts: { chunk?: number } = {}): Promise<DuesArrearsCase[]> {
  const chunk = opts.chunk ?? ARREARS_SCAN_CHUNK;
  const until = addMonthsYm(monthOf(todayInChina(now)), -1);
  const out: DuesArrearsCase[] = [];
  let after: string | null = null;
  for (;;) {
    const { rows, last } = await prisma.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${ARREARS_SCAN_LOCK}, 0))`;
        const members = await tx.member.findMany({
          where: {
            status: 'ACTIVE',
            stage: { in: ['PROBATIONARY', 'FULL'] },
            duesBases: { some: {} },
            ...(rootPath ? { orgUnit: { path: { startsWith: rootPath } } } : {}),
            ...(after ? { id: { gt: after } } : {}),
          },
          select: { id: true, orgUnitId: true, probationarySince: true, fullMemberSince: true },
          orderBy: { id: 'asc' },
          take: chunk,
        });
        const data = await loadDuesData(tx, members.map((m) => m.id));
        const changed: DuesArrearsCase[] = [];
        for (const m of members) {
          const d = data.get(m.id)!;
          const start = trackingStart(m, d);
          if (!start || start > until) continue;
          for (const run of arrearsRuns(monthLines(d, start, until))) {
            const overlapping = d.cases.find((c) => c.fromMonth <= run.to && run.from <= c.toMonth);
            if (overlapping && (overlapping.status !== 'OPEN' || overlapping.toMonth >= run.to)) continue;
            if (overlapping) {
              const { count } = await tx.duesArrearsCase.updateMany({
                where: { id: overlapping.id, version: overlapping.version, status: 'OPEN' },
                data: { toMonth: run.to, months: monthRange(overlapping.fromMonth, run.to).length, version: overlapping.version + 1 },
              });
              if (count === 1) changed.push(await tx.duesArrearsCase.findUniqueOrThrow({ where: { id: overlapping.id } }));
            } else {
              changed.push(await tx.duesArrearsCase.create({ data: { orgUnitId: m.orgUnitId, memberId: m.id, fromMonth: run.from, toMonth: run.to, months: run.months } }));
            }
          }
        }
        await writeRecords(tx, changed.map((r) => recordInput('DuesArrearsCase', r, 'system', now)));
        return { rows: changed, last: members.length === chunk ? members.at(-1)!.id : null };
      },
      { timeout: 120_000 },
    );
    out.push(...rows);
    if (!last) return out;
    after = last;
  }
}

/** The scan on demand, over a subtree the caller may change (default: theirs). */
export async function raiseArrearsCases(ctx: Context, under: OrgUnit | null): Promise<DuesArrearsCase[]> {
  return scanArrears(ctx.prisma, ctx.config.now(), writableRoot(ctx, under));
}

export type ArrearsDecision = 'EXCUSED' | 'TREAT_AS_LEFT' | 'SETTLED';

export async function decideArrearsCase(ctx: Context, id: string | number, decision: ArrearsDecision, reason: string): Promise<DuesArrearsCase> {
  const cId = requireUuid('id', id);
  const found = await ctx.prisma.duesArrearsCase.findUnique({ where: { id: cId }, include: { member: { include: { orgUnit: true } } } });
  if (!found) throw notFound('Arrears case', '欠交党费案件', cId);
  assertCanWriteUnit(ctx, found.member.orgUnit);
  const errs = new FieldErrors();
  checkText(errs, 'reason', reason, 2, 1000, false);
  errs.throwIfAny();
  return changeLocked(ctx, 'DuesArrearsCase', cId, (c) => {
    if (c.status !== 'OPEN') throw conflict(`This case was already decided (${c.status}).`, `该案件已作出决定（${c.status}）。`, { status: c.status });
    return { status: decision, decisionReason: reason.trim(), decidedById: accountOf(ctx), decidedOn: dateOf(today(ctx)) };
  });
}

// ── remittance ───────────────────────────────────────────────────────────────────────────────

/** Submits (or, until confirmed, resubmits) a unit's month: its subtree's payments dated in the month. */
export async function submitRemittance(ctx: Context, unitId: string | number, month: string): Promise<DuesRemittance> {
  const id = requireUuid('unitId', unitId);
  const unit = await ctx.prisma.orgUnit.findUnique({ where: { id } });
  if (!unit) throw notFound('Org unit', '组织', id);
  assertCanWriteUnit(ctx, unit);
  if (!isYearMonth(month) || month > thisMonth(ctx)) throw badArgument('month', 'must be a month (YYYY-MM) not after this one.', '须为不晚于本月的月份（YYYY-MM）。');
  if (!unit.parentId) throw badArgument('unitId', `${unit.name} is the top unit: there is no level above to remit to.`, `${unit.name} 是最高一级组织，没有可上交的上级。`);
  const first = dateOf(`${month}-01`);
  const next = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 1));
  return ctx.prisma.$transaction(async (tx) => {
    // The sum as bigint: a large unit's month passes 2^31 fen (amount_fen is bigint since 20261212090100).
    const [totals] = await tx.$queryRaw<{ payments: number; members: number; amount: bigint }[]>`
      SELECT count(*)::int AS payments, count(DISTINCT p.member_id)::int AS members, coalesce(sum(p.amount_fen), 0)::bigint AS amount
        FROM dues_payment p JOIN org_unit u ON u.id = p.org_unit_id
       WHERE u.path LIKE ${unit.path} || '%' AND p.paid_on >= ${first} AND p.paid_on < ${next}`;
    const fields = { paymentCount: totals!.payments, memberCount: totals!.members, amountFen: totals!.amount, submittedById: accountOf(ctx) };
    await tx.$queryRaw`SELECT 1 FROM dues_remittance WHERE org_unit_id = ${unit.id}::uuid AND month = ${month} FOR UPDATE`;
    const existing = await tx.duesRemittance.findUnique({ where: { orgUnitId_month: { orgUnitId: unit.id, month } } });
    if (existing?.status === 'CONFIRMED') throw conflict(`${month} was already remitted and confirmed by the level above.`, `${month} 的党费已上交并经上级确认。`, { remittanceId: existing.id });
    if (existing) return writeNextVersion(tx, ctx, 'DuesRemittance', existing, fields);
    const row = await tx.duesRemittance.create({ data: { ...fields, orgUnitId: unit.id, toUnitId: unit.parentId!, month } });
    await writeRecord(tx, ctx, 'DuesRemittance', row);
    return row;
  });
}

export async function confirmRemittance(ctx: Context, id: string | number, receipt: string): Promise<DuesRemittance> {
  const rId = requireUuid('id', id);
  const found = await ctx.prisma.duesRemittance.findUnique({ where: { id: rId }, include: { toUnit: true } });
  if (!found) throw notFound('Remittance', '党费上交记录', rId);
  assertCanConfirmRemittance(ctx, found.toUnit);
  const errs = new FieldErrors();
  checkText(errs, 'receiptNo', receipt, 1, 50, true);
  errs.throwIfAny();
  return changeLocked(ctx, 'DuesRemittance', rId, (r) => {
    if (r.status === 'CONFIRMED') throw conflict('This remittance is already confirmed.', '该笔上交已确认收到。');
    return { status: 'CONFIRMED', confirmedById: accountOf(ctx), confirmedOn: dateOf(today(ctx)), receiptNo: receipt.trim() };
  });
}

