// Check-in codes. The secretary opens check-in and is shown a 6-digit code and a QR payload
// carrying the same code; only a hash of the code is stored (with its expiry, both private
// columns that never enter a record), so a database reader cannot check members in.
// Wrong codes are limited per member: a 6-digit code must not be guessable by retrying.
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

export const CODE_DIGITS = 6;
export const DEFAULT_CHECK_IN_MINUTES = 15;
export const MAX_CHECK_IN_MINUTES = 240;
/** Check-in may open this long before the meeting (marking attendance by hand waits for the start). */
export const OPENS_BEFORE_START_MS = 60 * 60_000;
/** Checked in more than this after the start counts as LATE. */
export const LATE_AFTER_MS = 10 * 60_000;
export const WRONG_CODE_LIMIT = 5;
export const WRONG_CODE_WINDOW_MS = 10 * 60_000;

const QR_PREFIX = 'LIANJIAN-CHECKIN:1';

export function newCode(): string {
  return String(randomInt(0, 10 ** CODE_DIGITS)).padStart(CODE_DIGITS, '0');
}

/** What is stored: bound to the meeting, so one meeting's hash says nothing about another's code. */
export function hashCode(meetingId: string, code: string): string {
  return createHash('sha256').update(`${meetingId}:${code}`).digest('hex');
}

export function codeMatches(meetingId: string, code: string, stored: string): boolean {
  const a = Buffer.from(hashCode(meetingId, code), 'hex');
  const b = Buffer.from(stored, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The string a QR code shows: "LIANJIAN-CHECKIN:1:<meeting id>:<code>:<expiry, unix seconds>". */
export function qrPayload(meetingId: string, code: string, expiresAt: Date): string {
  return `${QR_PREFIX}:${meetingId}:${code}:${Math.floor(expiresAt.getTime() / 1000)}`;
}

export function parseQr(payload: string): { meetingId: string; code: string; expiresAt: Date } | null {
  const m = /^LIANJIAN-CHECKIN:1:([0-9a-f-]{36}):(\d{6}):(\d{1,12})$/i.exec(payload.trim());
  if (!m) return null;
  return { meetingId: m[1]!.toLowerCase(), code: m[2]!, expiresAt: new Date(Number(m[3]) * 1000) };
}

/**
 * Wrong check-in codes per member, in process memory: like the per-IP sign-in limit, a replica
 * restart forgiving it is acceptable, since a code lives only minutes.
 */
export class WrongCodes {
  private readonly times = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  private recent(key: string, now: Date): number[] {
    const list = (this.times.get(key) ?? []).filter((t) => t > now.getTime() - this.windowMs);
    if (list.length === 0) this.times.delete(key);
    else this.times.set(key, list);
    return list;
  }

  /** Seconds until `key` may try again, or 0. */
  retryAfter(key: string, now: Date): number {
    const list = this.recent(key, now);
    if (list.length < this.limit) return 0;
    return Math.max(1, Math.ceil((list[0]! + this.windowMs - now.getTime()) / 1000));
  }

  /** Records a wrong code; returns how many more wrong codes the window allows. */
  fail(key: string, now: Date): number {
    const list = this.recent(key, now);
    list.push(now.getTime());
    this.times.set(key, list);
    if (this.times.size > 100_000) for (const k of [...this.times.keys()]) this.recent(k, now);
    return Math.max(0, this.limit - list.length);
  }
}

export const wrongCodes = new WrongCodes(WRONG_CODE_LIMIT, WRONG_CODE_WINDOW_MS);
