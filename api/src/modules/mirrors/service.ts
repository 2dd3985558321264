// Mirror reports (issue #21 item 6): after each round a level's mirror tells the centre where it
// stands — the log position it holds, the head (batch seq) it saw, its open alerts and the last
// one — and administrators list every mirror key with that report beside the centre's own head.
//
// A report is the mirror's own word, not a record: one row per key, replaced each time. What the
// page shows as "behind" is measured here, at the centre: the subtree's anchored records after the
// reported position, so a mirror cannot look caught up by reporting a big head.
import type { ApiKey, MirrorReport, OrgUnit, PrismaClient } from '@lianjian/db';
import type { Context } from '../../shared/context.js';
import { FieldErrors } from '../../shared/errors.js';
import { MIRROR_SCOPE } from '../mirror-feed/access.js';
import { reportingKey } from './access.js';

/** A report older than this (minutes) means the mirror is not reporting (default of `mirrors`). */
export const DEFAULT_STALE_MINUTES = 10;
/** Records behind are counted up to this many; more is shown as "at least". */
export const BEHIND_COUNT_CAP = 100_000;

export interface ReportInput {
  position: number;
  headSeq: number;
  documents?: number | null | undefined;
  openAlerts: number;
  lastAlert?: {
    kind: string;
    entityType?: string | null | undefined;
    entityId?: string | null | undefined;
    version?: number | null | undefined;
    batchSeq?: number | null | undefined;
    detectedAt?: Date | null | undefined;
  } | null | undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const KIND = /^[A-Z][A-Z_]{1,39}$/;
const TYPE = /^[A-Z][A-Za-z]{1,63}$/;

export async function reportMirrorState(ctx: Context, input: ReportInput): Promise<MirrorReport> {
  const key = reportingKey(ctx);
  const errs = new FieldErrors();
  const whole = (v: number | null | undefined, min: number) => v == null || (Number.isInteger(v) && v >= min);
  if (!whole(input.position, -1)) errs.add('input.position', 'must be a log position (≥ -1).', '应为日志位置（≥ -1）。');
  if (!whole(input.headSeq, 0)) errs.add('input.headSeq', 'must be a batch seq (≥ 0).', '应为批次序号（≥ 0）。');
  if (!whole(input.documents, 0)) errs.add('input.documents', 'must be a count (≥ 0).', '应为非负整数。');
  if (!whole(input.openAlerts, 0)) errs.add('input.openAlerts', 'must be a count (≥ 0).', '应为非负整数。');
  const a = input.lastAlert ?? null;
  if (a) {
    if (!KIND.test(a.kind)) errs.add('input.lastAlert.kind', 'must be an alert kind such as RECORD_DELETED.', '应为告警类型，如 RECORD_DELETED。');
    if (a.entityType != null && !TYPE.test(a.entityType)) errs.add('input.lastAlert.entityType', 'must be a record type such as Member.', '应为记录类型，如 Member。');
    if (a.entityId != null && !UUID.test(a.entityId)) errs.add('input.lastAlert.entityId', 'must be a UUID.', '应为 UUID。');
    if (!whole(a.version, 1)) errs.add('input.lastAlert.version', 'must be a version (≥ 1).', '应为版本号（≥ 1）。');
    if (!whole(a.batchSeq, 0)) errs.add('input.lastAlert.batchSeq', 'must be a batch seq (≥ 0).', '应为批次序号（≥ 0）。');
  }
  errs.throwIfAny();
  // The head the mirror saw, as a log position: the centre's own batch of that seq.
  const batch = input.headSeq > 0 ? await ctx.prisma.batch.findUnique({ where: { seq: input.headSeq }, select: { lastPosition: true } }) : null;
  const data = {
    position: BigInt(input.position),
    headSeq: input.headSeq,
    headPosition: batch?.lastPosition ?? BigInt(-1),
    documents: input.documents ?? 0,
    openAlerts: input.openAlerts,
    lastAlertKind: a?.kind ?? null,
    lastAlertType: a?.entityType ?? null,
    lastAlertId: a?.entityId ?? null,
    lastAlertVersion: a?.version ?? null,
    lastAlertBatch: a?.batchSeq ?? null,
    lastAlertAt: a?.detectedAt ?? null,
    reportedAt: ctx.config.now(),
  };
  return ctx.prisma.mirrorReport.upsert({ where: { apiKeyId: key.apiKeyId }, create: { apiKeyId: key.apiKeyId, ...data }, update: data });
}

export type MirrorSyncState = 'NEVER_REPORTED' | 'NOT_REPORTING' | 'CAUGHT_UP' | 'BEHIND';

export interface MirrorStatus {
  key: ApiKey & { unit: OrgUnit };
  report: MirrorReport | null;
  state: MirrorSyncState;
  stale: boolean;
  /** The subtree's anchored records after the reported position (capped), null before a report. */
  recordsBehind: number | null;
  centreHeadPosition: number;
  centreHeadSeq: number;
}

export async function centreHead(prisma: PrismaClient): Promise<{ position: number; seq: number }> {
  const [head] = await prisma.$queryRawUnsafe<{ seq: number; last: string }[]>(
    `SELECT seq, last_position::text AS last FROM batch WHERE status = 'ANCHORED' ORDER BY seq DESC LIMIT 1`,
  );
  return { position: head ? Number(head.last) : -1, seq: head?.seq ?? 0 };
}

/** The feed's rows of `unitPath` in (after, head], counted up to the cap (mirror-feed/service.ts's filter). */
async function behind(prisma: PrismaClient, unitPath: string, after: bigint, head: number): Promise<number> {
  if (Number(after) >= head) return 0;
  const [r] = await prisma.$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM (
       SELECT 1 FROM record_position rp
         JOIN outbox_record o ON o.id = rp.record_id
         JOIN org_unit u ON u.id = o.org_unit_id
        WHERE rp.position > $1::bigint AND rp.position <= $2::bigint
          AND left(u.path, length($3)) = $3
          AND NOT (o.entity_type = 'Ballot' AND o.version < 2)
        LIMIT $4) x`,
    after.toString(),
    head,
    unitPath,
    BEHIND_COUNT_CAP,
  );
  return r?.n ?? 0;
}

const mirrorKeys = { scopes: { has: MIRROR_SCOPE }, revokedAt: null } as const;

/** Every unrevoked mirror key, newest first, `size` from `offset`, with its report and how far behind it is. */
export async function listMirrors(ctx: Context, offset: number, size: number, staleMinutes: number): Promise<{ total: number; rows: MirrorStatus[]; head: { position: number; seq: number } }> {
  const [total, keys, head] = await Promise.all([
    ctx.prisma.apiKey.count({ where: mirrorKeys }),
    ctx.prisma.apiKey.findMany({ where: mirrorKeys, include: { unit: true, mirrorReport: true }, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], skip: offset, take: size }),
    centreHead(ctx.prisma),
  ]);
  const now = ctx.config.now().getTime();
  const rows: MirrorStatus[] = [];
  for (const { mirrorReport: report, ...key } of keys) {
    const stale = !report || now - report.reportedAt.getTime() > staleMinutes * 60_000;
    const recordsBehind = report ? await behind(ctx.prisma, key.unit.path, report.position, head.position) : null;
    const state: MirrorSyncState = !report ? 'NEVER_REPORTED' : stale ? 'NOT_REPORTING' : recordsBehind === 0 ? 'CAUGHT_UP' : 'BEHIND';
    rows.push({ key, report, state, stale, recordsBehind, centreHeadPosition: head.position, centreHeadSeq: head.seq });
  }
  return { total, rows, head };
}
