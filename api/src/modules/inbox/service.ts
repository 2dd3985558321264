// The caller's own inbox and e-mail settings. Every function here takes the owner's account id
// from access.ts (inboxOwner) and filters by it, so no argument can reach another's items.
import { $Enums, Prisma, type EmailMode, type InboxItem, type InboxKind } from '@lianjian/db';
import type { Context } from '../../shared/context.js';
import { badArgument, notFound } from '../../shared/errors.js';
import { checkPageSize, forwardPage, keyCursor } from '../../graphql/pagination.js';
import { STEP, type StepKind } from '@lianjian/rules/pipeline';
import { emailAddressMissing } from './errors.js';

export const INBOX_KINDS = Object.values($Enums.InboxKind) as InboxKind[];

/**
 * Kinds that tell rather than ask: nothing further is done about them, so reading one is the end
 * of it (marking it read also marks it done). The others clear when the thing itself is done.
 */
export const INFORMATIONAL_KINDS: readonly InboxKind[] = ['LEVEL_REQUEST_DECIDED', 'MENTION'];

/** The web app's page for an item (relative to LIANJIAN_WEB_URL), used by the web and by e-mails. */
export function linkOf(item: Pick<InboxItem, 'kind' | 'subjectType' | 'subjectId' | 'orgUnitId'> & { key?: string }): string {
  switch (item.kind) {
    case 'NOTICE_REMINDER':
      return `/notices/${item.subjectId}`;
    case 'STEP_DUE':
    case 'LEVEL_REQUEST_DECIDED':
      return `/members/${item.subjectId}`;
    case 'LEVEL_REQUEST_WAITING':
      return '/approvals';
    case 'MEETING_SOON':
      return `/meetings/${item.subjectId}`;
    case 'VOTE_OPEN':
    case 'VOTE_CLOSING':
      return '/me/ballots';
    case 'APPRAISAL_PHASE':
      return '/me/appraisal';
    case 'TRANSFER_EXPIRING':
      return '/transfers';
    case 'QUIZ_DUE':
      return '/me/learning';
    case 'TERM_ENDING':
      return item.orgUnitId ? `/units/${item.orgUnitId}` : '/units';
    case 'TAMPER_ALERT':
      return '/admin/tamper';
    case 'MENTION': {
      // The thread on the subject's page, at the comment (the key is MENTION:<comment>:<account>).
      const page = item.subjectType === 'Decision' ? 'decisions' : item.subjectType === 'Meeting' ? 'meetings' : 'notices';
      return `/${page}/${item.subjectId}${item.key ? `#comment-${item.key.split(':')[1]}` : ''}`;
    }
  }
}

/** What about the subject the item is for, as the key names it (e.g. the step kind of STEP_DUE; the status a request waits in). */
export function occasionOf(item: Pick<InboxItem, 'kind' | 'key'>): string | null {
  const parts = item.key.split(':');
  switch (item.kind) {
    case 'STEP_DUE':
    case 'LEVEL_REQUEST_WAITING':
    case 'LEVEL_REQUEST_DECIDED':
    case 'APPRAISAL_PHASE':
      return parts[2] ?? null;
    default:
      return null;
  }
}

const STATUS_NAME: Record<string, { zh: string; en: string }> = {
  IN_REVIEW: { zh: '总支审核中', en: 'in the general branch’s review' },
  PENDING: { zh: '待上级审批', en: 'waiting for the committee’s decision' },
  APPROVED: { zh: '已批准', en: 'approved' },
  RETURNED: { zh: '已退回', en: 'returned' },
  SELF_ASSESSMENT: { zh: '个人自评', en: 'self assessment' },
  PEER_ASSESSMENT: { zh: '党员互评', en: 'peer assessment' },
  RATING: { zh: '组织评定', en: 'rating' },
};

/** The occasion in words (a step's name, a status or phase), so no client shows a code. */
export function occasionName(item: Pick<InboxItem, 'kind' | 'key'>): { zh: string; en: string } | null {
  const occasion = occasionOf(item);
  if (occasion === null) return null;
  if (item.kind === 'STEP_DUE') {
    const step = STEP[occasion as StepKind];
    return step ? { zh: step.zh, en: step.en } : null;
  }
  return STATUS_NAME[occasion] ?? null;
}

// ───────────── the list ─────────────

const cursor = keyCursor('InboxItem', '\\d{1,15}\\|[0-9a-f-]{36}');
const cursorOf = (i: InboxItem) => cursor.encode(`${i.createdAt.getTime()}|${i.id}`);

