// Notices (通知公告 / 党务公开): a unit publishes to its subtree, to roles in it or to chosen
// members (audience.ts); a reader's receipt is a record, first when they open it (已读), then when
// they confirm it (已确认); the publisher sees who has not confirmed and reminds them (an inbox
// item each, at most once a day). A decision is published to its own branch the same way.
import { Prisma, type Notice, type NoticeAudience, type NoticeReceipt, type Role } from '@lianjian/db';
import { assertCanWriteUnit } from '../../shared/access.js';
import type { Context } from '../../shared/context.js';
import { FieldErrors, forbidden, isUniqueViolation, notFound, unauthenticated } from '../../shared/errors.js';
import { requireUuid } from '../../shared/ids.js';
import type { AccountPrincipal } from '../../shared/principal.js';
import { changeLocked, lockRow, writeNextVersion } from '../../shared/records/versions.js';
import { writeRecord } from '../../shared/records/write.js';
import { checkText } from '../appraisal/text.js';
import { attachmentsJson, resolveAttachments, type AttachmentInput } from '../attachments/service.js';
import { noticeNotFound, canSeeNotice } from './access.js';
import { audienceSql, isAddressedTo } from './audience.js';
import { noticeWithdrawn, remindedRecently } from './errors.js';

/** Chosen members per notice: a larger audience is a unit's subtree or a role. */
export const MAX_CHOSEN_MEMBERS = 500;
const REMIND_EVERY_MS = 24 * 3600_000;

export interface PublishNoticeInput {
  unitId: string | number;
  title: string;
  body: string;
  audience: NoticeAudience;
  roles?: Role[] | null;
  memberIds?: (string | number)[] | null;
  decisionId?: string | number | null;
  /** Files uploaded with POST /files, by their hash: kept in the notice's record document. */
  attachments?: AttachmentInput[] | null;
}

function reader(ctx: Context): AccountPrincipal {
  const p = ctx.principal;
  if (p.kind === 'anonymous') throw unauthenticated();
  if (p.kind !== 'account') throw forbidden(`API key "${p.name}" has no notices of its own: notices are read and confirmed by people.`, `API 密钥 "${p.name}" 没有自己的通知：通知由本人阅读和确认。`);
  return p;
}

export async function publishNotice(ctx: Context, input: PublishNoticeInput): Promise<Notice> {
  const unitId = requireUuid('input.unitId', input.unitId);
  const unit = await ctx.prisma.orgUnit.findUnique({ where: { id: unitId } });
  if (!unit) throw notFound('Org unit', '组织', unitId);
  assertCanWriteUnit(ctx, unit);
  const errs = new FieldErrors();
  if (unit.dissolvedOn) errs.add('input.unitId', `names ${unit.name}, which was dissolved; publish from the unit that took over its members.`, `${unit.name} 已撤销，请由接收其党员的组织发布。`);
  checkText(errs, 'input.title', input.title, 2, 100, true);
  checkText(errs, 'input.body', input.body, 1, 5000, false);
  const roles = [...new Set(input.roles ?? [])];
  const memberIds = [...new Set((input.memberIds ?? []).map((id, i) => requireUuid(`input.memberIds[${i}]`, id)))];
  if (input.audience === 'ROLES' && roles.length === 0) errs.add('input.roles', 'names no role: a notice to roles goes to the accounts of at least one role in the unit’s subtree.', '未选择角色：按角色发布的通知至少要选择一个角色。');
  if (input.audience !== 'ROLES' && roles.length > 0) errs.add('input.roles', 'applies only to a notice for roles (audience ROLES).', '仅在按角色发布（ROLES）时填写。');
  if (input.audience === 'MEMBERS') {
    if (memberIds.length === 0) errs.add('input.memberIds', 'names nobody: choose the members the notice is for.', '未选择党员：请选择通知对象。');
    else if (memberIds.length > MAX_CHOSEN_MEMBERS) errs.add('input.memberIds', `names ${memberIds.length} members; at most ${MAX_CHOSEN_MEMBERS} can be chosen one by one — publish to the unit or to a role instead.`, `选择了 ${memberIds.length} 名党员，逐一选择最多 ${MAX_CHOSEN_MEMBERS} 名；人数更多时请按组织或角色发布。`);
    else {
      const found = await ctx.prisma.member.findMany({ where: { id: { in: memberIds }, status: 'ACTIVE', orgUnit: { path: { startsWith: unit.path } } }, select: { id: true } });
      const inUnit = new Set(found.map((m) => m.id));
      const outside = memberIds.filter((id) => !inUnit.has(id));
      // The same words whether a member does not exist or belongs elsewhere: nothing to learn here.
      if (outside.length > 0) errs.add('input.memberIds', `names ${outside.length} member(s) who are not active members of ${unit.name} or a unit under it: ${outside.join(', ')}.`, `其中 ${outside.length} 人不是 ${unit.name} 及其下级组织的正常状态党员：${outside.join('、')}。`);
    }
  } else if (memberIds.length > 0) errs.add('input.memberIds', 'applies only to a notice for chosen members (audience MEMBERS).', '仅在发给指定党员（MEMBERS）时填写。');
  let decisionId: string | null = null;
  if (input.decisionId != null) {
    decisionId = requireUuid('input.decisionId', input.decisionId);
    const decision = await ctx.prisma.decision.findUnique({ where: { id: decisionId }, select: { orgUnitId: true } });
    // A decision is made public by its own unit (党务公开); another unit's is not this one's to publish.
    if (!decision || decision.orgUnitId !== unit.id) errs.add('input.decisionId', `is not a decision of ${unit.name}: a decision is published by the unit that made it.`, `不是 ${unit.name} 的决议：决议由作出决议的组织公开。`);
  }
  const attachments = await resolveAttachments(ctx, errs, 'input.attachments', input.attachments);
  errs.throwIfAny();
  const p = ctx.principal;
  return ctx.prisma.$transaction(async (tx) => {
    const row = await tx.notice.create({
      data: {
        orgUnitId: unit.id,
        title: input.title.trim(),
        body: input.body.trim(),
        audience: input.audience,
        roles,
        memberIds,
        decisionId,
        attachments: attachmentsJson(attachments),
        publishedById: p.kind === 'account' ? p.accountId : null,
        publishedAt: ctx.config.now(),
      },
    });
    await writeRecord(tx, ctx, 'Notice', row);
    return row;
  });
}

