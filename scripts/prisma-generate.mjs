#!/usr/bin/env node
// Generates the Prisma client (prisma/generated/, git-ignored) and the DMMF module, skipping the
// work when nothing that shapes the output changed since the last run (fast builds and starts).
// Usage: node scripts/prisma-generate.mjs [--force | --check]   (--check: exit 1 when stale)
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const prismaDir = path.join(root, 'prisma');
const outDir = path.join(prismaDir, 'generated');
const stampFile = path.join(outDir, '.generate-hash');
const cli = path.join(root, 'node_modules/prisma/build/index.js');

/** Hash of everything that shapes the generated output; the drift test checks it is current. */
export function inputsHash() {
  const h = createHash('sha256');
  for (const file of ['schema.prisma', 'prisma.config.ts', 'tools/dmmf-generator.mjs']) {
    h.update(file).update('\0').update(readFileSync(path.join(prismaDir, file))).update('\0');
  }
  // A different Prisma version generates different code.
  h.update(readFileSync(path.join(root, 'node_modules/prisma/package.json')));
  return h.digest('hex');
}

function main() {
  if (!existsSync(cli)) throw new Error('prisma is not installed: run `npm ci` first');
  const hash = inputsHash();
  const complete = ['client.ts', 'dmmf.ts'].every((f) => existsSync(path.join(outDir, f)));
  const force = process.argv.includes('--force');
  const current = complete && existsSync(stampFile) && readFileSync(stampFile, 'utf8').trim() === hash;
  if (process.argv.includes('--check')) {
    if (current) return;
    throw new Error('prisma/generated/ is stale or missing: run `node scripts/prisma-generate.mjs`');
  }
  if (!force && current) {
    process.stdout.write('Prisma client is up to date (schema unchanged)\n');
    return;
  }
  const res = spawnSync(process.execPath, [cli, 'generate', '--schema', 'schema.prisma'], {
    cwd: prismaDir,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      // `generate` only checks that a schema engine binary exists; it never runs it, and the
      // real one cannot be downloaded here.
      PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
      CHECKPOINT_DISABLE: '1',
      PRISMA_DISABLE_WARNINGS: '1',
    },
  });
  if (res.error) throw new Error(`prisma generate could not start: ${res.error.message}`);
  if (res.status !== 0) throw new Error(`prisma generate failed (exit ${res.status ?? res.signal})`);
  writeFileSync(stampFile, hash + '\n');
}

export const generatedStampFile = stampFile;

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (err) {
    process.stderr.write(`✗ ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}
