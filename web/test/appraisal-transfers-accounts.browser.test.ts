// Secretary and admin workflows in Chromium against the real stack: an appraisal campaign run up
// to the ≤ 1/3 优秀 cap error and then finalised; a transfer letter issued; a CSV import with one
// bad row (error shown, nothing written), fixed and imported; an account created by the admin,
// its one-time password shown once, then disabled.
import { describe, expect, it } from 'vitest';
import { account, browserForFile, go, newContext, screenshot, signIn, stackInfo } from './browser/harness.js';

const browser = browserForFile();
const tag = Date.now().toString(36).slice(-5);


describe('secretary workflows', () => {
  it('runs an appraisal to the cap error, finalises it, issues a transfer letter and imports members', async () => {
    const { page, context, errors } = await newContext(browser());
    page.on('dialog', (d) => void d.accept());
    await signIn(page, account('SECRETARY'));

    // ── appraisal: create → open → peer assessment → over the cap → finalise ──
    await go(page, '/appraisal');
    await page.getByText('新建评议活动').click();
    await page.getByLabel('评议年度').fill('2010');
    await page.getByLabel('名称').fill(`2010 年度民主评议 ${tag}`);
    await page.getByLabel('开始日期').fill('2011-01-10');
    await page.getByLabel('自评互评截止日期').fill('2011-01-31');
    await page.getByTestId('appraisal-create').click();
    await page.getByTestId('appraisal-saved').getByRole('link').click();
    await expect(page.getByTestId('campaign-status').innerText()).resolves.toBe('草稿');
    await page.getByTestId('appraisal-open').click();
    await page.getByTestId('appraisal-peer').waitFor();
    await expect(page.getByTestId('campaign-status').innerText()).resolves.toBe('个人自评');
    await page.getByTestId('appraisal-peer').click();
    await page.getByTestId('appraisal-propose').waitFor();
    await expect(page.getByTestId('campaign-status').innerText()).resolves.toBe('党员互评');

    const selects = page.locator('select[data-rating]');
    const n = await selects.count();
    expect(n).toBeGreaterThanOrEqual(3);
    const cap = Math.floor(n / 3);
    for (let i = 0; i < n; i++) await selects.nth(i).selectOption('EXCELLENT');
    // The cap is counted live, before anything is sent.
    await expect(page.getByTestId('appraisal-cap').getAttribute('data-over')).resolves.toBe('true');
    expect(await page.getByTestId('appraisal-cap').innerText()).toContain(`优秀 ${n} 人 / 上限 ${cap} 人`);
    await page.getByTestId('appraisal-propose').click();
    const capError = page.getByTestId('appraisal-error');
    await capError.waitFor();
    expect(await capError.innerText()).toMatch(/三分之一|1\/3|one third/);
    await screenshot(page, 'secretary-appraisal-cap-error');

    for (let i = 0; i < n; i++) await page.locator('select[data-rating]').nth(i).selectOption(i < cap ? 'EXCELLENT' : 'QUALIFIED');
    await expect(page.getByTestId('appraisal-cap').getAttribute('data-over')).resolves.toBe('false');
    await page.getByTestId('appraisal-propose').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="campaign-status"]')?.textContent === '组织评定');
    // The proposals are kept: the selects come back with them.
    await expect(page.locator('select[data-rating]').first().inputValue()).resolves.toBe(cap > 0 ? 'EXCELLENT' : 'QUALIFIED');
    await page.getByTestId('appraisal-finalise').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="campaign-status"]')?.textContent === '已通报');
    await expect(page.getByTestId('campaign-status').innerText()).resolves.toBe('已通报');
    await screenshot(page, 'secretary-appraisal-published');

    // ── transfer letter ──
    await go(page, '/transfers');
    await page.getByText('开具介绍信', { exact: true }).click();
    const letterNo = `JSX-${tag}`;
    await page.getByLabel('介绍信编号').fill(letterNo);
    await page.getByLabel('或转入系统外组织').fill('上海市某区机关党委');
    await page.getByLabel('系统外组织所在省份').fill('上海');
    await page.getByTestId('transfer-issue').click();
    await page.getByTestId('transfer-notice').waitFor();
    expect(await page.getByTestId('transfer-notice').innerText()).toContain(letterNo);
    const row = page.locator(`tr[data-letter="${letterNo}"]`);
    expect(await row.innerText()).toContain('已开具');
    await screenshot(page, 'secretary-transfer-issued');

    // ── member import: one bad row → nothing written; fixed → all written ──
    await go(page, '/members/import');
    const template = await context.request.get(`${stackInfo().webUrl}/members/import/template.csv`);
    expect(template.headers()['content-type']).toContain('text/csv');
    expect(await template.text()).toContain('姓名,性别,出生日期,民族,学历');
    const header = '姓名,性别,出生日期,民族,学历,阶段,申请入党日期';
    const good = [`导入甲${tag},男,1990-01-02,汉族,大学本科,申请人,2024-03-01`, `导入乙${tag},女,1992-11-20,回族,研究生,申请人,2024-04-01`];
    const bad = `导入丙${tag},女,1993-02-30,汉族,大学本科,申请人,2024-05-01`;
    await page.getByLabel('或粘贴 CSV 内容').fill([header, ...good, bad].join('\n'));
    await page.getByTestId('import-preview').click();
    await page.getByTestId('import-table').waitFor();
    expect(await page.getByTestId('import-summary').innerText()).toContain('共 3 行：2 行无误，1 行有错误');
    const badRow = page.locator('tr[data-row="3"]');
    expect(await badRow.getAttribute('data-ok')).toBe('false');
    expect(await badRow.innerText()).toContain('出生日期');
    await expect(page.getByTestId('import-go').isDisabled()).resolves.toBe(true);
    await screenshot(page, 'secretary-import-preview-error');
    // Nothing was written by the check.
    await go(page, `/members?q=${encodeURIComponent(`导入甲${tag}`)}`);
    expect(await page.getByTestId('members-total').innerText()).toMatch(/\b0\b|共 0/);

    await go(page, '/members/import');
    await page.getByLabel('或粘贴 CSV 内容').fill([header, ...good, bad.replace('1993-02-30', '1993-02-28')].join('\n'));
    await page.getByTestId('import-preview').click();
    await page.getByTestId('import-table').waitFor();
    expect(await page.getByTestId('import-summary').innerText()).toContain('共 3 行：3 行无误，0 行有错误');
    await expect(page.getByTestId('import-go').isDisabled()).resolves.toBe(false);
    await page.getByTestId('import-go').click();
    await page.getByTestId('import-done').waitFor();
    expect(await page.getByTestId('import-done').innerText()).toContain('已导入 3 名党员');
    await screenshot(page, 'secretary-import-done');
    await go(page, `/members?q=${encodeURIComponent(tag)}`);
    expect(await page.getByTestId('members-table').innerText()).toContain(`导入丙${tag}`);
    expect(await page.getByTestId('members-table').locator('tbody tr').count()).toBe(3);
    // The one refusal this walk provokes (the cap) answers 409, which Chromium logs; nothing else may fail.
    expect(errors.filter((e) => !e.includes('status of 409'))).toEqual([]);
    expect(errors.filter((e) => e.includes('status of 409'))).toHaveLength(1);
    await context.close();
  });
});

