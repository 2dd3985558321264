// Transfer letters (组织关系介绍信): the type, lists of a subtree (letters issued there and
// letters addressed to it), the member's own, and issuing, receiving, cancelling and the expiry
// sweep. Rules: transfers/service.ts and transfers/rules.ts.
import type { TransferStatus, Prisma } from '@lianjian/db';
import { builder } from '../../../graphql/builder.js';
import { dbEnum } from '../../../graphql/enums.js';
import { timestamps } from '../../../graphql/fields.js';
import { byIdField, inputMutation, listField, recordMutation, rowMutation, subtreeList, underUnit } from '../../../graphql/rows.js';
import { assertCanSeeMember, assertCanSeeUnit, canSeeUnit, listRoot, ownMemberId } from '../../../shared/access.js';
import type { Context } from '../../../shared/context.js';
import { requireUuid } from '../../../shared/ids.js';
import { cancelTransfer, expireLapsedLetters, issueTransferLetter, lastDayOf, receiveTransfer, todayOf } from '../service.js';
import { lapsed } from '../rules.js';
import { verifiableObject } from '../../../graphql/verifiable.js';

export const TransferStatusEnum = dbEnum('TransferStatus', 'ISSUED 已开具 / RECEIVED 已接收 / EXPIRED 已过期 / CANCELLED 已撤销');

const TransferDirectionEnum = builder.enumType('TransferDirection', {
  values: ['OUTGOING', 'INCOMING', 'ANY'] as const,
  description: 'OUTGOING: issued by units of the subtree; INCOMING: addressed to them; ANY: either',
});

const pathOf = async (ctx: Context, id: string | null) => (id ? ((await ctx.loaders.orgUnit.load(id))?.path ?? '\u0000') : null);

/** The member; staff of the issuing or of the receiving subtree; partners likewise. */
async function assertCanSeeTransfer(ctx: Context, row: { memberId: string; orgUnitId: string; toUnitId: string | null }): Promise<void> {
  const from = (await pathOf(ctx, row.orgUnitId))!;
  const p = ctx.principal;
  if (p.kind === 'account' && p.role === 'MEMBER') return assertCanSeeMember(ctx, { id: row.memberId, unitPath: from });
  if (canSeeUnit(p, { id: row.orgUnitId, path: from })) return;
  const to = await pathOf(ctx, row.toUnitId);
  if (to && canSeeUnit(p, { id: row.toUnitId!, path: to })) return;
  assertCanSeeUnit(ctx, { id: row.orgUnitId, path: from });
}

verifiableObject('MembershipTransfer', assertCanSeeTransfer, {
  description: 'A transfer letter of membership (组织关系介绍信): valid 3 months, 6 across provinces',
  select: { memberId: true, toUnitId: true },
  fields: (t) => ({
    orgUnitId: t.exposeID('orgUnitId', { description: 'The issuing unit (the member’s unit when issued)' }),
    fromUnitName: t.string({ select: { orgUnit: { select: { name: true } } }, resolve: (r) => r.orgUnit.name }),
    memberId: t.exposeID('memberId'),
    memberName: t.string({ select: { member: { select: { name: true } } }, description: 'So that the receiving unit knows whom to expect', resolve: (r) => r.member.name }),
    toUnitId: t.exposeID('toUnitId', { nullable: true }),
    toUnitName: t.string({ nullable: true, select: { toUnit: { select: { name: true } } }, resolve: (r) => r.toUnit?.name ?? null }),
    toOrganisation: t.exposeString('toOrganisation', { nullable: true, description: 'An organisation outside the system' }),
    fromProvince: t.exposeString('fromProvince'),
    toProvince: t.exposeString('toProvince'),
    crossProvince: t.exposeBoolean('crossProvince'),
    letterNo: t.exposeString('letterNo'),
    issuedOn: t.expose('issuedOn', { type: 'Date' }),
    validUntil: t.expose('validUntil', { type: 'Date', description: 'As recorded on the letter; see lastValidDay' }),
    lastValidDay: t.field({
      type: 'Date',
      select: { issuedOn: true, validUntil: true, crossProvince: true },
      description: 'Last day it can be received: validUntil, but never past 3 months from issuedOn (6 across provinces)',
      resolve: (r) => lastDayOf(r),
    }),
    status: t.expose('status', { type: TransferStatusEnum }),
    lapsed: t.boolean({
      select: { status: true, issuedOn: true, validUntil: true, crossProvince: true },
      description: 'ISSUED but past lastValidDay: it can no longer be received (the next receive, cancel or sweep records it as EXPIRED)',
      resolve: (r, _a, ctx) => r.status === 'ISSUED' && lapsed(lastDayOf(r), todayOf(ctx)),
    }),
    receivedOn: t.expose('receivedOn', { type: 'Date', nullable: true }),
    receiptNo: t.exposeString('receiptNo', { nullable: true }),
    receivedById: t.exposeID('receivedById', { nullable: true }),
    ...timestamps(t),
  }),
});

