// The auditor's native hashing (src/audit/hashing.ts) against @lianjian/verify, the reference
// every proof is checked with: a leaf, a tree or a canonical-form verdict that differed would make
// the auditor pass what a verifier refuses, or the other way round.
import fc from 'fast-check';
import { buildTree, canonicalize, leafHash } from '@lianjian/verify';
import { describe, expect, it } from 'vitest';
import { isCanonicalText, leafOf, treeLevels } from '../src/audit/hashing.js';

const utf8 = new TextEncoder();

describe('audit hashing matches @lianjian/verify', () => {
  it('leafOf is leafHash of the text as UTF-8', () => {
    for (const text of ['', '{}', '{"a":"党员 ✓ 😀"}', 'x'.repeat(5_000)]) {
      expect(leafOf(text).toString('hex')).toBe(Buffer.from(leafHash(utf8.encode(text))).toString('hex'));
    }
  });

  it('treeLevels equals buildTree level by level, for every size up to 70 and some larger', () => {
    const sizes = [...Array.from({ length: 70 }, (_, i) => i + 1), 127, 128, 129, 1_000, 1_025];
    for (const n of sizes) {
      const leaves = Array.from({ length: n }, (_, i) => leafOf(`leaf ${n}/${i}`));
      const expected = buildTree(leaves.map((l) => new Uint8Array(l))).map((layer) => Buffer.concat(layer).toString('hex'));
      expect(treeLevels(leaves).map((l) => l.toString('hex')), `size ${n}`).toEqual(expected);
    }
  });

  it('isCanonicalText agrees with canonicalize on random JSON and on the texts the fast path hands over', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const canonical = canonicalize(value);
        expect(isCanonicalText(canonical, JSON.parse(canonical))).toBe(true);
        const plain = JSON.stringify(value);
        expect(isCanonicalText(plain, JSON.parse(plain))).toBe(canonicalize(JSON.parse(plain)) === plain);
      }),
      { numRuns: 2_000 },
    );
    const cases: [string, boolean][] = [
      ['{"a":1,"b":2}', true],
      ['{"b":2,"a":1}', false],
      ['{"10":1,"9":2}', true], // JCS order; JavaScript lists "9" first
      ['{"9":2,"10":1}', false],
      ['{"a":-0}', false],
      ['{"a":1.0}', false],
      ['{"a":"\\/"}', false],
      ['{"a":"\\u00e9"}', false],
      ['{"a":"é"}', true],
      ['{"a":"\\ud83d\\ude00"}', false], // a pair written as escapes: JCS writes the character
      ['{"a":"😀"}', true],
      ['{"a":1,"a":1}', false], // a duplicate key does not survive the parse
    ];
    for (const [text, canonical] of cases) expect(isCanonicalText(text, JSON.parse(text)), text).toBe(canonical);
    // A lone surrogate: JCS refuses it outright, and so must the fast path (the caller reports it).
    expect(() => isCanonicalText('{"a":"\\ud800"}', JSON.parse('{"a":"\\ud800"}'))).toThrow(/surrogate/);
  });
});
