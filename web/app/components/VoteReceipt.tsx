// The ballot receipt, shown once right after casting, with a copy button and a plain warning to
// keep it: the system stores only its hash.
import { useState } from 'react';
import { useT } from '../i18n/use-t';
import { useHydrated } from '../lib/use-hydrated';

export function VoteReceipt({ receipt, receiptHash }: { receipt: string; receiptHash: string }) {
  const v = useT().votes;
  const hydrated = useHydrated();
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(receipt);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <article className="card receipt-card" aria-labelledby="receipt-title" role="alert" data-testid="receipt-card">
      <h2 id="receipt-title">{v.receiptTitle}</h2>
      <p className="receipt-warning">{v.receiptOnce}</p>
      <p className="receipt-code">
        <code data-testid="receipt">{receipt}</code>
      </p>
      {hydrated ? (
        <p>
          <button type="button" className="btn btn-primary" onClick={copy} data-testid="copy-receipt">
            {v.copy}
          </button>{' '}
          <span role="status" className="small">
            {copied === 'yes' ? v.copied : copied === 'failed' ? v.copyFailed : ''}
          </span>
        </p>
      ) : null}
      <p className="small muted">
        {v.receiptHash}: <code className="break">{receiptHash}</code>
      </p>
    </article>
  );
}
