// The state of a "recompute from proven entries" button (points, dues): idle, running with how many
// entries are verified, done with the result, or failed with the reason.
import { useState } from 'react';

export type RecomputeState<R> = { kind: 'idle' } | { kind: 'running'; done: number; all: number } | { kind: 'done'; result: R } | { kind: 'error'; message: string };

/** `run(work)`: work reports progress as (done, all) and returns the result. */
export function useRecompute<R>() {
  const [state, setState] = useState<RecomputeState<R>>({ kind: 'idle' });
  const run = async (work: (progress: (done: number, all: number) => void) => Promise<R>) => {
    setState({ kind: 'running', done: 0, all: 0 });
    try {
      const result = await work((done, all) => setState({ kind: 'running', done, all }));
      setState({ kind: 'done', result });
    } catch (error) {
      setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };
  return { state, run };
}
