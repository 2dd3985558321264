import type { Config } from '@react-router/dev/config';

// Server rendering: pages work before (and without) client JavaScript, except the checks that
// must run in the browser (proof verification, charts).
// React Router 8: middleware, split route modules, Vite's Environment API and raw requests are the
// defaults; loaders read the page's address through pageUrl(request) (lib/session.server.ts).
export default {
  appDirectory: 'app',
  buildDirectory: 'build',
  ssr: true,
} satisfies Config;
