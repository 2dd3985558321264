// Account management (ADMIN; SECRETARY for member accounts of their subtree): list, create with a
// one-time password, change role or scope, disable/enable, reset password; changePassword for self.
import type { Prisma } from '@lianjian/db';
import { builder } from '../../../graphql/builder.js';
import { recordMutation, scopedConnection } from '../../../graphql/rows.js';
import type { Context } from '../../../shared/context.js';
import { forbidden, notFound } from '../../../shared/errors.js';
import { requireUuid } from '../../../shared/ids.js';
import { containsText } from '../../../shared/search.js';
import { inSubtree } from '../../../shared/principal.js';
import { requireAccountManager } from '../access.js';
import { changeAccountAccess, changeOwnPassword, createAccount, resetPassword, setAccountDisabled, type IssuedPassword } from '../service.js';
import { RoleEnum } from '../../../graphql/enums.js';

builder.prismaObjectFields('Account', (t) => ({
  disabledAt: t.expose('disabledAt', { type: 'DateTime', nullable: true, description: 'When the account was disabled; null while it may sign in' }),
  passwordChangedAt: t.expose('passwordChangedAt', {
    type: 'DateTime',
    nullable: true,
    description: 'When its holder last chose a password; null while a one-time password given by an administrator is in use',
  }),
}));

const CreateAccountInput = builder.inputType('CreateAccountInput', {
  fields: (t) => ({
    username: t.string({ required: true, description: '3–32 characters: a–z, 0–9, ".", "_", "-"' }),
    displayName: t.string({ required: true }),
    role: t.field({ type: RoleEnum, required: true, description: 'SECRETARY callers: MEMBER only' }),
    scopeUnitId: t.id({ description: 'Root of the subtree the account sees; for MEMBER accounts default (and only choice) the member\'s unit' }),
    memberId: t.id({ description: 'The person\'s member record (required for MEMBER)' }),
  }),
});

const IssuedPasswordRef = builder.objectRef<IssuedPassword>('IssuedPassword').implement({
  description: 'A one-time password, shown only in this response: hand it to the person, who signs in with it and chooses their own',
  fields: (t) => ({
    password: t.exposeString('password'),
    account: t.prismaField({ type: 'Account', resolve: (query, r, _a, ctx) => ctx.prisma.account.findUniqueOrThrow({ ...query, where: { id: r.accountId } }) }),
  }),
});

interface AccountListArgs {
  role?: Prisma.AccountWhereInput['role'] | null;
  unitId?: string | number | null;
  search?: string | null;
  includeDisabled?: boolean | null;
}

async function accountWhere(ctx: Context, args: AccountListArgs): Promise<Prisma.AccountWhereInput> {
  const m = requireAccountManager(ctx);
  const where: Prisma.AccountWhereInput = {};
  let root: string | null = m.role === 'ADMIN' ? null : m.scopePath;
  if (args.unitId != null) {
    const unit = await ctx.loaders.orgUnit.load(requireUuid('unitId', args.unitId));
    if (!unit) throw notFound('Org unit', '组织', String(args.unitId));
    if (!inSubtree(root, unit.path)) {
      throw forbidden('You may not list accounts of that org unit: it is outside your subtree.', '无权查看该组织的账号：不在您负责的范围内。');
    }
    root = unit.path;
  }
  if (root !== null) where.scopeUnit = { path: { startsWith: root } };
  // Secretaries see the member accounts they manage, not their peers' or superiors'.
  if (m.role === 'SECRETARY') where.role = 'MEMBER';
  if (args.role) where.role = m.role === 'SECRETARY' && args.role !== 'MEMBER' ? { in: [] } : args.role;
  if (!args.includeDisabled) where.disabledAt = null;
  const search = args.search?.trim();
  if (search) where.OR = [{ username: containsText(search) }, { displayName: containsText(search) }];
  return where;
}

builder.queryField('accounts', (t) =>
  t.prismaConnection({
    type: 'Account',
    description: 'Accounts by username (ADMIN: all; SECRETARY: member accounts of their subtree)',
    args: {
      role: t.arg({ type: RoleEnum }),
      unitId: t.arg.id({ description: 'Only accounts scoped to this unit\'s subtree' }),
      search: t.arg.string({ description: 'Part of the username or display name' }),
      includeDisabled: t.arg.boolean({ defaultValue: false }),
    },
    authScopes: { writer: true },
    ...scopedConnection('Account', accountWhere, [{ username: 'asc' }, { id: 'asc' }]),
  }),
);

builder.mutationFields((t) => ({
  createAccount: t.field({
    type: IssuedPasswordRef,
    description: 'Creates an account with a one-time password, shown only in this response. Privileged accounts enrol TOTP at first sign-in.',
    args: { input: t.arg({ type: CreateAccountInput, required: true }) },
    authScopes: { writer: true },
    resolve: (_r, { input }, ctx) =>
      createAccount(ctx, { ...input, scopeUnitId: input.scopeUnitId == null ? null : String(input.scopeUnitId), memberId: input.memberId == null ? null : String(input.memberId) }),
  }),
  changeAccountAccess: recordMutation(t, 'Account', {
    description: 'Changes an account\'s role and/or scope unit; its sessions are revoked so it signs in again under the new rules',
    args: { id: t.arg.id({ required: true }), role: t.arg({ type: RoleEnum }), scopeUnitId: t.arg.id() },
    write: (ctx, args) => changeAccountAccess(ctx, String(args.id), args.role, args.scopeUnitId == null ? null : String(args.scopeUnitId)),
  }),
  disableAccount: recordMutation(t, 'Account', {
    description: 'Stops an account from signing in and revokes its sessions at once',
    args: { id: t.arg.id({ required: true }) },
    write: (ctx, args) => setAccountDisabled(ctx, String(args.id), true),
  }),
  enableAccount: recordMutation(t, 'Account', {
    description: 'Lets a disabled account sign in again (and clears a lockout)',
    args: { id: t.arg.id({ required: true }) },
    write: (ctx, args) => setAccountDisabled(ctx, String(args.id), false),
  }),
  resetPassword: t.field({
    type: IssuedPasswordRef,
    description: 'Replaces an account\'s password with a one-time password (shown only now) and revokes its sessions. resetTotp: the privileged account enrols a new second factor at its next sign-in.',
    args: { id: t.arg.id({ required: true }), resetTotp: t.arg.boolean({ defaultValue: false }) },
    authScopes: { writer: true },
    resolve: (_r, args, ctx) => resetPassword(ctx, String(args.id), args.resetTotp ?? false),
  }),
  changePassword: recordMutation(t, 'Account', {
    description: 'Replaces your own password; your other sessions are revoked',
    args: { current: t.arg.string({ required: true }), next: t.arg.string({ required: true }) },
    authScopes: { signedIn: true },
    write: (ctx, args) => changeOwnPassword(ctx, args.current, args.next),
  }),
}));
