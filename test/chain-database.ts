// What the drills (backup/restore, release rollback, continuous audit) start with: a scratch
// folder, a fresh migrated database and a chain node of their own, started side by side.
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pickChainPorts, startChainNode, type ChainNode } from '../scripts/lib/chain-node.js';
import { createTestDatabase } from './db.js';

export async function databaseAndChain(prefix: string): Promise<{ dir: string; url: string; node: ChainNode }> {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  chmodSync(dir, 0o755); // as root, Postgres runs as the postgres user and must walk into it (a restored cluster lives here)
  const [db, node] = await Promise.all([
    createTestDatabase(),
    pickChainPorts().then((ports) => startChainNode({ home: path.join(dir, 'chain'), ports, logFile: path.join(dir, 'chain.log') })),
  ]);
  return { dir, url: db.url, node };
}
