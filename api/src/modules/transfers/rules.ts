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
