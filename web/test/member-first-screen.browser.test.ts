// Issue #18 item 15: the member's first screen. After sign-in on a phone, /me leads with what is
// due (open votes I can still cast, my next meetings, required courses I have not completed), each
// a working link; the top menu and the portal's sub-tabs do not take a quarter of the screen; and
// /me/ballots without ballots says so instead of asking for a receipt with no input to type it in.
import { describe, expect, it } from 'vitest';
import { browserForFile, PHONE, screenshot, signedIn, stackInfo } from './browser/harness.js';

const browser = browserForFile();

describe('member first screen', () => {
  it('leads with what is due, keeps the menus small on a phone, and has no dangling receipt prompt', async () => {
    const { page, context, errors } = await signedIn(browser(), 'MEMBER', PHONE);
    expect(new URL(page.url()).pathname).toBe('/me');
    await screenshot(page, 'member-first-screen-1-signed-in');

    // 1. What is due comes first, before the account details, with links to act.
    const due = page.getByTestId('whats-due');
    await due.waitFor();
    expect(await due.getByRole('heading', { level: 2 }).first().innerText()).toMatch(/待办/);
    const links = due.locator('a[data-due]');
    expect(await links.count()).toBeGreaterThan(0);
    const dueTop = (await due.boundingBox())!.y;
    const accountTop = (await page.locator('#account-title').boundingBox())!.y;
    expect(dueTop).toBeLessThan(accountTop);
    // Every link leads to a page that opens (no error page).
    const hrefs = await links.evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? ''));
    for (const href of [...new Set(hrefs)].slice(0, 6)) {
      expect(href).toMatch(/^\/(votes|meetings|learning\/courses)\//);
      const res = await context.request.get(`${stackInfo().webUrl}${href}`);
      expect(res.status(), href).toBe(200);
    }
    const first = links.first();
    const firstHref = (await first.getAttribute('href'))!;
    await first.click();
    await page.waitForURL((u) => u.pathname === firstHref);
    await screenshot(page, 'member-first-screen-2-followed-due-link');
    await page.goto(`${stackInfo().webUrl}/me`);
    await due.waitFor();

    // 2. The top menu and the portal tabs together take under a quarter of the phone's height.
    await page.evaluate(() => window.scrollTo(0, 0));
    const m = await page.evaluate(() => {
      const box = (sel: string) => document.querySelector(sel)?.getBoundingClientRect() ?? null;
      const nav = box('nav.site-nav');
      const tabs = box('nav.portal-tabs');
      const link = document.querySelector('nav.portal-tabs a')?.getBoundingClientRect() ?? null;
      return { nav: nav?.height ?? 0, tabs: tabs?.height ?? 0, tabsBottom: tabs?.bottom ?? 0, link: link?.height ?? 0 };
    });
    process.stderr.write(`[first screen] site nav ${m.nav}px + portal tabs ${m.tabs}px; tabs end at ${m.tabsBottom}px of ${PHONE.height}px\n`);
    await screenshot(page, 'member-first-screen-3-menus');
    expect(m.nav + m.tabs).toBeLessThan(PHONE.height / 4);
    // The sub-tabs are one row on a phone (they repeat much of the site menu above them).
    expect(m.tabs).toBeLessThan(m.link * 1.8);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    // 3. My ballots: a prompt to enter a receipt only where there is an input for it.
    await page.goto(`${stackInfo().webUrl}/me/ballots`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await screenshot(page, 'member-first-screen-4-ballots');
    const inputs = await page.locator('input[name="receipt"]').count();
    const text = await page.locator('main').innerText();
    if (inputs === 0) {
      expect(text).not.toMatch(/在这里输入回执/);
      expect(text).toMatch(/还没有|没有选票/);
    } else {
      expect(text).toMatch(/回执/);
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});
