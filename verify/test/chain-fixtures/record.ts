// Records real node answers for chain-proof.test.ts: state proofs of a present batch, of an
// absent one and of the first batch, all at one height, with header H+1 and its validators.
// Usage (node with at least 3 batches):
//   node --conditions=source --import tsx verify/test/chain-fixtures/record.ts http://127.0.0.1:26657 [seq]
import { writeFileSync } from 'node:fs';
import { AnchorReader, batchKey } from '../../src/chain/anchor.js';

const rpcUrl = process.argv[2] ?? 'http://127.0.0.1:26657';
const reader = new AnchorReader(rpcUrl);
const status = await reader.status();
const height = status.height - 1;
const latest = await reader.readLatest();
const seq = BigInt(process.argv[3] ?? latest.latestSeq);
if (seq < 2n) throw new Error('record needs a chain with at least 2 batches');
const fixture = {
  recordedFrom: 'lianjiand single-validator localnet (chain/build/lianjiand)',
  chainId: status.chainId,
  height,
  seq: Number(seq),
  absentSeq: Number(seq) + 1000,
  present: await reader.gatherEvidence(batchKey(seq), height),
  absent: await reader.gatherEvidence(batchKey(seq + 1000n), height),
  first: await reader.gatherEvidence(batchKey(1n), height),
};
const out = new URL('./node-proofs.json', import.meta.url);
writeFileSync(out, `${JSON.stringify(fixture, null, 1)}\n`);
console.log(`recorded batch ${seq} at height ${height} from ${rpcUrl} into ${out.pathname}`);
