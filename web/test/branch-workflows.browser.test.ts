// Workflows that must fit how a branch works (#18 items 8, 9), in Chromium against the real stack:
// a decision cannot be marked implemented while a milestone is open — the refusal stands beside
// the status field, and afterwards the page no longer offers it; a secretary resolves an
// acknowledged feedback item directly; the member reads the branch's decisions in the portal.
import { describe, expect, it } from 'vitest';
import { account, browserForFile, go, newContext, screenshot, signedIn, signIn } from './browser/harness.js';

const browser = browserForFile();
const stamp = Date.now().toString(36).slice(-5);
const CHINA_MS = 8 * 3600_000;
const decisionTitle = `关于党务公开的决议 ${stamp}`;
const milestoneTitle = `公开栏更新 ${stamp}`;
let decisionId = '';

// Refusals this file provokes on purpose answer 4xx; nothing else may be logged.
const unexpected = (errors: string[]) => errors.filter((e) => !/Failed to load resource: the server responded with a status of 4\d\d/.test(e));

describe('branch workflows', () => {
  it('refuses IMPLEMENTED beside the status field while a milestone is open, then stops offering it', async () => {
    const { page, context, errors } = await signedIn(browser(), 'SECRETARY');
    await go(page, '/decisions');
    await page.locator('#new-decision > summary').click();
    await page.locator('#decision-title').fill(decisionTitle);
    await page.locator('#decision-content').fill('支部每月更新一次党务公开栏，公开决议及其落实情况。');
    await page.getByTestId('decision-form').getByRole('button').click();
    await page.waitForURL((u) => /^\/decisions\/[0-9a-f-]{36}$/.test(u.pathname));
    decisionId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByTestId('decision-status').waitFor();
    // Until its record is anchored the page reloads its data now and then (the proof badge polls),
    // which would show the milestone below before the submit: wait until no badge is still waiting.
    await page.waitForFunction(
      () => [...document.querySelectorAll('[data-testid="proof"]')].every((p) => p.getAttribute('data-proof-state') !== 'waiting'),
      undefined,
      { timeout: 90_000 },
    );

    // This page stays as it was loaded, like one left open on a slow connection: its background
    // reloads (a badge retrying a chain node under load) are held back until the refusal is shown.
    await page.evaluate(() => {
      const r = (window as unknown as { __reactRouterDataRouter: { revalidate(): Promise<void>; held?: () => Promise<void> } }).__reactRouterDataRouter;
      r.held = r.revalidate.bind(r);
      r.revalidate = () => Promise.resolve();
    });

    // Meanwhile, in another tab, a milestone is added: this page still offers IMPLEMENTED.
    const other = await context.newPage();
    await go(other, `/decisions/${decisionId}`);
    await other.locator('#ms-title').fill(milestoneTitle);
    await other.locator('#ms-due').fill(new Date(Date.now() + CHINA_MS + 30 * 86_400_000).toISOString().slice(0, 10));
    await other.getByTestId('add-milestone').click();
    await other.getByTestId('milestones').getByRole('rowheader', { name: milestoneTitle }).waitFor();
    await other.close();

    await page.locator('#decision-new-status').selectOption('IMPLEMENTED');
    await page.getByTestId('decision-status-submit').click();
    const refusal = page.getByTestId('field-error-status');
    // The refusal, or whatever the page said instead (kept as a screenshot when it is not the refusal).
    const answer = page.locator('[data-testid="field-error-status"], [data-testid="status-error"], [data-testid="decision-notice"]:not(:empty), [data-testid="error-detail"]').first();
    await answer.waitFor().catch(async (err: unknown) => {
      await screenshot(page, 'branch-decision-no-answer');
      throw err;
    });
    if ((await refusal.count()) === 0) {
      // Under the whole suite's load the API may first answer a retryable "busy" above the form, or
      // not in time (the error page): open the decision again and send again, as the person would.
      await screenshot(page, 'branch-decision-other-answer');
      await go(page, `/decisions/${decisionId}`);
      await page.locator('#decision-new-status').selectOption('IMPLEMENTED');
      await page.getByTestId('decision-status-submit').click();
    }
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('不能标记为已落实');
    expect(await refusal.innerText()).toContain(milestoneTitle);
    expect(await page.locator('#decision-new-status').getAttribute('aria-invalid')).toBe('true');
    // The page itself stands: still the decision, still adopted.
    expect(await page.getByTestId('decision-status').getAttribute('data-status')).toBe('ADOPTED');
    // The refusal outlives a reload of the page's data, which proof badges make while a record waits
    // for its anchor (React Router drops action data on every revalidation; the page must keep it).
    await page.evaluate(() => {
      const r = (window as unknown as { __reactRouterDataRouter: { revalidate(): Promise<void>; held?: () => Promise<void> } }).__reactRouterDataRouter;
      if (r.held) r.revalidate = r.held;
      return r.revalidate();
    });
    await page.getByTestId('milestones').getByRole('rowheader', { name: milestoneTitle }).waitFor();
    expect(await refusal.innerText({ timeout: 2_000 })).toContain(milestoneTitle);
    await screenshot(page, 'branch-decision-implemented-refused');

    await page.reload();
    const implemented = page.locator('#decision-new-status option[value="IMPLEMENTED"]');
    expect(await implemented.isDisabled()).toBe(true);
    expect(await implemented.innerText()).toContain('尚有 1 个节点未完成');
    expect(unexpected(errors)).toEqual([]);
    await context.close();
  });

  it('resolves acknowledged feedback directly, without passing through 办理中', async () => {
    const member = await newContext(browser());
    await signIn(member.page, account('MEMBER'));
    await go(member.page, '/feedback');
    const topic = `借阅党史读物 ${stamp}`;
    await member.page.getByLabel('类别').selectOption('REQUEST');
    await member.page.getByLabel('标题').fill(topic);
    await member.page.getByLabel('内容').fill('希望支部书架增加两本党史读物，方便大家借阅。');
    await member.page.getByRole('button', { name: '提交', exact: true }).click();
    await member.page.getByTestId('feedback-sent').waitFor();
    await member.context.close();

    const { page, context, errors } = await signedIn(browser(), 'SECRETARY');
    await go(page, '/feedback-admin');
    const card = page.locator('article[data-feedback]').filter({ hasText: topic });
    await card.getByLabel('改为').selectOption('ACKNOWLEDGED');
    await card.getByRole('button', { name: '保存' }).click();
    await card.locator('h2').filter({ hasText: '已受理' }).waitFor();
    await card.getByLabel('改为').selectOption('RESOLVED');
    await card.getByLabel('答复', { exact: true }).fill('已购入两本并上架，欢迎借阅。');
    await card.getByRole('button', { name: '保存' }).click();
    await card.locator('h2').filter({ hasText: '已办结' }).waitFor();
    await screenshot(page, 'branch-feedback-resolved');
    expect(unexpected(errors)).toEqual([]);
    await context.close();
  });

  it('shows the member their branch’s decisions with milestones and proof badges', async () => {
    const { page, context, errors } = await signedIn(browser(), 'MEMBER');
    await go(page, '/me');
    await page.getByTestId('branch-decisions-link').click();
    await page.waitForURL((u) => u.pathname === '/me/decisions');
    const card = page.locator(`[data-decision="${decisionId}"]`);
    await card.waitFor();
    expect(await card.locator('h2').innerText()).toContain(decisionTitle);
    await card.getByRole('rowheader', { name: milestoneTitle }).waitFor();
    // One badge for the decision, one for its milestone: anchored or waiting for its batch.
    expect(await card.locator('.badge-anchored, .badge-pending').count()).toBe(2);
    await screenshot(page, 'branch-decisions-member');
    expect(unexpected(errors)).toEqual([]);
    await context.close();
  });
});
