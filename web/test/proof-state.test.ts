// The proof badge's state rules: a record whose batch is not anchored yet (the bundle's anchor is
// null) is waiting for the chain and is asked about again, never shown as failed; a bundle that
// is wrong in what can be checked now still fails, with the reason.
import type { ProofBundle } from '@lianjian/verify';
import { describe, expect, it } from 'vitest';
import { freePort } from '@lianjian/db/postgres';
import { proofStateName, settle } from '../app/lib/proof-state';
import { retryDelay, verifyInBrowser } from '../app/lib/verification';
import { unanchoredBundle } from './bundles';

function unanchored(index: number, size: number): ProofBundle {
  return unanchoredBundle(index, size, 9, (i) => ({ type: 'DevelopmentStep', id: `s${i}`, version: 1, org: 'u1', at: '2026-03-04T05:06:07.000Z', actor: 'a1', data: { stepNo: 3, note: `n${i}` } }));
}

async function deadRpc(): Promise<string> {
  return `http://127.0.0.1:${await freePort()}`; // nothing listens there
}

describe('a proof whose batch is not anchored yet', () => {
  it('is waiting for the chain (not failed), and the page data is reloaded to get the anchor', async () => {
    const o = await verifyInBrowser(unanchored(2, 5), { rpcUrl: await deadRpc(), fields: { note: 'n2' } });
    expect(o.state).toBe('anchoring');
    expect(o.report.verified).toBe(false);
    expect(o.report.checks.map((c) => [c.name, c.ok])).toEqual([
      ['document', true],
      ['path', true],
      ['chain', null],
      ['fields', true],
    ]);
    expect(o.report.checks[2]!.reason).toMatch(/not anchored on chain yet/);
    const next = settle(o, 0);
    expect(next.state.status).toBe('retrying');
    expect(next.refresh).toBe(true);
    expect(next.retryInMs).toBeGreaterThan(0);
    expect(proofStateName(true, next.state)).toBe('anchoring');
  });

  it('still fails, with the reason, when its document was changed', async () => {
    const b = structuredClone(unanchored(0, 3));
    (b.document.data as Record<string, unknown>).note = 'changed';
    const o = await verifyInBrowser(b, { rpcUrl: await deadRpc() });
    expect(o.state).toBe('failed');
    expect(o.report.checks[0]!.reason).toMatch(/does not hash/);
    const next = settle(o, 0);
    expect(next).toMatchObject({ state: { status: 'done' }, retryInMs: null, refresh: false });
    expect(proofStateName(true, next.state)).toBe('failed');
  });

  it('still fails when its path does not lead to the root, or the page shows other values', async () => {
    const b = structuredClone(unanchored(1, 4));
    b.index = 2;
    expect((await verifyInBrowser(b, { rpcUrl: await deadRpc() })).state).toBe('failed');
    const shown = await verifyInBrowser(unanchored(1, 4), { rpcUrl: await deadRpc(), fields: { note: 'someone else' } });
    expect(shown.state).toBe('failed');
    expect(shown.report.checks[3]!.reason).toMatch(/differ/);
  });

  it('gives up waiting after a bounded number of tries and then says it is still unanchored', () => {
    let attempt = 0;
    let total = 0;
    for (; retryDelay('anchoring', attempt) !== null; attempt++) total += retryDelay('anchoring', attempt)!;
    expect(attempt).toBeGreaterThan(10);
    expect(total).toBeLessThan(6 * 60_000);
    const outcome = { state: 'anchoring' as const, report: { verified: false, offline: false, pending: false, checks: [] }, provenAt: null };
    const last = settle(outcome, attempt);
    expect(last.state.status).toBe('done');
    expect(proofStateName(true, last.state)).toBe('anchoring');
  });
});

describe('an anchored proof the chain node cannot answer for yet', () => {
  it('is retried a few times without reloading the page, then shown as undecided', async () => {
    const b = { ...unanchored(1, 3), anchor: { chainId: 'lianjian-local', height: 5, txHash: 'B'.repeat(64), time: '2026-03-04T05:06:08.000Z' } };
    const o = await verifyInBrowser(b, { rpcUrl: await deadRpc() });
    expect(o.state).toBe('undecided');
    const first = settle(o, 0);
    expect(first).toMatchObject({ state: { status: 'retrying' }, refresh: false });
    expect(proofStateName(true, first.state)).toBe('retrying');
    let attempt = 1;
    while (settle(o, attempt).retryInMs !== null) attempt++;
    expect(attempt).toBeLessThanOrEqual(10);
    expect(proofStateName(true, settle(o, attempt).state)).toBe('undecided');
  });

  it('final outcomes are never retried', () => {
    for (const state of ['verified', 'offline', 'failed'] as const) expect(retryDelay(state, 0)).toBeNull();
    expect(proofStateName(false, { status: 'waiting' })).toBe('pending');
  });
});
