import { describe, expect, it } from 'vitest';
import { daysLeft, maxHolders, termYears, yearsBetween } from './terms.js';
import { mayHold } from '../org-units/kinds.js';

describe('committee terms', () => {
  it('gives branches and general branches 3 years, grassroots committees 3 to 5, groups none', () => {
    expect(termYears('BRANCH')).toEqual([3]);
    expect(termYears('GENERAL_BRANCH')).toEqual([3]);
    expect(termYears('COMMITTEE')).toEqual([3, 4, 5]);
    expect(termYears('GROUP')).toEqual([]);
  });

  it('counts whole years only when the end is an anniversary of the start', () => {
    expect(yearsBetween('2024-06-01', '2027-06-01')).toBe(3);
    expect(yearsBetween('2024-06-01', '2027-05-31')).toBeNull();
    // A term from 29 February ends on 28 February (the month has no 29th).
    expect(yearsBetween('2024-02-29', '2027-02-28')).toBe(3);
    expect(yearsBetween('2024-06-01', '2024-06-01')).toBeNull();
  });

  it('lets one person hold a single position, two deputies in a committee and one without', () => {
    expect(maxHolders('COMMITTEE', 'SECRETARY')).toBe(1);
    expect(maxHolders('COMMITTEE', 'DEPUTY_SECRETARY')).toBe(2);
    expect(maxHolders('SECRETARY_ONLY', 'DEPUTY_SECRETARY')).toBe(1);
    expect(maxHolders('COMMITTEE', 'MEMBER')).toBe(Infinity);
  });

  it('counts the days left to a term end, negative once past', () => {
    expect(daysLeft('2026-08-15', '2026-09-01')).toBe(17);
    expect(daysLeft('2026-09-02', '2026-09-01')).toBe(-1);
  });
});

describe('the order of unit kinds', () => {
  it('puts a unit only under a higher kind, a group only in a branch, a committee under a committee', () => {
    expect(mayHold('COMMITTEE', 'GENERAL_BRANCH')).toBe(true);
    expect(mayHold('COMMITTEE', 'BRANCH')).toBe(true);
    expect(mayHold('COMMITTEE', 'COMMITTEE')).toBe(true);
    expect(mayHold('GENERAL_BRANCH', 'BRANCH')).toBe(true);
    expect(mayHold('BRANCH', 'GROUP')).toBe(true);
    expect(mayHold('BRANCH', 'BRANCH')).toBe(false);
    expect(mayHold('GENERAL_BRANCH', 'GENERAL_BRANCH')).toBe(false);
    expect(mayHold('GENERAL_BRANCH', 'GROUP')).toBe(false);
    expect(mayHold('GENERAL_BRANCH', 'COMMITTEE')).toBe(false);
    expect(mayHold('GROUP', 'GROUP')).toBe(false);
  });
});
