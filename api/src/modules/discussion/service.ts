// Discussion (#22 item 4): comments in the thread of a notice, a decision (before and after its
// vote) or a meeting (once held). A comment is a record; its document carries the text's SHA-256
// rather than the text, and hiding it is its next version (docs/decisions/018-comment-hiding.md).
// Mentioning someone writes them one MENTION inbox item (keyed by comment and person, so never
// twice); only people who can see the thread may be mentioned.
import { createHash } from 'node:crypto';
import { Prisma, type Comment, type CommentSubject } from '@lianjian/db';
import type { Context } from '../../shared/context.js';
import { FieldErrors, forbidden, unauthenticated } from '../../shared/errors.js';
import { requireUuid } from '../../shared/ids.js';
import type { AccountPrincipal } from '../../shared/principal.js';
import { lockRow, writeNextVersion } from '../../shared/records/versions.js';
import { writeRecord } from '../../shared/records/write.js';
import { checkText } from '../appraisal/text.js';
import { accountSeesSubject, assertCanSeeComment, canModerate, commentNotFound, requireSubject, SUBJECT_TYPE, type Subject } from './access.js';
import { alreadyHidden, meetingNotHeld } from './errors.js';

export const MAX_BODY = 2000;
export const MAX_MENTIONS = 20;
const MAX_REASON = 200;

export interface PostCommentInput {
  subjectType: CommentSubject;
  subjectId: string | number;
  body: string;
  mentions?: (string | number)[] | null;
}

