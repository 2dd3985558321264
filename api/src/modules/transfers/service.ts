// Transfers of membership (组织关系转接). The member's unit issues a letter to a unit in the
// system or to an outside organisation; the receiving unit's secretary receives it within its
// validity, which moves the member (members/service.ts moveMemberInTx: a new Member version);
// for an outside organisation the issuing unit records the receipt (回执) and the member becomes
// TRANSFERRED_OUT. A letter past its validity (its recorded validUntil, capped by the window from
// its issue: rules.ts lastValidDay) is marked EXPIRED as a new record version — when
// someone tries to receive or cancel it, when a new letter is issued for the member, and by the
// sweep expireTransferLetters — and can never be received.
//
// Across levels (docs/decisions/015): a letter within the system names the lowest common level
// of its two units (viaUnitId, "经 … 转"); when the two units' nearest grassroots committees
// differ, that level countersigns it (endorseTransfer) before the receiving unit may receive it.
// A letter to an outside organisation carries a random verification code that the receiving side
// checks on the public verify page (checkTransferLetter): only whether it is valid, its status,
// the issuing unit and the member's masked name, with the record's proof.
import { randomBytes } from 'node:crypto';
import { base32Encode, type MembershipTransfer, type OrgUnit } from '@lianjian/db';
import type { GraphQLError } from 'graphql';
import { assertCanWriteUnit, writableRoot } from '../../shared/access.js';
import { describePrincipal, inSubtree } from '../../shared/principal.js';
import { throttled } from '../auth/rate-limit.js';
import type { LoadedProof } from '../../shared/loaders.js';
import type { Context } from '../../shared/context.js';
import { appError, badArgument, conflict, ErrorCode, FieldErrors, forbidden, isUniqueViolation, notFound, rateLimited } from '../../shared/errors.js';
import { TransferCode } from './errors.js';
import { requireUuid, type Id } from '../../shared/ids.js';
import { moveMemberInTx, writeMemberVersion } from '../members/service.js';
import { todayInChina } from '@lianjian/rules/dates';
import { writeRecord, type Tx } from '../../shared/records/write.js';
import { lockRow, writeNextVersion } from '../../shared/records/versions.js';
import { checkText } from '../appraisal/text.js';
import { crossesProvinces, lapsed, lastValidDay, levelsOf, maskName, normaliseVerifyCode, VALID_MONTHS, validUntil, type ChainUnit } from './rules.js';

const isoOf = (d: Date) => d.toISOString().slice(0, 10);
const dateOf = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
export const todayOf = (ctx: Context) => todayInChina(ctx.config.now());

/** The day after which the letter cannot be received (transfers/rules.ts lastValidDay). */
export const lastDayOf = (t: Pick<MembershipTransfer, 'issuedOn' | 'validUntil' | 'crossProvince'>) =>
  lastValidDay({ issuedOn: isoOf(t.issuedOn), validUntil: isoOf(t.validUntil), crossProvince: t.crossProvince });

const STATUS_ZH = { ISSUED: '已开具', RECEIVED: '已接收', EXPIRED: '已过期', CANCELLED: '已撤销' } as const;

type Loaded = MembershipTransfer & { orgUnit: OrgUnit; toUnit: OrgUnit | null; viaUnit: OrgUnit | null };

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
  const t = await ctx.prisma.membershipTransfer.findUnique({ where: { id: requireUuid('id', id) }, include: { orgUnit: true, toUnit: true, viaUnit: true } });
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

  const levels = toUnit ? await levelsBetween(ctx, member.orgUnit, toUnit) : null;
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
          viaUnitId: levels?.via?.id ?? null,
          // Two separate trees have no common level to countersign.
          needsEndorsement: levels ? levels.crossesCommittees && levels.via !== null : null,
          verifyCode: toUnit ? null : newVerifyCode(),
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
    if (t.needsEndorsement && !t.endorsedOn) throw notEndorsed(t, found.viaUnit);
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

// ── across levels (docs/decisions/015) ───────────────────────────────────────────────────────────

type ChainRow = ChainUnit & { no: number; name: string; path: string };

/** Unit numbers of a path ('/1/5/12/' → [1, 5, 12]), root first. */
const numbersOf = (path: string) => path.split('/').filter(Boolean).map(Number);

