// "Recompute from proven entries" (points, dues): each entry's bundle is verified in the browser and
// only a verified one yields its value; the caller sums what was proven against the API's claim.
import { parseBundle, type ProofBundle } from '@lianjian/verify';
import { verifyQueued } from './verification';

/**
 * Verifies every entry's bundle against the chain and returns, in entry order, what `read` takes
 * from a verified bundle — null for an entry without a bundle, not verified, or that `read`
 * refuses. `onProgress` is told how many have finished.
 */
export async function proveEach<E extends { bundle: unknown }, T>(
  entries: readonly E[],
  rpcUrl: string | null,
  read: (bundle: ProofBundle, entry: E) => T | null,
  onProgress?: (done: number) => void,
): Promise<Array<T | null>> {
  let done = 0;
  return Promise.all(
    entries.map(async (e) => {
      let value: T | null = null;
      try {
        if (e.bundle) {
          const bundle = parseBundle(e.bundle);
          if ((await verifyQueued(bundle, { rpcUrl })).state === 'verified') value = read(bundle, e);
        }
      } catch {
        value = null;
      }
      onProgress?.(++done);
      return value;
    }),
  );
}
