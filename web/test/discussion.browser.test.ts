// Discussion (讨论, #22 item 4) in Chromium against the real stack: the branch secretary publishes
// a notice; the member finds the secretary among the people who can see its thread, comments with
// the mention and sees the comment; the secretary finds the mention in the inbox, follows it to
// the thread and hides the comment with a reason after being asked; the member then reads only
// "已隐藏：<reason>" where the text was.
import { describe, expect, it } from 'vitest';
import { account, browserForFile, go, screenshot, signedIn } from './browser/harness.js';

const browser = browserForFile();
const stamp = Date.now().toString(36).slice(-5);
const title = `关于征求党日活动意见的通知 ${stamp}`;
const text = `建议把活动安排在周六上午 ${stamp}`;
const reason = '与本通知无关';
let noticeUrl = '';

describe('discussion', () => {
  it('the secretary publishes a notice to the branch', async () => {
    const { page, context, errors } = await signedIn(browser(), 'SECRETARY');
    await go(page, '/notices/published');
    await page.locator('#new-notice > summary').click();
    await page.locator('#notice-title').fill(title);
    await page.locator('#notice-body').fill('欢迎在下方讨论区提出意见。');
    await page.locator('#notice-audience').selectOption('SUBTREE');
    await page.getByTestId('notice-publish').click();
    await page.waitForURL((u) => /^\/notices\/[0-9a-f-]{36}$/.test(u.pathname));
    noticeUrl = new URL(page.url()).pathname;
    // Nobody has commented yet.
    expect(await page.getByTestId('discussion-count').innerText()).toContain('共 0 条评论');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the member comments and mentions the secretary', async () => {
    const secretary = account('SECRETARY');
    const { page, context, errors } = await signedIn(browser(), 'MEMBER');
    await go(page, noticeUrl);
    await page.getByTestId('discussion').waitFor();
    // Find the secretary by name among those who can see the thread.
    await page.getByTestId('discussion-who').fill(secretary.displayName);
    await page.getByTestId('discussion-find').click();
    const candidate = page.getByTestId('discussion').locator('label', { hasText: secretary.displayName }).first();
    await candidate.waitFor();
    await candidate.locator('input[type="checkbox"]').check();
    await page.getByTestId('discussion-body').fill(text);
    await page.getByTestId('discussion-post').click();
    await page.getByTestId('discussion-notice').getByText('评论已发表。').waitFor();
    const comment = page.getByTestId('comment').filter({ hasText: text });
    expect(await comment.getByTestId('comment-body').innerText()).toBe(text);
    expect(await comment.getByTestId('comment-mentions').innerText()).toContain(`@${secretary.displayName}`);
    // A member cannot hide comments.
    expect(await page.getByTestId('comment-hide').count()).toBe(0);
    // The form is cleared for the next comment.
    expect(await page.getByTestId('discussion-body').inputValue()).toBe('');
    await screenshot(page, 'discussion-member-commented');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the secretary finds the mention in the inbox, follows it and hides the comment with a reason', async () => {
    const { page, context, errors } = await signedIn(browser(), 'SECRETARY');
    await go(page, '/inbox');
    const item = page.locator('[data-testid="inbox-items"] li[data-kind="MENTION"]', { hasText: title });
    await item.waitFor();
    expect(await item.innerText()).toContain('评论中提到了您');
    const link = item.getByRole('link');
    expect(await link.getAttribute('href')).toMatch(new RegExp(`^${noticeUrl}#comment-[0-9a-f-]{36}$`));
    await link.click();
    await page.waitForURL((u) => u.pathname === noticeUrl);
    const comment = page.getByTestId('comment').filter({ hasText: text });
    await comment.getByTestId('comment-hide-reason').fill(reason);
    await comment.getByTestId('comment-hide').click();
    await page.getByTestId('confirm-step').waitFor();
    expect(await page.getByTestId('confirm-text').innerText()).toContain(`已隐藏：${reason}`);
    // Nothing is hidden until confirmed.
    expect(await page.getByTestId('comment-hidden').count()).toBe(0);
    await page.getByTestId('confirm-yes').click();
    await page.getByTestId('discussion-notice').getByText('评论已隐藏。').waitFor();
    const hidden = page.getByTestId('comment').filter({ hasText: `已隐藏：${reason}` });
    expect(await hidden.getByTestId('comment-hidden').innerText()).toBe(`已隐藏：${reason}`);
    // The secretary still reads the text, marked as seen by secretaries only.
    expect(await hidden.getByTestId('comment-original').innerText()).toBe(text);
    await screenshot(page, 'discussion-secretary-hidden');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the member reads only the reason where the text was', async () => {
    const { page, context, errors } = await signedIn(browser(), 'MEMBER');
    await go(page, noticeUrl);
    const hidden = page.getByTestId('comment').filter({ hasText: `已隐藏：${reason}` });
    await hidden.waitFor();
    expect(await hidden.getByTestId('comment-original').count()).toBe(0);
    expect(await page.getByTestId('discussion').innerText()).not.toContain(text);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('discussion of a decision, as a member', () => {
  it('a member opens a decision of the branch from 党务公开 and comments on it; the staff address sends them there', async () => {
    const { page, context, errors } = await signedIn(browser(), 'MEMBER');
    await go(page, '/me/decisions');
    const open = page.getByTestId('branch-decisions').getByRole('link', { name: '查看与讨论' }).first();
    await open.click();
    await page.waitForURL((u) => /^\/me\/decisions\/[0-9a-f-]{36}$/.test(u.pathname));
    const path = new URL(page.url()).pathname;
    const id = path.split('/').pop()!;
    await page.getByTestId('discussion').waitFor();
    const said = `这项决议的落实我可以参加 ${stamp}`;
    await page.getByTestId('discussion-body').fill(said);
    await page.getByTestId('discussion-post').click();
    await page.getByTestId('discussion-notice').getByText('评论已发表。').waitFor();
    expect(await page.getByTestId('comment').filter({ hasText: said }).getByTestId('comment-body').innerText()).toBe(said);
    // A mention's link names the staff page; a member lands on their own page for the same decision.
    await go(page, `/decisions/${id}`);
    expect(new URL(page.url()).pathname).toBe(path);
    await page.getByTestId('comment').filter({ hasText: said }).waitFor();
    await screenshot(page, 'discussion-member-decision');
    expect(errors).toEqual([]);
    await context.close();
  });
});
