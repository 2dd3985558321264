// Drawing an attempt's questions: `n` distinct questions of the bank, uniformly at random with a
// cryptographic generator (a member must not predict the next draw), preferring questions the
// member has not been shown in earlier attempts; seen ones only fill up when too few are new.
import { randomInt as cryptoRandomInt } from 'node:crypto';

/** A uniform integer in [0, max). */
export type RandomInt = (max: number) => number;

export const secureRandomInt: RandomInt = (max) => cryptoRandomInt(max);

/** `k` distinct elements of `pool` in random order (partial Fisher–Yates on a copy). */
export function sample<T>(pool: readonly T[], k: number, random: RandomInt = secureRandomInt): T[] {
  if (k > pool.length) throw new RangeError(`cannot draw ${k} of ${pool.length}`);
  const a = [...pool];
  for (let i = 0; i < k; i++) {
    const j = i + random(a.length - i);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a.slice(0, k);
}

export function drawQuestions(bank: readonly string[], seen: ReadonlySet<string>, n: number, random: RandomInt = secureRandomInt): string[] {
  const unique = [...new Set(bank)];
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`question count must be a positive integer, got ${n}`);
  if (n > unique.length) throw new RangeError(`cannot draw ${n} questions from a bank of ${unique.length}`);
  const fresh = unique.filter((id) => !seen.has(id));
  if (fresh.length >= n) return sample(fresh, n, random);
  const old = unique.filter((id) => seen.has(id));
  // Every new question, topped up with seen ones; shuffled so the seen ones are not all last.
  const picked = [...fresh, ...sample(old, n - fresh.length, random)];
  return sample(picked, picked.length, random);
}
