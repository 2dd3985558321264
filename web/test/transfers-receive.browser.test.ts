// Transfers between subtrees in Chromium against the real stack (issue #19 item 4, decision 015):
// the committee's organiser (the demo `approver`) finds the branch secretary's unit in the
// directory of the whole organisation and issues a letter into it for a member of another
// branch; the branch secretary sees it among the letters it receives, with the common level it
// goes through, and receives it (after that level countersigns it, when it crosses grassroots
// committees). Then a letter to an organisation outside the system is printed with its
// verification code and QR code, and the public verify page, opened from the QR code's address
// and with the code typed in, shows the letter valid with the member's name masked. And a letter
// from the secretary's branch to one under the other grassroots committee waits for the common
// level (the top committee: in the demo, the ADMIN's) to countersign it before it can be received;
// neither the branch nor its own committee's organiser may.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { account, browserForFile, go, newContext, screenshot, signIn, stackInfo } from './browser/harness.js';

const browser = browserForFile();
const tag = Date.now().toString(36).slice(-5);

function approver() {
  const a = stackInfo().accounts.find((x) => x.username === 'approver');
  if (!a) throw new Error('the demo seed made no approver account');
  return a;
}

/** The value of the last option of a select whose label passes `ok`. */
async function lastOption(page: Page, select: string, ok: (label: string) => boolean): Promise<string> {
  const options = await page.locator(`${select} option`).evaluateAll((els) => els.map((o) => ({ value: (o as HTMLOptionElement).value, label: o.textContent ?? '' })));
  const pick = options.filter((o) => o.value && ok(o.label)).at(-1);
  if (!pick) throw new Error(`no suitable option in ${select}: ${JSON.stringify(options.slice(0, 5))}`);
  return pick.value;
}

