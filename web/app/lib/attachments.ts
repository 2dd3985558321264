// What the attachment pieces share between server and browser: the file kinds the form offers,
// the hash check the browser runs on what it downloaded, and sizes for people.

/** The types the API accepts (it judges by content; the form's `accept` only helps the picker). */
export const ACCEPTED_FILES = 'image/jpeg,image/png,image/webp,application/pdf,.jpg,.jpeg,.png,.webp,.pdf';
export const IMAGE_TYPES: readonly string[] = ['image/jpeg', 'image/png', 'image/webp'];
/** Files per notice (the API's MAX_ATTACHMENTS). */
export const MAX_FILES = 10;

export interface AttachmentView {
  sha256: string;
  name: string;
  type: string;
  size: number;
}

/** SHA-256 of downloaded bytes, lowercase hex (Web Crypto: the page computes it itself). */
export async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The attachments the proven document holds, when there is a bundle: the hashes the page checks
 * against come from the record itself, not from what the API says beside it.
 */
export function provenAttachments(bundle: unknown, field = 'attachments'): AttachmentView[] | null {
  const data = (bundle as { document?: { data?: Record<string, unknown> } } | null)?.document?.data;
  if (!data) return null;
  const list = data[field];
  if (!Array.isArray(list)) return [];
  return list.filter((a): a is AttachmentView => typeof a === 'object' && a !== null && typeof (a as AttachmentView).sha256 === 'string');
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;
