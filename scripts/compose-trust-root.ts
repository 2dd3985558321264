// docker-compose's one-shot trust-root services: wait for the organisation's own node to make its
// first block, then write the root of trust (scripts/lib/trust-root.ts) that the web service is
// given at deploy time, as `npm start` and `npm run network` do natively. Validators are named by
// their genesis moniker (`--level centre=中央 centre`): in compose the validators' keys belong to
// other containers, but each gentx in the genesis file carries its moniker and public key.
//
//   compose-trust-root.ts --rpc URL --home DIR --out FILE [--organisation NAME] [--level MONIKER=NAME]…
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeTrustRoot } from './lib/trust-root.js';

const { values } = parseArgs({
  options: {
    rpc: { type: 'string' },
    home: { type: 'string' },
    out: { type: 'string' },
    organisation: { type: 'string' },
    level: { type: 'string', multiple: true },
    'wait-seconds': { type: 'string' },
  },
});
if (!values.rpc || !values.home || !values.out) {
  process.stderr.write('usage: compose-trust-root.ts --rpc URL --home DIR --out FILE [--organisation NAME] [--level MONIKER=NAME]…\n');
  process.exit(2);
}

/** Consensus address (uppercase hex) of each genesis validator, by the moniker of its gentx. */
function addressesByMoniker(genesisFile: string): Map<string, string> {
  const genesis = JSON.parse(readFileSync(genesisFile, 'utf8')) as {
    app_state?: { genutil?: { gen_txs?: Array<{ body: { messages: Array<{ description?: { moniker?: string }; pubkey?: { key?: string } }> } }> } };
  };
  const out = new Map<string, string>();
  for (const tx of genesis.app_state?.genutil?.gen_txs ?? []) {
    for (const m of tx.body.messages) {
      if (!m.description?.moniker || !m.pubkey?.key) continue;
      const address = createHash('sha256').update(Buffer.from(m.pubkey.key, 'base64')).digest().subarray(0, 20).toString('hex').toUpperCase();
      out.set(m.description.moniker, address);
    }
  }
  return out;
}

let names: Record<string, string> | undefined;
if (values.level?.length) {
  const byMoniker = addressesByMoniker(path.join(values.home, 'config/genesis.json'));
  names = {};
  for (const entry of values.level) {
    const [moniker, name] = [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)];
    const address = byMoniker.get(moniker);
    if (!address) {
      process.stderr.write(`trust-root: no genesis validator has moniker "${moniker}" (have: ${[...byMoniker.keys()].join(', ')})\n`);
      process.exit(2);
    }
    names[address] = name;
  }
}

// The node starts with the container; its first block may take a while.
const deadline = Date.now() + Number(values['wait-seconds'] ?? 300) * 1000;
for (;;) {
  try {
    const { file, root } = await writeTrustRoot({
      rpcUrl: values.rpc,
      home: values.home,
      file: values.out,
      height: 1,
      ...(values.organisation ? { organisation: values.organisation } : {}),
      ...(names ? { names } : {}),
    });
    process.stderr.write(`trust-root: wrote ${file}: "${root.organisation}", chain ${root.chainId}, ${root.validators.length} validator(s): ${root.validators.map((v) => v.name).join(', ')}\n`);
    break;
  } catch (error) {
    if (Date.now() > deadline) {
      process.stderr.write(`trust-root: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    }
    await new Promise((r) => setTimeout(r, 2000));
  }
}
