// Identity holds (身份冲突): ID numbers claimed for a member while someone outside the claiming
// caller's scope has them. The covering level lists and decides them; the claimant never sees one.
// Rules: members/identity.ts and members/holds.ts; docs/decisions/002-identity-holds.md.
import { IdentityHoldStatus } from '@lianjian/db';
import { builder } from '../../../graphql/builder.js';
import { reread, scopedConnection } from '../../../graphql/rows.js';
import { assertDecides, holdsWhere, resolveIdentityHold } from '../holds.js';
import { requireUuid } from '../../../shared/ids.js';

const IdentityHoldStatusEnum = builder.enumType(IdentityHoldStatus, {
  name: 'IdentityHoldStatus',
  description: 'PENDING 待处理 / REJECTED 已驳回 / MERGED 已合并 / WITHDRAWN 号码已改（无需处理）',
});

const IdentityHoldDecisionEnum = builder.enumType('IdentityHoldDecision', {
  values: {
    REJECT: { description: 'Not this person: the number stays with the member on record; the held member keeps no number' },
    MERGE_INTO_EXISTING: { description: "The same person: the member on record moves into the held member's unit; the held member keeps no number" },
  } as const,
});

builder.prismaObject('IdentityHold', {
  description:
    'A member entered with an ID number that a member outside the entering account’s scope already has. The entering account saw an ordinary success; ' +
    'accounts scoped at or above `coveringUnit` decide (resolveIdentityHold). The number itself is never stored or shown.',
  select: { id: true, coveringUnitId: true },
  authScopes: async (hold, ctx) => {
    const path = hold.coveringUnitId ? ((await ctx.loaders.orgUnit.load(hold.coveringUnitId))?.path ?? null) : null;
    assertDecides(ctx, path);
    return true;
  },
  fields: (t) => ({
    id: t.exposeID('id'),
    status: t.expose('status', { type: IdentityHoldStatusEnum }),
    member: t.relation('member', { description: 'The member the number was entered for (held: it carries no number meanwhile)' }),
    existingMember: t.relation('existingMember', { description: 'The member who had the number already' }),
    coveringUnit: t.relation('coveringUnit', { nullable: true, description: 'The nearest unit above both; null when they share no root (ADMIN decides)' }),
    createdById: t.exposeID('createdById', { nullable: true, description: 'The account that entered the number' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    decidedById: t.exposeID('decidedById', { nullable: true }),
    decidedAt: t.expose('decidedAt', { type: 'DateTime', nullable: true }),
  }),
});

builder.queryField('identityHolds', (t) =>
  t.prismaConnection({
    type: 'IdentityHold',
    description: 'Identity holds you decide (ADMIN; LEADER or SECRETARY scoped at or above their covering unit), oldest first',
    args: { status: t.arg({ type: IdentityHoldStatusEnum, defaultValue: 'PENDING' }) },
    authScopes: { staff: true },
    ...scopedConnection('IdentityHold', (ctx, args: { status?: IdentityHoldStatus | null }) => ({ ...holdsWhere(ctx), status: args.status ?? 'PENDING' }), [{ createdAt: 'asc' }, { id: 'asc' }]),
  }),
);

builder.mutationField('resolveIdentityHold', (t) =>
  t.prismaField({
    type: 'IdentityHold',
    description:
      'Decides a PENDING identity hold. REJECT: the number stays with the member on record. MERGE_INTO_EXISTING: the same person, whose record moves ' +
      'into the held member’s unit. Either way the held member keeps no number. CONFLICT when already decided.',
    args: { id: t.arg.id({ required: true }), decision: t.arg({ type: IdentityHoldDecisionEnum, required: true }) },
    authScopes: { staff: true },
    resolve: async (query, _root, args, ctx) => reread(ctx, 'IdentityHold', query, await resolveIdentityHold(ctx, requireUuid('id', args.id), args.decision)),
  }),
);