/** For each path, the units from the root down to the unit itself, in one query. */
async function chainsOf(ctx: Context, paths: readonly string[]): Promise<ChainRow[][]> {
  const nos = [...new Set(paths.flatMap(numbersOf))];
  const rows = await ctx.prisma.orgUnit.findMany({ where: { no: { in: nos } }, select: { id: true, no: true, kind: true, name: true, path: true } });
  const byNo = new Map(rows.map((r) => [r.no, r]));
  return paths.map((p) => numbersOf(p).flatMap((n) => byNo.get(n) ?? []));
}

export async function levelsBetween(ctx: Context, from: Pick<OrgUnit, 'path'>, to: Pick<OrgUnit, 'path'>) {
  const [a, b] = await chainsOf(ctx, [from.path, to.path]);
  return levelsOf(a!, b!);
}

/** 80 random bits, base32: not guessable, and short enough to type from paper. */
function newVerifyCode(): string {
  return base32Encode(randomBytes(10));
}

/** Countersigning takes an ADMIN, or a SECRETARY whose scope is the common level or above it. */
export function canEndorse(ctx: Context, via: Pick<OrgUnit, 'path'>): boolean {
  const p = ctx.principal;
  if (p.kind !== 'account') return false;
  return p.role === 'ADMIN' || (p.role === 'SECRETARY' && inSubtree(p.scopePath, via.path));
}

const ENDORSE_RULE = {
  code: TransferCode.TRANSFER_NOT_THE_COMMON_LEVEL,
  en: 'a letter between two grassroots committees is countersigned by their lowest common level',
  zh: '跨基层党委的介绍信由双方共同的上级党组织签署意见',
};

function notEndorsed(t: MembershipTransfer, via: OrgUnit | null): GraphQLError {
  const name = via?.name ?? t.viaUnitId ?? '';
  return appError(
    TransferCode.TRANSFER_NOT_ENDORSED,
    `Transfer letter ${t.letterNo} crosses grassroots committees: ${name} (their lowest common level) must countersign it before it can be received. Ask an account of ${name} to endorse it.`,
    {
      messageZh: `介绍信 ${t.letterNo} 跨基层党委转接，须经双方共同的上级党组织「${name}」签署意见后方可接收，请联系「${name}」办理。`,
      extensions: { viaUnitId: t.viaUnitId },
    },
  );
}

function notNeeded(t: MembershipTransfer): GraphQLError {
  const why = t.endorsedOn
    ? { en: `was already countersigned on ${isoOf(t.endorsedOn)}`, zh: `已于 ${isoOf(t.endorsedOn)} 签署意见` }
    : t.toUnitId
      ? { en: 'stays within one grassroots committee', zh: '在同一基层党委内转接' }
      : { en: 'goes to an organisation outside the system', zh: '转往系统外组织' };
  return appError(TransferCode.TRANSFER_ENDORSEMENT_NOT_NEEDED, `Transfer letter ${t.letterNo} needs no countersignature: it ${why.en}.`, {
    messageZh: `介绍信 ${t.letterNo} 无需签署意见：${why.zh}。`,
  });
}

/** The lowest common level countersigns a letter between committees; a new version of the letter. */
export async function endorseTransfer(ctx: Context, id: string): Promise<MembershipTransfer> {
  const found = await load(ctx, id);
  const via = found.viaUnit;
  if (!via || !canEndorse(ctx, via)) {
    // Whoever cannot see the letter is refused as for any unit outside their subtree; only the
    // staff of its two ends learn which level countersigns it.
    const p = ctx.principal;
    const sees = p.kind === 'account' && [found.orgUnit, found.toUnit].some((u) => u && inSubtree(p.role === 'ADMIN' ? null : p.scopePath, u.path));
    if (!via || !sees) assertCanWriteUnit(ctx, found.toUnit ?? found.orgUnit);
    if (!via) throw notNeeded(found);
    throw forbidden(
      `${describePrincipal(ctx.principal)} may not countersign transfer letter ${found.letterNo}: ${TransferCode.TRANSFER_NOT_THE_COMMON_LEVEL} — ${ENDORSE_RULE.en} (${via.name}).`,
      `${describePrincipal(ctx.principal)} 不能签署介绍信 ${found.letterNo}：${TransferCode.TRANSFER_NOT_THE_COMMON_LEVEL}——${ENDORSE_RULE.zh}（${via.name}）。`,
      { rule: ENDORSE_RULE, viaUnitId: via.id },
    );
  }
  if (!found.needsEndorsement || found.endorsedOn) throw notNeeded(found);
  const p = ctx.principal;
  return inIssuedTx(ctx, found.id, ['countersign the letter', '签署'], async (tx, t) => {
    if (t.endorsedOn) throw notNeeded(t);
    return writeNextVersion(tx, ctx, 'MembershipTransfer', t, { endorsedOn: dateOf(todayOf(ctx)), endorsedById: p.kind === 'account' ? p.accountId : null });
  });
}

