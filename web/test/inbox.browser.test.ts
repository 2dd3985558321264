// The inbox in Chromium against the real stack (issue #22, deliverable 5): the API generates
// reminders soon after it starts; the demo branch secretary finds 待办提醒 in the menu, a reminder
// of a development step due in their branch with a link to the member, the open count, and marks
// it read. The e-mail settings form is offered on the same page.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserForFile, go, screenshot, signedIn } from './browser/harness.js';

const browser = browserForFile();

async function counts(page: Page): Promise<{ open: number; unread: number }> {
  const text = await page.getByTestId('inbox-counts').innerText();
  const m = /未完成 (\d+) 项，其中未读 (\d+) 项/.exec(text);
  expect(m, text).not.toBeNull();
  return { open: Number(m![1]), unread: Number(m![2]) };
}

describe('inbox', () => {
  it('the secretary sees a reminder for a due step, with the open count, and marks it read', async () => {
    const { page, context, errors } = await signedIn(browser(), 'SECRETARY');
    expect(errors, 'signing in').toEqual([]);
    const nav = page.getByRole('navigation', { name: '主导航' });
    await nav.getByRole('link', { name: /^待办提醒/ }).click();
    await page.waitForURL((u) => u.pathname === '/inbox');
    await page.getByRole('heading', { level: 1, name: '待办提醒' }).waitFor();
    // The first generation runs within seconds of the API's start; wait for it if the page came first.
    const steps = page.locator('[data-testid="inbox-items"] li[data-kind="STEP_DUE"]');
    for (let i = 0; i < 30 && (await steps.count()) === 0; i++) {
      await page.waitForTimeout(1000);
      await go(page, '/inbox');
    }
    expect(await steps.count()).toBeGreaterThan(0);
    expect(errors, 'the inbox').toEqual([]);
    const before = await counts(page);
    expect(before.open).toBeGreaterThanOrEqual(await steps.count());
    const first = steps.first();
    expect(await first.getAttribute('data-read')).toBe('false');
    // The kind in words and the member's name, linking to the member's page.
    expect(await first.innerText()).toContain('发展步骤到期');
    const link = first.getByRole('link');
    const name = (await link.innerText()).trim();
    expect(name.length).toBeGreaterThan(0);
    expect(await link.getAttribute('href')).toMatch(/^\/members\/[0-9a-f-]{36}$/);
    await screenshot(page, 'inbox-secretary');

    const href = (await link.getAttribute('href'))!;
    await first.getByRole('button', { name: '标为已读' }).click();
    await page.getByText('已标为已读。').waitFor();
    await page.locator(`[data-testid="inbox-items"] li[data-kind="STEP_DUE"][data-read="true"]:has(a[href="${href}"])`).first().waitFor();
    await expect.poll(() => counts(page)).toEqual({ open: before.open, unread: before.unread - 1 });

    await page.locator('[data-testid="inbox-items"] li[data-kind="STEP_DUE"] a', { hasText: name }).first().click();
    await page.waitForURL((u) => /^\/members\/[0-9a-f-]{36}$/.test(u.pathname));
    await page.getByRole('heading', { level: 1, name }).waitFor();
    expect(errors, 'marking read and following the link').toEqual([]);

    // E-mail settings: the address first, then a choice per kind.
    await go(page, '/inbox');
    await page.getByRole('heading', { level: 2, name: '邮件提醒' }).waitFor();
    expect(errors, 'the inbox loaded afresh').toEqual([]);
    expect(await page.getByLabel('发展步骤到期').isDisabled()).toBe(true);
    await page.getByLabel('邮箱地址').fill('secretary@example.com');
    await page.getByRole('button', { name: '保存邮箱' }).click();
    await page.getByText('邮箱已保存。').waitFor();
    await page.getByLabel('发展步骤到期').selectOption('DIGEST');
    await page.getByRole('button', { name: '保存接收方式' }).click();
    await page.getByText('接收方式已保存。').waitFor();
    expect(await page.getByLabel('发展步骤到期').inputValue()).toBe('DIGEST');
    expect(errors).toEqual([]);
    await context.close();
  });
});
