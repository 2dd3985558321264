// Where attached files live: a content-addressed store, keyed by the SHA-256 of the bytes, so the
// same file uploaded twice is one object and a record's hash names exactly one file. On the local
// disk by default; any S3-compatible service by configuration (requests signed with SigV4 by aws4
// and sent with fetch: no SDK). Thumbnails are cached in the same store under their file's hash.
import aws4 from 'aws4';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface FileStore {
  /** Stores the bytes under `key` unless something is there already (content-addressed keys never change). */
  put(key: string, bytes: Buffer, type: string): Promise<void>;
  /** The bytes under `key`, or null. */
  get(key: string): Promise<Buffer | null>;
  has(key: string): Promise<boolean>;
  /** Removes whatever is under `key` (nothing there: nothing to do). Only the unused-upload sweep calls it (sweep.ts). */
  delete(key: string): Promise<void>;
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;

/** The key of a file: fanned out by its first two hex digits, so no directory grows too large. */
export function fileKey(sha256: string): string {
  if (!SHA256_HEX.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
  return `sha256/${sha256.slice(0, 2)}/${sha256}`;
}

export function thumbKey(sha256: string): string {
  return `thumb/${sha256.slice(0, 2)}/${sha256}.webp`;
}

export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export class LocalFileStore implements FileStore {
  constructor(readonly dir: string) {}

  pathOf(key: string): string {
    return path.join(this.dir, ...key.split('/'));
  }

  async put(key: string, bytes: Buffer, _type?: string): Promise<void> {
    const file = this.pathOf(key);
    if (await this.has(key)) return;
    await mkdir(path.dirname(file), { recursive: true });
    // Written beside, then renamed: a reader never sees half a file, and two uploads of the same
    // bytes at once both end with the one complete file.
    const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(tmp, bytes, { mode: 0o640 });
    try {
      await rename(tmp, file);
    } catch (err) {
      await unlink(tmp).catch(() => undefined);
      throw err;
    }
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.pathOf(key));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  async has(key: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(key))).isFile();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await unlink(this.pathOf(key)).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
    });
  }
}

export interface S3Options {
  /** http(s)://host[:port] of the service (path-style requests: endpoint/bucket/key). */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Prepended to every key (several deployments sharing a bucket). */
  prefix?: string;
}

export class S3FileStore implements FileStore {
  private readonly base: URL;

  constructor(private readonly opts: S3Options) {
    this.base = new URL(opts.endpoint);
  }

  private async send(method: 'GET' | 'HEAD' | 'PUT' | 'DELETE', key: string, body?: Buffer, type?: string): Promise<Response> {
    const objectPath = `/${encodeURIComponent(this.opts.bucket)}/${`${this.opts.prefix ?? ''}${key}`.split('/').map(encodeURIComponent).join('/')}`;
    const headers: Record<string, string> = {
      // The payload's hash is signed too (S3 checks it), so a corrupted upload is refused.
      'x-amz-content-sha256': sha256Hex(body ?? Buffer.alloc(0)),
      ...(body ? { 'content-type': type ?? 'application/octet-stream', 'content-length': String(body.length) } : {}),
    };
    const signed = aws4.sign(
      { host: this.base.host, path: objectPath, method, service: 's3', region: this.opts.region, headers, ...(body ? { body } : {}) },
      { accessKeyId: this.opts.accessKeyId, secretAccessKey: this.opts.secretAccessKey },
    );
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(signed.headers ?? {})) {
      // fetch sets Host and Content-Length itself, to the same values that were signed.
      if (v !== undefined && !['host', 'content-length'].includes(k.toLowerCase())) out[k] = String(v);
    }
    return fetch(new URL(objectPath, this.base), { method, headers: out, ...(body ? { body: new Uint8Array(body) } : {}), signal: AbortSignal.timeout(60_000) });
  }

  private async fail(res: Response, what: string): Promise<never> {
    const text = await res.text().catch(() => '');
    throw new Error(`S3 ${what} answered ${res.status}: ${text.slice(0, 300)}`);
  }

  async put(key: string, bytes: Buffer, type: string): Promise<void> {
    if (await this.has(key)) return;
    const res = await this.send('PUT', key, bytes, type);
    if (!res.ok) await this.fail(res, `PUT ${key}`);
    await res.arrayBuffer();
  }

  async get(key: string): Promise<Buffer | null> {
    const res = await this.send('GET', key);
    if (res.status === 404) {
      await res.arrayBuffer();
      return null;
    }
    if (!res.ok) await this.fail(res, `GET ${key}`);
    return Buffer.from(await res.arrayBuffer());
  }

  async has(key: string): Promise<boolean> {
    const res = await this.send('HEAD', key);
    await res.arrayBuffer().catch(() => undefined);
    if (res.status === 404) return false;
    if (!res.ok) throw new Error(`S3 HEAD ${key} answered ${res.status}`);
    return true;
  }

  async delete(key: string): Promise<void> {
    const res = await this.send('DELETE', key);
    // S3 answers 204 whether or not the key was there; some compatible stores answer 404.
    if (!res.ok && res.status !== 404) await this.fail(res, `DELETE ${key}`);
    await res.arrayBuffer().catch(() => undefined);
  }
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/**
 * The local directory: LIANJIAN_FILES_DIR, else files/ in the stack's data directory
 * (LIANJIAN_DATA_DIR, default .data in the repository, like the database and the chain).
 */
