import { Buffer } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalDocumentText, decodeBase64Url, encodeBase64Url, makeDocument, validateDocument, type DocumentInput } from '../src/document.js';
import { DocumentError } from '../src/errors.js';
import { leafHash, nodeHash } from '../src/hash.js';
import { toHex } from '../src/hex.js';
import { canonicalBytes, canonicalize } from '../src/jcs.js';
import { sha256 } from './rfc9162-reference.js';

const counting = (n: number) => Uint8Array.from({ length: n }, (_, i) => i);
const input: DocumentInput = {
  type: 'Member',
  id: 'm-1',
  version: 3,
  org: 'unit-7',
  at: '2026-11-22T09:42:21.998Z',
  actor: 'acc-2',
  data: { stage: 'ACTIVIST', name: '张三', partyAge: 0, mentors: ['m-8', 'm-9'] },
};

describe('canonicalDocumentText (a verifier canonicalising each document once)', () => {
  it('is canonicalize(document) for any valid document, and refuses what validateDocument refuses', () => {
    fc.assert(
      fc.property(
        fc.record({
          type: fc.constantFrom('Member', 'OrgUnit', '_x1'),
          id: fc.string({ minLength: 1 }),
          version: fc.integer({ min: 1 }),
          org: fc.string({ minLength: 1 }),
          actor: fc.string({ minLength: 1 }),
          at: fc.date({ min: new Date(0), max: new Date(4e12), noInvalidDate: true }).map((d) => d.toISOString()),
          data: fc.dictionary(fc.string(), fc.jsonValue()),
        }),
        fc.uint8Array({ minLength: 16, maxLength: 16 }),
        (fields, salt) => {
          const doc = makeDocument(fields, () => salt);
          expect(canonicalDocumentText(doc)).toBe(canonicalize(doc));
          // Key order of the object does not matter, only the document's content.
          expect(canonicalDocumentText(Object.fromEntries(Object.entries(doc).reverse()))).toBe(canonicalize(doc));
        },
      ),
      { numRuns: 300 },
    );
    const doc = makeDocument(input, counting);
    for (const bad of [{ ...doc, v: 2 }, { ...doc, extra: 1 }, { ...doc, data: { n: Number.NaN } }, { ...doc, version: 0 }]) {
      expect(() => validateDocument(bad)).toThrow(DocumentError);
      expect(() => canonicalDocumentText(bad)).toThrow(DocumentError);
    }
    // A lone surrogate outside data passes validateDocument (as before) but has no canonical text.
    expect(() => canonicalDocumentText({ ...doc, actor: 'a\uD800' })).toThrow(/unpaired/);
    expect(() => canonicalize({ ...doc, actor: 'a\uD800' })).toThrow(/unpaired/);
  });
});

