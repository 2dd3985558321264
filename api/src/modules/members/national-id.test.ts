import { describe, expect, it } from 'vitest';
import { hashNationalId, makeNationalId, parseNationalId } from './national-id.js';

describe('national ID numbers', () => {
  it('accepts the GB 11643 example and reads birth date and gender', () => {
    // The standard's worked example: 11010519491231002X (female, born 1949-12-31).
    expect(parseNationalId('11010519491231002X')).toEqual({ birthDate: '1949-12-31', gender: 'FEMALE' });
    expect(parseNationalId('11010519491231002x')).toEqual({ birthDate: '1949-12-31', gender: 'FEMALE' });
  });

  it('refuses a wrong check character, bad format and impossible dates', () => {
    expect(parseNationalId('110105194912310021')).toBe('checksum');
    expect(parseNationalId('1101051949123100')).toBe('format');
    expect(parseNationalId(makeNationalId('110105', '1990-02-30', 1))).toBe('birthDate');
  });

  it('round-trips generated numbers', () => {
    const id = makeNationalId('310101', '1990-05-17', 123);
    expect(parseNationalId(id)).toEqual({ birthDate: '1990-05-17', gender: 'MALE' });
  });

  it('hashes with the salt, ignoring case and spaces', () => {
    const id = '11010519491231002X';
    expect(hashNationalId(id, 'a')).toEqual(hashNationalId(' 11010519491231002x ', 'a'));
    expect(hashNationalId(id, 'a')).not.toEqual(hashNationalId(id, 'b'));
    expect(hashNationalId(id, 'a')).toHaveLength(32);
  });
});
