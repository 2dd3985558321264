// `npm run network`: the whole stack (Postgres, indexer, API, web) on a network of four levels —
// 中央 centre, 省 province, 市 city, 县 county — each running a validator (chain/scripts/localnet4.sh),
// instead of `npm start`'s single node. Writes the organisation's root of trust naming the four
// levels (<data>/network/trust-root.json) and prints how a fifth level joins (docs/levels.md).
// Ctrl-C stops everything in reverse order.
//
// Environment: LIANJIAN_DATA_DIR (default .data-network), LIANJIAN_NETWORK_BASE_PORT (default 27100:
// validator i uses base+10i p2p, +1 rpc, +2 grpc, +3 api), LIANJIAN_API_PORT (4000),
// LIANJIAN_WEB_PORT (3000), LIANJIAN_INDEXER_PORT (9464), LIANJIAN_PG_PORT, DATABASE_URL.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chainAvailable, repoRoot } from './lib/chain-node.js';
import { startNetwork } from './lib/levels.js';
import { startApi, startIndexer, webServerEntry } from './lib/services.js';
import { envPort as port, say, servicePorts, Supervisor } from './lib/supervisor.js';

const sup = new Supervisor(path.resolve(process.env.LIANJIAN_DATA_DIR ?? path.join(repoRoot, '.data-network')));
const { services, logDir } = sup;
const ports = {
  ...servicePorts(),
  base: port('LIANJIAN_NETWORK_BASE_PORT', 27100),
};

async function main() {
  sup.begin();
  if (!chainAvailable()) throw new Error('the chain node is not built: run chain/scripts/build.sh (npm run network does it through run-ts --prepare-chain)');
  say('Starting four levels / 启动四个层级的验证节点: 中央 centre, 省 province, 市 city, 县 county');
  const t0 = Date.now();
  const network = await startNetwork({ root: path.join(sup.dataDir, 'network'), logDir, basePort: ports.base, organisation: '链建示范组织 Lianjian (four levels)' });
  say(`  four validators making blocks in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  sup.onStop('stopped the four validators', () => network.stop());
  const db = await sup.database();

  // The indexer commits through the first level's node; the web app verifies against another
  // level's node, from the root of trust (so it trusts no single node).
  const env: NodeJS.ProcessEnv = {
    DATABASE_URL: db.url,
    NODE_ENV: process.env.NODE_ENV ?? 'development',
    LIANJIAN_RPC: network.rpcUrl(0),
    LIANJIAN_CHAIN_HOME: network.root,
    LIANJIAN_TRUST_ROOT: network.trustRootFile,
  };
  const forwardSecret = randomBytes(32).toString('base64url');
  services.push(await startIndexer({ port: ports.indexer, env, logFile: path.join(logDir, 'indexer.log') }));
  services.push(await startApi({ port: ports.api, env, forwardSecret, logFile: path.join(logDir, 'api.log') }));
  if (existsSync(webServerEntry)) {
    await sup.startWeb(ports, env, network.rpcUrl(1), forwardSecret);
  }

  say('');
  say('Lianjian 链建 on four levels is running / 四级网络已启动:');
  if (existsSync(webServerEntry)) say(`  Web / 网页                 http://127.0.0.1:${ports.web}/`);
  say(`  GraphQL API                http://127.0.0.1:${ports.api}/graphql`);
  say(`  Indexer metrics            http://127.0.0.1:${ports.indexer}/metrics`);
  say(`  Postgres                   ${db.displayUrl}`);
  network.names.forEach((n, i) => say(`  ${`${n}`.padEnd(16)}RPC http://127.0.0.1:${network.ports(i).rpc}  p2p ${network.ports(i).p2p}`));
  say(`  Root of trust / 信任根     ${network.trustRootFile}`);
  say(`  Genesis / 创世文件          ${network.genesisFile}`);
  say(`  Logs / 日志                ${logDir}`);
  say('\nA fifth level joins / 第五个层级加入 (docs/levels.md):');
  say(`  npm run level -- join --home .data-level5 --genesis ${network.genesisFile} --peers ${await network.peers()}`);
  say(`  npm run level -- promote --home .data-level5 --name '乡 township' --admin-home ${network.admin.home} --node ${network.rpcUrl(0)}`);
  say(`  npm run level -- leave --home .data-level5 --node ${network.rpcUrl(0)}`);
  say(`\nUp in ${((Date.now() - t0) / 1000).toFixed(1)} s. Press Ctrl-C to stop. / 按 Ctrl-C 停止。`);

  sup.watch();
}

sup.run(main);
