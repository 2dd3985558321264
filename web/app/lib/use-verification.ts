import { useEffect, useState } from 'react';
import type { ProofBundle } from '@lianjian/verify';
import { useRootData } from '../i18n/use-t';
import { verifyQueued, type Outcome } from './verification';

export type VerificationState = { status: 'waiting' } | { status: 'done'; outcome: Outcome } | { status: 'error'; message: string };

/** Verifies a bundle in the browser once the page has loaded (never on the server). */
export function useVerification(bundle: ProofBundle | null, fields?: Record<string, unknown>): VerificationState {
  const rpcUrl = useRootData()?.rpcUrl ?? null;
  const [state, setState] = useState<VerificationState>({ status: 'waiting' });
  const fieldsKey = fields ? JSON.stringify(fields) : '';
  useEffect(() => {
    if (!bundle) return;
    let live = true;
    setState({ status: 'waiting' });
    verifyQueued(bundle, { rpcUrl, ...(fields ? { fields } : {}) }).then(
      (outcome) => live && setState({ status: 'done', outcome }),
      (error: unknown) => live && setState({ status: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
    // The bundle's leaf and root identify it; fields are compared by value.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [bundle?.leaf, bundle?.batch.root, rpcUrl, fieldsKey]);
  return state;
}
