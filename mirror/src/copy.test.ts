// COPY's binary rows as Postgres reads them (the integration test stores pages through them; here
// each field's bytes, the nulls, and what is refused before anything is sent).
import { describe, expect, it } from 'vitest';
import { copyRows } from './copy.js';
import type { StoredDocument } from './store.js';

const doc = (patch: Partial<StoredDocument> = {}): StoredDocument => ({
  position: 2 ** 40 + 7,
  type: 'Member',
  entityId: '0b5c9a8e-2f3a-4c1d-9e8f-123456789abc',
  version: 3,
  org: '1b5c9a8e-2f3a-4c1d-9e8f-123456789abd',
  batchSeq: 12,
  document: Buffer.from('{"data":{"名":"党员\\n"}}'),
  leaf: Buffer.alloc(32, 0xab),
  bundle: null,
  leafIndex: 5,
  ...patch,
});

/** The rows back as each field's bytes (null for NULL), checking the header and trailer. */
function fieldsOf(out: Buffer): (Buffer | null)[][] {
  expect(out.subarray(0, 11).toString('latin1')).toBe('PGCOPY\n\xff\r\n\0');
  expect(out.readInt32BE(11)).toBe(0);
  expect(out.readInt32BE(15)).toBe(0);
  const rows: (Buffer | null)[][] = [];
  let at = 19;
  for (let n = out.readInt16BE(at); n !== -1; n = out.readInt16BE(at)) {
    at += 2;
    const row: (Buffer | null)[] = [];
    for (let f = 0; f < n; f++) {
      const length = out.readInt32BE(at);
      at += 4;
      row.push(length < 0 ? null : out.subarray(at, (at += length)));
    }
    rows.push(row);
  }
  expect(at + 2).toBe(out.length);
  return rows;
}

describe('copyRows', () => {
  it("writes each column's bytes: numbers big-endian, uuids as 16 bytes, texts as their UTF-8 bytes, nulls as -1", () => {
    const rows = fieldsOf(copyRows([doc(), doc({ position: 1, document: '{"a":"x\\\\y"}', bundle: '{"v":1}', leafIndex: undefined })], '9'));
    expect(rows).toHaveLength(2);
    const [position, type, id, version, org, seq, document, leaf, bundle, set, index] = rows[0]!;
    expect(position!.readBigInt64BE()).toBe(2n ** 40n + 7n);
    expect(type!.toString()).toBe('Member');
    expect(id!.toString('hex')).toBe('0b5c9a8e2f3a4c1d9e8f123456789abc');
    expect(version!.readInt32BE()).toBe(3);
    expect(org!.toString('hex')).toBe('1b5c9a8e2f3a4c1d9e8f123456789abd');
    expect(seq!.readInt32BE()).toBe(12);
    expect(document!.toString()).toBe('{"data":{"名":"党员\\n"}}');
    expect(leaf!.equals(Buffer.alloc(32, 0xab))).toBe(true);
    expect(bundle).toBeNull();
    expect(set!.readBigInt64BE()).toBe(9n);
    expect(index!.readInt32BE()).toBe(5);
    // A text given as a string goes in as its bytes, nothing escaped; a leaf index without one is NULL.
    expect(rows[1]![6]!.toString()).toBe('{"a":"x\\\\y"}');
    expect(rows[1]![8]!.toString()).toBe('{"v":1}');
    expect(rows[1]![10]).toBeNull();
  });

  it('writes set and leaf index as NULL for a page without a proof set', () => {
    const [row] = fieldsOf(copyRows([doc()], null));
    expect(row![9]).toBeNull();
    expect(row![10]).toBeNull();
  });

  it('refuses an id or unit that is not a uuid, naming it', () => {
    expect(() => copyRows([doc({ entityId: 'not-a-uuid' })], null)).toThrow(/not a uuid: "not-a-uuid"/);
    expect(() => copyRows([doc({ org: '0b5c9a8e-2f3a-4c1d-9e8f-123456789abz' })], null)).toThrow(/not a uuid/);
  });
});
