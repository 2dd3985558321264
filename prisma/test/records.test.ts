import { describe, expect, it } from 'vitest';
import { dmmf } from '../src/dmmf.js';
import { PRIVATE_FIELDS, recordData, recordFields, recordOrg, VERIFIABLE_MODELS } from '../src/records.js';

describe('record data', () => {
  it('covers verifiable models that all have id, version, an owning unit and timestamps', () => {
    for (const model of VERIFIABLE_MODELS) {
      const m = dmmf.datamodel.models.find((x) => x.name === model);
      expect(m, model).toBeDefined();
      const names = m!.fields.map((f) => f.name);
      for (const f of ['id', 'version', 'createdAt', 'updatedAt']) expect(names, `${model}.${f}`).toContain(f);
      if (model !== 'OrgUnit') expect(names, `${model}.orgUnitId`).toContain('orgUnitId');
      const id = m!.fields.find((f) => f.name === 'id')!;
      expect(id.nativeType?.[0], `${model}.id is a uuid`).toBe('Uuid');
    }
  });

  it('leaves the envelope and private fields out', () => {
    const fields = recordFields('Member').map((f) => f.name);
    for (const f of ['id', 'version', 'orgUnitId', 'createdAt', 'updatedAt', ...PRIVATE_FIELDS.Member!]) expect(fields).not.toContain(f);
    expect(fields).toEqual(expect.arrayContaining(['name', 'stage', 'status', 'fullMemberSince', 'birthDate']));
    expect(recordFields('Meeting').map((f) => f.name)).not.toContain('checkInCode');
  });

  it('reads an enum array the same from Prisma (an array) and from plain SQL (its text literal)', () => {
    const row = { title: 't', body: 'b', audience: 'ROLES', memberIds: [], decisionId: null, publishedById: null, publishedAt: new Date('2026-12-01T00:00:00Z'), remindedAt: null, withdrawnAt: null };
    const fromPrisma = recordData('Notice', { ...row, roles: ['SECRETARY', 'LEADER'] });
    expect(recordData('Notice', { ...row, roles: '{SECRETARY,LEADER}' })).toEqual(fromPrisma);
    expect(recordData('Notice', { ...row, roles: '{}' }).roles).toEqual([]);
  });

  it('turns row values into JSON: dates, timestamps, bytes, big integers, nulls', () => {
    const data = recordData('Member', {
      id: 'x',
      name: '王伟',
      birthDate: new Date('1990-05-06T00:00:00Z'),
      fullMemberSince: null,
      phone: '13800000000',
      nationalIdHash: Buffer.alloc(32),
      probationExtended: false,
    });
    expect(data.birthDate).toBe('1990-05-06');
    expect(data.fullMemberSince).toBeNull();
    expect(data.occupation).toBeNull();
    expect(data).not.toHaveProperty('phone');
    expect(data).not.toHaveProperty('nationalIdHash');
    const snap = recordData('AnalyticsSnapshot', {
      inputRoot: Uint8Array.from([0xab, 0x01]),
      asOfPosition: 12345678901234567890n,
      publishedAt: new Date('2026-10-31T01:00:00.123Z'),
      figures: { total: 3 },
    });
    expect(snap).toMatchObject({ inputRoot: 'ab01', asOfPosition: '12345678901234567890', publishedAt: '2026-10-31T01:00:00.123Z', figures: { total: 3 } });
    expect(recordData('Ballot', { choices: ['a', 'b'] }).choices).toEqual(['a', 'b']);
  });

  it('names the owning unit; an org unit owns its own records', () => {
    expect(recordOrg('OrgUnit', { id: 'u1' })).toBe('u1');
    expect(recordOrg('Member', { id: 'm1', orgUnitId: 'u2' })).toBe('u2');
    expect(() => recordOrg('Member', { id: 'm1' })).toThrow(/no orgUnitId/);
  });
});
