// Error pages say what went wrong and what to do about it, in the visitor's language: never an
// internal address, a machine code or an internal error's text (those go to the server's log).
import { Link } from 'react-router';
import { useLocale, useT } from '../i18n/use-t';
import { useRootData } from '../lib/root-data';
import { isErrorPayload } from '../lib/errors';
import { homeFor } from '../lib/roles';

export function ErrorPage({ status, payload }: { status: number; payload?: unknown }) {
  const t = useT();
  const locale = useLocale();
  const viewer = useRootData()?.viewer ?? null;
  const { kind, detail } = errorView(status, payload, locale);
  const code = isErrorPayload(payload) ? payload.code : null;
  const [title, advice] = {
    unauthorized: [t.errors.unauthorized, t.errors.unauthorizedDo],
    forbidden: [t.errors.forbidden, t.errors.forbiddenDo],
    notFound: [t.errors.notFound, t.errors.notFoundDo],
    unavailable: [t.errors.unavailable, t.errors.unavailableDo],
    badRequest: [t.errors.badRequest, t.errors.badRequestDo],
    unexpected: [t.errors.unexpected, t.errors.unexpectedAdvice],
  }[kind];
  const home = viewer ? homeFor(viewer.role) : '/';
  return (
    <section className="page error-page" aria-labelledby="error-title" data-status={status} data-code={code ?? undefined}>
      <p className="eyebrow">{t.errors.title}</p>
      <h1 id="error-title">{title}</h1>
      {detail ? (
        <p className="error-detail" data-testid="error-detail">
          {detail}
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

/** An error's kind (which advice) and the message to show, if any is fit for the visitor. */
export function errorView(status: number, payload: unknown, locale: string): { kind: Kind; detail: string | null } {
  const code = isErrorPayload(payload) ? payload.code : null;
  const kind = kindOf(status, code);
  // An internal error's text says nothing a visitor can act on, in any language.
  if (code === 'INTERNAL' || code === 'INTERNAL_SERVER_ERROR') return { kind, detail: null };
  let text: string | null = null;
  if (isErrorPayload(payload)) text = (locale === 'zh-CN' ? payload.messageZh : payload.message) ?? null;
  else if (typeof payload === 'string') text = payload;
  text = text?.trim() || null;
  // No text in the other language (an English-only message on the Chinese page), no addresses.
  if (text && locale === 'zh-CN' && !/[\u4e00-\u9fff]/.test(text)) text = null;
  if (text && /https?:\/\/|\b\d{1,3}(?:\.\d{1,3}){3}\b|localhost:\d/i.test(text)) text = null;
  return { kind, detail: text };
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
