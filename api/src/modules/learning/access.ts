// Who sees which learning rows. Courses and quizzes are published *down* the tree: a member
// studies what their own unit and every unit above it published (never drafts); staff and
// partner keys also see everything, drafts included, in their subtree. Attempts and completions
// follow the member rule (own rows; staff their subtree). Bank questions are staff material: a
// member sees a question's prompt and options only once it was drawn for them, and its answer
// key only after submitting an attempt that contained it, of a quiz they cannot take again (no
// attempts left, or closed) — and while no other quiz they may still take draws from that bank.
// Shown earlier, the key of a failed first attempt would answer the retake.
import type { Prisma, QuizStatus } from '@lianjian/db';
import type { Context } from '../../shared/context.js';
import { forbidden, unauthenticated } from '../../shared/errors.js';
import { describePrincipal, inSubtree, pathsAbove, visibleRoot, WRITER_ROLES } from '../../shared/principal.js';
import { SUBMIT_GRACE_MS } from './common.js';

export interface Viewer {
  /** Subtree whose rows (drafts included) the caller reads; undefined: none (members). null: all. */
  subtree: string | null | undefined;
  /** Paths of the caller's own unit and its ancestors: whose published material applies to them. */
  audience: string[];
  memberId: string | null;
  isMemberRole: boolean;
}

const cache = new WeakMap<Context, Map<string, Promise<unknown>>>();

/** A value computed once per request (per context). */
export function perRequest<T>(ctx: Context, key: string, make: () => Promise<T>): Promise<T> {
  let m = cache.get(ctx);
  if (!m) cache.set(ctx, (m = new Map()));
  let v = m.get(key) as Promise<T> | undefined;
  if (!v) m.set(key, (v = make()));
  return v;
}

export function viewerOf(ctx: Context): Promise<Viewer> {
  return perRequest(ctx, 'viewer', async () => {
    const p = ctx.principal;
    if (p.kind === 'anonymous') throw p.refused ? unauthenticated(p.refused.message, p.refused.messageZh) : unauthenticated();
    if (p.kind === 'partner') return { subtree: p.unitPath, audience: [], memberId: null, isMemberRole: false };
    let ownPath = p.scopePath;
    if (p.memberId) {
      const m = await ctx.prisma.member.findUnique({ where: { id: p.memberId }, select: { orgUnit: { select: { path: true } } } });
      if (m) ownPath = m.orgUnit.path;
    }
    const isMemberRole = p.role === 'MEMBER';
    return { subtree: isMemberRole ? undefined : visibleRoot(p), audience: pathsAbove(ownPath), memberId: p.memberId, isMemberRole };
  });
}

function readsSubtree(v: Viewer, path: string): boolean {
  return v.subtree !== undefined && inSubtree(v.subtree, path);
}

/** Courses and quizzes: drafts in the caller's subtree; published (or finished) ones above the caller too. */
export function canSeeMaterial(v: Viewer, row: { draft: boolean; unitPath: string }): boolean {
  return readsSubtree(v, row.unitPath) || (!row.draft && v.audience.includes(row.unitPath));
}

/** The list filter matching canSeeMaterial (Course and Quiz share the shape). */
export function materialWhere<W extends Prisma.CourseWhereInput | Prisma.QuizWhereInput>(v: Viewer): W {
  // An admin reads everything (and Prisma reads `{}` inside OR as matching nothing).
  if (v.subtree === null) return {} as W;
  const or: Prisma.CourseWhereInput[] = [{ status: { not: 'DRAFT' }, orgUnit: { path: { in: v.audience } } }];
  if (v.subtree !== undefined) or.push({ orgUnit: { path: { startsWith: v.subtree } } });
  return { OR: or } as W;
}

/** Attempts and completions: the member's own, or rows of units in the caller's subtree. */
export function canSeeMemberRow(v: Viewer, row: { memberId: string; unitPath: string }): boolean {
  return (v.memberId !== null && row.memberId === v.memberId) || readsSubtree(v, row.unitPath);
}

export function memberRowWhere<W extends Prisma.QuizAttemptWhereInput | Prisma.CourseCompletionWhereInput>(v: Viewer): W {
  if (v.subtree === null) return {} as W;
  const or: Prisma.QuizAttemptWhereInput[] = [];
  if (v.memberId) or.push({ memberId: v.memberId });
  if (v.subtree !== undefined) or.push({ orgUnit: { path: { startsWith: v.subtree } } });
  return { OR: or } as W;
}

export interface QuestionExposure {
  /** Questions drawn for the caller (their prompt and options may be shown). */
  drawn: Set<string>;
  /** Questions whose answer key the caller may see: submitted in a quiz they are done with (see the top of this file). */
  revealed: Set<string>;
}

/** After a mutation changed what the caller was shown, later fields of the request recompute it. */
export function forgetExposure(ctx: Context): void {
  cache.get(ctx)?.delete('exposure');
}

const QUIZ_FACTS = { id: true, status: true, closesAt: true, maxAttempts: true, courseId: true, orgUnitId: true } as const;
interface QuizFacts {
  id: string;
  status: QuizStatus;
  closesAt: Date | null;
  maxAttempts: number;
  courseId: string | null;
  orgUnitId: string;
}

