// Account management and the auditor's tamper alerts through GraphQL on a real database: one-time
// passwords that work once shown, TOTP enrolment of new privileged accounts at first sign-in,
// role and scope changes, disabling (sessions revoked at once), password resets, and who may
// manage which accounts (ADMIN: all; SECRETARY: member accounts of their subtree).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callersFor, createFixture, sessionFor, type AccountName, type Fixture } from './fixtures.js';
import { codeOf, ok, startHarness, type Caller, type GqlResponse, type Harness } from './harness.js';

let h: Harness;
let fx: Fixture;
let as: Record<AccountName, Caller>;

const fieldsOf = (res: GqlResponse) => (res.errors?.[0]?.extensions.fields as { field: string }[] | undefined)?.map((f) => f.field);

beforeAll(async () => {
  h = await startHarness();
  fx = await createFixture(h.prisma);
  as = await callersFor(h.prisma, fx, ['admin', 'leader', 'secretary', 'member', 'otherSecretary']);
});
afterAll(() => h?.close());

const ACCOUNT = 'id username displayName role scopeUnitId totpEnabled disabledAt passwordChangedAt member { id }';
const CREATE = `mutation($input: CreateAccountInput!) { createAccount(input: $input) { password account { ${ACCOUNT} } } }`;
const LIST = `query($role: Role, $unitId: ID, $search: String, $all: Boolean, $first: Int, $after: String) {
  accounts(role: $role, unitId: $unitId, search: $search, includeDisabled: $all, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { username role } } } }`;
const CHANGE = `mutation($id: ID!, $role: Role, $unit: ID) { changeAccountAccess(id: $id, role: $role, scopeUnitId: $unit) { ${ACCOUNT} } }`;
const DISABLE = `mutation($id: ID!) { disableAccount(id: $id) { ${ACCOUNT} } }`;
const ENABLE = `mutation($id: ID!) { enableAccount(id: $id) { ${ACCOUNT} } }`;
const RESET = `mutation($id: ID!, $totp: Boolean) { resetPassword(id: $id, resetTotp: $totp) { password account { ${ACCOUNT} } } }`;
const SIGN_IN = `mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) {
  __typename ... on SignedIn { token account { username role } } ... on TotpRequired { challenge enrollment { secret } } } }`;
const ME = '{ me { account { username role } } }';

type Issued = { password: string; account: { id: string; username: string; role: string; scopeUnitId: string; disabledAt: string | null; passwordChangedAt: string | null; totpEnabled: boolean } };

async function signIn(username: string, password: string, ip: string) {
  return h.gql<{ signIn: { __typename: string; token?: string; enrollment?: { secret: string } | null } }>(SIGN_IN, { u: username, p: password }, { ip });
}

