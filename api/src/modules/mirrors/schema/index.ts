// reportMirrorState (a mirror's own key, after each round) and mirrors (ADMIN): where each level's
// mirror stands against the centre's head, when it last reported, and its last alert.
import { builder } from '../../../graphql/builder.js';
import { checkPageSize, decodeIntCursor, encodeIntCursor } from '../../../graphql/pagination.js';
import { badArgument } from '../../../shared/errors.js';
import { MIRROR_SCOPE } from '../../mirror-feed/access.js';
import { BEHIND_COUNT_CAP, DEFAULT_STALE_MINUTES, listMirrors, reportMirrorState, type MirrorStatus } from '../service.js';

const MirrorSyncStateEnum = builder.enumType('MirrorSyncState', {
  description: 'NEVER_REPORTED 从未报告 / NOT_REPORTING 已停止报告（超过时限） / CAUGHT_UP 已追平 / BEHIND 落后于中心',
  values: ['NEVER_REPORTED', 'NOT_REPORTING', 'CAUGHT_UP', 'BEHIND'] as const,
});

interface AlertSummary {
  kind: string;
  entityType: string | null;
  entityId: string | null;
  version: number | null;
  batchSeq: number | null;
  detectedAt: Date | null;
}

const MirrorAlertSummary = builder.objectRef<AlertSummary>('MirrorAlertSummary').implement({
  description: "A mirror's most recent open alert, as it reported it (镜像最近一条告警)",
  fields: (t) => ({
    kind: t.exposeString('kind', { description: 'RECORD_DELETED, HISTORY_CUT, VERSION_MISSING, DOCUMENT_CHANGED, UNVERIFIED, SNAPSHOT_INCOMPLETE, FEED_STALLED' }),
    entityType: t.exposeString('entityType', { nullable: true }),
    entityId: t.exposeID('entityId', { nullable: true }),
    version: t.exposeInt('version', { nullable: true }),
    batchSeq: t.exposeInt('batchSeq', { nullable: true }),
    detectedAt: t.expose('detectedAt', { type: 'DateTime', nullable: true }),
  }),
});

const MirrorStatusRef = builder.objectRef<MirrorStatus>('MirrorStatus').implement({
  description: "A level's mirror key and what its mirror last reported (镜像状态)",
  fields: (t) => ({
    keyId: t.id({ resolve: (m) => m.key.id }),
    keyName: t.string({ resolve: (m) => m.key.name }),
    keyPrefix: t.string({ resolve: (m) => m.key.prefix }),
    unitId: t.id({ resolve: (m) => m.key.unitId }),
    unitName: t.string({ resolve: (m) => m.key.unit.name }),
    state: t.field({ type: MirrorSyncStateEnum, resolve: (m) => m.state }),
    stale: t.boolean({ description: 'No report within the staleness window (or none ever)', resolve: (m) => m.stale }),
    reportedAt: t.field({ type: 'DateTime', nullable: true, resolve: (m) => m.report?.reportedAt ?? null }),
    position: t.int({ nullable: true, description: 'The last log position the mirror holds, as reported', resolve: (m) => (m.report ? Number(m.report.position) : null) }),
    headSeqSeen: t.int({ nullable: true, description: "The centre's last anchored batch the mirror saw", resolve: (m) => m.report?.headSeq ?? null }),
    headPositionSeen: t.int({ nullable: true, resolve: (m) => (m.report ? Number(m.report.headPosition) : null) }),
    centreHeadPosition: t.int({ description: "The centre's last anchored log position now", resolve: (m) => m.centreHeadPosition }),
    centreHeadSeq: t.int({ resolve: (m) => m.centreHeadSeq }),
    recordsBehind: t.int({ nullable: true, description: `The subtree's anchored records after the reported position, counted here (at most ${BEHIND_COUNT_CAP}); null before the first report`, resolve: (m) => m.recordsBehind }),
    recordsBehindCapped: t.boolean({ description: `recordsBehind reached ${BEHIND_COUNT_CAP}: at least that many`, resolve: (m) => m.recordsBehind === BEHIND_COUNT_CAP }),
    documents: t.int({ nullable: true, description: 'Record versions the mirror holds', resolve: (m) => m.report?.documents ?? null }),
    openAlerts: t.int({ nullable: true, resolve: (m) => m.report?.openAlerts ?? null }),
    lastAlert: t.field({
      type: MirrorAlertSummary,
      nullable: true,
      resolve: (m) =>
        m.report?.lastAlertKind
          ? { kind: m.report.lastAlertKind, entityType: m.report.lastAlertType, entityId: m.report.lastAlertId, version: m.report.lastAlertVersion, batchSeq: m.report.lastAlertBatch, detectedAt: m.report.lastAlertAt }
          : null,
    }),
  }),
});

