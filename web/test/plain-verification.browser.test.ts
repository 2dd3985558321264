// Verification a non-expert understands (issue #18 items 12–14), in Chromium against the real
// stack: the verify page leads with one plain sentence naming the anchoring time, shows the record
// as a table in the page's language, keeps the jargon folded away, gives a tampered bundle's reason
// in Chinese, labels the record's own date as what the record states, and the snapshot page says
// it was published after publishing.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { account, anchoredMemberBundle, launchBrowser, newContext, openFirstProof, screenshot, signedIn, signIn, stackInfo } from './browser/harness.js';

let browser: Browser;
let bundle: Record<string, unknown>;

beforeAll(async () => {
  [browser, bundle] = await Promise.all([launchBrowser(), anchoredMemberBundle()]);
});

afterAll(async () => {
  await browser?.close();
});

/** China time as the app writes it (YYYY-MM-DD HH:mm). */
function chinaTime(iso: string): string {
  const d = new Date(Date.parse(iso) + 8 * 3600_000).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 16)}`;
}

async function verifyPasted(page: Page, text: string): Promise<string> {
  await page.goto(`${stackInfo().webUrl}/verify`);
  await page.locator('form[data-ready="true"]').waitFor();
  await page.getByLabel(/或粘贴证明内容|Or paste the proof/).fill(text);
  await page.getByRole('button', { name: /^(验证|Verify)$/ }).click();
  await page.waitForFunction(() => ['verified', 'offline', 'failed', 'undecided'].includes(document.querySelector('[data-testid="verify-result"]')?.getAttribute('data-state') ?? ''), undefined, {
    timeout: 60_000,
  });
  return (await page.getByTestId('verify-result').getAttribute('data-state')) ?? '';
}

/** Visible text in the verify result that contains one of `words` (text inside closed <details> is not visible). */
async function visibleJargon(page: Page, words: string[], root: Locator = page.getByTestId('verify-result')): Promise<string[]> {
  return root.evaluate((root, words) => {
    const found: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent ?? '';
      const el = n.parentElement;
      if (!el || !words.some((w) => text.includes(w))) continue;
      if (el.checkVisibility({ contentVisibilityAuto: true, opacityProperty: true, visibilityProperty: true }) && el.getClientRects().length > 0) found.push(text);
    }
    return found;
  }, words);
}

const JARGON = ['JCS', 'RFC 9162', 'ICS23', 'x/anchor'];

describe('verification in plain words', () => {
  it('leads with a plain sentence naming the anchoring time and shows the record as a Chinese table', async () => {
    const { page, context, errors } = await newContext(browser);
    expect(await verifyPasted(page, JSON.stringify(bundle))).toBe('verified');
    const anchor = bundle.anchor as { time: string };
    const doc = bundle.document as { at: string; data: Record<string, unknown> };

    const plain = page.getByTestId('verify-plain');
    expect(await plain.isVisible()).toBe(true);
    const sentence = await plain.innerText();
    expect(sentence).toContain(chinaTime(anchor.time));
    expect(sentence).toMatch(/写入链上以来未被改动/);
    expect(sentence).not.toMatch(/[A-Za-z]{4,}/);

    // The record as a labelled table: Chinese field labels, translated enum values, no raw codes.
    const table = page.getByTestId('record-table');
    expect(await table.isVisible()).toBe(true);
    const rows = await table.locator('tr[data-field]').evaluateAll((trs) =>
      Object.fromEntries(trs.map((tr) => [tr.getAttribute('data-field'), [tr.querySelector('th')?.textContent ?? '', tr.querySelector('td')?.textContent ?? '']])),
    );
    expect(rows.name?.[0]).toBe('姓名');
    expect(rows.name?.[1]).toBe(String(doc.data.name));
    expect(rows.stage?.[0]).toBe('发展阶段');
    expect(['申请人', '积极分子', '发展对象', '预备党员', '正式党员']).toContain(rows.stage?.[1]);
    expect(rows.gender?.[1]).toMatch(/^(男|女)$/);
    expect(rows.status?.[1]).not.toMatch(/^[A-Z_]+$/);
    expect(await page.getByTestId('verify-result').locator('pre.data-json').count()).toBe(0);

    // The record's own date is what it states, apart from the anchoring time the proof is about.
    const stated = page.getByTestId('record-stated-time');
    expect(await stated.locator('dt').innerText()).toBe('记录所述时间');
    expect(await stated.locator('dd').innerText()).toContain(chinaTime(doc.at));

    // Jargon only inside the folded technical details.
    expect(await visibleJargon(page, JARGON)).toEqual([]);
    const tech = page.getByTestId('verify-technical');
    const toggle = tech.getByRole('button', { name: /技术细节/ });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await tech.textContent()).toMatch(/ICS23/);
    await toggle.click();
    expect(await page.getByTestId('reason-document').count()).toBe(0);
    expect(await page.getByTestId('verify-heights').innerText()).toMatch(/高度 \d+.*高度 \d+/s);
    await screenshot(page, 'plain-verify-valid');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says in Chinese why a changed record fails, with the English reason folded', async () => {
    const { page, context } = await newContext(browser);
    const tampered = structuredClone(bundle) as { document: { data: Record<string, unknown> } };
    tampered.document.data.name = `${String(tampered.document.data.name)}X`;
    expect(await verifyPasted(page, JSON.stringify(tampered))).toBe('failed');
    const reason = page.getByTestId('plain-reason-document');
    expect(await reason.isVisible()).toBe(true);
    expect(await reason.innerText()).toMatch(/[\u4e00-\u9fff]/);
    expect(await reason.innerText()).not.toMatch(/[A-Za-z]{4,}/);
    expect(await page.getByTestId('reason-document').isVisible()).toBe(false);
    expect(await visibleJargon(page, [...JARGON, 'does not hash'])).toEqual([]);
    await screenshot(page, 'plain-verify-tampered');
    await context.close();
  });

  it('opens a record page’s 校验详情 with the plain sentence, the checks folded', async () => {
    const { page, context, errors } = await signedIn(browser, 'MEMBER');
    const proof = await openFirstProof(page);
    const plain = proof.getByTestId('verify-plain');
    expect(await plain.isVisible()).toBe(true);
    expect(await plain.innerText()).toMatch(/^这条记录自 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 写入链上以来未被改动。$/);
    expect(await visibleJargon(page, JARGON, proof)).toEqual([]);
    expect(await proof.locator('li[data-check="fields"]').isVisible()).toBe(false);
    await proof.getByRole('button', { name: /技术细节/ }).click();
    expect(await proof.locator('li[data-check="fields"]').getAttribute('data-state')).toBe('pass');
    expect(await proof.getByTestId('proof-heights').innerText()).toMatch(/高度 \d+/);
    await screenshot(page, 'plain-proof-details');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('confirms on the snapshot page that the snapshot was published', async () => {
    const { page, context, errors } = await newContext(browser);
    page.setDefaultTimeout(90_000);
    await signIn(page, account('LEADER'));
    await page.getByLabel(/^(指标|Figure)$/).selectOption('funnel');
    await page.getByLabel(/标题（可选）|Title \(optional\)/).fill('发布确认测试');
    await page.getByRole('button', { name: /^(发布快照|Publish snapshot)$/ }).click();
    await page.waitForURL((u) => /^\/snapshots\/[0-9a-f-]{36}$/.test(u.pathname));
    const banner = page.getByTestId('snapshot-published');
    await banner.waitFor();
    expect(await banner.innerText()).toMatch(/已发布/);
    await screenshot(page, 'plain-snapshot-published');
    await banner.getByRole('button').click();
    await banner.waitFor({ state: 'detached' });
    // Opening the page again (a link, a reload) does not claim it was just published.
    await page.reload();
    await page.getByTestId('snapshot-name').waitFor();
    expect(await page.getByTestId('snapshot-published').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);
});
