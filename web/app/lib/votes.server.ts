// Server-side helpers of the votes pages.
import { createHash } from 'node:crypto';

/** SHA-256 of a ballot receipt (UTF-8), hex: what the ballot record's `receiptHash` must be. */
export function receiptHashOf(receipt: string): string {
  return createHash('sha256').update(receipt, 'utf8').digest('hex');
}
