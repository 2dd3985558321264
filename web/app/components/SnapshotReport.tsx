// A snapshot's verification as people read it: progress while it runs, then the verdict with what
// the chain check rested on (who signed, from the site's root of trust, or why the root refused
// the node's chain), each kind of check with its reasons, each published figure with its
// recomputation result, and the inputs that failed. Shared by the snapshot page and the public
// verify page.
import type { SnapshotCheck } from '@lianjian/verify';
import { useT } from '../i18n/use-t';
import { Folded } from './Folded';
import { TableCard } from './TableCard';
import { SnapshotTrustNote } from './TrustNote';
import { figurePaths, type SnapshotOutcome, type SnapshotTrust } from '../lib/snapshot';
import type { SnapshotState } from '../lib/snapshot-verification';

const CHECK_ORDER = ['snapshot', 'inputList', 'inputRoot', 'input', 'figure', 'shown'] as const;

export function SnapshotProgress({ state }: { state: SnapshotState }) {
  const s = useT().analytics.snapshot;
  // Phases that count something show a progress bar of done out of total.
  const p: { text: string; done?: number; total?: number } | null =
    state.phase === 'anchoring'
      ? { text: s.anchoring }
      : state.phase === 'fetching'
        ? { text: s.fetching(state.fetched, state.total), done: state.fetched, total: state.total }
        : state.phase === 'inputsPending'
          ? { text: s.inputsPending(state.pending) }
          : state.phase === 'checking'
            ? { text: s.checking(state.checked, state.total), done: state.checked, total: state.total }
            : state.phase === 'recomputing'
              ? { text: s.recomputing }
              : null;
  if (!p) return null;
  return (
    <div className="banner banner-waiting" role="status" data-testid="snapshot-progress" data-phase={state.phase}>
      <p className="banner-title">{p.text}</p>
      {state.phase === 'anchoring' ? <p>{s.anchoringText}</p> : null}
      {p.done !== undefined && p.total !== undefined && p.total > 0 ? <progress value={p.done} max={p.total} aria-label={p.text} className="snapshot-progress" /> : null}
    </div>
  );
}

export function SnapshotVerdict({ outcome, total }: { outcome: SnapshotOutcome; total: number }) {
  const s = useT().analytics.snapshot;
  const v = {
    verified: { cls: 'pass', title: s.verified, text: s.verifiedText(total) },
    offline: { cls: 'pass', title: s.verified, text: s.verifiedText(total) },
    failed: { cls: 'fail', title: s.failed, text: s.failedText },
    pending: { cls: 'waiting', title: s.pending, text: s.pendingText },
    undecided: { cls: 'skip', title: s.undecided, text: s.undecidedText },
  }[outcome.verdict];
  return (
    <div className={`banner banner-${v.cls}`} role={outcome.verdict === 'failed' ? 'alert' : 'status'}>
      <p className="banner-title" data-testid="snapshot-verdict" data-verdict={outcome.verdict}>
        {v.title}
      </p>
      <p>{v.text}</p>
      <SnapshotTrustNote trust={outcome.trust} />
    </div>
  );
}

/**
 * One entry per kind of check: pass, or fail with every reason given for it. A kind that failed
 * only because the root of trust refused the node's chain says so, not that a record was changed.
 */
