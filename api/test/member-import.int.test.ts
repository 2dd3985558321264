// importMembers through GraphQL on a real database: a dry run reports per-row errors and writes
// nothing; one bad row means nothing is written; good rows are all written, each with its record
// document; duplicate ID numbers are caught within the file and against members on record in the
// caller's scope; the row limit; and who may import into which unit.
import { describe, expect, it } from 'vitest';
import { makeNationalId } from '../src/modules/members/national-id.js';
import { MAX_IMPORT_ROWS } from '../src/modules/members/import.js';
import { codeOf, ok, type Caller } from './harness.js';
import { apiSuite } from './suite.js';

const { h, fx, as } = apiSuite({ sessions: ['admin', 'leader', 'secretary', 'member', 'otherSecretary'] });

const IMPORT = `mutation($unit: ID!, $rows: [MemberImportRow!]!, $dry: Boolean!) { importMembers(unitId: $unit, rows: $rows, dryRun: $dry) {
  dryRun written total okCount errorCount skippedCount rows { row ok skipped duplicateOfRow duplicateOfMemberId likelyDuplicateOfMemberId memberId errors { field message messageZh } } } }`;
const IMPORT_CONFIRMED = `mutation($unit: ID!, $rows: [MemberImportRow!]!, $dry: Boolean!, $confirm: [Int!]) { importMembers(unitId: $unit, rows: $rows, dryRun: $dry, confirmRows: $confirm) {
  written okCount errorCount skippedCount rows { row ok skipped likelyDuplicateOfMemberId duplicateOfMemberId memberId } } }`;

type Result = {
  importMembers: {
    dryRun: boolean; written: boolean; total: number; okCount: number; errorCount: number; skippedCount: number;
    rows: {
      row: number; ok: boolean; skipped: boolean; duplicateOfRow: number | null; duplicateOfMemberId: string | null; likelyDuplicateOfMemberId: string | null;
      memberId: string | null; errors: { field: string; message: string; messageZh: string }[];
    }[];
  };
};

/** A valid row as a spreadsheet holds it: Chinese labels, dates as text. */
function row(i: number, extra: Record<string, string | null> = {}) {
  const birth = `1985-0${(i % 9) + 1}-1${i % 10}`;
  return {
    name: `导入党员${i}`, gender: i % 2 ? '男' : '女', birthDate: birth, ethnicity: '汉族', education: '大学本科',
    stage: '正式党员', appliedOn: '2010-03-01', fullMemberSince: '2012-07-01',
    nationalId: makeNationalId('310101', birth, i % 2 ? 101 : 102), phone: '13912345678', ...extra,
  };
}

const countIn = (unitId: string) => h.prisma.member.count({ where: { orgUnitId: unitId } });
const importRun = (rows: unknown[], dry: boolean, who: Caller = as.secretary, unit = fx.units.b1.id) => h.gql<Result>(IMPORT, { unit, rows, dry }, who);

