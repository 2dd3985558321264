// The proof library and its CLI under bad input and random trees (fast-check). The corpus
// (corpus/bad-bundles.ts) goes through parseBundle/verifyBundle and through the CLI both in
// process and as a real process: a clear one-line reason and a non-zero exit, never "verified".
// The properties add what verify/test/property.test.ts leaves out: every leaf of every random
// tree verifies, and a changed index, or one changed bit of a whole bundle, never does.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { BundleError, buildTree, createBundle, inclusionPath, leafHash, makeDocument, parseBundle, treeRoot, verifyBundle, verifyInclusion, type ProofBundle } from '@lianjian/verify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, type CliIo } from '@lianjian/verify/cli';
import { sampleBundle } from '../../verify/test/fixtures.js';
import { repoRoot } from '../../scripts/lib/chain-node.js';
import { BAD_BUNDLES } from './corpus/bad-bundles.js';

const exec = promisify(execFile);
const good = sampleBundle(7, 3);

async function cli(text: string): Promise<{ code: number; out: string[] }> {
  const out: string[] = [];
  const io: CliIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => out.push(t),
    readFile: async () => text,
    readStdin: async () => text,
    env: {},
    createChainChecker: () => ({ checkBatchRoot: async () => ({ ok: true, height: 1 }) }),
  };
  const code = await run(['bundle.json'], io);
  return { code, out };
}

describe('malformed and forged bundles (corpus)', () => {
  it('the corpus is built from a bundle that verifies, and covers both outcomes', async () => {
    expect((await verifyBundle(parseBundle(JSON.stringify(good)))).verified).toBe(true);
    expect((await cli(JSON.stringify(good))).code).toBe(0);
    expect(BAD_BUNDLES.filter((b) => b.kind === 'malformed').length).toBeGreaterThanOrEqual(30);
    expect(BAD_BUNDLES.filter((b) => b.kind === 'unverified').length).toBeGreaterThanOrEqual(10);
  });

  it('the library refuses each malformed one with a BundleError naming what is wrong, and verifies none of the rest', async () => {
    for (const b of BAD_BUNDLES) {
      const text = b.text(good);
      if (b.kind === 'malformed') {
        let error: unknown;
        try {
          parseBundle(text);
        } catch (e) {
          error = e;
        }
        expect(error, b.name).toBeInstanceOf(BundleError);
        expect((error as Error).message, b.name).toMatch(/^(proof bundle|bundle)/);
        expect((error as Error).message.includes('\n'), b.name).toBe(false);
      } else {
        const report = await verifyBundle(parseBundle(text), { chain: { checkBatchRoot: async () => ({ ok: true, height: 1 }) } });
        expect(report.verified, b.name).toBe(false);
        expect(report.checks.find((c) => c.ok === false)?.reason, b.name).toBeTruthy();
      }
    }
  });

  it('the CLI exits 2 for malformed and 1 for unverified ones, with exactly one line, even when the chain says yes', async () => {
    for (const b of BAD_BUNDLES) {
      const r = await cli(b.text(good));
      expect(r.code, `${b.name}: ${r.out.join(' | ')}`).toBe(b.kind === 'malformed' ? 2 : 1);
      const lines = r.out.join('\n').trimEnd().split('\n');
      expect(lines, b.name).toHaveLength(1);
      expect(lines[0]!.length, b.name).toBeGreaterThan(10);
      if (b.kind === 'unverified') expect(lines[0], b.name).toMatch(/^NOT VERIFIED 未通过验证: /);
    }
  });

  describe('as a real process', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'lianjian-bad-bundles-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('exits non-zero with one line for a sample of the corpus', async () => {
      const sample = ['empty file', 'nested 100 000 deep', 'leaf uppercase', 'lone surrogate in data', 'data edited', 'index moved'];
      for (const name of sample) {
        const b = BAD_BUNDLES.find((x) => x.name === name)!;
        const file = path.join(dir, `${name.replace(/\W+/g, '-')}.json`);
        writeFileSync(file, b.text(good));
        const r = await exec(process.execPath, ['--conditions=source', '--import', 'tsx', path.join(repoRoot, 'indexer/test/fixtures/verify-cli.ts'), '--offline', file], { cwd: repoRoot }).then(
          (x) => ({ code: 0, text: x.stdout + x.stderr }),
          (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, text: e.stdout + e.stderr }),
        );
        expect(r.code, `${name}: ${r.text}`).toBe(b.kind === 'malformed' ? 2 : 1);
        expect(r.text.trimEnd().split('\n'), name).toHaveLength(1);
      }
    }, 60_000);
  });
});

