// A single-validator chain of the test's own that can be SIGKILLed and restarted on the same
// home and ports (indexer/test/helpers.ts ownChain only stops gracefully).
import { pickChainPorts, startChainNode, type ChainNode } from '../../../scripts/lib/chain-node.js';

export interface KillableChain {
  readonly rpcUrl: string;
  readonly home: string;
  mnemonics(): string[];
  /** SIGKILL to the node's process group: no shutdown, no flush. */
  kill(): Promise<void>;
  stop(): Promise<void>;
  restart(): Promise<void>;
}

export async function killableChain(dir: string, submitters = 1): Promise<KillableChain> {
  let ports = await pickChainPorts();
  const start = () => startChainNode({ home: `${dir}/chain`, ports, logFile: `${dir}/chain.log`, submitters });
  let node: ChainNode;
  // Free ports are picked, then released: on a busy machine another process may take one first.
  for (let attempt = 1; ; attempt++) {
    try {
      node = await start();
      break;
    } catch (error) {
      if (attempt >= 3 || !/address already in use/.test(String(error))) throw error;
      ports = await pickChainPorts();
    }
  }
  return {
    get rpcUrl() {
      return node.rpcUrl;
    },
    home: `${dir}/chain`,
    mnemonics: () => node.submitterMnemonics(),
    kill: () => node.kill(),
    stop: () => node.stop(),
    async restart() {
      node = await start();
    },
  };
}

/** Every transaction of every block (base64 tx bytes), read through the node's RPC. */
export async function allChainTxs(rpcUrl: string): Promise<{ height: number; tx: Buffer }[]> {
  const status = (await (await fetch(`${rpcUrl}/status`)).json()) as { result: { sync_info: { latest_block_height: string } } };
  const top = Number(status.result.sync_info.latest_block_height);
  const out: { height: number; tx: Buffer }[] = [];
  for (let h = 1; h <= top; h++) {
    const res = (await (await fetch(`${rpcUrl}/block?height=${h}`)).json()) as { result: { block: { data: { txs: string[] | null } } } };
    for (const tx of res.result.block.data.txs ?? []) out.push({ height: h, tx: Buffer.from(tx, 'base64') });
  }
  return out;
}
