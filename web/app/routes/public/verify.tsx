// The public verify page: anyone drops or pastes a proof bundle and every check runs in their
// browser with @lianjian/verify — the document hash, the audit path, and the batch root in the
// chain's state at a signed height. The web server only serves the page and the root of trust it
// was given at deploy time: chain headers are verified from that root with light-client rules, and
// the page says whose root it is, which levels signed the anchoring block, or why the root refused
// what the node served. A published analytics snapshot file (the snapshot's bundle with its
// inputs) is recognised and checked in full, from the same root, saying the same of its block.
import { parseBundle, parseJson, type ProofBundle } from '@lianjian/verify';
import { useEffect, useId, useRef, useState, type DragEvent, type FormEvent } from 'react';
import { useLoaderData } from 'react-router';
import type { Route } from './+types/verify';
import { CheckList } from '../../components/CheckList';
import { TransferLetterCheck } from '../../components/TransferLetterCheck';
import { Folded } from '../../components/Folded';
import { PlainOutcome } from '../../components/PlainOutcome';
import { RecordFacts, RecordTable } from '../../components/RecordTable';
import { SnapshotDetails, SnapshotFigures, SnapshotProgress, SnapshotVerdict } from '../../components/SnapshotReport';
import { OutcomeTrust, SiteRootNote, trustSkips } from '../../components/TrustNote';
import { codeIn } from '../../components/UserText';
import '../../components/Dashboard.css';
import { useT } from '../../i18n/use-t';
import { useRootData } from '../../lib/root-data';
import { titleFor } from '../../lib/meta';
import { primeSiteTrust } from '../../lib/site-trust';
import type { loader } from './verify.server';
import { useHydrated } from '../../lib/use-hydrated';
import { verifyInBrowser, type Outcome } from '../../lib/verification';
import { isSnapshotFile, parseSnapshotFile, verifySnapshotWithProgress, type SnapshotFile } from '../../lib/snapshot';
import type { SnapshotState } from '../../lib/snapshot-verification';

export { loader } from './verify.server';

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.verify.title);

// Snapshot files carry every input's proof (about 3 KB each).
const MAX_FILE_MB = 20;

type Phase =
  | { phase: 'idle' }
  | { phase: 'running' }
  | { phase: 'unreadable'; message: string }
  | { phase: 'done'; bundle: ProofBundle; outcome: Outcome }
  | { phase: 'snapshot'; file: SnapshotFile; state: SnapshotState };

