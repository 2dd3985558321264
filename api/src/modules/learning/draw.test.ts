import { describe, expect, it } from 'vitest';
import { drawQuestions, sample } from './draw.js';

const bank = Array.from({ length: 12 }, (_, i) => `q${String(i).padStart(2, '0')}`);

describe('drawQuestions', () => {
  it('draws n distinct questions of the bank, every time', () => {
    for (let run = 0; run < 500; run++) {
      const n = 1 + (run % bank.length);
      const got = drawQuestions(bank, new Set(), n);
      expect(got).toHaveLength(n);
      expect(new Set(got).size).toBe(n);
      for (const id of got) expect(bank).toContain(id);
    }
  });

  it('draws only unseen questions while the bank has enough of them', () => {
    const seen = new Set(bank.slice(0, 7));
    for (let run = 0; run < 200; run++) {
      const got = drawQuestions(bank, seen, 5);
      expect(got.filter((id) => seen.has(id))).toEqual([]);
      expect(new Set(got)).toEqual(new Set(bank.slice(7)));
    }
  });

  it('takes every unseen question and tops up with seen ones when too few are new', () => {
    const seen = new Set(bank.slice(0, 10));
    const seenPositions = new Set<number>();
    for (let run = 0; run < 200; run++) {
      const got = drawQuestions(bank, seen, 6);
      expect(new Set(got).size).toBe(6);
      expect(got).toEqual(expect.arrayContaining(['q10', 'q11']));
      expect(got.filter((id) => seen.has(id))).toHaveLength(4);
      got.forEach((id, i) => seen.has(id) && seenPositions.add(i));
    }
    // The seen ones are shuffled in, not always appended after the new ones.
    expect(seenPositions.has(0)).toBe(true);
  });

  it('ignores duplicate ids in the bank and refuses to draw more than it holds', () => {
    expect(new Set(drawQuestions(['a', 'a', 'b'], new Set(), 2))).toEqual(new Set(['a', 'b']));
    expect(() => drawQuestions(['a', 'a', 'b'], new Set(), 3)).toThrow(RangeError);
    expect(() => drawQuestions(bank, new Set(), 0)).toThrow(RangeError);
  });

  it('is close to uniform: each question is drawn about n/size of the time', () => {
    const counts = new Map<string, number>();
    const runs = 6000;
    for (let run = 0; run < runs; run++) for (const id of drawQuestions(bank, new Set(), 3)) counts.set(id, (counts.get(id) ?? 0) + 1);
    const expected = (runs * 3) / bank.length; // 1500
    for (const id of bank) expect(Math.abs(counts.get(id)! - expected)).toBeLessThan(expected * 0.15);
  });
});

describe('sample', () => {
  it('uses the random source given (partial Fisher–Yates)', () => {
    // Always picking the first remaining element keeps the order.
    expect(sample(['a', 'b', 'c', 'd'], 3, () => 0)).toEqual(['a', 'b', 'c']);
    // Always picking the last remaining: d swaps with a, then a (now last) with b.
    expect(sample(['a', 'b', 'c', 'd'], 2, (max) => max - 1)).toEqual(['d', 'a']);
  });
});