interface MirrorConnection {
  totalCount: number;
  staleAfterMinutes: number;
  edges: { cursor: string; node: MirrorStatus }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

builder.queryField('mirrors', (t) =>
  t.connection(
    {
      type: MirrorStatusRef,
      description: `Every mirror key (scope "${MIRROR_SCOPE}", not revoked), newest first, with its mirror's last report (ADMIN). Pages forward with first/after.`,
      authScopes: { admin: true },
      args: {
        staleAfterMinutes: t.arg.int({ description: `A report older than this is NOT_REPORTING (default ${DEFAULT_STALE_MINUTES})` }),
      },
      resolve: async (_root, args, ctx): Promise<MirrorConnection> => {
        checkPageSize(args, ctx);
        if (args.last != null || args.before != null) {
          throw badArgument(args.last != null ? 'last' : 'before', 'is not supported here: this list pages forward with first/after.', '此列表不支持：请使用 first/after 向后翻页。');
        }
        const staleAfterMinutes = args.staleAfterMinutes ?? DEFAULT_STALE_MINUTES;
        if (!Number.isInteger(staleAfterMinutes) || staleAfterMinutes < 1 || staleAfterMinutes > 10_080) {
          throw badArgument('staleAfterMinutes', 'must be between 1 and 10080 (a week).', '应在 1 到 10080（一周）之间。');
        }
        // Offsets: the list is one row per mirror key, a handful per level, never a log.
        const after = decodeIntCursor('Mirror', 'after', args.after);
        const offset = after === null ? 0 : after + 1;
        const size = args.first ?? ctx.config.defaultPageSize;
        const { total, rows } = await listMirrors(ctx, offset, size, staleAfterMinutes);
        const edges = rows.map((node, i) => ({ cursor: encodeIntCursor('Mirror', offset + i), node }));
        return {
          totalCount: total,
          staleAfterMinutes,
          edges,
          pageInfo: {
            hasNextPage: offset + rows.length < total,
            hasPreviousPage: offset > 0,
            startCursor: edges[0]?.cursor ?? null,
            endCursor: edges[edges.length - 1]?.cursor ?? null,
          },
        };
      },
    },
    {
      name: 'MirrorStatusConnection',
      fields: (tc) => ({
        totalCount: tc.int({ description: 'All mirror keys, across pages', resolve: (c) => (c as unknown as MirrorConnection).totalCount }),
        staleAfterMinutes: tc.int({ resolve: (c) => (c as unknown as MirrorConnection).staleAfterMinutes }),
      }),
    },
  ),
);

const MirrorAlertInput = builder.inputType('MirrorAlertInput', {
  fields: (t) => ({
    kind: t.string({ required: true }),
    entityType: t.string(),
    entityId: t.id(),
    version: t.int(),
    batchSeq: t.int(),
    detectedAt: t.field({ type: 'DateTime' }),
  }),
});

const ReportMirrorStateInput = builder.inputType('ReportMirrorStateInput', {
  fields: (t) => ({
    position: t.int({ required: true, description: 'The last log position the mirror holds (-1 before the first)' }),
    headSeq: t.int({ required: true, description: "The centre's last anchored batch seq the mirror saw in this round" }),
    documents: t.int({ description: 'Record versions held' }),
    openAlerts: t.int({ required: true }),
    lastAlert: t.field({ type: MirrorAlertInput, description: 'The most recent open alert, if any' }),
  }),
});

const MirrorReportRef = builder.objectRef<{ reportedAt: Date; position: bigint; headPosition: bigint }>('MirrorReport').implement({
  description: 'What the centre stored of a mirror report',
  fields: (t) => ({
    reportedAt: t.expose('reportedAt', { type: 'DateTime' }),
    position: t.int({ resolve: (r) => Number(r.position) }),
    headPosition: t.int({ description: 'The position of the head seq the mirror reported, at the centre', resolve: (r) => Number(r.headPosition) }),
  }),
});

builder.mutationField('reportMirrorState', (t) =>
  t.field({
    type: MirrorReportRef,
    description: `A mirror tells the centre where it stands, with its own key (scope "${MIRROR_SCOPE}"): only about itself, replacing its previous report`,
    authScopes: { partner: MIRROR_SCOPE },
    args: { input: t.arg({ type: ReportMirrorStateInput, required: true }) },
    resolve: (_r, { input }, ctx) => reportMirrorState(ctx, input),
  }),
);
