// Points (积分): versioned rules and the append-only ledger, its totals and ranking. The ledger
// rules live in this module (who sees what: reads.ts; corrections: ledger-changes.ts).
import type { Prisma } from '@lianjian/db';
import { builder } from '../../../graphql/builder.js';
import { timestamps, unitFields } from '../../../graphql/fields.js';
import { inputMutation, listField, recordMutation } from '../../../graphql/rows.js';
import { assertCanSeeRecord } from '../../../shared/access.js';
import { pathsAbove } from '../../../shared/principal.js';
import type { Context } from '../../../shared/context.js';
import { notFound } from '../../../shared/errors.js';
import { requireUuid } from '../../../shared/ids.js';
import { today } from '../days.js';
import { correctPointsEntry, grantPoints, type GrantResult } from '../ledger-changes.js';
import { assertCanSeeRule, ledgerWhere, memberTotal, ranking, type MemberTotal, type RankingRow } from '../reads.js';
import { definePointsRule, retireRule, reviseRule } from '../rule-changes.js';
import { verifiableObject } from '../../../graphql/verifiable.js';

async function unitPath(ctx: Context, orgUnitId: string): Promise<string> {
  return (await ctx.loaders.orgUnit.load(orgUnitId))?.path ?? '\u0000';
}

export const PointsRuleStatusEnum = builder.enumType('PointsRuleStatus', {
  description: 'SCHEDULED 未生效 (starts later) / IN_FORCE 生效中 / ENDED 已停用或已被新修订版取代',
  values: ['SCHEDULED', 'IN_FORCE', 'ENDED'] as const,
});

export const PointsRuleRef = verifiableObject('PointsRule', async (ctx, rule) => assertCanSeeRule(ctx, { id: rule.id, unitPath: await unitPath(ctx, rule.orgUnitId) }), {
  description: 'One revision of a points rule (积分规则). Revisions are never edited: a change is revision n+1 from a date, and entries keep the revision that granted them.',
  select: {},
  versionDescription: 'Grows when the revision is ended (its last day set); its points never change',
  fields: (t) => ({
    ...unitFields(t, 'The unit that defines the rule; it applies to that unit and the units below it'),
    code: t.exposeString('code'),
    revision: t.exposeInt('revision'),
    name: t.exposeString('name'),
    description: t.exposeString('description', { nullable: true }),
    points: t.exposeInt('points', { description: 'Points per event (negative: a deduction)' }),
    dailyCap: t.exposeInt('dailyCap', { nullable: true, description: 'Most points one member earns from the rule per day; null: no cap' }),
    effectiveFrom: t.expose('effectiveFrom', { type: 'Date' }),
    effectiveTo: t.expose('effectiveTo', { type: 'Date', nullable: true, description: 'Last day in force; null: open-ended' }),
    status: t.field({
      type: PointsRuleStatusEnum,
      select: { effectiveFrom: true, effectiveTo: true },
      resolve: (r, _a, ctx) => {
        const day = today(ctx).getTime();
        if (r.effectiveFrom.getTime() > day) return 'SCHEDULED';
        return r.effectiveTo && r.effectiveTo.getTime() < day ? 'ENDED' : 'IN_FORCE';
      },
    }),
    ...timestamps(t),
  }),
});

