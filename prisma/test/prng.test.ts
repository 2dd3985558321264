import { describe, expect, it } from 'vitest';
import { Prng } from '../src/seed/prng.js';

describe('seed PRNG', () => {
  it('repeats for the same seed and stream, and differs otherwise', () => {
    const draw = (s: string | number, stream: string) => {
      const r = new Prng(s, stream);
      return Array.from({ length: 5 }, () => r.next());
    };
    expect(draw(1, 'a')).toEqual(draw(1, 'a'));
    expect(draw(1, 'a')).not.toEqual(draw(1, 'b'));
    expect(draw(1, 'a')).not.toEqual(draw(2, 'a'));
  });

  it('draws version 4 UUIDs, integers in range and distinct samples', () => {
    const r = new Prng('x');
    const ids = new Set(Array.from({ length: 1000 }, () => r.uuid()));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const ints = Array.from({ length: 2000 }, () => r.int(3, 7));
    expect(Math.min(...ints)).toBe(3);
    expect(Math.max(...ints)).toBe(7);
    const s = r.sample([1, 2, 3, 4, 5, 6], 4);
    expect(new Set(s).size).toBe(4);
  });
});
