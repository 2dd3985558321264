// Uploads no record names are deleted once their grace period is over (decision 020;
// api/src/modules/attachments/sweep.ts), from the local disk and from an S3-compatible store
// (s3rver), with their rows and thumbnails: never content a notice names, nor content only an
// earlier version of a meeting's minutes named (the record log still proves it), nor an upload
// within the grace period — and uploading the same bytes again starts the period again. The API
// process runs the sweep on a schedule.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { freePort } from '@lianjian/db/postgres';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureFiles, fileKey, LocalFileStore, S3FileStore, thumbKey } from '../src/modules/attachments/store.js';
import { startUploadSweep, sweepUnusedUploads } from '../src/modules/attachments/sweep.js';
import { ok, type Caller } from './harness.js';
import { apiSuite } from './suite.js';

const HOUR = 3600_000;
const GRACE = 24 * HOUR;
const { h, fx, as } = apiSuite({ sessions: ['secretary', 'member'] });
let dir = '';
let local: LocalFileStore;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'lianjian-sweep-'));
  local = new LocalFileStore(dir);
  configureFiles({ store: local, maxBytes: 256 * 1024, unusedGraceMs: GRACE });
});

afterAll(() => {
  configureFiles(null);
  rmSync(dir, { recursive: true, force: true });
});

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const png = (seed: number) => sharp({ create: { width: 40 + seed, height: 30, channels: 3, background: { r: seed % 256, g: (seed * 7) % 256, b: 90 } } }).png().toBuffer();
/** `hours` from now (uploads are dated by the API's clock, h.clock; the sweep is given its own). */
const inHours = (hours: number) => new Date(Date.now() + hours * HOUR);

