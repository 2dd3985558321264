import { describe, expect, it } from 'vitest';
import { evaluateBranchVote } from './vote.js';

const v = (entitled: number, present: number, yes: number, no = 0, abstain = 0, written?: number) =>
  evaluateBranchVote(written === undefined ? { entitled, present, yes, no, abstain } : { entitled, present, yes, no, abstain, written });

describe('branch general meeting vote', () => {
  it('needs more than half of the entitled members present (even roll)', () => {
    expect(v(10, 5, 5)).toEqual({ ok: false, code: 'QUORUM_NOT_MET' });
    expect(v(10, 6, 6).ok).toBe(true);
  });

  it('needs more than half of the entitled members present (odd roll)', () => {
    expect(v(7, 3, 3)).toEqual({ ok: false, code: 'QUORUM_NOT_MET' });
    expect(v(7, 4, 4).ok).toBe(true);
  });

  it('passes only with yes votes above half of those entitled, not of those present', () => {
    expect(v(10, 6, 5, 1)).toEqual({ ok: false, code: 'VOTE_NOT_PASSED' }); // 5/6 present, but 5 of 10 entitled
    expect(v(10, 10, 5, 5)).toEqual({ ok: false, code: 'VOTE_NOT_PASSED' }); // a tie is not a majority
    expect(v(10, 6, 6).ok).toBe(true);
    expect(v(7, 7, 3, 4)).toEqual({ ok: false, code: 'VOTE_NOT_PASSED' });
    expect(v(7, 4, 4).ok).toBe(true);
    expect(v(1, 1, 1).ok).toBe(true);
    expect(v(2, 2, 1, 1)).toEqual({ ok: false, code: 'VOTE_NOT_PASSED' });
  });

  it('counts written opinions of absent members in the votes but not in the quorum', () => {
    expect(v(10, 6, 6, 0, 0, 0).ok).toBe(true);
    expect(v(10, 6, 5, 1, 0).ok).toBe(false);
    expect(v(10, 6, 6, 1, 0, 1).ok).toBe(true); // 5 of those present and 1 written opinion say yes
    expect(v(10, 5, 6, 0, 0, 3)).toEqual({ ok: false, code: 'QUORUM_NOT_MET' }); // written opinions do not make a quorum
  });

  it('refuses counts that cannot be', () => {
    expect(v(0, 0, 0)).toEqual({ ok: false, code: 'VOTE_COUNTS_INVALID' });
    expect(v(10, 11, 6)).toEqual({ ok: false, code: 'VOTE_COUNTS_INVALID' });
    expect(v(10, 6, 6, 1)).toEqual({ ok: false, code: 'VOTE_COUNTS_INVALID' }); // 7 votes from 6 present
    expect(v(10, 6, 6, 0, 0, 5)).toEqual({ ok: false, code: 'VOTE_COUNTS_INVALID' }); // 6 present + 5 written > 10
    expect(v(10, 6, 6.5)).toEqual({ ok: false, code: 'VOTE_COUNTS_INVALID' });
    expect(v(10, 6, -1)).toEqual({ ok: false, code: 'VOTE_COUNTS_INVALID' });
  });
});
