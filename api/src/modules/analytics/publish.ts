// Publishing a snapshot: the figures are computed from the CURRENT record documents of the
// metric's inputs (not from the rollups), the inputs' leaves are committed to with a Merkle root
// (verify's RFC 9162 tree), and the snapshot becomes a record of its own, anchored like any other.
// One repeatable-read transaction, so the inputs, figures and log position are one moment.
// A `dues` snapshot's inputs are the subtree's members and every dues record of those members
// (bases, hardship decisions, payments, arrears cases); its params name the month and the last
// month that was due at publication, so its figures do not depend on when they are recomputed.
import { Prisma } from '@lianjian/db';
import { buildTree, computeSnapshotFiguresFromRecords, parseJson, SNAPSHOT_METRICS, snapshotInputTypes, treeRoot, type RecordDocument, type SnapshotParams } from '@lianjian/verify';
import type { Context } from '../../shared/context.js';
import { badArgument } from '../../shared/errors.js';
import { writeRecord, type Tx } from '../../shared/records/write.js';
import { lastDueMonth } from '../dues/months.js';

interface InputRow {
  type: string;
  id: string;
  version: number;
  leaf: Uint8Array;
  document: string;
}

/** The dues tables whose rows are inputs of a dues snapshot, by record type (constants, never input). */
const DUES_TABLES: Readonly<Record<string, string>> = {
  DuesArrearsCase: 'dues_arrears_case',
  DuesBase: 'dues_base',
  DuesHardship: 'dues_hardship',
  DuesPayment: 'dues_payment',
};

/** Rows of `type` whose member is in the subtree, at the version the row holds now, with that version's record. */
async function inputRows(tx: Tx, type: string, unitPath: string): Promise<InputRow[]> {
  if (type === 'Member') {
    return tx.$queryRaw<InputRow[]>`
      SELECT 'Member' AS type, m.id::text, m.version, o.leaf, o.document
        FROM member m
        JOIN org_unit u ON u.id = m.org_unit_id
        JOIN outbox_record o ON o.entity_type = 'Member' AND o.entity_id = m.id AND o.version = m.version
       WHERE u.path LIKE ${`${unitPath}%`}`;
  }
  const table = DUES_TABLES[type];
  if (!table) throw new Error(`no input query for ${type} records`);
  // A dues row belongs to the subtree through its member (where the member is now), as the
  // dashboard's dues figures count it.
  return tx.$queryRaw<InputRow[]>`
    SELECT ${type} AS type, x.id::text, x.version, o.leaf, o.document
      FROM ${Prisma.raw(table)} x
      JOIN member m ON m.id = x.member_id
      JOIN org_unit u ON u.id = m.org_unit_id
      JOIN outbox_record o ON o.entity_type = ${type} AND o.entity_id = x.id AND o.version = x.version
     WHERE u.path LIKE ${`${unitPath}%`}`;
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
      // Inputs: every member of the subtree (any status: the figures' filters are part of what a
      // verifier checks), and for dues their dues records. In leaf order: by type, then id, compared
      // as the verifier compares them (JavaScript string order, not the database's collation).
      const rows: InputRow[] = [];
      for (const type of snapshotInputTypes(spec)) rows.push(...(await inputRows(tx, type, req.unit.path)));
      rows.sort((a, b) => (a.type === b.type ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.type < b.type ? -1 : 1));
      if (!rows.some((r) => r.type === 'Member')) {
        throw badArgument('unitId', 'has no members in its subtree: there is nothing to publish.', '该组织及其下级没有党员，无可发布的数据。');
      }
      const params: SnapshotParams = req.metric === 'dues' ? { asOf: req.asOf, month: req.asOf.slice(0, 7), dueUntil: lastDueMonth(ctx) } : { asOf: req.asOf };
      const docs = rows.map((r) => parseJson(r.document) as RecordDocument);
      const figures = computeSnapshotFiguresFromRecords(req.metric, params, docs.map((d) => ({ type: d.type, id: d.id, data: d.data as Record<string, unknown> })));
      const root = treeRoot(buildTree(rows.map((r) => Uint8Array.from(r.leaf))));
      const [pos] = await tx.$queryRaw<{ p: bigint | null }[]>`SELECT max(position) AS p FROM record_position`;
      const snapshot = await tx.analyticsSnapshot.create({
        data: {
          orgUnitId: req.unit.id,
          metric: req.metric,
          title: req.title,
          params: { ...params, unitPath: req.unit.path },
          figures: figures as Prisma.InputJsonValue,
          inputRoot: new Uint8Array(root),
          inputCount: rows.length,
          asOfPosition: pos?.p ?? null,
          publishedAt: ctx.config.now(),
          publishedById: ctx.principal.kind === 'account' ? ctx.principal.accountId : null,
        },
      });
      // The ordinal order is the leaf order: by type, then id, as a verifier checks.
      const CHUNK = 10_000;
      for (let i = 0; i < rows.length; i += CHUNK) {
        await tx.analyticsSnapshotInput.createMany({
          data: rows.slice(i, i + CHUNK).map((r, j) => ({
            snapshotId: snapshot.id,
            ordinal: i + j,
            entityType: r.type,
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