// ── the public check of a printed letter ──────────────────────────────────────────────────────────

/** What the verify page may show of a letter: nothing the paper in the checker's hand does not already say. */
export interface LetterCheck {
  status: MembershipTransfer['status'];
  lastValidDay: string;
  lapsed: boolean;
  fromUnitName: string;
  memberNameMasked: string;
  proof: LoadedProof | null;
}

/**
 * Failed lookups count against the caller's address (auth/rate-limit.ts, the sign-in throttle's
 * table), under a key of their own: no username has a '#'.
 */
const CHECK_KEY = '#transfer-letter-code';

/**
 * The letter a printed verification code names, or null — the same null for a code that matches
 * nothing, a malformed one and a cancelled letter's, so the answer is no oracle of which codes
 * were ever issued. Every null counts as a failed guess against the caller's address.
 */
export async function checkTransferLetter(ctx: Context, text: string): Promise<LetterCheck | null> {
  if (text.length > 64) throw badArgument('code', 'is 16 letters and digits (printed in groups of four).', '核验码为 16 位字母和数字（分四组印制）。');
  const attempt = async () => {
    const code = normaliseVerifyCode(text);
    const t = code ? await ctx.prisma.membershipTransfer.findUnique({ where: { verifyCode: code }, include: { orgUnit: { select: { name: true } }, member: { select: { name: true } } } }) : null;
    return t && t.status !== 'CANCELLED' ? t : null;
  };
  let t: Awaited<ReturnType<typeof attempt>>;
  try {
    t = await throttled(ctx, CHECK_KEY, attempt, (r) => r === null);
  } catch (err) {
    const ext = (err as GraphQLError).extensions;
    if (ext?.code !== ErrorCode.RATE_LIMITED) throw err;
    const wait = Number(ext.retryAfterSeconds);
    throw rateLimited(wait, `Too many verification codes from your address matched no letter; try again in ${Math.ceil(wait / 60)} min.`, `您所在地址查询的核验码多次不匹配任何介绍信，请 ${Math.ceil(wait / 60)} 分钟后再试。`);
  }
  if (!t) return null;
  const last = lastDayOf(t);
  return {
    status: t.status,
    lastValidDay: last,
    lapsed: t.status === 'ISSUED' && lapsed(last, todayOf(ctx)),
    fromUnitName: t.orgUnit.name,
    memberNameMasked: maskName(t.member.name),
    proof: await ctx.loaders.proof.load({ type: 'MembershipTransfer', id: t.id, version: t.version }),
  };
}

// ── where a letter can go ─────────────────────────────────────────────────────────────────────────

export interface Destination {
  id: string;
  name: string;
  kind: OrgUnit['kind'];
  province: string;
  /** Names of the units above it, root first: enough to tell two 第一党支部 apart. */
  pathNames: string[];
  path: string;
}

/**
 * Units anywhere in the organisation that can receive a letter (active branches and groups),
 * by name, in tree order, `size` after (or before) the cursor path. Only what picking the right
 * one needs: no members, no counts.
 */
export async function destinations(
  ctx: Context,
  args: { search?: string | null; size: number; after?: string | null; before?: string | null },
): Promise<{ rows: Destination[]; more: boolean }> {
  const search = args.search?.trim();
  const backwards = args.before != null && args.after == null;
  const rows = await ctx.prisma.orgUnit.findMany({
    where: {
      kind: { in: ['BRANCH', 'GROUP'] },
      dissolvedOn: null,
      ...(search ? { name: { contains: search, mode: 'insensitive' } } : {}),
      ...(args.after != null ? { path: { gt: args.after } } : args.before != null ? { path: { lt: args.before } } : {}),
    },
    select: { id: true, name: true, kind: true, province: true, path: true },
    orderBy: { path: backwards ? 'desc' : 'asc' },
    take: args.size + 1,
  });
  const more = rows.length > args.size;
  const page = rows.slice(0, args.size);
  if (backwards) page.reverse();
  const chains = await chainsOf(ctx, page.map((r) => r.path));
  return { rows: page.map((r, i) => ({ ...r, pathNames: chains[i]!.slice(0, -1).map((u) => u.name) })), more };
}

export function badUnit(field: string, id: string) {
  return badArgument(field, `names org unit ${id}, which does not exist.`, `指向的组织 ${id} 不存在。`);
}
