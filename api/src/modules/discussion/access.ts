// Who sees a discussion thread: whoever sees its subject, by the subject's own module's rules
// (notices/access.ts, decisions/access.ts, meetings/access.ts) — no rule of its own. A partner key
// needs "Comment:read" (the field's scope) and the subject type's "<Type>:read" as well. A thread
// the caller may not see answers NOT_FOUND, the same words as an id never used, so nothing about
// another branch's notices, decisions or meetings can be learnt here.
//
// The same rules answer "may this other person see it" for mentions: the subject's check runs
// again in a context whose principal is that person's account.
import type { Account, Comment, CommentSubject } from '@lianjian/db';
import { inSubtree, visibleRoot, WRITER_ROLES, type AccountPrincipal } from '../../shared/principal.js';
import type { Context } from '../../shared/context.js';
import { notFound, unauthenticated } from '../../shared/errors.js';
import { requireUuid } from '../../shared/ids.js';
import { canSeeNotice } from '../notices/access.js';
import { assertCanSeeDecisionUnit } from '../decisions/access.js';
import { assertCanSeeMeeting } from '../meetings/access.js';

/** A thread's subject as the discussion needs it: its unit (whose secretaries moderate), words for the inbox, and for a meeting its status. */
export interface Subject {
  type: CommentSubject;
  id: string;
  orgUnitId: string;
  unitPath: string;
  title: string;
  /** MEETING: whether it has taken place (COMPLETED); true for the others. */
  held: boolean;
}

/** The GraphQL type of each subject: inbox items name it, and partners need its read scope. */
export const SUBJECT_TYPE: Record<CommentSubject, 'Notice' | 'Decision' | 'Meeting'> = { NOTICE: 'Notice', DECISION: 'Decision', MEETING: 'Meeting' };
const SUBJECT_ZH: Record<CommentSubject, string> = { NOTICE: '通知', DECISION: '决议', MEETING: '会议' };

export const subjectNotFound = (type: CommentSubject, id: string) => notFound(SUBJECT_TYPE[type], SUBJECT_ZH[type], id);
export const commentNotFound = (id: string) => notFound('Comment', '评论', id);

async function load(ctx: Context, type: CommentSubject, id: string): Promise<(Omit<Subject, 'unitPath'> & { row: unknown }) | null> {
  if (type === 'NOTICE') {
    const n = await ctx.prisma.notice.findUnique({ where: { id } });
    return n && { type, id, orgUnitId: n.orgUnitId, title: n.title, held: true, row: n };
  }
  if (type === 'DECISION') {
    const d = await ctx.prisma.decision.findUnique({ where: { id }, select: { id: true, orgUnitId: true, title: true } });
    return d && { type, id, orgUnitId: d.orgUnitId, title: d.title, held: true, row: d };
  }
  const m = await ctx.prisma.meeting.findUnique({ where: { id }, select: { id: true, orgUnitId: true, title: true, status: true } });
  return m && { type, id, orgUnitId: m.orgUnitId, title: m.title, held: m.status === 'COMPLETED', row: m };
}

/** Whether the principal of `ctx` sees the subject, by its module's rule (their refusals become "no"). */
async function seesSubject(ctx: Context, s: Omit<Subject, 'unitPath'> & { row: unknown }): Promise<boolean> {
  const p = ctx.principal;
  if (p.kind === 'anonymous') return false;
  if (p.kind === 'partner' && !p.scopes.has(`${SUBJECT_TYPE[s.type]}:read`)) return false;
  try {
    if (s.type === 'NOTICE') return await canSeeNotice(ctx, s.row as Parameters<typeof canSeeNotice>[1]);
    if (s.type === 'DECISION') await assertCanSeeDecisionUnit(ctx, s.orgUnitId);
    else await assertCanSeeMeeting(ctx, s.row as { id: string; orgUnitId: string; status: string });
    return true;
  } catch {
    return false;
  }
}

const cache = new WeakMap<Context, Map<string, Promise<Subject | null>>>();

/** The subject if the caller may see its thread, else null; once per subject and request. */
export function visibleSubject(ctx: Context, type: CommentSubject, id: string): Promise<Subject | null> {
  let byKey = cache.get(ctx);
  if (!byKey) cache.set(ctx, (byKey = new Map()));
  const key = `${type}:${id}`;
  let found = byKey.get(key);
  if (!found) {
    found = (async () => {
      const s = await load(ctx, type, id);
      if (!s || !(await seesSubject(ctx, s))) return null;
      const unitPath = (await ctx.loaders.orgUnit.load(s.orgUnitId))?.path ?? '\u0000';
      return { type: s.type, id: s.id, orgUnitId: s.orgUnitId, title: s.title, held: s.held, unitPath };
    })();
    byKey.set(key, found);
  }
  return found;
}

/** The subject of a thread the caller asks for; NOT_FOUND alike for one that does not exist and one they may not see. */
export async function requireSubject(ctx: Context, type: CommentSubject, id: string | number): Promise<Subject> {
  if (ctx.principal.kind === 'anonymous') throw unauthenticated();
  const sid = requireUuid('subjectId', id);
  const s = await visibleSubject(ctx, type, sid);
  if (!s) throw subjectNotFound(type, sid);
  return s;
}

/** A comment is seen by whoever sees its thread. */
export async function assertCanSeeComment(ctx: Context, c: Pick<Comment, 'id' | 'subjectType' | 'subjectId'>): Promise<void> {
  if (ctx.principal.kind === 'anonymous') throw unauthenticated();
  if (!(await visibleSubject(ctx, c.subjectType, c.subjectId))) throw commentNotFound(c.id);
}

/** The secretaries of the subject's unit or above (and admins) moderate its thread: they hide comments and read hidden ones. */
export function canModerate(ctx: Context, unitPath: string): boolean {
  const p = ctx.principal;
  return p.kind === 'account' && WRITER_ROLES.includes(p.role) && inSubtree(visibleRoot(p), unitPath);
}

type AccountRow = Pick<Account, 'id' | 'username' | 'displayName' | 'role' | 'scopeUnitId' | 'memberId'> & { scopePath: string };

/** The principal another account would sign in as (no session): to ask the subject's rule about them. */
export function principalOf(a: AccountRow): AccountPrincipal {
  return { kind: 'account', accountId: a.id, username: a.username, displayName: a.displayName, role: a.role, scopeUnitId: a.scopeUnitId, scopePath: a.scopePath, memberId: a.memberId, sessionId: '' };
}

/** Whether that account sees the subject's thread: the subject's rule, asked in a context of its own (rules cache per context). */
export async function accountSeesSubject(ctx: Context, a: AccountRow, s: Subject): Promise<boolean> {
  const as: Context = { ...ctx, principal: principalOf(a) };
  return (await visibleSubject(as, s.type, s.id)) !== null;
}
