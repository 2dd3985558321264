import { pageUrl } from '../../lib/session.server';
// Server side of transfers.tsx: the letters and the people to issue them for, the directory of
// units anywhere in the organisation a letter can go to (searched by name), and the issue,
// receive, countersign, cancel and expiry-sweep forms.
import { data } from 'react-router';
import type { Route } from './+types/transfers';
import { graphql } from '../../graphql';
import { requireAccount, rethrowForPage } from '../../lib/auth.server';
import { readPostedForm } from '../../lib/form-action.server';
import { ApiError } from '../../lib/graphql.server';
import { PAGE_ROLES } from '../../lib/roles';
import { paramOneOf } from '../../lib/one-of';
import { pagingFrom } from '../../lib/portal';
import { STATUSES, VIEWS } from './filters';
import type { ActionResult } from './transfers';

const PAGE_SIZE = 25;
const LIST = graphql(`query Transfers($first: Int, $after: String, $last: Int, $before: String, $status: TransferStatus, $direction: TransferDirection, $awaitingEndorsement: Boolean, $dest: String) {
  transfers(first: $first, after: $after, last: $last, before: $before, status: $status, direction: $direction, awaitingEndorsement: $awaitingEndorsement) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { node { id letterNo memberName fromUnitName toUnitName toOrganisation crossProvince issuedOn lastValidDay status lapsed receivedOn receiptNo viaUnitName needsEndorsement endorsedOn canCancel verifyCode } }
  }
  transferDestinations(search: $dest, first: 50) { edges { node { id name kind province pathNames } } }
  full: members(first: 100, status: ACTIVE, stage: FULL) { edges { node { id name orgUnit { name } } } }
  probationary: members(first: 100, status: ACTIVE, stage: PROBATIONARY) { edges { node { id name orgUnit { name } } } }
}`);
const ISSUE = graphql(`mutation IssueTransfer($input: IssueTransferLetterInput!) { issueTransferLetter(input: $input) { id letterNo } }`);
const RECEIVE = graphql(`mutation ReceiveTransfer($id: ID!, $receiptNo: String) { receiveTransfer(id: $id, receiptNo: $receiptNo) { id } }`);
const ENDORSE = graphql(`mutation EndorseTransfer($id: ID!) { endorseTransfer(id: $id) { id } }`);
const CANCEL = graphql(`mutation CancelTransfer($id: ID!) { cancelTransfer(id: $id) { id } }`);
const SWEEP = graphql(`mutation ExpireTransfers { expireTransferLetters { id } }`);

export async function loader({ request }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.transfers);
  const url = pageUrl(request);
  const status = paramOneOf(url, 'status', STATUSES);
  const view = paramOneOf(url, 'direction', VIEWS);
  // Part of a destination's name: the directory covers the whole organisation, not only our subtree.
  const dest = (url.searchParams.get('dest') ?? '').trim().slice(0, 50);
  const r = await ctx.query(LIST, {
    ...(status ? { status } : {}),
    ...(view === 'ENDORSE' ? { awaitingEndorsement: true } : view ? { direction: view } : {}),
    ...(dest ? { dest } : {}),
    ...pagingFrom(url, '', PAGE_SIZE),
  });
  return {
    filters: { status: status ?? '', direction: view ?? '' },
    dest,
    transfers: r.transfers,
    // Only full and probationary members carry a membership to transfer.
    members: [...r.full.edges, ...r.probationary.edges].map((e) => e.node),
    units: r.transferDestinations.edges.map((e) => e.node),
  };
}

export async function action({ request }: Route.ActionArgs) {
  const { ctx, intent, id, text } = await readPostedForm(request, PAGE_ROLES.transfers);
  try {
    if (intent === 'issue') {
      const input = {
        memberId: text('memberId'),
        letterNo: text('letterNo'),
        ...(text('toUnitId') ? { toUnitId: text('toUnitId') } : {}),
        ...(text('toOrganisation') ? { toOrganisation: text('toOrganisation') } : {}),
        ...(text('toProvince') ? { toProvince: text('toProvince') } : {}),
      };
      const r = await ctx.call(ISSUE, { input });
      return data<ActionResult>({ ok: true, intent, letterNo: r.issueTransferLetter.letterNo });
    }
    if (intent === 'receive') await ctx.call(RECEIVE, { id, ...(text('receiptNo') ? { receiptNo: text('receiptNo') } : {}) });
    else if (intent === 'endorse') await ctx.call(ENDORSE, { id });
    else if (intent === 'cancel') await ctx.call(CANCEL, { id });
    else if (intent === 'sweep') {
      const r = await ctx.call(SWEEP);
      return data<ActionResult>({ ok: true, intent, swept: r.expireTransferLetters.length });
    } else throw data({ code: 'BAD_USER_INPUT', message: `Unknown action "${intent}".`, messageZh: `未知操作“${intent}”。` }, { status: 400 });
    return data<ActionResult>({ ok: true, intent });
  } catch (error) {
    if (error instanceof ApiError && [400, 403, 404, 409].includes(error.status)) {
      return data<ActionResult>({ ok: false, intent, id, error: error.payload(), fields: error.fields }, { status: error.status });
    }
    return rethrowForPage(error, request, ctx.session);
  }
}

