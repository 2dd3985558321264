import { canonicalize, leafHash, parseJson, toHex, validateDocument } from '@lianjian/verify';
import { describe, expect, it } from 'vitest';
import { prepareRecord } from '../src/outbox.js';

const input = { type: 'Member', id: '3f0c1b9e-2d3a-4c5b-8e7f-1a2b3c4d5e6f', version: 2, org: 'unit-1', actor: 'system', data: { name: '张三', stage: 'FULL', n: 1.5 } };

describe('prepareRecord', () => {
  it('makes a valid v1 document whose stored text is its JCS form and whose leaf is verify’s leafHash', () => {
    const r = prepareRecord({ ...input, at: '2026-11-22T09:42:21.998Z' });
    expect(validateDocument(r.document)).toBe(r.document);
    expect(r.text).toBe(canonicalize(r.document));
    expect(canonicalize(parseJson(r.text))).toBe(r.text);
    expect(toHex(r.leaf)).toBe(toHex(leafHash(r.document)));
    expect(r.document.at).toBe('2026-11-22T09:42:21.998Z');
  });

  it('draws a fresh salt every time, so equal changes have different leaves', () => {
    const a = prepareRecord(input);
    const b = prepareRecord(input);
    expect(a.document.salt).not.toBe(b.document.salt);
    expect(toHex(a.leaf)).not.toBe(toHex(b.leaf));
  });

  it('refuses what the document format refuses', () => {
    expect(() => prepareRecord({ ...input, version: 0 })).toThrow(/version/);
    expect(() => prepareRecord({ ...input, at: 'yesterday' })).toThrow(/invalid "at"/);
    expect(() => prepareRecord({ ...input, data: { x: Number.NaN } })).toThrow(/data/);
  });
});
