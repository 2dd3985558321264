// Server side of inbox.tsx: the signed-in person's own reminders and e-mail settings, and the
// forms that mark items read and change the settings.
import { data } from 'react-router';
import type { Route } from './+types/inbox';
import { requireAccount } from '../../lib/auth.server';
import { readPostedForm } from '../../lib/form-action.server';
import type { FormResult } from '../../lib/meetings-form';
import { PAGE_ROLES } from '../../lib/roles';
import { graphql } from '../../graphql';
import type { EmailMode, InboxKind } from '../../graphql/graphql';

const PAGE_SIZE = 50;

const INBOX = graphql(`query InboxPage($open: Boolean, $first: Int, $after: String) {
  inbox(open: $open, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id kind title occasionName { zh en } link dueAt createdAt readAt doneAt } }
  }
  inboxCounts { open unread }
  emailPreferences { email preferences { kind mode } }
}`);

const MARK = graphql(`mutation InboxMarkRead($ids: [ID!]!) { markInboxRead(ids: $ids) { id readAt } }`);
const SET_EMAIL = graphql(`mutation InboxSetEmail($email: String) { setMyEmail(email: $email) { email } }`);
const SET_MODE = graphql(`mutation InboxSetMode($kind: InboxKind!, $mode: EmailMode!) { setEmailPreference(kind: $kind, mode: $mode) { email } }`);

export async function loader({ request }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.inbox);
  const url = new URL(request.url);
  const all = url.searchParams.get('all') === '1';
  const after = url.searchParams.get('after') || null;
  const r = await ctx.query(INBOX, { open: all ? null : true, first: PAGE_SIZE, after });
  return {
    all,
    items: r.inbox.edges.map((e) => e.node),
    total: r.inbox.totalCount,
    next: r.inbox.pageInfo.hasNextPage ? r.inbox.pageInfo.endCursor : null,
    counts: r.inboxCounts,
    email: r.emailPreferences,
  };
}

export type InboxResult = FormResult;

const MODES: readonly string[] = ['OFF', 'IMMEDIATE', 'DIGEST'];

export async function action({ request }: Route.ActionArgs) {
  const { ctx, form, intent, text, fail } = await readPostedForm(request, PAGE_ROLES.inbox);
  try {
    if (intent === 'read') {
      const ids = form.getAll('item').map(String).filter(Boolean);
      if (ids.length) await ctx.call(MARK, { ids });
    } else if (intent === 'email') {
      await ctx.call(SET_EMAIL, { email: text('email') || null });
    } else if (intent === 'prefs') {
      // Only the kinds whose choice changed are sent (the form carries what it showed).
      for (const [name, value] of form.entries()) {
        if (!name.startsWith('mode:')) continue;
        const kind = name.slice(5) as InboxKind;
        const mode = String(value);
        if (!MODES.includes(mode) || form.get(`was:${kind}`) === mode) continue;
        await ctx.call(SET_MODE, { kind, mode: mode as EmailMode });
      }
    }
    return data<InboxResult>({ ok: true, intent });
  } catch (error) {
    return fail(error);
  }
}
