import { HexError } from './errors.js';

const HEX_DIGITS = '0123456789abcdef';

/** Lowercase hex, the only form proof bundles use. */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += HEX_DIGITS[byte >> 4]! + HEX_DIGITS[byte & 15]!;
  return out;
}

/**
 * Strict decoding: lowercase only, even length, no prefix or spaces. Two spellings of the same
 * hash would let a bundle be edited without changing what it proves, so only one is accepted.
 */
export function fromHex(hex: string, expectedBytes?: number): Uint8Array {
  if (typeof hex !== 'string') throw new HexError(`expected a hex string, got ${typeof hex}`);
  if (hex.length % 2 !== 0) throw new HexError(`hex string has odd length ${hex.length}`);
  if (!/^[0-9a-f]*$/.test(hex)) {
    throw new HexError('hex string must contain only lowercase 0-9 and a-f (no 0x prefix, no uppercase)');
  }
  if (expectedBytes !== undefined && hex.length !== expectedBytes * 2) {
    throw new HexError(`expected ${expectedBytes} bytes (${expectedBytes * 2} hex digits), got ${hex.length / 2} bytes`);
  }
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** Byte equality; hashes here are public, so no constant-time compare is needed. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
