// Server side of events.tsx. The browser cannot call the API (its token lives in the session
// cookie, read only here), so this route opens the API's GET /events with the session's token and
// passes the stream through as it comes; when the browser goes away, the request's signal ends
// the API's stream too. The API authenticates and scopes every event (api/src/modules/live).
import type { Route } from './+types/events';
import { webConfig } from '../../lib/config.server';
import { getSession, sessionAccount } from '../../lib/session.server';

function refusal(status: number, code: string, message: string, messageZh: string): Response {
  return Response.json({ errors: [{ message, extensions: { code, messageZh } }] }, { status, headers: { 'cache-control': 'no-store' } });
}

export async function loader({ request }: Route.LoaderArgs) {
  const signed = sessionAccount(await getSession(request));
  // No sign-in page for a stream: the page itself goes there on its next load.
  if (!signed) return refusal(401, 'UNAUTHENTICATED', 'Sign in to receive live updates.', '登录后才能接收实时更新。');
  const { apiUrl } = webConfig();
  // The API serves /events beside /graphql.
  const eventsUrl = new URL('events', apiUrl);
  let upstream: Response;
  try {
    upstream = await fetch(eventsUrl, {
      headers: { accept: 'text/event-stream', authorization: `Bearer ${signed.token}` },
      signal: request.signal,
    });
  } catch {
    return refusal(503, 'API_UNAVAILABLE', 'Live updates are not available right now; the page works without them.', '实时更新暂不可用；页面仍可正常使用。');
  }
  if (upstream.status !== 200 || !upstream.body) {
    // The API's refusal (401, 429, 503) as it gave it: a code and both languages.
    const headers = new Headers({ 'content-type': upstream.headers.get('content-type') ?? 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    const retryAfter = upstream.headers.get('retry-after');
    if (retryAfter) headers.set('retry-after', retryAfter);
    return new Response(await upstream.text(), { status: upstream.status, headers });
  }
  return new Response(upstream.body, {
    status: 200,
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      // no-transform: the server's compression must not hold events back to fill a block.
      'cache-control': 'no-store, no-transform',
      'x-accel-buffering': 'no',
    },
  });
}
