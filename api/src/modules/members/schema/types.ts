// Members (党员 and those on the development pipeline): the type, queries and filters.
import type { Prisma } from '@lianjian/db';
import { builder } from '../../../graphql/builder.js';
import { timestamps, unitFields } from '../../../graphql/fields.js';
import { byIdField, subtreeList, subtreeWhere } from '../../../graphql/rows.js';
import { assertCanSeeMemberRow } from '../../../shared/access.js';
import type { Context } from '../../../shared/context.js';
import { containsText } from '../../../shared/search.js';
import { EducationEnum, GenderEnum, MemberStageEnum, MemberStatusEnum } from '../../../graphql/enums.js';
import { verifiableObject } from '../../../graphql/verifiable.js';

function yearsBetween(from: Date, to: Date): number {
  let years = to.getUTCFullYear() - from.getUTCFullYear();
  const before = to.getUTCMonth() < from.getUTCMonth() || (to.getUTCMonth() === from.getUTCMonth() && to.getUTCDate() < from.getUTCDate());
  if (before) years -= 1;
  return Math.max(0, years);
}

/** Contact details: the member themselves, ADMIN/SECRETARY accounts, and partner keys with "Member:contact". */
function contactScopes(member: { id: string }, _args: unknown, ctx: Context) {
  const p = ctx.principal;
  if (p.kind === 'account' && p.memberId === member.id) return true;
  return { $any: { writer: true, partner: 'Member:contact' } };
}

export const MemberRef = verifiableObject('Member', assertCanSeeMemberRow, {
  description: 'A member or a person on the development pipeline (党员 / 发展对象等)',
  // Row-level rule on every Member reached by any path (its unit path comes with the row when the
  // query includes its unit, else from a DataLoader, one query per request); lists filter by
  // subtree up front.
  // Only requested columns are read (plus what the row check and proof need): pages stay
  // light, and contact details are not even loaded unless asked for.
  select: {},
  fields: (t) => ({
    ...unitFields(t),
    name: t.exposeString('name'),
    gender: t.expose('gender', { type: GenderEnum }),
    birthDate: t.expose('birthDate', { type: 'Date' }),
    ethnicity: t.exposeString('ethnicity'),
    education: t.expose('education', { type: EducationEnum }),
    occupation: t.exposeString('occupation', { nullable: true }),
    nativePlace: t.exposeString('nativePlace', { nullable: true }),
    stage: t.expose('stage', { type: MemberStageEnum }),
    status: t.expose('status', { type: MemberStatusEnum }),
    appliedOn: t.expose('appliedOn', { type: 'Date', nullable: true }),
    activistSince: t.expose('activistSince', { type: 'Date', nullable: true }),
    candidateSince: t.expose('candidateSince', { type: 'Date', nullable: true }),
    probationarySince: t.expose('probationarySince', { type: 'Date', nullable: true }),
    probationEndsOn: t.expose('probationEndsOn', { type: 'Date', nullable: true }),
    probationExtended: t.exposeBoolean('probationExtended'),
    fullMemberSince: t.expose('fullMemberSince', { type: 'Date', nullable: true }),
    statusChangedOn: t.expose('statusChangedOn', { type: 'Date', nullable: true }),
    partyAgeYears: t.int({
      nullable: true,
      select: { fullMemberSince: true },
      description: 'Whole years since full membership (党龄); null before it',
      resolve: (m, _a, ctx) => (m.fullMemberSince ? yearsBetween(m.fullMemberSince, ctx.config.now()) : null),
    }),
    hasNationalId: t.boolean({
      select: { nationalIdHash: true },
      description: 'Whether an ID number is on file (the number itself is never stored or returned)',
      resolve: (m) => m.nationalIdHash !== null,
    }),
    phone: t.exposeString('phone', { nullable: true, authScopes: contactScopes }),
    address: t.exposeString('address', { nullable: true, authScopes: contactScopes }),
    ...timestamps(t),
  }),
});

interface MemberListArgs {
  under?: string | number | null;
  stage?: Prisma.MemberWhereInput['stage'] | null;
  status?: Prisma.MemberWhereInput['status'] | null;
  search?: string | null;
}

async function memberWhere(ctx: Context, args: MemberListArgs): Promise<Prisma.MemberWhereInput> {
  const where: Prisma.MemberWhereInput = await subtreeWhere(ctx, args.under);
  if (args.stage) where.stage = args.stage;
  if (args.status) where.status = args.status;
  const search = args.search?.trim();
  if (search) where.name = containsText(search);
  return where;
}

builder.queryFields((t) => ({
  member: byIdField(t, 'Member', { what: ['Member', '党员'], description: 'One member: your own record, or one in your subtree', check: assertCanSeeMemberRow }),
  members: subtreeList(t, 'Member', {
    description: 'Members of a subtree (default: all you may see), by name; filter by stage, status and name',
    args: { stage: t.arg({ type: MemberStageEnum }), status: t.arg({ type: MemberStatusEnum }), search: t.arg.string({ description: 'Part of the name' }) },
    authScopes: { $any: { staff: true, partner: 'Member:read' } },
    where: memberWhere,
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
  }),
}));
