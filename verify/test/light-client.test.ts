// The light-client rules, bound by bound, on synthetic blocks signed with real ed25519 keys
// (light-fixtures.ts): trust level exactly 1/3, +2/3 exactly, an expired trusting period, a
// wrong chain id, a set the trusted set did not hand over to, a node lying about the set,
// bisection across validator changes, backwards verification, and the trust-root file format.
import { describe, expect, it } from 'vitest';
import { TrustError } from '../src/chain/errors.js';
import { CometRpc } from '../src/chain/rpc.js';
import { LightClient, verifyRootBlock, verifyStep, type TrustedBlock } from '../src/chain/lightclient.js';
import { parseTrustRoot, signersText } from '../src/chain/trust.js';
import { block, chainOf, fakeNode, key, rootFor, T0, timeAt, type ValSet } from './light-fixtures.js';

const [A, B, C, D, E, F, G] = [key('A'), key('B'), key('C'), key('D'), key('E'), key('F'), key('G')] as const;
const at = (seconds: number) => () => new Date(T0 + seconds * 1000);
const opts = { trustingPeriodSeconds: 3600, now: at(120) };

function trustedAt(height: number, vals: ValSet, next: ValSet = vals): TrustedBlock {
  const b = block({ height, vals, next });
  return verifyRootBlock(rootFor([...Array(height - 1).fill(b), b], height, vals), b);
}

function refusal(fn: () => unknown): TrustError {
  try {
    fn();
  } catch (error) {
    if (error instanceof TrustError) return error;
    throw error;
  }
  throw new Error('expected a TrustError');
}

describe('skipping: trust level 1/3 of the trusted set', () => {
  const trustedSet = [
    { key: A, power: 100 },
    { key: B, power: 100 },
    { key: C, power: 100 },
  ];
  const trusted = trustedAt(1, trustedSet);

  it('refuses a header signed by exactly 1/3 of the trusted power', () => {
    // New set: A (from the trusted set) plus D and E; A holds exactly 100 of the trusted 300.
    const vals = [
      { key: A, power: 100 },
      { key: D, power: 100 },
      { key: E, power: 100 },
    ];
    const e = refusal(() => verifyStep(trusted, block({ height: 5, vals, next: vals }), opts));
    expect(e.code).toBe('not-handed-over');
    expect(e.message).toMatch(/100 of its 300 voting power signed block 5; more than 1\/3 is needed/);
  });

  it('accepts a header signed by just over 1/3 of the trusted power', () => {
    const heavier = trustedAt(1, [
      { key: A, power: 101 },
      { key: B, power: 100 },
      { key: C, power: 99 },
    ]);
    const vals = [
      { key: A, power: 100 },
      { key: D, power: 100 },
      { key: E, power: 100 },
    ];
    const b = verifyStep(heavier, block({ height: 5, vals, next: vals }), opts);
    expect(b.via).toBe('skipping');
    expect(b.height).toBe(5);
  });
});

describe('+2/3 of the header’s own set', () => {
  const trusted = trustedAt(1, [
    { key: A, power: 100 },
    { key: B, power: 100 },
    { key: C, power: 100 },
  ]);

  it('refuses exactly 2/3 (adjacent)', () => {
    const vals = [
      { key: A, power: 100 },
      { key: B, power: 100 },
      { key: C, power: 100 },
    ];
    const e = refusal(() => verifyStep(trusted, block({ height: 2, vals, next: vals, signers: [A, B] }), opts));
    expect(e.code).toBe('invalid-header');
    expect(e.message).toMatch(/only 200 of 300 voting power .* more than two thirds/);
  });

  it('accepts just over 2/3 (skipping)', () => {
    const vals = [
      { key: A, power: 101 },
      { key: B, power: 100 },
      { key: C, power: 99 },
    ];
    const b = verifyStep(trusted, block({ height: 7, vals, next: vals, signers: [A, B] }), opts);
    expect(b.signedBy).toEqual([true, true, false]);
  });

  it('refuses exactly 2/3 of the new set even when the trusted third signed (skipping)', () => {
    const vals = [
      { key: A, power: 100 },
      { key: B, power: 100 },
      { key: D, power: 100 },
    ];
    const e = refusal(() => verifyStep(trusted, block({ height: 7, vals, next: vals, signers: [A, B] }), opts));
    expect(e.code).toBe('invalid-header');
  });
});

