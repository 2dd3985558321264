// Members and org units: pagination, filters, validation, versioned changes with records,
// duplicate detection, history with proofs.
import { describe, expect, it } from 'vitest';
import { makeNationalId } from '../src/modules/members/national-id.js';
import { sessionFor } from './fixtures.js';
import { codeOf } from './harness.js';
import { apiSuite } from './suite.js';

const { h, fx, as: { secretary, admin } } = apiSuite({ bulk: 130, sessions: ['secretary', 'admin'] });

const PAGE = `query($first: Int, $after: String, $last: Int, $before: String, $under: ID, $stage: MemberStage, $search: String) {
  members(first: $first, after: $after, last: $last, before: $before, under: $under, stage: $stage, search: $search) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id name orgUnit { name } } }
  }
}`;

type Page = {
  members: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string; endCursor: string };
    edges: { cursor: string; node: { id: string; name: string; orgUnit: { name: string } } }[];
  };
};

describe('members pagination', () => {
  it('walks the whole subtree in name order with cursors, no duplicates or gaps', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    for (let i = 0; i < 10; i++) {
      const res = await h.gql<Page>(PAGE, { first: 50, after }, secretary);
      expect(res.errors).toBeUndefined();
      const page = res.data!.members;
      expect(page.totalCount).toBe(130 + 2); // bulk + m1 (b1) + m2 (b1g); b2 and b3 are outside
      seen.push(...page.edges.map((e) => e.node.name));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(132);
    expect(new Set(seen).size).toBe(132);
    // By pinyin (member.name is collated zh-x-icu), as Chinese readers sort names: 李四 before 张三.
    expect([...seen].sort(new Intl.Collator('zh-CN').compare)).toEqual(seen);
  });

  it('pages backwards with last/before', async () => {
    const first = await h.gql<Page>(PAGE, { first: 10 }, secretary);
    const second = await h.gql<Page>(PAGE, { first: 10, after: first.data!.members.pageInfo.endCursor }, secretary);
    const back = await h.gql<Page>(PAGE, { last: 10, before: second.data!.members.pageInfo.startCursor }, secretary);
    expect(back.data!.members.edges.map((e) => e.node.id)).toEqual(first.data!.members.edges.map((e) => e.node.id));
  });

  it('caps the page size with a clear error', async () => {
    const res = await h.gql(PAGE, { first: 101 }, secretary);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.message).toMatch(/first: must be between 0 and 100/);
    expect(res.errors![0]!.extensions.fields).toEqual([expect.objectContaining({ field: 'first' })]);
    expect(res.errors![0]!.extensions.messageZh).toMatch(/单页上限/);
    const ok = await h.gql<Page>(PAGE, { first: 100 }, secretary);
    expect(ok.data!.members.edges).toHaveLength(100);
  });

  it('refuses cursors it did not issue', async () => {
    for (const after of ['nonsense', Buffer.from('GPC:S:not-a-uuid').toString('base64'), Buffer.from('GPC:N:5').toString('base64')]) {
      const res = await h.gql(PAGE, { first: 5, after }, secretary);
      expect(codeOf(res), after).toBe('BAD_USER_INPUT');
      expect(res.errors![0]!.message).toMatch(/after: is not a cursor this list issued/);
    }
  });

  it('filters by stage, name and subtree', async () => {
    const applicants = await h.gql<Page>(PAGE, { first: 5, stage: 'APPLICANT' }, secretary);
    expect(applicants.data!.members.totalCount).toBe(130);
    const byName = await h.gql<Page>(PAGE, { first: 5, search: 'bulk 12' }, secretary);
    expect(byName.data!.members.edges.map((e) => e.node.name)).toEqual(['Bulk 120', 'Bulk 121', 'Bulk 122', 'Bulk 123', 'Bulk 124']);
    const group = await h.gql<Page>(PAGE, { first: 5, under: fx.units.b1g.id }, secretary);
    expect(group.data!.members.edges.map((e) => e.node.name)).toEqual(['李四']);
    const all = await h.gql<Page>(PAGE, { first: 5, under: fx.units.root.id }, admin);
    expect(all.data!.members.totalCount).toBe(134);
  });
});

