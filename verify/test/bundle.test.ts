import { describe, expect, it } from 'vitest';
import { parseBundle, verifyBundle, type ChainChecker, type ProofBundle, type VerifyReport } from '../src/bundle.js';
import { createChainChecker } from '../src/chain/checker.js';
import { BundleError } from '../src/errors.js';
import { leafHash } from '../src/hash.js';
import { fromHex, toHex } from '../src/hex.js';
import { ANCHOR, copy, sampleBundle } from './fixtures.js';

const check = (report: VerifyReport, name: string) => report.checks.find((c) => c.name === name)!;
const flipHex = (hex: string) => (hex[0] === '0' ? '1' : '0') + hex.slice(1);

/**
 * A stand-in for the chain that answers from a fixed table. The real checker (verified ICS23
 * reads against a running node) is tested where it is built; this tests verifyBundle's handling.
 */
function tableChain(batches: Record<number, string>, calls: unknown[][] = []): ChainChecker {
  return {
    async checkBatchRoot(seq, root, anchor, batch) {
      calls.push([seq, toHex(root), anchor, batch.size, toHex(batch.prevRoot)]);
      if (batches[seq] === toHex(root)) return { ok: true, height: 1235 };
      return { ok: false, reason: `chain holds a different root for batch ${seq}` };
    },
  };
}

