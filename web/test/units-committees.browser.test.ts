// Units and committees in Chromium against the real stack: the administrator creates a branch
// under the demo general branch and renames it, records a new term for another branch of that
// general branch (换届) and appoints its 书记, sees the term end, and dissolves the new, empty
// branch after confirming. The demo branch and the demo member are left alone (other files use
// them).
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { account, launchBrowser, newContext, screenshot, signIn } from './browser/harness.js';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** The date `years` on, as the term end is computed (the same day, or the month's last). */
function yearsOn(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return `${y + years}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

describe('units and committees', () => {
  it('an administrator creates and renames a unit, sets up a committee with its 书记, sees the term end, and dissolves after confirming', async () => {
    const { page, context, errors } = await newContext(browser);
    await signIn(page, account('ADMIN'));
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '组织与班子', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/units');
    await page.getByTestId('units-table').waitFor();
    await screenshot(page, 'units-tree');

    // Create a branch under the demo general branch (code G1).
    const code = `E2E-${Date.now().toString(36).toUpperCase()}`;
    await page.getByText('新建组织', { exact: true }).click();
    const gb = await page.locator('#c-parent option').filter({ hasText: '总支部委员会' }).first().getAttribute('value');
    await page.locator('#c-parent').selectOption(gb!);
    await page.locator('#c-kind').selectOption('BRANCH');
    await page.getByLabel('名称', { exact: true }).fill('浏览器测试党支部');
    await page.getByLabel('代码', { exact: true }).fill(code);
    await page.getByRole('button', { name: '新建', exact: true }).click();
    await page.getByTestId('units-notice').getByRole('link', { name: '管理' }).click();
    await page.waitForURL((u) => u.pathname.startsWith('/units/'));
    expect(await page.getByTestId('unit-name').innerText()).toBe('浏览器测试党支部');

    // Rename it.
    await page.getByText('改名', { exact: true }).click();
    await page.locator('#r-name').fill('浏览器测试党支部（更名）');
    await page.getByRole('button', { name: '保存名称' }).click();
    await page.getByTestId('unit-notice').waitFor();
    expect(await page.getByTestId('unit-notice').innerText()).toBe('已改名。');
    // The answer shows first; the unit, read again, follows.
    await page.getByTestId('unit-name').filter({ hasText: '（更名）' }).waitFor();
    expect(await page.getByTestId('unit-name').innerText()).toBe('浏览器测试党支部（更名）');
    const newUnit = page.url();

    // Another branch of the general branch: record a new term and appoint its 书记.
    await page.goto(newUnit.replace(/\/units\/.*$/, '/units'));
    await page.getByTestId('units-table').getByTestId('unit-row-G1-B2').getByRole('link', { name: /^管理/ }).click();
    await page.waitForURL((u) => u.pathname.startsWith('/units/'));
    await page.getByTestId('setup-form').waitFor({ state: 'attached' });
    if (!(await page.getByTestId('setup-form').isVisible())) await page.getByText('登记新一届班子（换届）').click();
    const start = await page.locator('#s-start').inputValue();
    await page.getByTestId('setup-form').getByRole('button', { name: '登记' }).click();
    await page.getByTestId('unit-notice').waitFor();
    expect(await page.getByTestId('unit-notice').innerText()).toBe('已登记新一届班子。');
    // Branches serve 3 years: the term end is shown with the days left.
    await page.getByTestId('committee-term-end').filter({ hasText: yearsOn(start, 3) }).waitFor();
    const termEnd = await page.getByTestId('committee-term-end').innerText();
    expect(termEnd).toContain(yearsOn(start, 3));
    expect(termEnd).toMatch(/还有 \d+ 天/);

    await page.getByText('任命', { exact: true }).first().click();
    await page.locator('#a-title').selectOption('SECRETARY');
    const demoMember = account('MEMBER').displayName;
    const holder = (await page.locator('#a-member option').allInnerTexts()).find((n) => n !== demoMember)!;
    await page.locator('#a-member').selectOption({ label: holder });
    await page.getByTestId('appoint-form').getByRole('button', { name: '任命' }).click();
    await page.getByTestId('unit-notice').waitFor();
    const row = page.getByTestId('position-SECRETARY').filter({ hasText: holder });
    await row.waitFor();
    expect(await row.locator('th').innerText()).toBe('书记');
    expect(await row.locator('td').first().innerText()).toBe(holder);
    await screenshot(page, 'units-committee');

    // The new branch is empty: it dissolves, after a confirmation that says what happens.
    await page.goto(newUnit);
    await page.getByText('撤销组织', { exact: true }).click();
    await page.getByTestId('dissolve-form').getByRole('button', { name: '撤销' }).click();
    await page.getByTestId('confirm-step').waitFor();
    expect(await page.getByTestId('confirm-text').innerText()).toContain('撤销后不能恢复');
    await page.getByTestId('confirm-yes').click();
    await page.getByTestId('unit-notice').waitFor();
    expect(await page.getByTestId('unit-notice').innerText()).toBe('已撤销该组织。');
    // The page reloads the unit: dissolved, it offers no more changes.
    await page.getByTestId('dissolve-form').waitFor({ state: 'detached' });
    expect(await page.getByTestId('unit-facts').innerText()).toContain('撤销');
    expect(errors).toEqual([]);
    await context.close();
  });
});
