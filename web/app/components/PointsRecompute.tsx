// "Recompute my total from verified entries": fetches the proofs of the entries my total counts,
// verifies each in the browser and shows whether their sum matches the API's total.
import { useRootData, useT } from '../i18n/use-t';
import { recomputeTotal, type ProofsAnswer, type Recomputed } from '../lib/points';
import { useRecompute } from '../lib/use-recompute';

export function PointsRecompute() {
  const t = useT().points;
  const rpcUrl = useRootData()?.rpcUrl ?? null;
  const { state, run: start } = useRecompute<Recomputed>();
  const run = () =>
    start(async (progress) => {
      const res = await fetch('/me/points/proofs.json', { headers: { accept: 'application/json' }, credentials: 'same-origin' });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const answer = (await res.json()) as ProofsAnswer;
      const all = answer.entries.length;
      progress(0, all);
      return recomputeTotal(answer, rpcUrl, (done) => progress(done, all));
    });
  return (
    <div className="recompute" data-testid="recompute">
      <p className="muted small">{t.recomputeIntro}</p>
      <noscript>
        <p className="notice">{t.recomputeNoscript}</p>
      </noscript>
      <button type="button" className="btn btn-primary" onClick={() => void run()} disabled={state.kind === 'running'}>
        {t.recompute}
      </button>
      <div className="recompute-result" role="status" aria-live="polite">
        {state.kind === 'running' ? <p>{t.recomputing(state.done, state.all)}</p> : null}
        {state.kind === 'error' ? <p className="form-error">{t.recomputeFailed(state.message)}</p> : null}
        {state.kind === 'done' ? (
          <div className={`banner ${state.result.matches ? 'banner-pass' : 'banner-fail'}`} data-testid="recompute-result" data-match={String(state.result.matches)} data-sum={state.result.sum}>
            <p className="banner-title">{state.result.matches ? t.match : t.mismatch(state.result.claimedTotal, state.result.sum)}</p>
            <p>{t.recomputed(state.result.sum, state.result.proven, state.result.all)}</p>
            {state.result.unproven.length > 0 ? <p>{t.unproven(state.result.unproven.length)}</p> : null}
          </div>
        ) : null}
      </div>
    </div>
  );
}
