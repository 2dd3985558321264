// `npm run level -- <command>`: a level joins the organisation's chain, becomes a validator by the
// operator admin's approval, and leaves again (docs/levels.md).
//
//   join     --home DIR --genesis FILE --peers ID@HOST:PORT[,…] [--moniker NAME] [--rpc-port N]
//            [--p2p-port N] [--grpc-port N] [--api-port N] [--reference URL]
//            Creates the node from the published genesis, starts it, waits until it has caught up
//            (prints the time), and keeps running it in the foreground until Ctrl-C.
//   approve  --admin-home DIR [--admin-key validator] --node URL --operator ADDRESS --name NAME
//            The operator admin's act on chain (x/anchor MsgApproveOperator).
//   promote  --home DIR --name NAME --admin-home DIR [--admin-key validator] --node URL [--bond 100000000000stake]
//            Creates the level's operator key in DIR, the admin funds and approves it, and the level
//            bonds its node's key (create-validator). For a local network where one person holds both;
//            between organisations the admin runs `approve` and the level runs `create-validator`.
//   leave    --home DIR --node URL          The level unbonds its whole self-delegation.
//   revoke   --admin-home DIR --node URL --operator ADDRESS
//            The admin withdraws an approval; the operator's validator is jailed out of the set.
//   status   --node URL                     Validator set, approved operators and admins.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { approve, joinFullNode, leave, nodeStatus, operators, promote, revoke, validatorSet } from './lib/levels.js';

const [command, ...rest] = process.argv.slice(2);
const { values: o } = parseArgs({
  args: rest,
  options: {
    home: { type: 'string' },
    genesis: { type: 'string' },
    peers: { type: 'string' },
    moniker: { type: 'string' },
    'rpc-port': { type: 'string' },
    'p2p-port': { type: 'string' },
    'grpc-port': { type: 'string' },
    'api-port': { type: 'string' },
    reference: { type: 'string' },
    name: { type: 'string' },
    'admin-home': { type: 'string' },
    'admin-key': { type: 'string', default: 'validator' },
    node: { type: 'string', default: process.env.LIANJIAN_RPC ?? 'http://127.0.0.1:27101' },
    operator: { type: 'string' },
    bond: { type: 'string' },
  },
});
const say = (line: string) => process.stdout.write(`level: ${line}\n`);
function need(name: keyof typeof o): string {
  const v = o[name];
  if (typeof v !== 'string' || !v) throw new Error(`--${name} is required for '${command}'`);
  return v;
}
const admin = () => ({ home: path.resolve(need('admin-home')), key: o['admin-key']! });

async function main(): Promise<void> {
  switch (command) {
    case 'join': {
      const home = path.resolve(need('home'));
      const peers = need('peers');
      const first = peers.split(',')[0]!;
      const reference = o.reference ?? `http://${first.slice(first.indexOf('@') + 1).replace(/:(\d+)$/, (_, p: string) => `:${Number(p) + 1}`)}`;
      const num = (k: 'rpc-port' | 'p2p-port' | 'grpc-port' | 'api-port', d: number) => Number(o[k] ?? d);
      const ports = { rpc: num('rpc-port', 27151), p2p: num('p2p-port', 27150), grpc: num('grpc-port', 27152), api: num('api-port', 27153) };
      say(`starting a full node in ${home} from ${need('genesis')}, peers ${peers}`);
      let last = 0;
      const node = await joinFullNode({
        home,
        genesisFile: path.resolve(need('genesis')),
        peers,
        moniker: o.moniker ?? path.basename(home),
        logFile: path.join(home, 'node.log'),
        referenceRpc: reference,
        ports,
        onProgress: (h, target) => {
          if (Date.now() - last > 2000) {
            last = Date.now();
            say(`catching up: height ${h} of ${target}`);
          }
        },
      });
      const c = node.catchUp;
      say(`caught up ${c.blocks} blocks (${c.fromHeight} → ${c.toHeight}) in ${(c.ms / 1000).toFixed(1)} s; RPC ${node.rpcUrl}, consensus address ${node.address}`);
      say(`next: the operator admin approves this level (npm run level -- promote --home ${home} --name NAME --admin-home … --node ${reference}). Ctrl-C stops the node.`);
      const stop = () => void node.service.stop().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      const code = await node.service.exited;
      say(`node exited (${code}); log ${path.join(home, 'node.log')}`);
      process.exit(code === 0 ? 0 : 1);
      break;
    }
    case 'approve': {
      const r = await approve({ admin: admin(), node: o.node!, operator: need('operator'), name: need('name') });
      say(`approved ${o.operator} as '${o.name}' in block ${r.height} (tx ${r.txhash})`);
      break;
    }
    case 'promote': {
      const home = path.resolve(need('home'));
      const name = need('name');
      const adm = admin();
      const s = await nodeStatus(o.node!);
      say(`chain at height ${s.height}`);
      const p = await promote({ admin: adm, node: o.node!, levelHome: home, name, ...(o.bond ? { bond: o.bond } : {}), log: say });
      say(`'${o.name}' is a validator from height ${p.inSetFrom}: operator ${p.operator}, ${p.valoper}, consensus address ${p.address}`);
      say(`the organisation can name it in the root of trust: npm run trust-root -- … --name ${p.address}='${o.name}'`);
      break;
    }
    case 'leave': {
      const r = await leave({ levelHome: path.resolve(need('home')), node: o.node! });
      say(`unbonded in block ${r.height}; out of the validator set from height ${r.outFrom}. The node keeps running as a full node until stopped.`);
      break;
    }
    case 'revoke': {
      const r = await revoke({ admin: admin(), node: o.node!, operator: need('operator') });
      say(`approval of ${o.operator} revoked in block ${r.height}; its validator, if bonded, is jailed`);
      break;
    }
    case 'status': {
      const set = await validatorSet(o.node!);
      const ops = await operators(o.node!);
      say(`height ${set.height}: ${set.addresses.length} validator(s): ${set.addresses.join(', ')}`);
      say(`operator admins: ${ops.admins.join(', ') || '(none)'}`);
      for (const op of ops.operators) say(`approved operator ${op.address} '${op.name}' by ${op.approved_by} at height ${op.height ?? 0}`);
      break;
    }
    default:
      process.stderr.write('usage: npm run level -- join|approve|promote|leave|revoke|status [options] (see docs/levels.md)\n');
      process.exit(2);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`level: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
