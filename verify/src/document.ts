import { DocumentError, errorMessage } from './errors.js';
import { canonicalize, canonicalString } from './jcs.js';

/** One change to a verifiable entity (proof format v1, PROOF-FORMAT.md "Record documents"). */
export type RecordDocument = {
  v: 1;
  /** GraphQL type name of the entity. */
  type: string;
  /** The entity's stable id. */
  id: string;
  /** 1 for the first record of an entity, +1 per change. */
  version: number;
  /** Owning org unit. */
  org: string;
  /** RFC 3339 UTC with milliseconds, e.g. 2026-11-22T09:42:21.998Z. */
  at: string;
  /** Account that made the change, or "system". */
  actor: string;
  /** The entity's fields after the change. */
  data: Record<string, unknown>;
  /** 16 random bytes, base64url without padding, so a guessed record cannot be confirmed from its hash. */
  salt: string;
};

export type DocumentInput = Omit<RecordDocument, 'v' | 'salt'> & { salt?: string };

export const SALT_BYTES = 16;

const DOCUMENT_KEYS = ['v', 'type', 'id', 'version', 'org', 'at', 'actor', 'data', 'salt'] as const;
const INPUT_KEYS = new Set<string>(DOCUMENT_KEYS.filter((key) => key !== 'v'));
const GRAPHQL_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const UTC_MILLIS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * Builds a v1 record document, drawing a fresh salt unless one is given. `randomBytes` defaults
 * to the Web Crypto CSPRNG (globalThis.crypto), present in browsers and in Node ≥ 19.
 */
export function makeDocument(
  input: DocumentInput,
  randomBytes: (n: number) => Uint8Array = webCryptoRandomBytes,
): RecordDocument {
  if (!isPlainObject(input)) throw new DocumentError('document input must be an object');
  for (const key of Object.keys(input)) {
    if (!INPUT_KEYS.has(key)) throw new DocumentError(`unknown document field "${key}"`);
  }
  const salt = input.salt ?? encodeBase64Url(checkedRandom(randomBytes));
  const doc = validateDocument({
    v: 1,
    type: input.type,
    id: input.id,
    version: input.version,
    org: input.org,
    at: input.at,
    actor: input.actor,
    data: input.data,
    salt,
  });
  // A copy of data in canonical key order: later edits to the caller's object cannot change
  // a document that may already have been hashed.
  return { ...doc, data: JSON.parse(canonicalize(doc.data)) as Record<string, unknown> };
}

/**
 * Checks that a value is exactly a v1 record document: every field present with the right
 * type and format, no other field. Returns it typed; throws DocumentError naming the field.
 */
export function validateDocument(value: unknown): RecordDocument {
  checkDocument(value);
  return value as RecordDocument;
}

/**
 * Validates like validateDocument and returns the document's canonical (JCS) text, with `data`
 * canonicalised once for both (a verifier hashing many documents would otherwise canonicalise each
 * twice). The document's own keys are fixed, so its text is assembled in their JCS order around
 * the canonical `data`; it equals canonicalize(document) (verify/test/document.test.ts checks it).
 * Not part of the package's public API.
 */
export function canonicalDocumentText(value: unknown): string {
  const data = checkDocument(value);
  const doc = value as RecordDocument;
  // Keys in UTF-16 order, as RFC 8785 §3.2.3 sorts them: actor, at, data, id, org, salt, type, v, version.
  return (
    `{"actor":${canonicalString(doc.actor, '$.actor')},"at":${canonicalString(doc.at, '$.at')},"data":${data},` +
    `"id":${canonicalString(doc.id, '$.id')},"org":${canonicalString(doc.org, '$.org')},"salt":${canonicalString(doc.salt, '$.salt')},` +
    `"type":${canonicalString(doc.type, '$.type')},"v":1,"version":${JSON.stringify(doc.version)}}`
  );
}