export default function Verify() {
  const t = useT();
  const root = useRootData();
  const { trust, letter } = useLoaderData<typeof loader>();
  const hydrated = useHydrated();
  // The checks below verify from the root the server read for this page (no second request).
  useEffect(() => primeSiteTrust(trust), [trust]);
  const [text, setText] = useState('');
  const [rpcUrl, setRpcUrl] = useState(root?.rpcUrl ?? '');
  const [offline, setOffline] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [state, setState] = useState<Phase>({ phase: 'idle' });
  const [fileName, setFileName] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const ids = { file: useId(), text: useId(), rpc: useId(), hint: useId() };

  /** What `parse` reads from the input, or null with the page saying why it cannot be read. */
  function readable<T>(parse: () => T): T | null {
    try {
      return parse();
    } catch (error) {
      setState({ phase: 'unreadable', message: error instanceof Error ? error.message : String(error) });
      return null;
    }
  }

  async function run(input: string) {
    if (!input.trim()) {
      setState({ phase: 'unreadable', message: t.verify.empty });
      return;
    }
    setState({ phase: 'running' });
    let json: unknown;
    try {
      json = parseJson(input);
    } catch {
      json = undefined;
    }
    if (isSnapshotFile(json)) {
      await runSnapshot(json);
      return;
    }
    const bundle = readable(() => parseBundle(input));
    if (!bundle) return;
    const outcome = await verifyInBrowser(bundle, { rpcUrl: offline || !rpcUrl.trim() ? null : rpcUrl.trim(), trust });
    setState({ phase: 'done', bundle, outcome });
  }

  async function runSnapshot(json: unknown) {
    const file = readable(() => parseSnapshotFile(json));
    if (!file) return;
    const total = file.inputs.length;
    const show = (s: SnapshotState) => setState({ phase: 'snapshot', file, state: s });
    show({ phase: 'checking', checked: 0, total });
    let last = 0;
    // The same root of trust (and page checker) as a record pasted here.
    const outcome = await verifySnapshotWithProgress(file, {
      rpcUrl: offline || !rpcUrl.trim() ? null : rpcUrl.trim(),
      trust,
      onProgress: (p) => {
        if (p.checked === p.total || p.checked - last >= Math.max(1, Math.floor(p.total / 50))) {
          last = p.checked;
          show(p.checked === p.total ? { phase: 'recomputing', total } : { phase: 'checking', checked: p.checked, total });
        }
      },
    });
    show({ phase: 'done', outcome, total });
  }

  async function takeFile(file: File | undefined) {
    if (!file) return;
    setFileName(file.name);
    if (file.size > MAX_FILE_MB * 1024 * 1024) {
      setState({ phase: 'unreadable', message: t.verify.fileTooBig(MAX_FILE_MB) });
      return;
    }
    let content: string;
    try {
      content = await file.text();
    } catch {
      setState({ phase: 'unreadable', message: t.verify.fileReadError });
      return;
    }
    setText(content);
    await run(content);
  }

  function onDrop(e: DragEvent) {
    e.preventDefault();
    setDragging(false);
    void takeFile(e.dataTransfer.files[0]);
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    void run(text);
  }

  function clear() {
    setText('');
    setFileName(null);
    setState({ phase: 'idle' });
    if (fileRef.current) fileRef.current.value = '';
  }

  return (
    <section className="page" aria-labelledby="verify-title">
      <h1 id="verify-title">{t.verify.title}</h1>
      <p className="lead">{codeIn(t.verify.intro, 'application/vnd.lianjian.proof+json')}</p>
      <SiteRootNote trust={trust} />
      <noscript>
        <p className="form-error">{t.verify.noscript}</p>
      </noscript>
      {/* A printed transfer letter's code (its QR code opens this page with it): its answer first. */}
      {letter ? <TransferLetterCheck lookup={letter} /> : null}
      <div className="verify-layout">
        <form className="card form" onSubmit={onSubmit} data-ready={hydrated ? 'true' : 'false'} aria-label={t.verify.title}>
          <label htmlFor={ids.file}>{t.verify.dropLabel}</label>
          <div
            className={dragging ? 'dropzone dragging' : 'dropzone'}
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
          >
            <input
              ref={fileRef}
              id={ids.file}
              type="file"
              accept=".json,application/json,application/vnd.lianjian.proof+json"
              onChange={(e) => void takeFile(e.target.files?.[0])}
              aria-describedby={ids.hint}
              disabled={!hydrated}
            />
            <p id={ids.hint} className="muted">
              {fileName ?? t.verify.dropHint}
            </p>
          </div>
          <label htmlFor={ids.text}>{t.verify.pasteLabel}</label>
          <textarea
            id={ids.text}
            name="bundle"
            rows={10}
            spellCheck={false}
            value={text}
            placeholder={t.verify.pastePlaceholder}
            onChange={(e) => setText(e.target.value)}
            className="mono"
          />
          <details className="advanced">
            <summary>{t.verify.advanced}</summary>
            <label htmlFor={ids.rpc}>{t.verify.rpcLabel}</label>
            <input id={ids.rpc} name="rpc" value={rpcUrl} onChange={(e) => setRpcUrl(e.target.value)} spellCheck={false} className="mono" />
            <p className="muted small">{t.verify.rpcHint}</p>
            <label className="checkbox">
              <input type="checkbox" checked={offline} onChange={(e) => setOffline(e.target.checked)} /> {t.verify.offline}
            </label>
          </details>
          <p className="actions">
            <button type="submit" className="btn btn-primary" disabled={!hydrated || state.phase === 'running' || (state.phase === 'snapshot' && state.state.phase !== 'done')}>
              {state.phase === 'running' ? t.verify.running : t.verify.run}
            </button>
            <button type="button" className="btn" onClick={clear} disabled={!hydrated}>
              {t.verify.clear}
            </button>
          </p>
          <p className="muted small">{codeIn(t.verify.cli, t.verify.cliCommand)}</p>
        </form>
        <div className="verify-result" aria-live="polite" data-testid="verify-result" data-phase={state.phase} data-state={state.phase === 'done' ? state.outcome.state : state.phase === 'snapshot' && state.state.phase === 'done' ? state.state.outcome.verdict : ''}>
          <Result state={state} />
        </div>
      </div>
      {letter ? null : <TransferLetterCheck lookup={null} />}
    </section>
  );
}

