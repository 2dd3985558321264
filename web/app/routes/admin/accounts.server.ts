import { pageUrl } from '../../lib/session.server';
// Server side of accounts.tsx: its loader and actions and the GraphQL documents they send.
import { data } from 'react-router';
import type { Route } from './+types/accounts';
import { requireAccount, rethrowForPage } from '../../lib/auth.server';
import { readPostedForm } from '../../lib/form-action.server';
import { ApiError } from '../../lib/graphql.server';
import { isRole, PAGE_ROLES } from '../../lib/roles';
import { withDepth } from '../../lib/units.server';
import { pagingFrom } from '../../lib/portal';
import { graphql } from '../../graphql';
import type { Role } from '../../graphql/graphql';
import type { ActionResult } from './accounts';

const PAGE_SIZE = 25;

const LIST = graphql(`query Accounts($first: Int, $after: String, $last: Int, $before: String, $role: Role, $search: String, $all: Boolean) {
  accounts(first: $first, after: $after, last: $last, before: $before, role: $role, search: $search, includeDisabled: $all) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { node { id username displayName role totpEnabled disabledAt lastLoginAt scopeUnit { id name } member { id name } } }
  }
  orgUnits(first: 100, maxDepth: 3) { edges { node { id name level } } }
}`);

// The create form's member picker: the member opened from a member's page ("open an account") and
// the members whose name matches the search, within the administrator's scope.
const PICK = graphql(`query PickMember($id: ID!) { member(id: $id) { id name orgUnit { name } } }`);

const PICK_SEARCH = graphql(`query PickMembers($search: String) { members(first: 30, search: $search) { edges { node { id name orgUnit { name } } } } }`);

const CREATE = graphql(`mutation CreateAccount($input: CreateAccountInput!) { createAccount(input: $input) { password account { id username } } }`);

const CHANGE = graphql(`mutation ChangeAccess($id: ID!, $role: Role, $unit: ID) { changeAccountAccess(id: $id, role: $role, scopeUnitId: $unit) { id username } }`);

const DISABLE = graphql(`mutation Disable($id: ID!) { disableAccount(id: $id) { id username } }`);

const ENABLE = graphql(`mutation Enable($id: ID!) { enableAccount(id: $id) { id username } }`);

const RESET = graphql(`mutation Reset($id: ID!, $totp: Boolean) { resetPassword(id: $id, resetTotp: $totp) { password account { id username } } }`);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function loader({ request }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.accounts);
  const url = pageUrl(request);
  const p = url.searchParams;
  const role = p.get('role');
  const search = (p.get('q') ?? '').trim().slice(0, 100);
  const all = p.get('all') === '1';
  const paging = pagingFrom(url, '', PAGE_SIZE);
  const r = await ctx.query(LIST, { ...paging, ...(isRole(role) ? { role } : {}), ...(search ? { search } : {}), all });
  const memberParam = p.get('member') ?? '';
  const picked = UUID.test(memberParam) ? ((await ctx.query(PICK, { id: memberParam }).catch(() => null))?.member ?? null) : null;
  const memberSearch = (p.get('mq') ?? '').trim().slice(0, 50);
  const found = memberSearch ? (await ctx.query(PICK_SEARCH, { search: memberSearch })).members.edges.map((e) => e.node) : [];
  return {
    pick: { picked, search: memberSearch, found: found.filter((m) => m.id !== picked?.id) },
    filters: { role: isRole(role) ? role : '', q: search, all: all ? '1' : '' },
    accounts: r.accounts,
    units: withDepth(r.orgUnits.edges.map((e) => e.node)),
    self: ctx.account.username,
  };
}

export async function action({ request }: Route.ActionArgs) {
  const { ctx, form, intent, id, text } = await readPostedForm(request, PAGE_ROLES.accounts);
  try {
    switch (intent) {
      case 'create': {
        const input = {
          username: text('username'),
          displayName: text('displayName'),
          role: text('role') as Role,
          ...(text('scopeUnitId') ? { scopeUnitId: text('scopeUnitId') } : {}),
          ...(text('memberId') ? { memberId: text('memberId') } : {}),
        };
        const r = await ctx.call(CREATE, { input });
        return data<ActionResult>({ ok: true, password: { username: r.createAccount.account.username, password: r.createAccount.password } });
      }
      case 'change': {
        const r = await ctx.call(CHANGE, { id, ...(text('role') ? { role: text('role') as Role } : {}), ...(text('scopeUnitId') ? { unit: text('scopeUnitId') } : {}) });
        return data<ActionResult>({ ok: true, notice: 'changed', username: r.changeAccountAccess.username });
      }
      case 'disable': {
        const r = await ctx.call(DISABLE, { id });
        return data<ActionResult>({ ok: true, notice: 'disabled', username: r.disableAccount.username });
      }
      case 'enable': {
        const r = await ctx.call(ENABLE, { id });
        return data<ActionResult>({ ok: true, notice: 'enabled', username: r.enableAccount.username });
      }
      case 'reset': {
        const r = await ctx.call(RESET, { id, totp: form.get('resetTotp') === 'on' });
        return data<ActionResult>({ ok: true, password: { username: r.resetPassword.account.username, password: r.resetPassword.password } });
      }
    }
    throw data({ code: 'BAD_USER_INPUT', message: `Unknown action "${intent}".`, messageZh: `未知操作“${intent}”。` }, { status: 400 });
  } catch (error) {
    if (error instanceof ApiError && [400, 403, 404, 409].includes(error.status)) {
      return data<ActionResult>({ ok: false, intent, id, error: error.payload(), fields: error.fields }, { status: error.status });
    }
    return rethrowForPage(error, request, ctx.session);
  }
}
