// Courses and their resources: a course is drafted, gets its resources, is published to its
// unit's subtree and finally archived. Completion is recorded once per member and course, by the
// member (after going through every resource) or by a secretary (e.g. study done offline), and
// earns COURSE_COMPLETED points.
import type { Course, CourseCompletion, CourseResource, ResourceKind } from '@lianjian/db';
import { assertCanWriteUnit } from '../../shared/access.js';
import type { Context } from '../../shared/context.js';
import { badArgument, FieldErrors, forbidden, isUniqueViolation, notFound } from '../../shared/errors.js';
import { requireUuid } from '../../shared/ids.js';
import { awardPoints } from '../points/award.js';
import { writeRecord } from '../../shared/records/write.js';
import { checkExpectedVersion, writeVersionIfUnchanged } from '../../shared/records/versions.js';
import { pathsAbove } from '../../shared/principal.js';
import { callerMember, intInRange, optionalText, text, writableUnit } from './common.js';
import { refused } from './errors.js';

export interface CourseInput {
  orgUnitId: string | number;
  title: string;
  description?: string | null;
  category?: string | null;
  classHours?: number | null;
  mandatory?: boolean | null;
}

export async function createCourse(ctx: Context, input: CourseInput): Promise<Course> {
  const unit = await writableUnit(ctx, 'input.orgUnitId', input.orgUnitId);
  const errors = new FieldErrors();
  const title = text(errors, 'input.title', input.title, 200);
  const description = optionalText(errors, 'input.description', input.description, 5000);
  const category = optionalText(errors, 'input.category', input.category, 50);
  const classHours = intInRange(errors, 'input.classHours', input.classHours ?? 1, 1, 200);
  errors.throwIfAny();
  return ctx.prisma.$transaction(async (tx) => {
    const course = await tx.course.create({
      data: {
        orgUnitId: unit.id,
        title,
        description,
        category,
        classHours,
        mandatory: input.mandatory ?? false,
        createdById: ctx.principal.kind === 'account' ? ctx.principal.accountId : null,
      },
    });
    await writeRecord(tx, ctx, 'Course', course);
    return course;
  });
}

async function courseForWrite(ctx: Context, id: string | number, field = 'id') {
  const courseId = requireUuid(field, id);
  const course = await ctx.prisma.course.findUnique({ where: { id: courseId }, include: { orgUnit: true } });
  if (!course) throw notFound('Course', '课程', courseId);
  assertCanWriteUnit(ctx, course.orgUnit);
  return course;
}

const COURSE = ['course', '课程'] as const;

async function setStatus(ctx: Context, course: Course, expectedVersion: number | null | undefined, status: Course['status']): Promise<Course> {
  checkExpectedVersion(COURSE, course, expectedVersion);
  return ctx.prisma.$transaction(async (tx) => {
    const change = { status, ...(status === 'PUBLISHED' ? { publishedAt: ctx.config.now() } : {}) };
    return writeVersionIfUnchanged(tx, ctx, 'Course', course, change, COURSE);
  });
}

/** DRAFT → PUBLISHED: members of the unit's subtree can now study it. Needs at least one resource. */
export async function publishCourse(ctx: Context, id: string | number, expectedVersion?: number | null): Promise<Course> {
  const course = await courseForWrite(ctx, id);
  if (course.status !== 'DRAFT') throw refused('COURSE_NOT_DRAFT', `Course ${course.id} is ${course.status}; only a draft can be published.`, `课程 ${course.id} 当前为 ${course.status}，只有草稿可以发布。`);
  const resources = await ctx.prisma.courseResource.count({ where: { courseId: course.id } });
  if (resources === 0) throw refused('COURSE_HAS_NO_RESOURCES', `Course ${course.id} has no resources yet; add at least one before publishing.`, `课程 ${course.id} 尚无学习资料，请至少添加一项后再发布。`);
  return setStatus(ctx, course, expectedVersion, 'PUBLISHED');
}

