// Attachments (#22 item 5) on the real stack: a secretary uploads files over POST /files (stored
// by their SHA-256, once per content), attaches them to a notice, and the hashes sit in the
// notice's record document — proven, after anchoring, by the notice's proof like any other field.
// Limits: size, and type judged from the bytes (SVG and HTML refused by name). Downloads are
// attachments with nosniff and a sandboxing CSP; a caller who cannot see a record naming the file
// gets the same 404 as for a file that does not exist. The S3 store round-trips against s3rver.
import { createChainChecker, parseBundle, verifyBundle, type ProofBundle } from '@lianjian/verify';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { freePort } from '@lianjian/db/postgres';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureFiles, fileKey, LocalFileStore, S3FileStore } from '../src/modules/attachments/store.js';
import { sessionFor } from './fixtures.js';
import { codeOf, ok, type Caller } from './harness.js';
import { untilAnchored } from './e2e-stack.js';
import { e2eSuite } from './suite.js';

const MAX_BYTES = 256 * 1024;
const { s, as } = e2eSuite({ sessions: ['admin', 'secretary', 'member', 'otherSecretary'] });
const outsider: Caller = {};
let dir = '';
let store: LocalFileStore;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'lianjian-files-'));
  store = new LocalFileStore(dir);
  configureFiles({ store, maxBytes: MAX_BYTES });
  // A member of b2: the notices of b1 are not addressed to them.
  const a = await s.h.prisma.account.create({ data: { username: 'member3', displayName: 'member3', passwordHash: 'x', role: 'MEMBER', scopeUnitId: s.fx.units.b2.id, memberId: s.fx.members.m3.id } });
  outsider.token = await sessionFor(s.h.prisma, a.id);
});

afterAll(() => {
  configureFiles(null);
  rmSync(dir, { recursive: true, force: true });
});

const sha = (b: Buffer | Uint8Array) => createHash('sha256').update(b).digest('hex');
const png = (w: number, h: number, seed: number) => sharp({ create: { width: w, height: h, channels: 3, background: { r: seed % 256, g: (seed * 7) % 256, b: 90 } } }).png().toBuffer();
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

interface UploadAnswer {
  status: number;
  body: { sha256?: string; size?: number; type?: string; name?: string; errors?: { message: string; extensions: { code: string; messageZh: string; maxBytes?: number } }[] };
}

async function upload(bytes: Buffer | string, name: string, who: Caller, contentType = 'application/octet-stream'): Promise<UploadAnswer> {
  const headers: Record<string, string> = { 'content-type': contentType };
  if (who.token) headers.authorization = `Bearer ${who.token}`;
  const res = await fetch(`${s.h.url}/files?name=${encodeURIComponent(name)}`, { method: 'POST', headers, body: typeof bytes === 'string' ? bytes : new Uint8Array(bytes) });
  return { status: res.status, body: (await res.json()) as UploadAnswer['body'] };
}

function download(hash: string, who: Caller, thumb = false): Promise<Response> {
  return fetch(`${s.h.url}/files/${hash}${thumb ? '/thumb' : ''}`, { headers: who.token ? { authorization: `Bearer ${who.token}` } : {} });
}

const PUBLISH = `mutation($input: PublishNoticeInput!) { publishNotice(input: $input) { id attachments { sha256 name type size } } }`;
const ONE = `query($id: ID!) { notice(id: $id) { id attachments { sha256 name type size } proof { status bundle } } }`;
type Att = { sha256: string; name: string; type: string; size: number };

