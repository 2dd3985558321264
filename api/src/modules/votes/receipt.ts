// Ballot receipts: a random code only the voter ever sees (in castBallot's response). The
// database and the ballot's record keep SHA-256 of it, so a voter can find their ballot — and
// check offline that a ballot document's `receiptHash` is the hash of their code — while nobody
// else can tell whose ballot it is. 128 random bits make guessing a receipt from its hash hopeless.
import { createHash, randomBytes } from 'node:crypto';
import { badArgument } from '../../shared/errors.js';

const RECEIPT = /^[A-Za-z0-9_-]{22}$/;

export function newReceipt(): string {
  return randomBytes(16).toString('base64url');
}

export function receiptHash(receipt: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(createHash('sha256').update(receipt, 'utf8').digest());
}

export function checkReceipt(field: string, receipt: string): string {
  const r = receipt.trim();
  if (!RECEIPT.test(r)) throw badArgument(field, 'is not a ballot receipt: 22 letters, digits, "-" or "_", as castBallot returned it.', '不是选票回执：应为投票时返回的 22 位字母、数字、"-" 或 "_"。');
  return r;
}
