// Shared steps of the learning mutations: the unit being written, the caller's own member row
// and text fields.
import type { OrgUnit } from '@lianjian/db';
import { assertCanWriteUnit } from '../../shared/access.js';
import { describePrincipal } from '../../shared/principal.js';
import type { Context } from '../../shared/context.js';
import { badArgument, forbidden, type FieldErrors } from '../../shared/errors.js';
import { requireUuid } from '../../shared/ids.js';
import { refused } from './errors.js';

/** Submissions this long after the deadline still count: the answers were sent in time. */
export const SUBMIT_GRACE_MS = 30_000;

export async function writableUnit(ctx: Context, field: string, id: string | number): Promise<OrgUnit> {
  const unit = await ctx.prisma.orgUnit.findUnique({ where: { id: requireUuid(field, id) } });
  if (!unit) throw badArgument(field, `names org unit ${id}, which does not exist.`, `指向的组织 ${id} 不存在。`);
  assertCanWriteUnit(ctx, unit);
  if (unit.dissolvedOn) throw badArgument(field, `names ${unit.name}, which was dissolved.`, `${unit.name} 已撤销。`);
  return unit;
}

/** Where a bank item (question, quiz) belongs: a course the caller may write and that is open, or a unit's general bank. */
export async function bankOwner(
  ctx: Context,
  input: { courseId?: string | number | null; orgUnitId?: string | number | null },
  text: { archived: (courseId: string) => [string, string]; missing: [string, string] },
): Promise<{ orgUnitId: string; courseId: string | null }> {
  if (input.courseId != null) {
    const courseId = requireUuid('input.courseId', input.courseId);
    const course = await ctx.prisma.course.findUnique({ where: { id: courseId }, include: { orgUnit: true } });
    if (!course) throw badArgument('input.courseId', `names course ${courseId}, which does not exist.`, `指向的课程 ${courseId} 不存在。`);
    assertCanWriteUnit(ctx, course.orgUnit);
    if (course.status === 'ARCHIVED') throw refused('COURSE_ARCHIVED', ...text.archived(course.id));
    return { orgUnitId: course.orgUnitId, courseId };
  }
  if (input.orgUnitId != null) return { orgUnitId: (await writableUnit(ctx, 'input.orgUnitId', input.orgUnitId)).id, courseId: null };
  throw badArgument('input.courseId', ...text.missing);
}

export interface CallerMember {
  id: string;
  orgUnitId: string;
  unitPath: string;
}

/** The member record of the signed-in account: quizzes and self-service completion need one. */
export async function callerMember(ctx: Context, what: string, whatZh: string): Promise<CallerMember> {
  const p = ctx.principal;
  const memberId = p.kind === 'account' ? p.memberId : null;
  const m = memberId ? await ctx.prisma.member.findUnique({ where: { id: memberId }, select: { id: true, orgUnitId: true, status: true, orgUnit: { select: { path: true } } } }) : null;
  if (!m) {
    throw forbidden(`${describePrincipal(p)} may not ${what}: only an account linked to a member record can.`, `${describePrincipal(p)} 无权${whatZh}：只有关联党员记录的账号可以操作。`);
  }
  if (m.status !== 'ACTIVE') throw forbidden(`Member ${m.id} is not active (${m.status}) and may not ${what}.`, `党员 ${m.id} 当前状态为 ${m.status}，不能${whatZh}。`);
  return { id: m.id, orgUnitId: m.orgUnitId, unitPath: m.orgUnit.path };
}

/** A required text field, trimmed; records a field error when empty or too long. */
export function text(errors: FieldErrors, field: string, value: string, max: number): string {
  const v = value.trim();
  if (v === '') errors.add(field, 'must not be empty.', '不能为空。');
  else if (v.length > max) errors.add(field, `must be at most ${max} characters.`, `不能超过 ${max} 个字符。`);
  return v;
}

/** An optional text field: blank becomes null. */
export function optionalText(errors: FieldErrors, field: string, value: string | null | undefined, max: number): string | null {
  if (value == null || value.trim() === '') return null;
  return text(errors, field, value, max);
}

export function intInRange(errors: FieldErrors, field: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) errors.add(field, `must be a whole number from ${min} to ${max}, got ${value}.`, `应为 ${min} 到 ${max} 之间的整数，收到 ${value}。`);
  return value;
}
