// /snapshots/:id — a published snapshot: waits for its record to be anchored, then fetches its
// inputs with their proofs page by page and runs verifySnapshot in this browser, showing how many
// inputs are checked and the result per figure; the whole snapshot downloads as one JSON file.
import { Link, useLoaderData, useSearchParams } from 'react-router';
import type { Route } from './+types/snapshot';
import { Fact } from '../../components/Facts';
import { SnapshotDetails, SnapshotFigures, SnapshotProgress, SnapshotVerdict } from '../../components/SnapshotReport';
import { useT } from '../../i18n/use-t';
import { formatDateTime, formatNumber } from '../../lib/format';
import { titleFor } from '../../lib/meta';
import { useSnapshotVerification } from '../../lib/snapshot-verification';
import '../../components/Dashboard.css';
import type { loader } from './snapshot.server';

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.analytics.snapshot.title);

export { loader } from './snapshot.server';

export default function SnapshotPage() {
  const t = useT();
  const a = t.analytics;
  const { snapshot: s, unitName, anchor, batchSeq } = useLoaderData<typeof loader>();
  const state = useSnapshotVerification(s.id);
  const outcome = state?.phase === 'done' ? state.outcome : null;
  // The dashboard's publish lands here with ?published=1: say so until dismissed (which drops it
  // from the address, so a reload or a shared link does not claim it was just published).
  const [search, setSearch] = useSearchParams();
  const published = search.get('published') === '1';
  const dismiss = () =>
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.delete('published');
        return next;
      },
      { replace: true, preventScrollReset: true },
    );
  return (
    <section className="page" aria-labelledby="snapshot-title">
      <p className="eyebrow">
        <Link to={`/dashboard?unit=${encodeURIComponent(s.orgUnitId)}`}>← {a.snapshot.back}</Link>
      </p>
      {published ? (
        <div className="banner banner-pass banner-dismissible" role="status" data-testid="snapshot-published">
          <p className="banner-title">{a.snapshot.published}</p>
          <p>{a.snapshot.publishedText}</p>
          <p className="actions">
            <button type="button" className="btn" onClick={dismiss}>
              {a.snapshot.dismiss}
            </button>
          </p>
        </div>
      ) : null}
      <h1 id="snapshot-title">
        {a.snapshot.title}：<span data-testid="snapshot-name"><bdi>{s.title}</bdi></span>
      </h1>
      <dl className="facts">
        <Fact label={a.snapshot.unit}>
          <bdi>{unitName}</bdi>
        </Fact>
        <Fact label={a.snapshot.metric}>{a.publish.metrics[s.metric] ?? s.metric}</Fact>
        <Fact label={a.snapshot.asOf}>{typeof s.params.asOf === 'string' ? s.params.asOf : '—'}</Fact>
        <Fact label={a.snapshot.publishedAt}>{formatDateTime(s.publishedAt)}</Fact>
        <Fact label={a.snapshot.inputs} valueTestId="snapshot-input-count">{formatNumber(s.inputCount)}</Fact>
        <div className="fact">
          <dt>{a.snapshot.inputRoot}</dt>
          <dd className="mono small break">{s.inputRoot}</dd>
        </div>
      </dl>
      {batchSeq !== null ? <p className="muted small">{a.snapshot.anchored(batchSeq, anchor?.height ?? null)}</p> : null}

      <div aria-live="polite" data-testid="snapshot-state" data-phase={state?.phase ?? 'idle'} data-verdict={outcome?.verdict ?? ''}>
        {state === null ? <p className="banner banner-waiting">{t.app.loading}</p> : null}
        {state && state.phase !== 'done' && state.phase !== 'error' ? <SnapshotProgress state={state} /> : null}
        {state?.phase === 'error' ? (
          <div className="banner banner-fail" role="alert">
            <p className="banner-title">{a.snapshot.error}</p>
            <p lang="en">{state.message}</p>
          </div>
        ) : null}
        {state?.phase === 'done' ? <SnapshotVerdict outcome={state.outcome} total={state.total} /> : null}
      </div>

      <p className="actions">
        <a className="btn" href={`/snapshots/${encodeURIComponent(s.id)}/download.json`} download data-testid="snapshot-download">
          {a.snapshot.download}
        </a>
        <Link className="btn btn-quiet" to="/verify">
          {t.nav.verify}
        </Link>
      </p>
      <p className="muted small">{a.snapshot.downloadHint}</p>

      <SnapshotFigures figures={s.figures} outcome={outcome} />
      <SnapshotDetails outcome={outcome} />
    </section>
  );
}
