// A small organisation for integration tests, written the way the API writes: every verifiable
// row with its record document. Tree (paths are by unit number):
//
//   root (COMMITTEE)
//   ├── g1 (GENERAL_BRANCH)            ← leader's scope, partner keys' unit
//   │   ├── b1 (BRANCH)                ← secretary's scope; member account's unit
//   │   │   └── b1g (GROUP)
//   │   └── b2 (BRANCH)
//   └── g2 (GENERAL_BRANCH)
//       └── b3 (BRANCH)                ← otherSecretary's scope (outside g1)
import { hashPassword, recordData, type Member, type OrgUnit, type PrismaClient, type Role } from '@lianjian/db';
import { appendRecords, Indexer, type RecordInput } from '@lianjian/indexer';
import pg from 'pg';
import { base32Encode } from '../src/modules/auth/totp.js';
import { newApiKey, newSessionToken } from '../src/modules/auth/tokens.js';
import { hashNationalId, makeNationalId } from '../src/modules/members/national-id.js';

export const PASSWORD = 'correct horse battery staple';
const CHEAP_SCRYPT = { N: 1024, r: 8, p: 1 };

export type UnitName = 'root' | 'g1' | 'b1' | 'b1g' | 'b2' | 'g2' | 'b3';
export const ACCOUNT_NAMES = ['admin', 'leader', 'secretary', 'member', 'otherSecretary'] as const;
export type AccountName = (typeof ACCOUNT_NAMES)[number];

export interface Fixture {
  units: Record<UnitName, OrgUnit>;
  accounts: Record<AccountName, { id: string; username: string; role: Role; totpSecret: string | null }>;
  /** m1 is the member account's own record; m2 in b1g; m3 in b2; m4 in b3 (outside g1). */
  members: Record<'m1' | 'm2' | 'm3' | 'm4', Member>;
  /** Extra members of b1 for pagination (named "Bulk 000"…). */
  bulk: Member[];
  nationalIds: Record<'m1', string>;
}

function unitInput(u: OrgUnit): RecordInput {
  return { type: 'OrgUnit', id: u.id, version: u.version, org: u.id, actor: 'system', data: recordData('OrgUnit', u) };
}

function memberInput(m: Member): RecordInput {
  return { type: 'Member', id: m.id, version: m.version, org: m.orgUnitId, actor: 'system', data: recordData('Member', m) };
}

export async function createFixture(prisma: PrismaClient, opts: { bulk?: number; salt?: string } = {}): Promise<Fixture> {
  const m1NationalId = makeNationalId('110105', '1990-05-17', 123);
  // The database refuses a verifiable row without its record from the same transaction.
  const { units, members, bulk } = await prisma.$transaction(
    async (tx) => {
      const unit = (name: string, kind: OrgUnit['kind'], parentId: string | null) =>
        tx.orgUnit.create({ data: { name, kind, parentId, code: `T-${name}-${Math.random().toString(36).slice(2, 8)}`, province: '北京' } });
      const root = await unit('测试党委', 'COMMITTEE', null);
      const g1 = await unit('第一党总支', 'GENERAL_BRANCH', root.id);
      const g2 = await unit('第二党总支', 'GENERAL_BRANCH', root.id);
      const b1 = await unit('第一党支部', 'BRANCH', g1.id);
      const b2 = await unit('第二党支部', 'BRANCH', g1.id);
      const b3 = await unit('第三党支部', 'BRANCH', g2.id);
      const b1g = await unit('第一党小组', 'GROUP', b1.id);
      const units = { root, g1, g2, b1, b2, b3, b1g };
      const base = {
        gender: 'MALE' as const,
        birthDate: new Date('1990-05-17'),
        ethnicity: '汉族',
        education: 'BACHELOR' as const,
        stage: 'FULL' as const,
        appliedOn: new Date('2012-03-01'),
        fullMemberSince: new Date('2015-07-01'),
        phone: '13800000000',
      };
      const member = (name: string, orgUnitId: string, extra: Record<string, unknown> = {}) =>
        tx.member.create({ data: { ...base, name, orgUnitId, ...extra } });
      const members = {
        m1: await member('张三', b1.id, { nationalIdHash: hashNationalId(m1NationalId, opts.salt ?? 'test-salt') }),
        m2: await member('李四', b1g.id),
        m3: await member('王五', b2.id),
        m4: await member('赵六', b3.id),
      };
      const bulk = await tx.member.createManyAndReturn({
        data: Array.from({ length: opts.bulk ?? 0 }, (_, i) => ({
          ...base,
          name: `Bulk ${String(i).padStart(3, '0')}`,
          orgUnitId: b1.id,
          stage: 'APPLICANT' as const,
          fullMemberSince: null,
        })),
      });
      await appendRecords(tx, [...Object.values(units).map(unitInput), ...[...Object.values(members), ...bulk].map(memberInput)]);
      return { units, members, bulk };
    },
    { timeout: 60_000 },
  );
  const { root, g1, b1, b3 } = units;
  const { m1 } = members;

  const passwordHash = await hashPassword(PASSWORD, CHEAP_SCRYPT);
  const account = async (username: string, role: Role, scopeUnitId: string, memberId: string | null = null) => {
    const totpSecret = role === 'MEMBER' ? null : base32Encode(Buffer.from(`${username}-secret-0123456789`));
    const a = await prisma.account.create({
      data: { username, displayName: username, passwordHash, role, scopeUnitId, memberId, totpSecret, totpEnabledAt: totpSecret ? new Date() : null },
    });
    return { id: a.id, username, role, totpSecret };
  };
  const accounts = {
    admin: await account('admin', 'ADMIN', root.id),
    leader: await account('leader', 'LEADER', g1.id),
    secretary: await account('secretary', 'SECRETARY', b1.id),
    member: await account('member', 'MEMBER', b1.id, m1.id),
    otherSecretary: await account('secretary3', 'SECRETARY', b3.id),
  };
  return { units, accounts, members, bulk, nationalIds: { m1: m1NationalId } };
}

