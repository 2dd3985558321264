// Signed-in pages in Chromium against the real stack: the member portal verifies records in the
// browser and downloads their proofs; each privileged role signs in with its TOTP code and lands
// on its own page; charts draw SVG with data.
import { parseBundle, PROOF_MEDIA_TYPE, verifyBundle } from '@lianjian/verify';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { account, browserForFile, newContext, PHONE, proofStates, screenshot, signedIn, signIn, stackInfo } from './browser/harness.js';

const browser = browserForFile();

describe('member portal', () => {
  it('shows my profile and records, each verified on chain in the browser, with a proof download', async () => {
    const { page, context, errors } = await newContext(browser());
    const t0 = performance.now();
    await signIn(page, account('MEMBER'));
    expect(new URL(page.url()).pathname).toBe('/me');
    const states = await proofStates(page);
    const ms = Math.round(performance.now() - t0);
    // The profile's proof (with the displayed fields check) and every record version.
    expect(states.length).toBeGreaterThanOrEqual(2);
    expect(states.every((s) => s === 'verified')).toBe(true);
    const badge = await page.getByTestId('proof').first().innerText();
    expect(badge).toMatch(/已在链上验证/);
    expect(badge).toMatch(/批次 \d+ · 高度 \d+/);
    expect(await page.getByTestId('timeline').locator('li').count()).toBeGreaterThan(0);
    process.stderr.write(`[portal] sign-in → ${states.length} proofs verified in the browser in ${ms} ms\n`);
    await screenshot(page, 'member-portal-desktop');

    // The profile's displayed fields were checked against the proven document.
    await page.getByTestId('proof').first().getByText(/校验详情/).click();
    await expect(page.getByTestId('proof').first().locator('li[data-check="fields"]').getAttribute('data-state')).resolves.toBe('pass');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /下载.*的证明文件/ }).first().click()]);
    expect(download.suggestedFilename()).toMatch(/^lianjian-Member-.+-v\d+\.proof\.json$/);
    const file = await download.path();
    const bundle = parseBundle(readFileSync(file, 'utf8'));
    expect((await verifyBundle(bundle)).verified).toBe(true);
    const res = await context.request.get(`${stackInfo().webUrl}/proof/Member/${bundle.document.id}/${bundle.document.version}`);
    expect(res.headers()['content-type']).toContain(PROOF_MEDIA_TYPE);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('is usable on a phone and switches to English, remembered across pages', async () => {
    const { page, context } = await signedIn(browser(), 'MEMBER', PHONE);
    await proofStates(page);
    await screenshot(page, 'member-portal-phone-zh');
    // Nothing may overflow the phone's width.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('My records');
    await page.goto(`${stackInfo().webUrl}/verify`);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Verify a proof');
    await page.goto(`${stackInfo().webUrl}/me`);
    await proofStates(page);
    expect(await page.getByTestId('proof').first().innerText()).toMatch(/Verified on chain/);
    await screenshot(page, 'member-portal-phone-en');
    await context.close();
  });

  it('explains what went wrong when a member opens a page of another role, or a missing page', async () => {
    const { page, context } = await signedIn(browser(), 'MEMBER');
    const res = await page.goto(`${stackInfo().webUrl}/admin`);
    expect(res?.status()).toBe(403);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('无权访问');
    expect(await page.getByText('您的角色不能打开此页面').count()).toBe(1);
    const missing = await page.goto(`${stackInfo().webUrl}/no-such-page`);
    expect(missing?.status()).toBe(404);
    expect(await page.getByTestId('error-detail').innerText()).toMatch(/没有 \/no-such-page 这个页面/);
    await screenshot(page, 'error-404');
    // Signed out, a private page sends the visitor to sign in and back.
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL((u) => u.pathname === '/signin');
    await page.goto(`${stackInfo().webUrl}/me`);
    expect(new URL(page.url()).pathname).toBe('/signin');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/me');
    await context.close();
  });
});