describe('trusting period, clock and chain id', () => {
  const set = [{ key: A, power: 10 }];
  const trusted = trustedAt(1, set); // block 1 at T0 + 1 s
  const next = block({ height: 3, vals: set, next: set });

  // Block 1's time is T0 + 1.5 s, so with 100 s it expires at exactly T0 + 101.5 s.
  it('refuses when the trusted header is exactly at the end of the trusting period', () => {
    const e = refusal(() => verifyStep(trusted, next, { trustingPeriodSeconds: 100, now: () => new Date(T0 + 101_500) }));
    expect(e.code).toBe('expired');
    expect(e.message).toMatch(/older than the trusting period of 100 s/);
  });

  it('accepts a millisecond before the end', () => {
    expect(verifyStep(trusted, next, { trustingPeriodSeconds: 100, now: () => new Date(T0 + 101_499) }).height).toBe(3);
  });

  it('refuses a header from the future (beyond 10 s of clock drift)', () => {
    const late = block({ height: 3, vals: set, next: set, time: new Date(T0 + 200_000).toISOString() });
    expect(refusal(() => verifyStep(trusted, late, { trustingPeriodSeconds: 3600, now: at(189) })).message).toMatch(/in the future/);
  });

  it('refuses a header of another chain id', () => {
    const other = block({ height: 3, vals: set, next: set, chainId: 'lianjian-other' });
    const e = refusal(() => verifyStep(trusted, other, opts));
    expect(e.code).toBe('wrong-chain');
    expect(e.message).toMatch(/belongs to chain "lianjian-other", the root of trust is for "lianjian-test"/);
  });

  it('refuses a header whose time is not after the trusted one', () => {
    const old = block({ height: 3, vals: set, next: set, time: timeAt(1) });
    expect(refusal(() => verifyStep(trusted, old, opts)).message).toMatch(/is not after the trusted block/);
  });
});

describe('hand-over and the node’s validator set', () => {
  const X = [
    { key: A, power: 10 },
    { key: B, power: 10 },
  ];
  const Y = [
    { key: C, power: 10 },
    { key: D, power: 10 },
  ];

  it('refuses an adjacent header whose set is not the trusted header’s next_validators_hash', () => {
    const trusted = trustedAt(4, X, X); // hands over to X
    const e = refusal(() => verifyStep(trusted, block({ height: 5, vals: Y, next: Y }), opts));
    expect(e.code).toBe('not-handed-over');
    expect(e.message).toMatch(/block 5 is signed by validator set [0-9A-F]{64}, but block 4 handed over to/);
  });

  it('accepts an adjacent header when the trusted header handed over to its set', () => {
    const trusted = trustedAt(4, X, Y);
    expect(verifyStep(trusted, block({ height: 5, vals: Y, next: Y }), opts).via).toBe('adjacent');
  });

  it('refuses a node that sends another validator set than the header names', () => {
    const trusted = trustedAt(4, X, X);
    const e = refusal(() => verifyStep(trusted, block({ height: 9, vals: X, next: X, sentVals: Y }), opts));
    expect(e.code).toBe('validators-mismatch');
    expect(e.message).toMatch(/the validator set the node sent for block 9 hashes to/);
  });

  it('refuses signatures from keys outside the set (a forged header under the same chain id)', () => {
    const trusted = trustedAt(4, X, X);
    // The forger's set signs; none of the trusted keys did.
    const e = refusal(() => verifyStep(trusted, block({ height: 9, vals: Y, next: Y }), opts));
    expect(e.code).toBe('not-handed-over');
  });
});

