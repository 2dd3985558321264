// `npm run build`: compiles every TypeScript package to dist/ (and the web app to web/build/) in
// dependency order, for production images; `npm start` and `npm test` run from sources instead.
import { ensureInstalled, fail, run, step } from './lib/bootstrap.mjs';
import { ensureNode24 } from './lib/runtime.mjs';

await ensureNode24();

const ORDER = ['@lianjian/verify', '@lianjian/rules', '@lianjian/db', '@lianjian/indexer', '@lianjian/api', '@lianjian/web'];

try {
  ensureInstalled();
  for (const ws of ORDER) {
    step(`Building ${ws} / 构建 ${ws}`);
    run('npm', ['run', 'build', '--silent', '-w', ws]);
  }
} catch (err) {
  fail(err);
}
