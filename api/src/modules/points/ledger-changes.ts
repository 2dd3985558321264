// Manual ledger entries by a secretary: grants (under a rule, which brings its points and daily
// cap, or with a reason alone) and corrections. The ledger is append-only, so a correction is a
// new entry pointing at the one it corrects (correctsId), booked on the day it is made.
//
// Correction rule: only an original entry can be corrected (a correction is never itself
// corrected; to undo a wrong correction, correct the original again), and the original's net
// (its points plus all its corrections) must stay between 0 and its points. So an entry can be
// reduced, reversed once, or restored after a reversal, but never negated twice nor inflated: to
// grant more, grant a new entry.
import type { Member, OrgUnit, PointsEntry } from '@lianjian/db';
import { assertCanWriteUnit } from '../../shared/access.js';
import type { Context } from '../../shared/context.js';
import { badArgument, conflict, FieldErrors, notFound } from '../../shared/errors.js';
import { requireUuid, type Id } from '../../shared/ids.js';
import { writeRecord, type Tx } from '../../shared/records/write.js';
import { isoOf, today } from './days.js';
import { afterCap, capUsed, lockMemberLedger, ruleInForce } from './rules.js';
import { checkGrantPoints, checkReason, checkRuleCode } from './validate.js';

export interface GrantInput {
  memberId: Id;
  ruleCode?: string | null;
  points?: number | null;
  reason: string;
  occurredOn?: Date | null;
}

export interface GrantResult {
  entry: PointsEntry;
  /** The points asked for (the rule's, or the input's). */
  requested: number;
  /** True when the rule's daily cap cut the entry short. */
  capped: boolean;
}

export interface CorrectInput {
  /** The adjustment; omitted: reverse what is left of the entry. */
  points?: number | null;
  reason: string;
}

function accountOf(ctx: Context): string | null {
  return ctx.principal.kind === 'account' ? ctx.principal.accountId : null;
}

async function writableMember(ctx: Context, id: Id): Promise<Member & { orgUnit: OrgUnit }> {
  const member = await ctx.prisma.member.findUnique({ where: { id: requireUuid('input.memberId', id) }, include: { orgUnit: true } });
  if (!member) throw notFound('Member', '党员', String(id));
  assertCanWriteUnit(ctx, member.orgUnit);
  return member;
}

async function append(tx: Tx, ctx: Context, data: Parameters<Tx['pointsEntry']['create']>[0]['data']): Promise<PointsEntry> {
  const entry = await tx.pointsEntry.create({ data });
  await writeRecord(tx, ctx, 'PointsEntry', entry);
  return entry;
}

export async function grantPoints(ctx: Context, input: GrantInput): Promise<GrantResult> {
  const errors = new FieldErrors();
  const ruleCode = input.ruleCode?.trim() || null;
  if (ruleCode) {
    checkRuleCode(errors, 'input.ruleCode', ruleCode);
    if (input.points != null) errors.add('input.points', 'must be omitted with a rule: the rule sets the points.', '按规则计分时不填分值，分值由规则确定。');
  } else if (input.points == null) {
    errors.add('input.points', 'is required without a rule.', '不按规则计分时必须填写分值。');
  } else {
    checkGrantPoints(errors, 'input.points', input.points);
  }
  checkReason(errors, 'input.reason', input.reason);
  const day = input.occurredOn ?? today(ctx);
  if (day.getTime() > today(ctx).getTime()) errors.add('input.occurredOn', 'must not be in the future.', '不能晚于今天。');
  errors.throwIfAny();
  const member = await writableMember(ctx, input.memberId);

  return ctx.prisma.$transaction(async (tx) => {
    await lockMemberLedger(tx, member.id);
    const base = {
      orgUnitId: member.orgUnitId,
      memberId: member.id,
      occurredOn: day,
      reason: input.reason.trim(),
      createdById: accountOf(ctx),
    };
    if (!ruleCode) {
      const entry = await append(tx, ctx, { ...base, points: input.points! });
      return { entry, requested: input.points!, capped: false };
    }
    const rule = await ruleInForce(tx, ruleCode, member.orgUnit.path, day);
    if (!rule) {
      throw badArgument(
        'input.ruleCode',
        `no rule ${ruleCode} is in force for ${member.orgUnit.name} on ${isoOf(day)}.`,
        `${isoOf(day)} ${member.orgUnit.name} 没有生效的规则 ${ruleCode}。`,
      );
    }
    const points = afterCap(rule, await capUsed(tx, member.id, rule, day));
    if (points <= 0 && rule.points > 0) {
      throw conflict(
        `${member.name} has reached the daily cap of ${rule.code} (${rule.dailyCap} points) on ${isoOf(day)}.`,
        `${member.name} ${isoOf(day)} 的 ${rule.code} 积分已达每日上限（${rule.dailyCap} 分）。`,
        { dailyCap: rule.dailyCap, ruleId: rule.id },
      );
    }
    const entry = await append(tx, ctx, { ...base, ruleId: rule.id, points });
    return { entry, requested: rule.points, capped: points !== rule.points };
  });
}

export async function correctPointsEntry(ctx: Context, entryId: string, input: CorrectInput): Promise<PointsEntry> {
  const id = requireUuid('entryId', entryId);
  const errors = new FieldErrors();
  checkReason(errors, 'input.reason', input.reason);
  if (input.points != null) checkGrantPoints(errors, 'input.points', input.points);
  errors.throwIfAny();
  const target = await ctx.prisma.pointsEntry.findUnique({ where: { id }, include: { orgUnit: true } });
  if (!target) throw notFound('Points entry', '积分记录', id);
  assertCanWriteUnit(ctx, target.orgUnit);
  if (target.correctsId !== null) {
    throw conflict(
      `Entry ${id} is itself a correction; correct the original entry ${target.correctsId} instead.`,
      `积分记录 ${id} 本身是更正记录，请更正原记录 ${target.correctsId}。`,
      { correctsId: target.correctsId },
    );
  }
  return ctx.prisma.$transaction(async (tx) => {
    await lockMemberLedger(tx, target.memberId);
    const sum = await tx.pointsEntry.aggregate({ where: { correctsId: id }, _sum: { points: true } });
    const net = target.points + (sum._sum.points ?? 0);
    const delta = input.points ?? -net;
    if (delta === 0) {
      throw conflict(`Entry ${id} is already fully reversed; nothing is left to correct.`, `积分记录 ${id} 已全部冲销，无可更正。`, { net });
    }
    const after = net + delta;
    const [low, high] = target.points > 0 ? [0, target.points] : [target.points, 0];
    if (after < low || after > high) {
      throw conflict(
        `Correcting entry ${id} by ${delta} would leave ${after} points, outside 0…${target.points} (it now nets ${net}). A correction may reduce or reverse an entry once, never beyond; grant a new entry to add points.`,
        `将积分记录 ${id} 更正 ${delta} 分后为 ${after} 分，超出 0…${target.points} 的范围（当前净值 ${net}）。更正只能减少或冲销一次，不能重复冲销；如需加分请另行记分。`,
        { net, original: target.points },
      );
    }
    return append(tx, ctx, {
      orgUnitId: target.orgUnitId,
      memberId: target.memberId,
      ruleId: target.ruleId,
      points: delta,
      occurredOn: today(ctx),
      reason: input.reason.trim(),
      sourceType: 'PointsEntry',
      sourceId: target.id,
      correctsId: target.id,
      createdById: accountOf(ctx),
    });
  });
}
