// Who already has an ID number, answered without an oracle (docs/decisions/002-identity-holds.md).
// A caller learns of a duplicate only inside their own scope. Outside it, their member is written
// exactly as for a new number, carrying a random placeholder hash, and the claimed number waits
// in identity_hold for the level covering both units. Both outcomes run the same statements, so
// neither the answer nor the round trips tell them apart. Every request that checks numbers is
// counted against a daily limit per account and logged, without the numbers.
import { randomBytes } from 'node:crypto';
import { Prisma, type PrismaClient } from '@lianjian/db';
import { inSubtree, visibleRoot } from '../../shared/principal.js';
import type { Context } from '../../shared/context.js';
import { forbidden, rateLimited } from '../../shared/errors.js';import { chinaDayStart } from '../../shared/today.js';


type Db = PrismaClient | Prisma.TransactionClient;

/**
 * Distinct ID numbers one account may check per day (China time). A 1000-row file checked by a dry run and
 * then imported uses 2000; guessing one person's number from a known birth date and region takes
 * up to 1000 candidates.
 */
export const ID_LOOKUPS_PER_DAY = 3000;

export const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

/** What a held member's row carries instead of the claimed hash: unique, and no one's number. */
export function placeholderHash(): Uint8Array<ArrayBuffer> {
  return new Uint8Array(randomBytes(32));
}

function accountOf(ctx: Context): string {
  const p = ctx.principal;
  if (p.kind !== 'account') throw forbidden('Only a signed-in account may check ID numbers.', '只有已登录的账号可以核对身份证号码。');
  return p.accountId;
}

/**
 * Counts `n` ID numbers against the caller's daily limit and logs the request, in one statement:
 * the upsert's conflict branch re-checks the limit under the row lock, so parallel requests each
 * count and together never pass the limit.
 */
export async function countIdentityLookups(ctx: Context, n: number): Promise<void> {
  if (n === 0) return;
  const accountId = accountOf(ctx);
  const now = ctx.config.now();
  const windowStart = chinaDayStart(now);
  const rows = await ctx.prisma.$queryRaw<{ granted: boolean }[]>`
    WITH counted AS (
      INSERT INTO identity_lookup_quota AS q (account_id, window_start, lookups)
      SELECT ${accountId}::uuid, ${windowStart}::timestamptz, ${n}::int WHERE ${n}::int <= ${ID_LOOKUPS_PER_DAY}::int
      ON CONFLICT (account_id, window_start) DO UPDATE SET lookups = q.lookups + EXCLUDED.lookups
        WHERE q.lookups + EXCLUDED.lookups <= ${ID_LOOKUPS_PER_DAY}::int
      RETURNING 1)
    INSERT INTO identity_lookup_event (account_id, ids, granted)
    SELECT ${accountId}::uuid, ${n}::int, EXISTS (SELECT 1 FROM counted)
    RETURNING granted`;
  if (rows[0]?.granted) return;
  const retryAfter = Math.ceil((windowStart.getTime() + 86_400_000 - now.getTime()) / 1000);
  throw rateLimited(
    retryAfter,
    `This request checks ${n} ID numbers, which would take your account over its limit of ${ID_LOOKUPS_PER_DAY} a day (China time); nothing was checked or saved. Try again tomorrow, or ask an administrator.`,
    `本次请求需核对 ${n} 个身份证号码，将超出您的账号每天 ${ID_LOOKUPS_PER_DAY} 个的上限（按北京时间日计），未核对也未保存任何内容。请明天再试，或联系管理员。`,
  );
}

/** A member that has a number: carrying its hash, or claiming it in a pending hold. */
export interface IdentityOwner {
  memberId: string;
  path: string;
  held: boolean;
}

