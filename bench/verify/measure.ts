// The verification measurements, written once and run both in Node and in the browser bundle
// (browser-entry.ts): only @lianjian/verify and Web Crypto, no Node built-ins.
import { fromHex, verifyBundle, verifyInclusion, verifySnapshot, type ProofBundle, type SnapshotInput } from '@lianjian/verify';
import { sha256 } from '@noble/hashes/sha2.js';

export interface VerifyRates {
  bundlesPerSecond: number;
  inclusionPerSecond: number;
  librarySha256PerSecond: number;
  webCryptoSha256PerSecond: number;
}

/** Runs `fn` over and over for about `ms` milliseconds; returns calls per second. */
async function rate(ms: number, fn: () => unknown | Promise<unknown>, batch = 64): Promise<number> {
  let n = 0;
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < ms) {
    for (let i = 0; i < batch; i++) await fn();
    n += batch;
    t = performance.now();
  }
  return n / ((t - t0) / 1000);
}

export async function measureRates(bundles: ProofBundle[], ms: number): Promise<VerifyRates> {
  let i = 0;
  let failed = 0;
  const bundlesPerSecond = await rate(ms, async () => {
    const r = await verifyBundle(bundles[i++ % bundles.length]!);
    if (!r.verified) failed++;
  });
  if (failed) throw new Error(`${failed} bundles did not verify`);
  // The inclusion check alone (path from leaf to root), inputs already decoded.
  const decoded = bundles.map((b) => ({ leaf: fromHex(b.leaf, 32), index: b.index, size: b.batch.size, path: b.path.map((p) => fromHex(p, 32)), root: fromHex(b.batch.root, 32) }));
  let j = 0;
  const inclusionPerSecond = await rate(ms, () => {
    const d = decoded[j++ % decoded.length]!;
    if (!verifyInclusion(d.leaf, d.index, d.size, d.path, d.root).ok) throw new Error('inclusion failed');
  }, 256);
  const input = new Uint8Array(64).fill(7);
  const librarySha256PerSecond = await rate(ms, () => sha256(input), 1024);
  const webCryptoSha256PerSecond = await rate(ms, () => crypto.subtle.digest('SHA-256', input), 256);
  return { bundlesPerSecond, inclusionPerSecond, librarySha256PerSecond, webCryptoSha256PerSecond };
}

/** Milliseconds to verify the snapshot offline (every input's proof, the input root, the figures). */
export async function timeSnapshot(snapshot: ProofBundle, inputs: SnapshotInput[]): Promise<number> {
  const t = performance.now();
  const report = await verifySnapshot(snapshot, inputs);
  const ms = performance.now() - t;
  if (!report.verified) throw new Error(`snapshot did not verify: ${JSON.stringify(report.checks.filter((c) => !c.ok).slice(0, 3))}`);
  return ms;
}