describe('transfers between subtrees', () => {
  it('the receiving branch secretary receives a letter issued from elsewhere in the organisation', async () => {
    const secretary = account('SECRETARY');
    const branch = secretary.scope;
    // The members of the secretary's own subtree (its issuing list), so that the letter comes from outside it.
    const receiver = await newContext(browser());
    receiver.page.on('dialog', (d) => void d.accept());
    await signIn(receiver.page, secretary);
    await go(receiver.page, '/transfers');
    const own = new Set(await receiver.page.locator('#tr-member option').evaluateAll((els) => els.map((o) => (o as HTMLOptionElement).value)));
    expect(own.size).toBeGreaterThan(1);

    const issuer = await newContext(browser());
    issuer.page.on('dialog', (d) => void d.accept());
    await signIn(issuer.page, approver());
    // The directory: the receiving branch found by name, anywhere in the organisation.
    await go(issuer.page, `/transfers?dest=${encodeURIComponent(branch)}`);
    const dest = await lastOption(issuer.page, '#tr-unit', (label) => label.includes(` / ${branch}（`) || label.startsWith(`${branch}（`));
    await issuer.page.locator('#tr-unit').selectOption(dest);
    const options = await issuer.page.locator('#tr-member option').evaluateAll((els) => els.map((o) => (o as HTMLOptionElement).value));
    const member = options.filter((v) => v && !own.has(v)).at(-1);
    if (!member) throw new Error('no member outside the secretary’s subtree in the approver’s list');
    await issuer.page.locator('#tr-member').selectOption(member);
    const letterNo = `KZT-${tag}`;
    await issuer.page.getByLabel('介绍信编号').fill(letterNo);
    await issuer.page.getByTestId('transfer-issue').click();
    await issuer.page.getByTestId('transfer-notice').waitFor();
    expect(await issuer.page.getByTestId('transfer-notice').innerText()).toContain(letterNo);
    const issuedRow = issuer.page.locator(`tr[data-letter="${letterNo}"]`);
    expect(await issuedRow.getByTestId('transfer-via').innerText()).toMatch(/^\s*经 /);
    const crosses = (await issuedRow.locator('[data-endorsed]').count()) > 0;

    // The receiving secretary: the letter is among those it receives, with whom to expect, and
    // it may receive it.
    await go(receiver.page, '/transfers?direction=INCOMING');
    const row = receiver.page.locator(`tr[data-letter="${letterNo}"]`);
    await row.waitFor();
    expect(await row.innerText()).toContain('已开具');
    // Cancelling is the issuing side's: the receiving side is not offered it.
    expect(await row.getByRole('button', { name: `撤销 ${letterNo}` }).count()).toBe(0);
    expect(await issuedRow.getByRole('button', { name: `撤销 ${letterNo}` }).count()).toBe(1);
    if (crosses) {
      // Between grassroots committees: refused until the common level countersigns, saying so.
      await go(receiver.page, '/transfers?direction=INCOMING');
      await receiver.page.locator(`tr[data-letter="${letterNo}"]`).getByRole('button', { name: `确认接收 ${letterNo}` }).click();
      await receiver.page.waitForFunction(() => document.querySelector('[data-testid="transfer-error"]')?.textContent?.includes('签署意见'));
      await go(issuer.page, '/transfers?direction=ENDORSE');
      await issuer.page.locator(`tr[data-letter="${letterNo}"]`).getByRole('button', { name: `签署意见 ${letterNo}` }).click();
      await issuer.page.getByTestId('transfer-notice').waitFor();
      expect(await issuer.page.locator(`tr[data-letter="${letterNo}"] [data-endorsed]`).getAttribute('data-endorsed')).toBe('true');
      await go(receiver.page, '/transfers?direction=INCOMING');
    }
    await screenshot(receiver.page, 'transfers-incoming');
    await receiver.page.locator(`tr[data-letter="${letterNo}"]`).getByRole('button', { name: `确认接收 ${letterNo}` }).click();
    await receiver.page.getByTestId('transfer-notice').waitFor();
    await receiver.page.waitForFunction((no) => document.querySelector(`tr[data-letter="${no}"] [data-status]`)?.getAttribute('data-status') === 'RECEIVED', letterNo);
    // The refusal before a countersignature answered 409 (logged by Chromium); nothing else failed.
    expect(receiver.errors.filter((e) => !e.includes('status of 409'))).toEqual([]);
    expect(issuer.errors).toEqual([]);
    await issuer.context.close();
    await receiver.context.close();
  });

  it('holds a letter between two grassroots committees until their common level countersigns it', async () => {
    const secretary = account('SECRETARY');
    const { page, context, errors } = await newContext(browser());
    page.on('dialog', (d) => void d.accept());
    await signIn(page, secretary);
    // The directory names the units above each branch: ours, and one under another grassroots committee.
    await go(page, '/transfers?dest=' + encodeURIComponent('支部'));
    const units = await page.locator('#tr-unit option').evaluateAll((els) => els.map((o) => ({ value: (o as HTMLOptionElement).value, path: (o.textContent ?? '').split('（')[0]!.split(' / ') })));
    const ours = units.find((u) => u.path.at(-1) === secretary.scope);
    if (!ours || ours.path.length < 3) throw new Error(`the secretary's branch is not under a grassroots committee: ${JSON.stringify(ours)}`);
    const other = units.find((u) => u.value && u.path.length >= 3 && u.path[1] !== ours.path[1]);
    if (!other) throw new Error(`the demo seed has no branch under a second grassroots committee: ${JSON.stringify(units.map((u) => u.path))}`);
    await page.locator('#tr-unit').selectOption(other.value);
    const members = await page.locator('#tr-member option').evaluateAll((els) => els.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    await page.locator('#tr-member').selectOption(members[Math.max(0, members.length - 3)]!);
    const letterNo = `KZC-${tag}`;
    await page.getByLabel('介绍信编号').fill(letterNo);
    await page.getByTestId('transfer-issue').click();
    await page.getByTestId('transfer-notice').waitFor();
    const issued = page.locator(`tr[data-letter="${letterNo}"]`);
    expect(await issued.getByTestId('transfer-via').innerText()).toContain(`经 ${ours.path[0]}`);
    expect(await issued.locator('[data-endorsed]').getAttribute('data-endorsed')).toBe('false');
    // Neither end countersigns: the branch is refused, naming the level.
    await issued.getByRole('button', { name: `签署意见 ${letterNo}` }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="transfer-error"]')?.textContent?.includes('共同的上级党组织'));

    // The issuing side's grassroots committee (the demo organiser) is not the common level either.
    const organiser = await newContext(browser());
    organiser.page.on('dialog', (d) => void d.accept());
    await signIn(organiser.page, approver());
    await go(organiser.page, '/transfers?direction=OUTGOING');
    await organiser.page.locator(`tr[data-letter="${letterNo}"]`).getByRole('button', { name: `签署意见 ${letterNo}` }).click();
    await organiser.page.waitForFunction(() => document.querySelector('[data-testid="transfer-error"]')?.textContent?.includes('共同的上级党组织'));

    // The common level is the top committee, whose account in the demo is the ADMIN: the letter waits on it.
    const top = await newContext(browser());
    top.page.on('dialog', (d) => void d.accept());
    await signIn(top.page, account('ADMIN'));
    await go(top.page, '/transfers?direction=ENDORSE');
    const waiting = top.page.locator(`tr[data-letter="${letterNo}"]`);
    await waiting.waitFor();
    // Received before the countersignature: refused, saying what is missing.
    await waiting.getByRole('button', { name: `确认接收 ${letterNo}` }).click();
    await top.page.waitForFunction(() => document.querySelector('[data-testid="transfer-error"]')?.textContent?.includes('签署意见'));
    await go(top.page, '/transfers?direction=ENDORSE');
    await top.page.locator(`tr[data-letter="${letterNo}"]`).getByRole('button', { name: `签署意见 ${letterNo}` }).click();
    await top.page.getByTestId('transfer-notice').waitFor();
    await go(top.page, '/transfers?direction=INCOMING');
    const row = top.page.locator(`tr[data-letter="${letterNo}"]`);
    expect(await row.locator('[data-endorsed]').getAttribute('data-endorsed')).toBe('true');
    await screenshot(top.page, 'transfers-endorsed');
    await row.getByRole('button', { name: `确认接收 ${letterNo}` }).click();
    await top.page.waitForFunction((no) => document.querySelector(`tr[data-letter="${no}"] [data-status]`)?.getAttribute('data-status') === 'RECEIVED', letterNo);
    // The refused countersignatures answered 403, the early receipt 409 (logged by Chromium); nothing else failed.
    expect(errors.filter((e) => !e.includes('status of 403'))).toEqual([]);
    expect(organiser.errors.filter((e) => !e.includes('status of 403'))).toEqual([]);
    expect(top.errors.filter((e) => !e.includes('status of 409'))).toEqual([]);
    await top.context.close();
    await organiser.context.close();
    await context.close();
  });

  it('prints an outside letter with a verification code and QR code that the public verify page accepts', async () => {
    const { page, context, errors } = await newContext(browser());
    await signIn(page, account('SECRETARY'));
    await go(page, '/transfers');
    await page.getByText('开具介绍信', { exact: true }).click();
    // A member other than the first (another test issues for the first).
    const options = await page.locator('#tr-member option').evaluateAll((els) => els.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    await page.locator('#tr-member').selectOption(options[Math.max(0, options.length - 2)]!);
    const letterNo = `KZW-${tag}`;
    await page.getByLabel('介绍信编号').fill(letterNo);
    await page.getByLabel('或转入系统外组织').fill('某省某公司党委');
    await page.getByLabel('系统外组织所在省份').fill('河北');
    await page.getByTestId('transfer-issue').click();
    await page.getByTestId('transfer-notice').waitFor();
    await page.locator(`tr[data-letter="${letterNo}"]`).getByTestId('transfer-print').click();
    await page.waitForURL((u) => u.pathname.endsWith('/letter'));
    const sheet = page.getByTestId('transfer-letter');
    await sheet.waitFor();
    expect(await sheet.innerText()).toContain(letterNo);
    const code = (await page.getByTestId('letter-code').innerText()).trim();
    expect(code).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/);
    const qr = new URL((await page.getByTestId('qr').getAttribute('data-qr-text'))!);
    expect(qr.pathname).toBe('/verify');
    expect(qr.searchParams.get('code')).toBe(code);
    await screenshot(page, 'transfers-letter-print');

    // The receiving side, not signed in: the QR code's address…
    const outside = await newContext(browser());
    await outside.page.goto(`${stackInfo().webUrl}${qr.pathname}${qr.search}`);
    const result = outside.page.getByTestId('letter-check-result');
    await result.waitFor();
    expect(await result.getAttribute('data-found')).toBe('true');
    expect(await result.getAttribute('data-status')).toBe('ISSUED');
    expect(await outside.page.getByTestId('letter-member').innerText()).toMatch(/^\S\*+$/);
    expect(await outside.page.getByTestId('letter-valid-until').innerText()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await result.innerText()).not.toContain(letterNo);
    // The record's proof is checked here in the browser (verified, or still waiting for its batch).
    await outside.page.waitForFunction(() => (document.querySelector('[data-testid="letter-check-result"] [data-testid="proof"]')?.getAttribute('data-proof-state') ?? 'waiting') !== 'waiting', undefined, { timeout: 60_000 });
    expect(['failed', 'error']).not.toContain(await result.getByTestId('proof').getAttribute('data-proof-state'));
    await screenshot(outside.page, 'transfers-letter-verified');
    // …and the code typed in; a wrong code finds nothing.
    await outside.page.goto(`${stackInfo().webUrl}/verify`);
    await outside.page.locator('#letter-code').fill(code.toLowerCase());
    await outside.page.getByTestId('letter-check-submit').click();
    await outside.page.waitForFunction(() => document.querySelector('[data-testid="letter-check-result"]')?.getAttribute('data-found') === 'true');
    await outside.page.locator('#letter-code').fill('AAAA-AAAA-AAAA-AAAA');
    await outside.page.getByTestId('letter-check-submit').click();
    await outside.page.waitForFunction(() => document.querySelector('[data-testid="letter-check-result"]')?.getAttribute('data-found') === 'false');
    expect(errors).toEqual([]);
    expect(outside.errors).toEqual([]);
    await outside.context.close();
    await context.close();
  });
});
