// The member portal's first view from one proof set v2 (decision 022): the web server passes on the
// set the API carries in `extensions.proofSet` without any v1 bundle, and the browser verifies the
// member, their steps and their whole history with one chain query per batch, not one per record.
import { parseBundle, PROOF_MEDIA_TYPE, verifyBundle } from '@lianjian/verify';
import { describe, expect, it } from 'vitest';
import { account, anchoredMemberBundle, browserForFile, newContext, PHONE, proofStates, screenshot, signIn, stackInfo } from './browser/harness.js';

const browser = browserForFile();

/** A serialized v1 bundle key, as plain JSON or escaped inside the page's inline data script. */
const BUNDLE_KEY = /\\*"bundle\\*"/;

describe('member portal from one proof set', () => {
  it('verifies every record on a phone with one chain state query per batch, and no v1 bundle in the page data', async () => {
    // The member's records are anchored first, so that no badge waits on a batch (a wait asks again).
    await anchoredMemberBundle();
    const { page, context, errors } = await newContext(browser(), PHONE);
    // Each batch's chain check reads the anchor store once (`abci_query`, with its state proof);
    // the light client's header reads (commit, validators) are shared by every batch on the page.
    // Counted wherever the page sends them: straight to the node or through the site's /chain-rpc.
    const chainCalls: Array<{ method: string; url: string }> = [];
    page.on('request', (req) => {
      if (req.method() !== 'POST') return;
      let body: unknown;
      try {
        body = req.postDataJSON();
      } catch {
        return;
      }
      const call = body as { jsonrpc?: unknown; method?: unknown } | null;
      if (call?.jsonrpc === '2.0' && typeof call.method === 'string') chainCalls.push({ method: call.method, url: req.url() });
    });

    const t0 = performance.now();
    await signIn(page, account('MEMBER'));
    expect(new URL(page.url()).pathname).toBe('/me');
    const states = await proofStates(page);
    const ms = Math.round(performance.now() - t0);
    // The profile's proof, each development step's and every version of the record.
    expect(states.length).toBeGreaterThanOrEqual(3);
    expect(states.every((s) => s === 'verified')).toBe(true);

    // The batches the page's records are in, as their badges name them (批次 N · 高度 H).
    const subs = await page.locator('[data-testid="proof"] .proof-sub').allInnerTexts();
    expect(subs.length).toBe(states.length);
    const batches = new Set(subs.map((s) => /批次 (\d+)/.exec(s)?.[1]));
    expect(batches.has(undefined)).toBe(false);
    const stateReads = chainCalls.filter((c) => c.method === 'abci_query');
    process.stderr.write(
      `[portal proof set] sign-in → ${states.length} proofs in ${batches.size} batch(es) verified in ${ms} ms; chain calls: ${chainCalls.length} (${stateReads.length} abci_query)\n`,
    );
    // One chain query per batch — not one per record.
    expect(stateReads.length).toBe(batches.size);
    expect(batches.size, 'the demo member has several records in one batch').toBeLessThan(states.length);
    // Nothing may overflow the phone's width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await screenshot(page, 'member-portal-proof-set-phone');

    // The route's data carries the proof set once and each proof's ref into it, and no v1 bundle:
    // neither a client navigation's data request nor the data inlined in the server-rendered page.
    const { webUrl } = stackInfo();
    const routeData = await context.request.get(`${webUrl}/me.data?_routes=routes/me/profile`);
    expect(routeData.ok()).toBe(true);
    const dataText = await routeData.text();
    expect(dataText).toContain('"proofSet"');
    expect(dataText).toContain('"ref"');
    expect(dataText).toContain('"batches"');
    expect(dataText).not.toMatch(BUNDLE_KEY);
    const html = await (await context.request.get(`${webUrl}/me`)).text();
    expect(html).toMatch(/\\*"proofSet\\*"/);
    expect(html).not.toMatch(BUNDLE_KEY);

    // A record's download link still gives its v1 bundle (its own route), which verifies.
    const href = await page.getByRole('link', { name: /下载.*的证明文件/ }).first().getAttribute('href');
    expect(href).toMatch(/^\/proof\/Member\/[^/]+\/\d+$/);
    const download = await context.request.get(`${webUrl}${href}`);
    expect(download.headers()['content-type']).toContain(PROOF_MEDIA_TYPE);
    const bundle = parseBundle(await download.text());
    expect((await verifyBundle(bundle)).verified).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});
