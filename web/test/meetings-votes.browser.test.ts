// Secretary workflows in Chromium against the real stack: the demo secretary (with TOTP) plans,
// publishes and runs a meeting — check-in code and a locally drawn SVG QR code, attendance,
// minutes — and puts a motion to the vote; the demo member, in a browser context of their own,
// registers, checks in with the code, casts a secret ballot, keeps and checks the receipt, and
// rates the meeting; the secretary closes the vote and reads the tally, anchored and verified.
// Opening, casting and closing cannot be undone: each asks first, with the numbers that matter.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { account, launchBrowser, newContext, PHONE, screenshot, signIn, stackInfo } from './browser/harness.js';

let browser: Browser;
let sec: { context: BrowserContext; page: Page; errors: string[] };
let mem: { context: BrowserContext; page: Page; errors: string[] };
let meetingUrl = '';
let meetingEndsAt = 0;
let voteUrl = '';
let rollSize = 0;
let receipt = '';
const stamp = Date.now().toString(36);
const meetingTitle = `主题党日 浏览器测试 ${stamp}`;
const voteTitle = `议题表决 浏览器测试 ${stamp}`;

const CHINA_MS = 8 * 3600_000;
/** A `datetime-local` value in China time, `ms` from now, on a whole minute. */
function chinaLocal(ms: number): string {
  return new Date(ms + CHINA_MS).toISOString().slice(0, 16);
}

/** Reloads until the proof inside `scope` has a final state; returns it. */
async function settledProof(page: Page, testId: string, want: string[], timeoutMs = 120_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const proof = page.getByTestId(testId).getByTestId('proof').first();
    await proof.waitFor();
    const state = await proof.getAttribute('data-proof-state');
    if (state && want.includes(state)) return state;
    if (Date.now() > deadline) throw new Error(`proof in ${testId} stayed ${state}`);
    await page.waitForTimeout(state === 'pending' ? 2000 : 500);
    if (state === 'pending') await page.reload();
  }
}

beforeAll(async () => {
  browser = await launchBrowser();
  sec = await newContext(browser);
  mem = await newContext(browser);
  await mem.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stackInfo().webUrl });
});

afterAll(async () => {
  await browser?.close();
});

