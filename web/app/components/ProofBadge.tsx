// A row's proof state in a table: anchored (batch and height) or waiting for its batch. The full
// in-browser verification is ProofStatus, on a record's own page.
import { useT } from '../i18n/use-t';
import { useLiveProof } from '../lib/live';

export function ProofBadge({ proof }: { proof: { status: string; batchSeq: number | null; anchor: { height: number } | null } }) {
  const t = useT();
  // A waiting row turns anchored without a reload.
  useLiveProof(proof);
  return proof.status === 'ANCHORED' && proof.anchor ? (
    <span className="badge badge-anchored" title={t.proof.batchHeightTitle(proof.batchSeq ?? 0, proof.anchor.height)}>
      {t.proof.batchHeight(proof.batchSeq ?? 0, proof.anchor.height)}
    </span>
  ) : (
    <span className="badge badge-pending">{t.proof.pending}</span>
  );
}

/** The proof column's cell of a table row. */
export function ProofCell({ proof }: { proof: Parameters<typeof ProofBadge>[0]['proof'] }) {
  return (
    <td>
      <ProofBadge proof={proof} />
    </td>
  );
}
