// "Recompute my total from verified entries": fetches the proofs of the entries my total counts,
// verifies each in the browser and shows whether their sum matches the API's total.
import { useT } from '../i18n/use-t';
import { useRootData } from '../lib/root-data';
import { recomputeTotal, type ProofsAnswer, type Recomputed } from '../lib/points';
import { Recompute } from './Recompute';

export function PointsRecompute() {
  const t = useT().points;
  const rpcUrl = useRootData()?.rpcUrl ?? null;
  return (
    <Recompute<Recomputed>
      text={t}
      testId="recompute"
      work={async (progress) => {
        const res = await fetch('/me/points/proofs.json', { headers: { accept: 'application/json' }, credentials: 'same-origin' });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        const answer = (await res.json()) as ProofsAnswer;
        const all = answer.entries.length;
        progress(0, all);
        return recomputeTotal(answer, rpcUrl, (done) => progress(done, all));
      }}
    >
      {(r) => (
        <div className={`banner ${r.matches ? 'banner-pass' : 'banner-fail'}`} data-testid="recompute-result" data-match={String(r.matches)} data-sum={r.sum}>
          <p className="banner-title">{r.matches ? t.match : t.mismatch(r.claimedTotal, r.sum)}</p>
          <p>{t.recomputed(r.sum, r.proven, r.all)}</p>
          {r.unproven.length > 0 ? <p>{t.unproven(r.unproven.length)}</p> : null}
        </div>
      )}
    </Recompute>
  );
}
