// An independent, from-scratch RFC 9162 Merkle tree for tests: the recursive definitions of
// §2.1.1 (MTH) and §2.1.3.1 (PATH) written out literally, hashed with node:crypto. It shares no
// code with src/, so agreement between the two is evidence, not a tautology.
import { createHash } from 'node:crypto';

export function sha256(...parts: Uint8Array[]): Uint8Array {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return new Uint8Array(hash.digest());
}

export const refLeafHash = (entry: Uint8Array): Uint8Array => sha256(Uint8Array.of(0), entry);
const refNodeHash = (left: Uint8Array, right: Uint8Array): Uint8Array => sha256(Uint8Array.of(1), left, right);

/** The largest power of two smaller than n (n > 1), the split point k of §2.1.1. */
function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** Which side of the running hash a path element goes on. */
export type Side = 'left' | 'right';

/**
 * A fixed list of entries D[0:N]. MTH(D[a:b]) depends only on (a, b), so it is memoised across
 * every tree size built over prefixes of D; that keeps "every size, every index" cheap.
 */
export class ReferenceLog {
  private readonly memo = new Map<string, Uint8Array>();

  constructor(readonly entries: Uint8Array[]) {}

  /** MTH(D[start:end]) per §2.1.1. */
  mth(start: number, end: number): Uint8Array {
    const n = end - start;
    if (n < 1) throw new Error('the reference only builds non-empty trees');
    const key = `${start}:${end}`;
    let hash = this.memo.get(key);
    if (!hash) {
      if (n === 1) hash = refLeafHash(this.entries[start]!);
      else {
        const k = split(n);
        hash = refNodeHash(this.mth(start, start + k), this.mth(start + k, end));
      }
      this.memo.set(key, hash);
    }
    return hash;
  }

  root(size: number): Uint8Array {
    return this.mth(0, size);
  }

  /** PATH(m, D[start:end]) per §2.1.3.1, leaf first, with the side each sibling sits on. */
  path(m: number, start: number, end: number): { hash: Uint8Array; side: Side }[] {
    const n = end - start;
    if (m < 0 || m >= n) throw new Error('index out of range');
    if (n === 1) return [];
    const k = split(n);
    if (m < k) return [...this.path(m, start, start + k), { hash: this.mth(start + k, end), side: 'right' }];
    return [...this.path(m - k, start + k, end), { hash: this.mth(start, start + k), side: 'left' }];
  }

  auditPath(index: number, size: number): Uint8Array[] {
    return this.path(index, 0, size).map((step) => step.hash);
  }

  sides(index: number, size: number): Side[] {
    return this.path(index, 0, size).map((step) => step.side);
  }
}

/** Deterministic entries of varying length (0..40 bytes) so no two leaves collide. */
export function sampleEntries(count: number): Uint8Array[] {
  return Array.from({ length: count }, (_, i) => new TextEncoder().encode(`entry-${i}-${'x'.repeat(i % 31)}`));
}
