// Webhook delivery latency at light load (issue #22): the time from a write through the API
// (publishNotice) until a partner's receiver has the signed delivery of its event, with the
// dispatcher running in the API process as in production (modules/webhooks/dispatcher.ts).
//
//   npm run bench:webhooks -- [--members 10000] [--fresh] [--writes 200] [--gap-ms 100] [--interval-ms 1000] [--keep]
//
// The data: the cached scale dataset of that size (bench/lib/cluster.ts ensureSeeded, lj_<size>_bench)
// copied to a scratch database (CREATE DATABASE … TEMPLATE) and migrated; --fresh seeds a small
// database of --members (default then 2000) instead. A bench ADMIN account publishes --writes
// notices to a branch, one every --gap-ms (light load: one writer, ~10 writes/s), and a partner key
// over the whole organisation has an endpoint for NOTICE_PUBLISHED on a local receiver that checks
// every signature. The API's dispatcher runs every --interval-ms (LIANJIAN_WEBHOOKS_MS; 1000, the
// default, unless given), which bounds the latency from below: a write waits for the next scan.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { migrate, seed } from '@lianjian/db';
import pg from 'pg';
import { newApiKey, newSessionToken } from '../../api/src/modules/auth/tokens.js';
import { verifyWebhook } from '../../api/src/modules/webhooks/signature.js';
import { defaultConfig } from '../../api/src/shared/config.js';
import { startApi } from '../../api/src/start-api.js';
import { adminQuery, databaseExists, ensureSeeded, openCluster, sizeLabel } from '../lib/cluster.js';
import { fmt, machine, percentile, writeResult } from '../lib/stats.js';

const { values: args } = parseArgs({
  options: {
    members: { type: 'string' },
    fresh: { type: 'boolean', default: false },
    writes: { type: 'string', default: '200' },
    'gap-ms': { type: 'string', default: '100' },
    'interval-ms': { type: 'string', default: '1000' },
    keep: { type: 'boolean', default: false },
  },
});
const say = (s: string) => process.stdout.write(`${s}\n`);
const N = Number(args.members ?? (args.fresh ? 2000 : 10000));
const WRITES = Number(args.writes);
const GAP = Number(args['gap-ms']);
const INTERVAL = Number(args['interval-ms']);
if (![N, WRITES, GAP, INTERVAL].every((n) => Number.isInteger(n) && n >= 0) || N < 100 || WRITES < 1 || INTERVAL < 50) {
  process.stderr.write('usage: bench/webhooks/run.ts [--members N ≥ 100] [--fresh] [--writes W ≥ 1] [--gap-ms G] [--interval-ms I ≥ 50] [--keep]\n');
  process.exit(2);
}
const WARMUP = 5;

