// Demo sign-in accounts: an administrator and a leader for the organisation's top committee, the
// organiser (组织员) of the grassroots committee above the demo branch, a secretary for the demo
// branch and one for its general branch (the account of its 书记), and a member of that branch.
// Passwords and TOTP secrets are drawn from the system's CSPRNG (never from the seed), so two
// installs never share credentials.
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { base32Encode } from '../base32.js';
import { hashPassword } from '../password.js';

export interface DemoAccount {
  role: 'ADMIN' | 'LEADER' | 'SECRETARY' | 'MEMBER';
  username: string;
  password: string;
  /** Base32 TOTP secret (privileged roles), and the otpauth:// URI an authenticator app reads. */
  totpSecret: string | null;
  otpauthUri: string | null;
  scope: string;
  displayName: string;
}

function password(): string {
  // 15 characters from an unambiguous alphabet, ~85 bits, grouped for reading aloud.
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(15);
  let s = '';
  for (let i = 0; i < 15; i++) s += alphabet[bytes[i]! % alphabet.length];
  return `${s.slice(0, 5)}-${s.slice(5, 10)}-${s.slice(10)}`;
}

export interface DemoUnits {
  committeeId: string;
  committeeName: string;
  branchId: string;
  branchName: string;
  member: { id: string; name: string; unitId: string } | null;
  /**
   * The grassroots committee (基层党委) above the demo branch, which decides its level-above steps
   * (decision 013): the approver's scope. Default: the top committee.
   */
  deciding?: { id: string; name: string } | null;
  /**
   * The demo general branch and its 书记, whose account the general-branch secretary's is (accounts
   * follow positions, decision 014). The branch's `secretary` stays without a member record, as
   * the walkthroughs expect.
   */
  generalBranch?: { id: string; name: string; secretary: { id: string; name: string } | null } | null;
}

export async function createDemoAccounts(client: pg.Client, units: DemoUnits, ids: () => string): Promise<DemoAccount[]> {
  const specs: Array<Omit<DemoAccount, 'password' | 'totpSecret' | 'otpauthUri'> & { scopeUnitId: string; memberId: string | null }> = [
    { role: 'ADMIN', username: 'admin', displayName: '系统管理员', scope: units.committeeName, scopeUnitId: units.committeeId, memberId: null },
    { role: 'LEADER', username: 'leader', displayName: '委员会负责人', scope: units.committeeName, scopeUnitId: units.committeeId, memberId: null },
    { role: 'SECRETARY', username: 'secretary', displayName: '支部书记', scope: units.branchName, scopeUnitId: units.branchId, memberId: null },
    // The grassroots committee's organiser (组织员): decides the demo branch's level-above steps (decision 013).
    { role: 'SECRETARY', username: 'approver', displayName: '组织员', scope: units.deciding?.name ?? units.committeeName, scopeUnitId: units.deciding?.id ?? units.committeeId, memberId: null },
  ];
  if (units.generalBranch) {
    const g = units.generalBranch;
    specs.push({ role: 'SECRETARY', username: 'gb-secretary', displayName: g.secretary?.name ?? '总支书记', scope: g.name, scopeUnitId: g.id, memberId: g.secretary?.id ?? null });
  }
  if (units.member) {
    specs.push({
      role: 'MEMBER',
      username: 'member',
      displayName: units.member.name,
      scope: units.branchName,
      scopeUnitId: units.member.unitId,
      memberId: units.member.id,
    });
  }
  const out: DemoAccount[] = [];
  for (const s of specs) {
    const pw = password();
    const totp = s.role === 'MEMBER' ? null : base32Encode(randomBytes(20));
    await client.query(
      `INSERT INTO account (id, username, display_name, password_hash, role, scope_unit_id, member_id, totp_secret, totp_enabled_at, password_changed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, CASE WHEN $8::text IS NULL THEN NULL ELSE now() END, now())`,
      [ids(), s.username, s.displayName, await hashPassword(pw), s.role, s.scopeUnitId, s.memberId, totp],
    );
    out.push({
      role: s.role,
      username: s.username,
      password: pw,
      totpSecret: totp,
      otpauthUri: totp ? `otpauth://totp/Lianjian:${s.username}?secret=${totp}&issuer=Lianjian&algorithm=SHA1&digits=6&period=30` : null,
      scope: s.scope,
      displayName: s.displayName,
    });
  }
  return out;
}
