// Issue #16 item 6 in the web app: every page carries a Content-Security-Policy whose script nonce
// is fresh per response and on every script the page has, with the other security headers; the
// app works under that policy in Chromium (charts, proofs verified against the chain, downloads,
// /verify) with no violation; and user text with bidi controls cannot reorder the words beside it.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { account, anchoredMemberBundle, launchBrowser, newContext, signIn, stackInfo } from './browser/harness.js';

let browser: Browser;
let leader: { context: BrowserContext; page: Page; errors: string[] };

beforeAll(async () => {
  browser = await launchBrowser();
  leader = await newContext(browser);
  await watchViolations(leader.context);
  await signIn(leader.page, account('LEADER'));
});
afterAll(async () => {
  await browser?.close();
});

/** Records every CSP violation a page reports (the init script is not itself subject to the page's policy). */
async function watchViolations(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
}

async function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}

function cspErrors(errors: string[]): string[] {
  return errors.filter((e) => /Content Security Policy|Refused to/i.test(e));
}

/** Checks one page's headers and markup; returns its nonce. */
function checkDocument(path: string, headers: Record<string, string>, html: string): string {
  const csp = headers['content-security-policy'] ?? '';
  const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
  expect(nonce, `${path}: ${csp}`).toBeTruthy();
  expect(nonce!.length, path).toBeGreaterThanOrEqual(22);
  for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "default-src 'self'", "style-src 'self' 'unsafe-inline'"]) {
    expect(csp, path).toContain(directive);
  }
  // The verifier's chain node (LIANJIAN_RPC_PUBLIC) may be asked from the page.
  expect(csp, path).toMatch(new RegExp(`connect-src 'self' ${new URL(stackInfo().rpcUrl).origin.replace(/[.]/g, '\\.')}`));
  expect(csp, path).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
  expect(headers['x-content-type-options'], path).toBe('nosniff');
  expect(headers['referrer-policy'], path).toBe('same-origin');
  expect(headers['x-frame-options'], path).toBe('DENY');
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length, path).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag, path).toContain(` nonce="${nonce}"`);
  return nonce!;
}

async function fetchDocument(path: string): Promise<string> {
  const res = await fetch(`${stackInfo().webUrl}${path}`);
  expect(res.headers.get('content-type'), path).toMatch(/^text\/html/);
  return checkDocument(path, Object.fromEntries(res.headers), await res.text());
}

describe('security headers of the web app', () => {
  it('every page has a CSP whose fresh nonce is on each of its scripts, nosniff, a referrer policy and no framing', async () => {
    const nonces: string[] = [];
    for (const path of ['/', '/verify', '/signin', '/verify', '/no-such-page']) nonces.push(await fetchDocument(path));
    expect(new Set(nonces).size).toBe(nonces.length);
    // Signed-in pages, from the signed-in browser's cookie jar.
    for (const path of ['/dashboard', '/members', '/meetings']) {
      const res = await leader.context.request.get(`${stackInfo().webUrl}${path}`);
      expect(res.status(), path).toBe(200);
      checkDocument(path, res.headers(), await res.text());
    }
  });

  it('client navigation data (.data) is marked nosniff, unframeable and loads nothing', async () => {
    const res = await leader.context.request.get(`${stackInfo().webUrl}/members.data`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers()['x-content-type-options']).toBe('nosniff');
  });
});

describe('the app under its policy in Chromium', () => {
  it('dashboard charts, a member page verified against the chain with a proof download, and a meeting page raise no violation', async () => {
    const { page, errors } = leader;
    page.setDefaultTimeout(90_000);
    await page.goto(`${stackInfo().webUrl}/dashboard`);
    await page.locator('svg .recharts-bar-rectangle path').first().waitFor();
    await page.locator('svg .recharts-bar-rectangle path').first().hover();
    await page.locator('.recharts-tooltip-wrapper').first().waitFor({ state: 'attached' });

    await page.goto(`${stackInfo().webUrl}/members`);
    await page.locator('a[href^="/members/"]:not([href="/members/import"])').first().click();
    await page.waitForURL(/\/members\/[^/]+$/);
    // The proof check asks the chain node from the browser (connect-src). A page loaded before
    // the record's batch was anchored shows it pending: load it again until it is.
    const verified = () => [...document.querySelectorAll('[data-testid="proof"]')].some((p) => p.getAttribute('data-proof-state') === 'verified');
    for (let attempt = 0; ; attempt++) {
      const ok = await page.waitForFunction(verified, undefined, { timeout: 20_000 }).then(
        () => true,
        () => false,
      );
      if (ok) break;
      expect(attempt, 'no proof on the member page was verified').toBeLessThan(4);
      await page.reload();
    }
    const download = page.waitForEvent('download');
    await page.locator('a.proof-download').first().click();
    expect((await download).suggestedFilename()).toMatch(/\.json$/);

    await page.goto(`${stackInfo().webUrl}/meetings`);
    await page.locator('a[href^="/meetings/"]:not([href="/meetings/new"])').first().click();
    await page.getByTestId('meeting-status').waitFor();
    // Client-side navigation back (route modules and .data under the policy).
    await page.getByRole('link', { name: /会议|Meetings/ }).first().click();
    await page.waitForURL((u) => u.pathname === '/meetings');

    expect(await violations(page)).toEqual([]);
    expect(cspErrors(errors)).toEqual([]);
  });

  it('/verify verifies a bundle against the chain with no violation, and refuses a script injected into the page', async () => {
    const { page, context, errors } = await newContext(browser);
    await watchViolations(context);
    const bundle = await anchoredMemberBundle();
    await page.goto(`${stackInfo().webUrl}/verify`);
    await page.locator('form[data-ready="true"]').waitFor();
    await page.getByLabel(/或粘贴证明内容|Or paste the proof/).fill(JSON.stringify(bundle));
    await page.getByRole('button', { name: /^(验证|Verify)$/ }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="verify-result"]')?.getAttribute('data-state') === 'verified', undefined, { timeout: 60_000 });
    expect(await violations(page)).toEqual([]);
    expect(cspErrors(errors)).toEqual([]);

    // Markup that reaches the page cannot run script: the policy is enforced, not only sent.
    const ran = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__injected = true';
      document.body.append(s);
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
    await expect.poll(() => violations(page)).toEqual([expect.stringMatching(/^script-src(-elem)? inline/)]);
    await context.close();
  });
});

