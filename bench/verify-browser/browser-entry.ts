// Bundled by esbuild for the headless-Chromium run: the member portal's first view verified as the
// page does it — one proof set, one chain query per batch (verifyProofSet) — and, beside it, v1:
// each record’s bundle on its own with its own chain query (as v1 pages did before answers were shared).
import { createChainChecker, parseProofSet, parseTrustRoot, toBundles, verifyBundle, verifyProofSet, type ChainChecker } from '@lianjian/verify';

/** With `trust` (the chain's trust-root.json text), headers are followed from it by the light client, as the site does. */
function counting(rpcUrl: string, trust: string | null): { chain: ChainChecker; calls: () => number } {
  const inner = createChainChecker(rpcUrl, trust ? { trustRoot: parseTrustRoot(trust) } : {});
  let n = 0;
  return {
    chain: {
      checkBatchRoot: (...args) => {
        n++;
        return inner.checkBatchRoot(...args);
      },
    },
    calls: () => n,
  };
}

/** A cold first view: a new chain checker (no headers known), the set parsed and verified. */
async function verifySet(text: string, rpcUrl: string, trust: string | null): Promise<{ ms: number; verified: boolean; records: number; chainQueries: number }> {
  const t0 = performance.now();
  const { chain, calls } = counting(new URL(rpcUrl, location.href).toString(), trust);
  const report = await verifyProofSet(parseProofSet(JSON.parse(text)), { chain });
  return { ms: performance.now() - t0, verified: report.verified, records: report.records.length, chainQueries: calls() };
}

/** The same records as v1 bundles, each verified on its own (one chain query per record). */
async function verifyEach(text: string, rpcUrl: string, trust: string | null): Promise<{ ms: number; verified: boolean; records: number; chainQueries: number }> {
  const bundles = toBundles(parseProofSet(JSON.parse(text)));
  const t0 = performance.now();
  const { chain, calls } = counting(new URL(rpcUrl, location.href).toString(), trust);
  const reports = await Promise.all(bundles.map((b) => (b ? verifyBundle(b, { chain }) : Promise.resolve({ verified: false }))));
  return { ms: performance.now() - t0, verified: reports.every((r) => r.verified), records: bundles.length, chainQueries: calls() };
}

(globalThis as unknown as Record<string, unknown>).bench = { verifySet, verifyEach };