/** Owners of each hash (by hex), in one query whatever the answer, so its shape tells nothing. */
export async function findIdentities(db: Db, hashes: Uint8Array[]): Promise<Map<string, IdentityOwner[]>> {
  const keys = [...new Set(hashes.map(hex))];
  const rows = await db.$queryRaw<{ hash: string; member_id: string; path: string; held: boolean }[]>`
    WITH wanted AS (SELECT decode(k, 'hex') AS hash FROM unnest(${keys}::text[]) AS k),
    owners AS (
      SELECT m.national_id_hash AS hash, m.id AS member_id, m.org_unit_id, false AS held
        FROM member m WHERE m.national_id_hash IN (SELECT hash FROM wanted)
      UNION ALL
      SELECT h.national_id_hash, h.member_id, m.org_unit_id, true
        FROM identity_hold h JOIN member m ON m.id = h.member_id
       WHERE h.status = 'PENDING' AND h.national_id_hash IN (SELECT hash FROM wanted))
    SELECT encode(o.hash, 'hex') AS hash, o.member_id::text AS member_id, u.path, o.held
      FROM owners o JOIN org_unit u ON u.id = o.org_unit_id`;
  const out = new Map<string, IdentityOwner[]>();
  for (const r of rows) {
    const list = out.get(r.hash) ?? [];
    list.push({ memberId: r.member_id, path: r.path, held: r.held });
    out.set(r.hash, list);
  }
  return out;
}

export type Claim =
  /** Nobody else has it: the member carries the hash. */
  | { kind: 'free' }
  /** Someone the caller may see has it: say so. */
  | { kind: 'duplicate'; memberId: string }
  /** Only someone outside the caller's scope has it: accept quietly, hold the claim. */
  | { kind: 'hold'; existingMemberId: string; coveringPath: string; alreadyHeld: boolean };

/** The deepest unit path both paths lie under ('/' when they share no root). */
export function coveringPath(a: string, b: string): string {
  const x = a.split('/').filter(Boolean);
  const y = b.split('/').filter(Boolean);
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  return `/${x.slice(0, i).map((s) => `${s}/`).join('')}`;
}

/** How the caller's member `selfId` (null: a new one) in unit `unitPath` may take a number with these owners. */
export function claimFor(ctx: Context, unitPath: string, owners: IdentityOwner[] | undefined, selfId: string | null): Claim {
  const others = (owners ?? []).filter((o) => o.memberId !== selfId);
  const root = visibleRoot(ctx.principal);
  const visible = others.filter((o) => inSubtree(root, o.path));
  if (visible.length) return { kind: 'duplicate', memberId: (visible.find((o) => !o.held) ?? visible[0]!).memberId };
  const carrier = others.find((o) => !o.held);
  if (!carrier) return { kind: 'free' };
  const alreadyHeld = (owners ?? []).some((o) => o.memberId === selfId && o.held);
  return { kind: 'hold', existingMemberId: carrier.memberId, coveringPath: coveringPath(unitPath, carrier.path), alreadyHeld };
}

export interface NewHold {
  memberId: string;
  existingMemberId: string;
  hash: Uint8Array;
  coveringPath: string;
}

/**
 * Writes the holds of one request. Called whenever the request wrote a number, with an empty list
 * when nothing is held, so a held claim costs no extra round trip.
 */
export async function insertHolds(tx: Prisma.TransactionClient, ctx: Context, holds: NewHold[]): Promise<void> {
  const by = ctx.principal.kind === 'account' ? ctx.principal.accountId : null;
  await tx.$executeRaw`
    INSERT INTO identity_hold (member_id, existing_member_id, covering_unit_id, national_id_hash, created_by_id)
    SELECT h.member_id::uuid, h.existing_id::uuid, u.id, decode(h.hash, 'hex'), ${by}::uuid
      FROM unnest(${holds.map((x) => x.memberId)}::text[], ${holds.map((x) => x.existingMemberId)}::text[],
                  ${holds.map((x) => hex(x.hash))}::text[], ${holds.map((x) => x.coveringPath)}::text[])
           AS h(member_id, existing_id, hash, covering_path)
      LEFT JOIN org_unit u ON u.path = h.covering_path`;
}

/** Closes the member's pending claims other than to `keep`: its number changed before a decision. */
export async function withdrawHolds(tx: Prisma.TransactionClient, ctx: Context, memberId: string, keep: Uint8Array | null): Promise<void> {
  await tx.$executeRaw`
    UPDATE identity_hold SET status = 'WITHDRAWN', decided_at = ${ctx.config.now()}
     WHERE member_id = ${memberId}::uuid AND status = 'PENDING'
       AND national_id_hash IS DISTINCT FROM decode(${keep ? hex(keep) : null}::text, 'hex')`;
}