/** DRAFT or PUBLISHED → ARCHIVED: kept with its completions, no longer studied or completed. */
export async function archiveCourse(ctx: Context, id: string | number, expectedVersion?: number | null): Promise<Course> {
  const course = await courseForWrite(ctx, id);
  if (course.status === 'ARCHIVED') throw refused('COURSE_ARCHIVED', `Course ${course.id} is already archived.`, `课程 ${course.id} 已归档。`);
  return setStatus(ctx, course, expectedVersion, 'ARCHIVED');
}

export interface ResourceInput {
  courseId: string | number;
  kind: ResourceKind;
  title: string;
  uri: string;
  contentHash?: string | null;
  durationMinutes?: number | null;
}

function checkUri(errors: FieldErrors, field: string, uri: string): string {
  const v = uri.trim();
  let ok = false;
  try {
    const u = new URL(v);
    ok = u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    ok = false;
  }
  if (!ok || v.length > 2000) errors.add(field, 'must be an http(s) URL of at most 2000 characters.', '应为不超过 2000 个字符的 http(s) 地址。');
  return v;
}

/** Appends a resource (the next position) to a course that is not archived. */
export async function addCourseResource(ctx: Context, input: ResourceInput): Promise<CourseResource> {
  const course = await courseForWrite(ctx, input.courseId, 'input.courseId');
  if (course.status === 'ARCHIVED') throw refused('COURSE_ARCHIVED', `Course ${course.id} is archived; resources can no longer be added.`, `课程 ${course.id} 已归档，不能再添加学习资料。`);
  const errors = new FieldErrors();
  const title = text(errors, 'input.title', input.title, 200);
  const uri = checkUri(errors, 'input.uri', input.uri);
  let contentHash: Uint8Array<ArrayBuffer> | null = null;
  if (input.contentHash != null) {
    if (/^[0-9a-f]{64}$/i.test(input.contentHash)) contentHash = new Uint8Array(Buffer.from(input.contentHash, 'hex'));
    else errors.add('input.contentHash', 'must be a SHA-256 digest: 64 hex digits.', '应为 SHA-256 摘要：64 位十六进制数字。');
  }
  if (input.durationMinutes != null) intInRange(errors, 'input.durationMinutes', input.durationMinutes, 1, 24 * 60);
  errors.throwIfAny();
  for (let tries = 0; ; tries++) {
    try {
      return await ctx.prisma.$transaction(async (tx) => {
        const last = await tx.courseResource.aggregate({ where: { courseId: course.id }, _max: { position: true } });
        const row = await tx.courseResource.create({
          data: {
            orgUnitId: course.orgUnitId,
            courseId: course.id,
            kind: input.kind,
            title,
            uri,
            contentHash,
            durationMinutes: input.durationMinutes ?? null,
            position: (last._max.position ?? 0) + 1,
          },
        });
        await writeRecord(tx, ctx, 'CourseResource', row);
        return row;
      });
    } catch (err) {
      // Two resources added at once took the same position: the later one retries.
      if (!isUniqueViolation(err) || tries >= 3) throw err;
    }
  }
}

export interface CompleteInput {
  courseId: string | number;
  memberId?: string | number | null;
  resourceIds?: readonly (string | number)[] | null;
}

function alreadyCompleted(courseId: string, memberId: string) {
  return refused('ALREADY_COMPLETED', `Member ${memberId} has already completed course ${courseId}.`, `党员 ${memberId} 已完成课程 ${courseId}。`, { courseId, memberId });
}

/**
 * A member marks their own completion, naming every resource of the course as studied; an
 * ADMIN/SECRETARY records it for a member of their subtree. The course must be published and
 * meant for the member (their unit or a unit above it).
 */
