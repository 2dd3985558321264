// "Verified on chain" for one record: verified in the browser, with the batch and block height,
// the check details on demand (which levels signed the anchoring block, from the site's root of
// trust, or why the root refused the node's chain) and a download of the proof bundle.
import type { ProofBundle } from '@lianjian/verify';
import { useT } from '../i18n/use-t';
import { useLiveProof } from '../lib/live';
import { proofStateName } from '../lib/proof-state';
import { useVerification } from '../lib/use-verification';
import { CheckList } from './CheckList';
import { Folded } from './Folded';
import { PlainOutcome } from './PlainOutcome';
import { OutcomeTrust, trustSkips } from './TrustNote';
import { isolatedIn } from './UserText';

export interface ProofInfo {
  status: 'PENDING' | 'ANCHORED';
  batchSeq: number | null;
  index: number | null;
  anchor: { height: number; chainId: string } | null;
  bundle: unknown;
}

export function ProofStatus({
  proof,
  fields,
  downloadHref,
  what,
}: {
  proof: ProofInfo;
  /** Values this page shows from the record; they must equal the proven document's data. */
  fields?: Record<string, unknown>;
  downloadHref?: string;
  /** What the record is, for the download link's accessible name. */
  what: string;
}) {
  const t = useT();
  const bundle = (proof.bundle ?? null) as ProofBundle | null;
  const state = useVerification(bundle, fields);
  // Reloaded the moment its batch is anchored, rather than at the next look.
  useLiveProof(proof);
  let badge: { cls: string; text: string; sub?: string; title?: string };
  if (!bundle) {
    badge = { cls: 'pending', text: t.proof.pending, sub: t.proof.pendingText };
  } else if (state.status === 'waiting') {
    badge = { cls: 'waiting', text: t.proof.verifying };
  } else if (state.status === 'retrying' || (state.status === 'done' && state.outcome.state === 'anchoring')) {
    // Not checkable yet: never shown as failed (see lib/proof-state.ts).
    const anchoring = state.outcome.state === 'anchoring';
    badge = anchoring ? { cls: 'pending', text: t.proof.anchoring, sub: t.proof.anchoringText } : { cls: 'waiting', text: t.proof.retrying };
  } else if (state.status === 'error') {
    badge = { cls: 'fail', text: t.proof.failed, sub: state.message };
  } else {
    const o = state.outcome;
    const height = bundle.anchor?.height ?? proof.anchor?.height ?? null;
    const sub = height !== null && proof.batchSeq !== null ? t.proof.batchHeight(proof.batchSeq, height) : undefined;
    const title = height !== null && proof.batchSeq !== null ? t.proof.batchHeightTitle(proof.batchSeq, height) : undefined;
    if (o.state === 'verified') badge = { cls: 'pass', text: t.proof.verifiedOnChain, ...(sub ? { sub, title } : {}) };
    else if (o.state === 'offline') badge = { cls: 'pass', text: t.proof.offlineOnly, ...(sub ? { sub } : {}) };
    else if (o.state === 'undecided') badge = { cls: 'skip', text: t.proof.undecided, ...(sub ? { sub } : {}) };
    else badge = { cls: 'fail', text: t.proof.failed, ...(sub ? { sub } : {}) };
  }
  const checks = state.status === 'done' || state.status === 'retrying' ? state.outcome.report.checks : null;
  return (
    <div className="proof" data-testid="proof" data-proof-state={proofStateName(bundle !== null, state)}>
      <p className="proof-line" role="status" aria-live="polite">
        <span className={`badge badge-${badge.cls}`}>{badge.text}</span>
        {badge.sub ? (
          <span className="proof-sub" title={badge.title}>
            {badge.sub}
          </span>
        ) : null}
        {bundle && downloadHref ? (
          <a className="proof-download" href={downloadHref} download>
            <span aria-hidden="true">{t.proof.download}</span>
            <span className="visually-hidden">{isolatedIn(t.proof.downloadLabel, what)}</span>
          </a>
        ) : null}
      </p>
      {checks && bundle && (state.status === 'done' || state.status === 'retrying') ? (
        <details className="proof-details">
          <summary>{t.proof.details}</summary>
          <PlainOutcome bundle={bundle} outcome={state.outcome} skip={trustSkips(state.outcome)} />
          <OutcomeTrust outcome={state.outcome} />
          <Folded summary={t.verify.technical} testId="proof-technical">
            <CheckList checks={checks} provenAt={state.outcome.provenAt} />
            {bundle.anchor ? (
              <p className="small" data-testid="proof-heights">
                {t.verify.heights(bundle.anchor.height)}
                {state.outcome.provenAt !== null ? <> {t.verify.provenHeight(state.outcome.provenAt)}</> : null}
              </p>
            ) : null}
          </Folded>
        </details>
      ) : null}
    </div>
  );
}
