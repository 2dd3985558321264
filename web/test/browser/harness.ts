// Browser-test helpers: Debian's Chromium driven by playwright-core, screenshots, TOTP codes
// computed from the demo secrets, and sign-in through the real pages.
import { createHmac } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import type { DemoAccount } from '@lianjian/db';
import { base32Decode } from '@lianjian/db/base32';
import './context.js';

export const CHROMIUM = process.env.LIANJIAN_CHROMIUM ?? '/usr/bin/chromium';
export const screenshotDir = path.resolve(import.meta.dirname, '../../../test-results/screenshots');

/** A fresh headless Chromium (Playwright gives it a new temporary profile directory). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

/** A context with its own cookies; page errors fail the test that reads `errors`. */
export async function newContext(browser: Browser, viewport = DESKTOP): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport, acceptDownloads: true, ...(viewport === PHONE ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}) });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return { context, page, errors };
}

/**
 * Chromium for the tests of one file, launched before them and closed after them: call it at the
 * top of the file, and `browser()` inside the tests.
 */
export function browserForFile(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser is launched before the tests');
    return browser;
  };
}

/** A fresh context signed in as the demo account of `role`. */
export async function signedIn(browser: Browser, role: DemoAccount['role'], viewport = DESKTOP): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const opened = await newContext(browser, viewport);
  await signIn(opened.page, account(role));
  return opened;
}

/** Opens a path of the web app under test. */
export function go(page: Page, path: string) {
  return page.goto(`${stackInfo().webUrl}${path}`);
}

/** Waits until every proof on the page has a final state, and returns the states. */
export async function proofStates(page: Page, timeoutMs = 60_000): Promise<string[]> {
  await page.getByTestId('proof').first().waitFor();
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="proof"]')].every((p) => (p.getAttribute('data-proof-state') ?? 'waiting') !== 'waiting'), undefined, { timeout: timeoutMs });
  return page.getByTestId('proof').evaluateAll((els) => els.map((e) => e.getAttribute('data-proof-state') ?? ''));
}

/** Waits until the page's first proof is verified, opens its 校验详情 and returns it. */
export async function openFirstProof(page: Page, timeoutMs = 60_000) {
  const proof = page.getByTestId('proof').first();
  await page.waitForFunction(() => document.querySelector('[data-testid="proof"]')?.getAttribute('data-proof-state') === 'verified', undefined, { timeout: timeoutMs });
  await proof.getByText(/校验详情/).click();
  return proof;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export function stackInfo() {
  return inject('webStack');
}

export function account(role: DemoAccount['role']): DemoAccount {
  const a = stackInfo().accounts.find((x) => x.role === role);
  if (!a) throw new Error(`the demo seed made no ${role} account`);
  return a;
}

/** RFC 6238 (SHA-1, 30 s, 6 digits), written here independently of the API's implementation (base32 is tested against RFC 4648 in the API's totp tests). */
export function totpCode(secret: string, at = Date.now()): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / 30)));
  const mac = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const bin = ((mac[offset]! & 0x7f) << 24) | (mac[offset + 1]! << 16) | (mac[offset + 2]! << 8) | mac[offset + 3]!;
  return String(bin % 1_000_000).padStart(6, '0');
}

// The TOTP step each account last signed in with, shared by every test file of this stack (files
// run one after another in fresh module scopes: a map here would forget the previous file's step,
// and the API refuses a code used twice).
function stepsFile(): string {
  return path.join(tmpdir(), `lianjian-totp-steps-${new URL(stackInfo().webUrl).port}.json`);
}
function lastSteps(): Record<string, number> {
  try {
    return JSON.parse(readFileSync(stepsFile(), 'utf8')) as Record<string, number>;
  } catch {
    return {};
  }
}

/**
 * Signs in through /signin (and the TOTP step for privileged roles); resolves on the landing page.
 * `onCodeStep` runs when the TOTP step shows, before anything is typed into it.
 */
export async function signIn(page: Page, who: DemoAccount, opts: { onCodeStep?: (page: Page) => Promise<void> } = {}): Promise<void> {
  const { webUrl } = stackInfo();
  await page.goto(`${webUrl}/signin`);
  await page.getByLabel(/用户名|Username/).fill(who.username);
  await page.getByLabel(/^(密码|Password)$/).fill(who.password);
  await page.getByRole('button', { name: /^(登录|Sign in)$/ }).click();
  if (who.totpSecret) {
    const code = page.getByLabel(/6 位动态码|6-digit code/);
    await code.waitFor();
    await opts.onCodeStep?.(page);
    // A code works once and the step is 30 s: never reuse this account's last step, and do not
    // start a step that ends in under 2 s.
    const last = lastSteps()[who.username] ?? -1;
    for (;;) {
      const now = Date.now();
      const step = Math.floor(now / 30_000);
      const into = now % 30_000;
      if (step > last && into <= 28_000) break;
      await page.waitForTimeout(30_500 - into);
    }
    const at = Date.now();
    writeFileSync(stepsFile(), JSON.stringify({ ...lastSteps(), [who.username]: Math.floor(at / 30_000) }));
    await code.fill(totpCode(who.totpSecret, at));
    await page.getByRole('button', { name: /^(验证|Verify)$/ }).click();
  }
  await page.waitForURL((u) => u.pathname !== '/signin');
}

/** A GraphQL call straight to the API (to fetch fixtures such as a member's proof bundle). */
export async function graphql<T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const res = await fetch(stackInfo().apiUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: Array<{ message: string }> };
  if (body.errors?.length) throw new Error(`GraphQL: ${body.errors.map((e) => e.message).join('; ')}`);
  return body.data as T;
}

/** The member demo account's current member record proof bundle, once its batch is on chain. */
export async function anchoredMemberBundle(timeoutMs = 60_000): Promise<Record<string, unknown>> {
  const who = account('MEMBER');
  const signed = await graphql<{ signIn: { token?: string } }>(
    'mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { ... on SignedIn { token } } }',
    { u: who.username, p: who.password },
  );
  const token = signed.signIn.token;
  if (!token) throw new Error('member sign-in gave no token');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = await graphql<{ me: { account: { member: { proof: { status: string; bundle: Record<string, unknown> | null } } } } }>(
      '{ me { account { member { proof { status bundle } } } } }',
      {},
      token,
    );
    const proof = r.me.account.member.proof;
    if (proof.status === 'ANCHORED' && proof.bundle) return proof.bundle;
    if (Date.now() > deadline) throw new Error(`the member record was not anchored within ${timeoutMs} ms (status ${proof.status})`);
    await new Promise((r) => setTimeout(r, 500));
  }
}