describe('attachments', () => {
  let photo: Buffer;
  let photoSha = '';
  let noticeId = '';

  it('an upload answers the hash of its bytes and the type found in them; the same bytes are stored once', async () => {
    photo = await png(900, 600, 41);
    photoSha = sha(photo);
    const first = await upload(photo, '支部会议纪要.png', as.secretary, 'text/html');
    expect(first.status).toBe(201);
    // The type comes from the content, not from what the client claimed.
    expect(first.body).toEqual({ sha256: photoSha, size: photo.length, type: 'image/png', name: '支部会议纪要.png' });
    const again = await upload(photo, 'copy.png', as.admin);
    expect(again.body.sha256).toBe(photoSha);
    expect(readdirSync(path.dirname(store.pathOf(fileKey(photoSha))))).toEqual([photoSha]);
    expect(await s.h.prisma.storedFile.count({ where: { sha256: photoSha } })).toBe(2);
    const pdf = await upload(PDF, '../../etc/申请书.pdf', as.secretary);
    expect(pdf.body).toMatchObject({ type: 'application/pdf', name: '申请书.pdf', sha256: sha(PDF) });
  });

  it('refuses files too large, empty, of other types — SVG and HTML by name — and uploads by members or strangers', async () => {
    const big = await upload(Buffer.concat([PDF, Buffer.alloc(MAX_BYTES)]), 'big.pdf', as.secretary);
    expect(big.status).toBe(413);
    expect(big.body.errors![0]!.extensions).toMatchObject({ code: 'FILE_TOO_LARGE', maxBytes: MAX_BYTES });
    expect(big.body.errors![0]!.extensions.messageZh).toMatch(/MB/);
    const svg = await upload('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 'logo.png', as.secretary, 'image/png');
    expect(svg.status).toBe(415);
    expect(svg.body.errors![0]!.extensions.code).toBe('FILE_TYPE_NOT_ALLOWED');
    expect(svg.body.errors![0]!.message).toMatch(/SVG, HTML/);
    expect(svg.body.errors![0]!.extensions.messageZh).toMatch(/SVG、HTML/);
    const html = await upload('<!DOCTYPE html><html><body onload="x()">hi</body></html>', 'minutes.pdf', as.secretary, 'application/pdf');
    expect(html.status).toBe(415);
    expect(html.body.errors![0]!.message).toMatch(/SVG, HTML/);
    const text = await upload('just some words', 'notes.txt', as.secretary);
    expect(text.status).toBe(415);
    expect(text.body.errors![0]!.message).toMatch(/not a JPEG, PNG or WebP photo or a PDF/);
    expect((await upload('', 'empty.png', as.secretary)).body.errors![0]!.extensions.code).toBe('FILE_EMPTY');
    expect((await upload(photo, 'x.png', as.member)).status).toBe(403);
    expect((await upload(photo, 'x.png', {})).status).toBe(401);
    // Nothing refused was stored.
    expect(await s.h.prisma.storedFile.count()).toBe(3);
  });

  it('a notice attaches the files by hash: the record’s document holds them, and after anchoring the proof verifies them', async () => {
    const published = ok(
      await s.h.gql<{ publishNotice: { id: string; attachments: Att[] } }>(PUBLISH, {
        input: { unitId: s.fx.units.b1.id, title: '关于上报会议纪要的通知', body: '纪要照片与申请书见附件。', audience: 'SUBTREE', attachments: [{ sha256: photoSha, name: '纪要第1页.png' }, { sha256: sha(PDF) }] },
      }, as.secretary),
    ).publishNotice;
    noticeId = published.id;
    expect(published.attachments).toEqual([
      { sha256: photoSha, name: '纪要第1页.png', type: 'image/png', size: photo.length },
      { sha256: sha(PDF), name: '申请书.pdf', type: 'application/pdf', size: PDF.length },
    ]);
    const served = await untilAnchored('the notice', () => s.h.gql<{ notice: { attachments: Att[]; proof: { status: string; bundle: ProofBundle | null } } }>(ONE, { id: noticeId }, as.member).then(ok), (v) => [v.notice.proof], 60_000);
    const bundle = parseBundle(served.notice.proof.bundle);
    expect(bundle.document.data.attachments).toEqual(published.attachments);
    const report = await verifyBundle(bundle, { chain: createChainChecker(s.rpcUrl), fields: { attachments: served.notice.attachments } });
    expect(report.checks.filter((c) => c.ok === false)).toEqual([]);
    expect(report.verified).toBe(true);
    // A list that differs from the proven one (another file's hash) fails the same check.
    const swapped = served.notice.attachments.map((a, i) => (i === 0 ? { ...a, sha256: sha(Buffer.from('another file')) } : a));
    const refused = await verifyBundle(bundle, { chain: createChainChecker(s.rpcUrl), fields: { attachments: swapped } });
    expect(refused.checks.find((c) => c.name === 'fields')?.ok).toBe(false);
  });

  it('only a file its writer uploaded (or can see) is attached', async () => {
    const res = await s.h.gql(PUBLISH, { input: { unitId: s.fx.units.b3.id, title: '别人的文件', body: '试图附加他人上传的文件。', audience: 'SUBTREE', attachments: [{ sha256: sha(PDF) }, { sha256: 'abc' }] } }, as.otherSecretary);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect((res.errors![0]!.extensions.fields as { field: string }[]).map((f) => f.field)).toEqual(['input.attachments[0].sha256', 'input.attachments[1].sha256']);
  });

  it('a reader downloads the file as an attachment with nosniff and a sandboxing CSP; its bytes hash to the record’s hash', async () => {
    const res = await download(photoSha, as.member);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="[^"]*"; filename\*=UTF-8''/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'.*sandbox/);
    expect(res.headers.get('cache-control')).toMatch(/no-store/);
    expect(sha(Buffer.from(await res.arrayBuffer()))).toBe(photoSha);
    const pdf = await download(sha(PDF), as.member);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(decodeURIComponent(pdf.headers.get('content-disposition')!.split("UTF-8''")[1]!)).toBe('申请书.pdf');
  });

  it('an image has a small WebP thumbnail, made once; a PDF has none', async () => {
    const res = await download(photoSha, as.member, true);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/webp');
    const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
    expect(meta.format).toBe('webp');
    expect(Math.max(meta.width!, meta.height!)).toBe(320);
    expect(await store.has(`thumb/${photoSha.slice(0, 2)}/${photoSha}.webp`)).toBe(true);
    expect((await download(sha(PDF), as.member, true)).status).toBe(404);
  });

  it('a member outside the notice’s audience, another level’s secretary, and an unknown hash all get the same 404', async () => {
    const unknown = await download(sha(Buffer.from('never uploaded')), as.member);
    const hidden = await download(photoSha, outsider);
    const other = await download(photoSha, as.otherSecretary);
    const hiddenThumb = await download(photoSha, outsider, true);
    expect([unknown.status, hidden.status, other.status, hiddenThumb.status]).toEqual([404, 404, 404, 404]);
    const bodies = await Promise.all([unknown.text(), hidden.text(), other.text(), hiddenThumb.text()]);
    expect(new Set(bodies).size).toBe(1);
    expect((await download(photoSha, {})).status).toBe(401);
    expect((await download('not-a-hash', as.member)).status).toBe(404);
  });

  it('minutes name files by hash too: the meeting’s record holds them, the branch reads them, another branch gets 404; saving again keeps or replaces them', async () => {
    const minute = 60_000;
    const start = Math.floor((Date.now() - 7 * 86_400_000) / minute) * minute;
    const past = ok(
      await s.h.gql<{ recordPastMeeting: { id: string } }>(`mutation($i: PastMeetingInput!) { recordPastMeeting(input: $i) { id } }`, {
        i: { unitId: s.fx.units.b1.id, kind: 'BRANCH_COMMITTEE', title: '支委会（纪要照片）', minutes: '研究了发展党员工作。', startsAt: new Date(start).toISOString(), endsAt: new Date(start + 90 * minute).toISOString() },
      }, as.secretary),
    ).recordPastMeeting;
    const sheet = await png(400, 300, 77);
    const up = await upload(sheet, '签到表.png', as.secretary);
    expect(up.status).toBe(201);
    const RECORD = `mutation($id: ID!, $t: String!, $a: [AttachmentInput!]) { recordMinutes(id: $id, minutes: $t, attachments: $a) { id version minutesAttachments { sha256 name type size } } }`;
    type Minutes = { recordMinutes: { version: number; minutesAttachments: Att[] } };
    const saved = ok(await s.h.gql<Minutes>(RECORD, { id: past.id, t: '研究了发展党员工作，签到表见附件。', a: [{ sha256: up.body.sha256 }] }, as.secretary)).recordMinutes;
    const expected = [{ sha256: sha(sheet), name: '签到表.png', type: 'image/png', size: sheet.length }];
    expect(saved.minutesAttachments).toEqual(expected);
    const HISTORY = `query($id: ID!) { history(type: "Meeting", id: $id, first: 10) { edges { node { version data } } } }`;
    const docs = async () => ok(await s.h.gql<{ history: { edges: { node: { version: number; data: { minutesAttachments?: unknown } } }[] } }>(HISTORY, { id: past.id }, as.secretary)).history.edges.map((e) => e.node);
    expect((await docs()).at(-1)!.data.minutesAttachments).toEqual(expected);
    // Whoever can see the meeting downloads the file; a member of another branch cannot tell it exists.
    expect((await download(sha(sheet), as.member)).status).toBe(200);
    expect((await download(sha(sheet), outsider)).status).toBe(404);
    // Amending the text alone keeps the files; an empty list removes them (a new version each time).
    const kept = ok(await s.h.gql<Minutes>(RECORD, { id: past.id, t: '研究了发展党员工作（补充）。' }, as.secretary)).recordMinutes;
    expect(kept.minutesAttachments).toEqual(expected);
    const removed = ok(await s.h.gql<Minutes>(RECORD, { id: past.id, t: '研究了发展党员工作（补充）。', a: [] }, as.secretary)).recordMinutes;
    expect(removed.minutesAttachments).toEqual([]);
    expect((await docs()).at(-1)!.data.minutesAttachments ?? null).toBeNull();
    // A file the secretary did not upload (and cannot see) is refused by its field, and nothing is written.
    const before = removed.version;
    const refused = await s.h.gql(RECORD, { id: past.id, t: '再次补充。', a: [{ sha256: sha(Buffer.from('no such upload')) }] }, as.secretary);
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect((refused.errors![0]!.extensions.fields as { field: string }[]).map((f) => f.field)).toEqual(['attachments[0].sha256']);
    expect((await docs()).at(-1)!.version).toBe(before);
  });
});