describe('creating accounts', () => {
  let memberAccount: Issued;
  let secretary2: Issued;

  it('gives a one-time password, shown once, that signs the member in', async () => {
    const res = ok(await h.gql<{ createAccount: Issued }>(CREATE, { input: { username: 'li.si', displayName: '李四', role: 'MEMBER', memberId: fx.members.m2.id } }, as.secretary));
    memberAccount = res.createAccount;
    expect(memberAccount.password).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);
    // A MEMBER account is scoped to the member's own unit (b1g) by default.
    expect(memberAccount.account).toMatchObject({ username: 'li.si', role: 'MEMBER', scopeUnitId: fx.units.b1g.id, passwordChangedAt: null });
    const row = await h.prisma.account.findUniqueOrThrow({ where: { id: memberAccount.account.id } });
    expect(row.passwordHash).toMatch(/^scrypt\$/);
    expect(row.passwordHash).not.toContain(memberAccount.password);
    const signed = ok(await signIn('li.si', memberAccount.password, '10.0.0.1'));
    expect(signed.signIn.__typename).toBe('SignedIn');
    const me = ok(await h.gql<{ me: { account: { username: string } } }>(ME, {}, { token: signed.signIn.token! }));
    expect(me.me.account.username).toBe('li.si');
    // Nothing reads the password back later.
    const again = ok(await h.gql<{ accounts: { edges: { node: { username: string } }[] } }>(LIST, { search: 'li.si' }, as.admin));
    expect(JSON.stringify(again)).not.toContain(memberAccount.password);
  });

  it('makes a new privileged account enrol TOTP at its first sign-in', async () => {
    const res = ok(await h.gql<{ createAccount: Issued }>(CREATE, { input: { username: 'sec2', displayName: '第二支部书记', role: 'SECRETARY', scopeUnitId: fx.units.b2.id } }, as.admin));
    secretary2 = res.createAccount;
    expect(res.createAccount.account.totpEnabled).toBe(false);
    const signed = ok(await signIn('sec2', res.createAccount.password, '10.0.0.2'));
    expect(signed.signIn.__typename).toBe('TotpRequired');
    expect(signed.signIn.enrollment?.secret).toMatch(/^[A-Z2-7]{32}$/);
  });

  it('refuses bad input, naming every field', async () => {
    const res = await h.gql(CREATE, { input: { username: 'A', displayName: ' ', role: 'MEMBER' } }, as.admin);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(res)).toEqual(['input.username', 'input.displayName', 'input.memberId']);
    const taken = await h.gql(CREATE, { input: { username: 'li.si', displayName: 'x', role: 'LEADER', scopeUnitId: fx.units.g1.id } }, as.admin);
    expect(fieldsOf(taken)).toEqual(['input.username']);
    const linked = await h.gql(CREATE, { input: { username: 'li.si2', displayName: 'x', role: 'MEMBER', memberId: fx.members.m2.id } }, as.admin);
    expect(fieldsOf(linked)).toEqual(['input.memberId']);
    const noScope = await h.gql(CREATE, { input: { username: 'lead2', displayName: 'x', role: 'LEADER' } }, as.admin);
    expect(fieldsOf(noScope)).toEqual(['input.scopeUnitId']);
  });

  it('lets secretaries create member accounts of their own subtree only', async () => {
    const role = await h.gql(CREATE, { input: { username: 'boss', displayName: 'x', role: 'ADMIN', scopeUnitId: fx.units.b1.id } }, as.secretary);
    expect(fieldsOf(role)).toEqual(['input.role']);
    const outside = await h.gql(CREATE, { input: { username: 'wang.wu', displayName: '王五', role: 'MEMBER', memberId: fx.members.m3.id } }, as.secretary);
    expect(fieldsOf(outside)).toEqual(['input.memberId']);
    expect(codeOf(await h.gql(CREATE, { input: { username: 'x1', displayName: 'x', role: 'MEMBER', memberId: fx.members.m3.id } }, as.leader))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(CREATE, { input: { username: 'x2', displayName: 'x', role: 'MEMBER', memberId: fx.members.m3.id } }, as.member))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(CREATE, { input: { username: 'x3', displayName: 'x', role: 'MEMBER', memberId: fx.members.m3.id } }, {}))).toBe('UNAUTHENTICATED');
  });

  it('lists accounts by scope, with filters and pages', async () => {
    const all = ok(await h.gql<{ accounts: { totalCount: number; edges: { node: { username: string } }[] } }>(LIST, {}, as.admin));
    expect(all.accounts.edges.map((e) => e.node.username)).toEqual(['admin', 'leader', 'li.si', 'member', 'sec2', 'secretary', 'secretary3']);
    const mine = ok(await h.gql<{ accounts: { totalCount: number; edges: { node: { username: string } }[] } }>(LIST, {}, as.secretary));
    expect(mine.accounts.edges.map((e) => e.node.username)).toEqual(['li.si', 'member']);
    const b1g = ok(await h.gql<{ accounts: { edges: { node: { username: string } }[] } }>(LIST, { unitId: fx.units.b1g.id }, as.admin));
    expect(b1g.accounts.edges.map((e) => e.node.username)).toEqual(['li.si']);
    const secs = ok(await h.gql<{ accounts: { edges: { node: { username: string } }[] } }>(LIST, { role: 'SECRETARY' }, as.admin));
    expect(secs.accounts.edges.map((e) => e.node.username)).toEqual(['sec2', 'secretary', 'secretary3']);
    const p1 = ok(await h.gql<{ accounts: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { username: string } }[] } }>(LIST, { first: 4 }, as.admin));
    expect(p1.accounts.pageInfo.hasNextPage).toBe(true);
    const p2 = ok(await h.gql<{ accounts: { edges: { node: { username: string } }[] } }>(LIST, { first: 4, after: p1.accounts.pageInfo.endCursor }, as.admin));
    expect(p2.accounts.edges.map((e) => e.node.username)).toEqual(['sec2', 'secretary', 'secretary3']);
    expect(codeOf(await h.gql(LIST, { unitId: fx.units.b3.id }, as.secretary))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(LIST, {}, as.leader))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(LIST, {}, as.member))).toBe('FORBIDDEN');
  });

  describe('changing, disabling and resetting', () => {
    it('changes role and scope, revoking sessions; secretaries may not promote', async () => {
      const id = memberAccount.account.id;
      const token = await sessionFor(h.prisma, id);
      expect(codeOf(await h.gql(CHANGE, { id, role: 'SECRETARY' }, as.secretary))).toBe('BAD_USER_INPUT');
      expect(codeOf(await h.gql(CHANGE, { id, unit: fx.units.b3.id }, as.secretary))).toBe('BAD_USER_INPUT');
      expect(codeOf(await h.gql(CHANGE, { id, role: 'MEMBER' }, as.admin))).toBe('CONFLICT');
      const moved = ok(await h.gql<{ changeAccountAccess: Issued['account'] }>(CHANGE, { id, unit: fx.units.b1.id }, as.secretary));
      expect(moved.changeAccountAccess.scopeUnitId).toBe(fx.units.b1.id);
      expect(codeOf(await h.gql(ME, {}, { token }))).toBe('UNAUTHENTICATED');
      const promoted = ok(await h.gql<{ changeAccountAccess: Issued['account'] }>(CHANGE, { id, role: 'LEADER', unit: fx.units.g1.id }, as.admin));
      expect(promoted.changeAccountAccess).toMatchObject({ role: 'LEADER', scopeUnitId: fx.units.g1.id, totpEnabled: false });
      // Now a LEADER account: no longer the secretary's to manage.
      expect(codeOf(await h.gql(DISABLE, { id }, as.secretary))).toBe('FORBIDDEN');
      ok(await h.gql(CHANGE, { id, role: 'MEMBER', unit: fx.units.b1g.id }, as.admin));
    });

    it('refuses changes to your own account', async () => {
      expect(codeOf(await h.gql(DISABLE, { id: fx.accounts.admin.id }, as.admin))).toBe('BAD_USER_INPUT');
      expect(codeOf(await h.gql(CHANGE, { id: fx.accounts.admin.id, role: 'LEADER' }, as.admin))).toBe('BAD_USER_INPUT');
    });

    it('disables an account: sessions end at once and sign-in is refused; enabling restores it', async () => {
      const id = memberAccount.account.id;
      const token = await sessionFor(h.prisma, id);
      expect(ok(await h.gql<{ me: { account: { username: string } } }>(ME, {}, { token })).me.account.username).toBe('li.si');
      expect(codeOf(await h.gql(DISABLE, { id }, as.otherSecretary))).toBe('FORBIDDEN');
      const off = ok(await h.gql<{ disableAccount: Issued['account'] }>(DISABLE, { id }, as.secretary));
      expect(off.disableAccount.disabledAt).not.toBeNull();
      expect(codeOf(await h.gql(ME, {}, { token }))).toBe('UNAUTHENTICATED');
      expect(codeOf(await signIn('li.si', memberAccount.password, '10.0.0.3'))).toBe('FORBIDDEN');
      expect(codeOf(await h.gql(DISABLE, { id }, as.secretary))).toBe('CONFLICT');
      const hidden = ok(await h.gql<{ accounts: { edges: unknown[] } }>(LIST, { search: 'li.si' }, as.secretary));
      expect(hidden.accounts.edges).toHaveLength(0);
      const shown = ok(await h.gql<{ accounts: { edges: unknown[] } }>(LIST, { search: 'li.si', all: true }, as.secretary));
      expect(shown.accounts.edges).toHaveLength(1);
      ok(await h.gql(ENABLE, { id }, as.secretary));
      expect(ok(await signIn('li.si', memberAccount.password, '10.0.0.4')).signIn.__typename).toBe('SignedIn');
    });

    it('resets a password: the old one stops working, the new one works, sessions end', async () => {
      const id = memberAccount.account.id;
      const token = await sessionFor(h.prisma, id);
      const res = ok(await h.gql<{ resetPassword: Issued }>(RESET, { id }, as.secretary));
      expect(res.resetPassword.password).not.toBe(memberAccount.password);
      expect(codeOf(await h.gql(ME, {}, { token }))).toBe('UNAUTHENTICATED');
      expect(codeOf(await signIn('li.si', memberAccount.password, '10.0.0.5'))).toBe('UNAUTHENTICATED');
      expect(ok(await signIn('li.si', res.resetPassword.password, '10.0.0.6')).signIn.__typename).toBe('SignedIn');
      expect(codeOf(await h.gql(RESET, { id, totp: true }, as.secretary))).toBe('BAD_USER_INPUT');
    });

    it('resets a privileged account\'s second factor on request', async () => {
      const before = await h.prisma.account.findUniqueOrThrow({ where: { id: secretary2.account.id } });
      expect(before.totpSecret).toBeTruthy(); // handed out at its first sign-in
      const res = ok(await h.gql<{ resetPassword: Issued }>(RESET, { id: secretary2.account.id, totp: true }, as.admin));
      expect(res.resetPassword.account.totpEnabled).toBe(false);
      const signed = ok(await signIn('sec2', res.resetPassword.password, '10.0.0.7'));
      expect(signed.signIn.enrollment?.secret).toMatch(/^[A-Z2-7]{32}$/);
      expect(signed.signIn.enrollment?.secret).not.toBe(before.totpSecret);
    });
  });
});

