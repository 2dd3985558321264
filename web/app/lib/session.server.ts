// Sessions live in a signed, httpOnly cookie: the API's bearer token never reaches page scripts.
import { createCookieSessionStorage, redirect, type Session } from 'react-router';
import type { ViewerSummary } from './root-data';
import { webConfig } from './config.server';
import { isRole, type Role } from './roles';

export interface SessionAccount {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  memberId: string | null;
  /** Root of the subtree this account sees. */
  scopeUnitId: string;
}

/** A password accepted, waiting for the TOTP code. */
export interface PendingChallenge {
  challenge: string;
  username: string;
  expiresAt: string;
  enrollment: { secret: string; otpauthUri: string } | null;
}

export interface SessionData {
  token: string;
  expiresAt: string;
  account: SessionAccount;
  pending: PendingChallenge;
}

type FlashData = { notice: string };

export type WebSession = Session<SessionData, FlashData>;

const config = webConfig();

const storage = createCookieSessionStorage<SessionData, FlashData>({
  cookie: {
    name: '__lj_session',
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: config.cookieSecure,
    secrets: config.sessionSecrets,
    // The API's own session expiry (12 h) ends a session earlier; this bounds the cookie.
    maxAge: 12 * 3600,
  },
});

export function getSession(request: Request): Promise<WebSession> {
  return storage.getSession(request.headers.get('cookie'));
}

export function commitSession(session: WebSession): Promise<string> {
  return storage.commitSession(session);
}

export function destroySession(session: WebSession): Promise<string> {
  return storage.destroySession(session);
}

/** The signed-in account and its token, or null (also when the API session has expired). */
export function sessionAccount(session: WebSession): { token: string; account: SessionAccount } | null {
  const token = session.get('token');
  const account = session.get('account');
  const expiresAt = session.get('expiresAt');
  if (!token || !account || !isRole(account.role)) return null;
  if (expiresAt && Date.parse(expiresAt) <= Date.now()) return null;
  return { token, account };
}

export function viewerSummary(account: SessionAccount): ViewerSummary {
  return { username: account.username, displayName: account.displayName, role: account.role, hasMember: account.memberId !== null };
}

/**
 * The address of the page a request is for. From React Router 8 loaders and actions get the raw
 * request: a client navigation asks for /<path>.data (/<path>/_.data when the path ends in a
 * slash, /_.data for the root) with a `_routes` parameter, and a form posted to an index route
 * carries `?index`. Everything that reads the page's address from a request goes through here.
 */
export function pageUrl(request: Request): URL {
  const url = new URL(request.url);
  if (url.pathname.endsWith('/_.data')) url.pathname = url.pathname.slice(0, -'_.data'.length);
  else if (url.pathname.endsWith('.data')) url.pathname = url.pathname.slice(0, -'.data'.length);
  if (url.searchParams.has('_routes') || url.searchParams.has('index')) {
    const kept = url.searchParams.getAll('index').filter(Boolean);
    url.searchParams.delete('_routes');
    url.searchParams.delete('index');
    for (const v of kept) url.searchParams.append('index', v);
  }
  return url;
}

/** Ends the web session and sends the person to sign in, coming back to `next` afterwards. */
export async function signInRedirect(request: Request, session?: WebSession): Promise<never> {
  const url = pageUrl(request);
  const next = url.pathname + url.search;
  const headers = new Headers();
  if (session) headers.append('Set-Cookie', await destroySession(session));
  throw redirect(`/signin?next=${encodeURIComponent(next)}`, { headers });
}