describe('org units', () => {
  it('lists a subtree in tree order with depth limits', async () => {
    const q = `query($under: ID, $maxDepth: Int) { orgUnits(first: 50, under: $under, maxDepth: $maxDepth) { totalCount edges { node { name level } } } }`;
    const res = await h.gql<{ orgUnits: { totalCount: number; edges: { node: { name: string; level: number } }[] } }>(q, {}, admin);
    expect(res.data!.orgUnits.totalCount).toBe(7);
    expect(res.data!.orgUnits.edges[0]!.node).toEqual({ name: '测试党委', level: 0 });
    const shallow = await h.gql<{ orgUnits: { edges: { node: { name: string } }[] } }>(q, { under: fx.units.g1.id, maxDepth: 1 }, admin);
    expect(shallow.data!.orgUnits.edges.map((e) => e.node.name).sort()).toEqual(['第一党总支', '第一党支部', '第二党支部'].sort());
  });

  it('gives children and direct members as connections', async () => {
    const q = `query($id: ID!) { orgUnit(id: $id) { name children(first: 10) { totalCount edges { node { name } } } members(first: 2) { totalCount edges { node { name } } } } }`;
    const res = await h.gql<{ orgUnit: { children: { totalCount: number }; members: { totalCount: number; edges: unknown[] } } }>(q, { id: fx.units.b1.id }, secretary);
    expect(res.errors).toBeUndefined();
    expect(res.data!.orgUnit.children.totalCount).toBe(1);
    expect(res.data!.orgUnit.members.totalCount).toBe(131);
    expect(res.data!.orgUnit.members.edges).toHaveLength(2);
  });
});

const CREATE = `mutation($input: CreateMemberInput!) { createMember(input: $input) { id version name stage orgUnit { id } hasNationalId proof { status version document } } }`;

function newMember(overrides: Record<string, unknown> = {}) {
  return {
    orgUnitId: fx.units.b1.id,
    name: '孙七',
    gender: 'FEMALE',
    birthDate: '1995-03-08',
    ethnicity: '汉族',
    education: 'POSTGRADUATE',
    stage: 'APPLICANT',
    appliedOn: '2025-06-01',
    nationalId: makeNationalId('310101', '1995-03-08', 124),
    phone: '13912345678',
    address: '上海市黄浦区某路 1 号',
    ...overrides,
  };
}

