// Server side of export-csv.tsx: the API's year report as the finance office's CSV file.
import type { Route } from './+types/export-csv';
import { requireAccount } from '../../lib/auth.server';
import { duesReport } from '../../lib/dues-export.server';
import { PAGE_ROLES } from '../../lib/roles';

export async function loader({ request }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.dues);
  const { csv, year } = await duesReport(ctx, request);
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="lianjian-dues-${year}.csv"`,
      'cache-control': 'private, no-store',
    },
  });
}
