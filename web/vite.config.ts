import { reactRouter } from '@react-router/dev/vite';
import { defaultClientConditions, defaultServerConditions, defineConfig } from 'vite';

// @lianjian/verify exports its TypeScript source under the "source" condition: the browser
// bundle verifies proofs with exactly the code the CLI and the indexer use.
export default defineConfig({
  // Vitest runs plain modules; the React Router plugin would try to build the whole app.
  plugins: process.env.VITEST ? [] : [reactRouter()],
  resolve: { conditions: ['source', ...defaultClientConditions] },
  ssr: {
    resolve: { conditions: ['source', ...defaultServerConditions], externalConditions: ['source'] },
    noExternal: ['@lianjian/verify'],
  },
  build: { target: 'es2022' },
  server: { host: '127.0.0.1' },
});
