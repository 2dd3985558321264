// Units and committees through GraphQL on a real database, on the movable clock (2026-08-15, China
// time): creating, renaming, moving, merging and dissolving units with their refusals (kind order,
// cycles, non-empty units, another level's unit), committees with their term rules and the
// 7-member rule, positions, the secretary access that follows the 书记, the terms ending soon (换届),
// and the records every change writes.
import { recordData, type Member } from '@lianjian/db';
import { appendRecords } from '@lianjian/indexer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixture, sessionFor, type Fixture } from './fixtures.js';
import { codeOf, ok, startHarness, type Caller, type Harness, type GqlResponse } from './harness.js';

const LONG = { expiresAt: new Date('2100-01-01T00:00:00Z') };
const UNIT = 'id version name code kind path level parentId dissolvedOn';
const CREATE = `mutation($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { ${UNIT} } }`;
const RENAME = `mutation($id: ID!, $name: String!, $code: String) { renameOrgUnit(id: $id, name: $name, code: $code) { ${UNIT} } }`;
const MOVE = `mutation($id: ID!, $p: ID!) { moveOrgUnit(id: $id, parentId: $p) { ${UNIT} } }`;
const MERGE = `mutation($id: ID!, $t: ID!) { mergeOrgUnit(id: $id, targetId: $t) { unit { ${UNIT} } target { id } membersMoved unitsMoved } }`;
const DISSOLVE = `mutation($id: ID!) { dissolveOrgUnit(id: $id) { ${UNIT} } }`;
const COMMITTEE = 'id version form termStart termEnd endedOn current daysLeft positions(current: true) { id title memberId memberName accountId startedOn endedOn }';
const SET_UP = `mutation($input: SetUpCommitteeInput!) { setUpCommittee(input: $input) { ${COMMITTEE} } }`;
const APPOINT = `mutation($input: AppointCommitteePositionInput!) { appointCommitteePosition(input: $input) { position { id version title memberId accountId endedOn } ended { id memberId endedOn version } } }`;
const RELIEVE = `mutation($id: ID!) { relieveCommitteePosition(id: $id) { id version endedOn } }`;
const CURRENT = `query($u: ID!) { committee(unitId: $u) { ${COMMITTEE} proof { status document } } }`;
const DUE = `query($u: ID, $d: Int) { committeeTermsDue(under: $u, withinDays: $d) { id termEnd daysLeft unit { id name } } }`;

type Unit = { id: string; version: number; name: string; code: string; kind: string; path: string; level: number; parentId: string | null; dissolvedOn: string | null };
type Position = { id: string; version: number; title: string; memberId: string; accountId: string | null; endedOn: string | null };
type Committee = { id: string; version: number; form: string; termStart: string; termEnd: string; current: boolean; daysLeft: number; positions: Position[] };

