// Who decides a step that belongs to the level above (DESIGN.md "Across levels", decisions 013
// and 016): the nearest committee (基层党委) above the member's unit; a general branch in between
// reviews and passes on but does not approve. Filing with the organisation department (step 18)
// goes one committee further up when there is one. Deciding takes an ADMIN, or a SECRETARY whose
// scope unit is the deciding unit or above it; reviewing, one whose scope is the general branch or
// above it (so the committee may pass a request on itself, as a recorded act); everyone below requests.
import type { LevelRequest, OrgUnit } from '@lianjian/db';
import type { GraphQLError } from 'graphql';
import { LEVEL_ABOVE_STEPS, type StepKind } from '@lianjian/rules/pipeline';
import { STEP } from '@lianjian/rules/pipeline';
import type { Context } from '../../../shared/context.js';
import { appError, forbidden } from '../../../shared/errors.js';
import { describePrincipal, inSubtree, type Principal } from '../../../shared/principal.js';
import { LevelCode } from '../errors.js';

const LEVEL_ABOVE: ReadonlySet<StepKind> = new Set(LEVEL_ABOVE_STEPS);

/** A request still waiting on a level (its general branch's review or the committee's decision). */
export const OPEN_STATUSES = ['IN_REVIEW', 'PENDING'] as const satisfies readonly LevelRequest['status'][];

export function isLevelAboveStep(kind: StepKind): boolean {
  return LEVEL_ABOVE.has(kind);
}

export type DecidingUnit = Pick<OrgUnit, 'id' | 'path' | 'name' | 'kind'>;

/** Unit numbers of a path ('/1/5/12/' → [1, 5, 12]), root first. */
function numbersOf(path: string): number[] {
  return path.split('/').filter(Boolean).map(Number);
}

/** The unit that decides `kind` for a member of `unit`, or null when no committee is above it. */
export async function decidingUnitFor(ctx: Context, unit: Pick<OrgUnit, 'path'>, kind: StepKind): Promise<DecidingUnit | null> {
  const above = numbersOf(unit.path).slice(0, -1);
  if (above.length === 0) return null;
  const rows = await ctx.prisma.orgUnit.findMany({ where: { no: { in: above }, kind: 'COMMITTEE' }, select: { id: true, path: true, name: true, kind: true, level: true } });
  const nearestFirst = rows.sort((a, b) => b.level - a.level);
  const pick = kind === 'DEPARTMENT_FILING' ? (nearestFirst[1] ?? nearestFirst[0]) : nearestFirst[0];
  return pick ? { id: pick.id, path: pick.path, name: pick.name, kind: pick.kind } : null;
}

/**
 * The general branch that reviews a request before the deciding unit: the nearest GENERAL_BRANCH
 * strictly above the member's unit and below the deciding unit, or null (the branch sits directly
 * under the committee, or the member belongs to the general branch itself).
 */
export async function reviewingUnitFor(ctx: Context, unit: Pick<OrgUnit, 'path'>, deciding: DecidingUnit): Promise<DecidingUnit | null> {
  const above = numbersOf(unit.path).slice(0, -1);
  const rows = await ctx.prisma.orgUnit.findMany({
    where: { no: { in: above }, kind: 'GENERAL_BRANCH', path: { startsWith: deciding.path }, NOT: { id: deciding.id } },
    select: { id: true, path: true, name: true, kind: true, level: true },
  });
  const pick = rows.sort((a, b) => b.level - a.level)[0];
  return pick ? { id: pick.id, path: pick.path, name: pick.name, kind: pick.kind } : null;
}

/** Whether the principal may review (pass on or return) for `unit`, the reviewing general branch. */
export function canReviewFor(p: Principal, unit: Pick<OrgUnit, 'path'>): boolean {
  return canDecideFor(p, unit);
}

/** Whether the principal decides for `unit` (the deciding unit). */
export function canDecideFor(p: Principal, unit: Pick<OrgUnit, 'path'>): boolean {
  if (p.kind !== 'account') return false;
  if (p.role === 'ADMIN') return true;
  return p.role === 'SECRETARY' && inSubtree(p.scopePath, unit.path);
}

const stepName = (kind: StepKind) => ({ en: `step ${STEP[kind].no} (${STEP[kind].en})`, zh: `第 ${STEP[kind].no} 步「${STEP[kind].zh}」` });

type RuleCode = 'LEVEL_ABOVE_DECIDES' | 'NOT_THE_DECIDING_LEVEL' | 'NOT_THE_REVIEWING_LEVEL' | 'GENERAL_BRANCH_PASSES_ON';

function ruleOf(code: RuleCode) {
  const r = {
    LEVEL_ABOVE_DECIDES: {
      en: 'the level above decides this step: the branch requests it and an account of the deciding level approves or returns it',
      zh: '该步骤由上级党组织决定：支部提出申请，由上级组织账号批准或退回',
    },
    NOT_THE_DECIDING_LEVEL: {
      en: 'only an account of the deciding level (or above it) decides a request',
      zh: '只有作出决定的上级组织（或更上级）的账号才能审批申请',
    },
    NOT_THE_REVIEWING_LEVEL: {
      en: 'a request from a branch under a general branch is reviewed first by an account of that general branch (or a level above it), which passes it on or returns it',
      zh: '党总支下属支部的申请先由该党总支（或更上级）的账号审核，转报上级或退回',
    },
    GENERAL_BRANCH_PASSES_ON: {
      en: 'a general branch (党总支) reviews and passes requests on; it does not approve them — the committee above decides',
      zh: '党总支负责审核并转报申请，不作审批——由上级党委决定',
    },
  }[code];
  return { code: LevelCode[code], ...r };
}

