// PRC resident identity numbers (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit
// sequence (odd = male), ISO 7064 MOD 11-2 check character. Only a keyed hash is ever stored:
// @lianjian/db's hashNationalId (HMAC-SHA256 under LIANJIAN_ID_SALT, shared with the seed), so
// the hash cannot be brute-forced back to the number (a small space) without the salt.
import { hashNationalId as dbHash } from '@lianjian/db';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function normalizeNationalId(raw: string): string {
  return raw.replace(/\s/g, '').toUpperCase();
}

export type NationalIdProblem = 'format' | 'checksum' | 'birthDate';

export interface ParsedNationalId {
  birthDate: string;
  gender: 'MALE' | 'FEMALE';
}

export function parseNationalId(raw: string): ParsedNationalId | NationalIdProblem {
  const id = normalizeNationalId(raw);
  if (!/^\d{17}[\dX]$/.test(id)) return 'format';
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(id[i]), 0);
  if (CHECK[sum % 11] !== id[17]) return 'checksum';
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  const d = new Date(`${birthDate}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== birthDate) return 'birthDate';
  return { birthDate, gender: Number(id[16]) % 2 === 1 ? 'MALE' : 'FEMALE' };
}

/** As a plain Uint8Array, the type Prisma uses for Bytes columns. */
export function hashNationalId(raw: string, salt: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(dbHash(normalizeNationalId(raw), salt));
}

/** Builds a valid number (tests and fixtures): region, birth date 'YYYY-MM-DD', sequence 0–999. */
export function makeNationalId(region: string, birthDate: string, seq: number): string {
  const body = `${region}${birthDate.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(body[i]), 0);
  return body + CHECK[sum % 11];
}
