import { describe, expect, it } from 'vitest';
import { copyLine, escapeCopy, tableSpec } from '../src/seed/copy.js';

describe('COPY text encoding', () => {
  it('escapes the characters COPY treats specially', () => {
    expect(escapeCopy('a\tb\nc\\d\re')).toBe('a\\tb\\nc\\\\d\\re');
    expect(escapeCopy('王伟')).toBe('王伟');
  });

  it('writes the columns schema.prisma declares, with typed encodings', () => {
    const spec = tableSpec('Ballot');
    expect(spec.copySql).toBe('COPY "ballot" ("id", "version", "org_unit_id", "vote_id", "receipt_hash", "choices", "created_at", "updated_at") FROM STDIN');
    const line = copyLine(spec, {
      id: 'b1',
      version: 1,
      orgUnitId: 'u1',
      voteId: 'v1',
      receiptHash: Buffer.from([0xde, 0xad]),
      choices: ['o"1', 'o2'],
      createdAt: new Date('2026-10-31T01:02:03.004Z'),
      updatedAt: new Date('2026-10-31T01:02:03.004Z'),
    });
    expect(line).toBe('b1\t1\tu1\tv1\t\\\\xdead\t{"o\\\\"1","o2"}\t2026-10-31T01:02:03.004Z\t2026-10-31T01:02:03.004Z\n');
    const member = copyLine(tableSpec('Member'), { birthDate: new Date('1990-01-02T00:00:00Z'), details: null });
    expect(member.split('\t')[5]).toBe('1990-01-02');
    expect(member.split('\t')[1]).toBe('\\N');
  });
});
