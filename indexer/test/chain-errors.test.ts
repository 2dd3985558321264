// Mapping of x/anchor's registered error codes to typed errors, and the retry policy's bounds.
// (The same paths run against a real node in chain-commit.int.test.ts.)
import { ChainRpcError, ChainUnavailableError } from '@lianjian/verify/chain';
import { describe, expect, it } from 'vitest';
import {
  BadPrevRootError,
  BadRootError,
  BadSizeError,
  ChainTxRejectedError,
  ChainUnreachableError,
  InvalidSubmitterError,
  PrevRootMismatchError,
  SeqOutOfOrderError,
  UnauthorizedSubmitterError,
  rejectionError,
  withRetry,
} from '../src/chain/index.js';

const base = { log: 'x', stage: 'deliver' as const, txHash: 'AB'.repeat(32) };

describe('rejectionError', () => {
  it('maps every anchor code registered in chain/x/anchor/types/errors.go', () => {
    const expected = [
      [2, UnauthorizedSubmitterError],
      [3, InvalidSubmitterError],
      [4, BadRootError],
      [5, BadPrevRootError],
      [6, BadSizeError],
      [7, SeqOutOfOrderError],
      [8, PrevRootMismatchError],
    ] as const;
    for (const [code, Type] of expected) expect(rejectionError({ ...base, codespace: 'anchor', code })).toBeInstanceOf(Type);
  });

  it('keeps the codespace apart: sdk code 5 (insufficient funds) is not BadPrevRoot', () => {
    const e = rejectionError({ ...base, codespace: 'sdk', code: 5, log: 'insufficient funds' });
    expect(e).toBeInstanceOf(ChainTxRejectedError);
    expect(e).not.toBeInstanceOf(BadPrevRootError);
    expect(e.message).toBe(`transaction rejected: failed in block (tx ${base.txHash}), sdk code 5: insufficient funds`);
  });

  it('reads the expected seq out of the chain\'s message', () => {
    const e = rejectionError({ ...base, codespace: 'anchor', code: 7, log: 'failed to execute message; message index: 0: seq 9 out of order: expected 4: batch seq out of order' });
    expect(e).toBeInstanceOf(SeqOutOfOrderError);
    expect((e as SeqOutOfOrderError).expectedSeq).toBe(4);
    expect(e.message).toMatch(/^batch seq out of order: failed in block \(tx [0-9A-F]{64}\), anchor code 7: .*seq 9 out of order: expected 4/);
  });
});

describe('withRetry', () => {
  const policy = { initialDelayMs: 10, maxDelayMs: 40, factor: 2, maxElapsedMs: 300 };

  it('retries while the node is unreachable, then returns', async () => {
    let calls = 0;
    const delays: number[] = [];
    const r = await withRetry('t', policy, async () => {
      if (++calls < 4) throw new ChainUnavailableError('down');
      return 'up';
    }, (_e, d) => delays.push(d));
    expect(r).toBe('up');
    expect(delays).toEqual([10, 20, 40]);
  });

  it('gives up with ChainUnreachableError once the time bound is spent', async () => {
    const t0 = Date.now();
    await expect(withRetry('commit of batch 3', policy, async () => {
      throw new ChainUnavailableError('connect ECONNREFUSED');
    })).rejects.toThrow(ChainUnreachableError);
    expect(Date.now() - t0).toBeLessThan(1_000);
  });

  it('never retries an answer from the node', async () => {
    let calls = 0;
    await expect(withRetry('t', policy, async () => {
      calls++;
      throw new ChainRpcError('refused');
    })).rejects.toThrow('refused');
    expect(calls).toBe(1);
  });
});
