// Server side of healthz.tsx: its loader and actions and the GraphQL documents they send.

// Liveness of the web server itself (the stack's readiness probe); it does not call the API.
export function loader() {
  return new Response('ok\n', { headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
}
