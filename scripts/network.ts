// `npm run network`: the whole stack (Postgres, indexer, API, web) on a network of four levels —
// 中央 centre, 省 province, 市 city, 县 county — each running a validator (chain/scripts/localnet4.sh),
// instead of `npm start`'s single node. Writes the organisation's root of trust naming the four
// levels (<data>/network/trust-root.json) and prints how a fifth level joins (docs/levels.md).
// Ctrl-C stops everything in reverse order.
//
// Environment: LIANJIAN_DATA_DIR (default .data-network), LIANJIAN_NETWORK_BASE_PORT (default 27100:
// validator i uses base+10i p2p, +1 rpc, +2 grpc, +3 api), LIANJIAN_API_PORT (4000),
// LIANJIAN_WEB_PORT (3000), LIANJIAN_INDEXER_PORT (9464), LIANJIAN_PG_PORT, DATABASE_URL.
import { migrate, seedDemo } from '@lianjian/db';
import { startPostgres, type RunningPostgres } from '@lianjian/db/postgres';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { chainAvailable, repoRoot } from './lib/chain-node.js';
import { startNetwork, type Network } from './lib/levels.js';
import { type RunningService } from './lib/process.js';
import { startApi, startIndexer, startWebServer, webServerEntry } from './lib/services.js';

const dataDir = path.resolve(process.env.LIANJIAN_DATA_DIR ?? path.join(repoRoot, '.data-network'));
const logDir = path.join(dataDir, 'logs');
const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const ports = {
  api: port('LIANJIAN_API_PORT', 4000),
  web: port('LIANJIAN_WEB_PORT', 3000),
  indexer: port('LIANJIAN_INDEXER_PORT', 9464),
  base: port('LIANJIAN_NETWORK_BASE_PORT', 27100),
};

const services: RunningService[] = [];
let network: Network | undefined;
let postgres: RunningPostgres | undefined;
let stopping = false;
const say = (line: string) => process.stdout.write(`${line}\n`);

async function stopAll(code: number): Promise<never> {
  if (stopping) process.exit(code);
  stopping = true;
  say('\nStopping… / 正在停止…');
  for (const svc of [...services].reverse()) {
    await svc.stop().catch(() => undefined);
    say(`  stopped ${svc.name}`);
  }
  if (network) {
    await network.stop().catch(() => undefined);
    say('  stopped the four validators');
  }
  await postgres?.stop().catch(() => undefined);
  say('All stopped. / 已全部停止。');
  process.exit(code);
}

async function isEmpty(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ n: string }>('SELECT count(*)::text AS n FROM org_unit');
    return rows[0]?.n === '0';
  } finally {
    await c.end();
  }
}

function persistentSecret(name: string): string {
  const file = path.join(dataDir, name);
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

async function main() {
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.removeAllListeners(sig);
  let once = false;
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => {
      if (once) return;
      once = true;
      void stopAll(0);
    });
  }
  if (!chainAvailable()) throw new Error('the chain node is not built: run chain/scripts/build.sh (npm run network does it through run-ts --prepare-chain)');
  mkdirSync(logDir, { recursive: true });

  say('Starting four levels / 启动四个层级的验证节点: 中央 centre, 省 province, 市 city, 县 county');
  const t0 = Date.now();
  network = await startNetwork({ root: path.join(dataDir, 'network'), logDir, basePort: ports.base, organisation: '链建示范组织 Lianjian (four levels)' });
  say(`  four validators making blocks in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  postgres = await startPostgres({
    dataDir: path.join(dataDir, 'pg'),
    port: process.env.LIANJIAN_PG_PORT ? Number(process.env.LIANJIAN_PG_PORT) : undefined,
    log: () => {},
  });
  const dbUrl = postgres.url;
  const { applied } = await migrate(dbUrl, { log: (s) => say(`  ${s}`) });
  say(`Postgres ready (${postgres.embedded ? 'embedded' : 'DATABASE_URL'}); ${applied.length} migration(s) applied`);
  const accountsFile = path.join(dataDir, 'demo-accounts.json');
  if (await isEmpty(dbUrl)) {
    say('Empty database: seeding demo data… / 空数据库：正在写入演示数据…');
    const demo = await seedDemo(dbUrl);
    writeFileSync(accountsFile, JSON.stringify(demo.accounts, null, 2), { mode: 0o600 });
  }

  // The indexer commits through the first level's node; the web app verifies against another
  // level's node, from the root of trust (so it trusts no single node).
  const env: NodeJS.ProcessEnv = {
    DATABASE_URL: dbUrl,
    NODE_ENV: process.env.NODE_ENV ?? 'development',
    LIANJIAN_RPC: network.rpcUrl(0),
    LIANJIAN_CHAIN_HOME: network.root,
    LIANJIAN_TRUST_ROOT: network.trustRootFile,
  };
  const forwardSecret = randomBytes(32).toString('base64url');
  services.push(await startIndexer({ port: ports.indexer, env, logFile: path.join(logDir, 'indexer.log') }));
  services.push(await startApi({ port: ports.api, env, forwardSecret, logFile: path.join(logDir, 'api.log') }));
  if (existsSync(webServerEntry)) {
    services.push(
      await startWebServer({
        port: ports.web,
        env,
        apiUrl: `http://127.0.0.1:${ports.api}/graphql`,
        rpcUrl: network.rpcUrl(1),
        indexerUrl: `http://127.0.0.1:${ports.indexer}`,
        sessionSecret: persistentSecret('web-session.secret'),
        forwardSecret,
        logFile: path.join(logDir, 'web.log'),
      }),
    );
  }

  say('');
  say('Lianjian 链建 on four levels is running / 四级网络已启动:');
  if (existsSync(webServerEntry)) say(`  Web / 网页                 http://127.0.0.1:${ports.web}/`);
  say(`  GraphQL API                http://127.0.0.1:${ports.api}/graphql`);
  say(`  Indexer metrics            http://127.0.0.1:${ports.indexer}/metrics`);
  say(`  Postgres                   ${postgres.displayUrl}`);
  network.names.forEach((n, i) => say(`  ${`${n}`.padEnd(16)}RPC http://127.0.0.1:${network!.ports(i).rpc}  p2p ${network!.ports(i).p2p}`));
  say(`  Root of trust / 信任根     ${network.trustRootFile}`);
  say(`  Genesis / 创世文件          ${network.genesisFile}`);
  say(`  Logs / 日志                ${logDir}`);
  say('\nA fifth level joins / 第五个层级加入 (docs/levels.md):');
  say(`  npm run level -- join --home .data-level5 --genesis ${network.genesisFile} --peers ${await network.peers()}`);
  say(`  npm run level -- promote --home .data-level5 --name '乡 township' --admin-home ${network.admin.home} --node ${network.rpcUrl(0)}`);
  say(`  npm run level -- leave --home .data-level5 --node ${network.rpcUrl(0)}`);
  say(`\nUp in ${((Date.now() - t0) / 1000).toFixed(1)} s. Press Ctrl-C to stop. / 按 Ctrl-C 停止。`);

  for (const svc of services) {
    void svc.exited.then((code) => {
      if (stopping) return;
      process.stderr.write(`${svc.name} stopped unexpectedly (${code}); see ${path.join(logDir, `${svc.name}.log`)}\n`);
      void stopAll(1);
    });
  }
}

main().catch(async (err: unknown) => {
  process.stderr.write(`\x1b[31m✗\x1b[0m ${err instanceof Error ? err.message : String(err)}\n`);
  await stopAll(1);
});