describe('privileged roles sign in with TOTP and reach their page', () => {
  it('a leader sees the dashboard with charts drawn from data, drills down and exports CSV', async () => {
    const { page, context, errors } = await signedIn(browser(), 'LEADER');
    expect(new URL(page.url()).pathname).toBe('/dashboard');
    const total = Number((await page.getByTestId('stat-total').innerText()).replace(/,/g, ''));
    expect(total).toBeGreaterThan(0);
    // Recharts draws in the browser: bars are SVG paths with a height.
    await page.locator('[data-testid="chart-stage"] svg .recharts-bar-rectangle path').first().waitFor();
    const stageBars = await page.locator('[data-testid="chart-stage"] svg .recharts-bar-rectangle path').count();
    expect(stageBars).toBeGreaterThan(0);
    const unitBars = await page.locator('[data-testid="chart-units"] svg .recharts-bar-rectangle path').count();
    expect(unitBars).toBeGreaterThan(0);
    await screenshot(page, 'leader-dashboard-desktop');

    const rows = page.getByTestId('unit-table').locator('tbody tr');
    const firstUnit = await rows.first().locator('th a').innerText();
    const csv = await context.request.get(`${stackInfo().webUrl}/dashboard/export.csv`);
    expect(csv.headers()['content-type']).toContain('text/csv');
    const lines = (await csv.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines.length).toBe((await rows.count()) + 2);
    expect(lines.some((l) => l.includes(firstUnit))).toBe(true);

    await rows.first().locator('th a').click();
    await page.waitForURL((u) => u.searchParams.has('unit'));
    // The URL changes when the navigation commits; the page renders right after.
    await page.getByTestId('scope-name').filter({ hasText: new RegExp(`^${firstUnit}$`) }).waitFor();
    await page.setViewportSize(PHONE);
    await screenshot(page, 'leader-dashboard-drilldown-phone');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a secretary lists, filters and pages members, opens one verified, and records the next development step', async () => {
    const { page, context, errors } = await signedIn(browser(), 'SECRETARY');
    expect(new URL(page.url()).pathname).toBe('/members');
    const total = Number(/\d+/.exec(await page.getByTestId('members-total').innerText())?.[0]);
    expect(total).toBeGreaterThan(0);
    expect(await page.getByTestId('members-table').locator('tbody tr').count()).toBe(Math.min(total, 20));
    await screenshot(page, 'secretary-members');

    // Cursor pages: the next page holds other people, and "previous" comes back to the first.
    const names = () => page.getByTestId('members-table').locator('tbody tr th').allInnerTexts();
    const firstPage = (await names()).join('|');
    const shows = (expected: string, same: boolean) =>
      page.waitForFunction(
        ([want, eq]) => ([...document.querySelectorAll('[data-testid="members-table"] tbody tr th')].map((e) => e.textContent).join('|') === want) === eq,
        [expected, same] as const,
      );
    expect(total, 'the demo branch has more than one page of members').toBeGreaterThan(20);
    await page.getByRole('link', { name: /下一页/ }).click();
    await page.waitForURL((u) => u.searchParams.has('after'));
    await shows(firstPage, false);
    expect((await names()).length).toBe(Math.min(total - 20, 20));
    await page.getByRole('link', { name: /上一页/ }).click();
    await page.waitForURL((u) => u.searchParams.has('before'));
    await shows(firstPage, true);

    await page.getByLabel('阶段').selectOption('FULL');
    await page.getByRole('button', { name: '筛选' }).click();
    await page.waitForURL((u) => u.searchParams.get('stage') === 'FULL');
    const fullOnly = () => {
      const cells = [...document.querySelectorAll('[data-testid="members-table"] tbody tr td:nth-child(3)')].map((td) => td.textContent);
      return cells.length > 0 && cells.every((c) => c === '正式党员');
    };
    await page.waitForFunction(fullOnly);
    const filtered = Number(/\d+/.exec(await page.getByTestId('members-total').innerText())?.[0]);
    expect(filtered).toBeLessThan(total);

    await page.getByTestId('members-table').locator('tbody tr th a').first().click();
    await page.waitForURL((u) => /^\/members\/.+/.test(u.pathname));
    const states = await proofStates(page);
    expect(states.every((s) => s === 'verified')).toBe(true);

    await page.goto(`${stackInfo().webUrl}/pipeline`);
    expect(await page.getByTestId('board').locator('section').count()).toBe(5);
    await screenshot(page, 'secretary-pipeline');

    // An applicant whose nomination (step 3) the rules allow today: record it, and see the new
    // step record anchored and verified in the browser.
    const card = page.getByTestId('board-card').filter({ has: page.locator('li[data-kind="NOMINATION"][data-legal="true"]') }).first();
    const name = await card.locator('a').innerText();
    await card.locator('a').click();
    await page.waitForURL((u) => /^\/members\/.+/.test(u.pathname));
    await page.getByRole('heading', { level: 1, name }).waitFor();
    const stepsBefore = await page.getByTestId('steps').locator('li.step').count();
    await page.getByLabel('步骤', { exact: true }).selectOption('NOMINATION');
    await page.getByLabel('推荐方式').selectOption('PARTY_MEMBERS');
    await page.getByLabel('备注').fill('浏览器测试：支部委员会研究确定');
    const t0 = performance.now();
    await page.getByRole('button', { name: '记录', exact: true }).click();
    await page.getByTestId('step-recorded').waitFor();
    // The action's answer shows first; the page's data is reloaded right after.
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="steps"] li.step').length === n, stepsBefore + 1);
    const stepProof = () => page.locator('li.step[data-step="3"]').last().getByTestId('proof');
    // Anchored within seconds (indexer batch wait 200 ms plus a block): reload until then.
    let state = await stepProof().getAttribute('data-proof-state');
    for (let i = 0; i < 30 && state !== 'verified'; i++) {
      await page.waitForTimeout(1000);
      await page.reload();
      await page.waitForFunction(() => {
        const el = [...document.querySelectorAll('li.step[data-step="3"] [data-testid="proof"]')].pop();
        return el !== undefined && el.getAttribute('data-proof-state') !== 'waiting';
      });
      state = await stepProof().getAttribute('data-proof-state');
    }
    expect(state).toBe('verified');
    process.stderr.write(`[portal] step recorded → anchored and verified in the browser in ${Math.round(performance.now() - t0)} ms\n`);
    // The member record moved to the activist stage as a new version.
    expect(await page.getByTestId('profile').innerText()).toMatch(/积极分子/);
    await screenshot(page, 'secretary-step-recorded');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an administrator sees anchoring status and creates (secret shown once) and revokes an API key', async () => {
    const { page, context, errors } = await signedIn(browser(), 'ADMIN');
    expect(new URL(page.url()).pathname).toBe('/admin');
    expect(await page.getByTestId('indexer-status').getAttribute('data-status')).toBe('ok');
    expect(await page.getByTestId('indexer-status').innerText()).toBe('正常');
    await page.getByText('新建密钥').click();
    await page.getByLabel('名称').fill('浏览器测试合作方');
    await page.getByRole('button', { name: '创建' }).click();
    const secret = await page.getByTestId('key-secret').innerText();
    expect(secret).toMatch(/^ljk_/);
    await screenshot(page, 'admin-key-created');
    // The key works against the API, and is gone from the page after a reload.
    const me = await fetch(stackInfo().apiUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': secret },
      body: JSON.stringify({ query: '{ me { kind } }' }),
    });
    expect(((await me.json()) as { data: { me: { kind: string } } }).data.me.kind).toBe('partner');
    await page.reload();
    expect(await page.getByTestId('key-secret').count()).toBe(0);
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: '吊销 浏览器测试合作方' }).click();
    await page.getByText('已吊销“浏览器测试合作方”。').waitFor();
    const after = await fetch(stackInfo().apiUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': secret },
      body: JSON.stringify({ query: '{ me { kind } }' }),
    });
    expect(((await after.json()) as { errors?: Array<{ extensions: { code: string } }> }).errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a wrong TOTP code is refused with a message, and the form stays usable', async () => {
    const { page, context } = await newContext(browser());
    const who = account('LEADER');
    await page.goto(`${stackInfo().webUrl}/signin`);
    await page.getByLabel('用户名').fill(who.username);
    await page.getByLabel('密码').fill(who.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByLabel('6 位动态码').fill('000000');
    await page.getByRole('button', { name: '验证' }).click();
    await page.getByTestId('signin-error').waitFor();
    expect(new URL(page.url()).pathname).toBe('/signin');
    expect(await page.getByLabel('6 位动态码').isVisible()).toBe(true);
    await screenshot(page, 'signin-totp-refused');
    await context.close();
  });
});

describe('accessibility basics', () => {
  it('every form control has an accessible name, and pages declare their language', async () => {
    const { page, context } = await newContext(browser());
    const unnamed: string[] = [];
    const check = async (path: string) => {
      await page.goto(`${stackInfo().webUrl}${path}`);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
      const bad = await page.evaluate(() =>
        [...document.querySelectorAll('input:not([type=hidden]), select, textarea, button')]
          .filter((el) => {
            const e = el as HTMLInputElement;
            const named = (e.labels?.length ?? 0) > 0 || e.getAttribute('aria-label') || (el.tagName === 'BUTTON' && el.textContent?.trim());
            return !named;
          })
          .map((el) => el.outerHTML.slice(0, 80)),
      );
      unnamed.push(...bad.map((b) => `${path}: ${b}`));
    };
    await check('/verify');
    // Keyboard: the first Tab reaches the skip link, which moves focus to the main content.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到主要内容');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await check('/signin');
    await signIn(page, account('MEMBER'));
    await check('/me');
    expect(unnamed).toEqual([]);
    await context.close();
  });
});
