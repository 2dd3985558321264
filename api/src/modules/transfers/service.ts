// Transfers of membership (组织关系转接). The member's unit issues a letter to a unit in the
// system or to an outside organisation; the receiving unit's secretary receives it within its
// validity, which moves the member (members/service.ts moveMemberInTx: a new Member version);
// for an outside organisation the issuing unit records the receipt (回执) and the member becomes
// TRANSFERRED_OUT. A letter past its validity (its recorded validUntil, capped by the window from
// its issue: rules.ts lastValidDay) is marked EXPIRED as a new record version — when
// someone tries to receive or cancel it, when a new letter is issued for the member, and by the
// sweep expireTransferLetters — and can never be received.
import type { MembershipTransfer, OrgUnit } from '@lianjian/db';
import type { GraphQLError } from 'graphql';
import { assertCanWriteUnit, writableRoot } from '../../shared/access.js';
import type { Context } from '../../shared/context.js';
import { appError, badArgument, conflict, FieldErrors, isUniqueViolation, notFound } from '../../shared/errors.js';
import { TransferCode } from './errors.js';
import { requireUuid, type Id } from '../../shared/ids.js';
import { moveMemberInTx, writeMemberVersion } from '../members/service.js';
import { todayInChina } from '@lianjian/rules/dates';
import { writeRecord, type Tx } from '../../shared/records/write.js';
import { lockRow, writeNextVersion } from '../../shared/records/versions.js';
import { checkText } from '../appraisal/text.js';
import { crossesProvinces, lapsed, lastValidDay, VALID_MONTHS, validUntil } from './rules.js';

const isoOf = (d: Date) => d.toISOString().slice(0, 10);
const dateOf = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
export const todayOf = (ctx: Context) => todayInChina(ctx.config.now());

/** The day after which the letter cannot be received (transfers/rules.ts lastValidDay). */
export const lastDayOf = (t: Pick<MembershipTransfer, 'issuedOn' | 'validUntil' | 'crossProvince'>) =>
  lastValidDay({ issuedOn: isoOf(t.issuedOn), validUntil: isoOf(t.validUntil), crossProvince: t.crossProvince });

const STATUS_ZH = { ISSUED: '已开具', RECEIVED: '已接收', EXPIRED: '已过期', CANCELLED: '已撤销' } as const;

type Loaded = MembershipTransfer & { orgUnit: OrgUnit; toUnit: OrgUnit | null };

function expiredError(t: Pick<MembershipTransfer, 'letterNo' | 'issuedOn' | 'validUntil' | 'crossProvince'>, today: string): GraphQLError {
  const last = lastDayOf(t);
  const months = t.crossProvince ? VALID_MONTHS.crossProvince : VALID_MONTHS.sameProvince;
  return appError(
    TransferCode.TRANSFER_EXPIRED,
    `Transfer letter ${t.letterNo} (issued ${isoOf(t.issuedOn)}, valid ${months} months${t.crossProvince ? ' across provinces' : ''}) was valid through ${last} and expired after that day (today is ${today}); issue a new letter.`,
    {
      messageZh: `介绍信 ${t.letterNo}（${isoOf(t.issuedOn)} 开具，${t.crossProvince ? '跨省' : ''}有效期 ${months} 个月）的有效期至 ${last}，已过期（今天是 ${today}），请重新开具。`,
      extensions: { validUntil: last, today },
    },
  );
}

function wrongStatus(t: MembershipTransfer, action: string, actionZh: string): GraphQLError {
  return conflict(
    `Cannot ${action}: transfer letter ${t.letterNo} is ${t.status}; only an ISSUED letter can be.`,
    `不能${actionZh}：介绍信 ${t.letterNo} 的状态为「${STATUS_ZH[t.status]}」，只有「已开具」的介绍信才可以。`,
    { status: t.status },
  );
}

function markExpired(tx: Tx, ctx: Context, t: MembershipTransfer): Promise<MembershipTransfer> {
  return writeNextVersion(tx, ctx, 'MembershipTransfer', t, { status: 'EXPIRED' });
}

async function load(ctx: Context, id: string): Promise<Loaded> {
  const t = await ctx.prisma.membershipTransfer.findUnique({ where: { id: requireUuid('id', id) }, include: { orgUnit: true, toUnit: true } });
  if (!t) throw notFound('Transfer letter', '组织关系介绍信', id);
  return t;
}

/**
 * Locks the letter; if it is ISSUED but past its validity, commits its EXPIRED version on its own
 * and refuses: the flag must survive the refusal, which rolls back everything else.
 */
async function lockIssued(ctx: Context, tx: Tx, id: string, action: [string, string]): Promise<MembershipTransfer> {
  const t = await lockRow(tx, 'MembershipTransfer', id);
  if (t.status !== 'ISSUED') throw wrongStatus(t, action[0], action[1]);
  if (lapsed(lastDayOf(t), todayOf(ctx))) throw new LapsedLetter(t);
  return t;
}

class LapsedLetter extends Error {
  constructor(readonly transfer: MembershipTransfer) {
    super('lapsed');
  }
}

