import { describe, expect, it } from 'vitest';
import { crossesProvinces, lapsed, lastValidDay, levelsOf, maskName, normaliseVerifyCode, printedVerifyCode, validUntil } from './rules.js';

describe('transfer letter validity', () => {
  it('is 3 months within a province and 6 across, through the corresponding day', () => {
    expect(validUntil('2026-01-15', false)).toBe('2026-04-15');
    expect(validUntil('2026-01-15', true)).toBe('2026-07-15');
    expect(validUntil('2025-11-30', false)).toBe('2026-02-28'); // no 02-30: the month's last day
  });

  it('names a province the same with or without its suffix', () => {
    expect(crossesProvinces('北京', '北京市')).toBe(false);
    expect(crossesProvinces('广西壮族自治区', '广西')).toBe(false);
    expect(crossesProvinces('北京', '上海市')).toBe(true);
  });

  it('lapses the day after the last valid day', () => {
    expect(lapsed('2026-04-15', '2026-04-15')).toBe(false);
    expect(lapsed('2026-04-15', '2026-04-16')).toBe(true);
  });

  it('never lets a recorded validUntil outlast the window from the day of issue', () => {
    expect(lastValidDay({ issuedOn: '2026-01-15', validUntil: '2027-01-15', crossProvince: false })).toBe('2026-04-15');
    expect(lastValidDay({ issuedOn: '2026-01-15', validUntil: '2027-01-15', crossProvince: true })).toBe('2026-07-15');
    expect(lastValidDay({ issuedOn: '2026-01-15', validUntil: '2026-03-01', crossProvince: true })).toBe('2026-03-01'); // shorter stays
  });
});

describe('transfer letters across levels', () => {
  const u = (id: string, kind: 'COMMITTEE' | 'GENERAL_BRANCH' | 'BRANCH' | 'GROUP') => ({ id, kind });
  const root = u('root', 'COMMITTEE');
  const ca = u('ca', 'COMMITTEE');
  const cb = u('cb', 'COMMITTEE');
  const g1 = u('g1', 'GENERAL_BRANCH');

  it('goes through the lowest common unit, and crosses committees only when the nearest ones differ', () => {
    expect(levelsOf([root, g1, u('b1', 'BRANCH')], [root, g1, u('b2', 'BRANCH')])).toEqual({ via: g1, crossesCommittees: false });
    expect(levelsOf([root, g1, u('b1', 'BRANCH')], [root, u('b3', 'BRANCH')])).toEqual({ via: root, crossesCommittees: false });
    expect(levelsOf([root, ca, u('ba', 'BRANCH')], [root, cb, u('bb', 'BRANCH')])).toEqual({ via: root, crossesCommittees: true });
    // Into a committee below the issuing one's: still two committees, the upper one countersigns.
    expect(levelsOf([root, u('b1', 'BRANCH')], [root, ca, u('ba', 'BRANCH')])).toEqual({ via: root, crossesCommittees: true });
    expect(levelsOf([u('x', 'BRANCH')], [u('y', 'BRANCH')])).toEqual({ via: null, crossesCommittees: false });
    // A group to its own branch goes through no other level.
    const b1 = u('b1', 'BRANCH');
    expect(levelsOf([root, g1, b1, u('b1g', 'GROUP')], [root, g1, b1])).toEqual({ via: null, crossesCommittees: false });
    // A member of a committee's own unit into a committee below it: that committee countersigns.
    expect(levelsOf([root], [root, ca, u('ba', 'BRANCH')])).toEqual({ via: root, crossesCommittees: true });
  });

  it('masks every character of a name but the first', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳修')).toBe('欧**');
    expect(maskName('张')).toBe('*');
  });

  it('reads a printed verification code back, and nothing that cannot be one', () => {
    expect(normaliseVerifyCode('abcd-efgh-2345-67ab')).toBe('ABCDEFGH234567AB');
    expect(printedVerifyCode('ABCDEFGH234567AB')).toBe('ABCD-EFGH-2345-67AB');
    expect(normaliseVerifyCode('ABCD-EFGH-2345-67A')).toBeNull(); // too short
    expect(normaliseVerifyCode('ABCD-EFGH-2345-67A1')).toBeNull(); // 1 is not base32
  });
});
