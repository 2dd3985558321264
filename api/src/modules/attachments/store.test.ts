// The store's configuration from the environment, and the local store's content addressing.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileKey, filesDirFromEnv, fileStoreFromEnv, LocalFileStore, maxFileBytesFromEnv, S3FileStore, sha256Hex } from './store.js';

const dir = mkdtempSync(path.join(tmpdir(), 'lianjian-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('configuration', () => {
  it('keeps files in LIANJIAN_FILES_DIR, else files/ in the data directory', () => {
    expect(filesDirFromEnv({ LIANJIAN_FILES_DIR: '/srv/files' })).toBe('/srv/files');
    expect(filesDirFromEnv({ LIANJIAN_DATA_DIR: '/srv/lianjian' })).toBe('/srv/lianjian/files');
    expect(filesDirFromEnv({})).toMatch(/\/\.data\/files$/);
  });

  it('chooses S3 by LIANJIAN_S3_BUCKET, and refuses half a configuration', () => {
    expect(fileStoreFromEnv({})).toBeInstanceOf(LocalFileStore);
    expect(fileStoreFromEnv({ LIANJIAN_S3_BUCKET: 'b', LIANJIAN_S3_ACCESS_KEY_ID: 'k', LIANJIAN_S3_SECRET_ACCESS_KEY: 's' })).toBeInstanceOf(S3FileStore);
    expect(() => fileStoreFromEnv({ LIANJIAN_S3_BUCKET: 'b' })).toThrow(/LIANJIAN_S3_ACCESS_KEY_ID/);
  });

  it('limits files to 10 MiB unless LIANJIAN_FILES_MAX_BYTES says otherwise', () => {
    expect(maxFileBytesFromEnv({})).toBe(10 * 1024 * 1024);
    expect(maxFileBytesFromEnv({ LIANJIAN_FILES_MAX_BYTES: '2048' })).toBe(2048);
    expect(() => maxFileBytesFromEnv({ LIANJIAN_FILES_MAX_BYTES: '10MB' })).toThrow(/LIANJIAN_FILES_MAX_BYTES/);
  });
});

describe('LocalFileStore', () => {
  it('stores bytes once under their hash, fanned out by its first two digits', async () => {
    const store = new LocalFileStore(dir);
    const bytes = Buffer.from('%PDF-1.4 minutes');
    const key = fileKey(sha256Hex(bytes));
    expect(key).toBe(`sha256/${sha256Hex(bytes).slice(0, 2)}/${sha256Hex(bytes)}`);
    expect(await store.get(key)).toBeNull();
    await Promise.all([store.put(key, bytes, 'application/pdf'), store.put(key, bytes, 'application/pdf')]);
    expect(await store.get(key)).toEqual(bytes);
    // No temporary file is left beside it.
    expect(readdirSync(path.dirname(store.pathOf(key)))).toEqual([sha256Hex(bytes)]);
    expect(() => fileKey('../../etc/passwd')).toThrow(/not a SHA-256/);
  });
});
