// Server side of list.tsx: the notices addressed to the viewer, or (staff) those published in
// their subtree, and publishing one. Documents live here, where codegen finds them.
import { redirect } from 'react-router';
import type { Route } from './+types/list';
import { uploadAttachments } from '../../lib/attachments.server';
import { requireAccount } from '../../lib/auth.server';
import { readPostedForm } from '../../lib/form-action.server';
import { PICKABLE_MEMBERS } from '../../lib/notices';
import { pagingFrom } from '../../lib/portal';
import { isWriter, PAGE_ROLES, WRITER_ROLES } from '../../lib/roles';
import { pageUrl } from '../../lib/session.server';
import { unitOptions } from '../../lib/units.server';
import { graphql } from '../../graphql';
import type { NoticeAudience, Role } from '../../graphql/graphql';

const PAGE_SIZE = 20;

const MINE = graphql(`query MyNotices($unread: Boolean, $first: Int, $after: String, $last: Int, $before: String) {
  myNotices(unread: $unread, first: $first, after: $after, last: $last, before: $before) {
    totalCount pageInfo { ...PageFields }
    edges { node { id title publishedAt withdrawnAt unitName myReceipt { readAt acknowledgedAt } proof { status batchSeq anchor { height } } } }
  }
}`);

const PUBLISHED = graphql(`query PublishedNotices($first: Int, $after: String, $last: Int, $before: String) {
  notices(first: $first, after: $after, last: $last, before: $before) {
    totalCount pageInfo { ...PageFields }
    edges { node { id title audience roles memberCount publishedAt withdrawnAt unitName stats { audience acknowledged } proof { status batchSeq anchor { height } } } }
  }
}`);

const PICKABLE = graphql(`query NoticeMembers($first: Int) { members(first: $first, status: ACTIVE) { edges { node { id name orgUnit { name } } } } }`);

const PUBLISH = graphql(`mutation PublishNotice($input: PublishNoticeInput!) { publishNotice(input: $input) { id } }`);

export async function loader({ request }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.notices);
  const url = pageUrl(request);
  const staff = ctx.account.role !== 'MEMBER';
  const view = staff && url.pathname.replace(/\/$/, '') === '/notices/published' ? 'published' : 'mine';
  const unread = url.searchParams.get('unread') === '1';
  const paging = pagingFrom(url, '', PAGE_SIZE);
  const canPublish = isWriter(ctx.account.role);
  if (view === 'mine') {
    return { view, staff, canPublish, unread, mine: (await ctx.query(MINE, { ...paging, ...(unread ? { unread: true } : {}) })).myNotices, published: null, units: [], members: [] };
  }
  const [published, units, members] = await Promise.all([
    ctx.query(PUBLISHED, paging),
    canPublish ? unitOptions(ctx) : [],
    canPublish ? ctx.query(PICKABLE, { first: PICKABLE_MEMBERS }).then((r) => r.members.edges.map((e) => e.node)) : [],
  ]);
  return { view, staff, canPublish, unread, mine: null, published: published.notices, units, members };
}

export async function action({ request }: Route.ActionArgs) {
  const { ctx, form, text, fail } = await readPostedForm(request, WRITER_ROLES);
  const audience = text('audience') as NoticeAudience;
  try {
    // The files go to the API first; the notice then names them by hash (in its record).
    const attachments = await uploadAttachments(ctx, form);
    const r = await ctx.call(PUBLISH, {
      input: {
        unitId: text('unitId'),
        title: text('title'),
        body: text('body'),
        audience,
        ...(audience === 'ROLES' ? { roles: form.getAll('roles').map(String) as Role[] } : {}),
        ...(audience === 'MEMBERS' ? { memberIds: form.getAll('memberIds').map(String) } : {}),
        ...(text('decisionId') ? { decisionId: text('decisionId') } : {}),
        ...(attachments.length > 0 ? { attachments } : {}),
      },
    });
    return redirect(`/notices/${r.publishNotice.id}?published=1`);
  } catch (error) {
    return fail(error, 'publish');
  }
}
