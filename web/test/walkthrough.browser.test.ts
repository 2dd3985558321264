// A newcomer's walk through the app: each demo role signs in and opens every page its navigation
// offers (lib/roles.ts NAV), plus the detail page of the first item of each list. Every page must
// answer below 400, show no error page, have a visible <h1> and log no console error. Problems
// are collected over the whole walk, so one run names every broken page.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../app/i18n/messages';
import { navFor, type Role } from '../app/lib/roles';
import { account, browserForFile, newContext, screenshot, signIn, stackInfo } from './browser/harness.js';

const browser = browserForFile();

/** The screenshot name of a path: /members/import → members-import, /me → me. */
function slug(path: string): string {
  return path.replace(/^\//, '').replace(/[^a-z0-9]+/gi, '-').replace(/-+$/, '') || 'home';
}

/** Waits until no proof badge on the page is still verifying (their chain reads may log errors). */
async function proofsSettled(page: Page): Promise<void> {
  await page
    .waitForFunction(() => [...document.querySelectorAll('[data-testid="proof"]')].every((p) => p.getAttribute('data-proof-state') !== 'waiting'), null, { timeout: 30_000 })
    .catch(() => undefined); // a badge still verifying is reported by the state check below
}

interface Visit {
  path: string;
  status: number | null;
  problems: string[];
}

/** Opens `path`, checks the page and saves its screenshot; returns what is wrong with it. */
async function visit(page: Page, errors: string[], role: string, path: string, name: string): Promise<Visit> {
  const problems: string[] = [];
  errors.length = 0;
  const res = await page.goto(`${stackInfo().webUrl}${path}`, { waitUntil: 'load' });
  const status = res?.status() ?? null;
  if (status === null || status >= 400) problems.push(`HTTP ${status}`);
  // Client code runs after hydration; give effects (proof checks, charts) time to run and fail.
  await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined);
  await proofsSettled(page);
  if ((await page.locator('.error-page').count()) > 0) {
    const detail = await page.locator('.error-page').innerText();
    problems.push(`error page: ${detail.replace(/\s+/g, ' ').slice(0, 200)}`);
  }
  if ((await page.getByText('Unexpected Application Error').count()) > 0) problems.push('React Router default error boundary');
  const h1 = page.locator('h1');
  if ((await h1.count()) === 0 || !(await h1.first().isVisible())) problems.push('no visible <h1>');
  const stuck = await page.locator('[data-testid="proof"][data-proof-state="waiting"]').count();
  if (stuck > 0) problems.push(`${stuck} proof badge(s) still verifying after 30 s`);
  const failed = await page.locator('[data-testid="proof"][data-proof-state="failed"]').count();
  if (failed > 0) problems.push(`${failed} proof badge(s) show verification failed`);
  if (errors.length > 0) problems.push(...errors.map((e) => e.slice(0, 300)));
  await screenshot(page, `walkthrough-${role.toLowerCase()}-${name}`);
  return { path, status, problems };
}

/** The first link in the page body that opens one item of the list at `listPath`. */
async function firstDetailLink(page: Page, listPath: string): Promise<string | null> {
  const navPaths = new Set(navFor('ADMIN').map((n) => n.to));
  const hrefs = await page.locator('main a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  for (const href of hrefs) {
    const url = new URL(href, 'http://x');
    const p = url.pathname;
    // Some lists open an item in place (/appraisal?id=…).
    if (p === listPath && url.searchParams.has('id')) return p + url.search;
    if (!p.startsWith(`${listPath}/`) || navPaths.has(p)) continue;
    // Forms and downloads are not an item's page.
    if (/\/(new|import)$/.test(p) || /\.(csv|json)$/.test(p)) continue;
    return p + url.search;
  }
  return null;
}

/** The distinct pages under `hub` that the page links to (downloads left out). */
async function subPages(page: Page, hub: string): Promise<string[]> {
  const hrefs = await page.locator('main a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  const paths = hrefs.map((h) => new URL(h, 'http://x').pathname).filter((p) => p.startsWith(`${hub}/`) && !/\.(csv|json)$/.test(p));
  return [...new Set(paths)];
}

async function walk(role: Role): Promise<{ visits: Visit[]; page: Page; errors: string[]; close: () => Promise<void> }> {
  const { page, context, errors } = await newContext(browser());
  await signIn(page, account(role));
  const visits: Visit[] = [];
  // The demo secretary's scope is a branch: no /approvals in their menu.
  const nav = navFor(role, role === 'SECRETARY' ? 'BRANCH' : null);
  for (const item of nav) {
    const v = await visit(page, errors, role, item.to, slug(item.to));
    visits.push(v);
    if (item === nav[0]) {
      // The header offers exactly the pages roles.ts gives this role.
      const shown = await page.locator('nav.site-nav a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      if (JSON.stringify(shown) !== JSON.stringify(nav.map((n) => n.to))) v.problems.push(`navigation shows ${shown.join(' ')}, roles.ts says ${nav.map((n) => n.to).join(' ')}`);
    }
    if (v.problems.length > 0) continue;
    if (item.to === '/me') {
      // "Mine" is a hub: each of its pages (meetings, learning, points, ballots…) is a list of its own.
      for (const sub of await subPages(page, '/me')) visits.push(await visit(page, errors, role, sub, slug(sub)));
      continue;
    }
    const detail = await firstDetailLink(page, item.to);
    if (detail) visits.push(await visit(page, errors, role, detail, `${slug(item.to)}-detail`));
  }
  return { visits, page, errors, close: () => context.close() };
}

function report(role: Role, visits: Visit[]): string[] {
  const problems = visits.flatMap((v) => v.problems.map((p) => `${role} ${v.path}: ${p}`));
  process.stderr.write(`[walkthrough] ${role}: ${visits.length} pages (${visits.map((v) => v.path).join(', ')}), ${problems.length} problem(s)\n`);
  return problems;
}

describe('walkthrough of every page each demo role can open', () => {
  for (const role of ['ADMIN', 'LEADER', 'SECRETARY'] as const) {
    it(`${role}: every navigation page and the first item of each list work`, async () => {
      const t0 = performance.now();
      const { visits, close } = await walk(role);
      await close();
      // Each role has several pages, and at least one list with a detail page.
      expect(visits.length).toBeGreaterThan(navFor(role, role === 'SECRETARY' ? 'BRANCH' : null).length);
      expect(report(role, visits)).toEqual([]);
      process.stderr.write(`[walkthrough] ${role} took ${Math.round(performance.now() - t0)} ms\n`);
    });
  }

  it('MEMBER: every navigation page works, and the language switch turns a page into English', async () => {
    const { visits, page, errors, close } = await walk('MEMBER');
    expect(visits.length).toBeGreaterThanOrEqual(navFor('MEMBER').length);
    expect(report('MEMBER', visits)).toEqual([]);

    const en = MESSAGES.en;
    await page.goto(`${stackInfo().webUrl}/me`);
    await page.getByRole('button', { name: MESSAGES['zh-CN'].lang.switchHint }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(new URL(page.url()).pathname).toBe('/me');
    const navText = await page.locator('nav.site-nav').innerText();
    for (const item of navFor('MEMBER')) expect(navText).toContain(en.nav[item.key]);
    // No Chinese left in the page's navigation and heading.
    expect(await page.locator('h1').first().innerText()).not.toMatch(/[\u4e00-\u9fff]/);
    errors.length = 0;
    const v = await visit(page, errors, 'member', '/meetings', 'meetings-en');
    expect(v.problems).toEqual([]);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('nav.site-nav').innerText()).toContain(en.nav.meetings);
    await close();
  });
});
