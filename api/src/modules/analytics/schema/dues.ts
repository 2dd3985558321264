// The dues figures on the analytics dashboard: the month of `asOf` over the dashboard's unit. Here,
// not in dues/, because the analytics module already reads dues (publish, rollups): one direction.
import { builder } from '../../../graphql/builder.js';
import { summary } from '../../dues/reads.js';
import { DuesSummary } from '../../dues/schema/types.js';
import { AnalyticsDashboard } from './dashboard.js';

builder.objectField(AnalyticsDashboard, 'dues', (t) =>
  t.field({
    type: DuesSummary,
    description: 'Dues of the month of asOf: collection rate and arrears',
    resolve: (s, _a, ctx) => summary(ctx, s.unit.id, s.asOf.slice(0, 7)),
  }),
);
