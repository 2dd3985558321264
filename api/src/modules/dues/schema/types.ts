// The dues types: the five verifiable records, the member's statement and the subtree summary.
import type { DuesArrearsStatus, DuesBaseStatus, DuesCategory, DuesHardshipKind, DuesHardshipStatus, DuesPaymentMethod, DuesRemittanceStatus } from '@lianjian/db';
import type { FieldMap } from '@pothos/core';
import { builder } from '../../../graphql/builder.js';
import { dbEnum } from '../../../graphql/enums.js';
import { verifiableObject, type VerifiableObjectOptions } from '../../../graphql/verifiable.js';
import { assertCanSeeUnit, canSeeUnit } from '../../../shared/access.js';
import { forbidden } from '../../../shared/errors.js';
import type { Context } from '../../../shared/context.js';
import { assertCanSeeDuesRow } from '../access.js';
import type { MonthLine } from '../months.js';
import type { MemberDuesRow, Statement, Summary } from '../reads.js';

export const DuesCategoryEnum = dbEnum('DuesCategory', 'IN_WORK 在职 / RETIRED 离退休 / FARMER 农民 / LOW_INCOME 学生、下岗失业、领取最低生活保障金 / OTHER 其他（按收入，适用在职标准）');
export const DuesBaseStatusEnum = dbEnum('DuesBaseStatus', 'DECLARED 已申报 / CHECKED 支部已核定');
export const DuesHardshipKindEnum = dbEnum('DuesHardshipKind', 'REDUCTION 减交 / EXEMPTION 免交');
export const DuesHardshipStatusEnum = dbEnum('DuesHardshipStatus', 'PROPOSED 支部已决定、待上级批准 / APPROVED 已批准 / REJECTED 未批准');
export const DuesPaymentMethodEnum = dbEnum('DuesPaymentMethod', 'CASH 现金 / TRANSFER 转账 / ONLINE 在线交纳');
export const DuesArrearsStatusEnum = dbEnum('DuesArrearsStatus', 'OPEN 待处理 / EXCUSED 有正当理由（理由已记录）/ TREAT_AS_LEFT 按自行脱党处理 / SETTLED 已补交');
export const DuesRemittanceStatusEnum = dbEnum('DuesRemittanceStatus', 'SUBMITTED 已上交 / CONFIRMED 上级已确认收到');


interface OwnerFieldBuilder<Id, Name> {
  exposeID(name: 'orgUnitId' | 'memberId'): Id;
  string(options: { select: { member: { select: { name: true } } }; resolve: (row: { member: { name: string } }) => string }): Name;
}

/** Whose dues record it is: the member's unit when it was written, the member and their name. */
function ownerFields<Id, Name>(t: OwnerFieldBuilder<Id, Name>) {
  return {
    orgUnitId: t.exposeID('orgUnitId'),
    memberId: t.exposeID('memberId'),
    memberName: t.string({ select: { member: { select: { name: true } } }, resolve: (r) => r.member.name }),
  };
}

type MemberOwned = 'DuesBase' | 'DuesHardship' | 'DuesPayment' | 'DuesArrearsCase';

/**
 * A dues record about one member: seen by the member and by staff of their subtree
 * (assertCanSeeDuesRow); its fields start with whose record it is.
 */
function memberDuesRecord<N extends MemberOwned>(name: N, options: Omit<VerifiableObjectOptions<N, { memberId: true }>, 'select'>) {
  return verifiableObject(name, (ctx, row: { id: string; orgUnitId: string; memberId: string }) => assertCanSeeDuesRow(ctx, name, row), {
    ...options,
    select: { memberId: true } as never,
    fields: (t) => ({ ...(ownerFields(t as never) as FieldMap), ...options.fields(t as never) }),
  });
}

