// The verify page's check of a printed transfer letter: the code (typed in, or from the letter's
// QR code, which opens /verify?code=…) goes to the server with a plain GET, and the answer shows
// only what the paper already says — valid until, status, issuing unit, the member's name partly
// hidden — with the letter's record proof verified here in the browser, the shown status and the
// code held against the proven document.
import { Form } from 'react-router';
import { useT } from '../i18n/use-t';
import type { LetterLookup } from '../routes/transfers/letter-check.server';
import { Refusal } from './Notice';
import { ProofStatus, type ProofInfo } from './ProofStatus';

export function TransferLetterCheck({ lookup }: { lookup: LetterLookup | null }) {
  const t = useT();
  const c = t.transfers.check;
  const r = lookup?.result ?? null;
  return (
    <section className="card" aria-labelledby="letter-check-title" data-testid="letter-check">
      <h2 id="letter-check-title" className="h3">
        {c.title}
      </h2>
      <p className="muted">{c.intro}</p>
      <Form method="get" className="inline-form" action="/verify">
        <label htmlFor="letter-code">{c.code}</label>
        <input id="letter-code" name="code" defaultValue={lookup?.code ?? ''} maxLength={64} spellCheck={false} autoComplete="off" className="mono" required />
        <button type="submit" className="btn btn-primary" data-testid="letter-check-submit">
          {c.submit}
        </button>
      </Form>
      <Refusal error={lookup?.error ?? null} testId="letter-check-error" />
      {lookup && !lookup.error ? (
        r ? (
          <div data-testid="letter-check-result" data-found="true" data-status={r.status}>
            <p className="banner banner-pass">{c.found}</p>
            <dl className="facts">
              <dt>{c.validUntil}</dt>
              <dd data-testid="letter-valid-until">{r.lastValidDay}</dd>
              <dt>{c.status}</dt>
              <dd>
                {t.transfers.statuses[r.status] ?? r.status}
                {r.lapsed ? ` · ${c.lapsed}` : ''}
              </dd>
              <dt>{c.from}</dt>
              <dd>
                <bdi>{r.fromUnitName}</bdi>
              </dd>
              <dt>{c.member}</dt>
              <dd data-testid="letter-member">
                <bdi>{r.memberNameMasked}</bdi>
              </dd>
              <dt>{c.proof}</dt>
              <dd>
                {r.proof ? (
                  // The recorded status and the code typed in must be the proven document's.
                  <ProofStatus proof={r.proof as ProofInfo} fields={{ status: r.status, verifyCode: lookup.code.replace(/[\s-]/g, '').toUpperCase() }} what={c.what} />
                ) : null}
              </dd>
            </dl>
          </div>
        ) : (
          <p className="banner banner-fail" data-testid="letter-check-result" data-found="false">
            {c.notFound}
          </p>
        )
      ) : null}
    </section>
  );
}
