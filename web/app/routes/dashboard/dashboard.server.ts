import { PUBLISH_METRICS } from '../../lib/analytics';
// Server side of dashboard.tsx: the dashboard's data with the ranking's member names, and publishing a snapshot.
import { redirect } from 'react-router';
import type { Route } from './+types/dashboard';
import { TypedDocumentString } from '../../graphql/graphql';
import { dashboardPage, publishSnapshot } from '../../lib/analytics.server';
import { assertSameOrigin, requireAccount, type AccountContext } from '../../lib/auth.server';
import { badForm, formFailure } from '../../lib/meetings.server';
import { PAGE_ROLES } from '../../lib/roles';

export async function loader({ request }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.dashboard);
  const page = await dashboardPage(ctx, request);
  return { ...page, memberNames: await memberNames(ctx, page.data.points.top.map((r) => r.memberId)) };
}

/**
 * The names of the points ranking's members, looked up as the viewer (so only those they may see):
 * the analytics API gives ids only. Any refusal leaves the ranking by id, as before.
 */
async function memberNames(ctx: AccountContext, ids: string[]): Promise<Record<string, string>> {
  const wanted = [...new Set(ids)].filter((id) => /^[0-9a-f-]{36}$/i.test(id)).slice(0, 50);
  if (wanted.length === 0) return {};
  // The one document built at run time (one alias per member), so not among the generated ones.
  const q = new TypedDocumentString<Record<string, { id: string; name: string } | null>, Record<string, string>>(
    `query RankNames(${wanted.map((_, i) => `$m${i}: ID!`).join(', ')}) { ${wanted.map((_, i) => `m${i}: member(id: $m${i}) { id name }`).join(' ')} }`,
  );
  try {
    const r = await ctx.query(q, Object.fromEntries(wanted.map((id, i) => [`m${i}`, id])));
    return Object.fromEntries(Object.values(r).flatMap((m) => (m ? [[m.id, m.name]] : [])));
  } catch {
    return {};
  }
}

export async function action({ request }: Route.ActionArgs) {
  assertSameOrigin(request);
  const ctx = await requireAccount(request, ['LEADER', 'ADMIN']);
  const form = await request.formData();
  const metric = String(form.get('metric') ?? '');
  const unitId = String(form.get('unitId') ?? '');
  const title = String(form.get('title') ?? '').trim();
  if (!(PUBLISH_METRICS as readonly string[]).includes(metric)) {
    return badForm('publish', 'Choose the figure to publish.', '请选择要发布的指标。', [{ field: 'metric', message: 'Choose composition, pipeline or dues.', messageZh: '请选择党员构成、发展流程或党费收缴。' }]);
  }
  if (title.length > 200) return badForm('publish', 'The title is too long.', '标题过长。', [{ field: 'title', message: 'at most 200 characters.', messageZh: '最多 200 个字。' }]);
  try {
    const s = await publishSnapshot(ctx, { unitId, metric, title: title || null });
    return redirect(`/snapshots/${s.id}?published=1`);
  } catch (error) {
    return formFailure(error, request, ctx, 'publish');
  }
}

