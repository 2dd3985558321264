// oversight: the unit in view (default: your scope unit) for the read-only oversight page.
import { builder } from '../../../graphql/builder.js';
import { loadOverseenUnit } from '../access.js';
import { Oversight } from './types.js';

builder.queryFields((t) => ({
  oversight: t.field({
    type: Oversight,
    description: 'The work waiting across a unit’s subtree, one child unit a row, down to a branch’s own items (ADMIN, LEADER, SECRETARY; a unit outside your scope is answered as one that does not exist)',
    args: { unitId: t.arg.id({ description: 'Default: your scope unit' }) },
    authScopes: { staff: true },
    resolve: async (_r, args, ctx) => ({ unit: await loadOverseenUnit(ctx, args.unitId != null ? String(args.unitId) : null) }),
  }),
}));
