// Server side of export-xlsx.tsx: the same report as the CSV, written as an Excel workbook.
import type { Route } from './+types/export-xlsx';
import { requireAccount } from '../../lib/auth.server';
import { duesReport, duesXlsx } from '../../lib/dues-export.server';
import { localeOf } from '../../lib/locale.server';
import { messagesFor } from '../../i18n/messages';
import { PAGE_ROLES } from '../../lib/roles';

export async function loader({ request }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.dues);
  const { csv, year } = await duesReport(ctx, request);
  const body = await duesXlsx(csv, messagesFor(await localeOf(request)));
  return new Response(body, {
    headers: {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="lianjian-dues-${year}.xlsx"`,
      'cache-control': 'private, no-store',
    },
  });
}
