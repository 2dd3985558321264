// The hand-written integrity rules, exercised through the generated Prisma client and SQL.
import { canonicalize, leafHash, makeDocument } from '@lianjian/verify';
import { createHash } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db.js';
import { createPrisma, Prisma, recordData, recordOrg, type PrismaClient, type VerifiableModel } from '../src/index.js';

let prisma: PrismaClient;
let sql: pg.Client;

beforeAll(async () => {
  const db = await createTestDatabase();
  prisma = createPrisma(db.url);
  sql = new pg.Client({ connectionString: db.url });
  await sql.connect();
});
afterAll(async () => {
  await prisma?.$disconnect();
  await sql?.end();
});

type Row = { id: string; version: number; orgUnitId?: string; updatedAt: Date };

async function appendRecord(tx: Prisma.TransactionClient, model: VerifiableModel, row: Row): Promise<void> {
  const org = recordOrg(model, row);
  const doc = makeDocument({ type: model, id: row.id, version: row.version, org, at: row.updatedAt.toISOString(), actor: 'system', data: recordData(model, row) });
  await tx.$executeRaw`INSERT INTO outbox_record (entity_type, entity_id, version, org_unit_id, document, leaf)
    VALUES (${model}, ${row.id}::uuid, ${row.version}, ${org}::uuid, ${canonicalize(doc)}, ${Buffer.from(leafHash(doc))})`;
}

/** Writes a verifiable row and its outbox record in one transaction, as the API does. */
function recorded<T extends Row>(model: VerifiableModel, write: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  return prisma.$transaction(async (tx) => {
    const row = await write(tx);
    await appendRecord(tx, model, row);
    return row;
  });
}

const unit = (name: string, parentId: string | null, kind: 'COMMITTEE' | 'GENERAL_BRANCH' | 'BRANCH' | 'GROUP') =>
  recorded('OrgUnit', (tx) => tx.orgUnit.create({ data: { name, code: name, kind, province: '北京市', parentId } }));

describe('org unit tree', () => {
  it('fills path and level from the parent, and rewrites a moved subtree', async () => {
    const root = await unit('root', null, 'COMMITTEE');
    const a = await unit('a', root.id, 'GENERAL_BRANCH');
    const b = await unit('b', root.id, 'GENERAL_BRANCH');
    const leaf = await unit('leaf', a.id, 'BRANCH');
    const group = await unit('group', leaf.id, 'GROUP');
    expect(root.path).toBe(`/${root.no}/`);
    expect(group.path).toBe(`/${root.no}/${a.no}/${leaf.no}/${group.no}/`);
    expect(group.level).toBe(3);

    // A move changes the descendants' path: each gets a new version, whose record the writer adds.
    await prisma.$transaction(async (tx) => {
      const movedLeaf = await tx.orgUnit.update({ where: { id: leaf.id }, data: { parentId: b.id, version: { increment: 1 } } });
      await appendRecord(tx, 'OrgUnit', movedLeaf);
      for (const d of await tx.orgUnit.findMany({ where: { path: { startsWith: movedLeaf.path }, id: { not: movedLeaf.id } } })) {
        await appendRecord(tx, 'OrgUnit', d);
      }
    });
    const moved = await prisma.orgUnit.findUniqueOrThrow({ where: { id: group.id } });
    expect(moved.path).toBe(`/${root.no}/${b.no}/${leaf.no}/${group.no}/`);
    expect(moved.level).toBe(3);
    expect(moved.version).toBe(2);
    // Without the descendants' records the move is refused at commit.
    await expect(
      recorded('OrgUnit', (tx) => tx.orgUnit.update({ where: { id: leaf.id }, data: { parentId: a.id, version: { increment: 1 } } })),
    ).rejects.toThrow(new RegExp(`OrgUnit ${group.id} version 3 changed without its outbox record`));

    const subtree = await prisma.orgUnit.findMany({ where: { path: { startsWith: `/${root.no}/${b.no}/` } }, orderBy: { level: 'asc' } });
    expect(subtree.map((u) => u.name)).toEqual(['b', 'leaf', 'group']);

    await expect(
      recorded('OrgUnit', (tx) => tx.orgUnit.update({ where: { id: b.id }, data: { parentId: group.id, version: { increment: 1 } } })),
    ).rejects.toThrow(/own subtree/);
  });

  it('refuses a change to a verifiable row without its record', async () => {
    await expect(prisma.orgUnit.create({ data: { name: 'bare', code: 'bare', kind: 'COMMITTEE', province: '北京市' } })).rejects.toThrow(
      /without its outbox record/,
    );
  });

  it('uses the prefix index for subtree scans', async () => {
    await sql.query('SET enable_seqscan = off');
    const plan = await sql.query<{ 'QUERY PLAN': string }>(`EXPLAIN SELECT id FROM org_unit WHERE path LIKE '/1/2/%'`);
    await sql.query('RESET enable_seqscan');
    expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).toMatch(/Index.*org_unit_path/);
  });
});

