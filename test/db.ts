// Per-file test databases cloned from the migrated template: fast (a file copy) and isolated.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import './context.js';
import { withClient } from './pg-client.js';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

const admin = <T>(fn: (c: pg.Client) => Promise<T>): Promise<T> => withClient(inject('pgAdminUrl'), fn);

/** Creates a fresh migrated database and drops it after the file's tests. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  const template = inject('pgTemplateDb');
  await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  const u = new URL(inject('pgAdminUrl'));
  u.pathname = `/${name}`;
  const db: TestDatabase = {
    url: u.toString(),
    name,
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
  afterAll(() => db.drop());
  return db;
}

/** The run's shared chain node; fails the calling test clearly when chain/ has not been built. */
export function sharedChain(): { rpcUrl: string; home: string; mnemonics: string[] } {
  const rpcUrl = inject('chainRpcUrl');
  if (!rpcUrl) throw new Error('no chain node: build it with `bash chain/scripts/build.sh` (npm test does this)');
  return { rpcUrl, home: inject('chainHome'), mnemonics: inject('submitterMnemonics') };
}
