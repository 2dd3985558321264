// The public verify page, in Chromium against the real stack: a valid bundle passes every check
// (the chain check in the browser, straight to the node and through /chain-rpc); tampered
// bundles fail with the reason shown.
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anchoredMemberBundle, launchBrowser, newContext, PHONE, screenshot, stackInfo } from './browser/harness.js';

let browser: Browser;
let bundle: Record<string, unknown>;
let dir: string;

beforeAll(async () => {
  [browser, bundle] = await Promise.all([launchBrowser(), anchoredMemberBundle()]);
  dir = mkdtempSync(path.join(tmpdir(), 'lianjian-bundles-'));
});

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function openVerify(page: Page): Promise<void> {
  await page.goto(`${stackInfo().webUrl}/verify`);
  await page.locator('form[data-ready="true"]').waitFor();
}

async function verdict(page: Page): Promise<{ state: string; checks: Record<string, string> }> {
  const result = page.getByTestId('verify-result');
  await result.locator('[data-testid="verify-verdict"], [data-testid="unreadable-reason"]').first().waitFor({ timeout: 30_000 });
  const state = (await result.getAttribute('data-state')) ?? '';
  const checks: Record<string, string> = {};
  for (const li of await result.locator('li[data-check]').all()) {
    checks[(await li.getAttribute('data-check'))!] = (await li.getAttribute('data-state'))!;
  }
  return { state, checks };
}

async function pasteAndVerify(page: Page, text: string) {
  await page.getByLabel(/或粘贴证明内容|Or paste the proof/).fill(text);
  await page.getByRole('button', { name: /^(验证|Verify)$/ }).click();
  return verdict(page);
}

function clone<T>(v: T): T {
  return structuredClone(v);
}

describe('public verify page', () => {
  it('verifies a dropped bundle file in the browser, including the root on chain at its height', async () => {
    const { page, context, errors } = await newContext(browser);
    await openVerify(page);
    // A real drop event carrying the file, as a person dragging it from their desktop makes.
    const dataTransfer = await page.evaluateHandle((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'member.proof.json', { type: 'application/vnd.lianjian.proof+json' }));
      return dt;
    }, JSON.stringify(bundle, null, 2));
    const t = performance.now();
    await page.locator('.dropzone').dispatchEvent('drop', { dataTransfer });
    const v = await verdict(page);
    const ms = Math.round(performance.now() - t);
    expect(v.state).toBe('verified');
    expect(v.checks).toEqual({ document: 'pass', path: 'pass', chain: 'pass' });
    const anchor = bundle.anchor as { height: number };
    // The proof is checked against the app hash of a block after the anchoring block.
    const heightText = await page.locator('li[data-check="chain"] .check-height').innerText();
    const proven = Number(/(\d+)/.exec(heightText)?.[1]);
    expect(proven).toBeGreaterThanOrEqual(anchor.height);
    await expect(page.getByTestId('verify-verdict').innerText()).resolves.toBe('验证通过');
    process.stderr.write(`[verify page] drop → verified in ${ms} ms (proven at height ${proven})\n`);
    await screenshot(page, 'verify-valid-desktop');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('rejects a bundle whose document was changed, naming the failed check and why', async () => {
    const { page, context } = await newContext(browser);
    await openVerify(page);
    const tampered = clone(bundle) as { document: { data: Record<string, unknown> } };
    tampered.document.data.name = `${String(tampered.document.data.name)}X`;
    const v = await pasteAndVerify(page, JSON.stringify(tampered));
    expect(v.state).toBe('failed');
    expect(v.checks.document).toBe('fail');
    expect(v.checks.chain).toBe('skip');
    const reason = await page.getByTestId('reason-document').innerText();
    expect(reason).toMatch(/does not hash to the bundle's leaf/);
    await expect(page.getByTestId('verify-verdict').innerText()).resolves.toBe('验证未通过');
    await screenshot(page, 'verify-tampered-document');
    await context.close();
  });

  it('rejects a consistent bundle whose anchor height the chain contradicts', async () => {
    const { page, context } = await newContext(browser);
    await openVerify(page);
    const tampered = clone(bundle) as { anchor: { height: number } };
    tampered.anchor.height += 1;
    const v = await pasteAndVerify(page, JSON.stringify(tampered));
    expect(v.state).toBe('failed');
    expect(v.checks).toMatchObject({ document: 'pass', path: 'pass', chain: 'fail' });
    expect(await page.getByTestId('reason-chain').innerText()).toMatch(/committed at height \d+, the bundle says \d+/);
    await context.close();
  });

  it('rejects a chosen file whose path does not lead to the root', async () => {
    const { page, context } = await newContext(browser);
    await openVerify(page);
    const tampered = clone(bundle) as { path: string[] };
    tampered.path[0] = tampered.path[0]!.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    // Chosen with the file picker this time.
    const file = path.join(dir, 'tampered-path.proof.json');
    writeFileSync(file, JSON.stringify(tampered));
    await page.locator('input[type="file"]').setInputFiles(file);
    const v = await verdict(page);
    expect(v.state).toBe('failed');
    expect(v.checks).toMatchObject({ document: 'pass', path: 'fail' });
    expect(await page.getByTestId('reason-path').innerText()).not.toBe('');
    await context.close();
  });

  it('says why a file is not a proof bundle', async () => {
    const { page, context } = await newContext(browser);
    await openVerify(page);
    await pasteAndVerify(page, '{"v": 2}');
    expect(await page.getByTestId('verify-result').getAttribute('data-phase')).toBe('unreadable');
    expect(await page.getByTestId('unreadable-reason').innerText()).toMatch(/bundle/);
    await context.close();
  });

  it('verifies through the /chain-rpc proxy when the node is not reachable from the browser', async () => {
    const { page, context } = await newContext(browser, PHONE);
    await openVerify(page);
    await page.getByText(/高级选项|Advanced/).click();
    await page.getByLabel(/链节点 RPC 地址|Chain node RPC URL/).fill('/chain-rpc');
    // Every chain call must go through this site: a request to the node itself fails the test.
    const direct: string[] = [];
    page.on('request', (r) => {
      if (r.url().startsWith(stackInfo().rpcUrl)) direct.push(r.url());
    });
    const v = await pasteAndVerify(page, JSON.stringify(bundle));
    expect(v.state).toBe('verified');
    expect(direct).toEqual([]);
    await screenshot(page, 'verify-valid-phone');
    await context.close();
  });

  it('the proxy forwards only the read-only calls the checker makes', async () => {
    const url = `${stackInfo().webUrl}/chain-rpc`;
    const call = (body: unknown) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const ok = await call({ jsonrpc: '2.0', id: 1, method: 'status', params: {} });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { result: { node_info: { network: string } } }).result.node_info.network).toBe((bundle.anchor as { chainId: string }).chainId);
    const tx = await call({ jsonrpc: '2.0', id: 2, method: 'broadcast_tx_sync', params: { tx: 'AA==' } });
    expect(tx.status).toBe(403);
    expect(((await tx.json()) as { error: { data: string } }).error.data).toMatch(/not forwarded/);
    const path = await call({ jsonrpc: '2.0', id: 3, method: 'abci_query', params: { path: '/app/simulate', data: '', height: '0', prove: false } });
    expect(path.status).toBe(403);
    const batch = await call([{ jsonrpc: '2.0', id: 4, method: 'status', params: {} }]);
    expect(batch.status).toBe(400);
  });
});
