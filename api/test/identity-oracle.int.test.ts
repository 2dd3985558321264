// Issue #16 item 1: the national-ID duplicate check must not be an oracle. A caller learns that a
// number is taken only inside their own scope; outside it, the answer, the SQL statements run and
// what the caller can read back are those of a brand-new number, and the claim is held for the
// level covering both units, which lists and decides it. Uniqueness holds throughout, and the
// number of IDs an account may check per day is limited atomically and logged.
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { ID_LOOKUPS_PER_DAY } from '../src/modules/members/identity.js';
import { hashNationalId, makeNationalId } from '../src/modules/members/national-id.js';
import { codeOf, ok, type Caller, type GqlResponse } from './harness.js';
import { chinaDayStart } from '../src/shared/today.js';
import { apiSuite } from './suite.js';

const { h, fx, as } = apiSuite({ sessions: ['admin', 'leader', 'secretary', 'member', 'otherSecretary'] });

const BIRTH = '1988-04-21';
/** Valid numbers for a man born on BIRTH: `seq` odd. */
const idNo = (seq: number) => makeNationalId('440305', BIRTH, seq);
const hashOf = (id: string) => Buffer.from(hashNationalId(id, 'test-salt'));

/** Gives a fixture member a number directly (the hash is not record data, so no new version). */
async function giveNumber(memberId: string, id: string): Promise<void> {
  await h.prisma.member.update({ where: { id: memberId }, data: { nationalIdHash: hashOf(id) } });
}

/** m5: a second member outside the secretary's scope (b3), entered by ADMIN with idNo(11). */
let m5: string;

beforeAll(async () => {
  await giveNumber(fx.members.m4.id, idNo(1)); // b3: outside the secretary's b1 and the leader's g1
  await giveNumber(fx.members.m3.id, idNo(3)); // b2: outside b1, inside g1
  m5 = ok(await h.gql<{ createMember: { id: string } }>(CREATE, { input: input(idNo(11), fx.units.b3.id, '钱八') }, as.admin)).createMember.id;
});

const IMPORT = `mutation($unit: ID!, $rows: [MemberImportRow!]!, $dry: Boolean!) { importMembers(unitId: $unit, rows: $rows, dryRun: $dry) {
  dryRun written total okCount errorCount rows { row ok duplicateOfRow duplicateOfMemberId memberId errors { field message messageZh } } } }`;
const CREATE = `mutation($input: CreateMemberInput!) { createMember(input: $input) {
  id version name status stage hasNationalId orgUnit { id } proof { status version document } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateMemberInput!) { updateMember(id: $id, input: $input) { id version hasNationalId proof { version document } } }`;
const HOLDS = `query($status: IdentityHoldStatus) { identityHolds(first: 50, status: $status) { totalCount edges { node {
  id status member { id hasNationalId orgUnit { id } } existingMember { id orgUnit { id } } coveringUnit { id } createdById decidedById } } } }`;
const RESOLVE = `mutation($id: ID!, $decision: IdentityHoldDecision!) { resolveIdentityHold(id: $id, decision: $decision) { id status decidedById } }`;

type Hold = {
  id: string; status: string; member: { id: string; hasNationalId: boolean; orgUnit: { id: string } }; existingMember: { id: string; orgUnit: { id: string } };
  coveringUnit: { id: string } | null; createdById: string | null; decidedById: string | null;
};

const row = (nationalId: string, name = '新党员') => ({
  name, gender: '男', birthDate: BIRTH, ethnicity: '汉族', education: '大学本科', stage: '正式党员', appliedOn: '2010-03-01', fullMemberSince: '2012-07-01', nationalId,
});
const input = (nationalId: string | null, unit = fx.units.b1.id, name = '新党员') => ({
  orgUnitId: unit, name, gender: 'MALE', birthDate: BIRTH, ethnicity: '汉族', education: 'BACHELOR', stage: 'APPLICANT', appliedOn: '2025-06-01', nationalId,
});

/** A response with what necessarily differs between two calls (generated ids, timestamps, record salts) blanked. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, ['id', 'memberId', 'at', 'salt', 'createdAt', 'updatedAt'].includes(k) && v !== null ? '<generated>' : shape(v)]));
  }
  return value;
}

/** Statements run on a timer whatever the call: the session's last-seen time, the latest anchored batch. */
const PERIODIC = [/\bsession\b/, /FROM "public"\."batch" WHERE "public"\."batch"\."status" =/];

/** The response and the SQL statements (text, without values) the API ran for one call. */
async function observe<T>(query: string, variables: Record<string, unknown>, who: Caller): Promise<{ res: GqlResponse<T>; sql: string[] }> {
  h.queries.reset();
  const res = await h.gql<T>(query, variables, who);
  return { res, sql: h.queries.list.filter((q) => !PERIODIC.some((p) => p.test(q))) };
}