describe('secretary workflows: meetings and votes', { timeout: 300_000 }, () => {
  it('shows the meetings list with cadence compliance, and the plan form reports API field errors by field', async () => {
    const { page } = sec;
    await signIn(page, account('SECRETARY'));
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '组织生活' }).click();
    await page.waitForURL((u) => u.pathname === '/meetings');
    // The demo branch has a year of meetings: the list pages and the compliance table has rows.
    expect(await page.getByTestId('meetings-total').innerText()).toMatch(/共 \d+ 场会议/);
    expect(await page.getByTestId('meetings-table').locator('tbody tr').count()).toBeGreaterThan(0);
    const rows = page.getByTestId('compliance-table').locator('tbody tr');
    expect(await rows.count()).toBeGreaterThanOrEqual(4);
    expect(await page.getByTestId('compliance-table').innerText()).toMatch(/主题党日/);
    // The yearly kinds: the branch's 组织生活会 with its published 民主评议 beside it, and 谈心谈话.
    const orgLife = page.getByTestId('compliance-table').locator('tbody tr[data-kind="ORG_LIFE"]');
    expect(await orgLife.innerText()).toMatch(/组织生活会\s*每年/);
    expect(await orgLife.getByTestId('compliance-appraised').innerText()).toMatch(/^民主评议已公布 \d+\/1$/);
    const talks = page.getByTestId('compliance-table').locator('tbody tr[data-kind="HEART_TALK"]');
    expect(await talks.innerText()).toMatch(/谈心谈话\s*每年/);
    expect(await talks.getByTestId('compliance-talked').innerText()).toMatch(/^本年已谈心 \d+\/\d+ 人$/);
    expect(await page.getByLabel('会议类型').locator('option[value="ORG_LIFE"]').innerText()).toBe('组织生活会');
    // A single branch sees its own rows, no subtree totals.
    expect(await page.getByTestId('compliance-totals').count()).toBe(0);
    // Filtering by kind keeps only that kind.
    await page.getByLabel('会议类型').selectOption('THEMED_DAY');
    await page.getByRole('button', { name: '筛选' }).click();
    await page.waitForURL((u) => u.searchParams.get('kind') === 'THEMED_DAY');
    const kinds = await page.getByTestId('meetings-table').locator('tbody tr td:nth-child(2)').allInnerTexts();
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set(['主题党日']));
    await screenshot(page, 'workflows-meetings-list');

    await page.getByTestId('plan-meeting').click();
    await page.waitForURL((u) => u.pathname === '/meetings/new');
    await page.getByLabel('会议类型').selectOption('THEMED_DAY');
    await page.getByLabel('会议名称').fill(meetingTitle);
    // A start in the past: the API refuses it, and the page says so next to the field.
    await page.getByLabel('开始时间').fill(chinaLocal(Date.now() - 2 * 86_400_000));
    await page.getByLabel('结束时间').fill(chinaLocal(Date.now() - 2 * 86_400_000 + 3_600_000));
    await page.getByRole('button', { name: '保存草稿' }).click();
    const err = page.getByTestId('field-error-startsAt');
    await err.waitFor();
    expect(await err.innerText()).toMatch(/已经过去/);
    expect(await page.getByLabel('开始时间').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'workflows-meeting-plan-errors');
  });

  it('plans and publishes the meeting; the member registers; check-in shows the code and an SVG QR code; the member checks in', async () => {
    const { page } = sec;
    // Starts in one to two minutes (publishing needs a start still ahead) and lasts one, so that
    // its minutes can be recorded in this run.
    const start = Math.ceil((Date.now() + 70_000) / 60_000) * 60_000;
    meetingEndsAt = start + 60_000;
    await page.getByLabel('会议类型').selectOption('THEMED_DAY');
    await page.getByLabel('会议名称').fill(meetingTitle);
    await page.getByLabel('开始时间').fill(chinaLocal(start));
    await page.getByLabel('结束时间').fill(chinaLocal(meetingEndsAt));
    await page.getByLabel('地点').fill('党员活动室');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.waitForURL((u) => /^\/meetings\/[0-9a-f-]{36}$/.test(u.pathname));
    meetingUrl = page.url();
    await page.locator('[data-testid="meeting-status"][data-status="DRAFT"]').waitFor();
    await page.getByTestId('publish').click();
    await page.getByTestId('meeting-notice').waitFor();
    await page.locator('[data-testid="meeting-status"][data-status="PUBLISHED"]').waitFor();

    // The member sees the published meeting and registers.
    await signIn(mem.page, account('MEMBER'));
    await mem.page.goto(meetingUrl);
    await mem.page.getByTestId('register').click();
    await mem.page.getByTestId('meeting-notice').waitFor();
    // The action's answer can render before the page's data is reloaded: wait for the state.
    await mem.page.getByTestId('meeting-mine').getByText('已报名').waitFor();

    await page.getByTestId('open-checkin').click();
    const code = (await page.getByTestId('checkin-code').innerText()).trim();
    expect(code).toMatch(/^\d{6}$/);
    const qr = page.getByTestId('qr');
    expect(await qr.evaluate((el) => el.tagName.toLowerCase())).toBe('svg');
    // Drawn here from the module matrix: a real symbol has hundreds of dark modules.
    const modules = await qr.locator('path').evaluate((p) => (p.getAttribute('d') ?? '').split('M').length - 1);
    expect(modules).toBeGreaterThan(200);
    const meetingId = new URL(meetingUrl).pathname.split('/').pop()!;
    expect(await qr.getAttribute('data-qr-text')).toMatch(new RegExp(`^LIANJIAN-CHECKIN:1:${meetingId}:${code}:\\d+$`));
    await page.getByTestId('checkin-countdown').waitFor();
    expect(await page.getByTestId('checkin-countdown').innerText()).toMatch(/剩余有效时间 1[45]:\d\d/);
    await page.locator('[data-testid="meeting-status"][data-status="IN_PROGRESS"]').waitFor();
    await screenshot(page, 'workflows-meeting-checkin');

    // A wrong code is refused with the API's reason; the right one checks the member in.
    await mem.page.reload();
    const wrong = code === '000000' ? '111111' : '000000';
    await mem.page.getByLabel('输入签到码').fill(wrong);
    await mem.page.getByRole('button', { name: '签到', exact: true }).click();
    expect(await mem.page.getByTestId('checkin-error').innerText()).toMatch(/签到码不正确/);
    await mem.page.getByLabel('输入签到码').fill(code);
    await mem.page.getByRole('button', { name: '签到', exact: true }).click();
    await mem.page.getByTestId('meeting-notice').waitFor();
    expect(await mem.page.getByTestId('meeting-notice').innerText()).toMatch(/已签到（出席）/);
    await mem.page.getByTestId('my-attendance').waitFor();
    expect(await mem.page.getByTestId('my-attendance').innerText()).toMatch(/出席/);
  });

  it('records the attendance of the unit in one form', async () => {
    const { page } = sec;
    // Attendance is marked by hand once the meeting has started (it starts a minute before it ends).
    const wait = meetingEndsAt - 60_000 - Date.now() + 1_000;
    if (wait > 0) await page.waitForTimeout(wait);
    await page.goto(meetingUrl);
    const form = page.getByTestId('attendance-form');
    await form.waitFor();
    const member = account('MEMBER');
    // The member's own check-in is pre-filled: the only row already marked, and it is theirs.
    const marked = await form.locator('tbody tr').evaluateAll((rows) =>
      rows.filter((r) => (r.querySelector('select') as HTMLSelectElement).value !== '').map((r) => [r.querySelector('label')?.textContent, (r.querySelector('select') as HTMLSelectElement).value]),
    );
    expect(marked).toEqual([[member.displayName, 'PRESENT']]);
    const others = form.locator('tbody tr').filter({ hasNot: page.getByText(member.displayName, { exact: true }) });
    expect(await others.count()).toBeGreaterThanOrEqual(3);
    await others.nth(0).locator('select').selectOption('ABSENT');
    await others.nth(1).locator('select').selectOption('EXCUSED');
    await others.nth(1).locator('input').fill('出差');
    await others.nth(2).locator('select').selectOption('LATE');
    await page.getByTestId('save-attendance').click();
    await page.getByTestId('meeting-notice').waitFor();
    expect(await page.getByTestId('meeting-notice').innerText()).toMatch(/已登记 4 人的出勤/);
    const list = page.getByTestId('attendance-list');
    await list.locator('tbody tr').nth(3).waitFor();
    expect(await list.locator('tbody tr').count()).toBe(4);
    const statuses = await list.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')).sort());
    expect(statuses).toEqual(['ABSENT', 'EXCUSED', 'LATE', 'PRESENT']);
    expect(await list.innerText()).toMatch(/出差/);
    expect(await page.getByTestId('registrations').innerText()).toContain(member.displayName);
    await screenshot(page, 'workflows-meeting-attendance');
  });

  it('creates and opens a motion; the member casts a ballot, keeps the receipt and checks it', async () => {
    const { page } = sec;
    await page.goto(`${stackInfo().webUrl}/votes`);
    await page.getByTestId('new-vote').click();
    await page.waitForURL((u) => u.pathname === '/votes/new');
    // No title: the API names the field.
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.getByTestId('field-error-title').waitFor();
    await page.getByLabel('标题').fill(voteTitle);
    await page.getByLabel('说明').fill('是否同意本季度主题党日活动方案');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.waitForURL((u) => /^\/votes\/[0-9a-f-]{36}$/.test(u.pathname));
    voteUrl = page.url();
    await page.locator('[data-testid="vote-status"][data-status="DRAFT"]').waitFor();
    expect(await page.getByTestId('vote-options').locator('li').allInnerTexts()).toEqual(['赞成', '反对', '弃权']);
    await page.getByTestId('open-vote').click();
    // Opening freezes the roll: the page asks first, saying how many it will hold, and the vote stays a draft.
    const openStep = page.getByTestId('confirm-step');
    await openStep.waitFor();
    expect(await openStep.getByTestId('confirm-text').innerText()).toMatch(/开始投票将冻结表决名册：现有 \d+ 名有表决权的正式党员。名册冻结后不能修改/);
    rollSize = Number(/现有 (\d+) 名/.exec(await openStep.innerText())![1]);
    expect(rollSize).toBeGreaterThan(2);
    expect(await page.locator('[data-testid="vote-status"][data-status="DRAFT"]').count()).toBe(1);
    await screenshot(page, 'workflows-vote-open-confirm');
    await page.getByTestId('confirm-yes').click();
    await page.getByTestId('vote-notice').waitFor();
    await page.locator('[data-testid="vote-status"][data-status="OPEN"]').waitFor();

    const m = mem.page;
    await m.goto(`${stackInfo().webUrl}/votes`);
    await m.getByRole('link', { name: voteTitle }).click();
    await m.waitForURL((u) => u.pathname === new URL(voteUrl).pathname);
    await m.getByLabel('赞成').check();
    await m.getByTestId('cast').click();
    // A ballot cannot be changed once cast: the page names the choice and asks first; nothing is cast yet.
    const castStep = m.getByTestId('confirm-step');
    await castStep.waitFor();
    expect(await castStep.getByTestId('confirm-text').innerText()).toMatch(/您的选择：赞成[\s\S]*选票投出后不能更改，也不能撤回/);
    expect(await m.getByTestId('receipt').count()).toBe(0);
    expect(await m.getByLabel('赞成').isChecked()).toBe(true);
    await m.getByTestId('confirm-yes').click();
    const shown = m.getByTestId('receipt');
    await shown.waitFor();
    receipt = (await shown.innerText()).trim();
    expect(receipt).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(await m.getByTestId('receipt-card').innerText()).toMatch(/回执只显示这一次/);
    await m.getByTestId('copy-receipt').click();
    await m.getByText('已复制').waitFor();
    expect(await m.evaluate(() => navigator.clipboard.readText())).toBe(receipt);
    await m.getByTestId('has-voted').waitFor();
    expect(await m.getByTestId('has-voted').innerText()).toMatch(/您已投票/);
    await screenshot(m, 'workflows-vote-receipt');

    // Shown once: a reload has no receipt, and no ballot form.
    await m.reload();
    expect(await m.getByTestId('receipt').count()).toBe(0);
    expect(await m.getByTestId('cast-form').count()).toBe(0);

    await m.getByLabel('回执').fill(receipt);
    await m.getByTestId('check-ballot').click();
    const check = m.getByTestId('ballot-check');
    await check.waitFor();
    expect(await check.getAttribute('data-verified')).toBe('true');
    expect(await m.getByTestId('ballot-choice').innerText()).toBe('赞成');
    // Sealed until the tally.
    await m.getByTestId('ballot-sealed').waitFor();
    // Someone else's (made-up) receipt finds nothing.
    await m.getByLabel('回执').fill('A'.repeat(22));
    await m.getByTestId('check-ballot').click();
    await m.locator('[data-testid="ballot-check"][data-verified="false"]').waitFor();
  });

  it('closes the vote: the tally shows counts, quorum, outcome and the ballots root, verified on chain; the roll names the voter', async () => {
    const { page } = sec;
    await page.goto(voteUrl);
    expect(await page.getByTestId('roll').innerText()).toContain(account('MEMBER').displayName);
    await page.getByTestId('close-vote').click();
    // Closing ends the voting for good: the page says the turnout first, and the vote stays open.
    const closeStep = page.getByTestId('confirm-step');
    await closeStep.waitFor();
    const turnout = /已投 (\d+) \/ (\d+) 人，关闭后不能再投票。/.exec(await closeStep.getByTestId('confirm-text').innerText());
    expect(turnout?.[1]).toBe('1');
    expect(Number(turnout?.[2])).toBe(rollSize);
    expect(await page.locator('[data-testid="vote-status"][data-status="OPEN"]').count()).toBe(1);
    await screenshot(page, 'workflows-vote-close-confirm');
    await page.getByTestId('confirm-yes').click();
    await page.getByTestId('tally').waitFor();
    await page.locator('[data-testid="vote-status"][data-status="TALLIED"]').waitFor();
    const cast = await page.getByTestId('tally-cast').innerText();
    const [ballots, eligible] = cast.split('/').map((s) => Number(s.trim()));
    expect(ballots).toBe(1);
    expect(eligible).toBeGreaterThan(2);
    // One ballot of more than two entitled is no quorum, so the motion is not carried.
    expect(await page.getByTestId('tally-quorum').innerText()).toBe('否');
    expect(await page.getByTestId('tally-outcome').innerText()).toBe('未通过');
    expect(await page.locator('[data-option="赞成"] [data-testid="option-count"]').innerText()).toBe('1');
    expect(await page.locator('[data-option="反对"] [data-testid="option-count"]').innerText()).toBe('0');
    expect(await page.getByTestId('tally-root').innerText()).toMatch(/^[0-9a-f]{64}$/);
    expect(await settledProof(page, 'tally', ['verified'])).toBe('verified');
    await screenshot(page, 'workflows-vote-tally');

    // After the tally the member's check shows the ballot record with its proof.
    const m = mem.page;
    await m.goto(voteUrl);
    await m.getByLabel('回执').fill(receipt);
    await m.getByTestId('check-ballot').click();
    await m.getByTestId('ballot-check').getByTestId('proof').waitFor();
    expect(await m.getByTestId('ballot-check').innerText()).toMatch(/回执的哈希与选票记录中的 receiptHash 一致/);
    const state = await m.getByTestId('ballot-check').getByTestId('proof').getAttribute('data-proof-state');
    expect(['pending', 'anchoring', 'waiting', 'retrying', 'verified']).toContain(state);
    await screenshot(m, 'workflows-vote-check');
  });

  it('records the minutes after the meeting ends; the member rates it; the meeting record verifies on chain', { timeout: 480_000 }, async () => {
    const { page } = sec;
    const wait = meetingEndsAt - Date.now() + 2_000;
    if (wait > 0) await page.waitForTimeout(wait);
    await page.goto(meetingUrl);
    await page.getByLabel('会议纪要').fill('学习了主题党日活动方案，讨论并形成了三项落实措施。');
    await page.getByTestId('save-minutes').click();
    await page.getByTestId('meeting-notice').waitFor();
    await page.locator('[data-testid="meeting-status"][data-status="COMPLETED"]').waitFor();
    await page.getByTestId('minutes-text').waitFor();
    expect(await page.getByTestId('minutes-text').innerText()).toMatch(/三项落实措施/);

    const m = mem.page;
    await m.goto(meetingUrl);
    await m.getByLabel('4 分').check();
    await m.getByLabel('意见').fill('安排紧凑，很有收获');
    await m.getByRole('button', { name: '提交评价' }).click();
    await m.getByTestId('my-feedback').waitFor();
    expect(await m.getByTestId('my-feedback').innerText()).toMatch(/4 分/);

    await page.reload();
    expect(await page.getByTestId('feedback-list').innerText()).toMatch(/安排紧凑/);
    expect(await page.getByText('平均 4.0 分（1 人）').count()).toBe(1);
    const proof = page.locator('article[aria-labelledby="meeting-facts"] [data-testid="proof"]');
    const deadline = Date.now() + 120_000;
    for (let state = await proof.getAttribute('data-proof-state'); state !== 'verified'; state = await proof.getAttribute('data-proof-state')) {
      if (Date.now() > deadline) throw new Error(`the meeting's proof stayed ${state}`);
      // A check under way is left to finish (a reload would restart it); the page polls while anchoring.
      await page.waitForTimeout(state === 'pending' ? 2000 : 1000);
      if (state === 'pending') await page.reload();
    }
    await screenshot(page, 'workflows-meeting-completed');
    // Refusals this test provokes on purpose answer 4xx; nothing else may be logged.
    const unexpected = (errors: string[]) => errors.filter((e) => !/Failed to load resource: the server responded with a status of 4\d\d/.test(e));
    expect(unexpected(sec.errors)).toEqual([]);
    expect(unexpected(mem.errors)).toEqual([]);
  });

  it('lists decisions; a decision takes a milestone and a status change, kept as proven versions', async () => {
    const { page } = sec;
    await page.goto(`${stackInfo().webUrl}/decisions`);
    const first = page.getByTestId('decisions-table').locator('tbody tr th a').first();
    await first.waitFor();
    await first.click();
    await page.waitForURL((u) => /^\/decisions\/[0-9a-f-]{36}$/.test(u.pathname));
    // Versions are the list's own items (each proof has a check list of its own inside).
    const versions = page.getByTestId('decision-history').locator(':scope > li');
    await versions.first().waitFor();
    const before = await versions.count();
    const milestone = `落实节点 ${stamp}`;
    await page.getByLabel('节点', { exact: true }).fill(milestone);
    await page.getByLabel('截止日期').fill(new Date(Date.now() + CHINA_MS + 30 * 86_400_000).toISOString().slice(0, 10));
    await page.getByTestId('add-milestone').click();
    await page.getByTestId('milestones').getByRole('rowheader', { name: milestone }).waitFor();
    const status = await page.getByTestId('decision-status').getAttribute('data-status');
    if (status === 'ADOPTED' || status === 'IMPLEMENTING') {
      await page.getByTestId('decision-status-submit').click();
      await page.getByTestId('decision-notice').waitFor();
      await page.locator(`[data-testid="decision-status"]:not([data-status="${status}"])`).waitFor();
      await versions.nth(before).waitFor();
      expect(await versions.count()).toBe(before + 1);
    }
    await screenshot(page, 'workflows-decision');
  });

  it('shows a leader the compliance of the whole subtree, summed per kind, above each branch', async () => {
    const leader = await newContext(browser);
    try {
      await signIn(leader.page, account('LEADER'));
      await leader.page.goto(`${stackInfo().webUrl}/meetings`);
      const totals = leader.page.getByTestId('compliance-totals');
      await totals.waitFor();
      const branches = new Set(
        (await leader.page.getByTestId('compliance-table').locator('tbody tr th').allInnerTexts()).map((t) => t.trim()),
      );
      expect(branches.size).toBeGreaterThan(1);
      const row = totals.locator('tbody tr[data-kind="ORG_LIFE"]');
      expect(await row.locator('td').nth(1).innerText()).toBe(String(branches.size));
      expect(await totals.locator('tbody tr').count()).toBe(7);
    } finally {
      await leader.context.close();
    }
  });

  it('works on a phone: the meeting page does not overflow', async () => {
    const phone = await newContext(browser, PHONE);
    await signIn(phone.page, account('MEMBER'));
    await phone.page.goto(meetingUrl);
    await phone.page.getByTestId('meeting-mine').waitFor();
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await screenshot(phone.page, 'workflows-meeting-phone');
    await phone.context.close();
  });
});
