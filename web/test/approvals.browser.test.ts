// Requests between levels in Chromium against the real stack (decisions 013 and 016): the branch
// secretary has no approvals page — not in the navigation, and a clear refusal when opened; the
// general branch's secretary (the demo `gb-secretary`) sees what waits on its review and passes a
// request on with a note, each asked first; the committee's organiser (the demo `approver`) sees
// it in the queue with since-when, its time limit and the note, approves it, and returns another
// with a reason, which the general branch then sees on its page and on the member's page. The
// header names each account by its level.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { account, launchBrowser, newContext, screenshot, signIn, stackInfo } from './browser/harness.js';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

function demo(username: string) {
  const a = stackInfo().accounts.find((x) => x.username === username);
  if (!a) throw new Error(`the demo seed made no ${username} account`);
  return a;
}

const nav = (page: Page) => page.getByRole('navigation', { name: '主导航' });

async function openApprovals(page: Page): Promise<void> {
  await nav(page).getByRole('link', { name: '上级审批', exact: true }).click();
  await page.waitForURL((u) => u.pathname === '/approvals');
  // An error page instead says why, in the failure.
  await page
    .getByRole('heading', { level: 1, name: '上级审批' })
    .waitFor({ timeout: 15_000 })
    .catch(async (e: unknown) => {
      throw new Error(`${String(e)}\n${await page.locator('main').innerText().catch(() => '')}`);
    });
}

