// A verification outcome in plain words: one sentence saying what is proven (the content is
// unchanged since it was written to the chain, at the anchoring time) or what failed, each failed
// check as a sentence in the page's language. The verifier's own (English) reasons stay with the
// technical detail.
import type { ProofBundle } from '@lianjian/verify';
import { useT } from '../i18n/use-t';
import { formatDateTime } from '../lib/format';
import { failedChecks, plainKey, type Outcome } from '../lib/verification';

/** The outcome in one plain sentence, and each failed check in plain words. */
export function PlainOutcome({ bundle, outcome, skip }: { bundle: ProofBundle; outcome: Outcome; skip?: string[] }) {
  const t = useT();
  const v = t.verify;
  const key = plainKey(outcome, bundle.anchor?.time);
  const failed = failedChecks(outcome.report).filter((n) => !skip?.includes(n));
  return (
    <>
      <p data-testid="verify-plain" data-plain={key}>
        {key === 'verified' ? v.plain.verified(formatDateTime(bundle.anchor!.time)) : v.plain[key]}
      </p>
      {failed.length ? (
        <ul className="plain-reasons">
          {failed.map((n) => (
            <li key={n} data-testid={`plain-reason-${n}`}>
              {v.failure[n] ?? v.failureOther}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
