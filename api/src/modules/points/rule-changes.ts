// Defining, revising and retiring points rules. A rule is never edited in place: a revision is a
// new row (n+1) from a date, and the previous revision only gets its last day set, so every entry
// keeps pointing at the revision that granted it, with the points and cap it was granted under.
// Invariant kept by each change: an entry's day lies within its revision's effective window.
import { Prisma, type OrgUnit, type PointsRule } from '@lianjian/db';
import { assertCanWriteUnit } from '../../shared/access.js';
import type { Context } from '../../shared/context.js';
import { conflict, FieldErrors, notFound } from '../../shared/errors.js';
import { requireUuid, type Id } from '../../shared/ids.js';
import { writeRecord, type Tx } from '../../shared/records/write.js';
import { isoOf, shiftDays, today } from './days.js';
import { checkRuleAmounts, checkRuleCode, checkRuleName } from './validate.js';

export interface DefineRuleInput {
  orgUnitId: Id;
  code: string;
  name: string;
  description?: string | null;
  points: number;
  dailyCap?: number | null;
  effectiveFrom?: Date | null;
}

export interface ReviseRuleInput {
  effectiveFrom: Date;
  /** Omitted: the previous revision's value. */
  points?: number | null;
  /** Omitted: the previous revision's cap; null: no cap. */
  dailyCap?: number | null;
  name?: string | null;
  description?: string | null;
}

const clean = (v: string | null | undefined) => (v == null ? null : v.trim() === '' ? null : v.trim());

async function writableUnit(ctx: Context, field: string, id: Id): Promise<OrgUnit> {
  const unit = await ctx.prisma.orgUnit.findUnique({ where: { id: requireUuid(field, id) } });
  if (!unit) throw notFound('Org unit', '组织', String(id));
  assertCanWriteUnit(ctx, unit);
  return unit;
}

/** The newest revision of the rule `ruleId` belongs to, locked for this transaction, after the write check. */
async function latestRevision(tx: Tx, ctx: Context, ruleId: string, expectedVersion: number | null | undefined): Promise<{ latest: PointsRule; unit: OrgUnit }> {
  const id = requireUuid('ruleId', ruleId);
  const given = await tx.pointsRule.findUnique({ where: { id }, include: { orgUnit: true } });
  if (!given) throw notFound('Points rule', '积分规则', id);
  assertCanWriteUnit(ctx, given.orgUnit);
  await tx.$queryRaw`SELECT id FROM points_rule WHERE org_unit_id = ${given.orgUnitId}::uuid AND code = ${given.code} FOR UPDATE`;
  const latest = await tx.pointsRule.findFirstOrThrow({ where: { orgUnitId: given.orgUnitId, code: given.code }, orderBy: { revision: 'desc' } });
  if (latest.id !== id) {
    throw conflict(
      `Rule ${latest.code} has a newer revision (${latest.revision}) than the one given (${given.revision}); change the newest one.`,
      `规则 ${latest.code} 已有更新的修订版（第 ${latest.revision} 版），请基于最新修订版操作。`,
      { latestRuleId: latest.id, latestRevision: latest.revision },
    );
  }
  if (expectedVersion != null && expectedVersion !== latest.version) {
    throw conflict(
      `Rule ${latest.code} revision ${latest.revision} is at version ${latest.version}, not ${expectedVersion}: someone changed it first. Reload and try again.`,
      `规则 ${latest.code} 第 ${latest.revision} 版已被他人修改（当前版本 ${latest.version}），请刷新后重试。`,
      { version: latest.version },
    );
  }
  return { latest, unit: given.orgUnit };
}

/** Refuses to end a revision before the day of an entry it granted. */
async function assertNoEntriesAfter(tx: Tx, rule: PointsRule, lastDay: Date): Promise<void> {
  const late = await tx.pointsEntry.findFirst({ where: { ruleId: rule.id, correctsId: null, occurredOn: { gt: lastDay } }, orderBy: { occurredOn: 'desc' }, select: { occurredOn: true } });
  if (late) {
    throw conflict(
      `Revision ${rule.revision} of ${rule.code} already granted points on ${isoOf(late.occurredOn)}; it cannot end before that day (${isoOf(lastDay)}). Choose a later date.`,
      `规则 ${rule.code} 第 ${rule.revision} 版已于 ${isoOf(late.occurredOn)} 计分，不能在此之前（${isoOf(lastDay)}）结束，请选择更晚的日期。`,
      { lastEntryOn: isoOf(late.occurredOn) },
    );
  }
}

async function endRevision(tx: Tx, ctx: Context, rule: PointsRule, lastDay: Date): Promise<PointsRule> {
  const ended = await tx.pointsRule.update({ where: { id: rule.id }, data: { effectiveTo: lastDay, version: { increment: 1 } } });
  await writeRecord(tx, ctx, 'PointsRule', ended);
  return ended;
}

