// The stack supervisor behind `npm start`: Postgres (embedded unless DATABASE_URL is set),
// migrations, demo data on an empty database, then every service that exists, in dependency
// order; Ctrl-C stops them in reverse order and Postgres last.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chainAvailable, startChainNode, repoRoot } from './lib/chain-node.js';
import { demoGeneralBranch, demoMirrorKey, startDemoMirror } from './lib/mirror-demo.js';
import { startApi, startIndexer, webServerEntry } from './lib/services.js';
import { envPort as port, say, servicePorts, Supervisor } from './lib/supervisor.js';

// LIANJIAN_DATA_DIR: another place for the database, chain and logs (the start/stop test uses one).
const sup = new Supervisor(path.resolve(process.env.LIANJIAN_DATA_DIR ?? path.join(repoRoot, '.data')));
const { services, logDir } = sup;
const ports = {
  ...servicePorts(),
  rpc: port('LIANJIAN_RPC_PORT', 26657),
  grpc: port('LIANJIAN_GRPC_PORT', 9090),
  chainApi: port('LIANJIAN_CHAIN_API_PORT', 1317),
  p2p: port('LIANJIAN_P2P_PORT', 26656),
  mirror: port('LIANJIAN_MIRROR_PORT', 4100),
};
// `npm start -- --mirror`: a demo mirror of the demo general branch beside the stack (scripts/lib/mirror-demo.ts).
const withMirror = process.argv.includes('--mirror');

/** Pads to a terminal column width, counting CJK characters as two columns. */
function pad(text: string, width: number): string {
  const cols = [...text].reduce((n, ch) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);
  return text + ' '.repeat(Math.max(1, width - cols));
}

async function main() {
  sup.begin();
  const db = await sup.database();

  const env: NodeJS.ProcessEnv = { DATABASE_URL: db.url, NODE_ENV: process.env.NODE_ENV ?? 'development' };
  // Lets the web server name the browser it calls the API for (per-address sign-in limits); new each start.
  const forwardSecret = randomBytes(32).toString('base64url');
  const urls: Array<[string, string]> = [];

  if (chainAvailable()) {
    const node = await startChainNode({
      home: path.join(sup.dataDir, 'chain'),
      ports: { rpc: ports.rpc, grpc: ports.grpc, api: ports.chainApi, p2p: ports.p2p },
      logFile: path.join(logDir, 'chain.log'),
    });
    services.push(node);
    env.LIANJIAN_RPC = node.rpcUrl;
    env.LIANJIAN_CHAIN_HOME = node.home;
    urls.push(['Chain RPC / 链节点', node.rpcUrl]);
  }

  if (existsSync(path.join(repoRoot, 'indexer/src/main.ts'))) {
    services.push(
      await startIndexer({ port: ports.indexer, env, logFile: path.join(logDir, 'indexer.log') }),
    );
    urls.push(['Indexer metrics / 索引器指标', `http://127.0.0.1:${ports.indexer}/metrics`]);
  }

  if (existsSync(path.join(repoRoot, 'api/src/main.ts'))) {
    services.push(await startApi({ port: ports.api, env, forwardSecret, logFile: path.join(logDir, 'api.log') }));
    urls.push(['GraphQL API', `http://127.0.0.1:${ports.api}/graphql`]);
  }

  if (existsSync(webServerEntry)) {
    await sup.startWeb(ports, env, env.LIANJIAN_RPC ?? `http://127.0.0.1:${ports.rpc}`, forwardSecret);
    urls.unshift(['Web / 网页', `http://127.0.0.1:${ports.web}/`]);
  }

  if (withMirror) {
    const chainHome = env.LIANJIAN_CHAIN_HOME;
    const unit = await demoGeneralBranch(db.url);
    if (!chainHome || !existsSync(path.join(repoRoot, 'api/src/main.ts'))) {
      say('--mirror: a mirror needs the chain node and the API; not started. / 镜像需要链节点和 API，未启动。');
    } else if (!unit) {
      say('--mirror: the database has no general branch to mirror; not started. / 数据库中没有可镜像的总支，未启动。');
    } else {
      const keyFile = path.join(sup.dataDir, 'mirror', 'key');
      await demoMirrorKey(db.url, unit, keyFile);
      services.push(
        await startDemoMirror({
          feedUrl: `http://127.0.0.1:${ports.api}/graphql`,
          rpcUrl: env.LIANJIAN_RPC ?? `http://127.0.0.1:${ports.rpc}`,
          trustRootFile: path.join(chainHome, 'trust-root.json'),
          keyFile,
          dataDir: path.join(sup.dataDir, 'mirror', 'pg'),
          port: ports.mirror,
          logFile: path.join(logDir, 'mirror.log'),
        }),
      );
      urls.push([`Mirror / 镜像 (${unit.name})`, `http://127.0.0.1:${ports.mirror}/status`]);
    }
  }

  say('');
  say('Lianjian 链建 is running / 已启动:');
  say(`  ${pad('Postgres', 34)}${db.displayUrl}`);
  for (const [label, url] of urls) say(`  ${pad(label, 34)}${url}`);
  say(`  ${pad('Logs / 日志', 34)}${path.relative(process.cwd(), logDir) || logDir}`);
  if (existsSync(db.accountsFile)) {
    const accounts = JSON.parse(readFileSync(db.accountsFile, 'utf8')) as Array<{
      username: string;
      password: string;
      role: string;
      totpSecret?: string | null;
    }>;
    say('\nDemo accounts / 演示账号 (TOTP secrets go into any authenticator app):');
    for (const a of accounts) {
      say(`  ${a.role.padEnd(10)} ${a.username.padEnd(14)} ${a.password}${a.totpSecret ? `   TOTP ${a.totpSecret}` : ''}`);
    }
  }
  const t0 = Number(process.env.LIANJIAN_START_T0 ?? Date.now());
  say(`\nUp in ${((Date.now() - t0) / 1000).toFixed(1)} s. Press Ctrl-C to stop. / 按 Ctrl-C 停止。`);

  sup.watch();
}

sup.run(main);
