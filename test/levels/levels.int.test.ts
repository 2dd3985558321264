// Levels run nodes (docs/levels.md, issue #20 item 2), against real nodes built from chain/:
// a network of four levels (中央/省/市/县, a validator each, chain/scripts/localnet4.sh) anchors
// batches continuously while
//   - an account funded in genesis (the indexer's submitter key) tries create-validator: refused;
//   - a fifth level joins as a full node from the published genesis and peers, and catches up;
//   - the operator admin approves it on chain and it becomes a validator, and signs blocks;
//   - it leaves (unbonds), and the set is four again;
// and every batch anchored meanwhile verifies from the genesis root of trust (light client).
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainAvailable } from '../../scripts/lib/chain-node.js';
import { readTrustRoot, startAnchoring, verifyAllFromRoot, type Anchoring } from '../../scripts/lib/levels-anchoring.js';
import {
  approve,
  joinFullNode,
  lianjiand,
  leave,
  operators,
  promote,
  signersOf,
  startNetwork,
  tx,
  until,
  validatorSet,
  type FullNode,
  type Network,
} from '../../scripts/lib/levels.js';

const log = (line: string) => console.log(`[levels] ${line}`);
let dir: string;
let net: Network;
let anchoring: Anchoring;
let fifth: FullNode | undefined;
const FIFTH = '乡 township';

