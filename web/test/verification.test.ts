// The browser-side verification wrapper, run here on the real @lianjian/verify with bundles
// built the way the indexer builds them (offline; the chain is exercised by the browser tests).
import type { ProofBundle } from '@lianjian/verify';
import { describe, expect, it } from 'vitest';
import { freePort } from '@lianjian/db/postgres';
import { outcomeState, resolveRpcUrl, verifyInBrowser } from '../app/lib/verification';
import { unanchoredBundle } from './bundles';

function bundleAt(index: number, size: number): ProofBundle {
  return unanchoredBundle(index, size, 1, (i) => ({ type: 'Member', id: `m${i}`, version: 1, org: 'u1', at: '2026-01-02T03:04:05.678Z', actor: 'system', data: { name: `n${i}`, stage: 'FULL' } }));
}

describe('verifyInBrowser', () => {
  it('passes a correct bundle offline, and checks displayed fields', async () => {
    const b = bundleAt(3, 7);
    const o = await verifyInBrowser(b, { rpcUrl: null, fields: { name: 'n3', stage: 'FULL' } });
    expect(o.state).toBe('offline');
    expect(o.report.checks.map((c) => [c.name, c.ok])).toEqual([
      ['document', true],
      ['path', true],
      ['chain', null],
      ['fields', true],
    ]);
    const wrong = await verifyInBrowser(b, { rpcUrl: null, fields: { name: 'someone else' } });
    expect(wrong.state).toBe('failed');
  });

  it('fails a changed document', async () => {
    const b = structuredClone(bundleAt(0, 2));
    (b.document.data as Record<string, unknown>).name = 'changed';
    const o = await verifyInBrowser(b, { rpcUrl: null });
    expect(o.state).toBe('failed');
    expect(o.report.checks[0]!.reason).toMatch(/does not hash/);
  });

  it('never calls a bundle verified when the chain cannot be asked', async () => {
    const b = bundleAt(1, 3);
    const anchored = { ...b, anchor: { chainId: 'lianjian-local', height: 5, txHash: 'A'.repeat(64), time: '2026-01-02T03:04:06.000Z' } };
    const port = await freePort(); // nothing listens there
    const o = await verifyInBrowser(anchored, { rpcUrl: `http://127.0.0.1:${port}` });
    expect(o.state).toBe('undecided');
    expect(o.report.verified).toBe(false);
    expect(o.provenAt).toBeNull();
  });

  it('rejects input that is not a v1 bundle', async () => {
    await expect(verifyInBrowser({ v: 2 }, { rpcUrl: null })).rejects.toThrow(/bundle/);
  });

  it('resolves a relative RPC URL (the /chain-rpc proxy) against the page', () => {
    expect(resolveRpcUrl('/chain-rpc', 'https://lianjian.example/verify')).toBe('https://lianjian.example/chain-rpc');
    expect(resolveRpcUrl('http://127.0.0.1:26657', 'https://lianjian.example/verify')).toBe('http://127.0.0.1:26657/');
  });

  it('classifies reports', () => {
    expect(outcomeState({ verified: true, offline: false, pending: false, checks: [] })).toBe('verified');
    expect(outcomeState({ verified: false, offline: false, pending: false, checks: [{ name: 'chain', ok: null }] })).toBe('undecided');
    expect(outcomeState({ verified: false, offline: false, pending: false, checks: [{ name: 'path', ok: false }] })).toBe('failed');
    // Not anchored yet is a wait, never a failure.
    expect(outcomeState({ verified: false, offline: false, pending: true, checks: [{ name: 'chain', ok: null, pending: true }] })).toBe('anchoring');
  });
});