/** validateDocument's checks; returns the canonical text of `data`. */
function checkDocument(value: unknown): string {
  if (!isPlainObject(value)) throw new DocumentError('document must be a JSON object');
  for (const key of Object.keys(value)) {
    if (!(DOCUMENT_KEYS as readonly string[]).includes(key)) throw new DocumentError(`unknown document field "${key}"`);
  }
  for (const key of DOCUMENT_KEYS) {
    if (!Object.hasOwn(value, key)) throw new DocumentError(`document field "${key}" is missing`);
  }
  const doc = value as Record<(typeof DOCUMENT_KEYS)[number], unknown>;
  if (doc.v !== 1) throw new DocumentError(`document field "v" must be 1, got ${JSON.stringify(doc.v)}`);
  if (typeof doc.type !== 'string' || !GRAPHQL_NAME.test(doc.type)) {
    throw new DocumentError('document field "type" must be a non-empty GraphQL type name');
  }
  for (const key of ['id', 'org', 'actor'] as const) {
    if (typeof doc[key] !== 'string' || doc[key] === '') {
      throw new DocumentError(`document field "${key}" must be a non-empty string`);
    }
  }
  if (typeof doc.version !== 'number' || !Number.isSafeInteger(doc.version) || doc.version < 1) {
    throw new DocumentError(`document field "version" must be an integer ≥ 1, got ${JSON.stringify(doc.version)}`);
  }
  if (typeof doc.at !== 'string' || !isUtcMillis(doc.at)) {
    throw new DocumentError(
      `document field "at" must be an RFC 3339 UTC time with milliseconds like 2026-11-22T09:42:21.998Z, got ${JSON.stringify(doc.at)}`,
    );
  }
  if (!isPlainObject(doc.data)) throw new DocumentError('document field "data" must be a JSON object');
  if (typeof doc.salt !== 'string' || !isSalt(doc.salt)) {
    throw new DocumentError(`document field "salt" must be ${SALT_BYTES} bytes in base64url without padding (22 characters)`);
  }
  try {
    return canonicalize(doc.data);
  } catch (error) {
    throw new DocumentError(`document field "data" cannot be canonicalised: ${errorMessage(error)}`);
  }
}

function isUtcMillis(at: string): boolean {
  if (!UTC_MILLIS.test(at)) return false;
  // The round trip rejects dates that match the pattern but do not exist (2026-02-30, 24:00).
  const time = Date.parse(at);
  return Number.isFinite(time) && new Date(time).toISOString() === at;
}

function isSalt(salt: string): boolean {
  // Canonical base64url only: the unused low bits of the last character must be zero, so one
  // salt has exactly one spelling.
  try {
    const bytes = decodeBase64Url(salt);
    return bytes.length === SALT_BYTES && encodeBase64Url(bytes) === salt;
  } catch {
    return false;
  }
}

function webCryptoRandomBytes(n: number): Uint8Array {
  const crypto = (globalThis as { crypto?: { getRandomValues?: <T extends Uint8Array>(array: T) => T } }).crypto;
  if (typeof crypto?.getRandomValues !== 'function') {
    throw new DocumentError('no secure random source: globalThis.crypto.getRandomValues is missing; pass randomBytes');
  }
  return crypto.getRandomValues(new Uint8Array(n));
}

function checkedRandom(randomBytes: (n: number) => Uint8Array): Uint8Array {
  const bytes = randomBytes(SALT_BYTES);
  if (!(bytes instanceof Uint8Array) || bytes.length !== SALT_BYTES) {
    throw new DocumentError(`randomBytes(${SALT_BYTES}) must return ${SALT_BYTES} bytes`);
  }
  return bytes;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** RFC 4648 §5 base64url without padding. */
export function encodeBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const chunk = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let c = 0; c < chars; c++) out += BASE64URL[(chunk >> (18 - 6 * c)) & 63]!;
  }
  return out;
}

/** Inverse of encodeBase64Url; throws DocumentError on characters outside the alphabet. */
export function decodeBase64Url(text: string): Uint8Array {
  if (text.length % 4 === 1) throw new DocumentError('base64url text has an impossible length');
  const out = new Uint8Array(Math.floor((text.length * 6) / 8));
  let buffer = 0;
  let bits = 0;
  let o = 0;
  for (const char of text) {
    const index = BASE64URL.indexOf(char);
    if (index < 0) throw new DocumentError(`invalid base64url character ${JSON.stringify(char)}`);
    buffer = ((buffer << 6) | index) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (buffer >> bits) & 0xff;
    }
  }
  return out;
}