export async function definePointsRule(ctx: Context, input: DefineRuleInput): Promise<PointsRule> {
  const errors = new FieldErrors();
  const code = input.code.trim();
  checkRuleCode(errors, 'input.code', code);
  checkRuleName(errors, 'input.', input.name, input.description, true);
  checkRuleAmounts(errors, 'input.', input.points, input.dailyCap ?? null);
  errors.throwIfAny();
  const unit = await writableUnit(ctx, 'input.orgUnitId', input.orgUnitId);
  try {
    return await ctx.prisma.$transaction(async (tx) => {
      const existing = await tx.pointsRule.findFirst({ where: { orgUnitId: unit.id, code }, orderBy: { revision: 'desc' }, select: { id: true, revision: true } });
      if (existing) {
        throw conflict(
          `${unit.name} already defines rule ${code} (revision ${existing.revision}); use reviseRule to change it from a date.`,
          `${unit.name} 已定义规则 ${code}（第 ${existing.revision} 版），如需变更请从某日起修订（reviseRule）。`,
          { ruleId: existing.id },
        );
      }
      const rule = await tx.pointsRule.create({
        data: {
          orgUnitId: unit.id,
          code,
          revision: 1,
          name: input.name.trim(),
          description: clean(input.description),
          points: input.points,
          dailyCap: input.dailyCap ?? null,
          effectiveFrom: input.effectiveFrom ?? today(ctx),
        },
      });
      await writeRecord(tx, ctx, 'PointsRule', rule);
      return rule;
    });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
      throw conflict(`${unit.name} already defines rule ${code}; use reviseRule to change it.`, `${unit.name} 已定义规则 ${code}，如需变更请修订。`);
    }
    throw err;
  }
}

/** Revision n+1 from `effectiveFrom`; revision n ends the day before (if it was still running then). */
export async function reviseRule(ctx: Context, ruleId: string, input: ReviseRuleInput, expectedVersion?: number | null): Promise<PointsRule> {
  return ctx.prisma.$transaction(async (tx) => {
    const { latest } = await latestRevision(tx, ctx, ruleId, expectedVersion);
    const points = input.points ?? latest.points;
    const dailyCap = input.dailyCap === undefined ? latest.dailyCap : input.dailyCap;
    const errors = new FieldErrors();
    checkRuleName(errors, 'input.', input.name, input.description, false);
    checkRuleAmounts(errors, 'input.', points, dailyCap);
    if (input.effectiveFrom.getTime() <= latest.effectiveFrom.getTime()) {
      errors.add(
        'input.effectiveFrom',
        `must be after ${isoOf(latest.effectiveFrom)}, the first day of revision ${latest.revision} (each revision is in force at least one day).`,
        `应晚于第 ${latest.revision} 版的生效日 ${isoOf(latest.effectiveFrom)}（每个修订版至少生效一天）。`,
      );
    }
    errors.throwIfAny();
    const dayBefore = shiftDays(input.effectiveFrom, -1);
    if (latest.effectiveTo === null || latest.effectiveTo.getTime() > dayBefore.getTime()) {
      await assertNoEntriesAfter(tx, latest, dayBefore);
      await endRevision(tx, ctx, latest, dayBefore);
    }
    const next = await tx.pointsRule.create({
      data: {
        orgUnitId: latest.orgUnitId,
        code: latest.code,
        revision: latest.revision + 1,
        name: clean(input.name) ?? latest.name,
        description: input.description === undefined ? latest.description : clean(input.description),
        points,
        dailyCap,
        effectiveFrom: input.effectiveFrom,
      },
    });
    await writeRecord(tx, ctx, 'PointsRule', next);
    return next;
  });
}

/** Ends the rule: its newest revision's last day becomes `lastDay` (default today). */
export async function retireRule(ctx: Context, ruleId: string, lastDay: Date | null | undefined, expectedVersion?: number | null): Promise<PointsRule> {
  return ctx.prisma.$transaction(async (tx) => {
    const { latest } = await latestRevision(tx, ctx, ruleId, expectedVersion);
    const last = lastDay ?? today(ctx);
    if (latest.effectiveTo !== null && latest.effectiveTo.getTime() <= last.getTime()) {
      throw conflict(
        `Rule ${latest.code} already ends on ${isoOf(latest.effectiveTo)}.`,
        `规则 ${latest.code} 已于 ${isoOf(latest.effectiveTo)} 停止生效。`,
        { effectiveTo: isoOf(latest.effectiveTo) },
      );
    }
    if (last.getTime() < latest.effectiveFrom.getTime()) {
      throw conflict(
        `Revision ${latest.revision} of ${latest.code} starts on ${isoOf(latest.effectiveFrom)}; retire it on or after that day.`,
        `规则 ${latest.code} 第 ${latest.revision} 版自 ${isoOf(latest.effectiveFrom)} 起生效，停用日期不能早于该日。`,
        { effectiveFrom: isoOf(latest.effectiveFrom) },
      );
    }
    await assertNoEntriesAfter(tx, latest, last);
    return endRevision(tx, ctx, latest, last);
  });
}
