// "Recompute my total paid from verified payments": every payment entry of the year is verified in
// the browser against the chain, and only proven entries of this member add their proven month
// amounts. The API's totals are then only a claim that this sum confirms or refutes. The bundles
// are those of the page's own statement (all of the year's entries, not a page of them).
import { useRootData, useT } from '../i18n/use-t';
import { fenText, recomputeDues, type DuesClaim, type DuesRecomputed } from '../lib/dues';
import { useRecompute } from '../lib/use-recompute';

export function DuesRecompute({ claim }: { claim: DuesClaim }) {
  const t = useT().dues;
  const rpcUrl = useRootData()?.rpcUrl ?? null;
  const { state, run: start } = useRecompute<DuesRecomputed>();
  const money = (fen: number) => t.yuan(fenText(fen));
  const run = () =>
    start((progress) => {
      const all = claim.entries.length;
      progress(0, all);
      return recomputeDues(claim, rpcUrl, (done) => progress(done, all));
    });
  return (
    <div className="recompute" data-testid="dues-recompute">
      <p className="muted small">{t.recomputeIntro}</p>
      <noscript>
        <p className="notice">{t.recomputeNoscript}</p>
      </noscript>
      <button type="button" className="btn btn-primary" onClick={() => void run()} disabled={state.kind === 'running'} data-testid="dues-recompute-run">
        {t.recompute}
      </button>
      <div className="recompute-result" role="status" aria-live="polite">
        {state.kind === 'running' ? <p>{t.recomputing(state.done, state.all)}</p> : null}
        {state.kind === 'error' ? <p className="form-error">{t.recomputeFailed(state.message)}</p> : null}
        {state.kind === 'done' ? (
          <div
            className={`banner ${state.result.matches ? 'banner-pass' : 'banner-fail'}`}
            data-testid="dues-recompute-result"
            data-match={String(state.result.matches)}
            data-sum={state.result.sumFen}
            data-proven={state.result.proven}
            data-all={state.result.all}
          >
            <p className="banner-title">{state.result.matches ? t.match : t.mismatch(money(state.result.claimedFen), money(state.result.sumFen))}</p>
            <p>{t.recomputed(money(state.result.sumFen), state.result.proven, state.result.all)}</p>
            {state.result.monthsDiffering.length > 0 ? <p>{t.monthMismatch(state.result.monthsDiffering.join('、'))}</p> : null}
            {state.result.unproven.length > 0 ? <p>{t.unproven(state.result.unproven.length)}</p> : null}
          </div>
        ) : null}
      </div>
    </div>
  );
}
