// Bundles GraphiQL (the `graphiql` package, Monaco-based) and Monaco's web workers with esbuild,
// in memory, the first time a browser asks for the page. Nothing is written to disk and nothing
// is fetched from anywhere: a fresh clone, the test stack and the Docker image all serve the
// same locally built files, and API processes that never serve the page never pay for the build.
import { existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export interface Asset {
  contents: Buffer;
  /** gzip of `contents` for the text files; null when compressing does not pay (fonts). */
  gzip: Buffer | null;
  type: string;
  etag: string;
}

export interface GraphiqlBundle {
  /** File name (under /graphql/assets/) → asset. Names carry a content hash. */
  assets: Map<string, Asset>;
  script: string;
  style: string;
  workers: { editor: string; json: string; graphql: string };
  buildMs: number;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

const here = path.dirname(fileURLToPath(import.meta.url));

// Under tsx and Vitest this module runs from src/ (client.ts); from a tsc build it runs from
// dist/ where tsc left client.js next to it. esbuild bundles either.
function clientEntry(): string {
  const ts = path.join(here, 'client.ts');
  return existsSync(ts) ? ts : path.join(here, 'client.js');
}

async function build(): Promise<GraphiqlBundle> {
  const t0 = performance.now();
  const { build: esbuild } = await import('esbuild');
  const result = await esbuild({
    absWorkingDir: here,
    entryPoints: [
      { in: clientEntry(), out: 'graphiql' },
      // Monaco runs its language services in workers; client.ts hands these URLs to Monaco.
      { in: 'monaco-editor/esm/vs/editor/editor.worker.js', out: 'editor.worker' },
      { in: 'monaco-editor/esm/vs/language/json/json.worker.js', out: 'json.worker' },
      { in: 'monaco-graphql/esm/graphql.worker.js', out: 'graphql.worker' },
    ],
    bundle: true,
    write: false,
    outdir: '/graphiql-out',
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    entryNames: '[name]-[hash]',
    assetNames: '[name]-[hash]',
    loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file' },
    define: { 'process.env.NODE_ENV': '"production"' },
    metafile: true,
    logLevel: 'silent',
  });
  const byEntry = new Map<string, string>();
  for (const [out, meta] of Object.entries(result.metafile.outputs)) {
    if (meta.entryPoint) byEntry.set(path.basename(out).replace(/-[A-Z0-9]+\.js$/, ''), path.basename(out));
  }
  const assets = new Map<string, Asset>();
  let style = '';
  for (const file of result.outputFiles) {
    const name = path.basename(file.path);
    const ext = path.extname(name);
    const contents = Buffer.from(file.contents);
    const text = ext === '.js' || ext === '.css';
    assets.set(name, {
      contents,
      gzip: text ? gzipSync(contents, { level: 6 }) : null,
      type: TYPES[ext] ?? 'application/octet-stream',
      etag: `"${createHash('sha256').update(contents).digest('base64url').slice(0, 22)}"`,
    });
    if (ext === '.css' && name.startsWith('graphiql-')) style = name;
  }
  const need = (entry: string): string => {
    const name = byEntry.get(entry);
    if (!name) throw new Error(`esbuild produced no ${entry} bundle`);
    return name;
  };
  if (!style) throw new Error('esbuild produced no GraphiQL stylesheet');
  return {
    assets,
    script: need('graphiql'),
    style,
    workers: { editor: need('editor.worker'), json: need('json.worker'), graphql: need('graphql.worker') },
    buildMs: Math.round(performance.now() - t0),
  };
}

let pending: Promise<GraphiqlBundle> | null = null;

/** The bundle, built once per process; a failed build is retried by the next request. */
export function graphiqlBundle(): Promise<GraphiqlBundle> {
  pending ??= build().catch((err: unknown) => {
    pending = null;
    throw err;
  });
  return pending;
}
