// The whole stack for the API's end-to-end test: a chain node of the test's own, a fresh database
// with the fixture organisation, the real indexer (in-process, committing to that node), the API
// server, and the lianjian-verify command line run as a separate process.
//
// The chain is the test's own because x/anchor holds one log per chain whose seq is the database's
// batch seq: a fresh database cannot anchor on the run's shared node once other files used it.
import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { committerChain, Indexer } from '@lianjian/indexer';
import type { ProofBundle } from '@lianjian/verify';
import { ChainCommitter } from '@lianjian/indexer/chain';
import { ownChain } from '../../indexer/test/helpers.js';
import { repoRoot } from '../../scripts/lib/chain-node.js';
import { base32Decode, totp } from '../src/modules/auth/totp.js';
import { createFixture, PASSWORD, type Fixture } from './fixtures.js';
import { startHarness, type Harness } from './harness.js';

const exec = promisify(execFile);

export interface E2eStack {
  h: Harness;
  fx: Fixture;
  rpcUrl: string;
  dir: string;
  stop(): Promise<void>;
}

export async function startE2eStack(): Promise<E2eStack> {
  const dir = mkdtempSync(path.join(tmpdir(), 'lianjian-api-e2e-'));
  chmodSync(dir, 0o755);
  const [chainNode, h] = await Promise.all([ownChain(dir), startHarness()]);
  let indexer: Indexer | undefined;
  try {
    const fx = await createFixture(h.prisma);
    const committer = await ChainCommitter.create({ rpcUrl: chainNode.rpcUrl, mnemonic: chainNode.mnemonics()[0]!, retry: { maxElapsedMs: 10_000 } });
    indexer = new Indexer({ databaseUrl: h.dbUrl, chain: committerChain(committer), policy: { maxWaitMs: 50, pollMs: 10 } });
    await indexer.start();
    const running = indexer;
    return {
      h,
      fx,
      rpcUrl: chainNode.rpcUrl,
      dir,
      async stop() {
        await running.stop();
        await h.close();
        await chainNode.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await indexer?.stop().catch(() => undefined);
    await h.close().catch(() => undefined);
    await chainNode.stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

let ipSeq = 0;

/** A real sign-in: password, then the TOTP code of the account's secret at the API's clock. */
export async function signInWithTotp(h: Harness, fx: Fixture, who: 'secretary' | 'admin'): Promise<string> {
  const ip = `10.9.0.${++ipSeq}`;
  const start = await h.gql<{ signIn: { __typename: string; challenge?: string } }>(
    `mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { __typename ... on TotpRequired { challenge } } }`,
    { u: fx.accounts[who].username, p: PASSWORD },
    { ip },
  );
  if (start.data?.signIn.__typename !== 'TotpRequired') throw new Error(`sign-in of ${who} did not ask for TOTP: ${JSON.stringify(start)}`);
  const code = totp(base32Decode(fx.accounts[who].totpSecret!), h.clock.now);
  const done = await h.gql<{ verifyTotp: { token: string } }>(
    `mutation($c: String!, $code: String!) { verifyTotp(challenge: $c, code: $code) { token } }`,
    { c: start.data.signIn.challenge, code },
    { ip },
  );
  if (!done.data?.verifyTotp.token) throw new Error(`TOTP of ${who} refused: ${JSON.stringify(done.errors)}`);
  return done.data.verifyTotp.token;
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Writes `bundle` to a file in `dir` and runs lianjian-verify (from source) on it against `rpcUrl`. */
export async function verifyWithCli(dir: string, name: string, bundle: unknown, rpcUrl: string): Promise<CliResult> {
  const file = path.join(dir, `${name}.proof.json`);
  writeFileSync(file, JSON.stringify(bundle));
  const cli = path.join(repoRoot, 'indexer/test/fixtures/verify-cli.ts');
  try {
    const r = await exec(process.execPath, ['--conditions=source', '--import', 'tsx', cli, '--rpc', rpcUrl, file], { cwd: repoRoot });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    if (typeof e.code !== 'number') throw error;
    return { code: e.code, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** A record's proof as the API serves it (status and, once there is one, its bundle). */
export interface ProofView {
  status: string;
  bundle: ProofBundle | null;
}

/** Polls `read` (a GraphQL read of some proofs) until every proof is ANCHORED, within `timeoutMs`. */
export async function untilAnchored<T>(what: string, read: () => Promise<T>, proofsOf: (v: T) => ProofView[], timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    const proofs = proofsOf(v);
    if (proofs.length > 0 && proofs.every((p) => p.status === 'ANCHORED')) return v;
    if (Date.now() > deadline) throw new Error(`${what} not anchored after ${timeoutMs} ms: ${proofs.map((p) => p.status).join(', ')}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