describe('importing members', () => {
  it('a dry run reports each row and writes nothing', async () => {
    const before = await h.prisma.member.count();
    const outboxBefore = await h.prisma.outboxRecord.count();
    const res = ok(await importRun([row(1), row(2), { ...row(3), birthDate: '1985/13/40', education: '文盲', gender: '' }, row(4, { stage: '预备党员', fullMemberSince: null })], true));
    expect(res.importMembers).toMatchObject({ dryRun: true, written: false, total: 4, okCount: 2, errorCount: 2 });
    expect(res.importMembers.rows.map((r) => r.ok)).toEqual([true, true, false, false]);
    expect(res.importMembers.rows[2]!.errors.map((e) => e.field)).toEqual(['gender', 'education', 'birthDate']);
    expect(res.importMembers.rows[2]!.errors[2]!.messageZh).toContain('1985/13/40');
    // The stage's date comes from createMember's own validation.
    expect(res.importMembers.rows[3]!.errors).toEqual([expect.objectContaining({ field: 'probationarySince', message: 'is required for a member at stage PROBATIONARY.' })]);
    expect(await h.prisma.member.count()).toBe(before);
    expect(await h.prisma.outboxRecord.count()).toBe(outboxBefore);
    // Even when every row is good.
    const good = ok(await importRun([row(1), row(2)], true));
    expect(good.importMembers).toMatchObject({ okCount: 2, errorCount: 0, written: false });
    expect(await h.prisma.member.count()).toBe(before);
  });

  it('writes nothing when any row is bad', async () => {
    const before = await countIn(fx.units.b1.id);
    const res = ok(await importRun([row(1), row(2), row(3, { phone: '123' })], false));
    expect(res.importMembers).toMatchObject({ dryRun: false, written: false, okCount: 2, errorCount: 1 });
    expect(res.importMembers.rows[2]!.errors.map((e) => e.field)).toEqual(['phone']);
    expect(res.importMembers.rows.every((r) => r.memberId === null)).toBe(true);
    expect(await countIn(fx.units.b1.id)).toBe(before);
  });

  it('catches duplicate ID numbers within the file and against members on record', async () => {
    const res = ok(await importRun([row(1), row(2), row(5, { nationalId: row(1).nationalId, birthDate: row(1).birthDate, gender: row(1).gender }), row(6, { nationalId: fx.nationalIds.m1, birthDate: '1990-05-17', gender: '男' })], true));
    const [, , dupFile, dupDb] = res.importMembers.rows;
    expect(dupFile).toMatchObject({ ok: false, duplicateOfRow: 1, duplicateOfMemberId: null });
    expect(dupFile!.errors[0]!.messageZh).toContain('第 1 行');
    expect(dupDb).toMatchObject({ ok: false, duplicateOfRow: null, duplicateOfMemberId: fx.members.m1.id });
    // Someone who may not see the member on record learns nothing: the row passes as a new number
    // would (the claim is held for the level above both: identity-oracle.int.test.ts).
    const b3 = ok(await importRun([row(6, { nationalId: fx.nationalIds.m1, birthDate: '1990-05-17', gender: '男' })], true, as.otherSecretary, fx.units.b3.id));
    expect(b3.importMembers.rows[0]).toMatchObject({ ok: true, duplicateOfMemberId: null, errors: [] });
  });

  it('writes every good row, each with its version-1 record, in one go', async () => {
    const before = await countIn(fx.units.b1g.id);
    const rows = Array.from({ length: 50 }, (_, i) => row(100 + i));
    // Distinct numbers; the sequence's parity is the gender, so it follows the row's.
    rows.forEach((r, i) => (r.nationalId = makeNationalId('310101', r.birthDate, 300 + 2 * i + (r.gender === '男' ? 1 : 0))));
    const started = Date.now();
    const res = ok(await importRun(rows, false, as.secretary, fx.units.b1g.id));
    const ms = Date.now() - started;
    expect(res.importMembers).toMatchObject({ written: true, total: 50, okCount: 50, errorCount: 0 });
    expect(await countIn(fx.units.b1g.id)).toBe(before + 50);
    const ids = res.importMembers.rows.map((r) => r.memberId!);
    expect(new Set(ids).size).toBe(50);
    const members = await h.prisma.member.findMany({ where: { id: { in: ids } } });
    expect(members.map((m) => m.name).sort()).toEqual(rows.map((r) => r.name).sort());
    const first = members.find((m) => m.id === ids[0])!;
    expect(first).toMatchObject({ stage: 'FULL', education: 'BACHELOR', gender: rows[0]!.gender === '男' ? 'MALE' : 'FEMALE', version: 1 });
    expect(first.nationalIdHash).not.toBeNull();
    const records = await h.prisma.outboxRecord.findMany({ where: { entityType: 'Member', entityId: { in: ids } } });
    expect(records).toHaveLength(50);
    expect(records.every((r) => r.version === 1)).toBe(true);
    console.log(`imported 50 members with records in ${ms} ms`);
    // The same file again: every row is now a duplicate of a member on record.
    const again = ok(await importRun(rows.slice(0, 3), true, as.secretary, fx.units.b1g.id));
    expect(again.importMembers.rows.map((r) => r.duplicateOfMemberId)).toEqual(ids.slice(0, 3));
  });

  it('reports a member of your scope with the same name and birth date as a likely duplicate, and imports it only when confirmed', async () => {
    // 李四 (b1g) and 赵六 (b3, outside the secretary's b1) were born 1990-05-17 and have no ID number on file.
    const noId = (name: string) => ({ ...row(0), name, birthDate: '1990-5-17', nationalId: null });
    const rows = [noId('李 四'), noId('赵六'), noId('新人甲')];
    const dry = ok(await importRun(rows, true));
    expect(dry.importMembers).toMatchObject({ okCount: 3, errorCount: 0, skippedCount: 1 });
    expect(dry.importMembers.rows.map((r) => [r.likelyDuplicateOfMemberId, r.skipped])).toEqual([[fx.members.m2.id, true], [null, false], [null, false]]);
    // ADMIN sees b3 too.
    const admin = ok(await importRun(rows, true, as.admin));
    expect(admin.importMembers.rows.map((r) => r.likelyDuplicateOfMemberId)).toEqual([fx.members.m2.id, fx.members.m4.id, null]);
    // Someone with a different ID number on file is not the same person.
    expect(ok(await importRun([{ ...row(0), name: '张三', birthDate: '1990-05-17', nationalId: makeNationalId('310101', '1990-05-17', 111) }], true)).importMembers.rows[0]!.likelyDuplicateOfMemberId).toBeNull();

    const confirmed = (confirm: number[]) => h.gql<Result>(IMPORT_CONFIRMED, { unit: fx.units.b1.id, rows: [noId('李四')], dry: false, confirm }, as.secretary);
    const before = await countIn(fx.units.b1.id);
    const skipped = ok(await confirmed([]));
    expect(skipped.importMembers).toMatchObject({ written: false, skippedCount: 1, rows: [{ skipped: true, memberId: null }] });
    expect(await countIn(fx.units.b1.id)).toBe(before);
    const taken = ok(await confirmed([1]));
    expect(taken.importMembers).toMatchObject({ written: true, skippedCount: 0, rows: [{ skipped: false, likelyDuplicateOfMemberId: fx.members.m2.id }] });
    expect(await countIn(fx.units.b1.id)).toBe(before + 1);
  });

  it('importing the same file twice adds no one twice', async () => {
    const file = [
      { ...row(0), name: `刘晓东`, birthDate: '1979-03-08', nationalId: null },
      { ...row(7), name: '重复导入乙' },
      { ...row(8), name: '重复导入丙', nationalId: null },
    ];
    const first = ok(await importRun(file, false, as.secretary, fx.units.b1g.id));
    expect(first.importMembers).toMatchObject({ written: true, skippedCount: 0 });
    const ids = first.importMembers.rows.map((r) => r.memberId);
    const count = await h.prisma.member.count();

    const dry = ok(await importRun(file, true, as.secretary, fx.units.b1g.id));
    expect(dry.importMembers).toMatchObject({ okCount: 3, errorCount: 0, skippedCount: 3 });
    expect(dry.importMembers.rows.map((r) => r.likelyDuplicateOfMemberId ?? r.duplicateOfMemberId)).toEqual(ids);
    // Into the parent branch as well: the scope is the caller's, not the unit's.
    const again = ok(await importRun(file, false, as.secretary, fx.units.b1.id));
    expect(again.importMembers).toMatchObject({ written: false, skippedCount: 3 });
    expect(again.importMembers.rows.every((r) => r.skipped && r.memberId === null)).toBe(true);
    expect(await h.prisma.member.count()).toBe(count);
    expect(await h.prisma.member.count({ where: { name: '刘晓东' } })).toBe(1);

    // A file with one new row: only that one is written.
    const more = ok(await importRun([...file, { ...row(9), name: '重复导入丁', nationalId: null }], false, as.secretary, fx.units.b1g.id));
    expect(more.importMembers).toMatchObject({ written: true, skippedCount: 3 });
    expect(more.importMembers.rows.map((r) => r.memberId !== null)).toEqual([false, false, false, true]);
    expect(await h.prisma.member.count()).toBe(count + 1);
  });

  it('refuses an empty file and more than the row limit', async () => {
    expect(codeOf(await importRun([], true))).toBe('BAD_USER_INPUT');
    const tooMany = await importRun(Array.from({ length: MAX_IMPORT_ROWS + 1 }, () => ({ name: 'x' })), true);
    expect(codeOf(tooMany)).toBe('BAD_USER_INPUT');
    expect(tooMany.errors![0]!.message).toContain(`at most ${MAX_IMPORT_ROWS}`);
  });

  it('imports only into branches and groups of your own subtree', async () => {
    expect(codeOf(await importRun([row(1)], true, as.otherSecretary, fx.units.b1.id))).toBe('FORBIDDEN');
    expect(codeOf(await importRun([row(1)], true, as.leader))).toBe('FORBIDDEN');
    expect(codeOf(await importRun([row(1)], true, as.member))).toBe('FORBIDDEN');
    expect(codeOf(await importRun([row(1)], true, {}))).toBe('UNAUTHENTICATED');
    const general = await importRun([row(1)], true, as.admin, fx.units.g1.id);
    expect(codeOf(general)).toBe('BAD_USER_INPUT');
    expect((general.errors![0]!.extensions.fields as { field: string }[])[0]!.field).toBe('unitId');
    expect(ok(await importRun([row(1)], true, as.admin, fx.units.b3.id)).importMembers.okCount).toBe(1);
  });
});