async function loadNotice(ctx: Context, id: string): Promise<Notice & { orgUnit: { id: string; path: string; name: string } }> {
  const nid = requireUuid('id', id);
  const n = await ctx.prisma.notice.findUnique({ where: { id: nid }, include: { orgUnit: { select: { id: true, path: true, name: true } } } });
  if (!n || !(await canSeeNotice(ctx, n))) throw noticeNotFound(nid);
  return n;
}

/** Its publisher takes a notice back: it stays on view, marked, and asks nothing more of anyone. */
export async function withdrawNotice(ctx: Context, id: string): Promise<Notice> {
  const n = await loadNotice(ctx, id);
  assertCanWriteUnit(ctx, n.orgUnit);
  return ctx.prisma.$transaction(async (tx) => {
    const row = await lockRow(tx, 'Notice', n.id);
    if (row.withdrawnAt) return row;
    const next = await writeNextVersion(tx, ctx, 'Notice', row, { withdrawnAt: ctx.config.now() });
    await tx.inboxItem.updateMany({ where: { kind: 'NOTICE_REMINDER', subjectId: n.id, doneAt: null }, data: { doneAt: ctx.config.now() } });
    return next;
  });
}

/** The caller's receipt, written the first time: read (已读), and confirmed (已确认) when `acknowledge`. */
async function receive(ctx: Context, id: string, acknowledge: boolean): Promise<NoticeReceipt> {
  const p = reader(ctx);
  const n = await loadNotice(ctx, id);
  // Staff who follow a unit's notices may read them; only those addressed keep receipts.
  if (!isAddressedTo(n, n.orgUnit.path, p)) {
    throw forbidden(`Notice "${n.title}" is not addressed to you: only its readers confirm it.`, `通知「${n.title}」不是发给您的：只有通知对象需要确认。`);
  }
  if (n.withdrawnAt && acknowledge) throw noticeWithdrawn(n.title);
  const now = ctx.config.now();
  const write = () =>
    ctx.prisma.$transaction(async (tx) => {
      const existing = await lockedReceipt(tx, n.id, p.accountId);
      if (!existing) {
        const row = await tx.noticeReceipt.create({ data: { orgUnitId: p.scopeUnitId, noticeId: n.id, accountId: p.accountId, readAt: now, acknowledgedAt: acknowledge ? now : null } });
        await writeRecord(tx, ctx, 'NoticeReceipt', row);
        if (acknowledge) await clearReminders(tx, n.id, p.accountId, now);
        return row;
      }
      if (!acknowledge || existing.acknowledgedAt) return existing;
      const row = await writeNextVersion(tx, ctx, 'NoticeReceipt', existing, { acknowledgedAt: now });
      await clearReminders(tx, n.id, p.accountId, now);
      return row;
    });
  try {
    return await write();
  } catch (err) {
    // Two tabs opening the notice at once: the other one wrote the receipt; go on from it.
    if (isUniqueViolation(err)) return write();
    throw err;
  }
}

