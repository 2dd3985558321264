// Each role's first screen (issue #18 items 16 and 17), in Chromium against the whole stack.
// ADMIN: an account opened from a member's page with the member already picked, partner-key scopes
// chosen by checkbox, a copy button for the new key, and every menu item on screen at 1024 and
// 1366 px. LEADER: the overdue tile leads to the overdue items and on to the member; clicking a
// unit's bar on the dashboard drills down to that unit.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { navFor } from '../app/lib/roles';
import { account, browserForFile, newContext, screenshot, signIn, stackInfo } from './browser/harness.js';

const browser = browserForFile();

/** Every navigation link whose box lies inside the viewport and is not covered or clipped. */
async function offScreenNavItems(page: Page): Promise<string[]> {
  return page.locator('nav.site-nav a').evaluateAll((links) => {
    const bad: string[] = [];
    for (const a of links as HTMLAnchorElement[]) {
      const r = a.getBoundingClientRect();
      const cx = r.left + r.width / 2;
      const cy = r.top + r.height / 2;
      const inside = r.width > 0 && r.height > 0 && r.left >= 0 && r.right <= window.innerWidth && r.top >= 0 && r.bottom <= window.innerHeight;
      const hit = inside ? document.elementFromPoint(cx, cy)?.closest('a') : null;
      if (!inside || hit !== a) bad.push(`${a.textContent} (${Math.round(r.left)}–${Math.round(r.right)})`);
    }
    return bad;
  });
}

/** One signed-in page per role, shared by that role's steps (a TOTP code works once per 30 s). */
async function signedIn(role: 'ADMIN' | 'LEADER'): Promise<{ page: Page; context: BrowserContext; errors: string[] }> {
  const s = await newContext(browser());
  s.page.setDefaultTimeout(60_000);
  await signIn(s.page, account(role));
  return s;
}

describe('admin first screen', () => {
  let admin: { page: Page; context: BrowserContext; errors: string[] };
  beforeAll(async () => {
    admin = await signedIn('ADMIN');
  });
  afterAll(async () => {
    expect(admin.errors).toEqual([]);
    await admin.context.close();
  });

  it('shows every menu item, unclipped, at 1024×768 and 1366×768', async () => {
    const { page } = admin;
    for (const size of [
      { width: 1024, height: 768 },
      { width: 1366, height: 768 },
    ]) {
      await page.setViewportSize(size);
      await page.goto(`${stackInfo().webUrl}/admin`);
      await screenshot(page, `admin-menu-${size.width}`);
      expect(await page.locator('nav.site-nav a').count()).toBe(navFor('ADMIN').length);
      expect(await offScreenNavItems(page), `at ${size.width}×${size.height}`).toEqual([]);
    }
  });

  it('opens an account from a member page with the member picked, and finds members by name', async () => {
    const { page } = admin;
    const { webUrl } = stackInfo();
    await page.goto(`${webUrl}/members`);
    const first = page.locator('table a[href^="/members/"]').first();
    const name = (await first.innerText()).trim();
    await first.click();
    await page.waitForURL(/\/members\/[0-9a-f-]{36}$/);
    const memberId = new URL(page.url()).pathname.split('/').pop()!;
    await screenshot(page, 'admin-member-page');
    await page.getByRole('link', { name: /开通账号|Open an account/ }).click();
    await page.waitForURL((u) => u.pathname === '/admin/accounts');
    await screenshot(page, 'admin-account-prefilled');
    const picker = page.locator('#acc-memberId');
    await expect.poll(() => picker.inputValue()).toBe(memberId);
    expect(await picker.locator('option:checked').innerText()).toContain(name);
    expect(await page.locator('#acc-role').inputValue()).toBe('MEMBER');

    // The picker also searches by name within scope.
    await page.getByLabel(/查找党员|Find a member/).fill(name.slice(0, 1));
    await page.getByRole('button', { name: /^(查找|Find)$/ }).click();
    await page.waitForURL(/mq=/);
    expect(await page.locator('#acc-memberId option').count()).toBeGreaterThan(1);
    await screenshot(page, 'admin-account-search');
  });

  it('picks partner-key scopes by checkbox and offers a copy button for the new key', async () => {
    const { page } = admin;
    await page.goto(`${stackInfo().webUrl}/admin`);
    await page.getByText(/^(新建密钥|New key)$/).first().click();
    const keyName = `合作方 ${Date.now()}`;
    await page.locator('#key-name').fill(keyName);
    await page.getByRole('checkbox', { name: /Member:read/ }).check();
    await page.getByRole('checkbox', { name: /OrgUnit:read/ }).check();
    expect(await page.getByRole('checkbox').count()).toBeGreaterThanOrEqual(4);
    await screenshot(page, 'admin-key-scopes');
    await page.locator('form:has(#key-name) button[type="submit"]').click();
    await page.getByTestId('key-created').waitFor();
    await page.getByRole('button', { name: /复制|Copy/ }).click();
    await expect.poll(async () => (await page.getByTestId('key-copy-state').innerText()).length).toBeGreaterThan(0);
    await screenshot(page, 'admin-key-created');
    const row = page.locator('[data-testid="keys-table"] tr', { hasText: keyName });
    expect(await row.innerText()).toContain('Member:read');
  });
});