export async function completeCourse(ctx: Context, input: CompleteInput): Promise<CourseCompletion> {
  const courseId = requireUuid('courseId', input.courseId);
  const p = ctx.principal;
  const self = p.kind === 'account' && p.role === 'MEMBER';
  let member: { id: string; orgUnitId: string; unitPath: string };
  if (self || input.memberId == null) {
    member = await callerMember(ctx, 'complete a course', '完成课程');
    if (input.memberId != null && requireUuid('memberId', input.memberId) !== member.id) {
      throw forbidden('Members may only record their own course completion.', '党员只能记录本人完成课程。');
    }
  } else {
    const id = requireUuid('memberId', input.memberId);
    const m = await ctx.prisma.member.findUnique({ where: { id }, include: { orgUnit: true } });
    if (!m) throw notFound('Member', '党员', id);
    assertCanWriteUnit(ctx, m.orgUnit);
    member = { id: m.id, orgUnitId: m.orgUnitId, unitPath: m.orgUnit.path };
  }
  const course = await ctx.prisma.course.findUnique({ where: { id: courseId }, include: { orgUnit: true, resources: { select: { id: true } } } });
  if (!course) throw notFound('Course', '课程', courseId);
  if (!pathsAbove(member.unitPath).includes(course.orgUnit.path)) {
    // The course's unit is not named: it may lie outside what the caller may see.
    if (self) throw forbidden(`Course ${course.id} is not meant for you: it belongs to a unit that is neither yours nor above it.`, `课程 ${course.id} 不面向您：它所属的组织不是您所在组织或上级组织。`);
    throw badArgument('courseId', `names a course that is not meant for member ${member.id}: its unit is neither theirs nor above it.`, `该课程不面向党员 ${member.id}：课程所属组织不是其所在组织或上级组织。`);
  }
  if (course.status !== 'PUBLISHED') throw refused('COURSE_NOT_PUBLISHED', `Course ${course.id} is ${course.status}; only a published course can be completed.`, `课程 ${course.id} 当前为 ${course.status}，只有已发布的课程可以完成。`);
  if (self) {
    const named = new Set((input.resourceIds ?? []).map((r, i) => requireUuid(`resourceIds[${i}]`, r)));
    const missing = course.resources.map((r) => r.id).filter((id) => !named.has(id));
    if (missing.length) {
      throw refused('RESOURCES_INCOMPLETE', `Go through every resource of the course first: ${missing.length} not yet studied.`, `请先学完课程的全部资料：尚有 ${missing.length} 项未学习。`, { missing });
    }
  }
  if (await ctx.prisma.courseCompletion.findUnique({ where: { courseId_memberId: { courseId, memberId: member.id } }, select: { id: true } })) {
    throw alreadyCompleted(courseId, member.id);
  }
  // The best submitted score on the course's quizzes, as a percentage, if any.
  const attempts = await ctx.prisma.quizAttempt.findMany({ where: { memberId: member.id, status: 'SUBMITTED', quiz: { courseId } }, select: { score: true, maxScore: true } });
  const best = attempts.reduce<number | null>((b, a) => (a.score == null || a.maxScore === 0 ? b : Math.max(b ?? 0, Math.round((a.score * 100) / a.maxScore))), null);
  try {
    return await ctx.prisma.$transaction(async (tx) => {
      const now = ctx.config.now();
      const row = await tx.courseCompletion.create({
        data: { orgUnitId: member.orgUnitId, courseId, memberId: member.id, completedAt: now, classHours: course.classHours, score: best },
      });
      await writeRecord(tx, ctx, 'CourseCompletion', row);
      await awardPoints(tx, ctx, {
        memberId: member.id,
        orgUnitId: member.orgUnitId,
        ruleCode: 'COURSE_COMPLETED',
        occurredOn: now,
        sourceType: 'CourseCompletion',
        sourceId: row.id,
        reason: `完成课程《${course.title}》`,
      });
      return row;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw alreadyCompleted(courseId, member.id);
    throw err;
  }
}
