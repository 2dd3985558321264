import { pageUrl } from '../../lib/session.server';
// Server side of export-csv.tsx: its loader and actions and the GraphQL documents they send.
import { data } from 'react-router';
import type { Route } from './+types/export-csv';
import { messagesFor } from '../../i18n/messages';
import { buildFigures, figureCsvRows, isFigureId } from '../../lib/analytics';
import { dashboardData, periodParams, unitParam, unitsOffsetParam } from '../../lib/analytics.server';
import { requireAccount } from '../../lib/auth.server';
import { toCsv } from '../../lib/csv';
import { localeOf } from '../../lib/locale.server';
import { PAGE_ROLES } from '../../lib/roles';
import { STAGES } from '../../lib/stages';

export async function loader({ request }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.dashboard);
  const figure = pageUrl(request).searchParams.get('figure');
  if (figure !== null && !isFigureId(figure)) {
    throw data({ code: 'BAD_USER_INPUT', message: `"${figure}" is not a dashboard figure.`, messageZh: `“${figure}”不是看板中的统计项。` }, { status: 400 });
  }
  const d = await dashboardData(ctx, unitParam(request), periodParams(request), unitsOffsetParam(request));
  const t = messagesFor(await localeOf(request));
  let rows: unknown[][];
  if (figure) {
    rows = figureCsvRows(buildFigures(d, t).find((f) => f.id === figure)!);
  } else {
    const count = (list: Array<{ key: string; count: number }>, s: string) => list.find((x) => x.key === s)?.count ?? 0;
    rows = [['unit_id', t.dashboard.unit, ...STAGES.map((s) => `${s} ${t.stages[s]}`), `ACTIVE ${t.dashboard.active}`]];
    rows.push([d.unitId, d.unitName, ...STAGES.map((s) => count(d.composition.byStage, s)), d.composition.total]);
    for (const u of d.byUnit) rows.push([u.unitId, u.unitName, ...STAGES.map((s) => count(u.composition.byStage, s)), u.composition.total]);
  }
  const name = `lianjian-${(figure ?? 'composition').replace(/\./g, '-')}-${d.asOf}.csv`;
  return new Response(toCsv(rows), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${name}"`,
      'cache-control': 'private, no-store',
    },
  });
}