export function SnapshotChecks({ checks, trust }: { checks: SnapshotCheck[]; trust?: SnapshotTrust | null }) {
  const t = useT();
  const a = t.analytics;
  const refusal = trust?.refusal ?? null;
  const kinds = CHECK_ORDER.filter((k) => checks.some((c) => c.name === k));
  return (
    <ol className="checks" aria-label={a.snapshot.checks} data-testid="snapshot-checks">
      {kinds.map((k) => {
        const failed = checks.filter((c) => c.name === k && !c.ok);
        const passed = checks.find((c) => c.name === k && c.ok);
        const state = failed.length ? 'fail' : 'pass';
        return (
          <li key={k} className={`check check-${state}`} data-check={k} data-state={state}>
            <span className="check-icon" aria-hidden="true">
              {state === 'pass' ? '✓' : '✗'}
            </span>
            <div className="check-body">
              <p className="check-title">
                <strong>{a.checks[k] ?? k}</strong>{' '}
                <span className={`pill pill-${state}`} title={state === 'pass' ? passed?.reason || undefined : undefined}>
                  {state === 'pass' ? t.verify.pass : t.verify.fail}
                </span>
              </p>
              <p className="check-help">{a.checkHelp[k]}</p>
              {failed.length ? (
                <>
                  <p className="check-reason" data-testid={`snapshot-plain-${k}`} data-refused={refusal && trust?.refused.includes(k) ? refusal : undefined}>
                    {refusal && trust?.refused.includes(k) ? `${t.trust.refused}${t.trust.reasons[refusal]}` : (a.plainFailure[k] ?? t.verify.failureOther)}
                  </p>
                  <Folded summary={a.snapshot.technicalReasons} testId={`snapshot-technical-${k}`}>
                    {failed.slice(0, 20).map((c, i) => (
                      <p key={i} className="check-reason" lang="en" data-testid={`snapshot-reason-${k}`}>
                        {c.reason}
                      </p>
                    ))}
                    {failed.length > 20 ? <p className="check-reason">… +{failed.length - 20}</p> : null}
                  </Folded>
                </>
              ) : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}

/** What the recomputation checked and the inputs it verified; nothing until it has run. */
export function SnapshotDetails({ outcome }: { outcome: SnapshotOutcome | null }) {
  const a = useT().analytics;
  if (!outcome) return null;
  return (
    <>
      <h2 className="h3">{a.snapshot.checks}</h2>
      <SnapshotChecks checks={outcome.report.checks} trust={outcome.trust} />
      <SnapshotInputs outcome={outcome} />
    </>
  );
}

/** Each published figure with its value and whether the recomputation gave it. */
export function SnapshotFigures({ figures, outcome }: { figures: Record<string, unknown>; outcome: SnapshotOutcome | null }) {
  const a = useT().analytics;
  const t = useT();
  const failed = new Map<string, string>();
  for (const c of outcome?.report.checks ?? []) if (c.name === 'figure' && !c.ok && c.figure) failed.set(c.figure, c.reason ?? '');
  const recomputed = outcome?.report.checks.some((c) => c.name === 'figure') ?? false;
  const rows = figurePaths(figures);
  // A figure the recomputation has but the file lacks is failed too; list it after the others.
  for (const f of failed.keys()) if (!rows.some((r) => r.figure === f)) rows.push({ figure: f, value: '(missing)' });
  return (
    <TableCard testId="snapshot-figures" caption={a.snapshot.figures} showCaption columns={[a.snapshot.figure, { label: a.snapshot.value, num: true }, a.snapshot.result]}>
      {rows.map((r) => {
        const reason = failed.get(r.figure);
        const state = !recomputed ? 'waiting' : reason !== undefined ? 'fail' : 'pass';
        return (
          <tr key={r.figure} data-figure={r.figure} data-state={state}>
            <th scope="row" className="mono small">
              {r.figure}
            </th>
            <td className="num">{r.value}</td>
            <td>
              {state === 'waiting' ? (
                <span className="pill">…</span>
              ) : (
                <span className={`pill pill-${state}`} title={reason || undefined}>
                  {state === 'pass' ? t.verify.pass : t.verify.fail}
                </span>
              )}
              {reason !== undefined ? <span className="check-reason small"> {a.plainFailure.figure}</span> : null}
            </td>
          </tr>
        );
      })}
    </TableCard>
  );
}

/** The inputs whose own proof failed (all passing: one line saying so). */
export function SnapshotInputs({ outcome }: { outcome: SnapshotOutcome }) {
  const a = useT().analytics;
  const results = outcome.inputResults.filter(Boolean);
  const bad = results.filter((r) => !r.ok);
  return (
    <details className="card" data-testid="snapshot-inputs" open={bad.length > 0}>
      <summary>
        {a.verifyPage.inputsList}: {a.verifyPage.passCount(results.length - bad.length, results.length)}
      </summary>
      {bad.length ? (
        <>
          <h3 className="h3">{a.verifyPage.failingInputs}</h3>
          <ul>
            {bad.slice(0, 50).map((r) => (
              <li key={r.input} className="check-reason" lang="en">
                <span className="mono">{r.input}</span>: {r.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <ul className="input-list mono small">
        {results.slice(0, 500).map((r) => (
          <li key={r.input} data-state={r.ok ? 'pass' : 'fail'}>
            {r.ok ? '✓' : '✗'} {r.input}
          </li>
        ))}
        {results.length > 500 ? <li>… +{results.length - 500}</li> : null}
      </ul>
    </details>
  );
}
