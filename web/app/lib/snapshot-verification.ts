// Verifying a published snapshot in the browser from its id: wait until the snapshot record is
// anchored, page through its inputs with their proofs (waiting for any still pending), then run
// every check with progress. Used by the snapshot page and by the dashboard's figures.
import type { ProofBundle, SnapshotInput } from '@lianjian/verify';
import { useEffect, useState } from 'react';
import { useRootData } from './root-data';
import { toSnapshotInput, verifySnapshotWithProgress, type InputPage, type SnapshotOutcome } from './snapshot';

export type SnapshotState =
  | { phase: 'anchoring' }
  | { phase: 'fetching'; fetched: number; total: number }
  | { phase: 'inputsPending'; pending: number }
  | { phase: 'checking'; checked: number; total: number }
  | { phase: 'recomputing'; total: number }
  | { phase: 'done'; outcome: SnapshotOutcome; total: number }
  | { phase: 'error'; message: string };

/** What /snapshots/:id/inputs.json answers. */
export interface InputsResponse {
  snapshot: { status: string; batchSeq: number | null; bundle: unknown } | null;
  page: InputPage;
}

const POLL_MS = 1500;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function getJson(url: string): Promise<InputsResponse> {
  const res = await fetch(url, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
  const body = (await res.json().catch(() => null)) as (InputsResponse & { message?: string }) | null;
  if (!res.ok || !body) throw new Error(body?.message ?? `HTTP ${res.status}`);
  return body;
}

const isAnchored = (bundle: unknown): boolean => typeof bundle === 'object' && bundle !== null && (bundle as ProofBundle).anchor != null;

/** The first attempts end at once; a verdict that is only "not yet" (pending, undecided) is asked again after this many ms. */
export function snapshotRetryDelay(verdict: string, attempt: number): number | null {
  if (verdict !== 'pending' && verdict !== 'undecided') return null;
  if (attempt >= (verdict === 'pending' ? 40 : 8)) return null;
  return Math.min(1500 * 2 ** Math.min(attempt, 2), 6000);
}

/**
 * Verifies until the verdict is final: a snapshot or input that is not anchored yet, or a chain
 * node that cannot answer yet, is shown as such and checked again by itself.
 */
export async function runSnapshotVerification(id: string, rpcUrl: string | null, set: (s: SnapshotState) => void, live: () => boolean): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const verdict = await verifyOnce(id, rpcUrl, set, live);
    const delay = verdict === null ? null : snapshotRetryDelay(verdict, attempt);
    if (delay === null || !live()) return;
    await sleep(delay);
    if (!live()) return;
  }
}

async function verifyOnce(id: string, rpcUrl: string | null, set: (s: SnapshotState) => void, live: () => boolean): Promise<string | null> {
  const base = `/snapshots/${encodeURIComponent(id)}/inputs.json`;
  let snapshot: ProofBundle | null = null;
  let first: InputsResponse;
  for (;;) {
    first = await getJson(base);
    if (!live()) return null;
    // In a batch is not yet on chain: wait for the anchor rather than check what cannot pass yet.
    if (first.snapshot?.bundle && isAnchored(first.snapshot.bundle)) {
      snapshot = first.snapshot.bundle as ProofBundle;
      break;
    }
    set({ phase: 'anchoring' });
    await sleep(POLL_MS);
  }
  const total = first.page.totalCount;
  const inputs: SnapshotInput[] = [];
  let page = first.page;
  let after: string | null = null;
  set({ phase: 'fetching', fetched: 0, total });
  for (;;) {
    const pending = page.nodes.filter((n) => !isAnchored(n.proof?.bundle)).length;
    if (pending > 0) {
      // Recently changed members may not be in a batch yet: ask for this page again.
      set({ phase: 'inputsPending', pending });
      await sleep(POLL_MS);
      if (!live()) return null;
      page = (await getJson(after ? `${base}?after=${encodeURIComponent(after)}` : base)).page;
      continue;
    }
    for (const n of page.nodes) inputs.push(toSnapshotInput(n)!);
    set({ phase: 'fetching', fetched: inputs.length, total });
    if (!page.hasNextPage || !page.endCursor) break;
    after = page.endCursor;
    page = (await getJson(`${base}?after=${encodeURIComponent(after)}`)).page;
    if (!live()) return null;
  }
  let last = 0;
  const outcome = await verifySnapshotWithProgress(
    { snapshot, inputs },
    {
      rpcUrl,
      onProgress: (p) => {
        // Redraw at most every few inputs: hundreds of state updates would slow the checks.
        if (live() && (p.checked === p.total || p.checked - last >= Math.max(1, Math.floor(p.total / 50)))) {
          last = p.checked;
          set(p.checked === p.total ? { phase: 'recomputing', total } : { phase: 'checking', checked: p.checked, total: p.total });
        }
      },
    },
  );
  if (live()) set({ phase: 'done', outcome, total });
  return outcome.verdict;
}

/** Verifies the snapshot `id` once the page runs in the browser (null: nothing to verify). */
export function useSnapshotVerification(id: string | null): SnapshotState | null {
  const rpcUrl = useRootData()?.rpcUrl ?? null;
  const [state, setState] = useState<SnapshotState | null>(null);
  useEffect(() => {
    if (!id) return;
    let alive = true;
    setState({ phase: 'fetching', fetched: 0, total: 0 });
    runSnapshotVerification(id, rpcUrl, (s) => alive && setState(s), () => alive).catch(
      (error: unknown) => alive && setState({ phase: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      alive = false;
    };
  }, [id, rpcUrl]);
  return state;
}
