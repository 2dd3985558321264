import { useEffect, useRef, useState } from 'react';
import { useRevalidator } from 'react-router';
import type { ProofBundle } from '@lianjian/verify';
import { useRootData } from './root-data';
import { settle, type VerificationState } from './proof-state';
import { retryDelay, verifyQueued } from './verification';

export type { VerificationState } from './proof-state';

// Many badges on one page wait for the same batch: one reload of the page's data serves them all.
let lastRefresh = 0;
function refreshOnce(revalidate: () => unknown): void {
  if (Date.now() - lastRefresh < 900) return;
  lastRefresh = Date.now();
  void revalidate();
}

/**
 * Verifies a bundle in the browser once the page has loaded (never on the server). A record not
 * yet in a batch (no bundle) or whose batch is not anchored yet is not a failure: the page's
 * data is reloaded now and then until the anchor is there, and a chain node that could not
 * answer is asked again a few times before the badge says so.
 */
export function useVerification(bundle: ProofBundle | null, fields?: Record<string, unknown>): VerificationState {
  const rpcUrl = useRootData()?.rpcUrl ?? null;
  const revalidator = useRevalidator();
  const revalidate = useRef(revalidator.revalidate);
  revalidate.current = revalidator.revalidate;
  const [state, setState] = useState<VerificationState>({ status: 'waiting' });
  const fieldsKey = fields ? JSON.stringify(fields) : '';
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    if (!bundle) {
      // Waiting for a batch: look again with growing pauses.
      const poll = (attempt: number) => {
        const delay = retryDelay('anchoring', attempt);
        if (delay !== null) {
          timer = setTimeout(() => {
            refreshOnce(() => revalidate.current());
            poll(attempt + 1);
          }, delay);
        }
      };
      poll(0);
      return () => clearTimeout(timer);
    }
    setState({ status: 'waiting' });
    const run = (attempt: number) => {
      verifyQueued(bundle, { rpcUrl, ...(fields ? { fields } : {}) }).then(
        (outcome) => {
          if (!live) return;
          const next = settle(outcome, attempt);
          setState(next.state);
          if (next.retryInMs === null) return;
          timer = setTimeout(() => {
            if (!live) return;
            // A fresh bundle (now with its anchor) changes the dependencies and restarts this effect.
            if (next.refresh) refreshOnce(() => revalidate.current());
            run(attempt + 1);
          }, next.retryInMs);
        },
        (error: unknown) => live && setState({ status: 'error', message: error instanceof Error ? error.message : String(error) }),
      );
    };
    run(0);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // The bundle's leaf, root and anchor identify it; fields are compared by value.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [bundle?.leaf, bundle?.batch.root, bundle?.anchor?.txHash, rpcUrl, fieldsKey]);
  return state;
}
