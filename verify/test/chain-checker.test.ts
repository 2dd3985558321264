// The parts of the chain checker that need no node: how a bundle's anchor is compared with the
// proven batch, the header/vote encodings, and the store key layout.
import { describe, expect, it } from 'vitest';
import { batchKey, formatRfc3339Nano } from '../src/chain/anchor.js';
import { anchorMismatch, createChainChecker, sameInstant } from '../src/chain/checker.js';
import { merkleHash, parseRfc3339Nano } from '../src/chain/light.js';
import { toHex } from '../src/hex.js';
import { sha256 } from '@noble/hashes/sha2.js';

const chainTime = '2026-11-22T10:28:22.90246319Z';
const anchor = { chainId: 'lianjian-local', height: 55, txHash: 'AB'.repeat(32), time: chainTime };

describe('anchor against the proven batch', () => {
  it('accepts the exact block time, and the same instant rounded or truncated to the anchor\'s precision', () => {
    expect(sameInstant(chainTime, chainTime)).toBe(true);
    expect(sameInstant('2026-11-22T10:28:22.902463Z', chainTime)).toBe(true); // µs, truncated
    expect(sameInstant('2026-11-22T10:28:22.902464Z', chainTime)).toBe(true); // µs, rounded up
    expect(sameInstant('2026-11-22T10:28:22.902Z', chainTime)).toBe(true); // ms
    expect(sameInstant('2026-11-22T18:28:22.902+08:00', chainTime)).toBe(true); // same instant, other zone
  });

  it('refuses another instant, or one off by a unit of the anchor\'s last digit', () => {
    expect(sameInstant('2026-11-22T10:28:22.904Z', chainTime)).toBe(false);
    expect(sameInstant('2026-11-22T10:28:22.902465Z', chainTime)).toBe(false);
    expect(sameInstant('2026-11-22T10:28:23Z', chainTime)).toBe(true); // whole seconds: within one second
    expect(sameInstant('2026-11-22T10:28:24Z', chainTime)).toBe(false);
    expect(sameInstant('not a time', chainTime)).toBe(false);
  });

  it('names the disagreeing field', () => {
    expect(anchorMismatch(anchor, 55, chainTime)).toBeUndefined();
    expect(anchorMismatch({ ...anchor, height: 54 }, 55, chainTime)).toBe('the batch was committed at height 55, the bundle says 54');
    expect(anchorMismatch({ ...anchor, time: '2026-11-22T10:28:21.000Z' }, 55, chainTime)).toMatch(/committed at 2026-11-22T10:28:22.90246319Z, the bundle says 2026-11-22T10:28:21.000Z/);
  });

  it('refuses a bundle from another chain before asking any node', async () => {
    const checker = createChainChecker('http://127.0.0.1:9', { chainId: 'lianjian-main' });
    const r = await checker.checkBatchRoot(1, new Uint8Array(32), anchor, { size: 1, prevRoot: new Uint8Array(32) });
    expect(r).toEqual({ ok: false, reason: 'the bundle is anchored on chain "lianjian-local", but chain "lianjian-main" is the one trusted here' });
  });

  it('reports an unreachable node as "could not run", not as a failed proof', async () => {
    const r = await createChainChecker('http://127.0.0.1:9', { timeoutMs: 2_000 }).checkBatchRoot(1, new Uint8Array(32), anchor, { size: 1, prevRoot: new Uint8Array(32) });
    expect(r).toMatchObject({ ok: false, unavailable: true });
    expect(r.ok === false && r.reason).toMatch(/chain node at http:\/\/127\.0\.0\.1:9 is unreachable/);
  });
});

describe('encodings', () => {
  it('keys batch seq as 0x01 ‖ big-endian uint64', () => {
    expect(toHex(batchKey(1))).toBe('010000000000000001');
    expect(toHex(batchKey(0x0102030405060708n))).toBe('010102030405060708');
    expect(() => batchKey(0)).toThrow(RangeError);
    expect(() => batchKey(1n << 64n)).toThrow(RangeError);
  });

  it('reads and prints RFC 3339 times with nanoseconds as Go does', () => {
    expect(parseRfc3339Nano('2026-11-22T10:28:22.90246319Z', 't')).toEqual({ seconds: 1795343302n, nanos: 902463190 });
    expect(parseRfc3339Nano('2026-11-22T10:28:22Z', 't')).toEqual({ seconds: 1795343302n, nanos: 0 });
    expect(formatRfc3339Nano(1795343302n, 902463190)).toBe('2026-11-22T10:28:22.90246319Z');
    expect(formatRfc3339Nano(1795343302n, 0)).toBe('2026-11-22T10:28:22Z');
    expect(() => parseRfc3339Nano('2026-11-22T10:28:22+08:00', 't')).toThrow(/not an RFC 3339 UTC time/);
  });

  it('hashes header fields as CometBFT\'s merkle.HashFromByteSlices (RFC 6962 split)', () => {
    const leaf = (b: Uint8Array) => sha256(Uint8Array.of(0, ...b));
    const node = (l: Uint8Array, r: Uint8Array) => sha256(Uint8Array.of(1, ...l, ...r));
    const [a, b, c] = [Uint8Array.of(1), Uint8Array.of(2), Uint8Array.of(3)];
    expect(merkleHash([])).toEqual(sha256(new Uint8Array(0)));
    expect(merkleHash([a])).toEqual(leaf(a));
    expect(merkleHash([a, b, c])).toEqual(node(node(leaf(a), leaf(b)), leaf(c)));
  });
});
