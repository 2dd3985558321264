// `npm start -- --mirror` (issue #21 item 6): a demo mirror beside the stack, for the demo general
// branch (the scope of the seed's general-branch secretary, prisma/src/seed/accounts.ts). Its key
// (scope Mirror:read) is made once and kept under the data folder, so a restarted stack resumes
// the same mirror; the root of trust is the one the chain node writes at every start; the mirror
// keeps its copy in an embedded Postgres of its own, under the stack's data folder too.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { newApiKey } from '../../api/src/modules/auth/tokens.js';
import { httpOk, startService, type RunningService } from './process.js';
import { tsEntry } from './services.js';

export interface DemoMirrorUnit {
  id: string;
  name: string;
}

/** The demo general branch: the general-branch secretary's scope, else the first general branch in the tree. */
export async function demoGeneralBranch(databaseUrl: string): Promise<DemoMirrorUnit | null> {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const { rows } = await c.query<{ id: string; name: string }>(
      `SELECT u.id::text, u.name FROM account a JOIN org_unit u ON u.id = a.scope_unit_id WHERE a.username = 'gb-secretary'
       UNION ALL
       (SELECT id::text, name FROM org_unit WHERE kind = 'GENERAL_BRANCH' ORDER BY path LIMIT 1)
       LIMIT 1`,
    );
    return rows[0] ?? null;
  } finally {
    await c.end();
  }
}

/**
 * The mirror key of `unit`: the one kept in `keyFile` while the centre still accepts it (not
 * revoked, same unit), else a new one, written there (0600). The centre stores only its hash.
 */
export async function demoMirrorKey(databaseUrl: string, unit: DemoMirrorUnit, keyFile: string): Promise<string> {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    if (existsSync(keyFile)) {
      const kept = readFileSync(keyFile, 'utf8').trim();
      const prefix = /^ljk_([0-9a-f]{12})_/.exec(kept)?.[1];
      const { rows } = await c.query(
        `SELECT 1 FROM api_key WHERE prefix = $1 AND unit_id = $2::uuid AND revoked_at IS NULL AND 'Mirror:read' = ANY(scopes)
           AND (expires_at IS NULL OR expires_at > now())`,
        [prefix ?? '', unit.id],
      );
      if (rows.length) return kept;
    }
    const { key, prefix, hash } = newApiKey();
    await c.query(`INSERT INTO api_key (name, prefix, key_hash, scopes, unit_id) VALUES ($1, $2, $3, $4, $5::uuid)`, [
      `演示镜像 demo mirror · ${unit.name}`,
      prefix,
      Buffer.from(hash),
      ['Mirror:read'],
      unit.id,
    ]);
    mkdirSync(path.dirname(keyFile), { recursive: true });
    writeFileSync(keyFile, `${key}\n`, { mode: 0o600 });
    return key;
  } finally {
    await c.end();
  }
}

export interface DemoMirrorOptions {
  feedUrl: string;
  rpcUrl: string;
  trustRootFile: string;
  /** The key file (LIANJIAN_MIRROR_KEY_FILE): the secret stays out of the command line. */
  keyFile: string;
  /** Its embedded Postgres data. */
  dataDir: string;
  port: number;
  logFile: string;
}

/**
 * lianjian-mirror as a service of the stack; ready once its read API answers. Stopped by a
 * SIGTERM to its own process only, not its process group: its embedded Postgres is in that group
 * and is stopped by the mirror after the mirror has let go of it (mirror-demo-main.ts).
 */
export async function startDemoMirror(opts: DemoMirrorOptions): Promise<RunningService> {
  const svc = await startService({
    name: 'mirror',
    command: process.execPath,
    args: [...tsEntry('scripts/lib/mirror-demo-main.ts'), '--feed', opts.feedUrl, '--trust', opts.trustRootFile, '--rpc', opts.rpcUrl, '--data-dir', opts.dataDir, '--port', String(opts.port)],
    // Its own embedded Postgres, never the centre's database the stack's DATABASE_URL names.
    env: { DATABASE_URL: '', LIANJIAN_MIRROR_KEY_FILE: opts.keyFile },
    logFile: opts.logFile,
    ready: () => httpOk(`http://127.0.0.1:${opts.port}/status`),
    readyTimeoutMs: 120_000,
  });
  const groupStop = svc.stop.bind(svc);
  return {
    ...svc,
    async stop(graceMs = 20_000) {
      let gone = false;
      void svc.exited.then(() => (gone = true));
      try {
        svc.child.kill('SIGTERM');
      } catch {
        /* already gone */
      }
      const deadline = Date.now() + graceMs;
      while (!gone && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      // Whatever is left (a mirror that did not stop in time, its Postgres): the group, as any service.
      await groupStop(2000);
    },
  };
}
