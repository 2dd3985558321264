// A rule refusing a write is a form error, never the error page (#18 item 1); a slow answer
// shows progress, never nothing (#18 item 2).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserForFile, screenshot, signedIn, stackInfo } from './browser/harness.js';

const browser = browserForFile();

/** A 4xx answer to the refused post is expected; anything else in the console is not. */
const unexpected = (errors: string[]) => errors.filter((e) => !/Failed to load resource: the server responded with a status of 4\d\d/.test(e));

function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** React has hydrated the page (links navigate in the page, fetching only the next page's data). */
async function hydrated(page: Page): Promise<void> {
  await page.waitForFunction(() => [...document.querySelectorAll('body *')].some((el) => Object.keys(el).some((k) => k.startsWith('__reactFiber'))));
}

/** Opens an applicant whose nomination (step 3) the rules allow today. */
async function openNominee(page: Page): Promise<string> {
  await page.goto(`${stackInfo().webUrl}/pipeline`);
  const card = page.getByTestId('board-card').filter({ has: page.locator('li[data-kind="NOMINATION"][data-legal="true"]') }).first();
  const name = await card.locator('a').innerText();
  await card.locator('a').click();
  await page.waitForURL((u) => /^\/members\/.+/.test(u.pathname));
  await page.getByRole('heading', { level: 1, name }).waitFor();
  return name;
}

describe('a refused development step', () => {
  it('is shown beside the date, with what was typed kept, in Chinese and in English', async () => {
    const { page, context, errors } = await signedIn(browser(), 'SECRETARY');
    const name = await openNominee(page);
    const stepsBefore = await page.getByTestId('steps').locator('li.step').count();
    await page.getByLabel('步骤', { exact: true }).selectOption('NOMINATION');

    // The date input allows only what the rules allow: not before the talk (step 2), not after today.
    const date = page.locator('#step-date');
    const talkOn = await page.locator('li.step[data-step="2"] time').last().getAttribute('datetime');
    expect(talkOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await date.getAttribute('min')).toBe(talkOn);
    expect(await date.getAttribute('max')).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // A page opened before the talk was recorded knows no such bound: the server still refuses.
    await date.evaluate((el) => el.removeAttribute('min'));
    const early = dayBefore(talkOn!);
    await date.fill(early);
    await page.getByLabel('推荐方式').selectOption('MASS_ORGANISATION');
    await page.getByLabel('备注').fill('浏览器测试：日期早于谈话');
    await page.getByRole('button', { name: '记录', exact: true }).click();

    const fieldError = page.getByTestId('field-error-occurredOn');
    await fieldError.waitFor();
    expect(await fieldError.innerText()).toMatch(/不能记录第 3 步.*早于其前置步骤/);
    // Beside the date field, which is marked and described by it and has the focus.
    expect(await date.getAttribute('aria-invalid')).toBe('true');
    expect(await date.getAttribute('aria-describedby')).toBe(await fieldError.getAttribute('id'));
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('step-date');
    // No error page, the same member, nothing recorded, and everything typed still there.
    expect(await page.locator('.error-page').count()).toBe(0);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(name);
    expect(await page.getByTestId('steps').locator('li.step').count()).toBe(stepsBefore);
    expect(await page.getByLabel('步骤', { exact: true }).inputValue()).toBe('NOMINATION');
    expect(await date.inputValue()).toBe(early);
    expect(await page.getByLabel('推荐方式').inputValue()).toBe('MASS_ORGANISATION');
    expect(await page.getByLabel('备注').inputValue()).toBe('浏览器测试：日期早于谈话');
    expect(await page.getByText(/错误代码|发生了意外错误|DATE_BEFORE_PREREQUISITE/).count()).toBe(0);
    await screenshot(page, 'form-errors-step-refused');

    // On the English page the same refusal is in English.
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.getByLabel('Step', { exact: true }).selectOption('NOMINATION');
    await page.locator('#step-date').evaluate((el) => el.removeAttribute('min'));
    await page.locator('#step-date').fill(early);
    await page.getByRole('button', { name: 'Record', exact: true }).click();
    await page.getByTestId('field-error-occurredOn').waitFor();
    expect(await page.getByTestId('field-error-occurredOn').innerText()).toMatch(/Cannot record step 3.*before the steps it depends on/);
    expect(await page.locator('.error-page').count()).toBe(0);
    await screenshot(page, 'form-errors-step-refused-en');
    expect(unexpected(errors)).toEqual([]);
    await context.close();
  });
});

describe('a slow answer', () => {
  it('shows navigation progress and marks the page busy until the next page is there', async () => {
    const { page, context, errors } = await signedIn(browser(), 'SECRETARY');
    await page.goto(`${stackInfo().webUrl}/pipeline`);
    await hydrated(page);
    const progress = page.getByTestId('nav-progress');
    expect(await progress.getAttribute('aria-busy')).toBe('false');
    // The next page's data arrives 2.5 s late.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\.data(\?|$)/, async (route) => {
      await Promise.race([held, new Promise((r) => setTimeout(r, 2500))]);
      await route.continue();
    });
    await page.locator('nav a[href="/members"]').first().click();
    await page.waitForFunction(() => document.querySelector('[data-testid="nav-progress"]')?.getAttribute('aria-busy') === 'true');
    expect(await page.getByRole('progressbar').count()).toBe(1);
    expect(await page.locator('#main').getAttribute('aria-busy')).toBe('true');
    // The bar shows after a moment (quick navigations do not flicker).
    await page.waitForTimeout(400);
    expect(await page.getByRole('progressbar').isVisible()).toBe(true);
    await screenshot(page, 'nav-progress-busy');
    release();
    await page.waitForURL((u) => u.pathname === '/members');
    await page.waitForFunction(() => document.querySelector('[data-testid="nav-progress"]')?.getAttribute('aria-busy') === 'false');
    expect(await page.getByRole('progressbar').count()).toBe(0);
    expect(await page.locator('#main').getAttribute('aria-busy')).toBeNull();
    await page.unroute(/\.data(\?|$)/);
    expect(unexpected(errors)).toEqual([]);
    await context.close();
  });
});