describe('leader first screen', () => {
  let leader: { page: Page; context: BrowserContext; errors: string[] };
  beforeAll(async () => {
    leader = await signedIn('LEADER');
    expect(new URL(leader.page.url()).pathname).toBe('/dashboard');
  });
  afterAll(async () => {
    expect(leader.errors).toEqual([]);
    await leader.context.close();
  });

  it('goes from the overdue tile to the overdue list (branch, member, step, since when) and on to the member', async () => {
    const { page } = leader;
    await page.goto(`${stackInfo().webUrl}/dashboard`);
    await screenshot(page, 'leader-dashboard');
    await page.getByTestId('stat-overdue').click();
    await page.waitForURL((u) => u.pathname === '/overdue');
    await screenshot(page, 'leader-overdue');
    const rows = page.locator('[data-testid="overdue-table"] tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    const firstRow = rows.first();
    expect(await firstRow.locator('td, th').count()).toBeGreaterThanOrEqual(4);
    const memberLink = firstRow.locator('a[href^="/members/"]');
    const who = (await memberLink.innerText()).trim();
    await memberLink.click();
    await page.waitForURL(/\/members\/[0-9a-f-]{36}$/);
    await expect.poll(async () => (await page.locator('h1').innerText()).trim()).toBe(who);
    await screenshot(page, 'leader-overdue-member');
  });

  it("drills down when a unit's bar is clicked", async () => {
    const { page } = leader;
    const { webUrl } = stackInfo();
    await page.goto(`${webUrl}/dashboard`);
    const chart = page.getByTestId('chart-units');
    await chart.locator('svg .recharts-bar-rectangle').first().waitFor();
    const firstUnit = (await page.locator('[data-testid="unit-table"] tbody tr').first().locator('a').getAttribute('href'))!;
    const unitId = new URL(firstUnit, webUrl).searchParams.get('unit');
    await chart.locator('svg .recharts-bar-rectangle').first().click();
    await page.waitForURL((u) => u.searchParams.get('unit') === unitId, { timeout: 15_000 });
    await screenshot(page, 'leader-bar-drill');
  });

  it('draws monthly counts as straight segments, not smoothed curves', async () => {
    const { page } = leader;
    await page.goto(`${stackInfo().webUrl}/dashboard`);
    // Charts draw once near the viewport: bring the pipeline's monthly chart into view first.
    const monthly = page.getByTestId('chart-funnel-monthly');
    await monthly.scrollIntoViewIfNeeded();
    const line = monthly.locator('svg .recharts-line-curve').first();
    await line.waitFor();
    expect(await line.getAttribute('d')).not.toMatch(/C/);
  });

  it('names the members of the points ranking', async () => {
    const { page } = leader;
    await page.goto(`${stackInfo().webUrl}/dashboard`);
    // Ranking rows: rank, then the member's name (not only an id).
    const rank = page.getByTestId('table-points-top').locator('tbody tr').first();
    const second = ((await rank.locator('td, th').nth(1).textContent()) ?? '').trim();
    expect(second).toMatch(/[\u4e00-\u9fff]/);
    await page.getByTestId('chart-points-top').scrollIntoViewIfNeeded();
    await screenshot(page, 'leader-points-names');
  });
});