describe('points ledger', () => {
  it('is append-only', async () => {
    const root = await unit('p-root', null, 'COMMITTEE');
    const m = await recorded('Member', (tx) =>
      tx.member.create({
        data: { orgUnitId: root.id, name: '张三', gender: 'MALE', birthDate: new Date('1990-01-01'), ethnicity: '汉族', education: 'BACHELOR', stage: 'FULL' },
      }),
    );
    const e = await recorded('PointsEntry', (tx) =>
      tx.pointsEntry.create({ data: { orgUnitId: root.id, memberId: m.id, points: 5, occurredOn: new Date('2026-10-01'), reason: '参加支部大会' } }),
    );
    await expect(prisma.pointsEntry.update({ where: { id: e.id }, data: { points: 50 } })).rejects.toThrow(/append-only/);
    await expect(prisma.pointsEntry.delete({ where: { id: e.id } })).rejects.toThrow(/append-only/);
    const fix = await recorded('PointsEntry', (tx) =>
      tx.pointsEntry.create({ data: { orgUnitId: root.id, memberId: m.id, points: -5, occurredOn: new Date('2026-10-02'), reason: '更正', correctsId: e.id } }),
    );
    const total = await prisma.pointsEntry.aggregate({ where: { memberId: m.id }, _sum: { points: true } });
    expect(total._sum.points).toBe(0);
    expect(fix.correctsId).toBe(e.id);
  });
});

describe('outbox log', () => {
  const leaf = (s: string) => createHash('sha256').update(s).digest();

  it('stamps the writing transaction and checks leaf size and uniqueness', async () => {
    const entityId = '00000000-0000-4000-8000-000000000001';
    const xact = (await sql.query<{ x: string }>('SELECT pg_current_xact_id()::text AS x')).rows[0]!.x;
    // Outside a transaction block each statement is its own transaction: the next xid.
    const inserted = await sql.query<{ xid: string }>(
      `INSERT INTO outbox_record (entity_type, entity_id, version, org_unit_id, document, leaf)
       VALUES ('Member', $1, 1, $1, '{"v":1}', $2) RETURNING xid::text`,
      [entityId, leaf('a')],
    );
    expect(BigInt(inserted.rows[0]!.xid)).toBeGreaterThan(BigInt(xact));
    await expect(
      sql.query(`INSERT INTO outbox_record (entity_type, entity_id, version, org_unit_id, document, leaf) VALUES ('Member', $1, 2, $1, '{}', $2)`, [
        entityId,
        Buffer.alloc(31),
      ]),
    ).rejects.toThrow(/outbox_record_leaf_size/);
    await expect(
      sql.query(`INSERT INTO outbox_record (entity_type, entity_id, version, org_unit_id, document, leaf) VALUES ('Member', $1, 1, $1, '{}', $2)`, [
        entityId,
        leaf('dup'),
      ]),
    ).rejects.toThrow(/outbox_record_entity_type_entity_id_version_key/);
    await expect(sql.query(`UPDATE outbox_record SET document = '{"v":2}' WHERE entity_id = $1`, [entityId])).rejects.toThrow(/append-only/);
    await expect(sql.query('DELETE FROM outbox_record WHERE entity_id = $1', [entityId])).rejects.toThrow(/append-only/);
  });

  it('checks batch ranges and level sizes', async () => {
    const root = Buffer.alloc(32, 1);
    await expect(
      sql.query(`INSERT INTO batch (seq, first_position, last_position, size, root, prev_root) VALUES (1, 0, 9, 9, $1, $1)`, [root]),
    ).rejects.toThrow(/batch_range/);
    await sql.query(`INSERT INTO batch (seq, first_position, last_position, size, root, prev_root) VALUES (1, 0, 9, 10, $1, $1)`, [root]);
    await expect(sql.query(`INSERT INTO batch_level (batch_seq, level, hashes) VALUES (1, 0, $1)`, [Buffer.alloc(33)])).rejects.toThrow(
      /batch_level_hashes_size/,
    );
    await sql.query(`INSERT INTO batch_level (batch_seq, level, hashes) VALUES (1, 0, $1)`, [Buffer.alloc(320)]);
  });
});
