// tamperAlerts (ADMIN): what the indexer's auditor found (indexer/src/audit.ts) — rows changed
// behind the API's back, records without rows, broken batches, roots that differ from the chain.
import type { Prisma, TamperAlert } from '@lianjian/db';
import { builder } from '../../../graphql/builder.js';
import { badArgument } from '../../../shared/errors.js';
import { checkPageSize, decodeIntCursor, encodeIntCursor, forwardPage } from '../../../graphql/pagination.js';

const TamperAlertRef = builder.objectRef<TamperAlert>('TamperAlert').implement({
  description: 'A finding of the auditor (篡改告警): the database disagrees with its records, the log or the chain',
  fields: (t) => ({
    id: t.id({ resolve: (a) => a.id.toString() }),
    kind: t.exposeString('kind', { description: 'ROW_MISMATCH, ROW_WITHOUT_RECORD, RECORD_WITHOUT_ROW, LEAF_MISMATCH, ROOT_MISMATCH, CHAIN_MISMATCH, …' }),
    entityType: t.exposeString('entityType', { nullable: true }),
    entityId: t.exposeID('entityId', { nullable: true }),
    batchSeq: t.exposeInt('batchSeq', { nullable: true }),
    detail: t.expose('detail', { type: 'JSON' }),
    detectedAt: t.expose('detectedAt', { type: 'DateTime' }),
    resolvedAt: t.expose('resolvedAt', { type: 'DateTime', nullable: true }),
  }),
});

interface AlertConnection {
  totalCount: number;
  edges: { cursor: string; node: TamperAlert }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

const cursorOf = (a: TamperAlert) => encodeIntCursor('TamperAlert', Number(a.id));

builder.queryField('tamperAlerts', (t) =>
  t.connection(
    {
      type: TamperAlertRef,
      description: 'Auditor findings, newest first (ADMIN). Pages forward with first/after.',
      authScopes: { admin: true },
      args: {
        open: t.arg.boolean({ description: 'Only alerts not yet resolved' }),
        kind: t.arg.string(),
      },
      resolve: async (_root, args, ctx): Promise<AlertConnection> => {
        checkPageSize(args, ctx);
        if (args.last != null || args.before != null) {
          throw badArgument(args.last != null ? 'last' : 'before', 'is not supported here: this list pages forward with first/after.', '此列表不支持：请使用 first/after 向后翻页。');
        }
        const after = decodeIntCursor('TamperAlert', 'after', args.after);
        const where: Prisma.TamperAlertWhereInput = {};
        if (args.open) where.resolvedAt = null;
        if (args.kind) where.kind = args.kind;
        const size = args.first ?? ctx.config.defaultPageSize;
        const [totalCount, rows] = await Promise.all([
          ctx.prisma.tamperAlert.count({ where }),
          ctx.prisma.tamperAlert.findMany({
            where: after === null ? where : { ...where, id: { lt: BigInt(after) } },
            orderBy: { id: 'desc' },
            take: size + 1,
          }),
        ]);
        return { totalCount, ...forwardPage(rows, size, after, cursorOf) };
      },
    },
    {
      name: 'TamperAlertConnection',
      fields: (tc) => ({
        totalCount: tc.int({ description: 'All matching alerts, across pages', resolve: (c) => (c as unknown as AlertConnection).totalCount }),
      }),
    },
  ),
);