function author(ctx: Context): AccountPrincipal {
  const p = ctx.principal;
  if (p.kind === 'anonymous') throw unauthenticated();
  if (p.kind !== 'account') throw forbidden(`API key "${p.name}" cannot comment: comments are written by people.`, `API 密钥 "${p.name}" 不能发表评论：评论由本人发表。`);
  return p;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

interface AccountWithPath {
  id: string;
  username: string;
  displayName: string;
  role: AccountPrincipal['role'];
  scopeUnitId: string;
  memberId: string | null;
  scopePath: string;
}

async function accountsWithPath(ctx: Context, ids: string[]): Promise<AccountWithPath[]> {
  if (ids.length === 0) return [];
  const rows = await ctx.prisma.account.findMany({
    where: { id: { in: ids }, disabledAt: null },
    select: { id: true, username: true, displayName: true, role: true, scopeUnitId: true, memberId: true, scopeUnit: { select: { path: true } } },
  });
  return rows.map(({ scopeUnit, ...a }) => ({ ...a, scopePath: scopeUnit.path }));
}

export async function postComment(ctx: Context, input: PostCommentInput): Promise<Comment> {
  const p = author(ctx);
  const subject = await requireSubject(ctx, input.subjectType, input.subjectId);
  if (!subject.held) throw meetingNotHeld(subject.title);
  const errs = new FieldErrors();
  checkText(errs, 'input.body', input.body ?? '', 1, MAX_BODY, false);
  const mentions = [...new Set((input.mentions ?? []).map((id, i) => requireUuid(`input.mentions[${i}]`, id)))].filter((id) => id !== p.accountId);
  if (mentions.length > MAX_MENTIONS) {
    errs.add('input.mentions', `names ${mentions.length} people; at most ${MAX_MENTIONS} can be mentioned in one comment.`, `提及了 ${mentions.length} 人，一条评论最多提及 ${MAX_MENTIONS} 人。`);
  } else if (mentions.length > 0) {
    const found = await accountsWithPath(ctx, mentions);
    const seeing = new Set<string>();
    for (const a of found) if (await accountSeesSubject(ctx, a, subject)) seeing.add(a.id);
    const outside = mentions.filter((id) => !seeing.has(id));
    // The same words whether an account does not exist, is disabled or may not see the thread.
    if (outside.length > 0) {
      errs.add('input.mentions', `names ${outside.length} account(s) who cannot see this discussion: ${outside.join(', ')}. Mention only people who can read it.`, `其中 ${outside.length} 人无法查看本讨论：${outside.join('、')}。只能提及能查看本讨论的人。`);
    }
  }
  errs.throwIfAny();
  const body = input.body.trim();
  return ctx.prisma.$transaction(async (tx) => {
    const row = await tx.comment.create({
      data: { orgUnitId: subject.orgUnitId, subjectType: subject.type, subjectId: subject.id, accountId: p.accountId, memberId: p.memberId, body, bodySha256: sha256(body), mentionIds: mentions },
    });
    await writeRecord(tx, ctx, 'Comment', row);
    await notifyMentions(tx, subject, row.id, mentions);
    return row;
  });
}

/** One MENTION item per comment and person (the key), linking to the thread: writing it twice adds nothing. */
function notifyMentions(tx: Prisma.TransactionClient, s: Subject, commentId: string, accountIds: string[]) {
  return tx.inboxItem.createMany({
    data: accountIds.map((accountId) => ({ accountId, kind: 'MENTION' as const, subjectType: SUBJECT_TYPE[s.type], subjectId: s.id, orgUnitId: s.orgUnitId, key: `MENTION:${commentId}:${accountId}`, title: s.title })),
    skipDuplicates: true,
  });
}

/** A secretary of the subject's unit (or above) hides a comment with a reason: the comment's next version. */
export async function hideComment(ctx: Context, id: string | number, reason: string): Promise<Comment> {
  author(ctx);
  const cid = requireUuid('id', id);
  const c = await ctx.prisma.comment.findUnique({ where: { id: cid } });
  if (!c) throw commentNotFound(cid);
  await assertCanSeeComment(ctx, c);
  const subject = await requireSubject(ctx, c.subjectType, c.subjectId);
  if (!canModerate(ctx, subject.unitPath)) {
    throw forbidden('Only a secretary of the unit the discussion belongs to (or of a unit above it) can hide a comment.', '只有本讨论所属组织（或其上级组织）的书记可以隐藏评论。');
  }
  const errs = new FieldErrors();
  checkText(errs, 'reason', reason ?? '', 2, MAX_REASON, true);
  errs.throwIfAny();
  const p = ctx.principal as AccountPrincipal;
  return ctx.prisma.$transaction(async (tx) => {
    const row = await lockRow(tx, 'Comment', c.id);
    if (row.hiddenAt) throw alreadyHidden(row.hiddenAt);
    const next = await writeNextVersion(tx, ctx, 'Comment', row, { hiddenAt: ctx.config.now(), hiddenReason: reason.trim(), hiddenById: p.accountId });
    // A mention in words now hidden asks nothing more of anyone.
    await tx.inboxItem.updateMany({ where: { kind: 'MENTION', key: { startsWith: `MENTION:${c.id}:` }, doneAt: null }, data: { doneAt: ctx.config.now() } });
    return next;
  });
}

export interface MentionCandidate {
  accountId: string;
  name: string;
  unitName: string;
  role: AccountPrincipal['role'];
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * People the caller may mention in a thread: accounts of the subject's unit's subtree and staff
 * above it, whose name matches `search`, that the subject's rule lets see it — staff first (nearest
 * unit first), then by name. At most `first`.
 */
export async function mentionCandidates(ctx: Context, type: CommentSubject, subjectId: string | number, search: string | null | undefined, first: number): Promise<MentionCandidate[]> {
  const p = author(ctx);
  const subject = await requireSubject(ctx, type, subjectId);
  const q = (search ?? '').trim().slice(0, 50);
  const pattern = `%${likeEscape(q)}%`;
  const rows = await ctx.prisma.$queryRaw<(AccountWithPath & { unitName: string })[]>`
    SELECT a.id, a.username, a.display_name AS "displayName", a.role::text AS role, a.scope_unit_id AS "scopeUnitId", a.member_id AS "memberId", su.path AS "scopePath", su.name AS "unitName"
      FROM account a JOIN org_unit su ON su.id = a.scope_unit_id
     WHERE a.disabled_at IS NULL AND a.id <> ${p.accountId}::uuid
       AND (su.path LIKE ${`${likeEscape(subject.unitPath)}%`} OR (a.role <> 'MEMBER' AND ${subject.unitPath} LIKE su.path || '%'))
       AND (${q} = '' OR a.display_name ILIKE ${pattern} OR a.username ILIKE ${pattern})
     ORDER BY (a.role = 'MEMBER'), length(su.path) DESC, a.display_name, a.id
     LIMIT ${Math.min(first * 3, 150)}`;
  const out: MentionCandidate[] = [];
  for (const a of rows) {
    if (out.length >= first) break;
    if (await accountSeesSubject(ctx, a, subject)) out.push({ accountId: a.id, name: a.displayName, unitName: a.unitName, role: a.role });
  }
  return out;
}
