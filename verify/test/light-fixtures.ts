// Synthetic CometBFT light blocks for the light-client unit tests: real ed25519 keys, real header
// hashes and canonical vote sign bytes (the same code that checks blocks from a node), so each
// bound of the light-client rules can be set exactly (a third, two thirds, expiry, chain id).
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { toBase64, toUpperHex } from '../src/chain/bytes.js';
import { headerHash, precommitSignBytes, validatorSetHash } from '../src/chain/light.js';
import type { LightBlock } from '../src/chain/lightclient.js';
import type { RawHeader, RawSignedHeader, RawValidator } from '../src/chain/rpc.js';
import type { TrustRoot } from '../src/chain/trust.js';

export interface Key {
  name: string;
  secret: Uint8Array;
  pub: Uint8Array;
  address: string;
}

export function key(name: string): Key {
  const secret = sha256(new TextEncoder().encode(`light-fixture-key:${name}`));
  const pub = ed25519.getPublicKey(secret);
  return { name, secret, pub, address: toUpperHex(sha256(pub).subarray(0, 20)) };
}

export type ValSet = Array<{ key: Key; power: number }>;

export function rawSet(set: ValSet): RawValidator[] {
  return set.map(({ key: k, power }) => ({ address: k.address, pub_key: { type: 'tendermint/PubKeyEd25519', value: toBase64(k.pub) }, voting_power: String(power) }));
}

export const setHash = (set: ValSet) => toUpperHex(validatorSetHash(rawSet(set)));
const filler = (label: string) => toUpperHex(sha256(new TextEncoder().encode(label)));

export const T0 = Date.parse('2026-03-01T00:00:00Z');
export const timeAt = (height: number) => new Date(T0 + height * 1000).toISOString().replace('.000Z', '.5Z');

export interface BlockSpec {
  chainId?: string;
  height: number;
  vals: ValSet;
  next: ValSet;
  /** Keys that sign (default: all of vals). Keys outside vals sign too when given (forgery). */
  signers?: Key[];
  /** Validator set the node sends (default: vals). */
  sentVals?: ValSet;
  time?: string;
  lastBlockHash?: string;
}

export function block(spec: BlockSpec): LightBlock {
  const chainId = spec.chainId ?? 'lianjian-test';
  const header: RawHeader = {
    version: { block: '11', app: '0' },
    chain_id: chainId,
    height: String(spec.height),
    time: spec.time ?? timeAt(spec.height),
    last_block_id: { hash: spec.lastBlockHash ?? filler(`last ${spec.height}`), parts: { total: 1, hash: filler(`parts ${spec.height - 1}`) } },
    last_commit_hash: filler(`lc ${spec.height}`),
    data_hash: filler(`data ${spec.height}`),
    validators_hash: setHash(spec.vals),
    next_validators_hash: setHash(spec.next),
    consensus_hash: filler('consensus'),
    app_hash: filler(`app ${spec.height}`),
    last_results_hash: filler(`results ${spec.height}`),
    evidence_hash: filler('evidence'),
    proposer_address: spec.vals[0]!.key.address,
  };
  const blockId = { hash: toUpperHex(headerHash(header)), parts: { total: 1, hash: filler(`parts ${spec.height}`) } };
  const signers = spec.signers ?? spec.vals.map((v) => v.key);
  const ts = timeAt(spec.height + 0.5);
  const signatures = spec.vals.map(({ key: k }) => {
    if (!signers.includes(k)) return { block_id_flag: 1, validator_address: '', timestamp: '0001-01-01T00:00:00Z', signature: null };
    const msg = precommitSignBytes(chainId, BigInt(spec.height), 0, blockId, ts);
    return { block_id_flag: 2, validator_address: k.address, timestamp: ts, signature: toBase64(ed25519.sign(msg, k.secret)) };
  });
  const signed: RawSignedHeader = { header, commit: { height: String(spec.height), round: 0, block_id: blockId, signatures } };
  return { signed, validators: rawSet(spec.sentVals ?? spec.vals) };
}

/** A chain of blocks 1..n whose validator set at height h is setAt(h); headers are hash-linked. */
export function chainOf(n: number, setAt: (h: number) => ValSet, opts: { chainId?: string } = {}): LightBlock[] {
  const out: LightBlock[] = [];
  for (let h = 1; h <= n; h++) {
    const prev = out[h - 2];
    out.push(
      block({
        height: h,
        vals: setAt(h),
        next: setAt(h + 1),
        ...(opts.chainId ? { chainId: opts.chainId } : {}),
        ...(prev ? { lastBlockHash: prev.signed.commit.block_id.hash } : {}),
      }),
    );
  }
  return out;
}

/** A fetch that answers CometBFT's commit and validators calls from a list of blocks (a fake node). */
export function fakeNode(blocks: LightBlock[], calls: string[] = []): typeof fetch {
  return (async (_url: unknown, init?: { body?: unknown }) => {
    const { id, method, params } = JSON.parse(String(init?.body)) as { id: number; method: string; params: { height: string } };
    const h = Number(params.height);
    calls.push(`${method} ${h}`);
    const b = blocks[h - 1];
    const reply = (result: unknown) => new Response(JSON.stringify({ jsonrpc: '2.0', id, result }), { headers: { 'content-type': 'application/json' } });
    if (!b) return new Response(JSON.stringify({ jsonrpc: '2.0', id, error: { code: -32603, message: 'Internal error', data: `height ${h} must be less than or equal to the current blockchain height ${blocks.length}` } }));
    if (method === 'commit') return reply({ signed_header: b.signed, canonical: true });
    if (method === 'validators') return reply({ block_height: String(h), validators: b.validators, count: String(b.validators.length), total: String(b.validators.length) });
    throw new Error(`fake node: unexpected ${method}`);
  }) as typeof fetch;
}

export function rootFor(blocks: LightBlock[], height: number, vals: ValSet, opts: Partial<TrustRoot> = {}): TrustRoot {
  const b = blocks[height - 1]!;
  return {
    v: 1,
    organisation: 'Test organisation 测试组织',
    chainId: b.signed.header.chain_id,
    genesisHash: '00'.repeat(32),
    height,
    headerHash: b.signed.commit.block_id.hash,
    validators: vals.map(({ key: k, power }) => ({ address: k.address, pubKey: toBase64(k.pub), power: String(power), name: `level ${k.name}` })),
    names: {},
    trustingPeriodSeconds: 3600,
    createdAt: '2026-03-01T00:00:00.000Z',
    ...opts,
  };
}
