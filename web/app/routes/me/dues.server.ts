// Server side of dues.tsx: my statement for a year, and declaring my own base.
import { data } from 'react-router';
import type { Route } from './+types/dues';
import { requireAccount, assertSameOrigin } from '../../lib/auth.server';
import { chinaToday } from '../../lib/format';
import { declareFromForm } from '../../lib/dues.server';
import { yearParam } from '../../lib/dues';
import { formFailure } from '../../lib/form-action.server';
import { PAGE_ROLES } from '../../lib/roles';
import { pageUrl } from '../../lib/session.server';
import { graphql } from '../../graphql';

const MY_DUES = graphql(`query MyDues($year: Int) { duesStatement(year: $year) { ...DuesStatementFields } }`);

export async function loader({ request }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.me);
  const thisYear = Number(chinaToday().slice(0, 4));
  const year = yearParam(pageUrl(request).searchParams.get('year'), thisYear);
  if (!ctx.account.memberId) return { statement: null, year, thisYear };
  const r = await ctx.query(MY_DUES, { year });
  return { statement: r.duesStatement, year, thisYear };
}

export async function action({ request }: Route.ActionArgs) {
  assertSameOrigin(request);
  const ctx = await requireAccount(request, PAGE_ROLES.me);
  const form = await request.formData();
  const text = (name: string) => String(form.get(name) ?? '').trim();
  const intent = text('intent');
  if (intent !== 'declare' || !ctx.account.memberId) throw data({ code: 'BAD_USER_INPUT', message: 'Unknown action.', messageZh: '未知操作。' }, { status: 400 });
  try {
    const r = await declareFromForm(ctx, intent, ctx.account.memberId, text);
    if ('refusal' in r) return r.refusal;
    return data({ ok: true as const, intent });
  } catch (error) {
    return formFailure(error, request, ctx, intent);
  }
}