// The dispatcher reads these when the API starts (modules/webhooks/config.ts); the receiver is local.
process.env.LIANJIAN_WEBHOOKS_MS = String(INTERVAL);
process.env.LIANJIAN_WEBHOOKS_ALLOW_LOOPBACK = '1';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const cluster = await openCluster();
try {
  const scratch = `bench_webhooks_${sizeLabel(N)}${args.fresh ? '_fresh' : ''}`;
  if (await databaseExists(cluster, scratch)) await adminQuery(cluster.adminUrl, `DROP DATABASE ${pg.escapeIdentifier(scratch)} WITH (FORCE)`);
  let t = performance.now();
  if (args.fresh) {
    await adminQuery(cluster.adminUrl, `CREATE DATABASE ${pg.escapeIdentifier(scratch)}`);
    say(`seeding ${fmt(N)} members into ${scratch}…`);
    await seed(cluster.urlFor(scratch), { members: N, seed: 1, profile: 'scale', reset: true, progress: false });
  } else {
    const source = await ensureSeeded(cluster, N, say);
    say(`copying ${source.database} → ${scratch}…`);
    await adminQuery(cluster.adminUrl, `CREATE DATABASE ${pg.escapeIdentifier(scratch)} TEMPLATE ${pg.escapeIdentifier(source.database)}`);
  }
  const url = cluster.urlFor(scratch);
  await migrate(url);
  say(`  ready in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  // A bench ADMIN with a finished session, and a partner key over the root (as test/fixtures.ts makes them).
  const [root] = await adminQuery<{ id: string }>(url, `SELECT id FROM org_unit WHERE parent_id IS NULL ORDER BY no LIMIT 1`);
  const [branch] = await adminQuery<{ id: string }>(url, `SELECT id FROM org_unit WHERE kind = 'BRANCH' ORDER BY no LIMIT 1`);
  const [admin] = await adminQuery<{ id: string }>(
    url,
    `INSERT INTO account (username, display_name, password_hash, role, scope_unit_id, totp_secret, totp_enabled_at)
     VALUES ('bench-webhooks-admin', 'bench', 'unused', 'ADMIN', $1, 'JBSWY3DPEHPK3PXP', now()) RETURNING id`,
    [root!.id],
  );
  const session = newSessionToken();
  await adminQuery(url, `INSERT INTO session (account_id, token_hash, second_factor_at, expires_at) VALUES ($1, $2, now(), now() + interval '1 day')`, [admin!.id, Buffer.from(session.hash)]);
  const key = newApiKey();
  await adminQuery(url, `INSERT INTO api_key (name, prefix, key_hash, scopes, unit_id) VALUES ('bench webhooks', $1, $2, $3, $4)`, [key.prefix, Buffer.from(key.hash), ['Notice:read', 'Member:read'], root!.id]);

  // The receiver: checks every signature, notes when each record's event arrived.
  let secret = '';
  const arrived = new Map<string, number>();
  let bad = 0;
  let deliveries = 0;
  const receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const at = performance.now();
      const body = Buffer.concat(chunks).toString('utf8');
      deliveries++;
      const check = verifyWebhook({ secret, body, timestamp: req.headers['x-lianjian-timestamp'] as string, signature: req.headers['x-lianjian-signature'] as string });
      if (!check.ok) bad++;
      const id = (JSON.parse(body) as { record: { id: string } }).record.id;
      if (!arrived.has(id)) arrived.set(id, at);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;

  const api = await startApi({ databaseUrl: url, port: 0, host: '127.0.0.1', config: defaultConfig() });
  const gql = async <T>(query: string, variables: object, headers: Record<string, string>): Promise<T> => {
    const res = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
    const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
    if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
    return body.data!;
  };
  try {
    const reg = await gql<{ registerWebhook: { secret: string } }>(
      `mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { secret } }`,
      { input: { url: hookUrl, kinds: ['NOTICE_PUBLISHED'] } },
      { 'x-api-key': key.key },
    );
    secret = reg.registerWebhook.secret;

    const written = new Map<string, { start: number; done: number }>();
    const publish = async (i: number) => {
      const start = performance.now();
      const d = await gql<{ publishNotice: { id: string } }>(
        `mutation($input: PublishNoticeInput!) { publishNotice(input: $input) { id } }`,
        { input: { unitId: branch!.id, title: `基准测试通知 ${i}`, body: '推送延迟测试。', audience: 'SUBTREE' } },
        { authorization: `Bearer ${session.token}` },
      );
      written.set(d.publishNotice.id, { start, done: performance.now() });
    };
    say(`publishing ${WARMUP} warm-up and ${WRITES} measured notices, one every ${GAP} ms; dispatcher every ${INTERVAL} ms…`);
    for (let i = 0; i < WARMUP; i++) await publish(-1 - i);
    await sleep(INTERVAL * 3);
    const warm = new Set(written.keys());
    t = performance.now();
    for (let i = 0; i < WRITES; i++) {
      await publish(i);
      if (GAP) await sleep(GAP);
    }
    const measured = [...written.entries()].filter(([id]) => !warm.has(id));
    const deadline = Date.now() + 60_000 + INTERVAL * 5;
    while (measured.some(([id]) => !arrived.has(id)) && Date.now() < deadline) await sleep(50);
    const seconds = (performance.now() - t) / 1000;
    const latencies = measured.flatMap(([id, w]) => (arrived.has(id) ? [arrived.get(id)! - w.start] : [])).sort((a, b) => a - b);
    const afterCommit = measured.flatMap(([id, w]) => (arrived.has(id) ? [arrived.get(id)! - w.done] : [])).sort((a, b) => a - b);
    const writesMs = measured.map(([, w]) => w.done - w.start).sort((a, b) => a - b);
    const missing = measured.length - latencies.length;
    const p = (xs: number[], q: number) => fmt(percentile(xs, q));
    say(`\n${fmt(latencies.length)}/${fmt(measured.length)} delivered (${fmt(missing)} missing), ${fmt(deliveries)} requests, ${fmt(bad)} bad signatures, ${fmt(measured.length / seconds, 1)} writes/s`);
    say(`write → receiver got it:   p50 ${p(latencies, 50)} ms   p95 ${p(latencies, 95)} ms   max ${fmt(latencies[latencies.length - 1] ?? NaN)} ms`);
    say(`  of which the write:      p50 ${p(writesMs, 50)} ms   p95 ${p(writesMs, 95)} ms`);
    say(`  answer → receiver:       p50 ${p(afterCommit, 50)} ms   p95 ${p(afterCommit, 95)} ms (dispatcher interval ${INTERVAL} ms)`);
    const file = writeResult('webhooks', {
      members: N,
      fresh: args.fresh,
      writes: WRITES,
      gapMs: GAP,
      intervalMs: INTERVAL,
      delivered: latencies.length,
      missing,
      badSignatures: bad,
      latencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), max: latencies[latencies.length - 1] ?? null },
      writeMs: { p50: percentile(writesMs, 50), p95: percentile(writesMs, 95) },
      afterAnswerMs: { p50: percentile(afterCommit, 50), p95: percentile(afterCommit, 95) },
      machine: machine(),
    });
    say(`written to ${file}`);
    if (missing > 0 || bad > 0) process.exitCode = 1;
  } finally {
    await api.close();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  }
  if (!args.keep) await adminQuery(cluster.adminUrl, `DROP DATABASE ${pg.escapeIdentifier(scratch)} WITH (FORCE)`);
} finally {
  await cluster.stop();
}
