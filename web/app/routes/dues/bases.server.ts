// Server side of bases.tsx: the year's bases by status, checking one (asks first), and declaring
// a member's base for them.
import { data } from 'react-router';
import type { Route } from './+types/bases';
import { isConfirmed } from '../../components/Confirm';
import type { DuesResult } from '../../components/DuesConfirmed';
import { requireAccount } from '../../lib/auth.server';
import { yearParam } from '../../lib/dues';
import { declareFromForm, duesBadForm } from '../../lib/dues.server';
import { chinaToday } from '../../lib/format';
import { formFailure, readPostedForm } from '../../lib/form-action.server';
import { unknownIntent } from '../../lib/meetings.server';
import { isWriter, PAGE_ROLES, WRITER_ROLES } from '../../lib/roles';
import { pagingFrom } from '../../lib/portal';
import { pageUrl } from '../../lib/session.server';
import { graphql } from '../../graphql';
import { paramOneOf } from '../../lib/one-of';

const BASES = graphql(`query DuesBasesList($year: Int, $status: DuesBaseStatus, $first: Int, $after: String, $last: Int, $before: String) {
  duesBases(year: $year, status: $status, first: $first, after: $after, last: $last, before: $before) {
    totalCount
    pageInfo { ...PageFields }
    edges { node { id version memberId memberName year category baseFen fixedFen rateBp monthlyDueFen status checkedOn proof { status batchSeq anchor { height } } } }
  }
  full: members(first: 100, status: ACTIVE, stage: FULL) { edges { node { id name } } }
  probationary: members(first: 100, status: ACTIVE, stage: PROBATIONARY) { edges { node { id name } } }
}`);
const CHECK = graphql(`mutation CheckDuesBaseInList($id: ID!) { checkDuesBase(id: $id) { id status } }`);

const STATUSES = ['DECLARED', 'CHECKED'] as const;

export async function loader({ request }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.dues);
  const url = pageUrl(request);
  const thisYear = Number(chinaToday().slice(0, 4));
  const year = yearParam(url.searchParams.get('year'), thisYear);
  const s = paramOneOf(url, 'status', STATUSES);
  const r = await ctx.query(BASES, { year, ...(s ? { status: s } : {}), ...pagingFrom(url) });
  return {
    year,
    thisYear,
    status: s ?? '',
    bases: r.duesBases,
    members: [...r.full.edges, ...r.probationary.edges].map((e) => e.node).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
    canWrite: isWriter(ctx.account.role),
  };
}

export async function action({ request }: Route.ActionArgs) {
  const { ctx, form, intent, id, text } = await readPostedForm(request, WRITER_ROLES);
  const failed = intent === 'check' ? `check:${id}` : intent;
  try {
    if (intent === 'check') {
      if (!isConfirmed(form)) return data<DuesResult>({ ok: true, intent, id, ask: {} });
      await ctx.call(CHECK, { id });
      return data<DuesResult>({ ok: true, intent, id, done: '' });
    }
    if (intent === 'declare') {
      if (!text('memberId')) return duesBadForm(intent, 'memberId', 'Choose a member.', '请选择党员。');
      const r = await declareFromForm(ctx, intent, text('memberId'), text);
      if ('refusal' in r) return r.refusal;
      return data<DuesResult>({ ok: true, intent, id: r.declared.id, done: '' });
    }
    return unknownIntent();
  } catch (error) {
    return formFailure(error, request, ctx, failed);
  }
}
