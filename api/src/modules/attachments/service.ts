// Attachments: an upload is stored by the SHA-256 of its bytes (store.ts) and noted with its
// uploader; a record attaches files by putting [{sha256, name, type, size}] into its own row, so
// the hash is inside the record's document and the file is proven by that record's proof. Who may
// fetch a file follows from the records: those who can see a notice (or meeting) naming it, and
// whoever uploaded it.
import type { Prisma } from '@lianjian/db';
import sharp from 'sharp';
import type { Context } from '../../shared/context.js';
import { forbidden, unauthenticated, type FieldErrors } from '../../shared/errors.js';
import { partnerScope, WRITER_ROLES } from '../../shared/principal.js';
import { assertCanSeeMeeting } from '../meetings/access.js';
import { canSeeNotice } from '../notices/access.js';
import { fileEmpty, fileTooLarge, fileTypeNotAllowed } from './errors.js';
import { fileKey, filesSettings, SHA256_HEX, sha256Hex, thumbKey } from './store.js';
import { fileLockKey } from './sweep.js';
import { cleanName, detectType, IMAGE_TYPES, type AllowedType } from './types.js';

/** Files one record may attach. */
export const MAX_ATTACHMENTS = 10;

/** One attached file as its record's document holds it. */
export interface AttachmentRef {
  sha256: string;
  name: string;
  type: string;
  size: number;
}

export interface AttachmentInput {
  sha256: string;
  /** The name shown and downloaded under; default: the name it was uploaded with. */
  name?: string | null;
}

/** Refuses a caller who may not upload (before their body is read). */
export function assertCanUpload(ctx: Context) {
  const p = ctx.principal;
  if (p.kind === 'anonymous') throw p.refused ? unauthenticated(p.refused.message, p.refused.messageZh) : unauthenticated();
  if (p.kind !== 'account' || !WRITER_ROLES.includes(p.role)) {
    throw forbidden(
      'Only a secretary or an administrator uploads files: they are attached to the notices and minutes those accounts write.',
      '只有书记（组织委员）或管理员可以上传文件：附件用于其发布的通知和会议纪要。',
    );
  }
  return p;
}

