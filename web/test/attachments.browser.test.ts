// Attachments (#22 item 5) in Chromium against the real stack: the branch secretary's SVG is
// refused beside the file field; they publish a notice with a photo of the minutes attached; a
// member opens it, sees its thumbnail, and the page downloads the file, hashes it with Web Crypto
// and finds the SHA-256 the verified record holds (已核验) — and the download hands over those same
// bytes. Then the stored file's bytes are changed on the API's disk: the member's page now shows
// 校验失败 and offers no download.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { fileKey, LocalFileStore } from '../../api/src/modules/attachments/store.js';
import { browserForFile, go, proofStates, screenshot, signedIn, stackInfo } from './browser/harness.js';

const browser = browserForFile();
const stamp = Date.now().toString(36).slice(-5);
const title = `关于报送支部委员会会议纪要的通知 ${stamp}`;
let noticeUrl = '';
let photo: Buffer;
let photoSha = '';
// The API of the test stack keeps files in the stack's own directory (LIANJIAN_FILES_DIR).
const stored = () => new LocalFileStore(stackInfo().filesDir).pathOf(fileKey(photoSha));
let original: Buffer | null = null;

afterAll(() => {
  // The changed file is put back: the store is shared with later runs.
  if (original) writeFileSync(stored(), original);
});

describe('attachments', () => {
  it('the secretary attaches a photo of the minutes to a notice', async () => {
    // Unique bytes each run, so that this run's file is its own object in the content-addressed store.
    const seed = parseInt(stamp, 36);
    photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: { r: seed % 256, g: (seed >> 8) % 256, b: (seed >> 16) % 256 } } }).png().toBuffer();
    photoSha = createHash('sha256').update(photo).digest('hex');
    const { page, context, errors } = await signedIn(browser(), 'SECRETARY');
    await go(page, '/notices/published');
    await page.locator('#new-notice > summary').click();
    await page.locator('#notice-title').fill(title);
    await page.locator('#notice-body').fill('请各支部于本周五前报送支部委员会会议纪要，纪要照片见附件。');
    await page.locator('#notice-audience').selectOption('SUBTREE');
    // An SVG (even one calling itself a PNG) is refused beside the field, in words a person can act on.
    await page.locator('#notice-files').setInputFiles({ name: '徽标.png', mimeType: 'image/png', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') });
    await page.getByTestId('notice-publish').click();
    const refusal = page.getByTestId('field-error-files');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('徽标.png：SVG、HTML 等标记文件可能携带脚本，不能作为附件');
    expect(new URL(page.url()).pathname).toBe('/notices/published');
    await page.locator('#notice-files').setInputFiles({ name: '支委会纪要.png', mimeType: 'image/png', buffer: photo });
    await page.getByTestId('notice-publish').click();
    await page.waitForURL((u) => /^\/notices\/[0-9a-f-]{36}$/.test(u.pathname));
    noticeUrl = new URL(page.url()).pathname;
    const item = page.getByTestId('attachment');
    expect(await item.getAttribute('data-sha256')).toBe(photoSha);
    expect(await item.innerText()).toContain('支委会纪要.png');
    // The refused post's answer (a 4xx the form shows) is the only error the console saw.
    expect(errors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
    await context.close();
  });

  it('a member opens it: the thumbnail shows, the downloaded file’s SHA-256 matches the verified record, and the download is those bytes', async () => {
    const { page, context, errors } = await signedIn(browser(), 'MEMBER');
    await go(page, noticeUrl);
    // The notice's proof covers the attachment list (its fields include it).
    expect(await proofStates(page)).toContain('verified');
    const item = page.getByTestId('attachment');
    await page.locator('[data-testid="attachment"][data-check="verified"]').waitFor({ timeout: 30_000 });
    expect(await item.getByTestId('attachment-check').innerText()).toBe('已核验');
    expect(await page.getByTestId('attachments').innerText()).toContain('与已验证的记录比对');
    const thumb = item.locator('img.attachment-thumb');
    await page.waitForFunction(() => ((document.querySelector('img.attachment-thumb') as HTMLImageElement | null)?.naturalWidth ?? 0) > 0);
    expect(await thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await screenshot(page, 'attachment-verified');
    const [download] = await Promise.all([page.waitForEvent('download'), item.getByTestId('attachment-download').click()]);
    expect(download.suggestedFilename()).toBe('支委会纪要.png');
    expect(createHash('sha256').update(readFileSync((await download.path())!)).digest('hex')).toBe(photoSha);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('after the stored bytes change on disk, the member’s page shows 校验失败 and offers no download', async () => {
    original = readFileSync(stored());
    expect(createHash('sha256').update(original).digest('hex')).toBe(photoSha);
    const changed = Buffer.from(original);
    const at = changed.length - 20;
    changed[at] = changed[at]! ^ 0xff;
    writeFileSync(stored(), changed);
    const { page, context, errors } = await signedIn(browser(), 'MEMBER');
    await go(page, noticeUrl);
    await page.locator('[data-testid="attachment"][data-check="failed"]').waitFor({ timeout: 30_000 });
    const item = page.getByTestId('attachment');
    expect(await item.getByTestId('attachment-check').innerText()).toBe('校验失败');
    expect(await item.innerText()).toContain('不一致');
    expect(await item.getByTestId('attachment-download').count()).toBe(0);
    // The record itself still verifies: what changed is the file, and the page says which.
    expect(await proofStates(page)).toContain('verified');
    await screenshot(page, 'attachment-check-failed');
    expect(errors).toEqual([]);
    await context.close();
  });
});