describe('member changes', () => {
  it('creates a member as version 1 with a record that leaves out the sensitive fields', async () => {
    const res = await h.gql<{ createMember: { id: string; version: number; hasNationalId: boolean; proof: { status: string; version: number; document: { data: Record<string, unknown>; actor: string; org: string } } } }>(
      CREATE,
      { input: newMember() },
      secretary,
    );
    expect(res.errors).toBeUndefined();
    const m = res.data!.createMember;
    expect(m.version).toBe(1);
    expect(m.hasNationalId).toBe(true);
    expect(m.proof.status).toBe('PENDING');
    expect(m.proof.document.actor).toBe(fx.accounts.secretary.id);
    expect(m.proof.document.org).toBe(fx.units.b1.id);
    expect(m.proof.document.data).toMatchObject({ name: '孙七', birthDate: '1995-03-08', stage: 'APPLICANT', appliedOn: '2025-06-01' });
    const text = JSON.stringify(m.proof.document);
    for (const secret of ['13912345678', '上海市黄浦区', '310101']) expect(text).not.toContain(secret);
    expect(Object.keys(m.proof.document.data)).not.toEqual(expect.arrayContaining(['phone', 'address', 'nationalIdHash']));
    const row = await h.prisma.member.findUniqueOrThrow({ where: { id: m.id } });
    expect(Buffer.from(row.nationalIdHash!).toString('hex')).not.toContain('310101');
  });

  it('reports every invalid field at once, in English and Chinese', async () => {
    const res = await h.gql(
      CREATE,
      { input: newMember({ name: '  ', birthDate: '2015-01-01', nationalId: '310101199503081240', phone: '12345', appliedOn: '2024-01-01', activistSince: '2099-01-01', stage: 'ACTIVIST' }) },
      secretary,
    );
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    const fields = (res.errors![0]!.extensions.fields as { field: string; messageZh: string }[]).map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['input.name', 'input.nationalId', 'input.phone', 'input.activistSince', 'input.birthDate']));
    expect((res.errors![0]!.extensions.fields as { messageZh: string }[]).every((f) => f.messageZh.length > 0)).toBe(true);
  });

  it('refuses a malformed date as BAD_USER_INPUT', async () => {
    const res = await h.gql(CREATE, { input: newMember({ birthDate: '1995-02-30' }) }, secretary);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
  });

  it('detects a duplicate national ID number by its salted hash', async () => {
    const res = await h.gql(CREATE, { input: newMember({ name: '重复', nationalId: fx.nationalIds.m1, birthDate: '1990-05-17', gender: 'MALE' }) }, secretary);
    expect(codeOf(res)).toBe('CONFLICT');
    expect(res.errors![0]!.extensions.memberId).toBe(fx.members.m1.id);
    expect(res.errors![0]!.message).not.toContain(fx.nationalIds.m1);
  });

  it('updates as a new version, refuses a stale expectedVersion, and keeps every version provable', async () => {
    const id = fx.members.m2.id;
    const upd = `mutation($id: ID!, $v: Int, $input: UpdateMemberInput!) { updateMember(id: $id, expectedVersion: $v, input: $input) { version occupation phone } }`;
    const r1 = await h.gql<{ updateMember: { version: number; occupation: string } }>(upd, { id, v: 1, input: { occupation: '教师', phone: null } }, secretary);
    expect(r1.errors).toBeUndefined();
    expect(r1.data!.updateMember).toEqual({ version: 2, occupation: '教师', phone: null });
    const stale = await h.gql(upd, { id, v: 1, input: { occupation: '工程师' } }, secretary);
    expect(codeOf(stale)).toBe('CONFLICT');
    expect(stale.errors![0]!.extensions).toMatchObject({ currentVersion: 2, expectedVersion: 1 });
    const empty = await h.gql(upd, { id, input: {} }, secretary);
    expect(codeOf(empty)).toBe('BAD_USER_INPUT');
    const clear = await h.gql(upd, { id, input: { name: null } }, secretary);
    expect(codeOf(clear)).toBe('BAD_USER_INPUT');

    const hist = await h.gql<{ history: { edges: { node: { version: number; data: { occupation: string | null }; proof: { status: string; leaf: string } } }[] } }>(
      `query($id: ID!) { history(type: "Member", id: $id, first: 10) { edges { node { version data proof { status leaf } } } } }`,
      { id },
      secretary,
    );
    expect(hist.errors).toBeUndefined();
    expect(hist.data!.history.edges.map((e) => [e.node.version, e.node.data.occupation])).toEqual([
      [1, null],
      [2, '教师'],
    ]);
    const one = await h.gql<{ record: { version: number } }>(`query($id: ID!) { record(type: "Member", id: $id, version: 1) { version } }`, { id }, secretary);
    expect(one.data!.record.version).toBe(1);
  });

  it('transfers within the subtree as a new version owned by the new unit', async () => {
    const tr = `mutation($id: ID!, $to: ID!) { transferMember(id: $id, toUnitId: $to) { version orgUnit { id } proof { document } } }`;
    const leader = await sessionFor(h.prisma, fx.accounts.leader.id);
    const denied = await h.gql(tr, { id: fx.members.m3.id, to: fx.units.b1.id }, { token: leader });
    expect(codeOf(denied)).toBe('FORBIDDEN');
    const bulk = fx.bulk[0]!;
    const res = await h.gql<{ transferMember: { version: number; orgUnit: { id: string }; proof: { document: { org: string } } } }>(
      tr,
      { id: bulk.id, to: fx.units.b1g.id },
      secretary,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.transferMember.version).toBe(2);
    expect(res.data!.transferMember.proof.document.org).toBe(fx.units.b1g.id);
    const outside = await h.gql(tr, { id: fx.bulk[1]!.id, to: fx.units.b3.id }, secretary);
    expect(codeOf(outside)).toBe('FORBIDDEN');
    const notBranch = await h.gql(tr, { id: fx.bulk[1]!.id, to: fx.units.g1.id }, admin);
    expect(codeOf(notBranch)).toBe('BAD_USER_INPUT');
    const same = await h.gql(tr, { id: fx.bulk[1]!.id, to: fx.units.b1.id }, admin);
    expect(codeOf(same)).toBe('BAD_USER_INPUT');
  });

  it('says NOT_FOUND for unknown ids and BAD_USER_INPUT for malformed ones', async () => {
    const q = `query($id: ID!) { member(id: $id) { id } }`;
    expect(codeOf(await h.gql(q, { id: '00000000-0000-4000-8000-000000000000' }, admin))).toBe('NOT_FOUND');
    expect(codeOf(await h.gql(q, { id: 'abc' }, admin))).toBe('BAD_USER_INPUT');
    const rec = `query { record(type: "Nope", id: "00000000-0000-4000-8000-000000000000") { version } }`;
    expect(codeOf(await h.gql(rec, {}, admin))).toBe('BAD_USER_INPUT');
  });
});