memberDuesRecord('DuesBase', {
  description: 'A member’s dues base for a year (党费基数), declared once a year and checked by the branch. Money in fen.',
  fields: (t) => ({
    year: t.exposeInt('year'),
    category: t.expose('category', { type: DuesCategoryEnum }),
    baseFen: t.exposeInt('baseFen', { nullable: true, description: 'Monthly income in fen (IN_WORK, RETIRED, OTHER)' }),
    fixedFen: t.exposeInt('fixedFen', { nullable: true, description: 'The fixed monthly amount (FARMER, LOW_INCOME)' }),
    rateBp: t.exposeInt('rateBp', { nullable: true, description: 'Rate in basis points (50 = 0.5 %); null for a fixed amount' }),
    monthlyDueFen: t.exposeInt('monthlyDueFen', { description: 'The rate applied to the base, rounded half up to the fen' }),
    status: t.expose('status', { type: DuesBaseStatusEnum }),
    checkedOn: t.expose('checkedOn', { type: 'Date', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

memberDuesRecord('DuesHardship', {
  description: 'A hardship reduction or exemption (困难党员减免党费): the branch’s decision, approved by the level above',
  fields: (t) => ({
    kind: t.expose('kind', { type: DuesHardshipKindEnum }),
    reducedFen: t.exposeInt('reducedFen', { nullable: true }),
    fromMonth: t.exposeString('fromMonth'),
    toMonth: t.exposeString('toMonth'),
    reason: t.exposeString('reason'),
    branchDecision: t.exposeString('branchDecision', { description: 'The branch meeting’s decision it rests on' }),
    status: t.expose('status', { type: DuesHardshipStatusEnum }),
    decidedOn: t.expose('decidedOn', { type: 'Date', nullable: true }),
    decisionNote: t.exposeString('decisionNote', { nullable: true }),
  }),
});

export const DuesPaymentRef = memberDuesRecord('DuesPayment', {
  description: 'A dues payment (党费交纳记录), append-only: one or more months, each its due (`monthAmounts`), any surplus a voluntary extra. A correction is a new entry reversing the one it names. Its proof bundle is the member’s receipt.',
  versionDescription: 'Always 1: entries are never changed',
  fields: (t) => ({
    months: t.exposeStringList('months'),
    monthAmounts: t.exposeIntList('monthAmounts', { description: 'Fen per month, parallel to `months` (negative in a correction)' }),
    extraFen: t.exposeInt('extraFen', { description: 'Voluntary extra beyond the dues' }),
    amountFen: t.exposeInt('amountFen'),
    method: t.expose('method', { type: DuesPaymentMethodEnum }),
    reference: t.exposeString('reference', { nullable: true }),
    paidOn: t.expose('paidOn', { type: 'Date' }),
    receiptNo: t.exposeString('receiptNo'),
    correctsId: t.exposeID('correctsId', { nullable: true }),
    correctedBy: t.id({ nullable: true, select: { correction: { select: { id: true } } }, resolve: (r) => r.correction?.id ?? null }),
    reason: t.exposeString('reason', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

memberDuesRecord('DuesArrearsCase', {
  description: 'Six or more consecutive months unpaid without a recorded reason (党章第九条): raised by the system, decided by the branch',
  fields: (t) => ({
    fromMonth: t.exposeString('fromMonth'),
    toMonth: t.exposeString('toMonth'),
    months: t.exposeInt('months'),
    status: t.expose('status', { type: DuesArrearsStatusEnum }),
    decisionReason: t.exposeString('decisionReason', { nullable: true }),
    decidedOn: t.expose('decidedOn', { type: 'Date', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

/** Staff of the remitting unit or of the receiving unit (and partner keys likewise); not members. */
async function assertCanSeeRemittance(ctx: Context, row: { orgUnitId: string; toUnitId: string }): Promise<void> {
  const p = ctx.principal;
  if (p.kind === 'account' && p.role === 'MEMBER') throw forbidden('Remittances are seen by the units that send and receive them.', '党费上交记录仅供上交和接收的组织查看。');
  const [from, to] = await Promise.all([ctx.loaders.orgUnit.load(row.orgUnitId), ctx.loaders.orgUnit.load(row.toUnitId)]);
  if (!(to && canSeeUnit(p, to))) assertCanSeeUnit(ctx, from ?? { id: row.orgUnitId, path: '\u0000' });
}

verifiableObject('DuesRemittance', assertCanSeeRemittance, {
  description: 'A unit’s dues of a month passed to the level above (党费上交), which confirms receipt',
  select: { toUnitId: true },
  fields: (t) => ({
    orgUnitId: t.exposeID('orgUnitId'),
    unitName: t.string({ select: { orgUnit: { select: { name: true } } }, resolve: (r) => r.orgUnit.name }),
    toUnitId: t.exposeID('toUnitId'),
    toUnitName: t.string({ select: { toUnit: { select: { name: true } } }, resolve: (r) => r.toUnit.name }),
    month: t.exposeString('month'),
    paymentCount: t.exposeInt('paymentCount'),
    memberCount: t.exposeInt('memberCount'),
    // A bigint column (a large unit's month passes 2^31 fen); Float as DuesSummary's totals, whole
    // fen exact to 2^53 — the record document holds the same JSON number.
    amountFen: t.float({ select: { amountFen: true }, description: 'Whole fen (a Float only because a large unit’s month passes the 32-bit Int)', resolve: (r) => Number(r.amountFen) }),
    status: t.expose('status', { type: DuesRemittanceStatusEnum }),
    confirmedOn: t.expose('confirmedOn', { type: 'Date', nullable: true }),
    receiptNo: t.exposeString('receiptNo', { nullable: true }),
  }),
});

const DuesMonthStatusEnum = builder.enumType('DuesMonthStatus', {
  values: ['PAID', 'UNPAID', 'EXEMPT', 'EXCUSED', 'NOT_YET_DUE', 'NO_BASE', 'NOT_TRACKED'] as const,
  description: 'PAID 已交 / UNPAID 未交 / EXEMPT 免交 / EXCUSED 有正当理由 / NOT_YET_DUE 未到期 / NO_BASE 基数未核定 / NOT_TRACKED 尚未开始计算',
});

const DuesMonth = builder.objectRef<Statement['lines'][number]>('DuesMonth').implement({
  fields: (t) => ({
    month: t.exposeString('month'),
    dueFen: t.exposeInt('dueFen', { nullable: true, description: 'After any approved hardship decision; null without a checked base' }),
    paidFen: t.exposeInt('paidFen', { description: 'Net of corrections' }),
    hardship: t.field({ type: DuesHardshipKindEnum, nullable: true, resolve: (l: MonthLine) => l.hardship }),
    status: t.field({ type: DuesMonthStatusEnum, resolve: (l) => l.status }),
  }),
});

export const DuesStatement = builder.objectRef<Statement>('DuesStatement').implement({
  description: 'A member’s dues for a year: base, month by month, and every payment entry touching the year (each a verifiable record: recompute `paidFen` and `extraFen` from their proven documents)',
  fields: (t) => ({
    memberId: t.id({ resolve: (s) => s.member.id }),
    memberName: t.string({ resolve: (s) => s.member.name }),
    year: t.exposeInt('year'),
    base: t.prismaField({ type: 'DuesBase', nullable: true, resolve: (q, s, _a, ctx) => (s.base ? ctx.prisma.duesBase.findUnique({ ...q, where: { id: s.base.id } }) : null) }),
    months: t.field({ type: [DuesMonth], resolve: (s) => s.lines }),
    payments: t.prismaField({
      type: ['DuesPayment'],
      resolve: (q, s, _a, ctx) => ctx.prisma.duesPayment.findMany({ ...q, where: { id: { in: s.payments.map((p) => p.id) } }, orderBy: [{ paidOn: 'asc' }, { createdAt: 'asc' }] }),
    }),
    dueFen: t.exposeInt('dueFen', { description: 'Due for the tracked months of the year up to last month' }),
    paidFen: t.exposeInt('paidFen', { description: 'Sum of the entries’ month amounts for months of the year' }),
    extraFen: t.exposeInt('extraFen', { description: 'Voluntary extras of entries whose first month is in the year' }),
  }),
});

export const DuesSummary = builder.objectRef<Summary>('DuesSummary').implement({
  description: 'A month’s dues over a subtree: collection rate (collected against what was due) and arrears',
  fields: (t) => ({
    month: t.exposeString('month'),
    trackedMembers: t.exposeInt('trackedMembers'),
    // Float, holding whole fen exactly (to 2^53): a subtree's month passes GraphQL's 32-bit Int
    // (21.47 million yuan) at about 180,000 members — bench/dues at 1M gave 11,785,223,176 fen.
    dueFen: t.exposeFloat('dueFen', { description: 'Whole fen (a Float only because large subtrees pass the 32-bit Int)' }),
    collectedFen: t.exposeFloat('collectedFen', { description: 'Paid against the month’s dues, each member at most their due; whole fen (a Float only because large subtrees pass the 32-bit Int)' }),
    collectionRateBp: t.exposeInt('collectionRateBp', { nullable: true, description: 'Basis points (10000 = 100 %), rounded down; null when nothing was due' }),
    paidMembers: t.exposeInt('paidMembers'),
    unpaidMembers: t.exposeInt('unpaidMembers'),
    membersInArrears: t.exposeInt('membersInArrears', { description: 'Members with any unpaid month this year up to last month' }),
    openArrearsCases: t.exposeInt('openArrearsCases'),
  }),
});

export const DuesMemberRow = builder.objectRef<MemberDuesRow>('DuesMemberRow').implement({
  description: 'A member’s dues for a year in figures (the members’ list): the same figures as their DuesStatement',
  fields: (t) => ({
    memberId: t.exposeID('memberId'),
    memberName: t.exposeString('memberName'),
    unitId: t.exposeID('unitId'),
    unitName: t.exposeString('unitName'),
    category: t.field({ type: DuesCategoryEnum, resolve: (r) => r.base.category }),
    monthlyDueFen: t.int({ description: 'The year’s base: the rate applied to it', resolve: (r) => r.base.monthlyDueFen }),
    baseStatus: t.field({ type: DuesBaseStatusEnum, resolve: (r) => r.base.status }),
    dueFen: t.exposeInt('dueFen', { description: 'As DuesStatement.dueFen' }),
    paidFen: t.exposeInt('paidFen', { description: 'As DuesStatement.paidFen' }),
    unpaidMonths: t.exposeStringList('unpaidMonths', { description: 'The statement’s months with status UNPAID' }),
    consecutiveUnpaidMonths: t.exposeInt('consecutiveUnpaidMonths', {
      description: 'Months unpaid without a recorded reason in a row up to the year’s last due month, counted back across years (six raise an arrears case); 0 when that month is not unpaid',
    }),
    openCaseId: t.id({ nullable: true, description: 'The member’s OPEN arrears case, if any', resolve: (r) => r.openCase?.id ?? null }),
    openCaseFromMonth: t.string({ nullable: true, resolve: (r) => r.openCase?.fromMonth ?? null }),
    openCaseMonths: t.int({ nullable: true, resolve: (r) => r.openCase?.months ?? null }),
  }),
});
