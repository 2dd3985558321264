// The leadership dashboard in Chromium against the real stack: every analytics figure drawn as
// SVG from data, its table and CSV, drill-down and back, then a published snapshot verified in the
// browser against the chain, downloaded, and checked on the public verify page — intact (passes)
// and with one figure changed (fails, naming the figure).
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { account, browserForFile, newContext, PHONE, screenshot, signIn, stackInfo } from './browser/harness.js';

const browser = browserForFile();
let snapshotText: string | null = null;

/** How many SVG marks (bars, slices, line dots) a chart drew. */
async function marks(page: Page, testId: string): Promise<number> {
  const chart = page.getByTestId(testId);
  return chart.locator('svg .recharts-bar-rectangle path, svg .recharts-pie-sector path, svg .recharts-line-dots circle').count();
}

/** Opens the public verify page and gives it a snapshot file: chosen as a file, or pasted. */
async function verifyOnPublicPage(page: Page, text: string, how: 'file' | 'paste'): Promise<string> {
  await page.goto(`${stackInfo().webUrl}/verify`);
  await page.locator('form[data-ready="true"]').waitFor();
  if (how === 'file') {
    // Choosing the file runs the checks at once, as dropping it does.
    await page.locator('input[type="file"]').setInputFiles({ name: 'snapshot.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  } else {
    // A paste: the text lands in the textarea in one input event (typing ~1 MB key by key is not a paste).
    const area = page.getByLabel(/或粘贴证明内容|Or paste the proof/);
    await area.evaluate((el, value) => {
      const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
      setter.call(el, value);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, text);
    await page.getByRole('button', { name: /^(验证|Verify)$/ }).click();
  }
  await page.waitForFunction(() => ['verified', 'offline', 'failed', 'undecided'].includes(document.querySelector('[data-testid="verify-result"]')?.getAttribute('data-state') ?? ''), undefined, {
    timeout: 120_000,
  });
  return (await page.getByTestId('verify-result').getAttribute('data-state')) ?? '';
}

describe('leadership dashboard', () => {
  it('draws every figure from data, with tables, CSV, drill-down and a breadcrumb back up', async () => {
    const { page, context, errors } = await newContext(browser());
    page.setDefaultTimeout(90_000);
    await signIn(page, account('LEADER'));
    expect(new URL(page.url()).pathname).toBe('/dashboard');
    const total = Number((await page.getByTestId('stat-total').innerText()).replace(/,/g, ''));
    expect(total).toBeGreaterThan(0);
    const root = await page.getByTestId('scope-name').innerText();

    // Bars, a pie and line series, each drawn from data in the browser.
    await page.locator('[data-testid="chart-stage"] svg .recharts-bar-rectangle path').first().waitFor();
    expect(await marks(page, 'chart-stage')).toBeGreaterThan(0);
    expect(await marks(page, 'chart-units')).toBeGreaterThan(0);
    // Charts below the fold draw as they come into view: scroll to each and see it drawn.
    const frames = await page.locator('figure.chart[role="img"]').all();
    expect(frames.length).toBeGreaterThanOrEqual(15);
    for (const frame of frames) {
      await frame.scrollIntoViewIfNeeded();
      await frame.locator('svg.recharts-surface').first().waitFor();
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByTestId('chart-composition-byGender').locator('svg .recharts-pie-sector').first().waitFor();
    expect(await page.getByTestId('chart-composition-byGender').locator('svg .recharts-pie-sector').count()).toBe(2);
    const monthly = page.getByTestId('chart-funnel-monthly');
    await monthly.scrollIntoViewIfNeeded();
    await monthly.locator('svg .recharts-line').first().waitFor();
    expect(await monthly.locator('svg .recharts-line').count()).toBeGreaterThan(0);
    expect(await monthly.locator('svg .recharts-line-dots circle').count()).toBeGreaterThan(0);
    await screenshot(page, 'dashboard-leader-desktop');

    // The chart's text alternative: its numbers as a table, behind a toggle.
    const byStage = page.locator('[data-figure="composition.byStage"]');
    const table = byStage.getByTestId('table-composition-byStage');
    expect(await table.isVisible()).toBe(false);
    await byStage.getByText(/以表格查看/).click();
    await table.waitFor();
    const cells = await table.locator('tbody tr td').allInnerTexts();
    expect(cells.length).toBe(5);
    expect(cells.map(Number).reduce((s, n) => s + n, 0)).toBe(total);

    // The figure's CSV: the same numbers as the table.
    const [download] = await Promise.all([page.waitForEvent('download'), byStage.getByTestId('csv-composition.byStage').click()]);
    expect(download.suggestedFilename()).toMatch(/^lianjian-composition-byStage-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(csv.length).toBe(6);
    expect(csv.slice(1).reduce((s, l) => s + Number(l.split(',').at(-1)), 0)).toBe(total);
    const funnelCsv = await context.request.get(`${stackInfo().webUrl}/dashboard/export.csv?figure=funnel.stages`);
    expect(funnelCsv.headers()['content-type']).toContain('text/csv');
    expect((await funnelCsv.text()).split('\r\n')[1]).toMatch(/申请人|APPLICANT/);
    expect((await context.request.get(`${stackInfo().webUrl}/dashboard/export.csv?figure=nope`)).status()).toBe(400);

    // Drill down into the first sub-unit, then back up by the breadcrumb.
    const first = page.getByTestId('unit-table').locator('tbody tr').first().locator('th a');
    const child = await first.innerText();
    await first.click();
    await page.getByTestId('scope-name').filter({ hasText: new RegExp(`^${child}$`) }).waitFor();
    expect(new URL(page.url()).searchParams.get('unit')).toBeTruthy();
    const childTotal = Number((await page.getByTestId('stat-total').innerText()).replace(/,/g, ''));
    expect(childTotal).toBeLessThanOrEqual(total);
    await page.locator('[data-testid="chart-stage"] svg .recharts-bar-rectangle path').first().waitFor();
    await page.setViewportSize(PHONE);
    await screenshot(page, 'dashboard-drilldown-phone');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.getByTestId('breadcrumb').getByRole('link', { name: root }).click();
    await page.getByTestId('scope-name').filter({ hasText: new RegExp(`^${root}$`) }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);

  it('publishes a snapshot, verifies it in the browser after anchoring, and offers it as one file', async () => {
    const { page, context, errors } = await newContext(browser());
    page.setDefaultTimeout(90_000);
    await signIn(page, account('LEADER'));
    // Every verdict the snapshot page shows on its way (publishing navigates within this document),
    // to prove it never says "failed" while the snapshot or an input only waits for its anchor.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __verdicts: string[] }).__verdicts = seen;
      new MutationObserver(() => {
        const v = document.querySelector('[data-testid="snapshot-state"]')?.getAttribute('data-verdict');
        if (v && seen[seen.length - 1] !== v) seen.push(v);
      }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-verdict'] });
    });
    // The first answers show the snapshot in a batch that is not anchored yet (anchor null), as a
    // fresh snapshot is for a moment: that is a wait (待上链), and must never read as a failure.
    let unanchoredAnswers = 3;
    await page.route(/\/snapshots\/[0-9a-f-]{36}\/inputs\.json/, async (route) => {
      const res = await route.fetch();
      const body = (await res.json()) as { snapshot: { bundle: { anchor: unknown } | null } | null };
      if (unanchoredAnswers > 0 && body.snapshot?.bundle) {
        unanchoredAnswers--;
        body.snapshot.bundle.anchor = null;
      }
      await route.fulfill({ response: res, json: body });
    });
    await page.getByLabel(/^(指标|Figure)$/).selectOption('composition');
    await page.getByLabel(/标题（可选）|Title \(optional\)/).fill('浏览器测试快照');
    const t0 = performance.now();
    await page.getByRole('button', { name: /^(发布快照|Publish snapshot)$/ }).click();
    await page.waitForURL((u) => /^\/snapshots\/[0-9a-f-]{36}$/.test(u.pathname));
    expect(await page.getByTestId('snapshot-name').innerText()).toBe('浏览器测试快照');
    const inputCount = Number((await page.getByTestId('snapshot-input-count').innerText()).replace(/,/g, ''));
    expect(inputCount).toBeGreaterThan(0);
    // Progress shows while it waits and checks; the verdict comes after every input is checked.
    await page.getByTestId('snapshot-progress').first().waitFor({ timeout: 30_000 }).catch(() => undefined);
    const state = page.getByTestId('snapshot-state');
    // Pending (待上链) or an unreachable node is checked again by the page itself: wait for a final verdict.
    await page.waitForFunction(
      () => {
        const el = document.querySelector('[data-testid="snapshot-state"]');
        return el?.getAttribute('data-phase') === 'done' && ['verified', 'offline', 'failed'].includes(el.getAttribute('data-verdict') ?? '');
      },
      undefined,
      { timeout: 180_000 },
    );
    const ms = Math.round(performance.now() - t0);
    expect(unanchoredAnswers).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __verdicts: string[] }).__verdicts)).not.toContain('failed');
    expect(await state.getAttribute('data-verdict')).toBe('verified');
    expect(await page.getByTestId('snapshot-verdict').innerText()).toMatch(/快照已验证/);
    const figureStates = await page.getByTestId('snapshot-figures').locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-state')));
    expect(figureStates.length).toBeGreaterThan(10);
    expect(figureStates.every((s) => s === 'pass')).toBe(true);
    const checkStates = await page.getByTestId('snapshot-checks').locator('li[data-check]').evaluateAll((l) => l.map((e) => `${e.getAttribute('data-check')}=${e.getAttribute('data-state')}`));
    expect(checkStates).toEqual(['snapshot=pass', 'inputRoot=pass', 'input=pass', 'figure=pass']);
    process.stderr.write(`[dashboard] publish → anchored → ${inputCount} inputs verified in the browser in ${ms} ms\n`);
    await screenshot(page, 'snapshot-verified');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('snapshot-download').click()]);
    snapshotText = readFileSync(await download.path(), 'utf8');
    const file = JSON.parse(snapshotText) as { format: string; snapshot: { document: { data: { inputCount: number } } }; inputs: unknown[] };
    expect(file.format).toBe('lianjian.analytics-snapshot/v1');
    expect(file.inputs.length).toBe(inputCount);
    expect(file.snapshot.document.data.inputCount).toBe(inputCount);

    // The dashboard shows the composition figures as verified by the published snapshot.
    await page.goto(`${stackInfo().webUrl}/dashboard`);
    const badge = page.locator('[data-figure="composition.byStage"]').getByTestId('figure-verification');
    await page.waitForFunction(
      () => ['verified', 'failed', 'undecided'].includes(document.querySelector('[data-figure="composition.byStage"] [data-testid="figure-verification"]')?.getAttribute('data-state') ?? ''),
      undefined,
      { timeout: 120_000 },
    );
    expect(await badge.getAttribute('data-state')).toBe('verified');
    expect(await badge.getAttribute('data-same')).toBe('true');
    expect(await page.locator('[data-figure="funnel.stages"]').getByTestId('figure-verification').getAttribute('data-state')).toBe('none');
    await screenshot(page, 'dashboard-verified-figures');
    expect(errors).toEqual([]);
    await context.close();
  }, 420_000);

  it('checks the downloaded snapshot on the public verify page: intact passes, a changed figure fails by name', async () => {
    expect(snapshotText, 'the publishing test downloaded a snapshot').toBeTruthy();
    const { page, context, errors } = await newContext(browser());
    page.setDefaultTimeout(90_000);
    expect(await verifyOnPublicPage(page, snapshotText!, 'file')).toBe('verified');
    const checks = await page.getByTestId('snapshot-checks').locator('li[data-check]').evaluateAll((l) => l.map((e) => `${e.getAttribute('data-check')}=${e.getAttribute('data-state')}`));
    expect(checks).toEqual(['snapshot=pass', 'inputRoot=pass', 'input=pass', 'figure=pass']);
    await screenshot(page, 'verify-snapshot-pass');

    const file = JSON.parse(snapshotText!) as { snapshot: { document: { data: { figures: { byStage: Record<string, number> } } } } };
    file.snapshot.document.data.figures.byStage.FULL! += 7;
    expect(await verifyOnPublicPage(page, JSON.stringify(file), 'paste')).toBe('failed');
    const failedFigure = page.getByTestId('snapshot-figures').locator('tr[data-figure="byStage.FULL"]');
    expect(await failedFigure.getAttribute('data-state')).toBe('fail');
    expect(await page.getByTestId('snapshot-reason-figure').first().innerText()).toMatch(/figure byStage\.FULL: published \d+, recomputed from the inputs \d+/);
    // Editing the document also breaks the snapshot record's own proof.
    expect(await page.getByTestId('snapshot-checks').locator('li[data-check="snapshot"]').getAttribute('data-state')).toBe('fail');
    expect(await page.getByTestId('snapshot-checks').locator('li[data-check="input"]').getAttribute('data-state')).toBe('pass');
    await screenshot(page, 'verify-snapshot-tampered');
    expect(errors).toEqual([]);
    await context.close();
  }, 300_000);
});
