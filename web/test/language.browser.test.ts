// Every page of every role, in Chinese and in English: no internal code (SNAKE_CASE, input.title,
// role and status names) and no text of the other language reaches the interface. Problems are
// collected over the whole walk, so one run names every page and every string.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { navFor, type Role } from '../app/lib/roles';
import { account, browserForFile, newContext, signIn, stackInfo } from './browser/harness.js';
import { languageProblems } from './browser/language.js';

const browser = browserForFile();

type Locale = 'zh-CN' | 'en';

async function useLocale(page: Page, locale: Locale): Promise<void> {
  const res = await page.request.post(`${stackInfo().webUrl}/locale`, { form: { lang: locale, redirectTo: '/' }, maxRedirects: 0 });
  expect(res.status()).toBeLessThan(400);
}

/** The pages a role reaches: its navigation, the first item of each list, the hub's sub-pages. */
async function pagesOf(page: Page, role: Role | null): Promise<string[]> {
  const base = stackInfo().webUrl;
  const nav = role ? navFor(role, role === 'SECRETARY' ? 'BRANCH' : null).map((n) => n.to) : ['/', '/verify', '/signin'];
  const out = new Set<string>(nav);
  const navSet = new Set(nav);
  for (const to of nav) {
    if (!role) continue;
    await page.goto(`${base}${to}`, { waitUntil: 'load' });
    const hrefs = await page.locator('main a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    const under = hrefs
      .map((h) => new URL(h, 'http://x'))
      .filter((u) => (u.pathname.startsWith(`${to}/`) || (u.pathname === to && u.searchParams.has('id'))) && !navSet.has(u.pathname) && !/\.(csv|json)$/.test(u.pathname))
      .map((u) => u.pathname + u.search);
    // The hub (/me) links to lists of its own; elsewhere the first item of the list is enough.
    for (const p of to === '/me' ? [...new Set(under)] : under.slice(0, 1)) out.add(p);
  }
  return [...out];
}

async function scan(page: Page, role: string, locale: Locale, paths: readonly string[]): Promise<string[]> {
  const problems: string[] = [];
  for (const path of paths) {
    await page.goto(`${stackInfo().webUrl}${path}`, { waitUntil: 'load' });
    await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined);
    const lang = await page.locator('html').getAttribute('lang');
    if (lang !== locale) problems.push(`${role} ${locale} ${path}: <html lang="${lang}">`);
    for (const p of await languageProblems(page, locale)) problems.push(`${role} ${locale} ${path}: ${p.kind}: ${p.text}`);
  }
  return problems;
}

describe('every page speaks one language, with no codes showing through', () => {
  for (const role of [null, 'MEMBER', 'SECRETARY', 'LEADER', 'ADMIN'] as const) {
    it(`${role ?? 'anonymous'}: Chinese and English pages`, async () => {
      const { page, context } = await newContext(browser());
      if (role) await signIn(page, account(role));
      const paths = await pagesOf(page, role);
      const problems: string[] = [];
      for (const locale of ['zh-CN', 'en'] as const) {
        await useLocale(page, locale);
        problems.push(...(await scan(page, role ?? 'anonymous', locale, paths)));
      }
      await context.close();
      process.stderr.write(`[language] ${role ?? 'anonymous'}: ${paths.length} pages × 2 languages, ${problems.length} problem(s)\n${problems.join('\n')}\n`);
      expect(paths.length).toBeGreaterThan(2);
      expect(problems).toEqual([]);
      // The walk grows with every page a role can reach (the administrator's passed two minutes
      // once the dues pages joined the menu), so it gets more than the default test time.
    }, 240_000);
  }
});
