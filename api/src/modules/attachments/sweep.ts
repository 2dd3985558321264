// Uploads no record names, deleted after a grace period (decision 020). POST /files stores the bytes
// before any notice or minutes name them, so a form abandoned after its upload leaves a file behind;
// this sweep, on a schedule in the API process, deletes content whose every upload is older than the
// grace period (LIANJIAN_FILES_UNUSED_HOURS, default 24) and that no record names — neither a row as
// it is now nor any version of a record document in the log (the outbox is append-only, so an old
// version of a notice still proves the file it attached and the file must stay). Every API replica
// runs the schedule; each file is deleted under an advisory lock that uploads of the same bytes take
// too (service.ts storeUpload), and checked again under it, so a sweep never deletes bytes an upload
// has just stored again. Interval: ApiConfig.filesSweepMs (LIANJIAN_FILES_SWEEP_MS; default 1 h,
// 0 off; null in tests unless they ask).
import type { PrismaClient } from '@lianjian/db';
import type { ApiConfig } from '../../shared/config.js';
import { startPeriodic, type Periodic, type PeriodicOptions } from '../../shared/periodic.js';
import { fileKey, filesSettings, thumbKey, type FileStore } from './store.js';

/**
 * Record kinds whose documents can name a file (`notice.attachments`, `meeting.minutes_attachments`).
 * A kind that starts attaching files must be added here and to stillUnused's row checks.
 */
export const ATTACHING_KINDS = ['Notice', 'Meeting'] as const;

/** Files looked at per sweep; the rest wait for the next one. */
const PER_SWEEP = 200;

/** The advisory lock of one content hash: the sweep deleting it and an upload storing it take turns. */
export const fileLockKey = (sha256: string) => `attachment-file:${sha256}`;

type Db = Pick<PrismaClient, '$queryRaw'>;

/**
 * Of the hashes given, those still unused: every upload before `cutoff`, and no row or record
 * document names them. The documents are read once for all the hashes (each attaching document's
 * list of files), not once per hash: a sweep of 200 candidates over a large log stays one pass.
 */
async function stillUnused(db: Db, hashes: string[], cutoff: Date): Promise<string[]> {
  const rows = await db.$queryRaw<{ sha256: string }[]>`
    WITH c AS (SELECT DISTINCT h AS sha256 FROM unnest(${hashes}::text[]) AS u(h)),
         open AS (SELECT c.sha256 FROM c
                   WHERE EXISTS (SELECT 1 FROM stored_file f WHERE f.sha256 = c.sha256)
                     AND NOT EXISTS (SELECT 1 FROM stored_file f WHERE f.sha256 = c.sha256 AND f.created_at >= ${cutoff})
                     AND NOT EXISTS (SELECT 1 FROM notice n WHERE n.attachments @> jsonb_build_array(jsonb_build_object('sha256', c.sha256)))
                     AND NOT EXISTS (SELECT 1 FROM meeting m WHERE m.minutes_attachments @> jsonb_build_array(jsonb_build_object('sha256', c.sha256)))),
         named AS (SELECT DISTINCT f.value->>'sha256' AS sha256
                     FROM outbox_record r
                     CROSS JOIN LATERAL (SELECT r.document::jsonb->'data' AS d) j
                     CROSS JOIN LATERAL jsonb_array_elements(
                       CASE WHEN jsonb_typeof(j.d->'attachments') = 'array' THEN j.d->'attachments' ELSE '[]'::jsonb END ||
                       CASE WHEN jsonb_typeof(j.d->'minutesAttachments') = 'array' THEN j.d->'minutesAttachments' ELSE '[]'::jsonb END) f
                    WHERE r.entity_type = ANY(${[...ATTACHING_KINDS]}::text[]) AND EXISTS (SELECT 1 FROM open))
    SELECT o.sha256 FROM open o WHERE NOT EXISTS (SELECT 1 FROM named n WHERE n.sha256 = o.sha256)`;
  return rows.map((r) => r.sha256);
}

export interface SweepOptions {
  /** Default: this process's store and grace period (store.ts filesSettings). */
  store?: FileStore;
  graceMs?: number;
}

/**
 * Deletes the uploads no record names whose last upload is older than the grace period: the
 * bytes (and a thumbnail made of them) from the store, and their `stored_file` rows. Returns the
 * hashes deleted.
 */
export async function sweepUnusedUploads(prisma: PrismaClient, now: Date, opts: SweepOptions = {}): Promise<string[]> {
  const settings = filesSettings();
  const store = opts.store ?? settings.store;
  const cutoff = new Date(now.getTime() - (opts.graceMs ?? settings.unusedGraceMs));
  const old = await prisma.$queryRaw<{ sha256: string }[]>`
    SELECT sha256 FROM stored_file GROUP BY sha256 HAVING max(created_at) < ${cutoff} ORDER BY max(created_at) LIMIT ${PER_SWEEP}`;
  if (old.length === 0) return [];
  const candidates = await stillUnused(prisma, old.map((r) => r.sha256), cutoff);
  const deleted: string[] = [];
  for (const sha256 of candidates) {
    const gone = await prisma.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${fileLockKey(sha256)}, 0))`;
        // Again under the lock: uploaded again or attached since the first look, it stays.
        if ((await stillUnused(tx, [sha256], cutoff)).length === 0) return false;
        await tx.storedFile.deleteMany({ where: { sha256 } });
        // The thumbnail first: if deleting the file then fails, the rows come back with the
        // transaction and the file is whole (a thumbnail is made again on demand).
        await store.delete(thumbKey(sha256));
        await store.delete(fileKey(sha256));
        return true;
      },
      { timeout: 120_000 },
    );
    if (gone) deleted.push(sha256);
  }
  return deleted;
}

/** runNow resolves to the hashes deleted. */
export type UploadSweepSchedule = Periodic<string[]>;
export type UploadSweepScheduleOptions = PeriodicOptions;

/** The sweep every `intervalMs` in this process. */
export function startUploadSweep(prisma: PrismaClient, config: Pick<ApiConfig, 'now'>, opts: UploadSweepScheduleOptions): UploadSweepSchedule {
  return startPeriodic('the upload sweep', 'unused upload sweep failed', [] as string[], () => sweepUnusedUploads(prisma, config.now()), opts);
}
