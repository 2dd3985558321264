// Dues (党费) in Chromium against the real stack: the branch secretary records a payment for the
// demo member end to end (asked to confirm first, since an entry cannot be undone), the member
// then opens their year's dues, every entry verifies on chain in the browser, the total paid the
// browser recomputes from the proven entries matches the API's, and a receipt downloads and
// verifies on its own. The finance office's CSV and .xlsx hold the same report.
import { parseBundle, verifyBundle } from '@lianjian/verify';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { languageProblems } from './browser/language.js';
import { account, graphql, launchBrowser, newContext, PHONE, screenshot, screenshotDir, signedIn, signIn, stackInfo } from './browser/harness.js';

let browser: Browser;
let memberId: string;
let recordedReceipt: string | null = null;

beforeAll(async () => {
  browser = await launchBrowser();
  const who = account('MEMBER');
  const signed = await graphql<{ signIn: { token?: string } }>('mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { ... on SignedIn { token } } }', { u: who.username, p: who.password });
  const me = await graphql<{ me: { account: { member: { id: string } } } }>('{ me { account { member { id } } } }', {}, signed.signIn.token);
  memberId = me.me.account.member.id;
});

afterAll(async () => {
  await browser?.close();
});

/** Reloads until every proof on the page has a final state (a new entry is anchored within seconds). */
async function settledProofs(page: Page, timeoutMs = 60_000): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await page.getByTestId('proof').first().waitFor();
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="proof"]')].every((p) => !['waiting', 'retrying'].includes(p.getAttribute('data-proof-state') ?? 'waiting')), undefined, {
      timeout: timeoutMs,
    });
    const states = await page.getByTestId('proof').evaluateAll((els) => els.map((e) => e.getAttribute('data-proof-state') ?? ''));
    if (states.every((s) => s === 'verified') || Date.now() > deadline) return states;
    await page.waitForTimeout(1000);
    await page.reload();
  }
}

