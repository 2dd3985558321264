// Error pages say what went wrong and what to do about it, in the visitor's language.
import { Link } from 'react-router';
import { useLocale, useRootData, useT } from '../i18n/use-t';
import { isErrorPayload, localMessage } from '../lib/errors';
import { homeFor } from '../lib/roles';

export function ErrorPage({ status, payload }: { status: number; payload?: unknown }) {
  const t = useT();
  const locale = useLocale();
  const viewer = useRootData()?.viewer ?? null;
  const detail = isErrorPayload(payload) ? localMessage(payload, locale) : typeof payload === 'string' && payload ? payload : null;
  const code = isErrorPayload(payload) ? payload.code : null;
  const kind = kindOf(status, code);
  const [title, advice] = {
    unauthorized: [t.errors.unauthorized, t.errors.unauthorizedDo],
    forbidden: [t.errors.forbidden, t.errors.forbiddenDo],
    notFound: [t.errors.notFound, t.errors.notFoundDo],
    unavailable: [t.errors.unavailable, t.errors.unavailableDo],
    badRequest: [t.errors.badRequest, t.errors.badRequestDo],
    unexpected: [t.errors.unexpected, t.errors.unexpectedDo],
  }[kind];
  const home = viewer ? homeFor(viewer.role) : '/';
  return (
    <section className="page error-page" aria-labelledby="error-title">
      <p className="eyebrow">{t.errors.status(status)}</p>
      <h1 id="error-title">{title}</h1>
      {detail ? (
        <p className="error-detail" data-testid="error-detail">
          {detail}
          {code ? <span className="muted"> ({code})</span> : null}
        </p>
      ) : null}
      <h2 className="h3">{t.errors.whatToDo}</h2>
      <p>{advice}</p>
      <p className="actions">
        {kind === 'unauthorized' ? (
          <Link className="btn btn-primary" to="/signin">
            {t.errors.signIn}
          </Link>
        ) : null}
        <Link className="btn" to={home}>
          {t.errors.goHome}
        </Link>
        {kind === 'unavailable' || kind === 'unexpected' ? (
          <a className="btn" href="">
            {t.errors.reload}
          </a>
        ) : null}
      </p>
    </section>
  );
}

type Kind = 'unauthorized' | 'forbidden' | 'notFound' | 'unavailable' | 'badRequest' | 'unexpected';

function kindOf(status: number, code: string | null): Kind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'notFound';
  if (status === 502 || status === 503 || status === 504 || code === 'API_UNAVAILABLE') return 'unavailable';
  if (status >= 400 && status < 500) return 'badRequest';
  return 'unexpected';
}
