// What people see when a service behind the web app is down: a second web server, sharing the
// session secret, points at an API and an indexer that are not running.
import { freePort } from '@lianjian/db/postgres';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../scripts/lib/process.js';
import { startWebServer } from './stack.js';
import { launchBrowser, newContext, screenshot, signedIn, stackInfo } from './browser/harness.js';

let browser: Browser;
let broken: RunningService;
let brokenUrl: string;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'lianjian-web-broken-'));
  const [port, deadApi, deadIndexer] = await Promise.all([freePort(), freePort(), freePort()]);
  brokenUrl = `http://127.0.0.1:${port}`;
  [browser, broken] = await Promise.all([
    launchBrowser(),
    startWebServer({
      port,
      apiUrl: `http://127.0.0.1:${deadApi}/graphql`,
      rpcUrl: stackInfo().rpcUrl,
      indexerUrl: `http://127.0.0.1:${deadIndexer}`,
      logFile: path.join(dir, 'web.log'),
    }),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await broken?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('when the API is down', () => {
  it('sign-in says the API cannot be reached', async () => {
    const { page, context } = await newContext(browser);
    await page.goto(`${brokenUrl}/signin`);
    await page.getByLabel('用户名').fill('member');
    await page.getByLabel('密码').fill('whatever');
    await page.getByRole('button', { name: '登录' }).click();
    expect(await page.getByTestId('signin-error').innerText()).toMatch(/无法连接链建接口/);
    await context.close();
  });

  it('a signed-in page explains the outage and what to do, with the cause', async () => {
    const { page, context } = await signedIn(browser, 'MEMBER');
    // Cookies belong to the host, not the port: the broken server gets the same session.
    const res = await page.goto(`${brokenUrl}/me`);
    expect(res?.status()).toBe(503);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('服务暂时不可用');
    // The message says what happened in the page's language; the internal address stays in the server log.
    const detail = await page.getByTestId('error-detail').innerText();
    expect(detail).toMatch(/^无法连接链建接口/);
    expect(detail).not.toMatch(/http|127\.0\.0\.1|API_UNAVAILABLE/);
    expect(await page.getByText('请一分钟后刷新').count()).toBe(1);
    await screenshot(page, 'error-api-down');
    // The public verify page does not need the API at all.
    const verify = await page.goto(`${brokenUrl}/verify`);
    expect(verify?.status()).toBe(200);
    await context.close();
  });
});
