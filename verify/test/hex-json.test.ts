import { describe, expect, it } from 'vitest';
import { HexError, JsonParseError } from '../src/errors.js';
import { bytesEqual, fromHex, toHex } from '../src/hex.js';
import { parseJson } from '../src/json.js';

describe('hex', () => {
  it('round-trips bytes as lowercase hex', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(toHex(bytes).slice(0, 8)).toBe('00010203');
    expect(toHex(bytes).slice(-4)).toBe('feff');
    expect(bytesEqual(fromHex(toHex(bytes)), bytes)).toBe(true);
    expect(fromHex('')).toEqual(new Uint8Array(0));
  });

  it('refuses every other spelling with a clear error', () => {
    expect(() => fromHex('ABCD')).toThrow(/only lowercase/);
    expect(() => fromHex('0xab')).toThrow(/no 0x prefix/);
    expect(() => fromHex('abc')).toThrow(/odd length 3/);
    expect(() => fromHex('ab cd')).toThrow(HexError);
    expect(() => fromHex('zz')).toThrow(HexError);
    expect(() => fromHex('abcd', 32)).toThrow(/expected 32 bytes \(64 hex digits\), got 2 bytes/);
    expect(() => fromHex(42 as unknown as string)).toThrow(/expected a hex string/);
  });

  it('compares bytes', () => {
    expect(bytesEqual(Uint8Array.of(1, 2), Uint8Array.of(1, 2))).toBe(true);
    expect(bytesEqual(Uint8Array.of(1, 2), Uint8Array.of(1, 3))).toBe(false);
    expect(bytesEqual(Uint8Array.of(1, 2), Uint8Array.of(1, 2, 0))).toBe(false);
  });
});

describe('parseJson (strict)', () => {
  it('parses what JSON.parse parses, to the same value', () => {
    const samples = [
      '{"a":[1,-2.5e-3,true,false,null,"x\\u00e9\\n"],"b":{"c":{}},"d":[]}',
      ' [ 0 , -0 , 1E+2 , "\\ud83d\\ude00" ] ',
      '"just a string"',
      '12',
      'null',
      '{"__proto__":{"polluted":true}}',
    ];
    for (const text of samples) expect(parseJson(text)).toEqual(JSON.parse(text));
    const proto = parseJson('{"__proto__":{"polluted":true}}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(proto)).toBe(Object.prototype);
    expect(Object.keys(proto)).toEqual(['__proto__']);
  });

  it('refuses duplicate keys, which JSON.parse silently resolves', () => {
    expect(() => parseJson('{"a":1,"a":2}')).toThrow(/duplicate key "a"/);
    expect(() => parseJson('{"x":{"data":{"n":1,"n":1}}}')).toThrow(JsonParseError);
    expect(() => parseJson('{"\\u0061":1,"a":2}')).toThrow(/duplicate key "a"/);
  });

  it('refuses malformed text with the offset', () => {
    const bad: [string, RegExp][] = [
      ['', /offset 0: unexpected end of input/],
      ['{', /expected a string key/],
      ['{"a" 1}', /expected ":" after key/],
      ['{"a":1,}', /expected a string key/],
      ['[1,]', /unexpected character "]"/],
      ['[1 2]', /expected "," or "]"/],
      ['{"a":1 "b":2}', /expected "," or "}"/],
      ['01', /unexpected text after the JSON value/],
      ['1e400', /outside the range of a double/],
      ['"\u0001"', /malformed string/],
      ['"\\x"', /malformed string/],
      ["{'a':1}", /expected a string key/],
      ['NaN', /unexpected character "N"/],
      ['true false', /unexpected text/],
      ['[' .repeat(300) + ']'.repeat(300), /nesting deeper than 256/],
    ];
    for (const [text, message] of bad) {
      expect(() => parseJson(text), text.slice(0, 20)).toThrow(JsonParseError);
      expect(() => parseJson(text), text.slice(0, 20)).toThrow(message);
    }
  });
});
