// Transfer letters (组织关系介绍信): the type, lists of a subtree (letters issued there and
// letters addressed to it), the member's own, and issuing, receiving, cancelling and the expiry
// sweep; across levels (docs/decisions/015) the common level's countersignature, the directory of
// units a letter can go to, and the public check of a printed letter's verification code.
// Rules: transfers/service.ts and transfers/rules.ts.
import type { TransferStatus, Prisma } from '@lianjian/db';
import { builder } from '../../../graphql/builder.js';
import { dbEnum } from '../../../graphql/enums.js';
import { timestamps } from '../../../graphql/fields.js';
import { byIdField, inputMutation, listField, recordMutation, rowMutation, subtreeList, underUnit } from '../../../graphql/rows.js';
import { assertCanSeeMember, assertCanSeeUnit, canSeeUnit, listRoot, ownMemberId } from '../../../shared/access.js';
import type { Context } from '../../../shared/context.js';
import { requireUuid } from '../../../shared/ids.js';
import { badArgument } from '../../../shared/errors.js';
import { WRITER_ROLES } from '../../../shared/principal.js';
import { cancelTransfer, checkTransferLetter, destinations, endorseTransfer, expireLapsedLetters, issueTransferLetter, lastDayOf, receiveTransfer, todayOf, type Destination, type LetterCheck } from '../service.js';
import { lapsed } from '../rules.js';
import { Proof, verifiableObject } from '../../../graphql/verifiable.js';
import { checkPageSize, keyCursor } from '../../../graphql/pagination.js';

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
    viaUnitId: t.exposeID('viaUnitId', { nullable: true, description: 'The lowest common level of the two units (the letter goes “through” it); null for an outside organisation' }),
    viaUnitName: t.string({
      nullable: true,
      select: { viaUnit: { select: { name: true } } },
      description: 'Its name, shown on the letter (经 … 转) to both ends, who may not see the unit itself',
      resolve: (r) => r.viaUnit?.name ?? null,
    }),
    needsEndorsement: t.boolean({
      select: { needsEndorsement: true },
      description: 'The letter crosses grassroots committees: the common level countersigns it (endorseTransfer) before it can be received',
      resolve: (r) => r.needsEndorsement ?? false,
    }),
    canCancel: t.boolean({
      select: { status: true, orgUnit: { select: { id: true, path: true } } },
      description: 'Whether you may cancel it: an issued letter of a unit in your subtree (the issuing side; the receiving side receives or lets it lapse)',
      resolve: (r, _a, ctx) => r.status === 'ISSUED' && ctx.principal.kind === 'account' && WRITER_ROLES.includes(ctx.principal.role) && canSeeUnit(ctx.principal, r.orgUnit),
    }),
    endorsedOn: t.expose('endorsedOn', { type: 'Date', nullable: true }),
    endorsedById: t.exposeID('endorsedById', { nullable: true }),
    verifyCode: t.exposeString('verifyCode', {
      nullable: true,
      description: 'A letter to an outside organisation: the code printed on it (16 base32 characters, 80 random bits), which the receiving side checks on the public verify page',
    }),
    ...timestamps(t),
  }),
});

interface TransferListArgs {
  under?: string | number | null;
  status?: TransferStatus | null;
  direction?: 'OUTGOING' | 'INCOMING' | 'ANY' | null;
  memberId?: string | number | null;
  awaitingEndorsement?: boolean | null;
}

async function transferWhere(ctx: Context, args: TransferListArgs): Promise<Prisma.MembershipTransferWhereInput> {
  const under = await underUnit(ctx, args.under);
  const root = listRoot(ctx, under);
  const where: Prisma.MembershipTransferWhereInput = {};
  if (args.status) where.status = args.status;
  if (args.memberId != null) where.memberId = requireUuid('memberId', args.memberId);
  if (args.awaitingEndorsement) {
    // What waits on a common level in the caller's subtree (the level itself or one below it).
    Object.assign(where, { status: 'ISSUED', needsEndorsement: true, endorsedOn: null, ...(root ? { viaUnit: { path: { startsWith: root } } } : {}) });
    return where;
  }
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

const destCursor = keyCursor('dest', '/[0-9/]+');

const DestinationRef = builder.objectRef<Destination>('TransferDestination').implement({
  description: 'A unit a transfer letter can go to, as the directory shows it to any issuing account',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    kind: t.exposeString('kind', { description: 'BRANCH or GROUP' }),
    province: t.exposeString('province'),
    pathNames: t.exposeStringList('pathNames', { description: 'Names of the units above it, root first' }),
  }),
});

