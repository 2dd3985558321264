// Duplicate detection without storing ID numbers: member.national_id_hash is an HMAC-SHA256 of
// the normalised ID number under a server-side salt (LIANJIAN_ID_SALT), so the same person
// cannot be registered twice while a leaked table does not reveal, or allow confirming, IDs.
import { createHmac } from 'node:crypto';

/** The salt the demo data uses when LIANJIAN_ID_SALT is not set; set it in any real deployment. */
export const DEMO_ID_SALT = 'lianjian-demo-national-id-salt';

export function idSalt(): string {
  return process.env.LIANJIAN_ID_SALT || DEMO_ID_SALT;
}

export function normaliseNationalId(id: string): string {
  return id.trim().toUpperCase().replace(/\s+/g, '');
}

export function hashNationalId(id: string, salt = idSalt()): Buffer {
  return createHmac('sha256', salt).update(normaliseNationalId(id), 'utf8').digest();
}
