// Validity of a transfer letter (组织关系介绍信): 3 months, 6 when it crosses provinces, counted
// in months from the day of issue (the day of issue itself not counted, 《民法典》第二百零一条),
// so a letter issued on 01-15 is good through 04-15; after that day it cannot be received.
import { addMonths, type IsoDate } from '@lianjian/rules/dates';

export const VALID_MONTHS = { sameProvince: 3, crossProvince: 6 } as const;

/** '北京市' and '北京', '广西壮族自治区' and '广西' name one province. */
export function normaliseProvince(p: string): string {
  return p.trim().replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/u, '');
}

export function crossesProvinces(from: string, to: string): boolean {
  return normaliseProvince(from) !== normaliseProvince(to);
}

/** The last day on which the letter can be received. */
export function validUntil(issuedOn: IsoDate, crossProvince: boolean): IsoDate {
  return addMonths(issuedOn, crossProvince ? VALID_MONTHS.crossProvince : VALID_MONTHS.sameProvince);
}

/**
 * The last day a letter can actually be received: its recorded validUntil, but never later than
 * its window from the day of issue — a row written by hand, by an import or by older code may
 * carry a later date, and the rule, not the row, decides.
 */
export function lastValidDay(t: { issuedOn: IsoDate; validUntil: IsoDate; crossProvince: boolean }): IsoDate {
  const window = validUntil(t.issuedOn, t.crossProvince);
  return t.validUntil < window ? t.validUntil : window;
}

export function lapsed(validUntilOn: IsoDate, today: IsoDate): boolean {
  return today > validUntilOn;
}

// ── across levels (docs/decisions/015) ─────────────────────────────────────────────────────────────

/** A unit on the way from the root to a letter's unit, root first. */
export interface ChainUnit {
  id: string;
  kind: 'COMMITTEE' | 'GENERAL_BRANCH' | 'BRANCH' | 'GROUP';
}

export interface Levels<U extends ChainUnit> {
  /**
   * The lowest unit both chains pass through, which the letter goes "through" (经 … 转) — null when
   * that is one of the two units themselves (a group to its own branch) and nobody countersigns.
   */
  via: U | null;
  /** The nearest grassroots committees (基层党委) differ: the common level countersigns the letter. */
  crossesCommittees: boolean;
}

/** Each argument is a unit's chain, root first, ending with the unit itself. */
export function levelsOf<U extends ChainUnit>(from: readonly U[], to: readonly U[]): Levels<U> {
  let via: U | null = null;
  for (let i = 0; i < Math.min(from.length, to.length) && from[i]!.id === to[i]!.id; i++) via = from[i]!;
  const nearest = (chain: readonly U[]) => [...chain].reverse().find((u) => u.kind === 'COMMITTEE')?.id ?? null;
  const crossesCommittees = nearest(from) !== nearest(to);
  const isEnd = via !== null && (via.id === from.at(-1)?.id || via.id === to.at(-1)?.id);
  return { via: isEnd && !crossesCommittees ? null : via, crossesCommittees };
}

/** '张三' → '张*', '欧阳修' → '欧**': enough for the receiving side to match the letter in hand. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return '*';
  return chars[0] + '*'.repeat(chars.length - 1);
}

/** 80 random bits in RFC 4648 base32 make 16 characters; printed in groups of four. */
export const VERIFY_CODE_LENGTH = 16;

/** The code as stored: upper case, without the spaces and dashes of its printed form; null if it cannot be one. */
export function normaliseVerifyCode(text: string): string | null {
  const clean = text.replace(/[\s-]/g, '').toUpperCase();
  return clean.length === VERIFY_CODE_LENGTH && /^[A-Z2-7]+$/.test(clean) ? clean : null;
}

export function printedVerifyCode(code: string): string {
  return code.match(/.{1,4}/g)!.join('-');
}