/** Runs SQL on `db` with the ledger and record guards off, in one transaction, as a database-level attacker. */
export async function behindTheBack(db: pg.Client, sql: string, params: unknown[] = []): Promise<void> {
  await db.query('BEGIN');
  await db.query(`SET LOCAL session_replication_role = replica`);
  await db.query(sql, params);
  await db.query('COMMIT');
}

/** A ready session (second factor done) without going through sign-in. */
export async function sessionFor(prisma: PrismaClient, accountId: string, opts: { expiresAt?: Date } = {}): Promise<string> {
  const { token, hash } = newSessionToken();
  await prisma.session.create({
    data: { accountId, tokenHash: hash, secondFactorAt: new Date(0), expiresAt: opts.expiresAt ?? new Date(Date.now() + 3600_000) },
  });
  return token;
}

/** A ready session for each of the fixture's named accounts, as callers. */
export async function callersFor<N extends AccountName>(prisma: PrismaClient, fx: Fixture, names: readonly N[]): Promise<Record<N, { token: string }>> {
  const out = {} as Record<N, { token: string }>;
  for (const who of names) out[who] = { token: await sessionFor(prisma, fx.accounts[who].id) };
  return out;
}

export async function apiKeyFor(prisma: PrismaClient, unitId: string, scopes: string[], name = 'partner'): Promise<{ key: string; id: string }> {
  const { key, prefix, hash } = newApiKey();
  const row = await prisma.apiKey.create({ data: { name, prefix, keyHash: hash, scopes, unitId } });
  return { key, id: row.id };
}

/**
 * Runs the real indexer (without a chain) until every record is in a batch, then marks those
 * batches anchored the way the indexer's anchorer does after a chain commit (the chain side is
 * tested in indexer/). Returns the latest batch's seq.
 */
export async function anchorPending(dbUrl: string, chainId = 'lianjian-test'): Promise<number> {
  const indexer = new Indexer({ databaseUrl: dbUrl, policy: { maxWaitMs: 10, pollMs: 10 } });
  await indexer.start();
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const { rows } = await client.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM outbox_record o LEFT JOIN record_position rp ON rp.record_id = o.id WHERE rp.position IS NULL',
      );
      if (rows[0]!.n === 0) break;
      if (Date.now() > deadline) throw new Error(`the indexer left ${rows[0]!.n} records unbatched`);
      await new Promise((r) => setTimeout(r, 50));
    }
    await indexer.stop();
    const { rows } = await client.query<{ seq: number }>(
      `UPDATE batch SET status = 'ANCHORED', chain_height = 100 + seq, tx_hash = $1, submitted_at = now(), anchored_at = now(), chain_id = $2
        WHERE status <> 'ANCHORED' RETURNING seq`,
      ['AB'.repeat(32), chainId],
    );
    const max = await client.query<{ seq: number | null }>('SELECT max(seq) AS seq FROM batch');
    return max.rows[0]!.seq ?? rows.length;
  } finally {
    await indexer.stop().catch(() => undefined);
    await client.end();
  }
}
