// Server side of signin.tsx: its loader and actions and the GraphQL documents they send.
import { data, redirect } from 'react-router';
import type { Route } from './+types/signin';
import { assertSameOrigin } from '../../lib/auth.server';
import { apiRequest, ApiError } from '../../lib/graphql.server';
import { safeRedirect } from '../../lib/redirect';
import { homeFor, isRole } from '../../lib/roles';
import { commitSession, getSession, sessionAccount, type SessionAccount, type WebSession, pageUrl } from '../../lib/session.server';
import type { ActionResult } from './signin';
import { graphql } from '../../graphql';

const SIGN_IN = graphql(`mutation SignIn($username: String!, $password: String!) {
  signIn(username: $username, password: $password) {
    __typename
    ... on SignedIn { token expiresAt account { id username displayName role scopeUnitId member { id } } }
    ... on TotpRequired { challenge expiresAt enrollment { secret otpauthUri } }
  }
}`);

const VERIFY_TOTP = graphql(`mutation VerifyTotp($challenge: String!, $code: String!) {
  verifyTotp(challenge: $challenge, code: $code) { token expiresAt account { id username displayName role scopeUnitId member { id } } }
}`);

interface SignedInResult {
  __typename: 'SignedIn';
  token: string;
  expiresAt: string;
  account: { id: string; username: string; displayName: string; role: string; scopeUnitId: string; member: { id: string } | null };
}

function pendingOf(session: WebSession) {
  const pending = session.get('pending');
  return pending && Date.parse(pending.expiresAt) > Date.now() ? pending : null;
}

export async function loader({ request }: Route.LoaderArgs) {
  const session = await getSession(request);
  const signed = sessionAccount(session);
  const next = pageUrl(request).searchParams.get('next');
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
  const next = pageUrl(request).searchParams.get('next');
  const intent = form.get('intent');

  if (intent === 'restart') {
    session.unset('pending');
    return redirect(pageUrl(request).href, { headers: { 'Set-Cookie': await commitSession(session) } });
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
      const r = await apiRequest(VERIFY_TOTP, { challenge: pending.challenge, code }, { request });
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
    const r = await apiRequest(SIGN_IN, { username, password }, { request });
    if (r.signIn.__typename === 'SignedIn') return signedIn(session, r.signIn, next);
    session.set('pending', { challenge: r.signIn.challenge, username, expiresAt: r.signIn.expiresAt, enrollment: r.signIn.enrollment });
    return redirect(pageUrl(request).href, { headers: { 'Set-Cookie': await commitSession(session) } });
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
