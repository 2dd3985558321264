// npm run trust-root -- [--rpc URL] [--home DIR | --genesis FILE] [--height N] [--organisation NAME]
//                       [--name ADDRESS=NAME]… [--names "A,B,C"] [--trusting-period SECONDS] [--out FILE]
// Produces the organisation's root of trust from a node it runs and its genesis file (format:
// verify/PROOF-FORMAT.md §4.1). Without --out it prints the JSON. Defaults: $LIANJIAN_RPC or
// http://127.0.0.1:26657, home $LIANJIAN_CHAIN_HOME or .data/chain, height 1 (the genesis set).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from './lib/chain-node.js';
import { makeRoot, writeTrustRoot } from './lib/trust-root.js';

const { values } = parseArgs({
  options: {
    rpc: { type: 'string' },
    home: { type: 'string' },
    genesis: { type: 'string' },
    height: { type: 'string' },
    organisation: { type: 'string' },
    name: { type: 'string', multiple: true },
    names: { type: 'string' },
    'trusting-period': { type: 'string' },
    out: { type: 'string' },
  },
});
const home = values.home ?? process.env.LIANJIAN_CHAIN_HOME ?? path.join(repoRoot, '.data/chain');
let names: Record<string, string> | string[] | undefined;
if (values.name?.length) names = Object.fromEntries(values.name.map((n) => [n.slice(0, n.indexOf('=')).toUpperCase(), n.slice(n.indexOf('=') + 1)]));
else if (values.names) names = values.names.split(',').map((n) => n.trim());
const input = {
  rpcUrl: values.rpc ?? process.env.LIANJIAN_RPC ?? 'http://127.0.0.1:26657',
  home,
  ...(values.genesis ? { genesisFile: values.genesis } : {}),
  ...(values.organisation ? { organisation: values.organisation } : {}),
  ...(names ? { names } : {}),
  height: values.height ? Number(values.height) : 1,
  ...(values['trusting-period'] ? { trustingPeriodSeconds: Number(values['trusting-period']) } : {}),
};
try {
  if (values.out) {
    const { file, root } = await writeTrustRoot({ ...input, file: values.out });
    process.stderr.write(`trust-root: wrote ${file}: chain ${root.chainId}, height ${root.height}, ${root.validators.length} validator(s)\n`);
  } else {
    process.stdout.write(`${JSON.stringify(await makeRoot(input), null, 2)}\n`);
  }
} catch (error) {
  process.stderr.write(`trust-root: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
