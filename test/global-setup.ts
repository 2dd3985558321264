// Integration test setup: one embedded Postgres cluster on a free port for the whole run
// (or DATABASE_URL's server), and a template database with every migration applied, from which
// each test file clones its own database (see test/db.ts).
import { migrate } from '@lianjian/db';
import { ensureDatabase, startPostgres, type RunningPostgres } from '@lianjian/db/postgres';
import { mkdtempSync, chmodSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import './context.js';
import { chainAvailable, pickChainPorts, startChainNode, type ChainNode } from '../scripts/lib/chain-node.js';

export const TEMPLATE_DB = 'lianjian_template';


let server: RunningPostgres | undefined;
let chain: ChainNode | undefined;
let dir: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  dir = mkdtempSync(path.join(tmpdir(), 'lianjian-test-'));
  chmodSync(dir, 0o755);
  server = await startPostgres({ dataDir: path.join(dir, 'pg'), database: 'postgres', fast: true });
  const template = process.env.DATABASE_URL ? `${TEMPLATE_DB}_${process.pid}` : TEMPLATE_DB;
  const admin = new pg.Client({ connectionString: server.adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.end();
  await ensureDatabase(server.adminUrl, template);
  const url = new URL(server.adminUrl);
  url.pathname = `/${template}`;
  await migrate(url.toString());
  project.provide('pgAdminUrl', server.adminUrl);
  project.provide('pgTemplateDb', template);

  // Tests that need their own node (restarts, faults) start one with startChainNode themselves.
  if (chainAvailable()) {
    chain = await startChainNode({
      home: path.join(dir, 'chain'),
      ports: await pickChainPorts(),
      logFile: path.join(dir, 'chain.log'),
      submitters: 2,
    });
  }
  project.provide('chainRpcUrl', chain?.rpcUrl ?? '');
  project.provide('chainHome', chain?.home ?? '');
  project.provide('submitterMnemonics', chain?.submitterMnemonics() ?? []);
}

export async function teardown(): Promise<void> {
  await chain?.stop();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}
