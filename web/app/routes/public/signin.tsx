// Sign-in: password, then (ADMIN, LEADER, SECRETARY) the TOTP code. The pending challenge waits
// in the signed session cookie, never in the page. Each step's field has focus when it appears,
// and the page signed in to gets it on its main heading (focus would otherwise fall to the body).
import { useEffect, useRef } from 'react';
import { Form, Link, useLoaderData, useNavigation, useSearchParams } from 'react-router';
import { useActionResult } from '../../lib/use-action-result';
import type { Route } from './+types/signin';
import { useLocale, useT } from '../../i18n/use-t';
import { localMessage, type ErrorPayload } from '../../lib/errors';
import { titleFor } from '../../lib/meta';
import type { loader, action } from './signin.server';
import { Notice } from '../../components/Notice';

export { loader, action } from './signin.server';

export type ActionResult = { error: ErrorPayload; step: 'password' | 'totp'; username?: string };

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.signIn.title);

/** Focus on the main heading of the page now shown (or on <main>). */
function focusMainHeading() {
  const target = document.querySelector<HTMLElement>('#main h1') ?? document.getElementById('main');
  if (!target) return;
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus();
}

export default function SignIn() {
  const t = useT();
  const locale = useLocale();
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionResult<ActionResult>();
  const navigation = useNavigation();
  // Signing in ends in a redirect away from /signin: when this page unmounts after one, the page
  // signed in to has rendered, and its heading takes the focus the submit button held.
  const signingIn = useRef(false);
  if (navigation.state === 'loading' && navigation.formMethod && navigation.location.pathname !== '/signin') signingIn.current = true;
  useEffect(
    () => () => {
      if (signingIn.current) requestAnimationFrame(focusMainHeading);
    },
    [],
  );
  const [params] = useSearchParams();
  const busy = navigation.state !== 'idle';
  const step = actionData?.step ?? loaded.step;
  const error = actionData?.error ? localMessage(actionData.error, locale) : loaded.expired ? t.signIn.expired : null;
  const notice = params.get('signedOut') ? t.signIn.signedOut : params.get('next') && !error ? t.signIn.needSignIn : null;

  return (
    <section className="page narrow" aria-labelledby="signin-title">
      <h1 id="signin-title">{step === 'totp' ? t.signIn.totpTitle : t.signIn.title}</h1>
      <Notice>{notice}</Notice>
      {error ? (
        <p className="form-error" role="alert" id="signin-error" data-testid="signin-error">
          {error}
        </p>
      ) : null}
      {step === 'password' ? (
        <Form method="post" className="form card" aria-describedby={error ? 'signin-error' : undefined}>
          <input type="hidden" name="intent" value="password" />
          <label htmlFor="username">{t.signIn.username}</label>
          <input id="username" name="username" autoComplete="username" required defaultValue={actionData?.username ?? ''} autoCapitalize="none" spellCheck={false} autoFocus />
          <label htmlFor="password">{t.signIn.password}</label>
          <input id="password" name="password" type="password" autoComplete="current-password" required />
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t.signIn.submit}
          </button>
        </Form>
      ) : (
        <div className="card">
          <p>{t.signIn.totpIntro}</p>
          {loaded.enrollment ? (
            <div className="enroll">
              <p>{t.signIn.totpEnroll}</p>
              <p>
                {t.signIn.totpSecret}: <code className="secret">{loaded.enrollment.secret}</code>
              </p>
            </div>
          ) : null}
          <Form method="post" className="form" aria-describedby={error ? 'signin-error' : undefined}>
            <input type="hidden" name="intent" value="totp" />
            <p className="muted">
              {t.signIn.username}: <strong>{loaded.username}</strong>
            </p>
            <label htmlFor="code">{t.signIn.code}</label>
            <input
              id="code"
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="\d{6}"
              maxLength={6}
              required
              autoFocus
              className="code-input"
            />
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {t.signIn.verify}
            </button>
          </Form>
          <Form method="post" className="inline-form">
            <input type="hidden" name="intent" value="restart" />
            <button type="submit" className="btn btn-quiet">
              {t.signIn.restart}
            </button>
          </Form>
        </div>
      )}
      <p className="muted">
        <Link to="/verify">{t.home.verifyCta}</Link>
      </p>
    </section>
  );
}
