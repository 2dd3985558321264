// "Recompute my total paid from verified payments": every payment entry of the year is verified in
// the browser against the chain, and only proven entries of this member add their proven month
// amounts. The API's totals are then only a claim that this sum confirms or refutes. The bundles
// are those of the page's own statement (all of the year's entries, not a page of them).
import { useT } from '../i18n/use-t';
import { useRootData } from '../lib/root-data';
import { fenText, recomputeDues, type DuesClaim, type DuesRecomputed } from '../lib/dues';
import { Recompute } from './Recompute';

export function DuesRecompute({ claim }: { claim: DuesClaim }) {
  const t = useT().dues;
  const rpcUrl = useRootData()?.rpcUrl ?? null;
  const money = (fen: number) => t.yuan(fenText(fen));
  return (
    <Recompute<DuesRecomputed>
      text={t}
      testId="dues-recompute"
      buttonTestId="dues-recompute-run"
      work={(progress) => {
        const all = claim.entries.length;
        progress(0, all);
        return recomputeDues(claim, rpcUrl, (done) => progress(done, all));
      }}
    >
      {(r) => (
        <div className={`banner ${r.matches ? 'banner-pass' : 'banner-fail'}`} data-testid="dues-recompute-result" data-match={String(r.matches)} data-sum={r.sumFen} data-proven={r.proven} data-all={r.all}>
          <p className="banner-title">{r.matches ? t.match : t.mismatch(money(r.claimedFen), money(r.sumFen))}</p>
          <p>{t.recomputed(money(r.sumFen), r.proven, r.all)}</p>
          {r.monthsDiffering.length > 0 ? <p>{t.monthMismatch(r.monthsDiffering.join('、'))}</p> : null}
          {r.unproven.length > 0 ? <p>{t.unproven(r.unproven.length)}</p> : null}
        </div>
      )}
    </Recompute>
  );
}
