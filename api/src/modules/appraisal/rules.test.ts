import { describe, expect, it } from 'vitest';
import { capBreach, excellentCap, tallyPeerRatings } from './rules.js';

describe('appraisal rules', () => {
  it('caps EXCELLENT at one third of the roster, rounded down', () => {
    expect([0, 1, 2, 3, 5, 6, 7, 9, 10].map(excellentCap)).toEqual([0, 0, 0, 1, 1, 2, 2, 3, 3]);
  });

  it('reports a breach with its numbers, and none at the cap', () => {
    expect(capBreach(7, ['EXCELLENT', 'EXCELLENT', 'QUALIFIED'])).toBeNull();
    expect(capBreach(7, ['EXCELLENT', 'EXCELLENT', 'EXCELLENT'])).toEqual({ rosterSize: 7, cap: 2, excellent: 3 });
    expect(capBreach(2, ['EXCELLENT'])).toEqual({ rosterSize: 2, cap: 0, excellent: 1 });
  });

  it('tallies peer ratings without naming anyone', () => {
    expect(tallyPeerRatings(['EXCELLENT', 'QUALIFIED', 'QUALIFIED', 'UNQUALIFIED'])).toEqual({ EXCELLENT: 1, QUALIFIED: 2, BASICALLY_QUALIFIED: 0, UNQUALIFIED: 1 });
  });
});