describe('the S3-compatible store', () => {
  interface S3rverLike {
    run(): Promise<unknown>;
    close(): Promise<unknown>;
  }
  let server: S3rverLike | undefined;
  let s3Dir = '';
  let endpoint = '';

  beforeAll(async () => {
    s3Dir = mkdtempSync(path.join(tmpdir(), 'lianjian-s3rver-'));
    const port = await freePort();
    // s3rver ships no types; it is only ever used here.
    const { default: S3rver } = (await import('s3rver' as string)) as { default: new (opts: Record<string, unknown>) => S3rverLike };
    server = new S3rver({ port, address: '127.0.0.1', silent: true, directory: s3Dir, configureBuckets: [{ name: 'lianjian-files', configs: [] }] });
    await server.run();
    endpoint = `http://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    configureFiles({ store });
    await server?.close();
    rmSync(s3Dir, { recursive: true, force: true });
  });

  it('round-trips a file with signed requests, stores it once, and is refused with an unknown key', async () => {
    const s3 = new S3FileStore({ endpoint, bucket: 'lianjian-files', region: 'us-east-1', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', prefix: 'test/' });
    const bytes = await png(40, 30, 7);
    const key = fileKey(sha(bytes));
    expect(await s3.has(key)).toBe(false);
    expect(await s3.get(key)).toBeNull();
    await s3.put(key, bytes, 'image/png');
    await s3.put(key, bytes, 'image/png');
    expect(await s3.has(key)).toBe(true);
    expect(sha((await s3.get(key))!)).toBe(sha(bytes));
    // s3rver checks the key id of a SigV4 request (not its signature arithmetic): an unknown key is refused.
    const wrong = new S3FileStore({ endpoint, bucket: 'lianjian-files', region: 'us-east-1', accessKeyId: 'NOT-A-KEY', secretAccessKey: 'S3RVER', prefix: 'test/' });
    await expect(wrong.get(key)).rejects.toThrow(/403.*InvalidAccessKeyId/s);
  });

  it('the API uploads to it and downloads from it', async () => {
    configureFiles({ store: new S3FileStore({ endpoint, bucket: 'lianjian-files', region: 'us-east-1', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }) });
    const bytes = await png(50, 50, 99);
    const up = await upload(bytes, 's3.png', as.secretary);
    expect(up.status).toBe(201);
    // The uploader may fetch their own upload before any record names it.
    const res = await download(up.body.sha256!, as.secretary);
    expect(res.status).toBe(200);
    expect(sha(Buffer.from(await res.arrayBuffer()))).toBe(sha(bytes));
    expect((await download(up.body.sha256!, as.member)).status).toBe(404);
  });
});
