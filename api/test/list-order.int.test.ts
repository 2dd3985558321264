// Lists in an order people recognise (#18 item 19): members by the pinyin of their names, sorted
// in the database so that every page continues the one before; org units depth first with
// siblings in their set order (sortOrder, then number) — not by character code, where 张 comes
// before 李 and unit 10 before unit 9.
import { recordData, type Member, type OrgUnit } from '@lianjian/db';
import { appendRecords } from '@lianjian/indexer';
import { beforeAll, describe, expect, it } from 'vitest';
import { ok } from './harness.js';
import { apiSuite } from './suite.js';

const { h, fx, as: { admin } } = apiSuite({ sessions: ['admin'] });
const extra: Record<string, OrgUnit> = {};

// b2 already holds 王五 (m3). Character-code order would be 刘 李 张 王 欧 赵 阿 陈.
const NAMES = ['张伟', '王芳', '李娜', '刘洋', '陈静', '赵磊', '阿强', '欧阳修'];
const PINYIN = ['阿强', '陈静', '李娜', '刘洋', '欧阳修', '王芳', '王五', '张伟', '赵磊'];

beforeAll(async () => {
  await h.prisma.$transaction(async (tx) => {
    const members: Member[] = [];
    for (const name of NAMES) {
      members.push(
        await tx.member.create({
          data: { name, orgUnitId: fx.units.b2.id, gender: 'FEMALE', birthDate: new Date('1991-01-01'), ethnicity: '汉族', education: 'BACHELOR', stage: 'FULL', fullMemberSince: new Date('2016-07-01') },
        }),
      );
    }
    // Under b3: groups created in an order unlike their set order, enough of them that unit
    // numbers reach two digits.
    const units: OrgUnit[] = [];
    for (const [name, sortOrder] of [['丙组', 3], ['甲组', 1], ['戊组', 5], ['乙组', 2], ['丁组', 4]] as const) {
      const u = await tx.orgUnit.create({ data: { name, kind: 'GROUP', parentId: fx.units.b3.id, code: `T-${name}`, province: '北京', sortOrder } });
      units.push(u);
      extra[name] = u;
    }
    const sub = await tx.orgUnit.create({ data: { name: '甲组一班', kind: 'GROUP', parentId: extra['甲组']!.id, code: 'T-甲组一班', province: '北京' } });
    units.push(sub);
    await appendRecords(tx, [
      ...members.map((m) => ({ type: 'Member', id: m.id, version: m.version, org: m.orgUnitId, actor: 'system', data: recordData('Member', m) })),
      ...units.map((u) => ({ type: 'OrgUnit', id: u.id, version: u.version, org: u.id, actor: 'system', data: recordData('OrgUnit', u) })),
    ]);
  });
});

type Conn = { pageInfo: { hasNextPage: boolean; endCursor: string; startCursor: string }; edges: { node: { name: string } }[] };

/** The node names of `list` (queried by `q` under `under`), page after page: at most five pages. */
async function namesPageByPage(list: 'members' | 'orgUnits', q: string, under: string): Promise<string[]> {
  const seen: string[] = [];
  let after: string | undefined;
  for (let i = 0; i < 5; i++) {
    const page = ok(await h.gql<Record<typeof list, Conn>>(q, { under, after }, admin))[list];
    seen.push(...page.edges.map((e) => e.node.name));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return seen;
}

describe('member lists', () => {
  it('sorts members by pinyin in the database: pages of 4 continue one another', async () => {
    const q = `query($under: ID!, $after: String) { members(under: $under, first: 4, after: $after) { pageInfo { hasNextPage endCursor startCursor } edges { node { name } } } }`;
    const seen = await namesPageByPage('members', q, fx.units.b2.id);
    expect(seen).toEqual(PINYIN);
    // Backwards from the end gives the same order.
    const back = ok(await h.gql<{ members: Conn }>(`query($under: ID!) { members(under: $under, last: 3) { edges { node { name } } } }`, { under: fx.units.b2.id }, admin)).members;
    expect(back.edges.map((e) => e.node.name)).toEqual(PINYIN.slice(-3));
  });

  it("sorts a unit's own members by pinyin too", async () => {
    const r = ok(await h.gql<{ orgUnit: { members: Conn } }>(`query($id: ID!) { orgUnit(id: $id) { members(first: 20) { edges { node { name } } } } }`, { id: fx.units.b2.id }, admin));
    expect(r.orgUnit.members.edges.map((e) => e.node.name)).toEqual(PINYIN);
  });
});

describe('org unit lists', () => {
  it('lists units depth first, siblings in their set order, in pages', async () => {
    const q = `query($under: ID!, $after: String) { orgUnits(under: $under, first: 3, after: $after) { pageInfo { hasNextPage endCursor startCursor } edges { node { name } } } }`;
    const seen = await namesPageByPage('orgUnits', q, fx.units.g2.id);
    expect(seen).toEqual(['第二党总支', '第三党支部', '甲组', '甲组一班', '乙组', '丙组', '丁组', '戊组']);
    const back = ok(await h.gql<{ orgUnits: Conn }>(`query($under: ID!) { orgUnits(under: $under, last: 2) { edges { node { name } } } }`, { under: fx.units.g2.id }, admin)).orgUnits;
    expect(back.edges.map((e) => e.node.name)).toEqual(['丁组', '戊组']);
    const before = ok(
      await h.gql<{ orgUnits: Conn }>(`query($under: ID!, $before: String) { orgUnits(under: $under, last: 2, before: $before) { edges { node { name } } } }`, { under: fx.units.g2.id, before: (await cursorOf('乙组')) }, admin),
    ).orgUnits;
    expect(before.edges.map((e) => e.node.name)).toEqual(['甲组', '甲组一班']);
  });

  it('keeps the filters: kind and depth', async () => {
    const q = `query($under: ID!) { orgUnits(under: $under, first: 20, kind: GROUP, maxDepth: 2) { totalCount edges { node { name } } } }`;
    const r = ok(await h.gql<{ orgUnits: Conn & { totalCount: number } }>(q, { under: fx.units.g2.id }, admin)).orgUnits;
    expect(r.edges.map((e) => e.node.name)).toEqual(['甲组', '乙组', '丙组', '丁组', '戊组']);
    expect(r.totalCount).toBe(5);
  });
});

async function cursorOf(name: string): Promise<string> {
  const r = ok(await h.gql<{ orgUnits: { edges: { cursor: string; node: { name: string } }[] } }>(`query($under: ID!) { orgUnits(under: $under, first: 20) { edges { cursor node { name } } } }`, { under: fx.units.g2.id }, admin));
  return r.orgUnits.edges.find((e) => e.node.name === name)!.cursor;
}
