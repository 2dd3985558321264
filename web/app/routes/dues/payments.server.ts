// Server side of payments.tsx: the subtree's payment entries, newest first, a page at a time.
import type { Route } from './+types/payments';
import { requireAccount } from '../../lib/auth.server';
import { pagingFrom } from '../../lib/portal';
import { PAGE_ROLES } from '../../lib/roles';
import { pageUrl } from '../../lib/session.server';
import { graphql } from '../../graphql';

const PAYMENTS = graphql(`query DuesPaymentsList($memberId: ID, $first: Int, $after: String, $last: Int, $before: String) {
  duesPayments(memberId: $memberId, first: $first, after: $after, last: $last, before: $before) {
    totalCount pageInfo { ...PageFields }
    edges { node { id memberId memberName months amountFen extraFen method reference paidOn receiptNo correctsId correctedBy proof { status batchSeq anchor { height } } } }
  }
  full: members(first: 100, status: ACTIVE, stage: FULL) { edges { node { id name } } }
  probationary: members(first: 100, status: ACTIVE, stage: PROBATIONARY) { edges { node { id name } } }
}`);

const UUID = /^[0-9a-f-]{36}$/i;

export async function loader({ request }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.dues);
  const url = pageUrl(request);
  const member = url.searchParams.get('member') ?? '';
  const r = await ctx.query(PAYMENTS, { ...(UUID.test(member) ? { memberId: member } : {}), ...pagingFrom(url) });
  return {
    member: UUID.test(member) ? member : '',
    payments: r.duesPayments,
    members: [...r.full.edges, ...r.probationary.edges].map((e) => e.node).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
  };
}
