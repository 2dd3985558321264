// The rows phase's fast path (src/audit/row-match.ts) may only ever say "matches" when parsing
// the document and comparing as the full check does would find no difference.
import fc from 'fast-check';
import { canonicalize } from '@lianjian/verify';
import { describe, expect, it } from 'vitest';
import { canonicalData, documentHolds } from '../src/audit/row-match.js';

const row = { type: 'Member', id: '6f1c2a4e-0d7b-4c51-9a3e-2b8f4d6c1e90', version: 3, org: '0a9b8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d' };
const data = { name: '张三', birthDate: '1990-01-01T00:00:00.000Z', stage: 'FULL', fee: 12.5, probationExtended: false, note: null };

function documentText(over: Partial<Record<string, unknown>> = {}): string {
  return canonicalize({ v: 1, type: row.type, id: row.id, version: row.version, org: row.org, at: '2026-12-06T09:00:00.000Z', actor: 'system', data, salt: 'AAAAAAAAAAAAAAAAAAAAAA', ...over });
}

describe('documentHolds', () => {
  it('accepts the record written for the row', () => {
    expect(documentHolds(documentText(), { ...row, data })).toBe(true);
  });

  it('refuses a different field, version, org, or a document that is not canonical', () => {
    expect(documentHolds(documentText(), { ...row, data: { ...data, name: '李四' } })).toBe(false);
    expect(documentHolds(documentText(), { ...row, data: { ...data, note: '' } })).toBe(false);
    expect(documentHolds(documentText(), { ...row, version: 4, data })).toBe(false);
    expect(documentHolds(documentText(), { ...row, org: row.id, data })).toBe(false);
    expect(documentHolds(documentText({ actor: 'x' }).replace('"v":1', '"v":1.0'), { ...row, data })).toBe(false);
    expect(documentHolds(JSON.stringify(JSON.parse(documentText()), null, 1), { ...row, data })).toBe(false);
  });

  it('cannot be fooled by a later key smuggled in through the salt, or by the row data in the actor', () => {
    const real = documentText();
    // A salt of the right length that closes the string and adds an "org" after the one matched.
    const smuggled = real.replace('"salt":"AAAAAAAAAAAAAAAAAAAAAA"', '"salt":"A","org":"zzzzz","q":"A"');
    expect(JSON.parse(smuggled).org).toBe('zzzzz');
    expect(documentHolds(smuggled, { ...row, data })).toBe(false);
    // The row's data inside the actor string, the real data (different) at its place.
    const inActor = documentText({ actor: `,"data":${canonicalize(data)}`, data: { ...data, name: '王五' } });
    expect(documentHolds(inActor, { ...row, data })).toBe(false);
  });

  it('writes flat row data exactly as canonicalize does', () => {
    const scalar = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.jsonValue());
    fc.assert(
      fc.property(fc.dictionary(fc.string(), scalar), (d) => {
        let expected: string | undefined;
        try {
          expected = canonicalize(d);
        } catch {
          expected = undefined;
        }
        expect(canonicalData(d)).toBe(expected);
      }),
      { numRuns: 2_000 },
    );
    expect(canonicalData({ a: '\ud800' })).toBeUndefined();
    expect(canonicalData({ b: 1, a: [2, { d: 1, c: 2 }] })).toBe('{"a":[2,{"c":2,"d":1}],"b":1}');
  });
});