describe('LightClient over a node', () => {
  // Sets change every three blocks; each change keeps exactly a third of the old power, so the
  // root cannot skip to the top and the client has to bisect.
  const X = [A, B, C].map((k) => ({ key: k, power: 10 }));
  const Y = [C, D, E].map((k) => ({ key: k, power: 10 }));
  const Z = [E, F, G].map((k) => ({ key: k, power: 10 }));
  const setAt = (h: number) => (h <= 3 ? X : h <= 6 ? Y : Z);
  const blocks = chainOf(9, setAt);

  it('bisects across validator changes to the target and reports who signed', async () => {
    const calls: string[] = [];
    const lc = new LightClient(rootFor(blocks, 1, X), new CometRpc('http://fake', { fetch: fakeNode(blocks, calls) }), { now: at(60) });
    const b = await lc.verifyHeight(9);
    expect(b.height).toBe(9);
    const path = lc.takeVerified();
    expect(path[0]).toBe(1);
    expect(path.at(-1)).toBe(9);
    // Every hand-over (3→4, 6→7) had to be crossed by an adjacent step.
    expect(path).toEqual(expect.arrayContaining([3, 4, 6, 7]));
    const signers = lc.signers(b);
    expect(signers).toMatchObject({ signed: 3, total: 3 });
    expect(signersText(signers).zh).toMatch(/^由 3 个层级中的 3 个签署：/);
    // Warm: a second read of a verified height fetches nothing.
    const before = calls.length;
    await lc.verifyHeight(9);
    await lc.verifyHeight(4);
    expect(calls.length).toBe(before);
  });

  it('refuses a node whose chain is another one from the root height on (fork)', async () => {
    const forged = chainOf(9, () => [F, G].map((k) => ({ key: k, power: 10 })));
    const lc = new LightClient(rootFor(blocks, 1, X), new CometRpc('http://fake', { fetch: fakeNode(forged) }), { now: at(60) });
    const e = await lc.verifyHeight(9).catch((error: unknown) => error);
    expect(e).toBeInstanceOf(TrustError);
    expect((e as TrustError).code).toBe('fork');
  });

  it('refuses a chain that shares the root block but was then signed by a set nobody handed over to', async () => {
    const hijacked = chainOf(9, (h) => (h === 1 ? X : [F, G].map((k) => ({ key: k, power: 10 }))));
    // Block 1 hands over to X (itself), but blocks 2… are signed by {F, G}.
    hijacked[0] = block({ height: 1, vals: X, next: X });
    const root = rootFor(hijacked, 1, X);
    const lc = new LightClient(root, new CometRpc('http://fake', { fetch: fakeNode(hijacked) }), { now: at(60) });
    const e = (await lc.verifyHeight(9).catch((error: unknown) => error)) as TrustError;
    expect(e.code).toBe('not-handed-over');
  });

  it('verifies below the root backwards through last_block_id', async () => {
    const lc = new LightClient(rootFor(blocks, 6, Y), new CometRpc('http://fake', { fetch: fakeNode(blocks) }), { now: at(60) });
    const b = await lc.verifyHeight(2);
    expect(b.via).toBe('backwards');
    expect(lc.signers(b).validators.map((v) => v.name)).toEqual([null, null, 'level C']);
  });

  it('refuses everything once the root has expired', async () => {
    const lc = new LightClient(rootFor(blocks, 1, X, { trustingPeriodSeconds: 30 }), new CometRpc('http://fake', { fetch: fakeNode(blocks) }), { now: at(60) });
    expect(((await lc.verifyHeight(3).catch((e: unknown) => e)) as TrustError).code).toBe('expired');
  });
});

describe('trust-root file', () => {
  const blocks = chainOf(2, () => [{ key: A, power: 10 }]);
  const root = rootFor(blocks, 1, [{ key: A, power: 10 }]);

  it('round-trips through JSON', () => {
    expect(parseTrustRoot(JSON.stringify(root))).toEqual(root);
  });

  it('refuses unknown fields, a key that is not the address’s, and bad hashes', () => {
    expect(() => parseTrustRoot({ ...root, extra: 1 })).toThrow(/unknown field "extra"/);
    expect(() => parseTrustRoot({ ...root, validators: [{ ...root.validators[0]!, address: B.address }] })).toThrow(/does not belong to its public key/);
    expect(() => parseTrustRoot({ ...root, headerHash: 'abc' })).toThrow(/headerHash/);
    expect(() => parseTrustRoot('{"v":1,"v":1}')).toThrow(/not valid JSON/);
  });
});