describe('admin accounts', () => {
  it('creates an account, shows its one-time password once, then disables it', async () => {
    const { page, context, errors } = await newContext(browser());
    page.on('dialog', (d) => void d.accept());
    await signIn(page, account('ADMIN'));
    await go(page, '/admin');
    await page.getByRole('link', { name: '账号与角色' }).click();
    await page.waitForURL((u) => u.pathname === '/admin/accounts');
    await page.getByText('创建账号', { exact: true }).click();
    const username = `lead.${tag}`;
    await page.getByLabel('用户名').first().fill(username);
    await page.getByLabel('姓名', { exact: true }).fill('测试领导');
    await page.getByLabel('角色', { exact: true }).first().selectOption('LEADER');
    const unit = page.locator('#acc-scopeUnitId');
    await unit.selectOption({ index: 1 });
    await page.getByTestId('account-create').click();
    const password = page.getByTestId('account-password-value');
    await password.waitFor();
    const shown = await password.innerText();
    expect(shown).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);
    await screenshot(page, 'secretary-account-created');
    // Shown once: a reload does not show it again.
    await page.reload();
    expect(await page.getByTestId('account-password').count()).toBe(0);
    expect(await page.content()).not.toContain(shown);

    const row = page.locator(`tr[data-username="${username}"]`);
    expect(await row.innerText()).toContain('领导');
    await row.getByRole('button', { name: `停用 ${username}` }).click();
    await page.getByTestId('account-notice').waitFor();
    expect(await page.getByTestId('account-notice').innerText()).toContain(username);
    await go(page, `/admin/accounts?all=1&q=${encodeURIComponent(username)}`);
    expect(await page.locator(`tr[data-username="${username}"]`).innerText()).toContain('已停用');
    await screenshot(page, 'secretary-account-disabled');

    await go(page, '/admin/tamper');
    await page.getByTestId('tamper-total').waitFor();
    expect(await page.getByTestId('tamper-total').innerText()).toMatch(/共 \d+ 条告警/);
    expect(errors).toEqual([]);
    await context.close();
  });
});
