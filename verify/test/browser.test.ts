import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { webcrypto } from 'node:crypto';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const verifyDir = resolve(import.meta.dirname, '..');

/** Library sources: everything under src/ except the CLI and tests. */
function librarySources(dir = join(verifyDir, 'src')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return librarySources(path);
    if (!entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts') || path === join(verifyDir, 'src/cli.ts')) return [];
    return [path];
  });
}

describe('the library runs in a browser', () => {
  it('uses no Node built-ins or Node globals outside the CLI', () => {
    const offenders = librarySources().flatMap((path) => {
      const code = readFileSync(path, 'utf8').replace(/^\s*(\/\/|\*).*$/gm, '');
      const hits = [
        /from ['"]node:/.test(code) && 'imports node:*',
        /from ['"](fs|path|os|crypto|child_process|util|stream)(\/[^'"]*)?['"]/.test(code) && 'imports a Node core module',
        /\bprocess\./.test(code) && 'uses process',
        /\brequire\(/.test(code) && 'uses require',
        /\b__dirname\b/.test(code) && 'uses __dirname',
        // globalThis.Buffer probes with a fallback (as ts-proto generates) are fine.
        /(?<![.\w])Buffer\b/.test(code) && !/import \{ Buffer \} from 'buffer';/.test(code) && 'uses the global Buffer',
      ].filter(Boolean);
      return hits.map((hit) => `${relative(verifyDir, path)}: ${hit}`);
    });
    expect(offenders).toEqual([]);
  });

  it('bundles for the browser and verifies a proof with no Node globals present', async () => {
    // platform "browser" resolves `buffer` to the npm package and fails on any Node built-in.
    const result = await build({
      entryPoints: [join(verifyDir, 'src/index.ts')],
      bundle: true,
      platform: 'browser',
      format: 'iife',
      globalName: 'lianjian',
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]!.text;
    // A bare context: no process, Buffer, require or setImmediate, only what browsers have.
    const context: Record<string, unknown> = { crypto: webcrypto, TextEncoder, TextDecoder, console, URL, fetch };
    context.globalThis = context;
    context.self = context;
    const script = `${code}
      (async () => {
        const l = lianjian;
        const docs = [0, 1, 2, 3, 4].map((i) => l.makeDocument({ type: 'Member', id: 'm-' + i, version: 1, org: 'u', at: '2026-11-22T09:42:21.998Z', actor: 'system', data: { i } }));
        const layers = l.buildTree(docs.map((d) => l.leafHash(d)));
        const bundle = l.createBundle({ document: docs[3], index: 3, batch: { seq: 1, size: 5, root: l.treeRoot(layers), prevRoot: new Uint8Array(32) }, path: l.inclusionPath(layers, 3), anchor: null });
        const report = await l.verifyBundle(l.parseBundle(JSON.stringify(bundle)));
        // Proof set v2 too: base64, the level walk and toBundles use nothing beyond what browsers have.
        const set = l.buildProofSet({ batches: [{ seq: 1, size: 5, root: l.treeRoot(layers), prevRoot: new Uint8Array(32), anchor: null, levels: layers }], records: [1, 3, 4].map((i) => ({ b: 0, i, doc: docs[i] })) });
        const setReport = await l.verifyProofSet(l.parseProofSet(JSON.stringify(set)));
        const expanded = l.toBundles(set);
        // The API's inputs: levels stored as concatenated hashes, records by batch seq; fields per record.
        const stored = new Map(layers.map((level, k) => { const b = new Uint8Array(level.length * 32); level.forEach((n, p) => b.set(n, p * 32)); return [k, b]; }));
        const viaRows = l.buildProofSet({ batches: [{ seq: 1, size: 5, root: l.treeRoot(layers), prevRoot: new Uint8Array(32), anchor: null, levels: l.levelsReader(stored) }], records: [1, 3, 4].map((i) => ({ seq: 1, i, doc: docs[i] })) });
        const shown = await l.verifyProofSet(viaRows, { fields: [{ i: 1 }, { i: 3 }, { i: 0 }] });
        return { verified: report.verified, setVerified: setReport.records.every((r) => r.verified), expanded: expanded.length, sameSet: JSON.stringify(viaRows) === JSON.stringify(set), shown: shown.records.map((r) => r.verified), noBuffer: typeof Buffer, noProcess: typeof process, leaf: bundle.leaf };
      })()`;
    const outcome = (await runInNewContext(script, context)) as Record<string, unknown>;
    expect(outcome).toMatchObject({ verified: true, setVerified: true, expanded: 3, sameSet: true, shown: [true, true, false], noBuffer: 'undefined', noProcess: 'undefined' });
    expect(outcome.leaf).toMatch(/^[0-9a-f]{64}$/);
  });
});
