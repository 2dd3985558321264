// Which files may be attached, found from their first bytes — never from the name or the type a
// client claims. Photos (JPEG, PNG, WebP) and PDFs only: SVG and HTML are refused outright, since a
// browser runs the scripts they may carry.
export const ALLOWED_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type AllowedType = (typeof ALLOWED_TYPES)[number];

export const IMAGE_TYPES: readonly string[] = ['image/jpeg', 'image/png', 'image/webp'];

export const EXTENSION: Record<AllowedType, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'application/pdf': 'pdf' };

const starts = (b: Buffer, sig: number[], at = 0) => b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

export type Detected = { ok: true; type: AllowedType } | { ok: false; markup: boolean };

export function detectType(bytes: Buffer): Detected {
  if (starts(bytes, [0xff, 0xd8, 0xff])) return { ok: true, type: 'image/jpeg' };
  if (starts(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { ok: true, type: 'image/png' };
  if (starts(bytes, ascii('RIFF')) && starts(bytes, ascii('WEBP'), 8)) return { ok: true, type: 'image/webp' };
  if (starts(bytes, ascii('%PDF-'))) return { ok: true, type: 'application/pdf' };
  return { ok: false, markup: looksLikeMarkup(bytes) };
}

/** SVG, HTML or XML (after a BOM and blanks), named as such in the refusal. */
function looksLikeMarkup(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 1024).toString('utf8').replace(/^\uFEFF/, '').trimStart().toLowerCase();
  return /^<(\?xml|!doctype|svg|html|head|body|script|!--)/.test(head) || head.includes('<svg') || head.includes('<html');
}

/**
 * The name a file keeps: its last path part, without control or bidi characters, at most 120
 * characters; "附件.<ext>" when nothing usable is left.
 */
export function cleanName(given: string | null | undefined, type: AllowedType): string {
  const last = (given ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = last.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069"]/g, '').trim().slice(0, 120);
  return clean && clean !== '.' && clean !== '..' ? clean : `附件.${EXTENSION[type]}`;
}
