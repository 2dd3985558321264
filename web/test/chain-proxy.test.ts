import { describe, expect, it } from 'vitest';
import { checkCall, ProxyRefusal } from '../app/lib/chain-proxy.server';

function refusal(text: string): ProxyRefusal {
  try {
    checkCall(text);
  } catch (error) {
    if (error instanceof ProxyRefusal) return error;
    throw error;
  }
  throw new Error(`accepted: ${text}`);
}

describe('chain RPC proxy: what it forwards', () => {
  it('accepts the calls the proof checker makes', () => {
    const call = checkCall(JSON.stringify({ jsonrpc: '2.0', id: 7, method: 'abci_query', params: { path: '/store/anchor/key', data: '01', height: '5', prove: true } }));
    expect(call).toEqual({ jsonrpc: '2.0', id: 7, method: 'abci_query', params: { path: '/store/anchor/key', data: '01', height: '5', prove: true } });
    for (const method of ['commit', 'validators', 'block']) {
      expect(checkCall(JSON.stringify({ jsonrpc: '2.0', id: 1, method, params: { height: '3' } })).method).toBe(method);
    }
    expect(checkCall(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'status', params: {} })).method).toBe('status');
  });

  it('passes what the light client asks: commit and validators at any height, validators page by page', () => {
    // verify/src/chain/rpc.ts: commit(height), validators(height, page, per_page=100).
    expect(checkCall(JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'commit', params: { height: '1' } })).params).toEqual({ height: '1' });
    expect(checkCall(JSON.stringify({ jsonrpc: '2.0', id: 3, method: 'validators', params: { height: '123456789', page: '2', per_page: '100' } })).params).toEqual({
      height: '123456789',
      page: '2',
      per_page: '100',
    });
  });

  it('forwards nothing else: other methods and parameters, odd heights and pages', () => {
    // header, genesis, net_info, …: not asked by the checker, so not forwarded.
    for (const method of ['header', 'genesis', 'net_info', 'tx_search', 'dump_consensus_state']) {
      expect(refusal(JSON.stringify({ jsonrpc: '2.0', id: 1, method, params: {} })).status).toBe(403);
    }
    expect(refusal(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'commit', params: { height: '3', extra: 'x' } })).status).toBe(400);
    expect(refusal(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'status', params: { height: '3' } })).status).toBe(400);
    expect(refusal(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'commit', params: { height: '-1' } })).status).toBe(400);
    expect(refusal(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'commit', params: { height: '1e9' } })).status).toBe(400);
    expect(refusal(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'validators', params: { height: '3', page: '0' } })).status).toBe(400);
    expect(refusal(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'validators', params: { height: '3', per_page: '101' } })).status).toBe(400);
    expect(refusal(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'abci_query', params: { path: '/store/anchor/key', data: 'zz', height: '3', prove: true } })).status).toBe(400);
  });

  it('refuses writes, other state paths, batches and malformed calls', () => {
    expect(refusal(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'broadcast_tx_commit', params: { tx: 'AA==' } })).status).toBe(403);
    expect(refusal(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'unsafe_flush_mempool', params: {} })).status).toBe(403);
    expect(refusal(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'abci_query', params: { path: '/store/bank/key', data: '' } })).status).toBe(403);
    expect(refusal(JSON.stringify([{ jsonrpc: '2.0', id: 1, method: 'status', params: {} }])).status).toBe(400);
    expect(refusal('not json').status).toBe(400);
    expect(refusal(JSON.stringify({ jsonrpc: '1.0', id: 1, method: 'status', params: {} })).status).toBe(400);
    expect(refusal(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'block', params: { height: { $gt: 1 } } })).status).toBe(400);
    expect(refusal(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'status', params: { pad: 'x'.repeat(9000) } })).status).toBe(413);
  });
});
