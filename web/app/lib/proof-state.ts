// What a proof badge shows for one verification outcome, and whether to ask again. Kept apart
// from the hook so the rules can be tested without React.
import { retryDelay, type Outcome } from './verification';

export type VerificationState =
  | { status: 'waiting' }
  /** Not checkable yet (batch not anchored, or the chain node could not answer): asking again soon. */
  | { status: 'retrying'; outcome: Outcome }
  | { status: 'done'; outcome: Outcome }
  | { status: 'error'; message: string };

/**
 * The state after attempt `attempt` (0 first) ended in `outcome`. `refresh` says the page's data
 * must be loaded again first: an unanchored bundle never gains its anchor by itself.
 */
export function settle(outcome: Outcome, attempt: number): { state: VerificationState; retryInMs: number | null; refresh: boolean } {
  const retryInMs = retryDelay(outcome.state, attempt);
  if (retryInMs === null) return { state: { status: 'done', outcome }, retryInMs: null, refresh: false };
  return { state: { status: 'retrying', outcome }, retryInMs, refresh: outcome.state === 'anchoring' };
}

/** The value of data-proof-state: the outcome, or what the badge is waiting for. */
export function proofStateName(hasBundle: boolean, state: VerificationState): string {
  if (!hasBundle) return 'pending';
  if (state.status === 'done') return state.outcome.state;
  if (state.status === 'retrying') return state.outcome.state === 'anchoring' ? 'anchoring' : 'retrying';
  return state.status;
}