/** A branch account recording another level's decision. */
export function levelAboveDecides(ctx: Context, kind: StepKind, deciding: DecidingUnit | null): GraphQLError {
  const rule = ruleOf('LEVEL_ABOVE_DECIDES');
  const s = stepName(kind);
  const who = deciding ? { en: ` (${deciding.name})`, zh: `（${deciding.name}）` } : { en: '', zh: '' };
  return forbidden(
    `${describePrincipal(ctx.principal)} may not record ${s.en}: ${LevelCode.LEVEL_ABOVE_DECIDES} — ${rule.en}${who.en}. Request it with requestLevelStep.`,
    `${describePrincipal(ctx.principal)} 不能记录${s.zh}：${LevelCode.LEVEL_ABOVE_DECIDES}——${rule.zh}${who.zh}。请通过 requestLevelStep 提出申请。`,
    { rule, step: kind, decidingUnitId: deciding?.id ?? null },
  );
}

/** An account below the deciding level trying to decide. */
export function notTheDecidingLevel(ctx: Context, kind: StepKind, deciding: DecidingUnit): GraphQLError {
  const rule = ruleOf('NOT_THE_DECIDING_LEVEL');
  const s = stepName(kind);
  return forbidden(
    `${describePrincipal(ctx.principal)} may not decide the request for ${s.en}: ${LevelCode.NOT_THE_DECIDING_LEVEL} — ${rule.en} (${deciding.name}).`,
    `${describePrincipal(ctx.principal)} 不能审批${s.zh}的申请：${LevelCode.NOT_THE_DECIDING_LEVEL}——${rule.zh}（${deciding.name}）。`,
    { rule, step: kind, decidingUnitId: deciding.id },
  );
}

/** An account below the reviewing general branch (the branch itself) trying to pass on or return in review. */
export function notTheReviewingLevel(ctx: Context, kind: StepKind, reviewing: DecidingUnit): GraphQLError {
  const rule = ruleOf('NOT_THE_REVIEWING_LEVEL');
  const s = stepName(kind);
  return forbidden(
    `${describePrincipal(ctx.principal)} may not review the request for ${s.en}: ${LevelCode.NOT_THE_REVIEWING_LEVEL} — ${rule.en} (${reviewing.name}).`,
    `${describePrincipal(ctx.principal)} 不能审核${s.zh}的申请：${LevelCode.NOT_THE_REVIEWING_LEVEL}——${rule.zh}（${reviewing.name}）。`,
    { rule, step: kind, reviewingUnitId: reviewing.id },
  );
}

/** A general branch's account trying to approve (or decide a request already on the committee). */
export function generalBranchPassesOn(ctx: Context, kind: StepKind, deciding: DecidingUnit): GraphQLError {
  const rule = ruleOf('GENERAL_BRANCH_PASSES_ON');
  const s = stepName(kind);
  return forbidden(
    `${describePrincipal(ctx.principal)} may not decide the request for ${s.en}: ${LevelCode.GENERAL_BRANCH_PASSES_ON} — ${rule.en} (${deciding.name}).`,
    `${describePrincipal(ctx.principal)} 不能审批${s.zh}的申请：${LevelCode.GENERAL_BRANCH_PASSES_ON}——${rule.zh}（${deciding.name}）。`,
    { rule, step: kind, decidingUnitId: deciding.id },
  );
}

/** Passing on a request that is not in review (already passed on, decided, or never reviewed). */
export function requestNotInReview(r: { id: string; status: string }): GraphQLError {
  const zh: Record<string, string> = { PENDING: '已转报上级党委', APPROVED: '已批准', RETURNED: '已退回' };
  return appError(LevelCode.REQUEST_NOT_IN_REVIEW, `Request ${r.id} is ${r.status}: it is not waiting on a general branch’s review.`, {
    messageZh: `申请 ${r.id} ${zh[r.status] ?? r.status}，不在党总支审核中。`,
    extensions: { id: r.id, status: r.status },
  });
}

export function noDecidingLevel(kind: StepKind): GraphQLError {
  const s = stepName(kind);
  return appError(LevelCode.NO_DECIDING_LEVEL, `Cannot request ${s.en}: no committee (基层党委) above the member’s unit decides it.`, {
    messageZh: `不能申请${s.zh}：该人员所在组织之上没有可作出决定的基层党委。`,
    extensions: { step: kind },
  });
}

/** Recording (or requesting) a step that a request already waits for. */
export function requestPending(kind: StepKind, since?: Date): GraphQLError {
  const s = stepName(kind);
  const when = since ? { en: ` since ${since.toISOString()}`, zh: `（自 ${since.toISOString()} 起）` } : { en: '', zh: '' };
  return appError(LevelCode.REQUEST_ALREADY_PENDING, `A request for ${s.en} is waiting on the level above${when.en}: decide it (approveLevelRequest or returnLevelRequest).`, {
    messageZh: `${s.zh}已有申请在等待上级审批${when.zh}：请审批该申请（批准或退回）。`,
    extensions: { step: kind },
  });
}
