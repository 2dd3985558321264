// Per-request DataLoaders. Each batches the loads of one request into one query, so a connection
// page costs the same number of queries whatever its size.
import DataLoader from 'dataloader';
import type { OrgUnit, PrismaClient } from '@lianjian/db';
import type { RecordProof } from '@lianjian/indexer/proof';
import type { ApiConfig } from './config.js';
import { getProofsCached } from './layer-cache.js';

export interface RecordKey {
  type: string;
  id: string;
  version: number;
}

/** A record version's proof (@lianjian/indexer's getProofs), with the key it was asked by. */
export type LoadedProof = RecordProof & { key: RecordKey };

export interface Loaders {
  proof: DataLoader<RecordKey, LoadedProof | null, string>;
  orgUnit: DataLoader<string, OrgUnit | null>;
}

/**
 * DataLoader's default dispatches once the current microtask queue has drained, so loads issued
 * after any I/O callback or process.nextTick fall into another batch. setImmediate dispatches at
 * the end of the event loop turn instead: loads issued by callbacks that complete in the same
 * turn (e.g. two queries of one request answered together) share one query. What split
 * memberSteps' proofs into two queries was the row rule's unit lookup between the member's and
 * the steps' proofs; auth/access.ts skips it where the rule does not read the path, or takes the
 * unit loaded with the row.
 */
const endOfTurn = (dispatch: () => void) => void setImmediate(dispatch);

export function createLoaders(prisma: PrismaClient, config: ApiConfig): Loaders {
  return {
    proof: new DataLoader(
      async (keys) => {
        // Paths from the process's batch-layer cache, checked against the rows' versions on every
        // request (shared/layer-cache.ts); getProofs itself when the cache is off.
        const proofs = await getProofsCached(prisma, keys, config.chainId ? { chainId: config.chainId } : {});
        return proofs.map((p, i) => (p ? { ...p, key: keys[i]! } : null));
      },
      { cacheKeyFn: (k) => `${k.type}:${k.id}:${k.version}`, maxBatchSize: 1000, batchScheduleFn: endOfTurn },
    ),
    orgUnit: new DataLoader(
      async (ids) => {
        const rows = await prisma.orgUnit.findMany({ where: { id: { in: [...ids] } } });
        const byId = new Map(rows.map((r) => [r.id, r]));
        return ids.map((id) => byId.get(id) ?? null);
      },
      { batchScheduleFn: endOfTurn },
    ),
  };
}
