// "Recompute from proven entries" (points, dues): a button that verifies every entry in the
// browser and says how far it got, then what the recomputation found (`children`), or why it
// could not finish. The API's total is only a claim until this confirms it.
import type { ReactNode } from 'react';
import { useRecompute } from '../lib/use-recompute';

export interface RecomputeText {
  recomputeIntro: string;
  recomputeNoscript: string;
  recompute: string;
  recomputing: (done: number, all: number) => string;
  recomputeFailed: (message: string) => string;
}

export function Recompute<R>({
  text,
  testId,
  buttonTestId,
  work,
  children,
}: {
  text: RecomputeText;
  testId: string;
  buttonTestId?: string;
  /** Verifies the entries, reporting progress as (done, all), and returns what it found. */
  work: (progress: (done: number, all: number) => void) => Promise<R>;
  children: (result: R) => ReactNode;
}) {
  const { state, run } = useRecompute<R>();
  return (
    <div className="recompute" data-testid={testId}>
      <p className="muted small">{text.recomputeIntro}</p>
      <noscript>
        <p className="notice">{text.recomputeNoscript}</p>
      </noscript>
      <button type="button" className="btn btn-primary" onClick={() => void run(work)} disabled={state.kind === 'running'} data-testid={buttonTestId}>
        {text.recompute}
      </button>
      <div className="recompute-result" role="status" aria-live="polite">
        {state.kind === 'running' ? <p>{text.recomputing(state.done, state.all)}</p> : null}
        {state.kind === 'error' ? <p className="form-error">{text.recomputeFailed(state.message)}</p> : null}
        {state.kind === 'done' ? children(state.result) : null}
      </div>
    </div>
  );
}
