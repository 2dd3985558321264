import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CanonicalizationError } from '../src/errors.js';
import { toHex } from '../src/hex.js';
import { canonicalBytes, canonicalize } from '../src/jcs.js';

const float64 = (bits: string): number => {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${bits}`));
  return view.getFloat64(0);
};

describe('canonicalize (RFC 8785)', () => {
  it('serialises the RFC 8785 §3.2.2 example to the §3.2.4 output and bytes', () => {
    const input = JSON.parse(`{
      "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
      "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
      "literals": [null, true, false]
    }`);
    expect(canonicalize(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
    // The UTF-8 bytes listed in RFC 8785 §3.2.4.
    const rfcBytes = `
      7b 22 6c 69 74 65 72 61 6c 73 22 3a 5b 6e 75 6c 6c 2c 74 72
      75 65 2c 66 61 6c 73 65 5d 2c 22 6e 75 6d 62 65 72 73 22 3a
      5b 33 33 33 33 33 33 33 33 33 2e 33 33 33 33 33 33 33 2c 31
      65 2b 33 30 2c 34 2e 35 2c 30 2e 30 30 32 2c 31 65 2d 32 37
      5d 2c 22 73 74 72 69 6e 67 22 3a 22 e2 82 ac 24 5c 75 30 30
      30 66 5c 6e 41 27 42 5c 22 5c 5c 5c 5c 5c 22 2f 22 7d`;
    expect(toHex(canonicalBytes(input))).toBe(rfcBytes.replace(/\s+/g, ''));
  });

  it('sorts keys by UTF-16 code units (RFC 8785 §3.2.3 example)', () => {
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    const text = canonicalize(input);
    expect(text).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis","\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it('serialises the RFC 8785 Appendix B numbers', () => {
    const samples: [string, string][] = [
      ['0000000000000000', '0'],
      ['8000000000000000', '0'],
      ['0000000000000001', '5e-324'],
      ['8000000000000001', '-5e-324'],
      ['7fefffffffffffff', '1.7976931348623157e+308'],
      ['ffefffffffffffff', '-1.7976931348623157e+308'],
      ['4340000000000000', '9007199254740992'],
      ['c340000000000000', '-9007199254740992'],
      ['4430000000000000', '295147905179352830000'],
      ['44b52d02c7e14af5', '9.999999999999997e+22'],
      ['44b52d02c7e14af6', '1e+23'],
      ['44b52d02c7e14af7', '1.0000000000000001e+23'],
      ['444b1ae4d6e2ef4e', '999999999999999700000'],
      ['444b1ae4d6e2ef4f', '999999999999999900000'],
      ['444b1ae4d6e2ef50', '1e+21'],
      ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
      ['3eb0c6f7a0b5ed8d', '0.000001'],
      ['41b3de4355555553', '333333333.3333332'],
      ['41b3de4355555554', '333333333.33333325'],
      ['41b3de4355555555', '333333333.3333333'],
      ['41b3de4355555556', '333333333.3333334'],
      ['41b3de4355555557', '333333333.33333343'],
      ['becbf647612f3696', '-0.0000033333333333333333'],
      ['43143ff3c1cb0959', '1424953923781206.2'],
    ];
    for (const [bits, expected] of samples) expect(canonicalize(float64(bits)), bits).toBe(expected);
    // The two non-finite samples of Appendix B must be errors.
    expect(() => canonicalize(float64('7fffffffffffffff'))).toThrow(CanonicalizationError);
    expect(() => canonicalize(float64('7ff0000000000000'))).toThrow(CanonicalizationError);
  });

  // Inputs and outputs of the reference test data, cyberphone/json-canonicalization testdata/.
  it.each([
    [
      'weird.json',
      '{"\\u20ac":"Euro Sign","1":"One","\\u0080":"Control\\u007f","\\ud83d\\ude02":"Smiley","\\u00f6":"Latin Small Letter O With Diaeresis","\\ufb33":"Hebrew Letter Dalet With Dagesh","</script>":"Browser Challenge"}',
      '{"1":"One","</script>":"Browser Challenge","\u0080":"Control\u007f","\u00f6":"Latin Small Letter O With Diaeresis","\u20ac":"Euro Sign","\ud83d\ude02":"Smiley","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    ],
    [
      'structures.json',
      '{"1": {"f": {"f": "hi","F": 5} ,"\\n": 56.0}, "10": { }, "": "empty", "a": { }, "111": [ { } ], "A": { }}',
      '{"":"empty","1":{"\\n":56,"f":{"F":5,"f":"hi"}},"10":{},"111":[{}],"A":{},"a":{}}',
    ],
    ['arrays.json', '[56, {"d": true, "10": null, "1": [ ]}]', '[56,{"1":[],"10":null,"d":true}]'],
    ['unicode.json (no normalisation)', '{"Unnormalized Unicode":"\\u1e0d\\u0307"}', '{"Unnormalized Unicode":"\u1e0d\u0307"}'],
  ])('matches the reference output for %s', (_name, input, expected) => {
    expect(canonicalize(JSON.parse(input))).toBe(expected);
  });

  it('escapes control characters as RFC 8785 §3.2.2.2 requires', () => {
    expect(canonicalize('\u0000\u0001\b\t\n\f\r\u001f\u007f"\\/')).toBe('"\\u0000\\u0001\\b\\t\\n\\f\\r\\u001f\u007f\\"\\\\/"');
    expect(canonicalize('\u2028\u2029')).toBe('"\u2028\u2029"');
  });

  it('refuses what JSON cannot carry, naming where it is', () => {
    const cases: [unknown, RegExp][] = [
      [Number.NaN, /NaN is not allowed/],
      [{ a: [1, Number.POSITIVE_INFINITY] }, /\$\.a\[1\]: Infinity is not allowed/],
      [{ a: -Infinity }, /-Infinity is not allowed/],
      [{ a: undefined }, /\$\.a: undefined is not a JSON value/],
      [[undefined], /undefined/],
      [() => 1, /function/],
      [{ n: 10n }, /\$\.n: BigInt/],
      [Symbol('x'), /symbol/],
      [{ when: new Date(0) }, /\$\.when: Date is not a plain JSON object/],
      [new Map(), /Map is not a plain JSON object/],
      [new Uint8Array(2), /Uint8Array is not a plain JSON object/],
      [{ s: 'a\ud800b' }, /\$\.s: string contains an unpaired UTF-16 surrogate/],
      [{ ['\udc00']: 1 }, /unpaired UTF-16 surrogate/],
      [{ [Symbol('k')]: 1 }, /symbol keys/],
      // eslint-disable-next-line no-sparse-arrays
      [[1, , 3], /\$\[1\]: arrays must not have holes/],
    ];
    for (const [value, message] of cases) {
      expect(() => canonicalize(value)).toThrow(CanonicalizationError);
      expect(() => canonicalize(value)).toThrow(message);
    }
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(() => canonicalize(cyclic)).toThrow(/\$\.self: cyclic structure/);
  });

  it('accepts a shared (non-cyclic) sub-object twice, and null-prototype objects', () => {
    const shared = { x: 1 };
    expect(canonicalize({ b: shared, a: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
    const bare = Object.create(null) as Record<string, unknown>;
    bare.z = true;
    bare.__proto__ = 'own';
    expect(canonicalize(bare)).toBe('{"__proto__":"own","z":true}');
  });

  it('is a fixed point and ignores key order (property test)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalize(value);
        expect(canonicalize(JSON.parse(text))).toBe(text);
        expect(canonicalize(reverseKeys(value))).toBe(text);
        // Same meaning as what JSON.stringify produces.
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 300 },
    );
  });
});

function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).reverse()) {
      Object.defineProperty(out, key, { value: reverseKeys((value as Record<string, unknown>)[key]), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}
