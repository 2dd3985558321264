// React Router's default Node entry, plus the security headers (lib/security-headers.server.ts)
// and a fresh script nonce per page: ServerRouter hands it to <Scripts>, <ScrollRestoration> and
// <Links>; renderToPipeableStream to React's own streaming scripts.
import { PassThrough } from 'node:stream';
import { createReadableStreamFromReadable } from '@react-router/node';
import { isbot } from 'isbot';
import type { RenderToPipeableStreamOptions } from 'react-dom/server';
import { renderToPipeableStream } from 'react-dom/server';
import { ServerRouter, type EntryContext } from 'react-router';
import { webConfig } from './lib/config.server';
import { DATA_POLICY, documentPolicy, newNonce, setSecurityHeaders } from './lib/security-headers.server';

export const streamTimeout = 5_000;

export default function handleRequest(request: Request, responseStatusCode: number, responseHeaders: Headers, routerContext: EntryContext) {
  const nonce = newNonce();
  setSecurityHeaders(responseHeaders, documentPolicy(nonce, webConfig().rpcPublic));
  // https://httpwg.org/specs/rfc9110.html#HEAD
  if (request.method.toUpperCase() === 'HEAD') {
    return new Response(null, { status: responseStatusCode, headers: responseHeaders });
  }

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const userAgent = request.headers.get('user-agent');
    // Bots (and SPA mode) get the whole document at once.
    const readyOption: keyof RenderToPipeableStreamOptions = (userAgent && isbot(userAgent)) || routerContext.isSpaMode ? 'onAllReady' : 'onShellReady';
    // Abort after streamTimeout, leaving time to flush the rejected boundaries.
    let timeoutId: ReturnType<typeof setTimeout> | undefined = setTimeout(() => abort(), streamTimeout + 1000);

    const { pipe, abort } = renderToPipeableStream(<ServerRouter context={routerContext} url={request.url} nonce={nonce} />, {
      nonce,
      [readyOption]() {
        shellRendered = true;
        const body = new PassThrough({
          final(callback) {
            clearTimeout(timeoutId);
            timeoutId = undefined;
            callback();
          },
        });
        const stream = createReadableStreamFromReadable(body);
        responseHeaders.set('Content-Type', 'text/html');
        pipe(body);
        resolve(new Response(stream, { headers: responseHeaders, status: responseStatusCode }));
      },
      onShellError(error: unknown) {
        reject(error);
      },
      onError(error: unknown) {
        responseStatusCode = 500;
        // Errors before the shell are logged by handleDocumentRequest.
        if (shellRendered) console.error(error);
      },
    });
  });
}

// Client navigations fetch loader data as /<path>.data; those answers are data, never a page.
export function handleDataRequest(response: Response): Response {
  try {
    setSecurityHeaders(response.headers, DATA_POLICY);
    return response;
  } catch {
    // Immutable headers (Response.redirect): the same answer with them added.
    const headers = new Headers(response.headers);
    setSecurityHeaders(headers, DATA_POLICY);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
}
