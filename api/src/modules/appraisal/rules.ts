// The rules of democratic appraisal (民主评议党员) that need no database: the phases, the one-third
// cap on 优秀, and the aggregate of peer ratings a member is shown instead of who rated them.
import type { AppraisalRating, AppraisalStatus } from '@lianjian/db';

export const RATINGS: readonly AppraisalRating[] = ['EXCELLENT', 'QUALIFIED', 'BASICALLY_QUALIFIED', 'UNQUALIFIED'];

export const STATUS_ZH: Record<AppraisalStatus, string> = {
  DRAFT: '草稿',
  SELF_ASSESSMENT: '个人自评',
  PEER_ASSESSMENT: '党员互评',
  RATING: '组织评定',
  PUBLISHED: '已通报',
  CLOSED: '已结束',
};

/** At most one third of the roster may be rated EXCELLENT, rounded down: 7 members → 2. */
export function excellentCap(rosterSize: number): number {
  return Math.floor(rosterSize / 3);
}

export type PeerTally = Record<AppraisalRating, number>;

/** How many peers gave each rating: what the assessed member sees, never who gave which. */
export function tallyPeerRatings(ratings: readonly AppraisalRating[]): PeerTally {
  const t: PeerTally = { EXCELLENT: 0, QUALIFIED: 0, BASICALLY_QUALIFIED: 0, UNQUALIFIED: 0 };
  for (const r of ratings) t[r] += 1;
  return t;
}

export interface CapBreach {
  rosterSize: number;
  cap: number;
  excellent: number;
}

/** The breach of the one-third rule by a set of ratings over a roster, or null. */
export function capBreach(rosterSize: number, ratings: Iterable<AppraisalRating>): CapBreach | null {
  let excellent = 0;
  for (const r of ratings) if (r === 'EXCELLENT') excellent += 1;
  const cap = excellentCap(rosterSize);
  return excellent > cap ? { rosterSize, cap, excellent } : null;
}
