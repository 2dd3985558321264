// POST /chain-rpc: the read-only chain RPC proxy (lib/chain-proxy.server.ts).

export { action, loader } from './chain-rpc.server';