async function holds(who: Caller, status = 'PENDING'): Promise<Hold[]> {
  return ok(await h.gql<{ identityHolds: { edges: { node: Hold }[] } }>(HOLDS, { status }, who)).identityHolds.edges.map((e) => e.node);
}

describe('the duplicate check is not an oracle', () => {
  it('a dry-run import answers for a number someone outside your scope has exactly as for a new number, with the same statements', async () => {
    const taken = await observe(IMPORT, { unit: fx.units.b1.id, rows: [row(idNo(1))], dry: true }, as.secretary);
    const fresh = await observe(IMPORT, { unit: fx.units.b1.id, rows: [row(idNo(901))], dry: true }, as.secretary);
    expect(taken.res).toEqual(fresh.res);
    expect(ok(fresh.res)).toMatchObject({ importMembers: { okCount: 1, errorCount: 0 } });
    expect(taken.sql).toEqual(fresh.sql);
  });

  it('createMember answers, reads back and writes the same for a number someone outside your scope has as for a new one', async () => {
    const taken = await observe<{ createMember: { id: string } }>(CREATE, { input: input(idNo(1)) }, as.secretary);
    const fresh = await observe<{ createMember: { id: string } }>(CREATE, { input: input(idNo(903)) }, as.secretary);
    expect(shape(taken.res)).toEqual(shape(fresh.res));
    expect(ok(taken.res).createMember).toMatchObject({ hasNationalId: true, status: 'ACTIVE', version: 1 });
    expect(taken.sql).toEqual(fresh.sql);
    // Reading the members back later shows the same too.
    const READ = `query($id: ID!) { member(id: $id) { id name status stage hasNationalId version proof { version document } } }`;
    const [a, b] = await Promise.all([ok(taken.res).createMember.id, ok(fresh.res).createMember.id].map((id) => h.gql(READ, { id }, as.secretary)));
    expect(shape(a)).toEqual(shape(b));
    // Entering either number again is a duplicate of the member just entered, in the caller's scope.
    const again = await Promise.all([idNo(1), idNo(903)].map((n) => h.gql(CREATE, { input: input(n) }, as.secretary)));
    expect(again.map(codeOf)).toEqual(['CONFLICT', 'CONFLICT']);
    expect(again.map((r) => r.errors![0]!.extensions.memberId)).toEqual([ok(taken.res).createMember.id, ok(fresh.res).createMember.id]);
    const dry = await Promise.all([idNo(1), idNo(903)].map((n) => h.gql<{ importMembers: { rows: { duplicateOfMemberId: string }[] } }>(IMPORT, { unit: fx.units.b1.id, rows: [row(n)], dry: true }, as.secretary)));
    expect(dry.map((r) => ok(r).importMembers.rows[0]!.duplicateOfMemberId)).toEqual([ok(taken.res).createMember.id, ok(fresh.res).createMember.id]);
  });

  it('a real import and updateMember answer the same way too', async () => {
    const taken = await observe<{ importMembers: unknown }>(IMPORT, { unit: fx.units.b1g.id, rows: [row(idNo(11), '导入甲')], dry: false }, as.secretary);
    const fresh = await observe<{ importMembers: unknown }>(IMPORT, { unit: fx.units.b1g.id, rows: [row(idNo(905), '导入甲')], dry: false }, as.secretary);
    expect(shape(taken.res)).toEqual(shape(fresh.res));
    expect(ok(taken.res).importMembers).toMatchObject({ written: true, okCount: 1 });
    expect(taken.sql).toEqual(fresh.sql);

    const [m1, m2] = await Promise.all([1, 2].map(() => h.gql<{ createMember: { id: string } }>(CREATE, { input: input(null, fx.units.b1.id, '改号') }, as.secretary)));
    const upTaken = await observe(UPDATE, { id: ok(m1!).createMember.id, input: { nationalId: idNo(3) } }, as.secretary);
    const upFresh = await observe(UPDATE, { id: ok(m2!).createMember.id, input: { nationalId: idNo(907) } }, as.secretary);
    expect(shape(upTaken.res)).toEqual(shape(upFresh.res));
    expect(ok(upTaken.res)).toMatchObject({ updateMember: { version: 2, hasNationalId: true } });
    expect(upTaken.sql).toEqual(upFresh.sql);
  });

  it('inside your scope a duplicate is still reported clearly, naming the member', async () => {
    const created = await h.gql(CREATE, { input: { ...input(fx.nationalIds.m1), birthDate: '1990-05-17' } }, as.secretary);
    expect(codeOf(created)).toBe('CONFLICT');
    expect(created.errors![0]!.extensions.memberId).toBe(fx.members.m1.id);
    expect(created.errors![0]!.extensions.messageZh).toBeTruthy();
    const dry = ok(await h.gql<{ importMembers: { rows: { ok: boolean; duplicateOfMemberId: string | null; errors: { field: string }[] }[] } }>(
      IMPORT, { unit: fx.units.b1.id, rows: [{ ...row(fx.nationalIds.m1), birthDate: '1990-05-17' }], dry: true }, as.secretary,
    ));
    expect(dry.importMembers.rows[0]).toMatchObject({ ok: false, duplicateOfMemberId: fx.members.m1.id, errors: [{ field: 'nationalId' }] });
    // ADMIN's scope is everything: the member in b3 is a duplicate for them.
    const admin = await h.gql(CREATE, { input: input(idNo(1), fx.units.b3.id) }, as.admin);
    expect(codeOf(admin)).toBe('CONFLICT');
    expect(admin.errors![0]!.extensions.memberId).toBe(fx.members.m4.id);
  });
});

