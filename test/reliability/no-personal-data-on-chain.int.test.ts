// No personal data on chain: a seeded organisation plus members created through the API with
// national ID numbers, phones and addresses, all anchored on a chain of the test's own. Then
// every transaction of every block and every key and value of the x/anchor store (read raw over
// RPC) is scanned for each member's name, national ID number (and its stored hash), phone and
// address, in UTF-8, hex and base64. None may appear: the chain holds roots, sizes and seqs only.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { seed } from '@lianjian/db';
import { committerChain, Indexer } from '@lianjian/indexer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChainCommitter } from '@lianjian/indexer/chain';
import { waitFor, withClient } from '../../indexer/test/helpers.js';
import { makeNationalId } from '@lianjian/api';
import { sessionFor } from '../../api/test/fixtures.js';
import { startHarness, type Harness } from '../../api/test/harness.js';
import { allChainTxs, killableChain, type KillableChain } from './lib/chain.js';

let dir: string;
let chain: KillableChain;
let h: Harness;
const secrets: { what: string; text: string }[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'lianjian-no-pii-'));
  chmodSync(dir, 0o755);
  [chain, h] = await Promise.all([killableChain(dir), startHarness({ idSalt: 'lianjian-demo-national-id-salt' })]);
  await seed(h.dbUrl, { members: 40, progress: false, workers: 0 });

  // Members with every sensitive field set, through the API as a secretary would.
  const admin = await h.prisma.account.findFirstOrThrow({ where: { role: 'ADMIN' } });
  const token = await sessionFor(h.prisma, admin.id);
  const branch = await h.prisma.orgUnit.findFirstOrThrow({ where: { kind: 'BRANCH' } });
  for (let i = 0; i < 6; i++) {
    const birth = `19${70 + i}-0${1 + (i % 9)}-1${i}`;
    const nationalId = makeNationalId('310104', birth, 501 + 2 * i);
    const phone = `1391234${String(5600 + i).padStart(4, '0')}`;
    const address = `上海市徐汇区漕溪北路${100 + i}号${i}室`;
    const name = `隐私测试${'甲乙丙丁戊己'[i]}`;
    const r = await h.gql(
      `mutation($input: CreateMemberInput!) { createMember(input: $input) { id } }`,
      { input: { orgUnitId: branch.id, name, gender: 'MALE', birthDate: birth, ethnicity: '汉族', education: 'BACHELOR', appliedOn: '2025-01-06', nationalId, phone, address } },
      { token },
    );
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    secrets.push({ what: 'national ID', text: nationalId }, { what: 'phone', text: phone }, { what: 'address', text: address });
  }
  const members = await h.prisma.member.findMany({ select: { name: true, phone: true, address: true, nationalIdHash: true } });
  for (const m of members) {
    secrets.push({ what: 'name', text: m.name });
    if (m.phone) secrets.push({ what: 'phone', text: m.phone });
    if (m.address) secrets.push({ what: 'address', text: m.address });
    if (m.nationalIdHash) secrets.push({ what: 'national ID hash', text: Buffer.from(m.nationalIdHash).toString('hex') });
  }

  const committer = await ChainCommitter.create({ rpcUrl: chain.rpcUrl, mnemonic: chain.mnemonics()[0]! });
  const indexer = new Indexer({ databaseUrl: h.dbUrl, chain: committerChain(committer), policy: { maxRecords: 500, maxWaitMs: 20 } });
  await indexer.start();
  const total = await withClient(h.dbUrl, async (c) => Number((await c.query('SELECT count(*) AS n FROM outbox_record')).rows[0].n));
  await waitFor(
    'everything anchored',
    async () => withClient(h.dbUrl, async (c) => Number((await c.query(`SELECT coalesce(sum(size), 0) AS n FROM batch WHERE status = 'ANCHORED'`)).rows[0].n) === total),
    180_000,
    200,
  );
  await indexer.stop();
}, 300_000);

afterAll(async () => {
  await h?.close();
  await chain?.stop().catch(() => undefined);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Every key and value of the x/anchor module's store, raw, from ABCI over RPC. */
async function anchorStore(): Promise<Buffer[]> {
  const out: Buffer[] = [];
  // Keys are 0x01 ‖ seq (batches) and a few singletons; a subspace query over each prefix byte reads them all.
  for (let prefix = 0; prefix < 256; prefix++) {
    const data = prefix.toString(16).padStart(2, '0');
    const res = (await (await fetch(`${chain.rpcUrl}/abci_query?path=%22/store/anchor/subspace%22&data=0x${data}`)).json()) as {
      result: { response: { code: number; value: string | null; log?: string } };
    };
    if (res.result.response.code !== 0) throw new Error(`abci_query failed: ${res.result.response.log}`);
    if (res.result.response.value) out.push(Buffer.from(res.result.response.value, 'base64'));
  }
  return out;
}

function encodings(text: string): Buffer[] {
  const utf8 = Buffer.from(text, 'utf8');
  return [utf8, Buffer.from(utf8.toString('hex')), Buffer.from(utf8.toString('base64').replace(/=+$/, ''))];
}

describe('no personal data on chain', () => {
  it('the scan covers real data: every batch is on chain and the store holds their roots', async () => {
    const batches = await withClient(h.dbUrl, async (c) => (await c.query<{ seq: number; root: Buffer }>('SELECT seq, root FROM batch ORDER BY seq')).rows);
    expect(batches.length).toBeGreaterThanOrEqual(2);
    const store = Buffer.concat(await anchorStore());
    const txs = Buffer.concat((await allChainTxs(chain.rpcUrl)).map((t) => t.tx));
    for (const b of batches) {
      expect(store.includes(b.root), `store holds root of batch ${b.seq}`).toBe(true);
      expect(txs.includes(b.root), `a transaction carries root of batch ${b.seq}`).toBe(true);
    }
    expect(secrets.filter((s) => s.what === 'name').length).toBeGreaterThanOrEqual(40);
    expect(secrets.filter((s) => s.what === 'national ID').length).toBe(6);
  });

  it('finds no name, national ID (or its hash), phone or address in any transaction or in the anchor state', async () => {
    const haystacks = [
      { where: 'transactions', bytes: Buffer.concat((await allChainTxs(chain.rpcUrl)).map((t) => t.tx)) },
      { where: 'x/anchor state', bytes: Buffer.concat(await anchorStore()) },
    ];
    const found: string[] = [];
    for (const s of secrets) {
      for (const needle of encodings(s.text)) {
        for (const hay of haystacks) if (hay.bytes.includes(needle)) found.push(`${s.what} "${s.text}" in ${hay.where}`);
      }
    }
    expect(found).toEqual([]);
    console.log(`[no-pii] scanned ${haystacks.map((x) => `${x.bytes.length} bytes of ${x.where}`).join(' and ')} for ${secrets.length} personal values × 3 encodings: none found`);
  });
});