describe('dues', () => {
  it('a leader may publish a dues snapshot from the dashboard: the metric is offered with its label', async () => {
    const { page, context, errors } = await signedIn(browser, 'LEADER');
    await page.goto(`${stackInfo().webUrl}/dashboard`);
    const option = page.locator('#publish-metric option[value="dues"]');
    await option.waitFor({ state: 'attached' });
    expect(await option.innerText()).toBe('党费收缴');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a secretary records a payment of the demo member’s unpaid months, confirming first', async () => {
    const { page, context, errors } = await signedIn(browser, 'SECRETARY');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '党费', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/dues');
    await page.getByTestId('dues-summary').waitFor();
    await screenshot(page, 'dues-secretary-overview');

    await page.getByRole('link', { name: '党员党费' }).click();
    await page.waitForURL((u) => u.pathname === '/dues/members');
    // The URL changes when the navigation commits; the table renders right after.
    await page.getByTestId('dues-members-table').locator('tbody tr').first().waitFor();
    // The total across pages, from the API's duesMembers list (no longer a count of this page).
    const all = await page.getByTestId('dues-members-total').innerText();
    expect(all).toMatch(/共 \d+ 条/);
    await screenshot(page, 'dues-secretary-members');
    // Only members behind (the seed has a few): the list keeps those with an unpaid month.
    await page.getByLabel('只看有欠交的党员').check();
    await page.getByRole('button', { name: '查看' }).click();
    await page.waitForURL((u) => u.searchParams.get('arrears') === '1');
    const behind = page.getByTestId('dues-members-table').locator('tbody tr[data-member]');
    await behind.first().waitFor();
    for (const row of await behind.all()) expect(Number(await row.getAttribute('data-unpaid'))).toBeGreaterThan(0);
    const count = (text: string) => Number(/共 (\d+) 条/.exec(text)?.[1]);
    expect(count(await page.getByTestId('dues-members-total').innerText())).toBeLessThanOrEqual(count(all));

    const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
    await page.goto(`${stackInfo().webUrl}/dues/members/${memberId}?year=${year}`);
    const form = page.getByTestId('dues-record-form');
    await form.waitFor();
    const before = await page.getByTestId('dues-payments').locator('li.portal-record').count();
    const paidBefore = Number(await page.getByTestId('dues-paid').getAttribute('data-fen'));

    // Nothing chosen: refused beside the months, nothing recorded.
    const boxes = form.locator('input[name="month"]');
    expect(await boxes.count(), 'the demo member has months to pay').toBeGreaterThan(0);
    for (const box of await boxes.all()) await box.uncheck();
    await page.getByTestId('dues-record').click();
    await page.getByTestId('field-error-months').waitFor();

    // One month (the first open one), by bank transfer with its reference.
    const first = boxes.first();
    const month = await first.getAttribute('value');
    await first.check();
    const due = (await first.locator('xpath=..').innerText()).match(/应交 ([\d,.]+) 元/)?.[1];
    expect(due).toBeDefined();
    await page.getByLabel('金额（元）').fill(due!.replace(/,/g, ''));
    await page.getByLabel('方式').selectOption('TRANSFER');
    await page.getByLabel('交易流水号').fill('BROWSER-TEST-0001');
    await page.getByTestId('dues-record').click();
    // Asked first: what will be recorded, and that it cannot be undone.
    const ask = page.getByTestId('confirm-step');
    await ask.waitFor();
    expect(await page.getByTestId('confirm-text').innerText()).toMatch(new RegExp(`${month}.*${due!.replace('.', '\\.')} 元（转账）[\\s\\S]*不能修改或删除`));
    // Asking recorded nothing.
    expect(await page.getByTestId('dues-payments').locator('li.portal-record').count()).toBe(before);
    await screenshot(page, 'dues-secretary-record-confirm');
    await page.getByTestId('confirm-yes').click();
    const notice = page.getByTestId('dues-notice');
    await notice.waitFor();
    recordedReceipt = /收据编号 (DF\d{8}-[0-9A-F]{12})/.exec(await notice.innerText())?.[1] ?? null;
    expect(recordedReceipt).not.toBeNull();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="dues-payments"] li.portal-record').length === n, before + 1);
    expect(Number(await page.getByTestId('dues-paid').getAttribute('data-fen'))).toBeGreaterThan(paidBefore);
    expect(await page.locator(`tr[data-month="${month}"]`).getAttribute('data-status')).toBe('PAID');
    // The new entry is anchored and verified in the browser like every other.
    const states = await settledProofs(page);
    expect(states.every((s) => s === 'verified')).toBe(true);
    await screenshot(page, 'dues-secretary-recorded');

    // A wrong entry is reversed by a new one, after confirming; the month is then unpaid again.
    const entry = page.getByTestId('dues-payments').locator('li.portal-record').filter({ hasText: recordedReceipt! });
    await entry.getByText('更正', { exact: true }).click();
    await entry.getByLabel('更正原因').fill('浏览器测试：金额登记错误');
    await entry.getByRole('button', { name: '更正这笔记录' }).click();
    await page.getByTestId('confirm-step').waitFor();
    expect(await page.getByTestId('confirm-text').innerText()).toContain(recordedReceipt!);
    expect(await page.getByTestId('dues-payments').locator('li.portal-record').count()).toBe(before + 1);
    await page.getByTestId('confirm-yes').click();
    await page.getByTestId('dues-notice').filter({ hasText: '已冲销原记录' }).waitFor();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="dues-payments"] li.portal-record').length === n, before + 2);
    expect(await page.locator(`tr[data-month="${month}"]`).getAttribute('data-status')).toBe('UNPAID');
    expect(Number(await page.getByTestId('dues-paid').getAttribute('data-fen'))).toBe(paidBefore);
    // The right payment, in cash this time.
    for (const box of await boxes.all()) await box.uncheck();
    await page.getByTestId('dues-record-form').locator(`input[value="${month}"]`).check();
    await page.getByLabel('金额（元）').fill(due!.replace(/,/g, ''));
    await page.getByTestId('dues-record').click();
    await page.getByTestId('confirm-yes').click();
    await page.getByTestId('dues-notice').filter({ hasText: '已登记' }).waitFor();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="dues-payments"] li.portal-record').length === n, before + 3);
    expect(await page.locator(`tr[data-month="${month}"]`).getAttribute('data-status')).toBe('PAID');
    expect(await settledProofs(page)).toSatisfy((all: string[]) => all.every((x) => x === 'verified'));

    // The payments list (all entries of the branch, newest first) has it too.
    const payments = await page.goto(`${stackInfo().webUrl}/dues/payments`);
    expect(payments?.status()).toBe(200);
    expect(await page.getByTestId('dues-payments-table').locator(`tr[data-receipt="${recordedReceipt}"]`).count()).toBe(1);
    await screenshot(page, 'dues-secretary-payments');
    // The refused submission answered 400 (the browser logs that); nothing else may have failed.
    expect(errors.filter((e) => !/Failed to load resource: the server responded with a status of 400/.test(e))).toEqual([]);
    await context.close();
  });

  it('a member verifies their year’s dues: every entry proven, the recomputed total matches, a receipt verifies', async () => {
    const { page, context, errors } = await signedIn(browser, 'MEMBER');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '我的党费' }).click();
    await page.waitForURL((u) => u.pathname === '/me/dues');
    // The portal's own tab row has the dues page too, shown as the current tab (waited for: the URL
    // changes when the navigation commits, the page renders right after).
    const tabs = page.getByRole('navigation', { name: '我的档案分类' });
    await tabs.locator('a[aria-current="page"]', { hasText: '我的党费' }).waitFor();
    expect(await tabs.getByRole('link', { name: '我的党费' }).getAttribute('href')).toBe('/me/dues');
    const states = await settledProofs(page);
    const entries = await page.getByTestId('dues-payments').locator('li.portal-record').count();
    expect(entries).toBeGreaterThan(0);
    // The base and every payment entry: verified on chain, fields as shown.
    expect(states.length).toBe(entries + 1);
    expect(states.every((s) => s === 'verified')).toBe(true);
    if (recordedReceipt) expect(await page.getByTestId('dues-payments').innerText()).toContain(recordedReceipt);

    await page.getByTestId('dues-recompute-run').click();
    const result = page.getByTestId('dues-recompute-result');
    await result.waitFor({ timeout: 60_000 });
    expect(await result.getAttribute('data-match')).toBe('true');
    expect(Number(await result.getAttribute('data-proven'))).toBe(entries);
    expect(await result.getAttribute('data-all')).toBe(String(entries));
    // The browser's sum from the proven documents is the total paid the page (the API) shows.
    expect(await result.getAttribute('data-sum')).toBe(await page.getByTestId('dues-paid').getAttribute('data-fen'));
    expect(await result.innerText()).toMatch(/一致/);
    await screenshot(page, 'dues-member-desktop');

    // A receipt: the payment's proof file, checked here on its own.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('dues-payments').getByRole('link', { name: /下载.*党费交纳记录.*的证明文件/ }).first().click()]);
    expect(download.suggestedFilename()).toMatch(/^lianjian-DuesPayment-.+-v1\.proof\.json$/);
    const bundle = parseBundle(readFileSync((await download.path())!, 'utf8'));
    expect(bundle.document).toMatchObject({ type: 'DuesPayment', data: { memberId } });
    expect((await verifyBundle(bundle)).verified).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the member page fits a phone', async () => {
    const { page, context } = await signedIn(browser, 'MEMBER', PHONE);
    await page.goto(`${stackInfo().webUrl}/me/dues`);
    await settledProofs(page);
    await page.getByTestId('dues-recompute-run').click();
    await page.getByTestId('dues-recompute-result').waitFor({ timeout: 60_000 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'dues-member-phone');
    // Full-page phone shots are too tall to read: the first screen and the months as a person sees them.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${screenshotDir}/dues-member-phone-top.png` });
    await page.getByTestId('dues-months').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${screenshotDir}/dues-member-phone-months.png` });
    await page.getByTestId('dues-payments').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${screenshotDir}/dues-member-phone-payments.png` });
    await context.close();
  });

  it('the system raises an arrears case for six unpaid months; the branch records its decision; a month is remitted and a hardship reduction proposed; the level above confirms and approves', async () => {
    const { page, context, errors } = await signedIn(browser, 'SECRETARY');
    await page.goto(`${stackInfo().webUrl}/dues/arrears?status=OPEN`);
    await page.getByTestId('dues-raise').click();
    await page.getByTestId('dues-notice').waitFor();
    await page.goto(`${stackInfo().webUrl}/dues/arrears?status=OPEN`);
    const rows = page.getByTestId('dues-arrears-table').locator('tbody tr');
    expect(await rows.count(), 'the demo branch has a member six months behind').toBeGreaterThan(0);
    const row = rows.first();
    const name = await row.locator('th').innerText();
    await row.getByText('记录支部决定', { exact: true }).first().click();
    await row.getByLabel('决定').selectOption('EXCUSED');
    await row.getByLabel('理由').fill('浏览器测试：长期外派，联系中断，已说明情况');
    await row.locator('button[type="submit"]').click();
    await page.getByTestId('confirm-step').waitFor();
    expect(await page.getByTestId('confirm-text').innerText()).toMatch(new RegExp(`${name}：有正当理由[\\s\\S]*不能更改`));
    await screenshot(page, 'dues-secretary-arrears-confirm');
    await page.getByTestId('confirm-yes').click();
    await page.getByTestId('dues-notice').filter({ hasText: '已记录支部的决定' }).waitFor();
    await page.goto(`${stackInfo().webUrl}/dues/arrears?status=EXCUSED`);
    expect(await page.getByTestId('dues-arrears-table').innerText()).toContain('浏览器测试：长期外派');
    await screenshot(page, 'dues-secretary-arrears');

    // Remittance: the branch passes this month's total up; the level above confirms, not the branch.
    await page.goto(`${stackInfo().webUrl}/dues/remittances`);
    await page.getByText('上交一个月的党费').click();
    await page.getByTestId('dues-submit-form').getByRole('button', { name: '上交' }).click();
    await page.getByTestId('dues-notice').filter({ hasText: '已上交' }).waitFor();
    const thisMonth = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
    // The month's row (with this test's payments in it) once the list reloads after the action.
    await page.getByTestId('dues-remit-table').locator('tbody tr').filter({ hasText: thisMonth }).filter({ hasText: '已上交，待确认' }).waitFor();
    // The branch's own remittances go to the level above: no confirm button for the branch.
    expect(await page.getByTestId('dues-remit-table').getByRole('button', { name: '确认收到' }).count()).toBe(0);
    await screenshot(page, 'dues-secretary-remittances');

    // Hardship: the branch records its decision to reduce the demo member's December dues…
    await page.goto(`${stackInfo().webUrl}/dues/hardships`);
    await page.getByText('登记支部的减免决定').click();
    const propose = page.getByTestId('dues-propose-form');
    await propose.getByLabel('党员', { exact: true }).selectOption(memberId);
    await propose.getByLabel('减免方式').selectOption('REDUCTION');
    await propose.getByLabel('减交后每月金额（元）').fill('5');
    await propose.getByLabel('起始月份').fill(thisMonth);
    await propose.getByLabel('截止月份').fill(thisMonth);
    await propose.getByLabel('困难情况').fill('浏览器测试：家庭遭灾，收入中断');
    await propose.getByLabel('支部决定（会议和日期）').fill('支部委员会 浏览器测试 决定');
    await propose.getByRole('button', { name: '提交上级批准' }).click();
    await page.getByTestId('dues-notice').filter({ hasText: '待上级批准' }).waitFor();
    // …which the branch itself is not offered to approve.
    expect(await page.getByTestId('dues-hardships-table').getByRole('button', { name: '批准' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();

    // The level above (here the administrator, whose scope holds the receiving general branch)
    // confirms receipt with its receipt number, after being asked.
    const admin = await newContext(browser);
    await signIn(admin.page, account('ADMIN'));
    await admin.page.goto(`${stackInfo().webUrl}/dues/remittances?status=SUBMITTED`);
    const remit = admin.page.getByTestId('dues-remit-table').locator('tbody tr').filter({ hasText: thisMonth }).first();
    await remit.getByPlaceholder('上级收据编号').fill('SJ-BROWSER-TEST-1');
    await remit.getByRole('button', { name: '确认收到' }).click();
    await admin.page.getByTestId('confirm-step').waitFor();
    expect(await admin.page.getByTestId('confirm-text').innerText()).toMatch(/不能撤销/);
    await admin.page.getByTestId('confirm-yes').click();
    await admin.page.getByTestId('dues-notice').filter({ hasText: '已确认收到' }).waitFor();
    await admin.page.goto(`${stackInfo().webUrl}/dues/remittances?status=CONFIRMED`);
    expect(await admin.page.getByTestId('dues-remit-table').innerText()).toContain('SJ-BROWSER-TEST-1');
    await screenshot(admin.page, 'dues-admin-remittance-confirmed');

    // The level above approves the branch's hardship decision, after being asked.
    await admin.page.goto(`${stackInfo().webUrl}/dues/hardships?status=PROPOSED`);
    const hardship = admin.page.getByTestId('dues-hardships-table').locator('tbody tr').filter({ hasText: '浏览器测试：家庭遭灾' });
    await hardship.getByRole('button', { name: '批准', exact: true }).click();
    await admin.page.getByTestId('confirm-step').waitFor();
    expect(await admin.page.getByTestId('confirm-text').innerText()).toMatch(/减交 5\.00 元[\s\S]*不能更改/);
    await admin.page.getByTestId('confirm-yes').click();
    await admin.page.getByTestId('dues-notice').filter({ hasText: '已记录上级的决定' }).waitFor();
    await admin.page.goto(`${stackInfo().webUrl}/dues/hardships?status=APPROVED`);
    expect(await admin.page.getByTestId('dues-hardships-table').innerText()).toContain('浏览器测试：家庭遭灾');
    // The member's December is now due at the reduced amount.
    await admin.page.goto(`${stackInfo().webUrl}/dues/members/${memberId}?year=${thisMonth.slice(0, 4)}`);
    await admin.page.locator(`tr[data-month="${thisMonth}"]`).filter({ hasText: '5.00 元' }).filter({ hasText: '减交' }).waitFor();
    expect(admin.errors).toEqual([]);
    await admin.context.close();
  });

  it('a base declared for next year is checked by the branch after confirming; bad amounts are refused on the form', async () => {
    const { page, context, errors } = await signedIn(browser, 'SECRETARY');
    const next = new Date(Date.now() + 8 * 3600_000).getUTCFullYear() + 1;
    await page.goto(`${stackInfo().webUrl}/dues/bases?year=${next}`);
    await page.getByText('为党员申报基数').click();
    const form = page.getByTestId('dues-declare-form');
    const member = form.getByLabel('党员', { exact: true });
    const name = (await member.locator('option').nth(1).innerText()).trim();
    await member.selectOption({ index: 1 });
    await form.getByLabel('类别').selectOption('IN_WORK');
    // Yuan with three decimals is not an amount: refused beside the field, nothing declared.
    await form.getByLabel('月收入（元）').fill('5000.001');
    await form.getByRole('button', { name: '申报' }).click();
    await page.getByTestId('field-error-baseFen').waitFor();
    await form.getByLabel('月收入（元）').fill('5,000.01');
    await form.getByRole('button', { name: '申报' }).click();
    await page.getByTestId('dues-notice').waitFor();
    const row = page.getByTestId('dues-bases-table').locator('tbody tr').filter({ hasText: name });
    // 5,000.01 yuan is above the 5,000 bound: 1.5 %, 75.00015 → 75.00 yuan.
    await row.filter({ hasText: '75.00 元' }).waitFor();
    await row.getByRole('button', { name: /核定基数/ }).click();
    await page.getByTestId('confirm-step').waitFor();
    expect(await page.getByTestId('confirm-text').innerText()).toMatch(new RegExp(`${name} ${next} 年度[\\s\\S]*75\\.00 元[\\s\\S]*不能再修改`));
    await screenshot(page, 'dues-secretary-base-confirm');
    await page.getByTestId('confirm-yes').click();
    await page.getByTestId('dues-notice').filter({ hasText: '已核定' }).waitFor();
    await row.filter({ hasText: '支部已核定' }).waitFor();
    expect(errors.filter((e) => !/Failed to load resource: the server responded with a status of 400/.test(e))).toEqual([]);
    await context.close();
  });

  it('every dues page speaks one language, with no codes showing through', async () => {
    const problems: string[] = [];
    const scan = async (role: 'SECRETARY' | 'MEMBER', paths: string[]) => {
      const { page, context } = await newContext(browser);
      await signIn(page, account(role));
      for (const locale of ['zh-CN', 'en'] as const) {
        const res = await page.request.post(`${stackInfo().webUrl}/locale`, { form: { lang: locale, redirectTo: '/' }, maxRedirects: 0 });
        expect(res.status()).toBeLessThan(400);
        for (const path of paths) {
          const r = await page.goto(`${stackInfo().webUrl}${path}`, { waitUntil: 'load' });
          if ((r?.status() ?? 0) >= 400) problems.push(`${role} ${locale} ${path}: HTTP ${r?.status()}`);
          await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined);
          for (const p of await languageProblems(page, locale)) problems.push(`${role} ${locale} ${path}: ${p.kind}: ${p.text}`);
          if (locale === 'zh-CN') await screenshot(page, `dues-page${path.replace(/[/?=&]+/g, '-').replace(/-[0-9a-f-]{36}/, '-member')}`);
        }
      }
      await context.close();
    };
    await scan('SECRETARY', ['/dues', '/dues/members', `/dues/members/${memberId}`, '/dues/bases', '/dues/hardships', '/dues/payments', '/dues/arrears', '/dues/remittances']);
    await scan('MEMBER', ['/me/dues']);
    expect(problems).toEqual([]);
  });

  it('exports the year for the finance office as CSV and .xlsx with the same rows', async () => {
    const { context } = await signedIn(browser, 'SECRETARY');
    const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
    const csv = await context.request.get(`${stackInfo().webUrl}/dues/export.csv?year=${year}`);
    expect(csv.headers()['content-type']).toContain('text/csv');
    const lines = (await csv.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines.length).toBeGreaterThan(1);
    const xlsx = await context.request.get(`${stackInfo().webUrl}/dues/export.xlsx?year=${year}`);
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.rowCount).toBe(lines.length);
    // Amounts are numbers the finance office can add up, equal to the CSV's yuan.
    const csvRow = lines[1]!.split(',');
    const row = sheet.getRow(2);
    expect(row.getCell(1).value).toBe(csvRow[0]);
    expect(typeof row.getCell(19).value).toBe('number');
    expect((row.getCell(19).value as number).toFixed(2)).toBe(csvRow[18]);
    const bad = await context.request.get(`${stackInfo().webUrl}/dues/export.xlsx?year=20x6`);
    expect(bad.status()).toBe(400);
    await context.close();
  });
});
