// Recomputing my points total in the browser: every entry the total counts is verified against
// the chain, and only proven entries that are about me add their proven points. The API's total
// is then only a claim that this sum confirms or refutes.
import { proveEach } from './prove-each';

export interface ProofsAnswer {
  memberId: string | null;
  claimedTotal: number;
  entries: Array<{ id: string; version: number; bundle: unknown }>;
}

export interface Recomputed {
  sum: number;
  proven: number;
  all: number;
  unproven: string[];
  claimedTotal: number;
  matches: boolean;
}

export async function recomputeTotal(answer: ProofsAnswer, rpcUrl: string | null, onProgress?: (done: number) => void): Promise<Recomputed> {
  const points = await proveEach(
    answer.entries,
    rpcUrl,
    (bundle, e) => {
      const doc = bundle.document as { type: string; id: string; version: number; data: Record<string, unknown> };
      const about = doc.type === 'PointsEntry' && doc.id === e.id && doc.version === e.version && answer.memberId !== null && doc.data.memberId === answer.memberId;
      return about && typeof doc.data.points === 'number' ? doc.data.points : null;
    },
    onProgress,
  );
  const results = answer.entries.map((e, i) => ({ id: e.id, points: points[i] ?? null }));
  const proven = results.filter((r) => r.points !== null);
  const sum = proven.reduce((s, r) => s + (r.points ?? 0), 0);
  const unproven = results.filter((r) => r.points === null).map((r) => r.id);
  return { sum, proven: proven.length, all: results.length, unproven, claimedTotal: answer.claimedTotal, matches: unproven.length === 0 && sum === answer.claimedTotal };
}