describe('identity holds', () => {
  it('the covering level sees the hold and decides it; nobody else sees it', async () => {
    const all = await holds(as.admin);
    const rootHolds = all.filter((x) => x.coveringUnit?.id === fx.units.root.id);
    // createMember held idNo(1) (m4's) and the real import idNo(11) (m5's), both in b3: the root covers b1 and b3.
    expect(rootHolds.map((x) => x.existingMember.id).sort()).toEqual([fx.members.m4.id, m5].sort());
    expect(rootHolds.every((x) => x.createdById === fx.accounts.secretary.id && x.member.hasNationalId)).toBe(true);
    const g1Hold = all.find((x) => x.existingMember.id === fx.members.m3.id)!;
    expect(g1Hold.coveringUnit?.id).toBe(fx.units.g1.id);
    // The leader of g1 sees the g1 hold, not the root ones; the secretary who entered them sees none.
    expect((await holds(as.leader)).map((x) => x.id)).toEqual([g1Hold.id]);
    expect(await holds(as.secretary)).toEqual([]);
    expect(codeOf(await h.gql(RESOLVE, { id: g1Hold.id, decision: 'REJECT' }, as.secretary))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(RESOLVE, { id: rootHolds[0]!.id, decision: 'REJECT' }, as.leader))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(RESOLVE, { id: rootHolds[0]!.id, decision: 'REJECT' }, as.otherSecretary))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(HOLDS, {}, as.member))).toBe('FORBIDDEN');

    // Same person: the member on record (m3, b2) moves into the held member's unit as a new version.
    const merged = ok(await h.gql<{ resolveIdentityHold: Hold }>(RESOLVE, { id: g1Hold.id, decision: 'MERGE_INTO_EXISTING' }, as.leader));
    expect(merged.resolveIdentityHold).toMatchObject({ status: 'MERGED', decidedById: fx.accounts.leader.id });
    const m3 = await h.prisma.member.findUniqueOrThrow({ where: { id: fx.members.m3.id } });
    expect(m3.orgUnitId).toBe(g1Hold.member.orgUnit.id);
    expect(m3.version).toBe(fx.members.m3.version + 1);
    expect(Buffer.from(m3.nationalIdHash!)).toEqual(hashOf(idNo(3)));
    const heldAfter = await h.prisma.member.findUniqueOrThrow({ where: { id: g1Hold.member.id } });
    expect(heldAfter.nationalIdHash).toBeNull();
    expect(codeOf(await h.gql(RESOLVE, { id: g1Hold.id, decision: 'REJECT' }, as.leader))).toBe('CONFLICT');

    // Not the same person: the number stays with m4; the held member keeps none.
    const m4Hold = rootHolds.find((x) => x.existingMember.id === fx.members.m4.id)!;
    const rejected = ok(await h.gql<{ resolveIdentityHold: Hold }>(RESOLVE, { id: m4Hold.id, decision: 'REJECT' }, as.admin));
    expect(rejected.resolveIdentityHold.status).toBe('REJECTED');
    const m4 = await h.prisma.member.findUniqueOrThrow({ where: { id: fx.members.m4.id } });
    expect(Buffer.from(m4.nationalIdHash!)).toEqual(hashOf(idNo(1)));
    expect(m4.version).toBe(fx.members.m4.version);
    expect((await h.prisma.member.findUniqueOrThrow({ where: { id: m4Hold.member.id } })).nationalIdHash).toBeNull();
    expect((await holds(as.admin, 'REJECTED')).map((x) => x.id)).toEqual([m4Hold.id]);
  });
});