describe('changing one\'s own password', () => {
  const CHANGE_OWN = 'mutation($c: String!, $n: String!) { changePassword(current: $c, next: $n) { passwordChangedAt } }';
  it('checks the current password and ends the other sessions', async () => {
    const other = await sessionFor(h.prisma, fx.accounts.member.id);
    const bad = await h.gql(CHANGE_OWN, { c: 'wrong', n: 'short' }, as.member);
    expect(fieldsOf(bad)).toEqual(['current', 'next']);
    const res = ok(await h.gql<{ changePassword: { passwordChangedAt: string } }>(CHANGE_OWN, { c: 'correct horse battery staple', n: 'a much better password' }, as.member));
    expect(res.changePassword.passwordChangedAt).not.toBeNull();
    expect(codeOf(await h.gql(ME, {}, { token: other }))).toBe('UNAUTHENTICATED');
    expect(ok(await h.gql<{ me: unknown }>(ME, {}, as.member)).me).toBeTruthy();
  });
});

describe('tamper alerts', () => {
  const ALERTS = `query($open: Boolean, $kind: String, $first: Int, $after: String) { tamperAlerts(open: $open, kind: $kind, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id kind entityType entityId batchSeq detail detectedAt resolvedAt } } } }`;
  type Alerts = { tamperAlerts: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { id: string; kind: string; entityId: string | null; detail: Record<string, unknown>; resolvedAt: string | null } }[] } };

  beforeAll(async () => {
    // The rows the auditor writes (indexer/src/audit.ts) for a member changed behind the API's back.
    await h.prisma.tamperAlert.createMany({
      data: [
        { kind: 'ROW_MISMATCH', entityType: 'Member', entityId: fx.members.m1.id, detail: { fields: ['name'] } },
        { kind: 'ROW_WITHOUT_RECORD', entityType: 'Member', entityId: fx.members.m2.id, detail: { version: 2 } },
        { kind: 'ROW_MISMATCH', entityType: 'Member', entityId: fx.members.m3.id, detail: { fields: ['stage'] }, resolvedAt: new Date() },
      ],
    });
  });

  it('shows ADMINs the newest first, filtered and paged', async () => {
    const all = ok(await h.gql<Alerts>(ALERTS, {}, as.admin)).tamperAlerts;
    expect(all.totalCount).toBe(3);
    expect(all.edges.map((e) => e.node.entityId)).toEqual([fx.members.m3.id, fx.members.m2.id, fx.members.m1.id]);
    expect(all.edges[2]!.node.detail).toEqual({ fields: ['name'] });
    const open = ok(await h.gql<Alerts>(ALERTS, { open: true }, as.admin)).tamperAlerts;
    expect(open.edges.map((e) => e.node.kind)).toEqual(['ROW_WITHOUT_RECORD', 'ROW_MISMATCH']);
    const kind = ok(await h.gql<Alerts>(ALERTS, { kind: 'ROW_MISMATCH' }, as.admin)).tamperAlerts;
    expect(kind.totalCount).toBe(2);
    const p1 = ok(await h.gql<Alerts>(ALERTS, { first: 2 }, as.admin)).tamperAlerts;
    expect(p1.pageInfo.hasNextPage).toBe(true);
    const p2 = ok(await h.gql<Alerts>(ALERTS, { first: 2, after: p1.pageInfo.endCursor }, as.admin)).tamperAlerts;
    expect(p2.edges.map((e) => e.node.entityId)).toEqual([fx.members.m1.id]);
    expect(p2.pageInfo.hasNextPage).toBe(false);
    expect(codeOf(await h.gql(ALERTS, { after: 'bogus' }, as.admin))).toBe('BAD_USER_INPUT');
  });

  it('is for ADMINs only', async () => {
    for (const who of ['leader', 'secretary', 'member'] as const) expect(codeOf(await h.gql(ALERTS, {}, as[who]))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(ALERTS, {}, {}))).toBe('UNAUTHENTICATED');
  });
});
