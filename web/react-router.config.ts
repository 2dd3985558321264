import type { Config } from '@react-router/dev/config';

// Server rendering: pages work before (and without) client JavaScript, except the checks that
// must run in the browser (proof verification, charts).
export default {
  appDirectory: 'app',
  buildDirectory: 'build',
  ssr: true,
  // React Router 8's behaviours stay off on the 7.18 line we pin; naming them keeps builds quiet.
  future: {
    v8_middleware: false,
    v8_splitRouteModules: false,
    v8_viteEnvironmentApi: false,
    v8_passThroughRequests: false,
    v8_trailingSlashAwareDataRequests: false,
  },
} satisfies Config;
