// Publishing a snapshot: the figures are computed from the CURRENT record documents of the
// metric's inputs (not from the rollups), the inputs' leaves are committed to with a Merkle root
// (verify's RFC 9162 tree), and the snapshot becomes a record of its own, anchored like any other.
// One repeatable-read transaction, so the inputs, figures and log position are one moment.
import { Prisma } from '@lianjian/db';
import { buildTree, computeSnapshotFigures, parseJson, SNAPSHOT_METRICS, treeRoot, type RecordDocument } from '@lianjian/verify';
import type { Context } from '../../shared/context.js';
import { badArgument } from '../../shared/errors.js';
import { writeRecord } from '../../shared/records/write.js';

interface InputRow {
  id: string;
  version: number;
  leaf: Uint8Array;
  document: string;
}

export interface PublishRequest {
  unit: { id: string; path: string; name: string };
  metric: string;
  title: string;
  asOf: string;
}

export async function publishSnapshot(ctx: Context, req: PublishRequest) {
  const spec = SNAPSHOT_METRICS[req.metric];
  if (!spec) {
    throw badArgument('metric', `must be one of ${Object.keys(SNAPSHOT_METRICS).join(', ')}.`, `应为 ${Object.keys(SNAPSHOT_METRICS).join('、')} 之一。`);
  }
  return ctx.prisma.$transaction(
    async (tx) => {
      // Member inputs: every member of the subtree (any status: the figures' filters are part of
      // what a verifier checks), at the version the row holds now, with that version's record.
      const rows = await tx.$queryRaw<InputRow[]>`
        SELECT m.id::text, m.version, o.leaf, o.document
          FROM member m
          JOIN org_unit u ON u.id = m.org_unit_id
          JOIN outbox_record o ON o.entity_type = 'Member' AND o.entity_id = m.id AND o.version = m.version
         WHERE u.path LIKE ${`${req.unit.path}%`}
         ORDER BY m.id`;
      if (rows.length === 0) {
        throw badArgument('unitId', 'has no members in its subtree: there is nothing to publish.', '该组织及其下级没有党员，无可发布的数据。');
      }
      const docs = rows.map((r) => parseJson(r.document) as RecordDocument);
      const figures = computeSnapshotFigures(req.metric, { asOf: req.asOf }, docs.map((d) => d.data as Record<string, unknown>));
      const root = treeRoot(buildTree(rows.map((r) => Uint8Array.from(r.leaf))));
      const [pos] = await tx.$queryRaw<{ p: bigint | null }[]>`SELECT max(position) AS p FROM record_position`;
      const snapshot = await tx.analyticsSnapshot.create({
        data: {
          orgUnitId: req.unit.id,
          metric: req.metric,
          title: req.title,
          params: { asOf: req.asOf, unitPath: req.unit.path },
          figures: figures as Prisma.InputJsonValue,
          inputRoot: new Uint8Array(root),
          inputCount: rows.length,
          asOfPosition: pos?.p ?? null,
          publishedAt: ctx.config.now(),
          publishedById: ctx.principal.kind === 'account' ? ctx.principal.accountId : null,
        },
      });
      // The ordinal order is the leaf order: members by id, as a verifier checks.
      const CHUNK = 10_000;
      for (let i = 0; i < rows.length; i += CHUNK) {
        await tx.analyticsSnapshotInput.createMany({
          data: rows.slice(i, i + CHUNK).map((r, j) => ({
            snapshotId: snapshot.id,
            ordinal: i + j,
            entityType: spec.inputType,
            entityId: r.id,
            entityVersion: r.version,
            leaf: Uint8Array.from(r.leaf),
          })),
        });
      }
      await writeRecord(tx, ctx, 'AnalyticsSnapshot', snapshot);
      return snapshot;
    },
    { isolationLevel: 'RepeatableRead', timeout: 600_000, maxWait: 10_000 },
  );
}