async function inIssuedTx<T>(ctx: Context, id: string, action: [string, string], body: (tx: Tx, t: MembershipTransfer) => Promise<T>): Promise<T> {
  try {
    return await ctx.prisma.$transaction(async (tx) => body(tx, await lockIssued(ctx, tx, id, action)));
  } catch (err) {
    if (!(err instanceof LapsedLetter)) throw err;
    await ctx.prisma.$transaction(async (tx) => {
      const now = await lockRow(tx, 'MembershipTransfer', id);
      if (now.status === 'ISSUED') await markExpired(tx, ctx, now);
    });
    throw expiredError(err.transfer, todayOf(ctx));
  }
}

// ── issuing ──────────────────────────────────────────────────────────────────────────────────────

export interface IssueInput {
  memberId: Id;
  letterNo: string;
  toUnitId?: Id | null;
  toOrganisation?: string | null;
  toProvince?: string | null;
}

export async function issueTransferLetter(ctx: Context, input: IssueInput): Promise<MembershipTransfer> {
  const memberId = requireUuid('input.memberId', input.memberId);
  const member = await ctx.prisma.member.findUnique({ where: { id: memberId }, include: { orgUnit: true } });
  if (!member) throw notFound('Member', '党员', memberId);
  assertCanWriteUnit(ctx, member.orgUnit);

  const errs = new FieldErrors();
  checkText(errs, 'input.letterNo', input.letterNo, 2, 50, true);
  const hasUnit = input.toUnitId != null;
  const hasOrg = input.toOrganisation != null && input.toOrganisation.trim() !== '';
  if (hasUnit === hasOrg) errs.add('input.toUnitId', 'give exactly one of toUnitId (a unit in the system) and toOrganisation (an outside organisation).', '接收单位须二选一：系统内的组织（toUnitId）或系统外的组织（toOrganisation）。');
  checkText(errs, 'input.toOrganisation', input.toOrganisation, 2, 100, true);
  checkText(errs, 'input.toProvince', input.toProvince, 2, 20, true);
  if (hasOrg && !input.toProvince?.trim()) errs.add('input.toProvince', 'is required for an outside organisation: it decides the validity (6 months across provinces, else 3).', '转往系统外组织时必须填写所在省份：跨省介绍信有效期 6 个月，省内 3 个月。');
  if (member.status !== 'ACTIVE') errs.add('input.memberId', `names a member whose status is ${member.status}; only active members are transferred.`, `该党员状态为 ${member.status}，只有正常状态的党员可以转接组织关系。`);
  else if (member.stage !== 'FULL' && member.stage !== 'PROBATIONARY') {
    errs.add('input.memberId', `names a ${member.stage}; only full and probationary members have a membership to transfer.`, '只有正式党员和预备党员才能转接组织关系。');
  }
  let toUnit: OrgUnit | null = null;
  if (hasUnit) {
    toUnit = await ctx.prisma.orgUnit.findUnique({ where: { id: requireUuid('input.toUnitId', input.toUnitId!) } });
    if (!toUnit) errs.add('input.toUnitId', `names org unit ${input.toUnitId}, which does not exist.`, `指向的组织 ${input.toUnitId} 不存在。`);
    else if (toUnit.id === member.orgUnitId) errs.add('input.toUnitId', `is the member's current unit (${toUnit.name}).`, `与该党员当前所在组织（${toUnit.name}）相同。`);
    else if (toUnit.kind !== 'BRANCH' && toUnit.kind !== 'GROUP') errs.add('input.toUnitId', `must be a branch or group; ${toUnit.name} is a ${toUnit.kind}.`, `应为党支部或党小组；${toUnit.name} 是 ${toUnit.kind}。`);
    else if (toUnit.dissolvedOn) errs.add('input.toUnitId', `names ${toUnit.name}, which was dissolved.`, `${toUnit.name} 已撤销。`);
    else if (input.toProvince?.trim() && crossesProvinces(input.toProvince, toUnit.province)) {
      errs.add('input.toProvince', `is ${input.toProvince}, but ${toUnit.name} is in ${toUnit.province}; leave it out for a unit in the system.`, `与 ${toUnit.name} 所在省份（${toUnit.province}）不一致；转往系统内组织时无需填写。`);
    }
  }
  errs.throwIfAny();

  const today = todayOf(ctx);
  const fromProvince = member.orgUnit.province;
  const toProvince = toUnit ? toUnit.province : input.toProvince!.trim();
  const crossProvince = crossesProvinces(fromProvince, toProvince);
  const letterNo = input.letterNo.trim();
  const duplicateNo = () => conflict(`Letter number ${letterNo} is already used; each letter has its own number.`, `介绍信编号 ${letterNo} 已被使用，每封介绍信的编号必须唯一。`, { letterNo });
  try {
    return await ctx.prisma.$transaction(async (tx) => {
      // One open letter per member: serialise on the member row.
      await tx.$queryRaw`SELECT 1 FROM member WHERE id = ${memberId}::uuid FOR UPDATE`;
      const open = await tx.membershipTransfer.findMany({ where: { memberId, status: 'ISSUED' } });
      for (const o of open) {
        if (lapsed(lastDayOf(o), today)) await markExpired(tx, ctx, o);
        else {
          throw conflict(
            `Member already has an open transfer letter (${o.letterNo}, valid through ${lastDayOf(o)}); cancel it before issuing another.`,
            `该党员已有未办结的介绍信（${o.letterNo}，有效期至 ${lastDayOf(o)}），请先撤销再重新开具。`,
            { transferId: o.id },
          );
        }
      }
      if (await tx.membershipTransfer.findUnique({ where: { letterNo }, select: { id: true } })) throw duplicateNo();
      const row = await tx.membershipTransfer.create({
        data: {
          orgUnitId: member.orgUnitId,
          memberId,
          toUnitId: toUnit?.id ?? null,
          toOrganisation: toUnit ? null : input.toOrganisation!.trim(),
          fromProvince,
          toProvince,
          crossProvince,
          letterNo,
          issuedOn: dateOf(today),
          validUntil: dateOf(validUntil(today, crossProvince)),
        },
      });
      await writeRecord(tx, ctx, 'MembershipTransfer', row);
      return row;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicateNo();
    throw err;
  }
}

// ── receiving, cancelling, expiring ───────────────────────────────────────────────────────────────

export async function receiveTransfer(ctx: Context, id: string, receiptNo?: string | null): Promise<MembershipTransfer> {
  const found = await load(ctx, id);
  // A unit in the system receives the member itself; for an outside organisation the issuing
  // unit records the receipt it got back.
  assertCanWriteUnit(ctx, found.toUnit ?? found.orgUnit);
  const errs = new FieldErrors();
  checkText(errs, 'receiptNo', receiptNo, 1, 50, true);
  if (!found.toUnit && !receiptNo?.trim()) errs.add('receiptNo', 'is required for a letter to an outside organisation: record the number of the receipt it returned.', '转往系统外组织的介绍信必须填写回执编号。');
  errs.throwIfAny();
  const p = ctx.principal;
  return inIssuedTx(ctx, found.id, ['receive the letter', '接收'], async (tx, t) => {
    const member = await lockRow(tx, 'Member', t.memberId);
    if (member.orgUnitId !== t.orgUnitId) {
      throw conflict(
        `The member is no longer in the issuing unit (moved since letter ${t.letterNo} was issued); cancel the letter.`,
        `该党员已不在开具介绍信的组织中（介绍信 ${t.letterNo} 开具后已调动），请撤销该介绍信。`,
      );
    }
    if (found.toUnit) await moveMemberInTx(tx, ctx, member, found.toUnit);
    else await writeMemberVersion(tx, ctx, member.id, member.version, { status: 'TRANSFERRED_OUT', statusChangedOn: dateOf(todayOf(ctx)) });
    return writeNextVersion(tx, ctx, 'MembershipTransfer', t, {
      status: 'RECEIVED',
      receivedOn: dateOf(todayOf(ctx)),
      receiptNo: receiptNo?.trim() || null,
      receivedById: p.kind === 'account' ? p.accountId : null,
    });
  });
}

export async function cancelTransfer(ctx: Context, id: string): Promise<MembershipTransfer> {
  const found = await load(ctx, id);
  assertCanWriteUnit(ctx, found.orgUnit);
  return inIssuedTx(ctx, found.id, ['cancel the letter', '撤销'], (tx, t) => writeNextVersion(tx, ctx, 'MembershipTransfer', t, { status: 'CANCELLED' }));
}

/** The sweep: every ISSUED letter of the subtree (issuing side) past its validity becomes EXPIRED. */
export async function expireLapsedLetters(ctx: Context, under: OrgUnit | null): Promise<MembershipTransfer[]> {
  const root = writableRoot(ctx, under);
  const today = todayOf(ctx);
  return ctx.prisma.$transaction(async (tx) => {
    // The SQL keeps only letters that may have lapsed (past validUntil, or older than the shortest
    // window); lastValidDay decides, so the window is written down once.
    const rows = await tx.$queryRaw<{ id: string }[]>`
      SELECT t.id::text FROM membership_transfer t JOIN org_unit u ON u.id = t.org_unit_id
       WHERE t.status = 'ISSUED' AND (${root}::text IS NULL OR u.path LIKE ${root} || '%')
         AND (t.valid_until < ${today}::date OR t.issued_on + make_interval(months => ${VALID_MONTHS.sameProvince}::int) < ${today}::date)
       ORDER BY t.valid_until, t.id
       FOR UPDATE OF t`;
    const out: MembershipTransfer[] = [];
    for (const { id } of rows) {
      const t = await tx.membershipTransfer.findUniqueOrThrow({ where: { id } });
      if (lapsed(lastDayOf(t), today)) out.push(await markExpired(tx, ctx, t));
    }
    return out;
  });
}

export function badUnit(field: string, id: string) {
  return badArgument(field, `names org unit ${id}, which does not exist.`, `指向的组织 ${id} 不存在。`);
}
