import type { ReactNode } from 'react';
import { Links, Meta, Outlet, Scripts, ScrollRestoration, isRouteErrorResponse } from 'react-router';
import type { Route } from './+types/root';
import { ErrorPage } from './components/ErrorPage';
import { Shell } from './components/Shell';
import { useLocale } from './i18n/use-t';
import { useRootData } from './lib/root-data';
import { webConfig } from './lib/config.server';
import { localeOf } from './lib/locale.server';
import type { RootData } from './lib/root-data';
import { TRUST_MODE_META } from './lib/site-trust-meta';
import { siteTrust } from './lib/site-trust.server';
import { getSession, sessionAccount, viewerSummary } from './lib/session.server';
import { viewerLevel } from './lib/viewer-level.server';
import { navCounts } from './lib/nav-counts.server';
import stylesheet from './app.css?url';

// The mark as an inline SVG icon: no extra request, no 404 for /favicon.ico.
const ICON =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='6' fill='%23a1121b'/%3E%3Ctext x='16' y='23' font-size='20' text-anchor='middle' fill='white'%3E%E9%93%BE%3C/text%3E%3C/svg%3E";

export const links: Route.LinksFunction = () => [
  { rel: 'icon', href: ICON, type: 'image/svg+xml' },
  { rel: 'stylesheet', href: stylesheet },
];

export async function loader({ request }: Route.LoaderArgs): Promise<RootData> {
  const [locale, session] = await Promise.all([localeOf(request), getSession(request)]);
  const signed = sessionAccount(session);
  // A secretary's level and position decide their navigation and the header's role.
  const [level, counts] = signed ? await Promise.all([viewerLevel(request, signed.token, signed.account), navCounts(request, signed.token)]) : [null, null];
  const viewer = signed ? { ...viewerSummary(signed.account), ...level } : null;
  return { locale, rpcUrl: webConfig().rpcPublic, viewer, trust: siteTrust().mode, inboxOpen: counts?.inboxOpen ?? null, unreadNotices: counts?.unreadNotices ?? null };
}

export function Layout({ children }: { children: ReactNode }) {
  const locale = useLocale();
  const trust = useRootData()?.trust;
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        {/* Whether the site has a root of trust, for the page's chain checks (lib/site-trust.ts). */}
        {trust ? <meta name={TRUST_MODE_META} content={trust} /> : null}
        <Meta />
        <Links />
      </head>
      <body>
        <Shell>{children}</Shell>
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  if (isRouteErrorResponse(error)) return <ErrorPage status={error.status} payload={error.data} />;
  return <ErrorPage status={500} payload={error instanceof Error ? { code: 'INTERNAL', message: error.message } : undefined} />;
}