async function upload(bytes: Buffer, name: string, who: Caller = as.secretary): Promise<string> {
  const res = await fetch(`${h.url}/files?name=${encodeURIComponent(name)}`, { method: 'POST', headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${who.token}` }, body: new Uint8Array(bytes) });
  expect(res.status).toBe(201);
  return ((await res.json()) as { sha256: string }).sha256;
}

const download = (hash: string, who: Caller, thumb = false) => fetch(`${h.url}/files/${hash}${thumb ? '/thumb' : ''}`, { headers: { authorization: `Bearer ${who.token}` } });

const PUBLISH = `mutation($input: PublishNoticeInput!) { publishNotice(input: $input) { id } }`;
const publish = async (title: string, hashes: string[]) =>
  ok(await h.gql(PUBLISH, { input: { unitId: fx.units.b1.id, title, body: '附件见下。', audience: 'SUBTREE', attachments: hashes.map((s) => ({ sha256: s })) } }, as.secretary));
const rows = (hash: string) => h.prisma.storedFile.count({ where: { sha256: hash } });

describe('the unused-upload sweep on the local disk', () => {
  let orphan = '';
  let onNotice = '';
  let onOldMinutes = '';

  it('deletes an upload no record names once the grace period is over, with its rows and thumbnail; keeps what any record version names', async () => {
    orphan = await upload(await png(1), '放弃的表单.png');
    onNotice = await upload(await png(2), '通知附件.png');
    onOldMinutes = await upload(await png(3), '签到表.png');
    await publish('关于清理的通知', [onNotice]);
    // Minutes that attached a file, then were saved again without it: only the earlier version of
    // the meeting's record names it now.
    const minute = 60_000;
    const start = Math.floor((Date.now() - 7 * 86_400_000) / minute) * minute;
    const past = ok(
      await h.gql<{ recordPastMeeting: { id: string } }>(`mutation($i: PastMeetingInput!) { recordPastMeeting(input: $i) { id } }`, {
        i: { unitId: fx.units.b1.id, kind: 'BRANCH_COMMITTEE', title: '支委会', minutes: '研究了工作。', startsAt: new Date(start).toISOString(), endsAt: new Date(start + 90 * minute).toISOString() },
      }, as.secretary),
    ).recordPastMeeting;
    const RECORD = `mutation($id: ID!, $t: String!, $a: [AttachmentInput!]) { recordMinutes(id: $id, minutes: $t, attachments: $a) { id } }`;
    ok(await h.gql(RECORD, { id: past.id, t: '研究了工作，签到表见附件。', a: [{ sha256: onOldMinutes }] }, as.secretary));
    ok(await h.gql(RECORD, { id: past.id, t: '研究了工作。', a: [] }, as.secretary));
    expect(await h.prisma.meeting.findUniqueOrThrow({ where: { id: past.id }, select: { minutesAttachments: true } })).toEqual({ minutesAttachments: null });
    // The uploader looked at it: a thumbnail is stored beside it.
    expect((await download(orphan, as.secretary, true)).status).toBe(200);
    expect(await local.has(thumbKey(orphan))).toBe(true);

    // Within the grace period nothing goes.
    expect(await sweepUnusedUploads(h.prisma, inHours(23))).toEqual([]);
    for (const hash of [orphan, onNotice, onOldMinutes]) expect(await local.has(fileKey(hash)), hash).toBe(true);

    // After it, only the upload no record names.
    expect(await sweepUnusedUploads(h.prisma, inHours(25))).toEqual([orphan]);
    expect(existsSync(local.pathOf(fileKey(orphan)))).toBe(false);
    expect(await local.has(thumbKey(orphan))).toBe(false);
    expect(await rows(orphan)).toBe(0);
    expect((await download(orphan, as.secretary)).status).toBe(404);
    for (const hash of [onNotice, onOldMinutes]) {
      expect(await local.has(fileKey(hash)), hash).toBe(true);
      expect(await rows(hash), hash).toBe(1);
      const res = await download(hash, as.secretary);
      expect(res.status, hash).toBe(200);
      expect(sha(Buffer.from(await res.arrayBuffer()))).toBe(hash);
    }
    // A member of the branch still downloads the notice's file.
    expect((await download(onNotice, as.member)).status).toBe(200);
    // Nothing more to do: a second sweep deletes nothing.
    expect(await sweepUnusedUploads(h.prisma, inHours(25))).toEqual([]);
  });

  it('uploading the same bytes again starts the grace period again; a file attached after the first look stays', async () => {
    const bytes = await png(4);
    // Uploaded a day ago (on the API's clock), and again now.
    h.clock.now = inHours(-25);
    const hash = await upload(bytes, '第一次.png');
    h.clock.now = new Date();
    expect(await sweepUnusedUploads(h.prisma, inHours(0))).toEqual([hash]);
    expect(await upload(bytes, '第二次.png')).toBe(hash);
    expect(await local.has(fileKey(hash))).toBe(true);
    h.clock.now = inHours(-25);
    expect(await upload(bytes, '第一次.png')).toBe(hash);
    h.clock.now = new Date();
    expect(await upload(bytes, '第二次.png')).toBe(hash);
    expect(await sweepUnusedUploads(h.prisma, inHours(1))).toEqual([]);
    expect(await local.has(fileKey(hash))).toBe(true);
    // Attached before the grace period ends: kept for good.
    await publish('迟到的附件', [hash]);
    expect(await sweepUnusedUploads(h.prisma, inHours(48))).toEqual([]);
    expect(await local.has(fileKey(hash))).toBe(true);
    expect(await rows(hash)).toBe(1);
  });

  it('the API process runs the sweep on its schedule', async () => {
    const hash = await upload(await png(5), '又一个放弃的.png');
    const schedule = startUploadSweep(h.prisma, { now: () => inHours(25) }, { intervalMs: 60_000, firstRunMs: 10 });
    try {
      const t0 = Date.now();
      while ((await rows(hash)) > 0 && Date.now() - t0 < 10_000) await new Promise((r) => setTimeout(r, 50));
      expect(await rows(hash)).toBe(0);
      expect(await local.has(fileKey(hash))).toBe(false);
    } finally {
      await schedule.stop();
    }
  });
});


describe('the unused-upload sweep on an S3-compatible store', () => {
  interface S3rverLike {
    run(): Promise<unknown>;
    close(): Promise<unknown>;
  }
  let server: S3rverLike | undefined;
  let s3Dir = '';
  let s3: S3FileStore;

  beforeAll(async () => {
    s3Dir = mkdtempSync(path.join(tmpdir(), 'lianjian-sweep-s3-'));
    const port = await freePort();
    // s3rver ships no types; it is only ever used in tests.
    const { default: S3rver } = (await import('s3rver' as string)) as { default: new (opts: Record<string, unknown>) => S3rverLike };
    server = new S3rver({ port, address: '127.0.0.1', silent: true, directory: s3Dir, configureBuckets: [{ name: 'lianjian-files', configs: [] }] });
    await server.run();
    s3 = new S3FileStore({ endpoint: `http://127.0.0.1:${port}`, bucket: 'lianjian-files', region: 'us-east-1', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', prefix: 'sweep/' });
    configureFiles({ store: s3 });
  });

  afterAll(async () => {
    configureFiles({ store: local });
    await server?.close();
    rmSync(s3Dir, { recursive: true, force: true });
  });

  it('deletes the unused object and keeps the one a notice names', async () => {
    const orphan = await upload(await png(6), 's3-放弃.png');
    const kept = await upload(await png(7), 's3-附件.png');
    await publish('S3 附件', [kept]);
    expect(await s3.has(fileKey(orphan))).toBe(true);
    expect(await sweepUnusedUploads(h.prisma, inHours(23))).toEqual([]);
    expect(await sweepUnusedUploads(h.prisma, inHours(25))).toEqual([orphan]);
    expect(await s3.has(fileKey(orphan))).toBe(false);
    expect(await rows(orphan)).toBe(0);
    expect(await s3.has(fileKey(kept))).toBe(true);
    const res = await download(kept, as.member);
    expect(res.status).toBe(200);
    expect(sha(Buffer.from(await res.arrayBuffer()))).toBe(kept);
    // Deleting what is not there is no error (another replica's sweep got there first).
    await s3.delete(fileKey(orphan));
  });
});
