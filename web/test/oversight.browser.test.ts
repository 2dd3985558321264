// The oversight page in Chromium against the real stack (issue 19, deliverable 5): the demo leader
// (scoped at the top committee) opens 下级督查 from the menu, sees one row per unit below with its
// figures, drills down through a general branch to a branch — the breadcrumb growing from the
// leader's scope — finds the branch's own items, and follows a person to their record. The page
// offers nothing to change: no form, no button.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { account, browserForFile, screenshot, signedIn } from './browser/harness.js';

const browser = browserForFile();

/** The rows of the children table, with what each says about itself. */
async function rows(page: Page): Promise<{ id: string; leaf: boolean; items: number }[]> {
  await page.getByTestId('oversight-table').waitFor();
  return page
    .getByTestId('oversight-table')
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => ({ id: tr.getAttribute('data-unit')!, leaf: tr.getAttribute('data-leaf') === 'true', items: Number(tr.getAttribute('data-items')) })));
}

describe('oversight', () => {
  it('the leader drills down from the committee to a branch and on to a member', async () => {
    const { page, context, errors } = await signedIn(browser(), 'LEADER');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '下级督查', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/oversight');
    await page.getByRole('heading', { level: 1, name: '下级工作督查' }).waitFor();
    // The leader's scope unit is where the trail starts.
    expect(await page.getByTestId('oversight-unit').innerText()).toContain(account('LEADER').scope);
    expect(await page.getByTestId('oversight-total').innerText()).toMatch(/共 \d+ 个下级单位/);
    const top = await rows(page);
    expect(top.length).toBeGreaterThan(0);
    // Every figure is a number; the header names each column.
    const heads = await page.getByTestId('oversight-table').locator('thead th').allInnerTexts();
    expect(heads).toEqual(['单位', '步骤将到期', '步骤已逾期', '待上级审批', '审批已超期', '组织生活逾期', '任期将满', '任期已满']);
    await screenshot(page, 'oversight-committee');

    // Down through units with work waiting, until a branch: at least two levels in the demo tree.
    let drills = 0;
    for (;;) {
      const here = await rows(page);
      const next = here.find((r) => r.items > 0 && !r.leaf) ?? here.find((r) => r.items > 0);
      expect(next, 'a unit below with work waiting').toBeTruthy();
      await page.locator(`tbody tr[data-unit="${next!.id}"] th a`).click();
      await page.waitForURL((u) => u.pathname === `/oversight/${next!.id}`);
      await page.locator(`section[data-unit="${next!.id}"]`).waitFor();
      drills++;
      if (next!.leaf) break;
      expect(drills).toBeLessThan(5);
    }
    expect(drills).toBeGreaterThanOrEqual(2);
    const trail = await page.getByTestId('oversight-trail').locator('li').allInnerTexts();
    expect(trail.length).toBe(drills + 1);
    expect(trail[0]).toContain(account('LEADER').scope);
    // A branch's rows are its items; the page changes nothing.
    await page.getByTestId('oversight-steps').waitFor();
    expect(await page.getByTestId('oversight-table').count()).toBe(0);
    expect(await page.locator('main form, main button').count()).toBe(0);
    await screenshot(page, 'oversight-branch');

    // The breadcrumb leads back up one level.
    const members = page.locator('[data-testid="oversight-steps"] tbody th a, [data-testid="oversight-requests"] tbody th a');
    expect(await members.count()).toBeGreaterThan(0);
    const name = (await members.first().innerText()).trim();
    await members.first().click();
    await page.waitForURL((u) => /^\/members\/[0-9a-f-]{36}$/.test(u.pathname));
    await page.getByRole('heading', { level: 1, name }).waitFor();

    await page.goBack();
    await page.getByTestId('oversight-trail').waitFor();
    await page.getByTestId('oversight-trail').locator('li a').last().click();
    await page.getByTestId('oversight-table').waitFor();
    expect(await page.getByTestId('oversight-trail').locator('li').count()).toBe(drills);
    expect(errors).toEqual([]);
    await context.close();
  });
});