const LetterCheckRef = builder.objectRef<LetterCheck>('TransferLetterCheck').implement({
  description: 'What the public verify page shows of a printed letter: nothing beyond what the paper says',
  fields: (t) => ({
    status: t.field({ type: TransferStatusEnum, resolve: (c) => c.status }),
    lastValidDay: t.field({ type: 'Date', description: 'The last day it can be received', resolve: (c) => c.lastValidDay }),
    lapsed: t.exposeBoolean('lapsed', { description: 'ISSUED but past lastValidDay' }),
    fromUnitName: t.exposeString('fromUnitName', { description: 'The issuing unit' }),
    memberNameMasked: t.exposeString('memberNameMasked', { description: 'The member’s name, all but the first character masked (张*)' }),
    proof: t.field({ type: Proof, nullable: true, description: 'The proof of the letter’s current record version, to verify in the browser', resolve: (c) => c.proof }),
  }),
});

builder.queryFields((t) => ({
  transfer: byIdField(t, 'MembershipTransfer', { what: ['Transfer letter', '组织关系介绍信'] }),
  transfers: subtreeList(t, 'MembershipTransfer', {
    description: 'Transfer letters issued in or addressed to a subtree (staff, or an API key with "MembershipTransfer:read"), newest first. `status` is the recorded status; see `lapsed` for ISSUED letters past validity not yet swept.',
    args: {
      status: t.arg({ type: TransferStatusEnum }),
      direction: t.arg({ type: TransferDirectionEnum, description: 'Default ANY' }),
      memberId: t.arg.id(),
      awaitingEndorsement: t.arg.boolean({ description: 'Only ISSUED letters between committees waiting for the countersignature of a common level in the subtree (direction is then ignored)' }),
    },
    authScopes: { $any: { staff: true, partner: 'MembershipTransfer:read' } },
    where: transferWhere,
    orderBy: [{ issuedOn: 'desc' }, { id: 'asc' }],
  }),
  transferDestinations: t.connection({
    type: DestinationRef,
    description:
      'Units anywhere in the organisation a letter can go to (active branches and groups), by name, in tree order; for accounts that issue letters. Only the name, kind, province and the names of the units above it: no members, no counts.',
    args: { search: t.arg.string({ description: 'Part of the unit’s name' }) },
    authScopes: { writer: true },
    resolve: async (_root, args, ctx) => {
      checkPageSize(args, ctx);
      if (args.search && args.search.length > 50) throw badArgument('search', 'is at most 50 characters.', '最多 50 个字符。');
      const size = args.first ?? args.last ?? ctx.config.defaultPageSize;
      const after = destCursor.decode('after', args.after);
      const before = destCursor.decode('before', args.before);
      const { rows, more } = await destinations(ctx, { search: args.search, size, after, before });
      const backwards = before != null && after == null;
      return {
        edges: rows.map((node) => ({ cursor: destCursor.encode(node.path), node })),
        pageInfo: {
          hasNextPage: backwards ? true : more,
          hasPreviousPage: backwards ? more : after != null,
          startCursor: rows.length ? destCursor.encode(rows[0]!.path) : null,
          endCursor: rows.length ? destCursor.encode(rows[rows.length - 1]!.path) : null,
        },
      };
    },
  }),
  transferLetterCheck: t.field({
    type: LetterCheckRef,
    nullable: true,
    description:
      'Public: the letter a printed verification code names — whether it is valid, until when, its status, the issuing unit and the member’s masked name, with its record’s proof. Null alike for an unknown, malformed or cancelled letter’s code; such lookups are rate limited per address (RATE_LIMITED).',
    args: { code: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => checkTransferLetter(ctx, args.code),
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
  endorseTransfer: rowMutation(t, 'MembershipTransfer', {
    description:
      'Countersigns a letter between two grassroots committees (needsEndorsement) as their lowest common level: an account of that level or above it, or an ADMIN (else FORBIDDEN, TRANSFER_NOT_THE_COMMON_LEVEL); a new version of the letter. Until then receiveTransfer refuses it (TRANSFER_NOT_ENDORSED).',
    write: endorseTransfer,
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