/**
 * Puts U+202E (RIGHT-TO-LEFT OVERRIDE, as a stored name or title could carry) in front of `text`
 * where it is shown in `container`, then returns the x of each character of `after` (the page's
 * own words following it) in reading order, and whether `after` still stands right of `text`.
 */
async function overrideAndMeasure(page: Page, container: string, text: string, after: string): Promise<{ xs: number[]; afterIsRight: boolean }> {
  return page.evaluate(
    ({ container, text, after }) => {
      const root = document.querySelector(container)!;
      const nodes = (): Text[] => {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        const out: Text[] = [];
        while (walker.nextNode()) out.push(walker.currentNode as Text);
        return out;
      };
      const own = nodes().find((n) => n.data.includes(text))!;
      own.data = own.data.replace(text, `\u202E${text}`);
      const rect = (node: Text, i: number) => {
        const r = document.createRange();
        r.setStart(node, i);
        r.setEnd(node, i + 1);
        return r.getBoundingClientRect();
      };
      const host = nodes().find((n) => n.data.includes(after))!;
      const at = host.data.indexOf(after);
      const xs = [...after].map((_, i) => rect(host, at + i).left);
      const from = own.data.indexOf(text);
      const textRight = Math.max(...[...text].map((_, i) => rect(own, from + i).right));
      return { xs, afterIsRight: Math.min(...xs) >= textRight - 0.5 };
    },
    { container, text, after },
  );
}

function inReadingOrder(xs: number[]): boolean {
  return xs.every((x, i) => i === 0 || x > xs[i - 1]!);
}

describe('bidi controls in user text', () => {
  it('a RIGHT-TO-LEFT OVERRIDE in a record title leaves the status pill after it', async () => {
    const { page } = leader;
    await page.goto(`${stackInfo().webUrl}/meetings`);
    await page.locator('a[href^="/meetings/"]:not([href="/meetings/new"])').first().click();
    const status = await page.getByTestId('meeting-status').innerText();
    const title = await page.evaluate(() => {
      const h1 = document.querySelector('#meeting-title')!;
      return h1.textContent!.slice(0, h1.textContent!.lastIndexOf(h1.querySelector('[data-testid="meeting-status"]')!.textContent!)).trim();
    });
    const head = await overrideAndMeasure(page, '#meeting-title', title, status);
    expect(head.afterIsRight, JSON.stringify(head)).toBe(true);
    expect(inReadingOrder(head.xs), JSON.stringify(head)).toBe(true);
  });

  it('a RIGHT-TO-LEFT OVERRIDE in the signed-in name leaves the role after it in order', async () => {
    const { page } = leader;
    await page.goto(`${stackInfo().webUrl}/meetings`);
    // "张三（领导）": the name is the user's, the role in brackets the page's.
    const viewer = await page.getByTestId('viewer').innerText();
    const name = (await page.evaluate(() => document.querySelector('[data-testid="viewer"] bdi')?.textContent ?? null)) ?? viewer.replace(/[（(][^）)]*[）)]$/, '').trim();
    const role = viewer.slice(viewer.indexOf(name) + name.length);
    expect(role).toMatch(/^\s*[（(].+[）)]$/);
    const line = await overrideAndMeasure(page, '[data-testid="viewer"]', name, role.trim());
    expect(line.afterIsRight, JSON.stringify(line)).toBe(true);
    expect(inReadingOrder(line.xs), JSON.stringify(line)).toBe(true);
  });

  it('user text in the inline elements routes use (links, spans, strong, labels, code, time) cannot reorder the words after it', async () => {
    const { page } = leader;
    const results = await page.evaluate(() => {
      const out: Record<string, boolean> = {};
      for (const tag of ['a', 'span', 'strong', 'label', 'code', 'time', 'em', 'small']) {
        const p = document.createElement('p');
        const el = document.createElement(tag);
        el.textContent = '\u202Ereport.pdf';
        p.append(el, ' 已通过 OK');
        document.querySelector('main')!.append(p);
        const text = p.lastChild as Text;
        const xs = [...' 已通过 OK'].map((_, i) => {
          const r = document.createRange();
          r.setStart(text, i);
          r.setEnd(text, i + 1);
          return r.getBoundingClientRect().left;
        });
        out[tag] = xs.slice(1).every((x, i) => i === 0 || x > xs[i]!) && xs[1]! >= el.getBoundingClientRect().right - 0.5;
        p.remove();
      }
      return out;
    });
    expect(results).toEqual({ a: true, span: true, strong: true, label: true, code: true, time: true, em: true, small: true });
  });
});
