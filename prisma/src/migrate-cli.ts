// `npm run migrate`: applies pending migrations to DATABASE_URL.
import { maskUrl } from './postgres.js';
import { migrate } from './migrate.js';

const url = process.env.DATABASE_URL;
if (!url) {
  process.stderr.write('DATABASE_URL is not set / 未设置 DATABASE_URL\n');
  process.exit(2);
}
try {
  const t0 = Date.now();
  const { applied } = await migrate(url, { log: (s) => process.stdout.write(`  ${s}\n`) });
  process.stdout.write(
    `${applied.length ? `${applied.length} migration(s) applied` : 'Database is up to date'} to ${maskUrl(url)} in ${Date.now() - t0} ms\n`,
  );
} catch (err) {
  process.stderr.write(`✗ ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
