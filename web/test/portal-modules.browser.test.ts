// The member portal's module pages in Chromium against the real stack (npm start's demo data):
// meetings attended, learning, points, appraisal and feedback, each record verified on chain in
// the browser; the points total recomputed from proven entries; a quiz taken to its score, the
// answer key kept back while attempts remain; feedback sent, refused with field errors first.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserForFile, PHONE, proofStates, screenshot, signedIn, stackInfo } from './browser/harness.js';

const browser = browserForFile();

/** Page errors, less the browser's note on a refused form post (HTTP 400 is the answer we want there). */
function unexpected(errors: string[]): string[] {
  return errors.filter((e) => !/Failed to load resource: the server responded with a status of 400/.test(e));
}

/** React has hydrated the page (the countdown ticks, buttons with handlers work). */
async function hydrated(page: Page): Promise<void> {
  await page.waitForFunction(() => [...document.querySelectorAll('body *')].some((el) => Object.keys(el).some((k) => k.startsWith('__reactFiber'))));
}

async function open(page: Page, path: string): Promise<void> {
  const res = await page.goto(`${stackInfo().webUrl}${path}`);
  expect(res?.status(), path).toBe(200);
  await hydrated(page);
}

describe('member portal modules', () => {
  it('shows meetings attended, learning, points and appraisal, each record verified on chain with its proof', async () => {
    const { page, context, errors } = await signedIn(browser(), 'MEMBER');
    const sections: Array<[string, string, string]> = [
      ['/me/meetings', 'Attendance', 'member-meetings'],
      ['/me/learning', 'CourseCompletion', 'member-learning'],
      ['/me/points', 'PointsEntry', 'member-points'],
      ['/me/appraisal', 'AppraisalResult', 'member-appraisal'],
    ];
    for (const [path, kind, shot] of sections) {
      const t0 = performance.now();
      await open(page, path);
      const records = page.locator(`[data-record="${kind}"]`);
      expect(await records.count(), `${path} lists the demo member's ${kind} records`).toBeGreaterThan(0);
      const states = await proofStates(page, 90_000);
      // The demo data is anchored before the tests start: every record on the page is proven.
      expect(states.length).toBeGreaterThan(0);
      expect(states.every((s) => s === 'verified'), `${path}: ${states.join(',')}`).toBe(true);
      const badge = await records.first().getByTestId('proof').innerText();
      expect(badge).toMatch(/已在链上验证/);
      expect(badge).toMatch(/批次 \d+ · 高度 \d+/);
      const href = await records.first().getByRole('link', { name: /下载.*的证明文件/ }).getAttribute('href');
      expect(href).toMatch(new RegExp(`^/proof/${kind}/[0-9a-f-]{36}/\\d+$`));
      const res = await context.request.get(`${stackInfo().webUrl}${href}`);
      expect(res.status()).toBe(200);
      expect(((await res.json()) as { document: { type: string } }).document.type).toBe(kind);
      process.stderr.write(`[portal-modules] ${path}: ${states.length} records verified in the browser in ${Math.round(performance.now() - t0)} ms\n`);
      await screenshot(page, shot);
    }
    // The learning page lists quiz attempts next to completions, verified the same way.
    await open(page, '/me/learning');
    expect(await page.locator('[data-record="QuizAttempt"]').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('recomputes my points total from the proven entries, and it matches the API total', async () => {
    const { page, context, errors } = await signedIn(browser(), 'MEMBER');
    await open(page, '/me/points');
    const claimed = Number(await page.getByTestId('points-total').innerText());
    expect(claimed).toBeGreaterThan(0);
    const t0 = performance.now();
    await page.getByRole('button', { name: '用已验证的记录重算合计' }).click();
    const result = page.getByTestId('recompute-result');
    await result.waitFor({ timeout: 120_000 });
    expect(await result.getAttribute('data-match')).toBe('true');
    expect(Number(await result.getAttribute('data-sum'))).toBe(claimed);
    expect(await result.innerText()).toMatch(/与接口给出的合计一致/);
    process.stderr.write(`[portal-modules] points total ${claimed} recomputed from proven entries in ${Math.round(performance.now() - t0)} ms\n`);
    await screenshot(page, 'member-points-recomputed');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('takes a quiz: material, mark completed, a timed attempt without answers, then the score (the key once no attempts remain)', async () => {
    const { page, context, errors } = await signedIn(browser(), 'MEMBER');
    await open(page, '/learning');
    expect(Number(/\d+/.exec(await page.getByTestId('courses-total').innerText())?.[0])).toBeGreaterThan(0);
    await screenshot(page, 'learning-courses');
    // A course the demo member has not completed yet, with a quiz they may still start.
    const course = page.getByTestId('courses').locator('li').filter({ hasText: '未完成' }).first();
    await course.getByRole('link').click();
    await page.waitForURL((u) => u.pathname.startsWith('/learning/courses/'));
    await page.getByTestId('complete-form').waitFor();
    await hydrated(page);
    const resources = await page.getByTestId('resources').locator('li').count();
    expect(resources).toBeGreaterThan(0);

    // Marking completed without ticking every item is refused on the page; ticking all records it.
    const form = page.getByTestId('complete-form');
    await form.getByRole('checkbox').first().check();
    await form.getByRole('button', { name: '标记为已完成' }).click();
    await page.getByText('请勾选全部材料后再标记完成。').waitFor();
    for (const box of await page.getByTestId('complete-form').getByRole('checkbox').all()) await box.check();
    await page.getByTestId('complete-form').getByRole('button', { name: '标记为已完成' }).click();
    await page.getByTestId('completed').waitFor();
    await page.getByTestId('my-completion').waitFor();

    await page.getByRole('button', { name: '开始测验' }).first().click();
    await page.waitForURL((u) => u.pathname.startsWith('/learning/attempts/'));
    await hydrated(page);
    const clock = page.getByTestId('quiz-clock');
    const first = Number(await clock.getAttribute('data-seconds-left'));
    expect(first).toBeGreaterThan(0);
    await page.waitForFunction((s) => Number(document.querySelector('[data-testid="quiz-clock"]')?.getAttribute('data-seconds-left')) < s, first, { timeout: 5000 });
    // Nothing on the page gives an answer away before submitting.
    const html = await page.content();
    expect(html).not.toMatch(/正确答案|"correct"|explanation/);
    const questions = page.getByTestId('quiz-form').locator('fieldset');
    const n = await questions.count();
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) await questions.nth(i).locator('input').first().check();
    await screenshot(page, 'quiz-attempt');
    await page.getByRole('button', { name: '交卷' }).click();
    await page.getByTestId('quiz-score').waitFor();
    const score = await page.getByTestId('quiz-score').innerText();
    expect(score).toMatch(/\d+ \/ \d+ 分/);
    expect(score).toMatch(/通过|未通过/);
    // After submitting: every drawn question, with its answer key only if no attempt remains
    // (another test file may have used this quiz's earlier attempts).
    const results = page.getByTestId('quiz-results').locator('li.quiz-result');
    expect(await results.count()).toBe(n);
    const attemptNo = Number(/第 (\d+) 次作答/.exec(await page.locator('h1').innerText())?.[1]);
    if (attemptNo < 3) {
      await page.getByTestId('key-later').waitFor();
      expect(await page.getByTestId('quiz-results').locator('.is-key').count()).toBe(0);
    } else {
      expect(await page.getByTestId('quiz-results').locator('.is-key').count()).toBeGreaterThanOrEqual(n);
    }
    await screenshot(page, 'quiz-result');
    // The new attempt record is anchored within seconds: reload until it verifies.
    let state = '';
    for (let i = 0; i < 30 && state !== 'verified'; i++) {
      if (i > 0) {
        await page.waitForTimeout(1000);
        await page.reload();
      }
      state = (await proofStates(page, 90_000))[0] ?? '';
    }
    expect(state).toBe('verified');
    expect(unexpected(errors)).toEqual([]);
    await context.close();
  });

  it('sends feedback: field errors first, then the item listed with its status, verified once anchored', async () => {
    const { page, context, errors } = await signedIn(browser(), 'MEMBER');
    await open(page, '/feedback');
    const before = Number(/\((\d+)\)/.exec(await page.locator('#fb-mine-title').innerText())?.[1]);
    await page.getByLabel('类别').selectOption('SUGGESTION');
    await page.getByLabel('标题').fill('短');
    await page.getByLabel('内容').fill('太短');
    await page.getByRole('button', { name: '提交', exact: true }).click();
    await page.getByTestId('error-content').waitFor();
    expect(await page.getByLabel('内容').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'feedback-field-errors');

    const topic = `浏览器测试建议 ${Date.now()}`;
    await page.getByLabel('标题').fill(topic);
    await page.getByLabel('内容').fill('建议把学习材料也提供离线下载，方便在没有网络的地方学习。');
    await page.getByRole('button', { name: '提交', exact: true }).click();
    await page.getByTestId('feedback-sent').waitFor();
    await page.waitForFunction((n) => document.querySelector('#fb-mine-title')?.textContent?.includes(`(${n})`), before + 1);
    const item = page.locator('[data-record="MemberFeedback"]').filter({ hasText: topic });
    expect(await item.getByTestId('feedback-status').innerText()).toBe('已提交');
    let state = '';
    for (let i = 0; i < 30 && state !== 'verified'; i++) {
      if (i > 0) {
        await page.waitForTimeout(1000);
        await page.reload();
      }
      await proofStates(page, 90_000);
      state = (await page.locator('[data-record="MemberFeedback"]').filter({ hasText: topic }).getByTestId('proof').getAttribute('data-proof-state')) ?? '';
    }
    expect(state).toBe('verified');
    await screenshot(page, 'feedback-sent');
    expect(unexpected(errors)).toEqual([]);
    await context.close();
  });

  it('fits a phone: the portal tabs and a points page without sideways scrolling', async () => {
    const { page, context } = await signedIn(browser(), 'MEMBER', PHONE);
    await open(page, '/me/points');
    await proofStates(page, 90_000);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.getByRole('navigation', { name: '我的档案分类' }).getByRole('link', { name: '组织生活' }).click();
    await page.waitForURL((u) => u.pathname === '/me/meetings');
    await proofStates(page, 90_000);
    await screenshot(page, 'member-meetings-phone');
    await context.close();
  });
});
