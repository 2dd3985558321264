// The mirrors page (issue #21 item 6) in Chromium against the real stack: with no mirror key the
// administrator reads how to start one; after creating a key with "Mirror:read" on the admin page
// and its mirror reporting with that key (the mutation lianjian-mirror's report.ts sends after
// each round), the key's row names its unit, how many records it is behind, and its last alert
// with the record and batch.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { anchoredMemberBundle, browserForFile, go, screenshot, signedIn, stackInfo } from './browser/harness.js';

const browser = browserForFile();

const REPORT = `mutation($input: ReportMirrorStateInput!) { reportMirrorState(input: $input) { reportedAt } }`;

async function report(key: string, input: Record<string, unknown>): Promise<void> {
  const res = await fetch(stackInfo().apiUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': key },
    body: JSON.stringify({ query: REPORT, variables: { input } }),
  });
  const body = (await res.json()) as { data?: unknown; errors?: { message: string }[] };
  expect(body.errors ?? []).toEqual([]);
}

describe('admin mirrors page', () => {
  it('explains how to start a mirror, then lists a reporting mirror with its unit, lag and last alert', async () => {
    const { page, context, errors } = await signedIn(browser(), 'ADMIN');
    // Something anchored, so a mirror at the start of the log is behind.
    await anchoredMemberBundle();

    await go(page, '/admin');
    await page.getByRole('link', { name: /^(镜像|Mirrors)$/ }).click();
    await page.waitForURL((u) => u.pathname === '/admin/mirrors');
    await page.getByRole('heading', { level: 1, name: /各级镜像|Mirrors of the levels/ }).waitFor();
    const empty = page.getByTestId('mirrors-empty');
    if (await empty.count()) {
      // The commands as code to copy, not words inside the sentence.
      expect(await empty.locator('code').first().innerText()).toBe('npm start -- --mirror');
      expect(await empty.locator('code').nth(1).innerText()).toMatch(/^npm run mirror -- --feed .+ --trust trust-root\.json$/);
      await screenshot(page, 'admin-mirrors-empty');
    }

    // The key, made the way an administrator makes it.
    await go(page, '/admin');
    await page.getByText(/^(新建密钥|New key)$/).first().click();
    const keyName = `镜像 ${Date.now()}`;
    await page.locator('#key-name').fill(keyName);
    const unitName = ((await page.locator('#key-unit option:checked').innerText()) ?? '').trim();
    await page.getByRole('checkbox', { name: /Mirror:read/ }).check();
    await page.locator('form:has(#key-name) button[type="submit"]').click();
    await page.getByTestId('key-created').waitFor();
    const key = (await page.getByTestId('key-secret').innerText()).trim();
    expect(key.length).toBeGreaterThan(20);

    const recordId = randomUUID();
    await report(key, { position: -1, headSeq: 0, documents: 0, openAlerts: 3, lastAlert: { kind: 'RECORD_DELETED', entityType: 'Member', entityId: recordId, version: 2, batchSeq: 7 } });

    await go(page, '/admin/mirrors');
    const row = page.getByTestId('mirror-row').filter({ hasText: keyName });
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain(unitName);
    expect(text).toMatch(/落后 \d+\+? 条记录|\d+\+? records? behind/);
    expect(text).toMatch(/中心已不再提供该记录|no longer serves the record/);
    expect(text).toContain(recordId);
    expect(text).toMatch(/第 2 版|v2/);
    expect(text).toMatch(/批次 7|batch 7/);
    expect(await page.getByTestId('mirrors-total').innerText()).toMatch(/镜像密钥|mirror key/);
    await screenshot(page, 'admin-mirrors');

    // Caught up once it reports the centre's head.
    const head = (await (await fetch(stackInfo().apiUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': key },
      body: JSON.stringify({ query: '{ mirrorFeed(first: 1) { headPosition headSeq } }' }),
    })).json()) as { data: { mirrorFeed: { headPosition: number; headSeq: number } } };
    await report(key, { position: head.data.mirrorFeed.headPosition, headSeq: head.data.mirrorFeed.headSeq, openAlerts: 0 });
    await go(page, '/admin/mirrors');
    expect(await page.getByTestId('mirror-row').filter({ hasText: keyName }).innerText()).toMatch(/已追平|Caught up/);

    expect(errors).toEqual([]);
    await context.close();
  });
});
