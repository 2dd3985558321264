// End to end with real processes: a member written through the outbox (Prisma interactive
// transaction, as the API does) is anchored by the indexer process (main.ts) on a real chain, and
// the proof bundle served for it is accepted by the lianjian-verify command line, online.
//
// The chain is this test's own node: x/anchor holds one log per chain (its seq is the database's
// batch seq), so an indexer with a fresh database cannot anchor on the run's shared node once
// other tests have committed batches there.
import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createPrisma, recordData, type PrismaClient } from '@lianjian/db';
import { freePort } from '@lianjian/db/postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/lib/chain-node.js';
import { httpOk, startService, type RunningService } from '../../scripts/lib/process.js';
import { createTestDatabase } from '../../test/db.js';
import { appendRecord } from '../src/outbox.js';
import { getProofBundle, type RecordProof } from '../src/proof.js';
import { ownChain, waitFor } from './helpers.js';

const exec = promisify(execFile);

let dir: string;
let chainNode: Awaited<ReturnType<typeof ownChain>>;
let url: string;
let prisma: PrismaClient;
let indexer: RunningService;

async function verifyCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await exec(process.execPath, ['--conditions=source', '--import', 'tsx', path.join(repoRoot, 'indexer/test/fixtures/verify-cli.ts'), ...args], { cwd: repoRoot });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'lianjian-e2e-'));
  chmodSync(dir, 0o755);
  [chainNode, { url }] = await Promise.all([ownChain(dir), createTestDatabase()]);
  prisma = createPrisma(url, { max: 2 });
  const port = await freePort();
  indexer = await startService({
    name: 'indexer',
    command: process.execPath,
    args: ['--conditions=source', '--import', 'tsx', path.join(repoRoot, 'indexer/src/main.ts')],
    env: { DATABASE_URL: url, LIANJIAN_RPC: chainNode.rpcUrl, LIANJIAN_CHAIN_HOME: chainNode.home, PORT: String(port) },
    logFile: path.join(dir, 'indexer.log'),
    ready: () => httpOk(`http://127.0.0.1:${port}/health`),
  });
});

afterAll(async () => {
  await indexer?.stop();
  await prisma?.$disconnect();
  await chainNode?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('outbox → indexer → chain → lianjian-verify', () => {
  it('a member written through the outbox verifies online with the CLI', async () => {
    const member = await prisma.$transaction(async (tx) => {
      const unit = await tx.orgUnit.create({ data: { kind: 'BRANCH', name: '第一支部', code: 'E2E-1', province: '北京' } });
      await appendRecord(tx, { type: 'OrgUnit', id: unit.id, version: 1, org: unit.id, actor: 'system', data: recordData('OrgUnit', unit) });
      const m = await tx.member.create({
        data: {
          orgUnitId: unit.id,
          name: '李四',
          gender: 'FEMALE',
          birthDate: new Date('1995-03-04T00:00:00Z'),
          ethnicity: '汉族',
          education: 'BACHELOR',
          stage: 'APPLICANT',
          appliedOn: new Date('2026-01-05T00:00:00Z'),
          phone: '13800000000',
        },
      });
      await appendRecord(tx, { type: 'Member', id: m.id, version: 1, org: unit.id, actor: 'system', data: recordData('Member', m) });
      return m;
    });

    const proof: RecordProof = await waitFor(
      'the member anchored',
      async () => {
        const p = await getProofBundle(prisma, { type: 'Member', id: member.id });
        return p?.status === 'ANCHORED' ? p : undefined;
      },
      60_000,
      200,
    );
    expect(proof.document.data).toMatchObject({ name: '李四', birthDate: '1995-03-04', stage: 'APPLICANT' });
    expect(JSON.stringify(proof.document)).not.toContain('13800000000'); // the phone never enters a record

    const file = path.join(dir, 'member.proof.json');
    writeFileSync(file, JSON.stringify(proof.bundle));
    const ok = await verifyCli(['--rpc', chainNode.rpcUrl, '--json', file]);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    const report = JSON.parse(ok.stdout) as { verified: boolean; offline: boolean; checks: { name: string; ok: boolean | null }[] };
    expect(report).toMatchObject({ verified: true, offline: false });
    expect(report.checks.find((c) => c.name === 'chain')?.ok).toBe(true);

    // The same bundle with the member's name changed is refused.
    const forged = { ...proof.bundle!, document: { ...proof.bundle!.document, data: { ...proof.bundle!.document.data, name: '王五' } } };
    writeFileSync(file, JSON.stringify(forged));
    const bad = await verifyCli(['--rpc', chainNode.rpcUrl, file]);
    expect(bad.code).toBe(1);
  });
});
