// Sign-in: password, then (ADMIN, LEADER, SECRETARY) the TOTP code. The pending challenge waits
// in the signed session cookie, never in the page. Each step's field has focus when it appears,
// and the page signed in to gets it on its main heading (focus would otherwise fall to the body).
import { useEffect, useRef } from 'react';
import { data, Form, Link, redirect, useActionData, useLoaderData, useNavigation, useSearchParams } from 'react-router';
import type { Route } from './+types/signin';
import { useLocale, useT } from '../i18n/use-t';
import { assertSameOrigin } from '../lib/auth.server';
import { localMessage, type ErrorPayload } from '../lib/errors';
import { apiRequest, ApiError } from '../lib/graphql.server';
import { titleFor } from '../lib/meta';
import { safeRedirect } from '../lib/redirect';
import { homeFor, isRole } from '../lib/roles';
import { commitSession, getSession, sessionAccount, type SessionAccount, type WebSession } from '../lib/session.server';

const ACCOUNT_FIELDS = 'token expiresAt account { id username displayName role scopeUnitId member { id } }';

const SIGN_IN = `mutation SignIn($username: String!, $password: String!) {
  signIn(username: $username, password: $password) {
    __typename
    ... on SignedIn { ${ACCOUNT_FIELDS} }
    ... on TotpRequired { challenge expiresAt enrollment { secret otpauthUri } }
  }
}`;

const VERIFY_TOTP = `mutation VerifyTotp($challenge: String!, $code: String!) {
  verifyTotp(challenge: $challenge, code: $code) { ${ACCOUNT_FIELDS} }
}`;

interface SignedInResult {
  __typename: 'SignedIn';
  token: string;
  expiresAt: string;
  account: { id: string; username: string; displayName: string; role: string; scopeUnitId: string; member: { id: string } | null };
}
interface TotpRequiredResult {
  __typename: 'TotpRequired';
  challenge: string;
  expiresAt: string;
  enrollment: { secret: string; otpauthUri: string } | null;
}

type ActionResult = { error: ErrorPayload; step: 'password' | 'totp'; username?: string };

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.signIn.title);

function pendingOf(session: WebSession) {
  const pending = session.get('pending');
  return pending && Date.parse(pending.expiresAt) > Date.now() ? pending : null;
}

export async function loader({ request }: Route.LoaderArgs) {
  const session = await getSession(request);
  const signed = sessionAccount(session);
  const next = new URL(request.url).searchParams.get('next');
  if (signed) throw redirect(safeRedirect(next, homeFor(signed.account.role)));
  const pending = pendingOf(session);
  const expired = !pending && session.has('pending');
  if (expired) session.unset('pending');
  return data(
    { step: pending ? ('totp' as const) : ('password' as const), username: pending?.username ?? null, enrollment: pending?.enrollment ?? null, expired },
    expired ? { headers: { 'Set-Cookie': await commitSession(session) } } : undefined,
  );
}

export async function action({ request }: Route.ActionArgs) {
  assertSameOrigin(request);
  const session = await getSession(request);
  const form = await request.formData();
  const next = new URL(request.url).searchParams.get('next');
  const intent = form.get('intent');

  if (intent === 'restart') {
    session.unset('pending');
    return redirect(request.url, { headers: { 'Set-Cookie': await commitSession(session) } });
  }

  try {
    if (intent === 'totp') {
      const pending = pendingOf(session);
      if (!pending) {
        session.unset('pending');
        return data<ActionResult>(
          { step: 'password', error: { code: 'EXPIRED', message: 'The second-factor step timed out; sign in again.', messageZh: '二次验证已超时，请重新登录。' } },
          { status: 400, headers: { 'Set-Cookie': await commitSession(session) } },
        );
      }
      const code = String(form.get('code') ?? '').replace(/\s+/g, '');
      if (!/^\d{6}$/.test(code)) {
        return data<ActionResult>({ step: 'totp', error: { code: 'BAD_USER_INPUT', message: 'Enter 6 digits.', messageZh: '请输入 6 位数字。' } }, { status: 400 });
      }
      const r = await apiRequest<{ verifyTotp: Omit<SignedInResult, '__typename'> }>(VERIFY_TOTP, { challenge: pending.challenge, code }, { request });
      return signedIn(session, { __typename: 'SignedIn', ...r.verifyTotp }, next);
    }

    const username = String(form.get('username') ?? '').trim();
    const password = String(form.get('password') ?? '');
    if (!username || !password) {
      return data<ActionResult>(
        { step: 'password', username, error: { code: 'BAD_USER_INPUT', message: 'Enter your username and password.', messageZh: '请填写用户名和密码。' } },
        { status: 400 },
      );
    }
    const r = await apiRequest<{ signIn: SignedInResult | TotpRequiredResult }>(SIGN_IN, { username, password }, { request });
    if (r.signIn.__typename === 'SignedIn') return signedIn(session, r.signIn, next);
    session.set('pending', { challenge: r.signIn.challenge, username, expiresAt: r.signIn.expiresAt, enrollment: r.signIn.enrollment });
    return redirect(request.url, { headers: { 'Set-Cookie': await commitSession(session) } });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const step = intent === 'totp' ? 'totp' : 'password';
    return data<ActionResult>({ step, error: error.payload() }, { status: error.status === 401 ? 400 : error.status });
  }
}

async function signedIn(session: WebSession, r: SignedInResult, next: string | null) {
  if (!isRole(r.account.role)) throw new Error(`the API returned an unknown role "${r.account.role}"`);
  const account: SessionAccount = {
    id: r.account.id,
    username: r.account.username,
    displayName: r.account.displayName,
    role: r.account.role,
    memberId: r.account.member?.id ?? null,
    scopeUnitId: r.account.scopeUnitId,
  };
  session.unset('pending');
  session.set('token', r.token);
  session.set('expiresAt', r.expiresAt);
  session.set('account', account);
  return redirect(safeRedirect(next, homeFor(account.role)), { headers: { 'Set-Cookie': await commitSession(session) } });
}

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
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
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
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
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
