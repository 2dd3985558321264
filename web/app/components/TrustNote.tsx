// What a chain check rested on, in plain words, for a record or a published snapshot: the root
// of trust a page verifies from (whose it is), which levels' validators signed the anchoring block
// ("由 4 个层级中的 3 个签署"), or why the root refused what the node served. Organisation and
// level names come from the root file, so they are data and stand in <bdi>; the refusal reason is
// the page's own sentence for its code.
import type { ChainTrust, SignerReport, TrustRefusalCode } from '@lianjian/verify';
import { Fragment } from 'react';
import { useT } from '../i18n/use-t';
import type { SiteTrust } from '../lib/site-trust';
import { TRUST_ROOT_PATH } from '../lib/site-trust';
import type { SnapshotTrust } from '../lib/snapshot';
import { chainTrustOf, trustRefusalOf, type Outcome } from '../lib/verification';
import { codeIn, isolatedIn } from './UserText';

/** The verify page's note: whose root of trust this site verifies from, or that it has none. */
export function SiteRootNote({ trust }: { trust: SiteTrust }) {
  const t = useT().trust;
  if (trust.mode === 'node') {
    return (
      <p className="banner banner-skip" data-testid="site-root" data-mode="node">
        {t.siteNoRoot}
      </p>
    );
  }
  if (trust.mode === 'broken') {
    return (
      <p className="banner banner-fail" data-testid="site-root" data-mode="broken" role="alert">
        {t.siteBroken}
      </p>
    );
  }
  const r = trust.root;
  return (
    <div className="card" data-testid="site-root" data-mode="root" data-chain-id={r.chainId}>
      <p>
        <strong>{isolatedIn(t.siteRoot, r.organisation)}</strong>
      </p>
      <p className="small">
        {t.siteRootDetail(r.height, r.validators.length)}<Names names={r.validators.map((v) => v.name)} />
      </p>
      <p className="small muted">
        {codeIn(t.siteRootChain, r.chainId)} ·{' '}
        <a href={TRUST_ROOT_PATH} download="trust-root.json">
          {t.siteRootDownload}
        </a>
      </p>
      <p className="small muted">{codeIn(t.siteRootCli, 'lianjian-verify --trust trust-root.json')}</p>
    </div>
  );
}

function Names({ names }: { names: Array<string | null> }) {
  const t = useT().trust;
  return (
    <>
      {names.map((n, i) => (
        <Fragment key={i}>
          {i > 0 ? t.namesSeparator : null}
          {n === null ? t.unnamed : <bdi>{n}</bdi>}
        </Fragment>
      ))}
    </>
  );
}

/** "Signed by 3 of 4 levels: A, B, C", names from the root of trust. */
export function SignedBy({ signers }: { signers: SignerReport }) {
  const t = useT().trust;
  const names = signers.validators.filter((v) => v.signed).map((v) => v.name);
  return (
    <p className="small" data-testid="trust-signers" data-signed={signers.signed} data-total={signers.total}>
      {t.signedBy(signers.signed, signers.total)}
      {t.signedByAt(signers.height)}
      {t.namesIntro}
      <Names names={names} />
    </p>
  );
}

/**
 * After a check: the root's refusal in plain words, who signed, or that the check trusted the node.
 * Nothing when the chain was not consulted or its check could not run for another reason.
 */
export function OutcomeTrust({ outcome }: { outcome: Outcome }) {
  return <ChainTrustNote refusal={trustRefusalOf(outcome.report)} site={outcome.site} trust={chainTrustOf(outcome.report)} />;
}

/** The same for a published snapshot: who signed its record's block, or why the root refused. */
export function SnapshotTrustNote({ trust }: { trust: SnapshotTrust | null }) {
  if (!trust) return null;
  return <ChainTrustNote refusal={trust.refusal} site={trust.site} trust={trust.chain} />;
}

function ChainTrustNote({ refusal, site, trust }: { refusal: TrustRefusalCode | null; site: SiteTrust | undefined; trust: ChainTrust | null }) {
  const t = useT().trust;
  if (refusal) {
    return (
      <p className="plain-reasons" data-testid="trust-refusal" data-code={refusal} role="alert">
        {t.refused}
        {t.reasons[refusal]}
      </p>
    );
  }
  if (site?.mode === 'broken') {
    return (
      <p className="small" data-testid="trust-broken">
        {t.siteBroken}
      </p>
    );
  }
  if (!trust) return null;
  // "Trusted the node" only when the site has no root: with one, the check never rests on the node's word.
  if (trust.mode === 'node') {
    return (
      <p className="small muted" data-testid="trust-node">
        {t.nodeTrusted}
      </p>
    );
  }
  return trust.signers ? <SignedBy signers={trust.signers} /> : null;
}

/** The failed check names PlainOutcome should leave to OutcomeTrust (a refusal is not a data mismatch). */
export function trustSkips(outcome: Outcome): string[] {
  return trustRefusalOf(outcome.report) ? ['chain'] : [];
}