describe('uniqueness', () => {
  it('two members never carry the same number, even entered at once from two scopes', async () => {
    const n = idNo(909);
    const [a, b] = await Promise.all([
      h.gql<{ createMember: { id: string } }>(CREATE, { input: input(n, fx.units.b1.id) }, as.secretary),
      h.gql<{ createMember: { id: string } }>(CREATE, { input: input(n, fx.units.b3.id) }, as.otherSecretary),
    ]);
    // Each sees a success: whichever came second holds a claim on the other's number.
    const ids = [ok(a).createMember.id, ok(b).createMember.id];
    const carriers = await h.prisma.member.findMany({ where: { nationalIdHash: hashOf(n) } });
    expect(carriers).toHaveLength(1);
    expect(ids).toContain(carriers[0]!.id);
    const held = await h.prisma.identityHold.findMany({ where: { nationalIdHash: hashOf(n), status: 'PENDING' } });
    expect(held.map((x) => [x.memberId, x.existingMemberId])).toEqual([[ids.find((id) => id !== carriers[0]!.id), carriers[0]!.id]]);
    // And over the whole database.
    const dupes = await h.prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM (SELECT national_id_hash FROM member WHERE national_id_hash IS NOT NULL GROUP BY 1 HAVING count(*) > 1) d`;
    expect(dupes[0]!.n).toBe(0);
  });
});

describe('the identity lookup limit', () => {
  it('holds under parallel requests, counts createMember too, and logs every request without the numbers', async () => {
    const who = fx.accounts.otherSecretary.id;
    const now = h.clock.now;
    const windowStart = chinaDayStart(now);
    await h.prisma.$executeRaw`INSERT INTO identity_lookup_quota (account_id, window_start, lookups) VALUES (${who}::uuid, ${windowStart}, ${ID_LOOKUPS_PER_DAY - 5})
      ON CONFLICT (account_id, window_start) DO UPDATE SET lookups = EXCLUDED.lookups`;
    const eventsBefore = await h.prisma.identityLookupEvent.count({ where: { accountId: who } });
    // One more than fits: refused whole, nothing counted.
    const big = await h.gql(IMPORT, { unit: fx.units.b3.id, rows: Array.from({ length: 6 }, (_, i) => row(idNo(501 + 2 * i))), dry: true }, as.otherSecretary);
    expect(codeOf(big)).toBe('RATE_LIMITED');
    expect(big.errors![0]!.extensions.retryAfterSeconds).toBeGreaterThan(0);
    expect(big.errors![0]!.extensions.messageZh).toBeTruthy();
    // Twelve requests of one number each, at once: exactly the five that fit pass.
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        i % 2
          ? h.gql(IMPORT, { unit: fx.units.b3.id, rows: [row(idNo(601 + 2 * i))], dry: true }, as.otherSecretary)
          : h.gql(CREATE, { input: input(idNo(601 + 2 * i), fx.units.b3.id) }, as.otherSecretary),
      ),
    );
    const codes = results.map(codeOf);
    expect(codes.filter((c) => c === null)).toHaveLength(5);
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(7);
    const quota = await h.prisma.identityLookupQuota.findUniqueOrThrow({ where: { accountId_windowStart: { accountId: who, windowStart } } });
    expect(quota.lookups).toBe(ID_LOOKUPS_PER_DAY);
    // A member without a number is no lookup.
    expect(codeOf(await h.gql(CREATE, { input: input(null, fx.units.b3.id) }, as.otherSecretary))).toBeNull();
    expect(codeOf(await h.gql(CREATE, { input: input(idNo(701), fx.units.b3.id) }, as.otherSecretary))).toBe('RATE_LIMITED');

    const events = await h.prisma.identityLookupEvent.findMany({ where: { accountId: who }, orderBy: { id: 'asc' }, skip: eventsBefore });
    expect(events.map((e) => [e.ids, e.granted]).sort()).toEqual([[1, false], ...Array(5).fill([1, true]), ...Array(7).fill([1, false]), [6, false]].sort());
    // The log keeps who, when and how many, never a number or its hash.
    const client = new pg.Client({ connectionString: h.dbUrl });
    await client.connect();
    try {
      const cols = await client.query<{ column_name: string }>(`SELECT column_name FROM information_schema.columns WHERE table_name IN ('identity_lookup_event', 'identity_lookup_quota')`);
      expect(cols.rows.map((c) => c.column_name).sort()).toEqual(['account_id', 'account_id', 'granted', 'id', 'ids', 'lookups', 'occurred_at', 'window_start']);
    } finally {
      await client.end();
    }
  });
});