describe('approvals between levels', () => {
  it('a branch secretary has no approvals page: not offered, and refused with where to look instead', async () => {
    const secretary = await newContext(browser);
    await signIn(secretary.page, account('SECRETARY'));
    await nav(secretary.page).getByRole('link').first().waitFor();
    expect(await nav(secretary.page).getByRole('link', { name: '上级审批', exact: true }).count()).toBe(0);
    expect(await secretary.page.getByTestId('viewer').innerText()).toMatch(/（支部书记）/);
    await secretary.page.goto(`${stackInfo().webUrl}/approvals`);
    const refusal = secretary.page.locator('.error-page');
    await refusal.waitFor();
    expect(await refusal.getAttribute('data-status')).toBe('403');
    expect(await secretary.page.getByTestId('error-detail').innerText()).toMatch(/党支部.*人员页面和发展党员看板/);
    await secretary.context.close();
  });

  it('the general branch passes a request on, the committee approves it and returns another with a reason', async () => {
    const general = await newContext(browser);
    await signIn(general.page, demo('gb-secretary'));
    expect(await general.page.getByTestId('viewer').innerText()).toMatch(/（总支书记）/);
    await openApprovals(general.page);
    // A general branch reviews: its queue comes first, and it has no approve button.
    const review = general.page.getByTestId('approvals-review');
    await review.locator('tbody tr').first().waitFor();
    expect(await general.page.getByTestId('approvals-review-total').innerText()).toMatch(/共 \d+ 件待审核/);
    expect(await review.getByRole('button', { name: '批准', exact: true }).count()).toBe(0);
    for (const row of await review.locator('tbody tr').all()) expect(await row.locator('td').nth(1).innerText()).toMatch(/\d{4}-\d{2}-\d{2}\s*已等待 \d+ 天/);
    await screenshot(general.page, 'approvals-review');

    // Pass on, with a note for the committee: asked first, then the request leaves the review.
    const passRow = review.locator('tbody tr').first();
    const toPass = (await passRow.getAttribute('data-request'))!;
    const note = '经总支审核，材料齐全，同意报党委';
    await passRow.getByRole('textbox', { name: '转报意见' }).fill(note);
    await passRow.getByRole('button', { name: '转报', exact: true }).click();
    const ask = passRow.getByTestId('confirm-step');
    await ask.waitFor();
    expect(await ask.innerText()).toMatch(/确认转报/);
    await ask.getByTestId('confirm-yes').click();
    await general.page.getByTestId('approvals-notice').filter({ hasText: '已将' }).waitFor();
    await general.page.waitForFunction((id) => !document.querySelector(`[data-testid="approvals-review"] tr[data-request="${id}"]`), toPass);
    // It now waits on the committee: among what its branches sent, waiting on the level above.
    const sent = general.page.getByTestId('approvals-sent');
    expect(await sent.locator(`tbody tr[data-request="${toPass}"]`).getAttribute('data-status')).toBe('PENDING');
    // Another request its branches sent, already passed on, for the committee to return.
    const toReturn = await sent.locator(`tbody tr[data-status="PENDING"]:not([data-request="${toPass}"])`).first().getAttribute('data-request');
    expect(toReturn).toBeTruthy();
    expect(general.errors).toEqual([]);

    const committee = await newContext(browser);
    await signIn(committee.page, demo('approver'));
    expect(await committee.page.getByTestId('viewer').innerText()).toMatch(/（党委委员）/);
    await openApprovals(committee.page);
    const queue = committee.page.getByTestId('approvals-queue');
    await queue.locator('tbody tr').first().waitFor();
    await screenshot(committee.page, 'approvals-queue');
    expect(await committee.page.getByTestId('approvals-total').innerText()).toMatch(/共 \d+ 件待审批/);
    const approval = queue.locator('tbody tr[data-step="17"]').first();
    if ((await approval.count()) > 0) expect(await approval.getByTestId('approvals-limit').innerText()).toMatch(/应于 \d{4}-\d{2}-\d{2} 前 · 最迟 \d{4}-\d{2}-\d{2}/);

    // The request passed on is there with the general branch's note; approve it, asked first.
    const approveRow = queue.locator(`tbody tr[data-request="${toPass}"]`);
    await approveRow.waitFor();
    expect(await approveRow.getByTestId('approvals-review-note').innerText()).toContain(note);
    await approveRow.getByRole('button', { name: '批准', exact: true }).click();
    await approveRow.getByTestId('confirm-step').waitFor();
    expect(await approveRow.getByTestId('confirm-step').innerText()).toMatch(/确认批准/);
    await approveRow.getByTestId('confirm-yes').click();
    await committee.page.getByTestId('approvals-notice').filter({ hasText: '已批准' }).waitFor();
    await committee.page.waitForFunction((id) => !document.querySelector(`[data-testid="approvals-queue"] tr[data-request="${id}"]`), toPass);

    // Return another: the reason is required, asked first, then it goes back to the branch.
    const reason = '归档材料缺少转正申请书原件，请补齐后重新报送';
    const returnRow = queue.locator(`tbody tr[data-request="${toReturn}"]`);
    await returnRow.getByRole('textbox', { name: '退回理由' }).fill(reason);
    await returnRow.getByRole('button', { name: '退回', exact: true }).click();
    await returnRow.getByTestId('confirm-step').waitFor();
    await returnRow.getByTestId('confirm-yes').click();
    await committee.page.getByTestId('approvals-notice').filter({ hasText: '已退回' }).waitFor();
    await committee.page.waitForFunction((id) => !document.querySelector(`[data-testid="approvals-queue"] tr[data-request="${id}"]`), toReturn);
    expect(committee.errors).toEqual([]);

    // The general branch sees the return and its reason, and the approved request is gone from its list.
    await general.page.reload();
    const returned = general.page.getByTestId('approvals-sent').locator(`tbody tr[data-request="${toReturn}"]`);
    await returned.waitFor();
    expect(await returned.getAttribute('data-status')).toBe('RETURNED');
    expect(await returned.getByTestId('return-reason').innerText()).toContain(reason);
    expect(await general.page.getByTestId('approvals-sent').locator(`tbody tr[data-request="${toPass}"]`).count()).toBe(0);
    // And on the member's page, where the branch follows its requests.
    await returned.getByRole('link').first().click();
    await general.page.waitForURL((u) => /^\/members\/.+/.test(u.pathname));
    const onMember = general.page.getByTestId('level-requests').locator(`li[data-request="${toReturn}"]`);
    await onMember.waitFor();
    expect(await onMember.innerText()).toMatch(/已退回/);
    expect(await onMember.getByTestId('return-reason').innerText()).toContain(reason);
    await screenshot(general.page, 'approvals-returned-member');
    expect(general.errors).toEqual([]);
    await general.context.close();
    await committee.context.close();
  });
});
