// Requests between levels in Chromium against the real stack (decision 013): the branch
// secretary sees its requests waiting on the committee; the committee's organiser (the demo
// `approver`) signs in, sees the queue with since-when and time limits, approves one request
// and returns another with a reason, each asked first; the secretary then sees the return and
// its reason on the approvals page and on the member's page.
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

function approver() {
  const a = stackInfo().accounts.find((x) => x.username === 'approver');
  if (!a) throw new Error('the demo seed made no approver account');
  return a;
}

async function openApprovals(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '上级审批', exact: true }).click();
  await page.waitForURL((u) => u.pathname === '/approvals');
  await page.getByRole('heading', { level: 1, name: '上级审批' }).waitFor();
}

describe('approvals between levels', () => {
  it('the approver decides the branch’s requests and the secretary sees the return with its reason', async () => {
    const secretary = await newContext(browser);
    await signIn(secretary.page, account('SECRETARY'));
    await openApprovals(secretary.page);
    // The branch decides nothing: no queue, only what it sent, waiting on the committee.
    expect(await secretary.page.getByTestId('approvals-queue').count()).toBe(0);
    const waiting = secretary.page.getByTestId('approvals-sent').locator('tbody tr[data-status="PENDING"]');
    await waiting.first().waitFor();
    const ids = await waiting.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-request')!));
    expect(ids.length).toBeGreaterThanOrEqual(2);
    const [toApprove, toReturn] = ids as [string, string];
    expect(await waiting.first().getByTestId('level-request-state').innerText()).toMatch(/待上级审批/);

    const committee = await newContext(browser);
    await signIn(committee.page, approver());
    await openApprovals(committee.page);
    const queue = committee.page.getByTestId('approvals-queue');
    await queue.locator('tbody tr').first().waitFor();
    await screenshot(committee.page, 'approvals-queue');
    expect(await committee.page.getByTestId('approvals-total').innerText()).toMatch(/共 \d+ 件待审批/);
    // Each waiting request says since when; an admission approval its time limit (3 months, at most 6).
    for (const row of await queue.locator('tbody tr').all()) expect(await row.locator('td').nth(1).innerText()).toMatch(/\d{4}-\d{2}-\d{2}\s*已等待 \d+ 天/);
    const approval = queue.locator('tbody tr[data-step="17"]').first();
    if ((await approval.count()) > 0) expect(await approval.getByTestId('approvals-limit').innerText()).toMatch(/应于 \d{4}-\d{2}-\d{2} 前 · 最迟 \d{4}-\d{2}-\d{2}/);

    // Approve: asked first, then the step is recorded and the request leaves the queue.
    const approveRow = queue.locator(`tbody tr[data-request="${toApprove}"]`);
    await approveRow.getByRole('button', { name: '批准', exact: true }).click();
    const ask = approveRow.getByTestId('confirm-step');
    await ask.waitFor();
    expect(await ask.innerText()).toMatch(/确认批准/);
    await ask.getByTestId('confirm-yes').click();
    await committee.page.getByTestId('approvals-notice').filter({ hasText: '已批准' }).waitFor();
    await committee.page.waitForFunction((id) => !document.querySelector(`[data-testid="approvals-queue"] tr[data-request="${id}"]`), toApprove);

    // Return: the reason is required, asked first, then the request goes back to the branch.
    const reason = '归档材料缺少转正申请书原件，请补齐后重新报送';
    const returnRow = queue.locator(`tbody tr[data-request="${toReturn}"]`);
    await returnRow.getByRole('textbox', { name: '退回理由' }).fill(reason);
    await returnRow.getByRole('button', { name: '退回', exact: true }).click();
    await returnRow.getByTestId('confirm-step').waitFor();
    await returnRow.getByTestId('confirm-yes').click();
    await committee.page.getByTestId('approvals-notice').filter({ hasText: '已退回' }).waitFor();
    await committee.page.waitForFunction((id) => !document.querySelector(`[data-testid="approvals-queue"] tr[data-request="${id}"]`), toReturn);
    expect(committee.errors).toEqual([]);

    // The branch sees the return and its reason, on the approvals page and on the member's page.
    await secretary.page.reload();
    const returned = secretary.page.getByTestId('approvals-sent').locator(`tbody tr[data-request="${toReturn}"]`);
    await returned.waitFor();
    expect(await returned.getAttribute('data-status')).toBe('RETURNED');
    expect(await returned.getByTestId('return-reason').innerText()).toContain(reason);
    expect(await secretary.page.getByTestId('approvals-sent').locator(`tbody tr[data-request="${toApprove}"]`).count()).toBe(0);
    await returned.getByRole('link').first().click();
    await secretary.page.waitForURL((u) => /^\/members\/.+/.test(u.pathname));
    const onMember = secretary.page.getByTestId('level-requests').locator(`li[data-request="${toReturn}"]`);
    await onMember.waitFor();
    expect(await onMember.innerText()).toMatch(/已退回/);
    expect(await onMember.getByTestId('return-reason').innerText()).toContain(reason);
    await screenshot(secretary.page, 'approvals-returned-member');
    expect(secretary.errors).toEqual([]);
    await secretary.context.close();
    await committee.context.close();
  });
});