describe('units and committees', () => {
  let h: Harness;
  let fx: Fixture;
  const as = {} as Record<'admin' | 'secretary' | 'leader' | 'member' | 'otherSecretary' | 'secG1', Caller>;
  const made = {} as Record<'b4' | 'b4g' | 'b2g', Unit>;

  const fields = (res: GqlResponse) => (res.errors?.[0]?.extensions.fields as { field: string }[] | undefined)?.map((f) => f.field) ?? [];
  const records = (type: string, id: string) => h.prisma.outboxRecord.findMany({ where: { entityType: type, entityId: id }, orderBy: { version: 'asc' } });
  const unitOf = (id: string) => h.prisma.orgUnit.findUniqueOrThrow({ where: { id } });

  /** Active full members in a unit, written as the API writes: with their records. */
  async function addMembers(unitId: string, n: number): Promise<Member[]> {
    return h.prisma.$transaction(async (tx) => {
      const rows = await tx.member.createManyAndReturn({
        data: Array.from({ length: n }, (_, i) => ({ name: `成员${i}`, gender: 'FEMALE' as const, birthDate: new Date('1985-01-01'), ethnicity: '汉族', education: 'POSTGRADUATE' as const, stage: 'FULL' as const, fullMemberSince: new Date('2010-07-01'), orgUnitId: unitId })),
      });
      await appendRecords(tx, rows.map((m) => ({ type: 'Member', id: m.id, version: m.version, org: m.orgUnitId, actor: 'system', data: recordData('Member', m) })));
      return rows;
    });
  }

  beforeAll(async () => {
    h = await startHarness();
    fx = await createFixture(h.prisma);
    for (const who of ['admin', 'secretary', 'leader', 'member', 'otherSecretary'] as const) as[who] = { token: await sessionFor(h.prisma, fx.accounts[who].id, LONG) };
    const secG1 = await h.prisma.account.create({ data: { username: 'sec-g1', displayName: 'sec-g1', passwordHash: 'x', role: 'SECRETARY', scopeUnitId: fx.units.g1.id } });
    as.secG1 = { token: await sessionFor(h.prisma, secG1.id, LONG) };
    h.clock.now = new Date('2026-08-15T04:00:00.000Z');
  });
  afterAll(() => h?.close());

  it('creates units in the set order of kinds, each with its record, within the caller’s subtree', async () => {
    made.b4 = ok(await h.gql<{ createOrgUnit: Unit }>(CREATE, { input: { parentId: fx.units.g2.id, kind: 'BRANCH', name: '第四党支部', code: 'T-B4' } }, as.admin)).createOrgUnit;
    expect(made.b4).toMatchObject({ kind: 'BRANCH', parentId: fx.units.g2.id, level: fx.units.g2.level + 1, version: 1 });
    expect(made.b4.path.startsWith(fx.units.g2.path)).toBe(true);
    made.b4g = ok(await h.gql<{ createOrgUnit: Unit }>(CREATE, { input: { parentId: made.b4.id, kind: 'GROUP', name: '第四党支部第一党小组', code: 'T-B4-P1' } }, as.admin)).createOrgUnit;
    // A secretary of the general branch creates under the units of its subtree, not elsewhere.
    made.b2g = ok(await h.gql<{ createOrgUnit: Unit }>(CREATE, { input: { parentId: fx.units.b2.id, kind: 'GROUP', name: '第二党支部第一党小组', code: 'T-B2-P1' } }, as.secG1)).createOrgUnit;
    expect(codeOf(await h.gql(CREATE, { input: { parentId: fx.units.g2.id, kind: 'BRANCH', name: 'x', code: 'T-X1' } }, as.secG1))).toBe('FORBIDDEN');
    for (const who of ['leader', 'member'] as const) expect(codeOf(await h.gql(CREATE, { input: { parentId: fx.units.b1.id, kind: 'GROUP', name: 'x', code: 'T-X2' } }, as[who]))).toBe('FORBIDDEN');
    // The order: no branch under a branch, no group outside a branch.
    const order = await h.gql(CREATE, { input: { parentId: fx.units.b1.id, kind: 'BRANCH', name: 'x', code: 'T-X3' } }, as.admin);
    expect(codeOf(order)).toBe('UNIT_KIND_ORDER');
    expect(order.errors![0]!.extensions.messageZh).toContain('党委 > 党总支 > 党支部 > 党小组');
    expect(codeOf(await h.gql(CREATE, { input: { parentId: fx.units.g1.id, kind: 'GROUP', name: 'x', code: 'T-X4' } }, as.admin))).toBe('UNIT_KIND_ORDER');
    expect(fields(await h.gql(CREATE, { input: { parentId: fx.units.g1.id, kind: 'BRANCH', name: ' ', code: 'T-B4' } }, as.admin)).sort()).toEqual(['input.code', 'input.name']);
    for (const u of [made.b4, made.b4g, made.b2g]) expect((await records('OrgUnit', u.id)).map((r) => r.version)).toEqual([1]);
  });

  it('renames a unit below the caller’s own, never the caller’s own unit', async () => {
    const renamed = ok(await h.gql<{ renameOrgUnit: Unit }>(RENAME, { id: made.b2g.id, name: '第二党支部党小组' }, as.secG1)).renameOrgUnit;
    expect(renamed).toMatchObject({ name: '第二党支部党小组', version: 2, code: 'T-B2-P1' });
    const own = await h.gql(RENAME, { id: fx.units.b1.id, name: '改名' }, as.secretary);
    expect(codeOf(own)).toBe('FORBIDDEN');
    expect(own.errors![0]!.message).toContain('level above');
    expect(codeOf(await h.gql(RENAME, { id: made.b2g.id, name: '第二党支部党小组' }, as.secG1))).toBe('CONFLICT');
    const recs = await records('OrgUnit', made.b2g.id);
    expect(recs.map((r) => r.version)).toEqual([1, 2]);
    expect(JSON.parse(recs[1]!.document).data.name).toBe('第二党支部党小组');
  });

  it('moves a unit with its subtree in one change, each moved unit with a new record; refuses cycles and the wrong order', async () => {
    const moved = ok(await h.gql<{ moveOrgUnit: Unit }>(MOVE, { id: made.b4.id, p: fx.units.g1.id }, as.admin)).moveOrgUnit;
    expect(moved.path).toBe(`${fx.units.g1.path}${made.b4.path.split('/').at(-2)}/`);
    expect(moved).toMatchObject({ parentId: fx.units.g1.id, version: 2, level: 2 });
    const group = await unitOf(made.b4g.id);
    expect(group).toMatchObject({ path: `${moved.path}${made.b4g.path.split('/').at(-2)}/`, level: 3, version: 2 });
    const rec = (await records('OrgUnit', made.b4g.id)).at(-1)!;
    expect(rec.version).toBe(2);
    expect(JSON.parse(rec.document).data.path).toBe(group.path);
    expect(fields(await h.gql(MOVE, { id: fx.units.g1.id, p: fx.units.b1g.id }, as.admin))).toEqual(['parentId']);
    expect(fields(await h.gql(MOVE, { id: fx.units.g1.id, p: fx.units.g1.id }, as.admin))).toEqual(['parentId']);
    expect(codeOf(await h.gql(MOVE, { id: fx.units.b3.id, p: fx.units.b1.id }, as.admin))).toBe('UNIT_KIND_ORDER');
    // A general branch's secretary may not take a unit out of another subtree.
    expect(codeOf(await h.gql(MOVE, { id: fx.units.b3.id, p: fx.units.g1.id }, as.secG1))).toBe('FORBIDDEN');
  });

  it('refuses to dissolve a unit with members or live child units, saying to move them first; dissolves an empty one', async () => {
    const res = await h.gql(DISSOLVE, { id: fx.units.b2.id }, as.admin);
    expect(codeOf(res)).toBe('UNIT_NOT_EMPTY');
    expect(res.errors![0]!.extensions).toMatchObject({ members: 1, children: 1 });
    expect(res.errors![0]!.message).toContain('move them');
    expect(res.errors![0]!.extensions.messageZh).toContain('转移');
    expect(codeOf(await h.gql(DISSOLVE, { id: fx.units.root.id }, as.admin))).toBe('BAD_USER_INPUT');
    const gone = ok(await h.gql<{ dissolveOrgUnit: Unit }>(DISSOLVE, { id: made.b4g.id }, as.secG1)).dissolveOrgUnit;
    expect(gone.dissolvedOn).toBe('2026-08-15');
    expect((await records('OrgUnit', made.b4g.id)).at(-1)!.version).toBe(gone.version);
    expect(codeOf(await h.gql(DISSOLVE, { id: made.b4g.id }, as.secG1))).toBe('UNIT_DISSOLVED');
    expect(codeOf(await h.gql(CREATE, { input: { parentId: made.b4g.id, kind: 'GROUP', name: 'x', code: 'T-X5' } }, as.admin))).toBe('UNIT_DISSOLVED');
  });

  it('merges a unit into another of its kind: child units and members follow, with records; the unit is dissolved', async () => {
    expect(fields(await h.gql(MERGE, { id: fx.units.b2.id, t: fx.units.g1.id }, as.secG1))).toEqual(['targetId']);
    const m3Before = await h.prisma.member.findUniqueOrThrow({ where: { id: fx.members.m3.id } });
    // A letter on its way to the merged unit (m4 from b3), written as the API writes it.
    const letter = await h.prisma.$transaction(async (tx) => {
      const row = await tx.membershipTransfer.create({
        data: { orgUnitId: fx.units.b3.id, memberId: fx.members.m4.id, toUnitId: fx.units.b2.id, fromProvince: '北京', toProvince: '北京', crossProvince: false, letterNo: 'T-MERGE-1', issuedOn: new Date('2026-08-10'), validUntil: new Date('2026-11-09') },
      });
      await appendRecords(tx, [{ type: 'MembershipTransfer', id: row.id, version: row.version, org: row.orgUnitId, actor: 'system', data: recordData('MembershipTransfer', row) }]);
      return row;
    });
    const res = ok(await h.gql<{ mergeOrgUnit: { unit: Unit; membersMoved: number; unitsMoved: number } }>(MERGE, { id: fx.units.b2.id, t: fx.units.b1.id }, as.secG1)).mergeOrgUnit;
    expect(res).toMatchObject({ membersMoved: 1, unitsMoved: 1, unit: { dissolvedOn: '2026-08-15' } });
    const m3 = await h.prisma.member.findUniqueOrThrow({ where: { id: fx.members.m3.id } });
    expect(m3).toMatchObject({ orgUnitId: fx.units.b1.id, version: m3Before.version + 1 });
    expect(JSON.parse((await records('Member', m3.id)).at(-1)!.document).org).toBe(fx.units.b1.id);
    const group = await unitOf(made.b2g.id);
    expect(group.parentId).toBe(fx.units.b1.id);
    expect(group.path.startsWith(fx.units.b1.path)).toBe(true);
    expect((await records('OrgUnit', group.id)).at(-1)!.version).toBe(group.version);
    const moved = await h.prisma.membershipTransfer.findUniqueOrThrow({ where: { id: letter.id } });
    expect(moved).toMatchObject({ toUnitId: fx.units.b1.id, version: 2 });
    expect(JSON.parse((await records('MembershipTransfer', letter.id)).at(-1)!.document).data.toUnitId).toBe(fx.units.b1.id);
    // Nothing is left pointing at the merged unit but its own history.
    expect(await h.prisma.member.count({ where: { orgUnitId: fx.units.b2.id } })).toBe(0);
    expect(await h.prisma.orgUnit.count({ where: { parentId: fx.units.b2.id } })).toBe(0);
    expect(await h.prisma.membershipTransfer.count({ where: { toUnitId: fx.units.b2.id } })).toBe(0);
  });

  it('keeps the term rules: 3 years for branches and general branches, 3–5 for a grassroots committee', async () => {
    const g1 = await h.gql(SET_UP, { input: { unitId: fx.units.g1.id, termStart: '2024-06-01', termEnd: '2028-06-01' } }, as.admin);
    expect(fields(g1)).toEqual(['input.termEnd']);
    expect(g1.errors![0]!.extensions.messageZh).toContain('3 年');
    expect(fields(await h.gql(SET_UP, { input: { unitId: fx.units.root.id, termStart: '2024-06-01', termEnd: '2030-06-01' } }, as.admin))).toEqual(['input.termEnd']);
    expect(fields(await h.gql(SET_UP, { input: { unitId: fx.units.root.id, termStart: '2024-06-01', termEnd: '2029-05-31' } }, as.admin))).toEqual(['input.termEnd']);
    expect(fields(await h.gql(SET_UP, { input: { unitId: fx.units.root.id, termStart: '2026-09-01', termEnd: '2031-09-01' } }, as.admin))).toEqual(['input.termStart']);
    const root = ok(await h.gql<{ setUpCommittee: Committee }>(SET_UP, { input: { unitId: fx.units.root.id, termStart: '2024-06-01', termEnd: '2029-06-01' } }, as.admin)).setUpCommittee;
    expect(root).toMatchObject({ form: 'COMMITTEE', termEnd: '2029-06-01', current: true });
    // Only an administrator records the top unit's; a secretary records the units below their own.
    expect(codeOf(await h.gql(SET_UP, { input: { unitId: fx.units.g1.id, termStart: '2023-09-01', termEnd: '2026-09-01' } }, as.secG1))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(SET_UP, { input: { unitId: fx.units.b1g.id, termStart: '2023-09-01', termEnd: '2026-09-01' } }, as.admin))).toBe('BAD_USER_INPUT');
    const g1ok = ok(await h.gql<{ setUpCommittee: Committee }>(SET_UP, { input: { unitId: fx.units.g1.id, termStart: '2023-09-01', termEnd: '2026-09-01' } }, as.admin)).setUpCommittee;
    expect(g1ok.daysLeft).toBe(17);
  });

  it('gives a branch of fewer than 7 full members a secretary and no committee', async () => {
    // b1 now has m1, m2 (in its group) and m3 (merged in): 3 full members.
    const refused = await h.gql(SET_UP, { input: { unitId: fx.units.b1.id, form: 'COMMITTEE', termStart: '2025-03-01', termEnd: '2028-03-01' } }, as.secG1);
    expect(codeOf(refused)).toBe('COMMITTEE_TOO_FEW_MEMBERS');
    expect(refused.errors![0]!.extensions).toMatchObject({ fullMembers: 3 });
    expect(refused.errors![0]!.extensions.messageZh).toContain('不足 7 人');
    const b1 = ok(await h.gql<{ setUpCommittee: Committee }>(SET_UP, { input: { unitId: fx.units.b1.id, termStart: '2025-03-01', termEnd: '2028-03-01' } }, as.secG1)).setUpCommittee;
    expect(b1.form).toBe('SECRETARY_ONLY');
    expect(fields(await h.gql(APPOINT, { input: { committeeId: b1.id, title: 'ORGANISATION', memberId: fx.members.m2.id } }, as.secG1))).toEqual(['input.title']);
    expect(codeOf(await h.gql(SET_UP, { input: { unitId: fx.units.g1.id, form: 'SECRETARY_ONLY', termStart: '2026-08-01', termEnd: '2029-08-01' } }, as.admin))).toBe('BAD_USER_INPUT');
  });

  it('moves the secretary access with the 书记: the new holder’s account gets it, the previous holder’s ends', async () => {
    const b1 = ok(await h.gql<{ committee: Committee }>(CURRENT, { u: fx.units.b1.id }, as.secG1)).committee;
    // The branch's own secretary does not appoint its 书记: the level above does.
    expect(codeOf(await h.gql(APPOINT, { input: { committeeId: b1.id, title: 'SECRETARY', memberId: fx.members.m1.id } }, as.secretary))).toBe('FORBIDDEN');
    // m4 is in another general branch; a probationary or unknown member does not hold positions.
    expect(fields(await h.gql(APPOINT, { input: { committeeId: b1.id, title: 'SECRETARY', memberId: fx.members.m4.id } }, as.admin))).toEqual(['input.memberId']);

    const first = ok(await h.gql<{ appointCommitteePosition: { position: Position; ended: Position[] } }>(APPOINT, { input: { committeeId: b1.id, title: 'SECRETARY', memberId: fx.members.m1.id, startedOn: '2025-03-01' } }, as.secG1)).appointCommitteePosition;
    // m1 already had a member account: it is re-scoped, not duplicated.
    expect(first.position.accountId).toBe(fx.accounts.member.id);
    expect(await h.prisma.account.findUniqueOrThrow({ where: { id: fx.accounts.member.id } })).toMatchObject({ role: 'SECRETARY', scopeUnitId: fx.units.b1.id });
    // Its old session ended with the change of access.
    expect(codeOf(await h.gql(CURRENT, { u: fx.units.b1.id }, as.member))).toBe('UNAUTHENTICATED');

    const second = ok(await h.gql<{ appointCommitteePosition: { position: Position; ended: Position[] } }>(APPOINT, { input: { committeeId: b1.id, title: 'SECRETARY', memberId: fx.members.m2.id } }, as.secG1)).appointCommitteePosition;
    expect(second.ended).toEqual([{ id: first.position.id, memberId: fx.members.m1.id, endedOn: '2026-08-15', version: 2 }]);
    // m2 had no account: a new one holds the access, disabled until an administrator issues its password.
    const created = await h.prisma.account.findUniqueOrThrow({ where: { id: second.position.accountId! } });
    expect(created).toMatchObject({ memberId: fx.members.m2.id, role: 'SECRETARY', scopeUnitId: fx.units.b1.id });
    expect(created.disabledAt).not.toBeNull();
    // The previous holder's secretary access ended: back to a member account of their own unit.
    expect(await h.prisma.account.findUniqueOrThrow({ where: { id: fx.accounts.member.id } })).toMatchObject({ role: 'MEMBER', scopeUnitId: fx.units.b1.id });
    // Accounts not tied to the position keep theirs.
    expect((await h.prisma.account.findUniqueOrThrow({ where: { id: fx.accounts.secretary.id } })).role).toBe('SECRETARY');

    const now = ok(await h.gql<{ committee: Committee }>(CURRENT, { u: fx.units.b1.id }, as.secG1)).committee;
    expect(now.positions.map((p) => [p.title, p.memberId])).toEqual([['SECRETARY', fx.members.m2.id]]);
    const relieved = ok(await h.gql<{ relieveCommitteePosition: Position }>(RELIEVE, { id: second.position.id }, as.secG1)).relieveCommitteePosition;
    expect(relieved).toMatchObject({ endedOn: '2026-08-15', version: 2 });
    expect((await h.prisma.account.findUniqueOrThrow({ where: { id: created.id } })).role).toBe('MEMBER');
    expect(codeOf(await h.gql(RELIEVE, { id: second.position.id }, as.secG1))).toBe('CONFLICT');
  });

  it('sets up a branch committee from 7 full members, ending the previous term (换届), with positions', async () => {
    await addMembers(fx.units.b1.id, 4);
    const before = ok(await h.gql<{ committee: Committee }>(CURRENT, { u: fx.units.b1.id }, as.secG1)).committee;
    const b1 = ok(await h.gql<{ setUpCommittee: Committee }>(SET_UP, { input: { unitId: fx.units.b1.id, form: 'COMMITTEE', termStart: '2026-08-01', termEnd: '2029-08-01' } }, as.secG1)).setUpCommittee;
    expect(b1).toMatchObject({ form: 'COMMITTEE', current: true, positions: [] });
    const old = await h.prisma.committee.findUniqueOrThrow({ where: { id: before.id } });
    expect(old.endedOn?.toISOString().slice(0, 10)).toBe('2026-08-01');
    const appoint = (title: string, memberId: string) => h.gql(APPOINT, { input: { committeeId: b1.id, title, memberId } }, as.secG1);
    ok(await appoint('SECRETARY', fx.members.m1.id));
    ok(await appoint('ORGANISATION', fx.members.m2.id));
    ok(await appoint('PUBLICITY', fx.members.m3.id));
    expect(codeOf(await appoint('PUBLICITY', fx.members.m3.id))).toBe('CONFLICT');
    // A term that ended takes no more appointments.
    expect(codeOf(await h.gql(APPOINT, { input: { committeeId: before.id, title: 'DEPUTY_SECRETARY', memberId: fx.members.m3.id } }, as.secG1))).toBe('CONFLICT');
    const now = ok(await h.gql<{ committee: Committee & { proof: { status: string; document: { type: string; data: { termEnd: string } } } } }>(CURRENT, { u: fx.units.b1.id }, as.leader)).committee;
    expect(now.positions.map((p) => p.title).sort()).toEqual(['ORGANISATION', 'PUBLICITY', 'SECRETARY']);
    expect(now.proof).toMatchObject({ status: 'PENDING', document: { type: 'Committee', data: { termEnd: '2029-08-01' } } });
    expect((await h.prisma.account.findUniqueOrThrow({ where: { id: fx.accounts.member.id } })).role).toBe('SECRETARY');
  });

  it('lists terms ending soon (换届) in the caller’s subtree as due items', async () => {
    const due = ok(await h.gql<{ committeeTermsDue: { id: string; termEnd: string; daysLeft: number; unit: { id: string } }[] }>(DUE, { d: 30 }, as.leader)).committeeTermsDue;
    expect(due.map((c) => [c.unit.id, c.termEnd, c.daysLeft])).toEqual([[fx.units.g1.id, '2026-09-01', 17]]);
    expect(ok(await h.gql<{ committeeTermsDue: unknown[] }>(DUE, { d: 10 }, as.leader)).committeeTermsDue).toEqual([]);
    // Over four years: the root's (2029-06-01) and b1's (2029-08-01) too, soonest first; the root's is outside the leader's subtree.
    expect(ok(await h.gql<{ committeeTermsDue: { unit: { id: string } }[] }>(DUE, { d: 365 * 4 }, as.admin)).committeeTermsDue.map((c) => c.unit.id)).toEqual([fx.units.g1.id, fx.units.root.id, fx.units.b1.id]);
    expect(ok(await h.gql<{ committeeTermsDue: { unit: { id: string } }[] }>(DUE, { d: 365 * 4 }, as.leader)).committeeTermsDue.map((c) => c.unit.id)).toEqual([fx.units.g1.id, fx.units.b1.id]);
    const m4 = await h.prisma.account.create({ data: { username: 'member4', displayName: 'member4', passwordHash: 'x', role: 'MEMBER', scopeUnitId: fx.units.b3.id, memberId: fx.members.m4.id } });
    expect(codeOf(await h.gql(DUE, {}, { token: await sessionFor(h.prisma, m4.id, LONG) }))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(DUE, { u: fx.units.b3.id }, as.leader))).toBe('FORBIDDEN');
  });

  it('writes a record for every version of every committee and position', async () => {
    for (const [type, rows] of [['Committee', await h.prisma.committee.findMany()], ['CommitteePosition', await h.prisma.committeePosition.findMany()]] as const) {
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) expect((await records(type, r.id)).map((x) => x.version)).toEqual(Array.from({ length: r.version }, (_, i) => i + 1));
    }
  });
});