export interface InboxConnection {
  totalCount: number;
  edges: { cursor: string; node: InboxItem }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

export async function listInbox(
  ctx: Context,
  owner: string,
  args: { first?: number | null; after?: string | null; last?: number | null; before?: string | null; open?: boolean | null },
): Promise<InboxConnection> {
  checkPageSize(args, ctx);
  if (args.last != null || args.before != null) {
    throw badArgument(args.last != null ? 'last' : 'before', 'is not supported here: the inbox pages forward, newest first, with first/after.', '此列表不支持：收件箱从新到旧排列，请使用 first/after 向后翻页。');
  }
  const after = cursor.decode('after', args.after);
  const where: Prisma.InboxItemWhereInput = { accountId: owner, ...(args.open ? { doneAt: null } : {}) };
  let pageWhere = where;
  if (after !== null) {
    const [ms, id] = after.split('|') as [string, string];
    const at = new Date(Number(ms));
    pageWhere = { AND: [where, { OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: id } }] }] };
  }
  const size = args.first ?? ctx.config.defaultPageSize;
  const [totalCount, rows] = await Promise.all([
    ctx.prisma.inboxItem.count({ where }),
    ctx.prisma.inboxItem.findMany({ where: pageWhere, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: size + 1 }),
  ]);
  return { totalCount, ...forwardPage(rows, size, after, cursorOf) };
}

export async function inboxCounts(ctx: Context, owner: string): Promise<{ open: number; unread: number }> {
  const [open, unread] = await Promise.all([
    ctx.prisma.inboxItem.count({ where: { accountId: owner, doneAt: null } }),
    ctx.prisma.inboxItem.count({ where: { accountId: owner, doneAt: null, readAt: null } }),
  ]);
  return { open, unread };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Marks the caller's items read (informational ones also done). An id that is not the caller's is "not found", like one never used. */
export async function markRead(ctx: Context, owner: string, ids: readonly string[]): Promise<InboxItem[]> {
  if (ids.length > ctx.config.maxPageSize) {
    throw badArgument('ids', `lists more than ${ctx.config.maxPageSize} items: mark them a page at a time.`, `超过 ${ctx.config.maxPageSize} 项：请分页标记。`);
  }
  const bad = ids.find((id) => !UUID.test(id));
  if (bad !== undefined) throw notFound('Inbox item', '收件箱事项', bad);
  const unique = [...new Set(ids)];
  const mine = await ctx.prisma.inboxItem.findMany({ where: { id: { in: unique }, accountId: owner }, select: { id: true } });
  const missing = unique.find((id) => !mine.some((m) => m.id === id));
  if (missing !== undefined) throw notFound('Inbox item', '收件箱事项', missing);
  const now = ctx.config.now();
  await ctx.prisma.inboxItem.updateMany({ where: { id: { in: unique }, accountId: owner, readAt: null }, data: { readAt: now } });
  await ctx.prisma.inboxItem.updateMany({ where: { id: { in: unique }, accountId: owner, doneAt: null, kind: { in: [...INFORMATIONAL_KINDS] } }, data: { doneAt: now } });
  return ctx.prisma.inboxItem.findMany({ where: { id: { in: unique }, accountId: owner }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
}

// ───────────── e-mail settings ─────────────

export interface EmailSettings {
  email: string | null;
  preferences: { kind: InboxKind; mode: EmailMode }[];
}

export async function emailSettings(ctx: Context, owner: string): Promise<EmailSettings> {
  const [account, prefs] = await Promise.all([
    ctx.prisma.account.findUniqueOrThrow({ where: { id: owner }, select: { email: true } }),
    ctx.prisma.emailPreference.findMany({ where: { accountId: owner } }),
  ]);
  const byKind = new Map(prefs.map((p) => [p.kind, p.mode]));
  return { email: account.email, preferences: INBOX_KINDS.map((kind) => ({ kind, mode: byKind.get(kind) ?? 'OFF' })) };
}

export async function setPreference(ctx: Context, owner: string, kind: InboxKind, mode: EmailMode): Promise<EmailSettings> {
  if (mode !== 'OFF') {
    const account = await ctx.prisma.account.findUniqueOrThrow({ where: { id: owner }, select: { email: true } });
    if (!account.email) throw emailAddressMissing();
  }
  await ctx.prisma.emailPreference.upsert({
    where: { accountId_kind: { accountId: owner, kind } },
    create: { accountId: owner, kind, mode },
    update: { mode },
  });
  return emailSettings(ctx, owner);
}

// Deliberately plain: one @, no spaces or quoting, a dotted domain of letters, digits and hyphens
// (internationalised domains in their xn-- form). What a person types by mistake fails here;
// whether the mailbox exists is the SMTP server's business.
const EMAIL = /^[^\s@<>()[\]\\,;:"]{1,64}@(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

export function checkEmail(given: string): string {
  const email = given.trim();
  if (!EMAIL.test(email) || /\.\./.test(email) || /\.$/.test(email.split('@')[0]!) || email.startsWith('.')) {
    throw badArgument('email', 'is not an e-mail address: write it as name@example.com, without spaces or display name.', '不是有效的邮箱地址：请按 name@example.com 的格式填写，不含空格或显示名。');
  }
  return email;
}

/** Sets (or, with null or "", clears) the caller's address; clearing turns every kind's e-mail off. */
export async function setEmail(ctx: Context, owner: string, given: string | null): Promise<EmailSettings> {
  const email = given === null || given.trim() === '' ? null : checkEmail(given);
  await ctx.prisma.$transaction([
    ctx.prisma.account.update({ where: { id: owner }, data: { email } }),
    ...(email === null ? [ctx.prisma.emailPreference.updateMany({ where: { accountId: owner }, data: { mode: 'OFF' } })] : []),
  ]);
  return emailSettings(ctx, owner);
}