describe('verifyBundle', () => {
  it('verifies a real bundle offline, saying the chain was not consulted', async () => {
    const report = await verifyBundle(sampleBundle());
    expect(report.verified).toBe(true);
    expect(report.offline).toBe(true);
    expect(check(report, 'document').ok).toBe(true);
    expect(check(report, 'path').ok).toBe(true);
    expect(check(report, 'chain')).toMatchObject({ ok: null, reason: expect.stringMatching(/offline/) });
    expect(check(report, 'fields')).toMatchObject({ ok: null, reason: expect.stringMatching(/no displayed fields/) });
  });

  it('verifies every index of batches of several sizes', async () => {
    for (const size of [1, 2, 3, 8, 13]) {
      for (let index = 0; index < size; index++) {
        expect((await verifyBundle(sampleBundle(size, index))).verified, `${index}/${size}`).toBe(true);
      }
    }
  });

  it('detects tampering and names the check that failed', async () => {
    const good = sampleBundle(7, 3);
    const cases: [string, (b: ProofBundle) => void, 'document' | 'path', RegExp][] = [
      ['edited data field', (b) => (b.document.data.name = '王五'), 'document', /does not hash to the bundle's leaf/],
      ['edited version', (b) => (b.document.version += 1), 'document', /does not hash/],
      ['edited salt', (b) => (b.document.salt = 'AAECAwQFBgcICQoLDA0ODw'), 'document', /salt was changed/],
      ['invalid document', (b) => (b.document.at = 'yesterday'), 'document', /"at" must be an RFC 3339/],
      [
        'leaf of a non-canonical serialisation',
        (b) => (b.leaf = toHex(leafHash(new TextEncoder().encode(JSON.stringify(b.document))))),
        'document',
        /does not hash/,
      ],
      ['flipped path element', (b) => (b.path[1] = flipHex(b.path[1]!)), 'path', /recomputed root differs/],
      ['flipped root', (b) => (b.batch.root = flipHex(b.batch.root)), 'path', /recomputed root differs/],
      ['wrong index', (b) => (b.index = 2), 'path', /recomputed root differs/],
      ['index = size', (b) => (b.index = 7), 'path', /leaf index 7 is not below tree size 7/],
      ['wrong size', (b) => (b.batch.size = 9), 'path', /./],
      ['extra path element', (b) => b.path.push(b.batch.root), 'path', /path has 4 hashes, but leaf 3 of a tree of 7 needs exactly 3/],
      ['missing path element', (b) => b.path.pop(), 'path', /path has 2 hashes/],
      ['short hash', (b) => (b.path[0] = b.path[0]!.slice(2)), 'path', /32 bytes/],
      ['uppercase hash', (b) => (b.leaf = b.leaf.toUpperCase()), 'document', /lowercase/],
    ];
    for (const [name, edit, failing, reason] of cases) {
      const bundle = copy(good);
      edit(bundle);
      const report = await verifyBundle(bundle);
      expect(report.verified, name).toBe(false);
      expect(check(report, failing).ok, name).toBe(false);
      expect(check(report, failing).reason, name).toMatch(reason);
    }
  });

  it('a consistent forgery (document and leaf both edited) still fails on the path', async () => {
    const bundle = copy(sampleBundle());
    bundle.document.data.stage = 'CANDIDATE';
    bundle.leaf = toHex(leafHash(bundle.document));
    const report = await verifyBundle(bundle);
    expect(check(report, 'document').ok).toBe(true);
    expect(check(report, 'path').ok).toBe(false);
    expect(report.verified).toBe(false);
  });

  it('verifies online only when the chain holds the root, and passes it what to compare', async () => {
    const bundle = sampleBundle();
    const calls: unknown[][] = [];
    const report = await verifyBundle(bundle, { chain: tableChain({ 42: bundle.batch.root }, calls) });
    expect(report).toMatchObject({ verified: true, offline: false });
    expect(check(report, 'chain')).toMatchObject({ ok: true, detail: expect.stringMatching(/height 1235/) });
    expect(calls).toEqual([[42, bundle.batch.root, ANCHOR, 7, bundle.batch.prevRoot]]);

    const other = await verifyBundle(bundle, { chain: tableChain({ 42: flipHex(bundle.batch.root) }) });
    expect(other.verified).toBe(false);
    expect(check(other, 'chain')).toMatchObject({ ok: false, reason: 'chain holds a different root for batch 42' });
  });

  it('never counts an online check that could not run as verified', async () => {
    const bundle = sampleBundle();
    // Nothing listens on port 1: the real checker cannot ask, which must not pass as verified.
    const unavailable = await verifyBundle(bundle, { chain: createChainChecker('http://127.0.0.1:1') });
    expect(unavailable.verified).toBe(false);
    expect(check(unavailable, 'chain')).toMatchObject({ ok: null, reason: expect.stringMatching(/^chain check could not run: /) });

    const saysUnavailable: ChainChecker = { checkBatchRoot: async () => ({ ok: false, unavailable: true, reason: 'node is syncing' }) };
    const syncing = await verifyBundle(bundle, { chain: saysUnavailable });
    expect(syncing.verified).toBe(false);
    expect(check(syncing, 'chain')).toMatchObject({ ok: null, reason: 'chain check could not run: node is syncing' });

    const throwing: ChainChecker = {
      checkBatchRoot: async () => {
        throw new Error('connect ECONNREFUSED');
      },
    };
    const thrown = await verifyBundle(bundle, { chain: throwing });
    expect(thrown.verified).toBe(false);
    expect(check(thrown, 'chain')).toMatchObject({ ok: null, reason: 'chain check could not run: connect ECONNREFUSED' });
  });

  it('reports a pending batch (anchor null): fine offline, pending (not failed) online', async () => {
    const pending = sampleBundle(5, 1, null);
    const offline = await verifyBundle(pending);
    expect(offline.verified).toBe(true);
    expect(check(offline, 'chain').reason).toMatch(/not anchored yet/);
    const calls: unknown[][] = [];
    const online = await verifyBundle(pending, { chain: tableChain({ 42: pending.batch.root }, calls) });
    expect(online).toMatchObject({ verified: false, pending: true });
    expect(check(online, 'chain')).toMatchObject({ ok: null, pending: true, reason: expect.stringMatching(/batch 42 is not anchored on chain yet/) });
    // A pending bundle whose document was changed is a failure, not a wait.
    const changed = copy(pending);
    changed.document.data.name = 'x';
    expect(await verifyBundle(changed, { chain: tableChain({ 42: pending.batch.root }, calls) })).toMatchObject({ verified: false, pending: false });
    expect(calls).toEqual([]);
  });

  it('does not ask the chain about a bundle that already failed', async () => {
    const bundle = copy(sampleBundle());
    bundle.document.data.name = 'x';
    const calls: unknown[][] = [];
    const report = await verifyBundle(bundle, { chain: tableChain({ 42: bundle.batch.root }, calls) });
    expect(check(report, 'chain')).toMatchObject({ ok: null, reason: expect.stringMatching(/not run/) });
    expect(calls).toEqual([]);
  });

  it('checks displayed fields against the proven data (check 4)', async () => {
    const bundle = sampleBundle(7, 3);
    const same = await verifyBundle(bundle, { fields: { name: '成员 3', mentors: ['m-103'], partyAge: 3 } });
    expect(same.verified).toBe(true);
    expect(check(same, 'fields').ok).toBe(true);

    const differs = await verifyBundle(bundle, { fields: { name: '成员 4', partyAge: 3, stage: 'FULL' } });
    expect(differs.verified).toBe(false);
    expect(check(differs, 'fields')).toMatchObject({ ok: false, reason: expect.stringMatching(/differ .*: name, stage$/) });

    const missing = await verifyBundle(bundle, { fields: { phone: '123' } });
    expect(check(missing, 'fields')).toMatchObject({ ok: false, reason: 'not in the proven document: phone' });

    const unserialisable = await verifyBundle(bundle, { fields: { partyAge: Number.NaN } });
    expect(check(unserialisable, 'fields').ok).toBe(false);
  });
});

describe('parseBundle', () => {
  const good = sampleBundle();

  it('accepts a bundle as a value or as JSON text', () => {
    expect(parseBundle(copy(good))).toEqual(good);
    expect(parseBundle(JSON.stringify(good))).toEqual(good);
    expect(parseBundle(JSON.stringify({ ...good, anchor: null })).anchor).toBeNull();
  });

  it('rejects malformed bundles with a reason naming the field', () => {
    const cases: [string, (b: Record<string, any>) => unknown, RegExp][] = [
      ['not an object', () => [], /bundle must be a JSON object/],
      ['null', () => null, /bundle must be a JSON object/],
      ['v 2', (b) => ({ ...b, v: 2 }), /bundle.v must be 1/],
      ['unknown key', (b) => ({ ...b, signature: 'x' }), /bundle has unknown field "signature"/],
      ['missing key', ({ anchor: _a, ...b }) => b, /bundle.anchor is missing/],
      ['batch unknown key', (b) => ({ ...b, batch: { ...b.batch, extra: 1 } }), /bundle.batch has unknown field "extra"/],
      ['batch missing key', (b) => ({ ...b, batch: { ...b.batch, prevRoot: undefined } }), /bundle.batch.prevRoot must be a 32-byte hash/],
      ['uppercase leaf', (b) => ({ ...b, leaf: b.leaf.toUpperCase() }), /bundle.leaf must be a 32-byte hash in lowercase hex/],
      ['short root', (b) => ({ ...b, batch: { ...b.batch, root: b.batch.root.slice(2) } }), /bundle.batch.root must be a 32-byte hash/],
      ['0x leaf', (b) => ({ ...b, leaf: `0x${b.leaf.slice(2)}` }), /bundle.leaf/],
      ['negative index', (b) => ({ ...b, index: -1 }), /bundle.index must be an integer ≥ 0, got -1/],
      ['fractional index', (b) => ({ ...b, index: 1.5 }), /bundle.index must be an integer/],
      ['string index', (b) => ({ ...b, index: '3' }), /bundle.index must be an integer ≥ 0, got "3"/],
      ['size 0', (b) => ({ ...b, batch: { ...b.batch, size: 0 } }), /bundle.batch.size must be an integer ≥ 1/],
      ['seq 0', (b) => ({ ...b, batch: { ...b.batch, seq: 0 } }), /bundle.batch.seq must be an integer ≥ 1/],
      ['path not array', (b) => ({ ...b, path: b.path.join('') }), /bundle.path must be an array/],
      ['bad path element', (b) => ({ ...b, path: [b.path[0], 42] }), /bundle.path\[1\] must be a 32-byte hash/],
      ['lowercase tx hash', (b) => ({ ...b, anchor: { ...b.anchor, txHash: b.anchor.txHash.toLowerCase() } }), /txHash must be a 32-byte transaction hash in uppercase hex/],
      ['anchor extra key', (b) => ({ ...b, anchor: { ...b.anchor, block: 1 } }), /bundle.anchor has unknown field "block"/],
      ['anchor height 0', (b) => ({ ...b, anchor: { ...b.anchor, height: 0 } }), /bundle.anchor.height must be an integer ≥ 1/],
      ['anchor time', (b) => ({ ...b, anchor: { ...b.anchor, time: 'noon' } }), /bundle.anchor.time must be an RFC 3339 time/],
      ['anchor chain id', (b) => ({ ...b, anchor: { ...b.anchor, chainId: '' } }), /chainId must be a non-empty string/],
      ['anchor string', (b) => ({ ...b, anchor: 'pending' }), /bundle.anchor must be a JSON object/],
      ['document salt', (b) => ({ ...b, document: { ...b.document, salt: 'x' } }), /bundle.document: document field "salt"/],
      ['document extra', (b) => ({ ...b, document: { ...b.document, phone: '1' } }), /bundle.document: unknown document field "phone"/],
    ];
    for (const [name, mutate, reason] of cases) {
      const input = mutate(copy(good) as Record<string, any>);
      expect(() => parseBundle(input), name).toThrow(BundleError);
      expect(() => parseBundle(input), name).toThrow(reason);
    }
  });

  it('rejects JSON text that is not strict JSON, including duplicate keys', () => {
    expect(() => parseBundle('{"v":1,')).toThrow(/proof bundle is not valid JSON: invalid JSON at offset/);
    const text = JSON.stringify(good);
    const duplicated = text.replace('"data":{', '"data":{"name":"冒名",');
    expect(duplicated).not.toBe(text);
    expect(() => parseBundle(duplicated)).toThrow(/duplicate key "name"/);
  });

  it('returns fresh hashes the verifier can decode', () => {
    const bundle = parseBundle(copy(good));
    expect(fromHex(bundle.leaf)).toHaveLength(32);
    expect(bundle.path.every((h) => fromHex(h).length === 32)).toBe(true);
  });
});