describe('record documents (proof format v1)', () => {
  it('canonicalise and hash as the public contract says (golden vector)', () => {
    const doc = makeDocument(input, counting);
    expect(doc.salt).toBe('AAECAwQFBgcICQoLDA0ODw');
    // Written by hand from PROOF-FORMAT.md: JCS of the document (keys sorted), UTF-8.
    const canonical =
      '{"actor":"acc-2","at":"2026-11-22T09:42:21.998Z","data":{"mentors":["m-8","m-9"],"name":"张三","partyAge":0,"stage":"ACTIVIST"},' +
      '"id":"m-1","org":"unit-7","salt":"AAECAwQFBgcICQoLDA0ODw","type":"Member","v":1,"version":3}';
    expect(canonicalize(doc)).toBe(canonical);
    const bytes = new TextEncoder().encode(canonical);
    expect(canonicalBytes(doc)).toEqual(bytes);
    // leaf = SHA-256(0x00 ‖ canonical bytes), computed independently with node:crypto.
    expect(toHex(leafHash(doc))).toBe(toHex(sha256(Uint8Array.of(0), bytes)));
    expect(toHex(leafHash(bytes))).toBe(toHex(leafHash(doc)));
  });

  it('hash interior nodes as SHA-256(0x01 ‖ left ‖ right)', () => {
    const left = leafHash(new Uint8Array(0));
    const right = leafHash(Uint8Array.of(0));
    expect(toHex(nodeHash(left, right))).toBe(toHex(sha256(Uint8Array.of(1), left, right)));
    expect(() => nodeHash(left, right.subarray(1))).toThrow(/32-byte hashes/);
  });

  it('change their leaf when any field, the salt, or the byte form changes', () => {
    const doc = makeDocument(input, counting);
    const leaf = toHex(leafHash(doc));
    const edits = [
      { ...doc, version: 4 },
      { ...doc, actor: 'acc-3' },
      { ...doc, data: { ...doc.data, name: '李四' } },
      { ...doc, salt: 'AQECAwQFBgcICQoLDA0ODw' },
    ];
    for (const edited of edits) expect(toHex(leafHash(edited))).not.toBe(leaf);
    // Same content in insertion order is not the canonical form, so it is a different leaf.
    expect(toHex(leafHash(new TextEncoder().encode(JSON.stringify(doc))))).not.toBe(leaf);
    // Key order of the object handed in does not matter.
    const reordered = { salt: doc.salt, data: doc.data, v: 1 as const, version: 3, type: 'Member', id: 'm-1', org: 'unit-7', at: doc.at, actor: 'acc-2' };
    expect(toHex(leafHash(reordered))).toBe(leaf);
  });

  it('keep their own copy of data, in canonical key order', () => {
    const data: Record<string, unknown> = { z: 1, a: { y: 2, b: 3 } };
    const doc = makeDocument({ ...input, data }, counting);
    data.z = 99;
    expect(doc.data).toEqual({ a: { b: 3, y: 2 }, z: 1 });
    expect(Object.keys(doc.data)).toEqual(['a', 'z']);
  });

  it('get a fresh 16-byte salt from Web Crypto by default', () => {
    const a = makeDocument(input);
    const b = makeDocument(input);
    expect(a.salt).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(decodeBase64Url(a.salt)).toHaveLength(16);
    expect(a.salt).not.toBe(b.salt);
    expect(makeDocument({ ...input, salt: 'AAECAwQFBgcICQoLDA0ODw' }).salt).toBe('AAECAwQFBgcICQoLDA0ODw');
  });

  it('refuse invalid fields with a message naming the field', () => {
    const bad: [Partial<Record<keyof DocumentInput, unknown>> & Record<string, unknown>, RegExp][] = [
      [{ type: '' }, /"type" must be a non-empty GraphQL type name/],
      [{ type: 'Member Record' }, /"type"/],
      [{ id: '' }, /"id" must be a non-empty string/],
      [{ org: 7 }, /"org" must be a non-empty string/],
      [{ actor: undefined }, /"actor"/],
      [{ version: 0 }, /"version" must be an integer ≥ 1, got 0/],
      [{ version: 1.5 }, /"version"/],
      [{ version: '1' }, /"version"/],
      [{ at: '2026-11-22T09:42:21Z' }, /"at" must be an RFC 3339 UTC time with milliseconds/],
      [{ at: '2026-11-22T09:42:21.998+08:00' }, /"at"/],
      [{ at: '2026-02-30T00:00:00.000Z' }, /"at"/],
      [{ at: '2026-11-22 09:42:21.998Z' }, /"at"/],
      [{ data: [] }, /"data" must be a JSON object/],
      [{ data: null }, /"data" must be a JSON object/],
      [{ data: { score: Number.NaN } }, /"data" cannot be canonicalised: \$\.score: NaN/],
      [{ data: { born: new Date(0) } }, /"data" cannot be canonicalised: \$\.born: Date/],
      [{ salt: 'short' }, /"salt" must be 16 bytes in base64url/],
      [{ salt: 'AAECAwQFBgcICQoLDA0ODx' }, /"salt"/], // non-zero padding bits: a second spelling
      [{ salt: 'AAECAwQFBgcICQoLDA0OD+' }, /"salt"/],
      [{ salt: 'AAECAwQFBgcICQoLDA0ODw==' }, /"salt"/],
      [{ verison: 2 }, /unknown document field "verison"/],
      [{ v: 1 }, /unknown document field "v"/],
    ];
    for (const [patch, message] of bad) {
      const attempt = () => makeDocument({ ...input, ...patch } as DocumentInput, counting);
      expect(attempt, JSON.stringify(patch)).toThrow(DocumentError);
      expect(attempt, JSON.stringify(patch)).toThrow(message);
    }
    expect(() => makeDocument(input, () => new Uint8Array(8))).toThrow(/randomBytes\(16\) must return 16 bytes/);
    expect(() => makeDocument(null as unknown as DocumentInput)).toThrow(/must be an object/);
  });

  it('validate exactly the v1 shape', () => {
    const doc = makeDocument(input, counting);
    expect(validateDocument(JSON.parse(JSON.stringify(doc)))).toEqual(doc);
    expect(() => validateDocument({ ...doc, v: 2 })).toThrow(/"v" must be 1, got 2/);
    expect(() => validateDocument({ ...doc, extra: 1 })).toThrow(/unknown document field "extra"/);
    const { salt: _salt, ...unsalted } = doc;
    expect(() => validateDocument(unsalted)).toThrow(/"salt" is missing/);
    expect(() => validateDocument('{}')).toThrow(/must be a JSON object/);
  });
});

describe('base64url', () => {
  it('matches RFC 4648 §5 without padding for every length', () => {
    for (let n = 0; n <= 40; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + n * 13) & 255);
      const text = encodeBase64Url(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64url'));
      expect(decodeBase64Url(text)).toEqual(bytes);
    }
  });

  it('refuses characters outside the alphabet', () => {
    expect(() => decodeBase64Url('ab+c')).toThrow(/invalid base64url character "\+"/);
    expect(() => decodeBase64Url('abcde')).toThrow(/impossible length/);
  });
});