interface TransferListArgs {
  under?: string | number | null;
  status?: TransferStatus | null;
  direction?: 'OUTGOING' | 'INCOMING' | 'ANY' | null;
  memberId?: string | number | null;
}

async function transferWhere(ctx: Context, args: TransferListArgs): Promise<Prisma.MembershipTransferWhereInput> {
  const under = await underUnit(ctx, args.under);
  const root = listRoot(ctx, under);
  const where: Prisma.MembershipTransferWhereInput = {};
  if (args.status) where.status = args.status;
  if (args.memberId != null) where.memberId = requireUuid('memberId', args.memberId);
  if (root) {
    const out: Prisma.MembershipTransferWhereInput = { orgUnit: { path: { startsWith: root } } };
    const into: Prisma.MembershipTransferWhereInput = { toUnit: { path: { startsWith: root } } };
    const direction = args.direction ?? 'ANY';
    where.AND = [direction === 'OUTGOING' ? out : direction === 'INCOMING' ? into : { OR: [out, into] }];
  } else if (args.direction === 'INCOMING') {
    where.toUnitId = { not: null };
  }
  return where;
}

builder.queryFields((t) => ({
  transfer: byIdField(t, 'MembershipTransfer', { what: ['Transfer letter', '组织关系介绍信'] }),
  transfers: subtreeList(t, 'MembershipTransfer', {
    description: 'Transfer letters issued in or addressed to a subtree (staff, or an API key with "MembershipTransfer:read"), newest first. `status` is the recorded status; see `lapsed` for ISSUED letters past validity not yet swept.',
    args: { status: t.arg({ type: TransferStatusEnum }), direction: t.arg({ type: TransferDirectionEnum, description: 'Default ANY' }), memberId: t.arg.id() },
    authScopes: { $any: { staff: true, partner: 'MembershipTransfer:read' } },
    where: transferWhere,
    orderBy: [{ issuedOn: 'desc' }, { id: 'asc' }],
  }),
  myTransfers: listField(t, 'MembershipTransfer', {
    description: 'Transfer letters issued for you, newest first',
    authScopes: { signedIn: true },
    where: (ctx) => ({ memberId: ownMemberId(ctx) }),
    orderBy: [{ issuedOn: 'desc' }, { id: 'asc' }],
  }),
}));

const IssueTransferInput = builder.inputType('IssueTransferLetterInput', {
  fields: (t) => ({
    memberId: t.id({ required: true, description: 'A full or probationary member of your subtree' }),
    letterNo: t.string({ required: true, description: 'The letter’s number, unique' }),
    toUnitId: t.id({ description: 'A branch or group in the system (or give toOrganisation)' }),
    toOrganisation: t.string({ description: 'An organisation outside the system (then toProvince is required)' }),
    toProvince: t.string({ description: 'Province of an outside organisation; for a unit in the system its own province is used' }),
  }),
});

builder.mutationFields((t) => ({
  issueTransferLetter: inputMutation(t, 'MembershipTransfer', IssueTransferInput, {
    description: 'Issues a transfer letter dated today, valid 3 months (6 across provinces); secretary of the member’s unit or admin',
    write: issueTransferLetter,
  }),
  receiveTransfer: recordMutation(t, 'MembershipTransfer', {
    description:
      'Receives a letter within its validity: the receiving unit’s secretary, which moves the member there (a new Member version); for an outside organisation, the issuing unit records the returned receipt and the member becomes TRANSFERRED_OUT. An expired letter is refused (TRANSFER_EXPIRED) and recorded as EXPIRED.',
    args: { id: t.arg.id({ required: true }), receiptNo: t.arg.string({ description: '回执编号; required for an outside organisation' }) },
    write: (ctx, args) => receiveTransfer(ctx, String(args.id), args.receiptNo),
  }),
  cancelTransfer: rowMutation(t, 'MembershipTransfer', { description: 'Withdraws an ISSUED letter (issuing unit’s secretary or admin)', write: cancelTransfer }),
  expireTransferLetters: t.prismaField({
    type: ['MembershipTransfer'],
    description: 'The expiry sweep: records every ISSUED letter of your subtree past its validity as EXPIRED, and returns them',
    args: { under: t.arg.id({ description: 'Default: your scope unit' }) },
    authScopes: { writer: true },
    resolve: async (query, _root, args, ctx) => {
      const under = await underUnit(ctx, args.under);
      const rows = await expireLapsedLetters(ctx, under);
      return ctx.prisma.membershipTransfer.findMany({ ...query, where: { id: { in: rows.map((r) => r.id) } }, orderBy: { validUntil: 'asc' } });
    },
  }),
}));
