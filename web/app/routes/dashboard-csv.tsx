// GET /dashboard/export.csv?unit=… — the dashboard's figures as CSV (UTF-8 with BOM).
import type { Route } from './+types/dashboard-csv';
import { messagesFor } from '../i18n/messages';
import { composition, unitParam } from '../lib/analytics.server';
import { requireAccount } from '../lib/auth.server';
import { toCsv } from '../lib/csv';
import { localeOf } from '../lib/locale.server';
import { PAGE_ROLES } from '../lib/roles';
import { STAGES } from '../lib/stages';

export async function loader({ request }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.dashboard);
  const c = await composition(ctx, unitParam(request));
  const t = messagesFor(await localeOf(request));
  const header = ['unit_id', t.dashboard.unit, 'kind', ...STAGES.map((s) => `${s} ${t.stages[s]}`), `ACTIVE ${t.dashboard.active}`];
  const rows: unknown[][] = [header];
  rows.push([c.unit.id, c.unit.name, c.unit.kind, ...STAGES.map((s) => c.byStage[s]), c.active]);
  for (const u of c.children) rows.push([u.id, u.name, u.kind, ...STAGES.map((s) => u.byStage[s]), u.active]);
  const date = new Date().toISOString().slice(0, 10);
  return new Response(toCsv(rows), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="lianjian-composition-${date}.csv"`,
      'cache-control': 'private, no-store',
    },
  });
}