export const PointsEntryRef = verifiableObject('PointsEntry', async (ctx, e) =>
  assertCanSeeRecord(ctx, { type: 'PointsEntry', id: e.id, unitPath: await unitPath(ctx, e.orgUnitId), data: { memberId: e.memberId } }), {
  description: 'One entry of the append-only points ledger (积分记录). A correction is a new entry pointing at the one it corrects.',
  select: { memberId: true },
  versionDescription: 'Always 1: entries are never changed',
  fields: (t) => ({
    ...unitFields(t, 'The member’s unit when the entry was booked'),
    memberId: t.exposeID('memberId'),
    member: t.relation('member', { nullable: true, description: 'Null with an error when the member has since moved outside your subtree' }),
    ruleId: t.exposeID('ruleId', { nullable: true }),
    rule: t.relation('rule', { nullable: true, description: 'The rule revision that granted the entry; null for a grant with a reason only' }),
    points: t.exposeInt('points'),
    occurredOn: t.expose('occurredOn', { type: 'Date' }),
    reason: t.exposeString('reason'),
    sourceType: t.exposeString('sourceType', { nullable: true, description: 'The record that earned the points, e.g. Attendance' }),
    sourceId: t.exposeID('sourceId', { nullable: true }),
    correctsId: t.exposeID('correctsId', { nullable: true }),
    corrects: t.relation('corrects', { nullable: true }),
    corrections: t.relation('corrections', { query: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] } }),
    netPoints: t.int({
      description: 'This entry’s points plus all its corrections (for a correction: its own points)',
      select: { points: true, correctsId: true, corrections: { select: { points: true } } },
      resolve: (e) => (e.correctsId ? e.points : e.points + e.corrections.reduce((s, c) => s + c.points, 0)),
    }),
    createdById: t.exposeID('createdById', { nullable: true, description: 'The account that booked it; null for system awards' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

interface EntryKey {
  id: string;
  version: number;
  points: number;
  occurredOn: Date;
}

const PointsEntryKey = builder.objectRef<EntryKey>('PointsEntryKey').implement({
  description: 'An entry counted in a total: fetch its record (type PointsEntry, id, version) with its proof to recompute the total',
  fields: (t) => ({
    id: t.exposeID('id'),
    version: t.exposeInt('version'),
    points: t.exposeInt('points', { description: 'As the database holds it now; the proven value is in the record' }),
    occurredOn: t.expose('occurredOn', { type: 'Date' }),
  }),
});

const MemberPointsTotal = builder.objectRef<MemberTotal>('MemberPointsTotal').implement({
  description: 'A member’s points in a period (积分合计): the sum of the entries listed in `entries`, each a verifiable record',
  fields: (t) => ({
    memberId: t.exposeID('memberId'),
    from: t.expose('from', { type: 'Date', nullable: true }),
    to: t.expose('to', { type: 'Date', nullable: true }),
    total: t.exposeInt('total'),
    entryCount: t.exposeInt('entryCount'),
    entries: t.field({
      type: [PointsEntryKey],
      description: 'Every entry counted, newest first',
      resolve: (m, _a, ctx) =>
        ctx.prisma.pointsEntry.findMany({ where: m.where, select: { id: true, version: true, points: true, occurredOn: true }, orderBy: [{ occurredOn: 'desc' }, { createdAt: 'desc' }, { id: 'desc' }] }),
    }),
  }),
});

const PointsRankingRow = builder.objectRef<RankingRow>('PointsRankingRow').implement({
  description: 'One member’s place in a points ranking (积分排名); ties share a rank',
  fields: (t) => ({
    rank: t.exposeInt('rank'),
    memberId: t.exposeID('memberId'),
    member: t.prismaField({
      type: 'Member',
      resolve: (query, row, _a, ctx) => ctx.prisma.member.findUniqueOrThrow({ ...query, where: { id: row.memberId } }),
    }),
    total: t.exposeInt('total'),
    entryCount: t.exposeInt('entryCount'),
  }),
});

const GrantPointsPayload = builder.objectRef<GrantResult>('GrantPointsPayload').implement({
  fields: (t) => ({
    entry: t.field({ type: PointsEntryRef, resolve: (r) => r.entry }),
    requestedPoints: t.exposeInt('requested', { description: 'The rule’s points, or the points asked for' }),
    capped: t.exposeBoolean('capped', { description: 'True when the rule’s daily cap cut the entry short' }),
  }),
});

async function rulesWhere(ctx: Context, args: { unit?: string | number | null; code?: string | null; includeRetired?: boolean | null; subtree?: boolean | null }): Promise<Prisma.PointsRuleWhereInput> {
  const p = ctx.principal;
  let unitId = args.unit != null ? requireUuid('unit', args.unit) : null;
  if (!unitId) unitId = p.kind === 'account' ? p.scopeUnitId : p.kind === 'partner' ? p.unitId : null;
  const unit = unitId ? await ctx.loaders.orgUnit.load(unitId) : null;
  if (!unit) throw notFound('Org unit', '组织', String(unitId));
  assertCanSeeRule(ctx, { id: `at ${unit.id}`, unitPath: unit.path });
  const above = pathsAbove(unit.path);
  const where: Prisma.PointsRuleWhereInput = {
    orgUnit: args.subtree ? { OR: [{ path: { in: above } }, { path: { startsWith: unit.path } }] } : { path: { in: above } },
  };
  if (args.code) where.code = args.code.trim();
  if (!args.includeRetired) where.OR = [{ effectiveTo: null }, { effectiveTo: { gte: today(ctx) } }];
  return where;
}

builder.queryFields((t) => ({
  pointsRules: listField(t, 'PointsRule', {
    description: 'Rules that apply at a unit (defined there or above; with `subtree`, also below), by code, nearest unit first, newest revision first',
    args: {
      unit: t.arg.id({ description: 'Default: your scope unit (a partner key: its unit)' }),
      code: t.arg.string(),
      includeRetired: t.arg.boolean({ description: 'Also revisions whose last day has passed (ended or superseded); default false' }),
      subtree: t.arg.boolean({ description: 'Also rules defined in units below `unit`; default false' }),
    },
    where: rulesWhere,
    orderBy: [{ code: 'asc' }, { orgUnit: { level: 'desc' } }, { revision: 'desc' }, { id: 'asc' }],
  }),
  pointsLedger: listField(t, 'PointsEntry', {
    description: 'Ledger entries, newest first: a member’s own (members: always their own), or those booked in a subtree',
    args: {
      memberId: t.arg.id({ description: 'One member; a member account may omit it (itself)' }),
      under: t.arg.id({ description: 'Org unit whose subtree to list; default: your scope unit' }),
      from: t.arg({ type: 'Date', description: 'First day, inclusive' }),
      to: t.arg({ type: 'Date', description: 'Last day, inclusive' }),
    },
    where: ledgerWhere,
    orderBy: [{ occurredOn: 'desc' }, { createdAt: 'desc' }, { id: 'desc' }],
  }),
  memberPointsTotal: t.field({
    type: MemberPointsTotal,
    description: 'A member’s total in a period, with the entries it sums (staff: the entries booked in their subtree)',
    args: {
      memberId: t.arg.id({ description: 'A member account may omit it (itself)' }),
      from: t.arg({ type: 'Date' }),
      to: t.arg({ type: 'Date' }),
    },
    authScopes: { read: 'PointsEntry' },
    resolve: (_root, args, ctx) => memberTotal(ctx, args.memberId, { from: args.from, to: args.to }),
  }),
  pointsRanking: t.field({
    type: [PointsRankingRow],
    description: 'The top members of a subtree by points booked there in the period (for secretaries and leaders)',
    args: {
      under: t.arg.id({ description: 'Default: your scope unit' }),
      from: t.arg({ type: 'Date' }),
      to: t.arg({ type: 'Date' }),
      first: t.arg.int({ description: 'How many (1–100, default 10)' }),
    },
    authScopes: { staff: true },
    resolve: (_root, args, ctx) => ranking(ctx, args),
  }),
}));

const DefinePointsRuleInput = builder.inputType('DefinePointsRuleInput', {
  fields: (t) => ({
    orgUnitId: t.id({ required: true, description: 'The unit whose subtree the rule applies to' }),
    code: t.string({ required: true, description: 'e.g. MEETING_ATTENDANCE; unique per unit' }),
    name: t.string({ required: true }),
    description: t.string(),
    points: t.int({ required: true, description: 'Non-zero, −100…100' }),
    dailyCap: t.int({ description: 'Positive, at least `points`; omit for no cap' }),
    effectiveFrom: t.field({ type: 'Date', description: 'Default today' }),
  }),
});

const ReviseRuleInput = builder.inputType('ReviseRuleInput', {
  description: 'Revision n+1; omitted fields keep revision n’s values (dailyCap: null removes the cap)',
  fields: (t) => ({
    effectiveFrom: t.field({ type: 'Date', required: true, description: 'First day of the new revision; the previous one ends the day before' }),
    points: t.int(),
    dailyCap: t.int(),
    name: t.string(),
    description: t.string(),
  }),
});

const GrantPointsInput = builder.inputType('GrantPointsInput', {
  description: 'A manual entry: under a rule (its points and daily cap apply), or with points and a reason alone',
  fields: (t) => ({
    memberId: t.id({ required: true }),
    ruleCode: t.string(),
    points: t.int({ description: 'Only without a rule: non-zero, −1000…1000' }),
    reason: t.string({ required: true }),
    occurredOn: t.field({ type: 'Date', description: 'Default today; not in the future' }),
  }),
});

const CorrectPointsEntryInput = builder.inputType('CorrectPointsEntryInput', {
  fields: (t) => ({
    points: t.int({ description: 'The adjustment (e.g. −2); default: reverse what is left of the entry' }),
    reason: t.string({ required: true }),
  }),
});

builder.mutationFields((t) => ({
  definePointsRule: inputMutation(t, 'PointsRule', DefinePointsRuleInput, { description: 'Defines a rule (revision 1) at a unit (ADMIN, or SECRETARY of the unit)', write: definePointsRule }),
  reviseRule: recordMutation(t, 'PointsRule', {
    description: 'Creates revision n+1 of a points rule from a date and ends revision n the day before; returns the new revision',
    args: {
      ruleId: t.arg.id({ required: true, description: 'The newest revision' }),
      input: t.arg({ type: ReviseRuleInput, required: true }),
      expectedVersion: t.arg.int(),
    },
    write: async (ctx, args) => {
      const { dailyCap, ...rest } = args.input;
      const input = { ...rest, ...(Object.prototype.hasOwnProperty.call(args.input, 'dailyCap') ? { dailyCap: dailyCap ?? null } : {}) };
      const rule = await reviseRule(ctx, String(args.ruleId), input, args.expectedVersion);
      return rule;
    },
  }),
  retireRule: recordMutation(t, 'PointsRule', {
    description: 'Ends a points rule: its newest revision’s last day becomes `lastDay` (default today)',
    args: {
      ruleId: t.arg.id({ required: true }),
      lastDay: t.arg({ type: 'Date' }),
      expectedVersion: t.arg.int(),
    },
    write: (ctx, args) => retireRule(ctx, String(args.ruleId), args.lastDay, args.expectedVersion),
  }),
  grantPoints: t.field({
    type: GrantPointsPayload,
    description: 'Books a manual entry for a member of your subtree (ADMIN or SECRETARY)',
    args: { input: t.arg({ type: GrantPointsInput, required: true }) },
    authScopes: { writer: true },
    resolve: (_root, { input }, ctx) => grantPoints(ctx, input),
  }),
  correctPointsEntry: recordMutation(t, 'PointsEntry', {
    description: 'Books a correction of an entry (reduce or reverse it; never past zero, never a correction of a correction)',
    args: {
      entryId: t.arg.id({ required: true }),
      input: t.arg({ type: CorrectPointsEntryInput, required: true }),
    },
    write: (ctx, args) => correctPointsEntry(ctx, String(args.entryId), args.input),
  }),
}));
