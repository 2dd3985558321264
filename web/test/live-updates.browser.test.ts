// Live updates (#22 item 6) in Chromium against the real stack, two people at once. The member has
// the notice list open on a phone (and a second tab); the branch secretary publishes a notice: the
// member's open list shows it and the menu's unread count rises. The secretary keeps the notice
// open; the member opens and confirms it: their other tab's count drops, and the secretary's open
// page counts the reading and then the confirmation. None of it by a reload or a navigation: a
// marker set on each window survives, the address is unchanged, and the pages count the reloads
// the live stream asked for. Both pages first wait for
// the notice's proof to be anchored, so that the proof badge's own reloads (while a record waits
// for its batch) are over and every later reload is the live update's, which it counts.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserForFile, go, PHONE, screenshot, signedIn } from './browser/harness.js';

const browser = browserForFile();
const stamp = Date.now().toString(36).slice(-5);
const title = `关于召开组织生活会的通知 ${stamp}`;

/** Marks the page's window: a reload or a document navigation would lose the mark. */
async function mark(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __stillHere?: boolean }).__stillHere = true;
  });
}

async function stillHere(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { __stillHere?: boolean }).__stillHere === true);
}

/** Waits until the page's live stream is open (the Shell opens it shortly after the page starts). */
async function streamOpen(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { __ljLive?: { open: boolean } }).__ljLive?.open === true, undefined, { timeout: 20_000 });
}

/** The notice's proof verified: its badge no longer reloads the page by itself. */
async function proofSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[data-testid="proof"]')?.getAttribute('data-proof-state') === 'verified', undefined, { timeout: 60_000 });
}

async function liveReloads(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __ljLive?: { reloads: number } }).__ljLive?.reloads ?? 0);
}

async function navCount(page: Page, key: string): Promise<number> {
  const el = page.getByTestId(`nav-count-${key}`);
  return (await el.count()) === 0 ? 0 : Number(await el.innerText());
}

describe('live updates', () => {
  it('a member on a phone reads and confirms a notice; the secretary’s open page shows it without reload', async () => {
    const member = await signedIn(browser(), 'MEMBER', PHONE);
    await go(member.page, '/notices');
    const other = await member.context.newPage();
    await go(other, '/notices');
    for (const page of [member.page, other]) {
      await streamOpen(page);
      await mark(page);
    }
    const unreadBefore = await navCount(member.page, 'notices');
    const listReloads = await liveReloads(member.page);

    const sec = await signedIn(browser(), 'SECRETARY');
    await go(sec.page, '/notices/published');
    await sec.page.locator('#new-notice > summary').click();
    await sec.page.locator('#notice-title').fill(title);
    await sec.page.locator('#notice-body').fill('定于本周五下午召开组织生活会，请全体党员阅读并确认。');
    await sec.page.locator('#notice-audience').selectOption('SUBTREE');
    await sec.page.getByTestId('notice-publish').click();
    await sec.page.waitForURL((u) => /^\/notices\/[0-9a-f-]{36}$/.test(u.pathname));
    const noticePath = new URL(sec.page.url()).pathname;
    const secretaryUrl = sec.page.url();

    // The member's open list shows the new notice, and the menu counts it, without a reload.
    const row = member.page.getByTestId('notices-table').locator('tr', { hasText: title });
    await row.waitFor({ timeout: 20_000 });
    await member.page.waitForFunction(
      (n) => Number(document.querySelector('[data-testid="nav-count-notices"]')?.textContent ?? 0) === n,
      unreadBefore + 1,
      { timeout: 20_000 },
    );
    expect(await stillHere(member.page)).toBe(true);
    expect(await liveReloads(member.page)).toBeGreaterThan(listReloads);
    await screenshot(member.page, 'live-member-phone-new-notice');

    // The secretary's page settles first: the notice's proof anchored (its badge stops reloading
    // the page) and their own reading counted (the secretary is in the branch's audience too).
    await streamOpen(sec.page);
    await proofSettled(sec.page);
    await sec.page.getByTestId('notice-receipt').getByText('您于').waitFor();
    await sec.page.waitForFunction(() => Number(document.querySelector('[data-testid="stat-read"]')?.textContent) >= 1, undefined, { timeout: 20_000 });
    await sec.page.waitForTimeout(1500);
    await mark(sec.page);
    const secReloads = await liveReloads(sec.page);
    const readBefore = Number(await sec.page.getByTestId('stat-read').innerText());
    const ackBefore = Number(await sec.page.getByTestId('stat-acknowledged').innerText());
    await other.waitForFunction(
      (n) => Number(document.querySelector('[data-testid="nav-count-notices"]')?.textContent ?? 0) === n,
      unreadBefore + 1,
      { timeout: 20_000 },
    );
    const otherReloads = await liveReloads(other);

    // The member opens it (a reading) and confirms it.
    await row.getByRole('link').click();
    await member.page.waitForURL((u) => u.pathname === noticePath);
    await member.page.getByTestId('notice-receipt').getByText('您于').waitFor();
    // The secretary's page, untouched, counts the reading…
    await sec.page.waitForFunction((n) => Number(document.querySelector('[data-testid="stat-read"]')?.textContent) === n, readBefore + 1, { timeout: 20_000 });
    expect(await liveReloads(sec.page)).toBeGreaterThan(secReloads);
    // …and the member's other tab no longer counts it unread.
    await other.waitForFunction(
      (n) => Number(document.querySelector('[data-testid="nav-count-notices"]')?.textContent ?? 0) === n,
      unreadBefore,
      { timeout: 20_000 },
    );
    expect(await stillHere(other)).toBe(true);
    expect(await liveReloads(other)).toBeGreaterThan(otherReloads);

    const secAfterRead = await liveReloads(sec.page);
    await member.page.getByTestId('notice-acknowledge').click();
    await member.page.getByTestId('notice-notice').getByText('已确认').waitFor();
    await screenshot(member.page, 'live-member-phone-confirmed');

    // …and then the confirmation, still without a reload or a navigation.
    await sec.page.waitForFunction((n) => Number(document.querySelector('[data-testid="stat-acknowledged"]')?.textContent) === n, ackBefore + 1, { timeout: 20_000 });
    expect(await liveReloads(sec.page)).toBeGreaterThan(secAfterRead);
    expect(await stillHere(sec.page)).toBe(true);
    expect(sec.page.url()).toBe(secretaryUrl);
    // The publishing message the page opened with is still there: a live reload keeps the page's state.
    expect(await sec.page.getByTestId('notice-notice').innerText()).toContain('通知已发布');
    await screenshot(sec.page, 'live-secretary-counted');

    expect(member.errors).toEqual([]);
    expect(sec.errors).toEqual([]);
    await member.context.close();
    await sec.context.close();
  });
});
