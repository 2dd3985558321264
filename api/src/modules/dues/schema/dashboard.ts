// The dues figures on the analytics dashboard: the month of `asOf` over the dashboard's unit.
import { builder } from '../../../graphql/builder.js';
import { AnalyticsDashboard } from '../../analytics/schema/index.js';
import { summary } from '../reads.js';
import { DuesSummary } from './types.js';

builder.objectField(AnalyticsDashboard, 'dues', (t) =>
  t.field({
    type: DuesSummary,
    description: 'Dues of the month of asOf: collection rate and arrears',
    resolve: (s, _a, ctx) => summary(ctx, s.unit.id, s.asOf.slice(0, 7)),
  }),
);
