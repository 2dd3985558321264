// The secretary's meeting fieldwork in Chromium against the real stack (issue #18 items 5 and 6):
// opening check-in shows the code and QR code at once, with a projector (full-screen) view; a
// meeting that already took place is recorded afterwards (补录) with its minutes, everyone is
// marked present in one action with one exception, and the form names who is not listed.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { account, launchBrowser, newContext, screenshot, signIn } from './browser/harness.js';

let browser: Browser;
let sec: { context: BrowserContext; page: Page; errors: string[] };
const stamp = Date.now().toString(36);

const CHINA_MS = 8 * 3600_000;
/** A `datetime-local` value in China time, `ms` from now, on a whole minute. */
function chinaLocal(ms: number): string {
  return new Date(Math.floor((ms + CHINA_MS) / 60_000) * 60_000).toISOString().slice(0, 16);
}

beforeAll(async () => {
  browser = await launchBrowser();
  sec = await newContext(browser);
  await signIn(sec.page, account('SECRETARY'));
});

afterAll(async () => {
  await browser?.close();
});

describe('secretary: check-in on the projector, and a meeting recorded afterwards', { timeout: 300_000 }, () => {
  it('opening check-in shows the code and QR code at once, and a projector view shows them full-screen', async () => {
    const { page } = sec;
    await page.goto(new URL('/meetings/new', page.url()).href);
    await page.getByLabel('会议类型').selectOption('THEMED_DAY');
    await page.getByLabel('会议名称').fill(`签到投屏 ${stamp}`);
    const start = Date.now() + 30 * 60_000; // check-in opens from an hour before the start
    await page.getByLabel('开始时间').fill(chinaLocal(start));
    await page.getByLabel('结束时间').fill(chinaLocal(start + 3_600_000));
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.waitForURL((u) => /^\/meetings\/[0-9a-f-]{36}$/.test(u.pathname));
    await page.getByTestId('publish').click();
    await page.locator('[data-testid="meeting-status"][data-status="PUBLISHED"]').waitFor();

    // One click on "open check-in": the code and its QR code are there, no "new code" needed.
    expect(await page.getByTestId('open-checkin').innerText()).toBe('开启签到');
    await page.getByTestId('open-checkin').click();
    await page.locator('[data-testid="meeting-status"][data-status="IN_PROGRESS"]').waitFor();
    const code = page.getByTestId('checkin-code');
    await code.waitFor();
    expect((await code.innerText()).trim()).toMatch(/^\d{6}$/);
    await page.getByTestId('qr').waitFor();
    await screenshot(page, 'fieldwork-checkin-opened');

    // The projector view: the code and the QR code fill the screen; Esc (or the button) leaves it.
    await page.getByRole('button', { name: '全屏投影' }).click();
    const shown = page.locator('[data-testid="checkin-session"][data-projector="true"]');
    await shown.waitFor();
    const box = (await shown.boundingBox())!;
    const view = page.viewportSize()!;
    expect(box.width).toBeGreaterThanOrEqual(view.width - 1);
    expect(box.height).toBeGreaterThanOrEqual(view.height - 1);
    const qr = (await shown.getByTestId('qr').boundingBox())!;
    expect(qr.height).toBeGreaterThan(view.height / 2);
    await screenshot(page, 'fieldwork-checkin-projector');
    await page.getByRole('button', { name: '退出全屏' }).click();
    await page.locator('[data-testid="checkin-session"][data-projector="false"]').waitFor();
    expect(sec.errors).toEqual([]);
  });

  it('records a past meeting (补录) with minutes, marks everyone present but one, and lists who is not on the roll', async () => {
    const { page } = sec;
    const title = `补录主题党日 ${stamp}`;
    await page.goto(new URL('/meetings/new', page.url()).href);
    await page.getByRole('link', { name: '补录已召开的会议' }).click();
    await page.waitForURL((u) => u.searchParams.get('past') === '1');
    await page.getByLabel('会议类型').selectOption('THEMED_DAY');
    await page.getByLabel('会议名称').fill(title);
    const start = Date.now() - 10 * 86_400_000;
    await page.getByLabel('开始时间').fill(chinaLocal(start));
    await page.getByLabel('结束时间').fill(chinaLocal(start + 2 * 3_600_000));
    await page.getByLabel('会议纪要').fill('参观革命纪念馆，重温入党誓词。');
    await screenshot(page, 'fieldwork-past-meeting-form');
    await page.getByRole('button', { name: '保存补录' }).click();
    await page.waitForURL((u) => /^\/meetings\/[0-9a-f-]{36}$/.test(u.pathname));
    await page.locator('[data-testid="meeting-status"][data-status="COMPLETED"]').waitFor();
    expect(await page.getByTestId('recorded-afterwards').innerText()).toMatch(/补录/);
    expect(await page.getByTestId('minutes-text').innerText()).toContain('参观革命纪念馆');

    // Party members only attend a themed day: the others are named, not just counted.
    const missing = page.getByTestId('roster-missing');
    expect(await missing.innerText()).toMatch(/未列出.*：.+/);

    const form = page.getByTestId('attendance-form');
    await page.getByRole('button', { name: '全部出席' }).click();
    const selects = form.locator('tbody select');
    const n = await selects.count();
    expect(n).toBeGreaterThanOrEqual(3);
    expect(new Set(await selects.evaluateAll((s) => s.map((x) => (x as HTMLSelectElement).value)))).toEqual(new Set(['PRESENT']));
    const excused = form.locator('tbody tr').nth(1);
    const excusedName = (await excused.locator('label[for^="att-"]').innerText()).trim();
    await excused.locator('select').selectOption('EXCUSED');
    await excused.locator('input').fill('出差');
    await page.getByTestId('save-attendance').click();
    await page.getByTestId('meeting-notice').waitFor();
    expect(await page.getByTestId('meeting-notice').innerText()).toContain(`已登记 ${n} 人的出勤`);
    const list = page.getByTestId('attendance-list');
    await list.locator('tbody tr').nth(n - 1).waitFor();
    const statuses = await list.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')));
    expect(statuses.filter((s) => s === 'EXCUSED')).toHaveLength(1);
    expect(statuses.filter((s) => s === 'PRESENT')).toHaveLength(n - 1);
    expect(await list.locator('tbody tr[data-status="EXCUSED"]').innerText()).toContain(excusedName);
    await screenshot(page, 'fieldwork-past-meeting-attendance');
    expect(sec.errors).toEqual([]);
  });
});
