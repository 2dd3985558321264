// Page access: who is signed in, whether their role may open the page, and a GraphQL call that
// turns API errors into the error page (or, for an expired session, into the sign-in page).
import { data } from 'react-router';
import { apiRequest, ApiError, type Operation, type RequestOptions } from './graphql.server';
import type { Role } from './roles';
import { getSession, sessionAccount, signInRedirect, type SessionAccount, type WebSession, pageUrl } from './session.server';

export interface AccountContext {
  session: WebSession;
  account: SessionAccount;
  token: string;
  /** GraphQL with this session; any API error becomes the page's error (sign-in when expired). */
  query<T, V>(query: Operation<T, V>, variables?: V, opts?: Omit<RequestOptions, 'token' | 'request'>): Promise<T>;
  /** GraphQL with this session; API errors are thrown as ApiError for the caller to show. */
  call<T, V>(query: Operation<T, V>, variables?: V): Promise<T>;
}

export async function requireAccount(request: Request, roles?: readonly Role[]): Promise<AccountContext> {
  const session = await getSession(request);
  const signed = sessionAccount(session);
  if (!signed) return signInRedirect(request, session.has('token') ? session : undefined);
  if (roles && !roles.includes(signed.account.role)) {
    throw data(
      {
        code: 'FORBIDDEN',
        message: `This page is for ${roles.join(', ')}; you are signed in as ${signed.account.role}.`,
        messageZh: `此页面仅供 ${roles.join('、')} 使用；您当前的角色是 ${signed.account.role}。`,
      },
      { status: 403 },
    );
  }
  const { token, account } = signed;
  return {
    session,
    account,
    token,
    call: (q, v) => apiRequest(q, v, { token, request }),
    async query(q, v, opts) {
      try {
        return await apiRequest(q, v, { ...opts, token, request });
      } catch (error) {
        return rethrowForPage(error, request, session);
      }
    },
  };
}

/** An API error as the page's error response; an expired session goes to sign-in. */
export async function rethrowForPage(error: unknown, request: Request, session?: WebSession): Promise<never> {
  if (error instanceof ApiError) {
    if (error.code === 'UNAUTHENTICATED') return signInRedirect(request, session);
    throw data(error.payload(), { status: error.status });
  }
  throw error;
}

/**
 * Form posts must come from this site. SameSite=Lax already keeps the session cookie off
 * cross-site posts; this refuses them outright when the browser says where they came from.
 */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get('origin');
  if (origin === null) return;
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host') ?? pageUrl(request).host;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    originHost = '';
  }
  if (originHost !== host) {
    throw data(
      { code: 'FORBIDDEN', message: `Cross-site form post refused (from ${origin}).`, messageZh: `拒绝来自其他站点的表单提交（${origin}）。` },
      { status: 403 },
    );
  }
}
