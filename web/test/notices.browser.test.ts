// Notices (通知公告, #22 item 1) in Chromium against the real stack: the branch secretary publishes
// a notice to the branch; the member, on a phone, finds it unread in the list, opens it (read),
// confirms it and sees their receipt; the secretary then sees the confirmation counted and the
// member gone from those still to confirm, reminds the others, and withdraws it after being asked.
import { describe, expect, it } from 'vitest';
import { browserForFile, go, PHONE, screenshot, signedIn } from './browser/harness.js';

const browser = browserForFile();
const stamp = Date.now().toString(36).slice(-5);
const title = `关于开展“学习强国”学习的通知 ${stamp}`;
let noticeUrl = '';

describe('notices', () => {
  it('the secretary publishes a notice to the branch', async () => {
    const { page, context, errors } = await signedIn(browser(), 'SECRETARY');
    await go(page, '/notices/published');
    await page.locator('#new-notice > summary').click();
    await page.locator('#notice-title').fill(title);
    await page.locator('#notice-body').fill('请全体党员本周内完成“学习强国”专题学习，并在系统中确认。');
    await page.locator('#notice-audience').selectOption('SUBTREE');
    await page.getByTestId('notice-publish').click();
    await page.waitForURL((u) => /^\/notices\/[0-9a-f-]{36}$/.test(u.pathname));
    noticeUrl = new URL(page.url()).pathname;
    expect(await page.getByTestId('notice-notice').innerText()).toContain('通知已发布');
    expect(await page.getByTestId('stat-audience').innerText()).not.toBe('0');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the member on a phone finds it unread, opens and confirms it, and sees the receipt', async () => {
    const { page, context, errors } = await signedIn(browser(), 'MEMBER', PHONE);
    await go(page, '/notices?unread=1');
    await screenshot(page, 'notice-member-phone-unread');
    // The menu says how many are unread, the new one included.
    const unreadBefore = Number(await page.getByTestId('nav-count-notices').innerText());
    expect(unreadBefore).toBeGreaterThanOrEqual(1);
    const row = page.getByTestId('notices-table').locator('tr', { hasText: title });
    expect(await row.getAttribute('data-state')).toBe('UNREAD');
    await row.getByRole('link').click();
    await page.waitForURL((u) => u.pathname === noticeUrl);
    // Opening it recorded the reading.
    await page.getByTestId('notice-receipt').getByText('您于').waitFor();
    await page.getByTestId('notice-acknowledge').click();
    await page.getByTestId('notice-notice').getByText('已确认').waitFor();
    await page.locator('[data-testid="notice-state"][data-status="ACKNOWLEDGED"]').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('notice-acknowledge').count()).toBe(0);
    await screenshot(page, 'notice-member-phone-confirmed');
    await go(page, '/notices?unread=1');
    expect(await page.getByTestId('notices-table').locator('tr', { hasText: title }).count()).toBe(0);
    const count = page.getByTestId('nav-count-notices');
    expect((await count.count()) === 0 ? 0 : Number(await count.innerText())).toBe(unreadBefore - 1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the secretary sees the confirmation counted, reminds the others and withdraws it after being asked', async () => {
    const { page, context, errors } = await signedIn(browser(), 'SECRETARY');
    await go(page, noticeUrl);
    expect(Number(await page.getByTestId('stat-acknowledged').innerText())).toBeGreaterThanOrEqual(1);
    const pending = page.getByTestId('notice-pending');
    const before = await pending.locator('li').count();
    expect(before).toBeGreaterThan(0);
    await page.getByTestId('notice-remind').click();
    expect(await page.getByTestId('notice-notice').innerText()).toMatch(/已向 \d+ 人发送待办提醒/);
    // A second reminder the same day is refused beside the page, nothing else changes.
    await page.getByTestId('notice-remind').click();
    await page.getByTestId('notice-error').waitFor();
    expect(await page.getByTestId('notice-error').innerText()).toContain('不足一天');
    await page.getByTestId('notice-withdraw').click();
    await page.getByTestId('confirm-step').waitFor();
    expect(await page.getByTestId('notice-state').getAttribute('data-status')).not.toBe('WITHDRAWN');
    await page.getByTestId('confirm-yes').click();
    await page.getByTestId('notice-notice').getByText('通知已撤回').waitFor();
    await page.locator('[data-testid="notice-state"][data-status="WITHDRAWN"]').waitFor();
    expect(await page.getByTestId('notice-remind').count()).toBe(0);
    await screenshot(page, 'notice-secretary-withdrawn');
    expect(errors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
    await context.close();
  });
});
