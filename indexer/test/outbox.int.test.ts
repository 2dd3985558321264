// The outbox contract inside a Prisma interactive transaction (the API's way), and the database
// rule behind it: no verifiable row changes without its record from the same transaction.
import { createPrisma, recordData, type PrismaClient } from '@lianjian/db';
import { parseBundle } from '@lianjian/verify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db.js';
import { Indexer } from '../src/indexer.js';
import { appendRecord, appendRecords } from '../src/outbox.js';
import { getProofBundle, getProofs } from '../src/proof.js';
import { waitFor, withClient } from './helpers.js';

let url: string;
let prisma: PrismaClient;

beforeAll(async () => {
  url = (await createTestDatabase()).url;
  prisma = createPrisma(url, { max: 4, log: ['warn'] });
});
afterAll(async () => {
  await prisma?.$disconnect();
});

async function createUnit(code: string) {
  return prisma.$transaction(async (tx) => {
    const unit = await tx.orgUnit.create({ data: { kind: 'BRANCH', name: `支部 ${code}`, code, province: '北京' } });
    const record = await appendRecord(tx, { type: 'OrgUnit', id: unit.id, version: 1, org: unit.id, actor: 'system', data: recordData('OrgUnit', unit) });
    return { unit, record };
  });
}

describe('outbox in a Prisma interactive transaction', () => {
  it('writes the row and its record atomically, and the proof reads back through Prisma', async () => {
    const { unit, record } = await createUnit('U-1');
    expect(record.document).toMatchObject({ type: 'OrgUnit', id: unit.id, version: 1, org: unit.id });
    const stored = await prisma.outboxRecord.findFirstOrThrow({ where: { entityType: 'OrgUnit', entityId: unit.id } });
    expect(stored.document).toBe(record.text);
    expect(Buffer.from(stored.leaf).equals(Buffer.from(record.leaf))).toBe(true);

    const pending = await getProofBundle(prisma, { type: 'OrgUnit', id: unit.id });
    expect(pending).toMatchObject({ status: 'PENDING', bundle: null, documentText: record.text });

    const indexer = new Indexer({ databaseUrl: url, policy: { maxWaitMs: 10, maxUnanchored: 1_000 } });
    await indexer.start();
    try {
      const proof = await waitFor('batched', async () => {
        const p = await getProofBundle(prisma, { type: 'OrgUnit', id: unit.id, version: 1 });
        return p?.bundle ? p : undefined;
      });
      expect(parseBundle(JSON.stringify(proof.bundle))).toEqual(proof.bundle);
      expect(proof.bundle!.anchor).toBeNull();
    } finally {
      await indexer.stop();
    }
  });

  it('rolls the record back with the transaction', async () => {
    await expect(
      prisma.$transaction(async (tx) => {
        const unit = await tx.orgUnit.create({ data: { kind: 'BRANCH', name: 'rolled back', code: 'U-RB', province: '北京' } });
        await appendRecord(tx, { type: 'OrgUnit', id: unit.id, version: 1, org: unit.id, actor: 'system', data: recordData('OrgUnit', unit) });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await prisma.outboxRecord.count({ where: { entityType: 'OrgUnit', document: { contains: 'U-RB' } } })).toBe(0);
  });

  it('refuses a verifiable row changed without its record, and accepts it with one', async () => {
    const { unit } = await createUnit('U-2');
    // Data changed, no record: refused at commit.
    await expect(prisma.orgUnit.update({ where: { id: unit.id }, data: { name: 'renamed without a record' } })).rejects.toThrow(/without its outbox record/);
    // Version bumped, no record: refused.
    await expect(prisma.orgUnit.update({ where: { id: unit.id }, data: { version: 2 } })).rejects.toThrow(/without its outbox record/);
    // A record from another transaction does not count.
    await withClient(url, async (c) => {
      await c.query('BEGIN');
      await appendRecords(c, [{ type: 'OrgUnit', id: unit.id, version: 2, org: unit.id, actor: 'system', data: {} }]);
      await c.query('COMMIT');
    });
    await expect(prisma.orgUnit.update({ where: { id: unit.id }, data: { version: 2, name: 'v2' } })).rejects.toThrow(/without its outbox record/);
    // Columns that are not record data (updated_at) may change freely.
    await prisma.orgUnit.update({ where: { id: unit.id }, data: { updatedAt: new Date() } });
    // The API's way: change and record in one transaction.
    const v3 = await prisma.$transaction(async (tx) => {
      const row = await tx.orgUnit.update({ where: { id: unit.id }, data: { version: 3, name: '第三版' } });
      await appendRecord(tx, { type: 'OrgUnit', id: row.id, version: row.version, org: row.id, actor: 'system', data: recordData('OrgUnit', row) });
      return row;
    });
    expect(v3.name).toBe('第三版');
    const [latest, v2, missing] = await getProofs(prisma, [
      { type: 'OrgUnit', id: unit.id },
      { type: 'OrgUnit', id: unit.id, version: 2 },
      { type: 'OrgUnit', id: unit.id, version: 9 },
    ]);
    expect(latest!.document.version).toBe(3);
    expect(latest!.document.data.name).toBe('第三版');
    expect(v2!.document.version).toBe(2);
    expect(missing).toBeNull();
  });

  it('refuses to change or delete the ledger', async () => {
    await expect(withClient(url, (c) => c.query(`UPDATE outbox_record SET document = document WHERE id = (SELECT min(id) FROM outbox_record)`))).rejects.toThrow(/append-only/);
    await expect(withClient(url, (c) => c.query(`DELETE FROM outbox_record`))).rejects.toThrow(/append-only/);
    await expect(withClient(url, (c) => c.query(`TRUNCATE outbox_record CASCADE`))).rejects.toThrow(/append-only/);
  });
});