async function lockedReceipt(tx: Prisma.TransactionClient, noticeId: string, accountId: string): Promise<NoticeReceipt | null> {
  const [found] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM notice_receipt WHERE notice_id = ${noticeId}::uuid AND account_id = ${accountId}::uuid FOR UPDATE`;
  return found ? tx.noticeReceipt.findUniqueOrThrow({ where: { id: found.id } }) : null;
}

function clearReminders(tx: Prisma.TransactionClient, noticeId: string, accountId: string, now: Date) {
  return tx.inboxItem.updateMany({ where: { kind: 'NOTICE_REMINDER', subjectId: noticeId, accountId, doneAt: null }, data: { doneAt: now } });
}

export const markNoticeRead = (ctx: Context, id: string) => receive(ctx, id, false);
export const acknowledgeNotice = (ctx: Context, id: string) => receive(ctx, id, true);

/**
 * Reminds everyone in the audience who has not confirmed: an inbox item each (keyed by the day, so
 * a second call the same day adds nothing), at most once a day; the reminder is part of the record.
 */
export async function remindNotice(ctx: Context, id: string): Promise<{ notice: Notice; reminded: number }> {
  const n = await loadNotice(ctx, id);
  assertCanWriteUnit(ctx, n.orgUnit);
  if (n.withdrawnAt) throw noticeWithdrawn(n.title);
  const now = ctx.config.now();
  return ctx.prisma.$transaction(async (tx) => {
    const row = await lockRow(tx, 'Notice', n.id);
    if (row.remindedAt && now.getTime() - row.remindedAt.getTime() < REMIND_EVERY_MS) throw remindedRecently(new Date(row.remindedAt.getTime() + REMIND_EVERY_MS));
    const day = now.toISOString().slice(0, 10);
    const reminded = await tx.$executeRaw`
      INSERT INTO inbox_item (account_id, kind, subject_type, subject_id, org_unit_id, key, title)
      SELECT a.id, 'NOTICE_REMINDER', 'Notice', ${n.id}, ${n.orgUnitId}::uuid, 'NOTICE_REMINDER:' || ${n.id} || ':' || a.id || ':' || ${day}, ${n.title}
      ${audienceSql(n, n.orgUnit.path)} AND r.acknowledged_at IS NULL
      ON CONFLICT (key) DO NOTHING`;
    const notice = await writeNextVersion(tx, ctx, 'Notice', row, { remindedAt: now });
    return { notice, reminded };
  });
}

export interface NoticeStats {
  audience: number;
  read: number;
  acknowledged: number;
}

/** How many the notice is for, and how many of them have read and confirmed it. */
export async function noticeStats(ctx: Context, n: Notice, unitPath: string): Promise<NoticeStats> {
  const [row] = await ctx.prisma.$queryRaw<{ audience: bigint; read: bigint; acknowledged: bigint }[]>`
    SELECT count(*) AS audience, count(r.id) AS read, count(r.acknowledged_at) AS acknowledged
    ${audienceSql(n, unitPath)}`;
  return { audience: Number(row!.audience), read: Number(row!.read), acknowledged: Number(row!.acknowledged) };
}

export interface PendingReader {
  accountId: string;
  name: string;
  unitName: string;
  readAt: Date | null;
}

/** The accounts in the audience that have not confirmed, by name, a page at a time (keyset on the account id). */
export async function notAcknowledged(ctx: Context, n: Notice, unitPath: string, first: number, afterId: string | null): Promise<PendingReader[]> {
  return ctx.prisma.$queryRaw<PendingReader[]>`
    SELECT a.id AS "accountId", a.display_name AS name, su.name AS "unitName", r.read_at AS "readAt"
    ${audienceSql(n, unitPath)} AND r.acknowledged_at IS NULL AND a.id > ${afterId ?? '00000000-0000-0000-0000-000000000000'}::uuid
    ORDER BY a.id
    LIMIT ${first}`;
}