export function filesDirFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  if (env.LIANJIAN_FILES_DIR) return path.resolve(env.LIANJIAN_FILES_DIR);
  return path.join(path.resolve(env.LIANJIAN_DATA_DIR ?? path.join(repoRoot, '.data')), 'files');
}

/**
 * LIANJIAN_S3_BUCKET selects an S3-compatible store: LIANJIAN_S3_ENDPOINT (default AWS in the
 * region), LIANJIAN_S3_REGION (default us-east-1), LIANJIAN_S3_ACCESS_KEY_ID,
 * LIANJIAN_S3_SECRET_ACCESS_KEY, LIANJIAN_S3_PREFIX. Otherwise the local directory.
 */
export function fileStoreFromEnv(env: NodeJS.ProcessEnv = process.env): FileStore {
  const bucket = env.LIANJIAN_S3_BUCKET;
  if (!bucket) return new LocalFileStore(filesDirFromEnv(env));
  const region = env.LIANJIAN_S3_REGION || 'us-east-1';
  const accessKeyId = env.LIANJIAN_S3_ACCESS_KEY_ID;
  const secretAccessKey = env.LIANJIAN_S3_SECRET_ACCESS_KEY;
  // Half a configuration must not silently fall back to the local disk.
  if (!accessKeyId || !secretAccessKey) throw new Error('LIANJIAN_S3_BUCKET is set: LIANJIAN_S3_ACCESS_KEY_ID and LIANJIAN_S3_SECRET_ACCESS_KEY must be set too');
  return new S3FileStore({ endpoint: env.LIANJIAN_S3_ENDPOINT || `https://s3.${region}.amazonaws.com`, bucket, region, accessKeyId, secretAccessKey, ...(env.LIANJIAN_S3_PREFIX ? { prefix: env.LIANJIAN_S3_PREFIX } : {}) });
}

/** Largest file accepted: LIANJIAN_FILES_MAX_BYTES, default 10 MiB. */
export function maxFileBytesFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const given = env.LIANJIAN_FILES_MAX_BYTES;
  if (given === undefined || given === '') return 10 * 1024 * 1024;
  const n = Number(given);
  if (!Number.isInteger(n) || n < 1024) throw new Error(`LIANJIAN_FILES_MAX_BYTES must be a whole number of bytes (at least 1024), not "${given}"`);
  return n;
}

/**
 * How long an upload no record names is kept before the sweep (sweep.ts) deletes it:
 * LIANJIAN_FILES_UNUSED_HOURS, default 24, at least 1 (a form is filled in well within it).
 */
export function unusedGraceMsFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const given = env.LIANJIAN_FILES_UNUSED_HOURS;
  if (given === undefined || given === '') return 24 * 3600_000;
  const h = Number(given);
  // A typo must not delete uploads from under a form being filled in.
  if (!Number.isFinite(h) || h < 1) throw new Error(`LIANJIAN_FILES_UNUSED_HOURS must be a number of hours, at least 1, not "${given}"`);
  return Math.round(h * 3600_000);
}

export interface FilesSettings {
  store: FileStore;
  maxBytes: number;
  /** Uploads no record names are kept this long (ms) after their last upload, then swept. */
  unusedGraceMs: number;
}

let current: FilesSettings | null = null;

/** This process's store and limit, from the environment on first use. */
export function filesSettings(): FilesSettings {
  current ??= { store: fileStoreFromEnv(), maxBytes: maxFileBytesFromEnv(), unusedGraceMs: unusedGraceMsFromEnv() };
  return current;
}

/** Replaces the store or limit (tests run the API in-process with their own); null: from the environment again. */
export function configureFiles(settings: Partial<FilesSettings> | null): void {
  current = settings === null ? null : { ...filesSettings(), ...settings };
}