// Distinct entries: with duplicates, two indexes of a symmetric tree can share a path legitimately.
const distinctTree = fc
  .uniqueArray(fc.uint8Array({ minLength: 1, maxLength: 16 }), { minLength: 2, maxLength: 120, selector: (a) => Buffer.from(a).toString('hex') })
  .chain((entries) => fc.tuple(fc.constant(entries), fc.nat(entries.length - 1), fc.nat(entries.length - 1)));

describe('proof properties (fast-check)', () => {
  it('every leaf of a random tree verifies', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 16 }), { minLength: 1, maxLength: 70 }), (entries) => {
        const leaves = entries.map((e) => leafHash(e));
        const layers = buildTree(leaves);
        const root = treeRoot(layers);
        for (let i = 0; i < leaves.length; i++) expect(verifyInclusion(leaves[i]!, i, leaves.length, inclusionPath(layers, i), root)).toEqual({ ok: true });
      }),
      { numRuns: 120 },
    );
  });

  it('a proof never verifies at another index, nor at an index with one bit flipped', () => {
    fc.assert(
      fc.property(distinctTree, fc.nat(52), ([entries, index, other], bit) => {
        const layers = buildTree(entries.map((e) => leafHash(e)));
        const root = treeRoot(layers);
        const leaf = leafHash(entries[index]!);
        const proof = inclusionPath(layers, index);
        if (other !== index) expect(verifyInclusion(leaf, other, entries.length, proof, root).ok).toBe(false);
        // Bits above 30 by addition: JavaScript's ^ works on 32-bit integers.
        const flipped = bit <= 30 ? index ^ (1 << bit) : index + 2 ** bit;
        expect(flipped).not.toBe(index);
        expect(verifyInclusion(leaf, flipped, entries.length, proof, root).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('one flipped bit anywhere in a bundle’s hashes, index or document is never verified', async () => {
    const documents = Array.from({ length: 9 }, (_, i) =>
      makeDocument({ type: 'Member', id: `m-${i}`, version: 1, org: 'u', at: '2026-01-01T00:00:00.000Z', actor: 'system', data: { name: `成员 ${i}`, n: i } }),
    );
    const layers = buildTree(documents.map((d) => leafHash(d)));
    const bundleAt = (index: number): ProofBundle =>
      createBundle({ document: documents[index]!, index, batch: { seq: 1, size: 9, root: treeRoot(layers), prevRoot: new Uint8Array(32) }, path: inclusionPath(layers, index), anchor: null });
    await fc.assert(
      fc.asyncProperty(fc.nat(8), fc.nat(), fc.nat(255), async (index, where, bit) => {
        const b = bundleAt(index);
        expect((await verifyBundle(b)).verified).toBe(true);
        const flipHex = (h: string) => {
          const bytes = Buffer.from(h, 'hex');
          bytes[(bit >> 3) % bytes.length]! ^= 1 << (bit & 7);
          return bytes.toString('hex');
        };
        const targets = ['leaf', 'root', 'index', 'name', ...b.path.map((_, i) => `path${i}`)];
        const t = targets[where % targets.length]!;
        const forged: ProofBundle = JSON.parse(JSON.stringify(b)) as ProofBundle;
        if (t === 'leaf') forged.leaf = flipHex(b.leaf);
        else if (t === 'root') forged.batch.root = flipHex(b.batch.root);
        else if (t === 'index') forged.index = b.index ^ (1 << (bit % 4));
        else if (t === 'name') forged.document.data.name = `${String(b.document.data.name)}${String.fromCharCode(0x41 + (bit % 26))}`;
        else forged.path[Number(t.slice(4))] = flipHex(b.path[Number(t.slice(4))]!);
        const report = await verifyBundle(parseBundle(JSON.stringify(forged)));
        expect(report.verified, t).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
