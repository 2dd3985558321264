// Sign-in, TOTP, sign-out and session revocation; `me` describes the caller.
import { builder } from '../../../graphql/builder.js';
import { revokeSession, signOut } from '../sessions.js';
import { signIn, verifyTotp, type SignInResult } from '../sign-in.js';
import { badArgument, unauthenticated } from '../../../shared/errors.js';

type SignedInShape = Extract<SignInResult, { kind: 'SignedIn' }>;
type TotpRequiredShape = Extract<SignInResult, { kind: 'TotpRequired' }>;

const SignedIn = builder.objectRef<SignedInShape>('SignedIn').implement({
  description: 'A session: send `Authorization: Bearer <token>` with every request until it expires.',
  isTypeOf: (v) => (v as SignInResult).kind === 'SignedIn',
  fields: (t) => ({
    token: t.string({ description: 'Shown once; only its hash is stored', resolve: (r) => r.token }),
    expiresAt: t.field({ type: 'DateTime', resolve: (r) => r.session.expiresAt }),
    session: t.prismaField({
      type: 'Session',
      resolve: (query, r, _a, ctx) => ctx.prisma.session.findUniqueOrThrow({ ...query, where: { id: r.session.id } }),
    }),
    account: t.prismaField({
      type: 'Account',
      resolve: (query, r, _a, ctx) => ctx.prisma.account.findUniqueOrThrow({ ...query, where: { id: r.account.id } }),
    }),
  }),
});

const TotpEnrollment = builder.objectRef<{ secret: string; otpauthUri: string }>('TotpEnrollment').implement({
  description: 'First sign-in of a privileged account: add this secret to an authenticator app, then send its code.',
  fields: (t) => ({
    secret: t.exposeString('secret', { description: 'Base32 secret' }),
    otpauthUri: t.exposeString('otpauthUri', { description: 'otpauth:// URI (show as a QR code)' }),
  }),
});

const TotpRequired = builder.objectRef<TotpRequiredShape>('TotpRequired').implement({
  description: 'ADMIN, LEADER and SECRETARY accounts need a second factor: call verifyTotp with this challenge and a code.',
  isTypeOf: (v) => (v as SignInResult).kind === 'TotpRequired',
  fields: (t) => ({
    challenge: t.exposeString('challenge'),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
    enrollment: t.field({ type: TotpEnrollment, nullable: true, resolve: (r) => r.enrollment }),
  }),
});

const SignInResultUnion = builder.unionType('SignInResult', {
  types: [SignedIn, TotpRequired],
  resolveType: (v) => (v.kind === 'SignedIn' ? SignedIn : TotpRequired),
});

interface ViewerShape {
  accountId: string | null;
  apiKeyId: string | null;
}

const Viewer = builder.objectRef<ViewerShape>('Viewer').implement({
  description: 'The caller: an account session or a partner API key',
  fields: (t) => ({
    kind: t.string({ description: '"account" or "partner"', resolve: (v) => (v.accountId ? 'account' : 'partner') }),
    account: t.prismaField({
      type: 'Account',
      nullable: true,
      resolve: (query, v, _a, ctx) => (v.accountId ? ctx.prisma.account.findUnique({ ...query, where: { id: v.accountId } }) : null),
    }),
    apiKey: t.prismaField({
      type: 'ApiKey',
      nullable: true,
      resolve: (query, v, _a, ctx) => (v.apiKeyId ? ctx.prisma.apiKey.findUnique({ ...query, where: { id: v.apiKeyId } }) : null),
    }),
    scopes: t.stringList({
      description: 'A partner key\'s scopes (empty for accounts)',
      resolve: (_v, _a, ctx) => (ctx.principal.kind === 'partner' ? [...ctx.principal.scopes].sort() : []),
    }),
  }),
});

builder.queryField('me', (t) =>
  t.field({
    type: Viewer,
    description: 'Who you are signed in as',
    resolve: (_r, _a, ctx) => {
      const p = ctx.principal;
      if (p.kind === 'account') return { accountId: p.accountId, apiKeyId: null };
      if (p.kind === 'partner') return { accountId: null, apiKeyId: p.apiKeyId };
      throw p.refused ? unauthenticated(p.refused.message, p.refused.messageZh) : unauthenticated();
    },
  }),
);

builder.mutationFields((t) => ({
  signIn: t.field({
    type: SignInResultUnion,
    description: 'Password sign-in. Members get a session; ADMIN/LEADER/SECRETARY get a TOTP challenge.',
    args: { username: t.arg.string({ required: true }), password: t.arg.string({ required: true }) },
    resolve: (_r, args, ctx) => {
      if (!args.username.trim()) throw badArgument('username', 'must not be empty.', '不能为空。');
      if (!args.password) throw badArgument('password', 'must not be empty.', '不能为空。');
      if (args.password.length > 1024) throw badArgument('password', 'is too long (at most 1024 characters).', '过长（最多 1024 个字符）。');
      return signIn(ctx, args.username, args.password);
    },
  }),
  verifyTotp: t.field({
    type: SignedIn,
    description: 'Second factor: the challenge from signIn and the 6-digit code (RFC 6238). Each code works once.',
    args: { challenge: t.arg.string({ required: true }), code: t.arg.string({ required: true }) },
    resolve: (_r, args, ctx) => verifyTotp(ctx, args.challenge, args.code),
  }),
  signOut: t.boolean({
    description: 'Revokes the session making this request',
    authScopes: { signedIn: true },
    resolve: (_r, _a, ctx) => signOut(ctx),
  }),
  revokeSession: t.prismaField({
    type: 'Session',
    description: 'Revokes one of your sessions (ADMIN: anyone\'s); its token stops working at once',
    args: { id: t.arg.id({ required: true }) },
    authScopes: { signedIn: true },
    resolve: (query, _r, args, ctx) => revokeSession(ctx, args.id, query),
  }),
}));
