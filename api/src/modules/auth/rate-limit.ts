// Limits on guessing, kept in the database (table sign_in_throttle) so they hold across replicas.
//
// A password check counts against two keys: the client address, and the username at that
// address. Nothing counts per account alone, so a stranger's failures never block the owner
// signing in from another address; unknown usernames get rows like known ones, so the answer
// never tells which names exist. Each key allows `limit` failed checks, then blocks for its base
// delay, doubling at each further block (strikes) until a day passes without attempts.
//
// An attempt is counted *before* the check (one INSERT … ON CONFLICT DO UPDATE … RETURNING), and
// a check runs only when its count is within the limit: parallel attempts each see a different
// count, so no more than `limit` of them are ever checked. A success gives its place back.
import type { PrismaClient } from '@lianjian/db';
import type { Context } from '../../shared/context.js';
import { rateLimited } from '../../shared/errors.js';

/** No block lasts longer than a day, however often the limit was reached. */
export const MAX_BLOCK_MS = 24 * 3600_000;
/** Strikes are forgiven (and rows swept) after a day without attempts or blocks. */
const FORGIVE_MS = 24 * 3600_000;
/** Usernames are at most 32 characters; longer (unknown) ones share their first 64. */
const MAX_NAME = 64;

interface Key {
  address: string;
  /** Empty for the address's own key. */
  username: string;
  limit: number;
  baseMs: number;
}

/** base × 2^strikes, capped: how long the next block of a key lasts. */
export function blockMs(baseMs: number, strikes: number): number {
  return Math.min(baseMs * 2 ** Math.min(strikes, 30), MAX_BLOCK_MS);
}

function waitText(seconds: number): { en: string; zh: string } {
  if (seconds < 120) return { en: `${seconds} s`, zh: `${seconds} 秒` };
  const min = Math.ceil(seconds / 60);
  return { en: `${min} min`, zh: `${min} 分钟` };
}

/** The one answer to a throttled attempt, whichever key refused it and whether the name exists. */
export function tooManyAttempts(seconds: number) {
  const w = waitText(seconds);
  return rateLimited(seconds, `Too many failed sign-in attempts; try again in ${w.en}.`, `登录失败次数过多，请 ${w.zh}后再试。`);
}

/** Counts one attempt; returns 0 when it may be checked, else the seconds to wait. */
async function reserve(prisma: PrismaClient, k: Key, now: Date): Promise<number> {
  const [row] = await prisma.$queryRaw<{ failures: number; strikes: number; blocked_until: Date | null }[]>`
    INSERT INTO sign_in_throttle AS t (address, username, failures, last_attempt_at)
    VALUES (${k.address}, ${k.username}, 1, ${now}::timestamptz)
    ON CONFLICT (address, username) DO UPDATE SET
      failures = CASE
        WHEN t.blocked_until > ${now}::timestamptz THEN t.failures
        WHEN t.last_attempt_at <= ${now}::timestamptz - ${k.baseMs}::float8 * interval '1 millisecond' THEN 1
        ELSE t.failures + 1 END,
      strikes = CASE
        WHEN GREATEST(t.last_attempt_at, t.blocked_until) <= ${now}::timestamptz - ${FORGIVE_MS}::float8 * interval '1 millisecond' THEN 0
        ELSE t.strikes END,
      last_attempt_at = CASE WHEN t.blocked_until > ${now}::timestamptz THEN t.last_attempt_at ELSE ${now}::timestamptz END
    RETURNING failures, strikes, blocked_until`;
  if (row!.blocked_until && row!.blocked_until > now) return Math.max(1, Math.ceil((row!.blocked_until.getTime() - now.getTime()) / 1000));
  if (row!.failures <= k.limit) return 0;
  // Over the limit while earlier checks still run: the failing one will set the block.
  await release(prisma, k);
  return Math.ceil(blockMs(k.baseMs, row!.strikes) / 1000);
}

async function release(prisma: PrismaClient, k: Key): Promise<void> {
  await prisma.$executeRaw`
    UPDATE sign_in_throttle SET failures = GREATEST(failures - 1, 0) WHERE address = ${k.address} AND username = ${k.username}`;
}

/** The check failed: its reservation stays counted, and at the limit the key blocks. */
async function failed(prisma: PrismaClient, k: Key, now: Date): Promise<void> {
  await prisma.$executeRaw`
    UPDATE sign_in_throttle SET
      blocked_until = ${now}::timestamptz + LEAST(${k.baseMs}::float8 * power(2, LEAST(strikes, 30)), ${MAX_BLOCK_MS}::float8) * interval '1 millisecond',
      strikes = strikes + 1,
      failures = 0
    WHERE address = ${k.address} AND username = ${k.username}
      AND failures >= ${k.limit}::int AND (blocked_until IS NULL OR blocked_until <= ${now}::timestamptz)`;
}

async function succeeded(prisma: PrismaClient, k: Key): Promise<void> {
  // The right password forgives its username at this address; the address keeps its count.
  if (k.username) await prisma.$executeRaw`DELETE FROM sign_in_throttle WHERE address = ${k.address} AND username = ${k.username}`;
  else await release(prisma, k);
}

let nextSweep = 0;
async function sweep(prisma: PrismaClient, now: Date): Promise<void> {
  if (now.getTime() < nextSweep) return;
  nextSweep = now.getTime() + 10 * 60_000;
  await prisma.$executeRaw`
    DELETE FROM sign_in_throttle
     WHERE GREATEST(last_attempt_at, blocked_until) <= ${now}::timestamptz - ${FORGIVE_MS}::float8 * interval '1 millisecond'`;
}

/**
 * Runs `attempt` (a password or code check) only if the caller's address — and, given a
 * username, that username at the address — are within their limits; throws RATE_LIMITED
 * otherwise. `isFailure` says whether the result counts as a failed guess.
 */
export async function throttled<T>(ctx: Context, username: string | null, attempt: () => Promise<T>, isFailure: (result: T) => boolean): Promise<T> {
  const { prisma, config } = ctx;
  const now = config.now();
  await sweep(prisma, now);
  const keys: Key[] = [{ address: ctx.request.ip, username: '', limit: config.ipMaxFailures, baseMs: config.ipWindowMs }];
  if (username !== null) keys.push({ address: ctx.request.ip, username: username.slice(0, MAX_NAME), limit: config.maxFailedAttempts, baseMs: config.lockoutMs });
  const admitted: Key[] = [];
  for (const k of keys) {
    const wait = await reserve(prisma, k, now);
    if (wait > 0) {
      for (const a of admitted) await release(prisma, a);
      throw tooManyAttempts(wait);
    }
    admitted.push(k);
  }
  let result: T;
  try {
    result = await attempt();
  } catch (err) {
    for (const k of keys) await release(prisma, k);
    throw err;
  }
  const failure = isFailure(result);
  for (const k of keys) await (failure ? failed(prisma, k, config.now()) : succeeded(prisma, k));
  return result;
}

/**
 * Forgets a username's password failures at every address (an administrator reset its password
 * or enabled it again); its addresses keep their own counts.
 */
export async function forgetUsername(prisma: Pick<PrismaClient, '$executeRaw'>, username: string): Promise<void> {
  await prisma.$executeRaw`DELETE FROM sign_in_throttle WHERE username = ${username.slice(0, MAX_NAME)}`;
}
