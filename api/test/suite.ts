// One call per test file for what every integration file sets up the same way: the API (or the
// whole stack) with the fixture organisation, and signed-in callers of its accounts. The call
// registers the file's first beforeAll (starting everything) and its last afterAll (closing it);
// the file's own hooks run in between (vitest runs beforeAll hooks in order, afterAll in reverse).
//
// The returned objects exist from the start and are filled in by that beforeAll, so a file can
// destructure them at the top and use them in its hooks and tests.
import { afterAll, beforeAll } from 'vitest';
import type { ApiConfig } from '../src/shared/config.js';
import { startE2eStack, signInWithTotp, type E2eStack } from './e2e-stack.js';
import { createFixture, sessionFor, type AccountName, type Fixture } from './fixtures.js';
import { startHarness, type Caller, type Harness } from './harness.js';

/** Fixture accounts with a ready session each (second factor done); `expiresAt` for files that move the clock far. */
export interface SessionOptions<N extends AccountName> {
  sessions?: readonly N[];
  expiresAt?: Date;
}

/** `as`: the callers a file uses — the signed-in accounts, `anonymous` (no credentials) and those it adds itself (`others`). */
export type Callers<N extends string> = Record<N | 'anonymous', Caller>;

export interface ApiSuiteOptions<N extends AccountName, O extends string> extends SessionOptions<N> {
  /** Callers the file signs in itself (in its own beforeAll), named here so that `as` knows them. */
  others?: readonly O[];
  /** Overrides of the API's configuration. */
  config?: Partial<ApiConfig>;
  /** The API's clock from the start (before the fixture is written and anyone signs in). */
  clock?: Date;
  /** Extra members of b1 (createFixture's `bulk`). */
  bulk?: number;
}

export interface ApiSuite<C extends string> {
  h: Harness;
  fx: Fixture;
  as: Callers<C>;
}

/** A caller object per name (and `anonymous`), empty until signed in. */
function callers<C extends string>(names: readonly C[]): Callers<C> {
  return Object.fromEntries([...names, 'anonymous'].map((n) => [n, {}])) as Callers<C>;
}

async function signIn<N extends AccountName>(h: Harness, fx: Fixture, as: Callers<N>, opts: SessionOptions<N>): Promise<void> {
  for (const who of opts.sessions ?? []) as[who].token = await sessionFor(h.prisma, fx.accounts[who].id, { expiresAt: opts.expiresAt });
}

/** The API server (startHarness) with the fixture organisation, for the tests of one file. */
export function apiSuite<N extends AccountName = never, O extends string = never>(opts: ApiSuiteOptions<N, O> = {}): ApiSuite<N | O> {
  const suite: ApiSuite<N | O> = { h: {} as Harness, fx: {} as Fixture, as: callers<N | O>([...(opts.sessions ?? []), ...(opts.others ?? [])]) };
  beforeAll(async () => {
    Object.assign(suite.h, await startHarness(opts.config));
    if (opts.clock) suite.h.clock.now = opts.clock;
    Object.assign(suite.fx, await createFixture(suite.h.prisma, { bulk: opts.bulk }));
    await signIn(suite.h, suite.fx, suite.as, opts);
  });
  afterAll(() => suite.h.close?.());
  return suite;
}

export interface E2eSuiteOptions<T extends 'secretary' | 'admin', N extends AccountName> extends SessionOptions<N> {
  /** The API's clock before anyone signs in. */
  clock?: Date;
  /** Accounts that sign in for real: password, then the TOTP code (signInWithTotp). */
  totp?: readonly T[];
}

export interface E2eSuite<C extends string> {
  s: E2eStack;
  as: Callers<C>;
}

/** The whole stack (startE2eStack: chain, indexer, API) for the tests of one file. */
export function e2eSuite<T extends 'secretary' | 'admin' = never, N extends AccountName = never>(opts: E2eSuiteOptions<T, N> = {}): E2eSuite<T | N> {
  const suite: E2eSuite<T | N> = { s: {} as E2eStack, as: callers<T | N>([...(opts.totp ?? []), ...(opts.sessions ?? [])]) };
  beforeAll(async () => {
    Object.assign(suite.s, await startE2eStack());
    if (opts.clock) suite.s.h.clock.now = opts.clock;
    for (const who of opts.totp ?? []) suite.as[who].token = await signInWithTotp(suite.s.h, suite.s.fx, who);
    await signIn(suite.s.h, suite.s.fx, suite.as, opts);
  });
  afterAll(() => suite.s.stop?.());
  return suite;
}
