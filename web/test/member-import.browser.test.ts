// Member import with the files a branch actually has, in Chromium against the real stack: a CSV
// saved by Chinese Excel (GBK) reads with its Chinese column names; a row with the name and birth
// date of a member on record is flagged and left out, so importing the same people again adds no
// one twice; a file that is neither CSV nor .xlsx is refused by name.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserForFile, go, screenshot, signedIn } from './browser/harness.js';
import { gbk } from './gbk.js';

const browser = browserForFile();
const tag = Date.now().toString(36).slice(-5);

const HEADER = '姓名,性别,出生日期,民族,学历,阶段,申请入党日期';
const known = `刘晓东${tag},男,1979-03-08,汉族,大学本科,申请人,2024-03-01`;
const fresh = `王芳${tag},女,1988-06-12,汉族,研究生,申请人,2024-04-01`;

async function preview(page: Page) {
  await page.getByTestId('import-preview').click();
  await page.getByTestId('import-table').waitFor();
}

describe('member import from a branch\'s own files', () => {
  it('reads a GBK file, flags the member already on record and imports only the new one', async () => {
    const { page, context, errors } = await signedIn(browser(), 'SECRETARY');

    // 刘晓东 is entered once, without an ID number.
    await go(page, '/members/import');
    await page.getByLabel('或粘贴 CSV 内容').fill(`${HEADER}\n${known}`);
    await preview(page);
    await page.getByTestId('import-go').click();
    await page.getByTestId('import-done').waitFor();
    expect(await page.getByTestId('import-done').innerText()).toContain('已导入 1 名党员');

    // The roster again, as Excel in China saves it: GBK, CRLF.
    await go(page, '/members/import');
    await page.locator('#import-file').setInputFiles({ name: '党员名册.csv', mimeType: 'text/csv', buffer: gbk(`${HEADER}\r\n${known}\r\n${fresh}\r\n`) });
    await preview(page);
    expect(await page.getByTestId('import-encoding').getAttribute('data-encoding')).toBe('gb18030');
    expect(await page.getByTestId('import-encoding').innerText()).toContain('GBK/GB18030');
    const headers = await page.getByTestId('import-table').locator('thead th').allInnerTexts();
    expect(headers).toEqual(expect.arrayContaining(['姓名', '性别', '出生日期', '民族', '学历', '阶段', '申请入党日期']));
    expect(await page.getByTestId('import-table').locator('tbody').innerText()).toContain(`刘晓东${tag}`);
    expect(await page.getByTestId('import-summary').innerText()).toContain('共 2 行：2 行无误，0 行有错误');
    expect(await page.getByTestId('import-summary').innerText()).toContain('其中 1 行已在册或疑似重复');
    const first = page.locator('tr[data-row="1"]');
    expect(await first.getAttribute('data-skipped')).toBe('true');
    expect(await first.getByTestId('import-likely-duplicate').innerText()).toContain('疑似重复：已有同名且出生日期相同的党员');
    expect(await page.locator('tr[data-row="2"]').getAttribute('data-skipped')).toBe('false');
    expect(await page.getByTestId('import-go').innerText()).toContain('导入 1 名党员');
    await screenshot(page, 'member-import-gbk-likely-duplicate');

    // Ticking "a different person" would count it; left unticked, it is skipped.
    await first.getByLabel('不是同一人，仍然导入').check();
    expect(await page.getByTestId('import-go').innerText()).toContain('导入 2 名党员');
    await first.getByLabel('不是同一人，仍然导入').uncheck();
    await page.getByTestId('import-go').click();
    await page.getByTestId('import-done').waitFor();
    expect(await page.getByTestId('import-done').innerText()).toContain('已导入 1 名党员');
    expect(await page.getByTestId('import-done').innerText()).toContain('1 行已在册或疑似重复，未导入');
    await screenshot(page, 'member-import-gbk-done');

    await go(page, `/members?q=${encodeURIComponent(tag)}`);
    const names = await page.getByTestId('members-table').locator('tbody tr').allInnerTexts();
    expect(names.filter((r) => r.includes(`刘晓东${tag}`))).toHaveLength(1);
    expect(names.filter((r) => r.includes(`王芳${tag}`))).toHaveLength(1);

    // Neither CSV nor .xlsx: refused by name.
    await go(page, '/members/import');
    await page.locator('#import-file').setInputFiles({ name: '党员名册.xls', mimeType: 'application/vnd.ms-excel', buffer: Buffer.from('d0cf11e0a1b11ae1', 'hex') });
    await page.getByTestId('import-preview').click();
    await page.getByTestId('import-file-error').waitFor();
    expect(await page.getByTestId('import-file-error').innerText()).toContain('无法读取“党员名册.xls”：请上传 CSV（.csv）或 Excel 工作簿（.xlsx）');
    await screenshot(page, 'member-import-unsupported-file');
    // The refused file answers 400, which Chromium logs; nothing else may fail.
    expect(errors.filter((e) => !e.includes('status of 400'))).toEqual([]);
    await context.close();
  });
});