function Result({ state }: { state: Phase }) {
  const t = useT();
  if (state.phase === 'idle') return null;
  if (state.phase === 'running') return <p className="banner banner-waiting">{t.verify.running}</p>;
  if (state.phase === 'snapshot') return <SnapshotResult file={state.file} state={state.state} />;
  if (state.phase === 'unreadable') {
    return (
      <div className="banner banner-fail" role="alert">
        <p className="banner-title">{t.verify.unreadable}</p>
        <p>
          {t.verify.unreadableText} <span lang="en" data-testid="unreadable-reason">{state.message}</span>
        </p>
      </div>
    );
  }
  const { bundle, outcome } = state;
  const banner = {
    verified: { cls: 'pass', title: t.verify.verified },
    offline: { cls: 'pass', title: t.verify.offlineOk },
    failed: { cls: 'fail', title: t.verify.notVerified },
    undecided: { cls: 'skip', title: t.verify.undecided },
    anchoring: { cls: 'skip', title: t.proof.anchoring },
  }[outcome.state];
  return (
    <>
      <div className={`banner banner-${banner.cls}`} role={outcome.state === 'failed' ? 'alert' : 'status'}>
        <p className="banner-title" data-testid="verify-verdict">
          {banner.title}
        </p>
        <PlainOutcome bundle={bundle} outcome={outcome} skip={trustSkips(outcome)} />
        <OutcomeTrust outcome={outcome} />
      </div>
      <h2 className="h3">{t.verify.record}</h2>
      <RecordFacts bundle={bundle} proven={outcome.state === 'verified'} />
      <RecordTable data={bundle.document.data} />
      <Folded summary={t.verify.technical} testId="verify-technical">
        <TechnicalDetail bundle={bundle} outcome={outcome} />
      </Folded>
    </>
  );
}

/** Hashes, path, heights (each explained) and the checks with the verifier's own words. */
function TechnicalDetail({ bundle, outcome }: { bundle: ProofBundle; outcome: Outcome }) {
  const t = useT();
  const v = t.verify;
  const doc = bundle.document;
  return (
    <>
      <p className="muted small">{v.verifiedText(bundle.batch.seq, outcome.provenAt)}</p>
      <h3 className="h3">{v.checks}</h3>
      {/* This page shows no fields of its own, so check (4) does not apply here. */}
      <CheckList checks={outcome.report.checks.filter((c) => c.name !== 'fields')} provenAt={outcome.provenAt} />
      {bundle.anchor ? (
        <p data-testid="verify-heights">
          {v.heights(bundle.anchor.height)}
          {outcome.provenAt !== null ? <> {v.provenHeight(outcome.provenAt)}</> : null}
        </p>
      ) : null}
      <dl className="facts">
        <dt>{v.type}</dt>
        <dd className="mono">{doc.type}</dd>
        <dt>{v.id}</dt>
        <dd className="mono">{doc.id}</dd>
        <dt>{v.at}</dt>
        <dd className="mono">{doc.at}</dd>
        <dt>{v.batch}</dt>
        <dd>
          {bundle.batch.seq} · {v.leafIndex} {bundle.index} / {bundle.batch.size}
        </dd>
        <dt>{v.leaf}</dt>
        <dd className="mono small break">{bundle.leaf}</dd>
        <dt>{v.root}</dt>
        <dd className="mono small break">{bundle.batch.root}</dd>
        <dt>{v.path}</dt>
        <dd className="mono small break">{bundle.path.length ? bundle.path.join(' ') : '—'}</dd>
        <dt>{v.anchoredAt}</dt>
        <dd>
          {bundle.anchor ? (
            <>
              {v.chainId} {bundle.anchor.chainId} · {v.height} {bundle.anchor.height} · {bundle.anchor.time}
              <br />
              <span className="mono small">
                {v.tx} {bundle.anchor.txHash}
              </span>
            </>
          ) : (
            v.notAnchored
          )}
        </dd>
      </dl>
    </>
  );
}

function SnapshotResult({ file, state }: { file: SnapshotFile; state: SnapshotState }) {
  const t = useT();
  const a = t.analytics;
  const figures = (file.snapshot.document.data as { figures?: Record<string, unknown> }).figures ?? {};
  const outcome = state.phase === 'done' ? state.outcome : null;
  return (
    <div data-testid="snapshot-result">
      <p className="muted">{a.verifyPage.snapshotDetected(file.inputs.length)}</p>
      {state.phase === 'done' ? (
        <div data-testid="verify-verdict">
          <SnapshotVerdict outcome={state.outcome} total={state.total} />
        </div>
      ) : (
        <SnapshotProgress state={state} />
      )}
      <SnapshotDetails outcome={outcome} />
      <SnapshotFigures figures={figures} outcome={outcome} />
    </div>
  );
}