const bankOf = (q: QuizFacts) => (q.courseId ? `course:${q.courseId}` : `unit:${q.orgUnitId}`);

/** May the member still answer this quiz: an attempt running, or one left to start before it closes? */
function stillOpenTo(now: Date, quiz: QuizFacts, attempts: readonly { status: string; deadlineAt: Date }[]): boolean {
  if (quiz.status === 'CLOSED' || (quiz.closesAt && now >= quiz.closesAt)) return false;
  const running = attempts.some((a) => a.status === 'IN_PROGRESS' && now.getTime() <= a.deadlineAt.getTime() + SUBMIT_GRACE_MS);
  return running || attempts.length < quiz.maxAttempts;
}

export function exposureOf(ctx: Context): Promise<QuestionExposure> {
  return perRequest(ctx, 'exposure', async () => {
    const p = ctx.principal;
    const memberId = p.kind === 'account' ? p.memberId : null;
    const drawn = new Set<string>();
    const revealed = new Set<string>();
    if (!memberId) return { drawn, revealed };
    const rows = await ctx.prisma.quizAttempt.findMany({ where: { memberId }, select: { quizId: true, status: true, deadlineAt: true, questionIds: true, quiz: { select: QUIZ_FACTS } } });
    const byQuiz = new Map<string, typeof rows>();
    for (const r of rows) {
      for (const id of r.questionIds) drawn.add(id);
      byQuiz.set(r.quizId, [...(byQuiz.get(r.quizId) ?? []), r]);
    }
    const now = ctx.config.now();
    const done = [...byQuiz.values()].filter((as) => !stillOpenTo(now, as[0]!.quiz, as));
    if (done.length === 0) return { drawn, revealed };
    // Another quiz over the same bank that the member may still take would be answered by the key.
    const others = await ctx.prisma.quiz.findMany({
      where: {
        status: 'OPEN',
        id: { notIn: done.map((as) => as[0]!.quizId) },
        orgUnit: { path: { in: (await viewerOf(ctx)).audience } },
        AND: [
          { OR: done.map(([a]) => (a!.quiz.courseId ? { courseId: a!.quiz.courseId } : { courseId: null, orgUnitId: a!.quiz.orgUnitId })) },
          { OR: [{ courseId: null }, { course: { status: 'PUBLISHED' } }] },
        ],
      },
      select: QUIZ_FACTS,
    });
    const live = new Set(others.filter((q) => stillOpenTo(now, q, byQuiz.get(q.id) ?? [])).map(bankOf));
    for (const as of done) {
      if (live.has(bankOf(as[0]!.quiz))) continue;
      for (const a of as) if (a.status === 'SUBMITTED') for (const id of a.questionIds) revealed.add(id);
    }
    return { drawn, revealed };
  });
}

export async function unitPath(ctx: Context, orgUnitId: string): Promise<string> {
  return (await ctx.loaders.orgUnit.load(orgUnitId))?.path ?? '\u0000';
}

/** May the caller see a bank question's prompt and options? Throws FORBIDDEN when not. */
export async function assertCanSeeQuestion(ctx: Context, q: { id: string; orgUnitId: string }): Promise<void> {
  const v = await viewerOf(ctx);
  if (readsSubtree(v, await unitPath(ctx, q.orgUnitId))) return;
  if ((await exposureOf(ctx)).drawn.has(q.id)) return;
  throw forbidden(
    `${describePrincipal(ctx.principal)} may not see question ${q.id}: members see a question only when it is drawn in their own attempt.`,
    `${describePrincipal(ctx.principal)} 无权查看题目 ${q.id}：党员只能查看本人作答时抽到的题目。`,
  );
}

/**
 * May the caller see a question's answer key and explanation? ADMIN/SECRETARY accounts who may
 * write its bank, and members it was revealed to (see exposureOf). Never anyone else.
 */
export async function canSeeAnswer(ctx: Context, q: { id: string; orgUnitId: string }): Promise<boolean> {
  const p = ctx.principal;
  if (p.kind === 'account' && WRITER_ROLES.includes(p.role) && inSubtree(visibleRoot(p), await unitPath(ctx, q.orgUnitId))) return true;
  return (await exposureOf(ctx)).revealed.has(q.id);
}

export async function assertCanSeeAnswer(ctx: Context, q: { id: string; orgUnitId: string }): Promise<void> {
  if (await canSeeAnswer(ctx, q)) return;
  throw forbidden(
    `${describePrincipal(ctx.principal)} may not see the answer to question ${q.id}: it is shown once you can no longer take the quiz — no attempts left, or the quiz closed — (or to secretaries who maintain the question bank).`,
    `${describePrincipal(ctx.principal)} 无权查看题目 ${q.id} 的答案：用完作答次数或测验截止后方可查看（或由维护题库的书记查看）。`,
    { questionId: q.id },
  );
}

export function outsideError(ctx: Context, what: string, whatZh: string) {
  return forbidden(`${describePrincipal(ctx.principal)} may not see ${what}.`, `${describePrincipal(ctx.principal)} 无权查看${whatZh}。`);
}
