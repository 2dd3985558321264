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
    for (const method of ['commit', 'validators', 'block', 'status', 'header']) {
      expect(checkCall(JSON.stringify({ jsonrpc: '2.0', id: 1, method, params: { height: '3' } })).method).toBe(method);
    }
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