describe.skipIf(!chainAvailable())('a network of four levels', () => {
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'lianjian-levels-'));
    chmodSync(dir, 0o755);
    net = await startNetwork({ root: path.join(dir, 'network'), logDir: dir, submitters: 2 });
    anchoring = await startAnchoring({ rpcUrl: net.rpcUrl(1), mnemonic: net.submitterMnemonics()[0]! });
  }, 180_000);

  afterAll(async () => {
    await anchoring?.stop().catch(() => undefined);
    await fifth?.service.stop().catch(() => undefined);
    await net?.stop().catch(() => undefined);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('names four levels in the trust root, and lists the genesis validators as approved operators', async () => {
    const root = readTrustRoot(net.trustRootFile);
    expect(root.validators).toHaveLength(4);
    expect(root.validators.map((v) => v.name).sort()).toEqual(['中央 centre', '省 province', '市 city', '县 county'].sort());
    const ops = await operators(net.rpcUrl(0));
    expect(ops.admins).toHaveLength(1);
    // Genesis validators are approved by genesis itself, under their (ASCII) monikers.
    expect(ops.operators.map((o) => [o.name, o.approved_by]).sort()).toEqual(['centre', 'province', 'city', 'county'].map((n) => [n, 'genesis']).sort());
  });

  it('refuses create-validator from an account that holds stake but is not approved (the indexer’s submitter key)', async () => {
    // The second submitter key (funded in genesis, in node0's keyring) tries to join with a fresh node key.
    const home = path.join(dir, 'intruder');
    await lianjiand(['init', 'intruder', '--chain-id', 'lianjian-local'], { home });
    const pubkey = JSON.parse((await lianjiand(['comet', 'show-validator'], { home })).trim()) as unknown;
    const spec = path.join(home, 'validator.json');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(spec, JSON.stringify({ pubkey, amount: '100000000000stake', moniker: 'intruder', 'commission-rate': '0.1', 'commission-max-rate': '0.2', 'commission-max-change-rate': '0.01', 'min-self-delegation': '1' }));
    const r = await tx(['staking', 'create-validator', spec], { home: net.home(0), from: 'submitter2', node: net.rpcUrl(0), allowFailure: true });
    expect(r).toMatchObject({ codespace: 'anchor', code: 12 });
    expect(r.log).toMatch(/may not create a validator: an operator admin must approve it first.*validator operator not approved/);
    // Nor can it approve itself.
    const submitter2 = (await lianjiand(['keys', 'show', 'submitter2', '-a', '--keyring-backend', 'test'], { home: net.home(0) })).trim();
    const self = await tx(['anchor', 'approve-operator', submitter2, 'intruder'], { home: net.home(0), from: 'submitter2', node: net.rpcUrl(0), allowFailure: true });
    expect(self).toMatchObject({ codespace: 'anchor', code: 13 });
    expect((await validatorSet(net.rpcUrl(0))).addresses).toHaveLength(4);
  });

  it('a fifth level joins as a full node, catches up, is promoted by the admin, signs blocks, then leaves; anchoring never stops and every batch verifies from the root of trust', async () => {
    // Let the chain grow a little so that there is something to catch up.
    await until('height 40', async () => ((await validatorSet(net.rpcUrl(0))).height >= 40 ? true : undefined), 120_000);

    fifth = await joinFullNode({
      home: path.join(dir, 'level5'),
      genesisFile: net.genesisFile,
      peers: await net.peers(),
      moniker: 'township',
      logFile: path.join(dir, 'level5.log'),
      referenceRpc: net.rpcUrl(0),
    });
    const c = fifth.catchUp;
    log(`full node caught up ${c.blocks} blocks (${c.fromHeight} → ${c.toHeight}) in ${(c.ms / 1000).toFixed(1)} s (${(c.blocks / (c.ms / 1000)).toFixed(0)} blocks/s, including start-up)`);
    expect(c.toHeight).toBeGreaterThanOrEqual(40);
    expect((await validatorSet(fifth.rpcUrl)).addresses).not.toContain(fifth.address);

    const p = await promote({ admin: net.admin, node: net.rpcUrl(0), levelHome: fifth.home, name: FIFTH, log });
    log(`promoted: approved at ${p.approvedAt}, create-validator at ${p.createdAt}, in the set from ${p.inSetFrom}`);
    const ops = await operators(net.rpcUrl(0));
    expect(ops.operators.find((o) => o.address === p.operator)).toMatchObject({ name: FIFTH, approved_by: ops.admins[0], height: String(p.approvedAt) });
    const five = await validatorSet(net.rpcUrl(0));
    expect(five.addresses).toHaveLength(5);

    // It signs blocks: its precommit is in the commits after it joined.
    const signedAt = await until('a block signed by the fifth level', async () => {
      const h = (await validatorSet(fifth!.rpcUrl)).height - 1;
      return h > p.inSetFrom && (await signersOf(net.rpcUrl(0), h)).includes(fifth!.address) ? h : undefined;
    });
    log(`the fifth level signed block ${signedAt}`);
    const batchesWithFive = anchoring.batches.length;
    await until('two more batches with five validators', async () => (anchoring.batches.length >= batchesWithFive + 2 ? true : undefined));

    // It leaves: unbonds its whole self-delegation.
    const left = await leave({ levelHome: fifth.home, node: net.rpcUrl(0) });
    log(`the fifth level left: unbond in block ${left.height}, out of the set from ${left.outFrom}`);
    expect((await validatorSet(net.rpcUrl(0))).addresses).toHaveLength(4);
    const after = anchoring.batches.length;
    await until('two more batches after it left', async () => (anchoring.batches.length >= after + 2 ? true : undefined));

    const batches = await anchoring.stop();
    expect(anchoring.errors).toEqual([]);
    const gap = anchoring.longestGapMs();
    log(`${batches.length} batches anchored meanwhile; longest gap between two ${(gap / 1000).toFixed(1)} s`);
    expect(gap).toBeLessThan(20_000);

    // The organisation names the new level in its root (names of validators that joined later).
    const root = { ...readTrustRoot(net.trustRootFile), names: { [fifth.address]: FIFTH } };
    const v = await verifyAllFromRoot(batches, net.rpcUrl(2), root);
    log(`verified ${v.verified} of ${batches.length} from the genesis root of trust in ${(v.ms / 1000).toFixed(1)} s`);
    expect(v.failed).toEqual([]);
    const signedByFifth = [...v.signers.values()].filter((names) => names.includes(FIFTH)).length;
    expect(signedByFifth).toBeGreaterThan(0);
    const last = v.signers.get(batches.at(-1)!.seq)!;
    expect(last.every((n) => n !== FIFTH)).toBe(true);
    expect(last.length).toBeGreaterThanOrEqual(3);
  }, 600_000);

  it('an admin revokes an approval (removed from the approved operators) and can approve again', async () => {
    const ops = await operators(net.rpcUrl(0));
    const township = ops.operators.find((o) => o.name === FIFTH)!;
    const r = await tx(['anchor', 'revoke-operator', township.address], { home: net.admin.home, from: net.admin.key, node: net.rpcUrl(0) });
    expect(r.code).toBe(0);
    expect((await operators(net.rpcUrl(0))).operators.map((o) => o.name)).not.toContain(FIFTH);
    // Approve again works (the act is repeatable and recorded again).
    const again = await approve({ admin: net.admin, node: net.rpcUrl(0), operator: township.address, name: FIFTH });
    expect(again.code).toBe(0);
  });
});
