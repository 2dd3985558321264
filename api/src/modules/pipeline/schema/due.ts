// pipelineDue: what is due or overdue in a subtree (talks, assessments, pre-reviews, approvals,
// ends of probation), soonest first, as a Relay connection with a key cursor.
import { builder } from '../../../graphql/builder.js';
import { listRoot } from '../../../shared/access.js';
import { badArgument, notFound } from '../../../shared/errors.js';
import { requireUuid } from '../../../shared/ids.js';
import { dueInSubtree, type DueEntry } from '../due-query.js';
import { engineToday, isoOf } from '../service.js';
import { checkPageSize, keyCursor } from '../../../graphql/pagination.js';
import { DueStatusEnum, PipelineDueItem } from './types.js';

const { encode, decode } = keyCursor('due', String.raw`\d{4}-\d{2}-\d{2}\|[0-9a-f-]{36}\|\d{2}\|[A-Z_]+`);

interface DueConnection {
  totalCount: number;
  edges: { cursor: string; node: DueEntry }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

builder.queryFields((t) => ({
  pipelineDue: t.connection(
    {
      type: PipelineDueItem,
      description: 'Development deadlines due or overdue in a subtree, soonest first (staff, or an API key with "DevelopmentStep:read")',
      authScopes: { $any: { staff: true, partner: 'DevelopmentStep:read' } },
      args: {
        unitId: t.arg.id({ description: 'Org unit whose subtree to scan; default: your scope unit' }),
        asOf: t.arg({ type: 'Date', description: 'Default: today (China time)' }),
        withinDays: t.arg.int({ description: 'List items due within this many days of asOf (default 30); overdue ones always' }),
        status: t.arg({ type: [DueStatusEnum], description: 'Only these statuses' }),
      },
      resolve: async (_root, args, ctx): Promise<DueConnection> => {
        checkPageSize(args, ctx);
        const unit = args.unitId != null ? await ctx.loaders.orgUnit.load(requireUuid('unitId', args.unitId)) : null;
        if (args.unitId != null && !unit) throw notFound('Org unit', '组织', String(args.unitId));
        const rootPath = listRoot(ctx, unit);
        const withinDays = args.withinDays ?? 30;
        if (withinDays < 0 || withinDays > 3660) throw badArgument('withinDays', 'must be between 0 and 3660.', '应在 0 到 3660 之间。');
        const after = decode('after', args.after);
        const before = decode('before', args.before);
        const all = await dueInSubtree(ctx, {
          rootPath,
          asOf: args.asOf ? isoOf(args.asOf) : engineToday(ctx),
          withinDays,
          statuses: args.status ?? null,
        });
        const window = all.filter((d) => (after === null || d.key > after) && (before === null || d.key < before));
        const size = args.first ?? args.last ?? ctx.config.defaultPageSize;
        const fromEnd = args.first == null && args.last != null;
        const page = fromEnd ? window.slice(Math.max(0, window.length - size)) : window.slice(0, size);
        return {
          totalCount: all.length,
          edges: page.map((node) => ({ cursor: encode(node.key), node })),
          pageInfo: {
            hasNextPage: fromEnd ? before !== null && all.some((d) => d.key >= before) : window.length > page.length,
            hasPreviousPage: fromEnd ? window.length > page.length : after !== null && all.some((d) => d.key <= after),
            startCursor: page.length ? encode(page[0]!.key) : null,
            endCursor: page.length ? encode(page[page.length - 1]!.key) : null,
          },
        };
      },
    },
    {
      name: 'PipelineDueConnection',
      fields: (tc) => ({
        totalCount: tc.int({ description: 'All matching items, across pages', resolve: (c) => (c as unknown as DueConnection).totalCount }),
      }),
    },
  ),
}));