/** Stores an upload (once per content) and notes who uploaded it under which name. */
export async function storeUpload(ctx: Context, bytes: Buffer, givenName: string | null): Promise<AttachmentRef> {
  const p = assertCanUpload(ctx);
  const { store, maxBytes } = filesSettings();
  if (bytes.length === 0) throw fileEmpty();
  if (bytes.length > maxBytes) throw fileTooLarge(maxBytes);
  const detected = detectType(bytes);
  if (!detected.ok) throw fileTypeNotAllowed(detected.markup);
  const sha256 = sha256Hex(bytes);
  const name = cleanName(givenName, detected.type);
  // Under the lock the unused-upload sweep deletes this content under (sweep.ts): the bytes and
  // the row are both there when it looks again. Uploading the same bytes again starts their grace
  // period again (createdAt), as a new upload would.
  await ctx.prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${fileLockKey(sha256)}, 0))`;
      await store.put(fileKey(sha256), bytes, detected.type);
      await tx.storedFile.upsert({
        where: { sha256_uploadedById: { sha256, uploadedById: p.accountId } },
        create: { sha256, size: bytes.length, type: detected.type, name, uploadedById: p.accountId, createdAt: ctx.config.now() },
        update: { createdAt: ctx.config.now() },
      });
    },
    { timeout: 120_000 },
  );
  return { sha256, size: bytes.length, type: detected.type, name };
}

/**
 * The attachments a record will hold, from what the writer named: each a file they uploaded (or
 * one they can already see), with its type and size as found at upload — never as the client
 * says. Null for none, so records without files keep the shape they had before attachments.
 */
export async function resolveAttachments(ctx: Context, errs: FieldErrors, field: string, input: AttachmentInput[] | null | undefined): Promise<AttachmentRef[] | null> {
  if (!input || input.length === 0) return null;
  if (input.length > MAX_ATTACHMENTS) {
    errs.add(field, `names ${input.length} files; at most ${MAX_ATTACHMENTS} can be attached.`, `附件 ${input.length} 个，最多 ${MAX_ATTACHMENTS} 个。`);
    return null;
  }
  const p = ctx.principal;
  const out: AttachmentRef[] = [];
  const seen = new Set<string>();
  for (const [i, a] of input.entries()) {
    const sha = String(a.sha256 ?? '').trim().toLowerCase();
    if (!SHA256_HEX.test(sha)) {
      errs.add(`${field}[${i}].sha256`, 'is not a SHA-256 (64 hexadecimal digits) as the upload answered.', '不是上传时返回的 SHA-256（64 位十六进制）。');
      continue;
    }
    if (seen.has(sha)) {
      errs.add(`${field}[${i}].sha256`, 'names a file already attached above.', '该文件已在上面附加。');
      continue;
    }
    seen.add(sha);
    const rows = await ctx.prisma.storedFile.findMany({ where: { sha256: sha }, orderBy: { createdAt: 'asc' } });
    const mine = p.kind === 'account' ? rows.find((r) => r.uploadedById === p.accountId) : undefined;
    const row = mine ?? (rows[0] && (await canSeeFile(ctx, sha)) ? rows[0] : undefined);
    // A file someone else uploaded and the writer cannot see is as unknown to them as no file.
    if (!row) {
      errs.add(`${field}[${i}].sha256`, 'names no file you uploaded: upload the file first, then attach it.', '不是您上传的文件：请先上传文件再附加。');
      continue;
    }
    out.push({ sha256: sha, name: cleanName(a.name ?? row.name, row.type as AllowedType), type: row.type, size: row.size });
  }
  return out;
}

/** The JSON a row stores (null for none). */
export function attachmentsJson(list: AttachmentRef[] | null): Prisma.InputJsonValue | undefined {
  return list && list.length > 0 ? (list.map((a) => ({ sha256: a.sha256, name: a.name, type: a.type, size: a.size })) as Prisma.InputJsonValue) : undefined;
}

/** A row's attachments as stored (tolerating null and anything malformed). */
export function attachmentsOf(value: unknown): AttachmentRef[] {
  if (!Array.isArray(value)) return [];
  return value.filter((a): a is AttachmentRef => typeof a === 'object' && a !== null && typeof (a as AttachmentRef).sha256 === 'string');
}

/** Rows checked per kind when deciding who may fetch a file (a file is attached to a few records). */
const MAX_REFERENCES = 50;

/**
 * Whether the caller may fetch the file: they uploaded it, or they can see a record that attaches
 * it. Otherwise it does not exist for them — the same answer as for a hash never uploaded.
 */
export async function canSeeFile(ctx: Context, sha256: string): Promise<boolean> {
  const p = ctx.principal;
  if (p.kind === 'anonymous' || !SHA256_HEX.test(sha256)) return false;
  if (p.kind === 'account' && (await ctx.prisma.storedFile.count({ where: { sha256, uploadedById: p.accountId } })) > 0) return true;
  const needle = JSON.stringify([{ sha256 }]);
  if (p.kind === 'account' || p.scopes.has(partnerScope('Notice'))) {
    const notices = await ctx.prisma.$queryRaw<{ id: string; orgUnitId: string; audience: 'SUBTREE' | 'ROLES' | 'MEMBERS'; roles: string; memberIds: string[] }[]>`
      SELECT id::text, org_unit_id::text AS "orgUnitId", audience::text AS audience, roles::text[] AS roles, member_ids::text[] AS "memberIds"
        FROM notice WHERE attachments @> ${needle}::jsonb LIMIT ${MAX_REFERENCES}`;
    for (const n of notices) if (await canSeeNotice(ctx, n as never)) return true;
  }
  if (p.kind === 'account' || p.scopes.has(partnerScope('Meeting'))) {
    const meetings = await ctx.prisma.$queryRaw<{ id: string; orgUnitId: string; status: string }[]>`
      SELECT id::text, org_unit_id::text AS "orgUnitId", status::text AS status
        FROM meeting WHERE minutes_attachments @> ${needle}::jsonb LIMIT ${MAX_REFERENCES}`;
    for (const m of meetings) {
      try {
        await assertCanSeeMeeting(ctx, m);
        return true;
      } catch {
        // not this one; perhaps another meeting names the file
      }
    }
  }
  return false;
}

export interface FetchedFile {
  bytes: Buffer;
  type: string;
  /** The name a record (or the upload) gives it. */
  name: string;
}

async function describeFile(ctx: Context, sha256: string): Promise<{ type: string; name: string } | null> {
  const row = await ctx.prisma.storedFile.findFirst({ where: { sha256 }, orderBy: { createdAt: 'asc' } });
  if (!row) return null;
  const p = ctx.principal;
  const mine = p.kind === 'account' ? await ctx.prisma.storedFile.findFirst({ where: { sha256, uploadedById: p.accountId } }) : null;
  return { type: row.type, name: (mine ?? row).name };
}

/** The file's bytes for a caller who may see it; null (not found) otherwise. */
export async function fetchFile(ctx: Context, sha256: string): Promise<FetchedFile | null> {
  if (!(await canSeeFile(ctx, sha256))) return null;
  const meta = await describeFile(ctx, sha256);
  if (!meta) return null;
  const bytes = await filesSettings().store.get(fileKey(sha256));
  return bytes ? { bytes, ...meta } : null;
}

const THUMB_SIZE = 320;

/** A small WebP of an image file, made once and kept in the store beside it; null for a PDF. */
export async function fetchThumbnail(ctx: Context, sha256: string): Promise<Buffer | null> {
  if (!(await canSeeFile(ctx, sha256))) return null;
  const meta = await describeFile(ctx, sha256);
  if (!meta || !IMAGE_TYPES.includes(meta.type)) return null;
  const { store } = filesSettings();
  const cached = await store.get(thumbKey(sha256));
  if (cached) return cached;
  const bytes = await store.get(fileKey(sha256));
  if (!bytes) return null;
  // A bounded decode: a small file claiming a huge canvas must not take the server's memory.
  const thumb = await sharp(bytes, { limitInputPixels: 50_000_000, failOn: 'error' })
    .rotate()
    .resize(THUMB_SIZE, THUMB_SIZE, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 70 })
    .toBuffer();
  await store.put(thumbKey(sha256), thumb, 'image/webp');
  return thumb;
}
