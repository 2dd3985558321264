// GraphiQL at the API's /graphql, in Chromium against the real stack: the editor loads with its
// Monaco workers, runs queries (anonymous, then with a session token in the headers editor) and
// reads the schema, and the browser requests nothing from any origin but the API's own.
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { account, browserForFile, graphql, newContext, screenshot, stackInfo } from './browser/harness.js';

const browser = browserForFile();
// The editor tools hold the variables and the headers editors; the hidden one is the other tab.
const HEADERS = '.graphiql-editor-tool .graphiql-editor:not(.hidden)';

/** Every request the context makes — the page's and its workers'. */
function recordRequests(context: BrowserContext): string[] {
  const urls: string[] = [];
  context.on('request', (r) => urls.push(r.url()));
  return urls;
}

async function openGraphiql(page: Page): Promise<void> {
  const res = await page.goto(stackInfo().apiUrl);
  expect(res?.status()).toBe(200);
  await page.locator('.graphiql-container .graphiql-query-editor .monaco-editor').waitFor({ timeout: 60_000 });
}

/** Replaces the text of a Monaco editor the way a person does: select all, then type over it. */
async function setEditor(page: Page, editor: string, text: string): Promise<void> {
  await page.locator(`${editor} .monaco-editor .view-lines`).click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  // insertText arrives as one input, so Monaco does not add closing brackets or quotes.
  await page.keyboard.insertText(text);
  await expect.poll(() => editorText(page, editor)).toBe(text.replace(/\s+/g, ' ').trim());
}

async function editorText(page: Page, editor: string): Promise<string> {
  // Monaco renders spaces as non-breaking spaces and each line as its own element.
  const lines = await page.locator(`${editor} .monaco-editor .view-line`).allInnerTexts();
  return lines.join(' ').replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();
}

async function run(page: Page): Promise<string> {
  await page.locator('.graphiql-execute-button').click();
  let text = '';
  await expect
    .poll(async () => (text = await editorText(page, '.graphiql-response')), { timeout: 30_000 })
    .toMatch(/^\{.*\}$/);
  return text;
}

describe('GraphiQL at /graphql', () => {
  it('loads the real GraphiQL from the API alone, runs queries with and without a token, and shows the schema', async () => {
    const { page, context, errors } = await newContext(browser());
    const requests = recordRequests(context);
    await openGraphiql(page);
    expect(await page.title()).toBe('链建 Lianjian GraphQL · GraphiQL 调试台 / Explorer');
    expect(await page.locator('.graphiql-logo').innerText()).toBe('链建 Lianjian GraphiQL');

    // The headers editor starts open with the example for a token or an API key.
    await expect.poll(() => editorText(page, HEADERS)).toContain('"Authorization": "Bearer ljs_…"');

    await setEditor(page, '.graphiql-query-editor', '{ __typename }');
    expect(await run(page)).toMatch(/"data": \{ "__typename": "Query" \}/);

    // A session token in the headers editor reaches the API as a real Authorization header.
    const who = account('MEMBER');
    const signed = await graphql<{ signIn: { token?: string } }>(
      'mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { ... on SignedIn { token } } }',
      { u: who.username, p: who.password },
    );
    expect(signed.signIn.token).toMatch(/^ljs_/);
    await setEditor(page, HEADERS, `{ "Authorization": "Bearer ${signed.signIn.token}" }`);
    await setEditor(page, '.graphiql-query-editor', '{ me { account { username } } }');
    expect(await run(page)).toContain(`"username": "${who.username}"`);

    // Introspection fed the documentation explorer.
    await page.getByRole('button', { name: /Show Documentation Explorer/ }).click();
    await page.locator('.graphiql-doc-explorer').getByText('Query', { exact: true }).first().waitFor();
    await screenshot(page, 'graphiql');

    // Monaco's workers came from /graphql/assets/ (one per language the editors use).
    const workerUrls = page.workers().map((w) => new URL(w.url()).pathname);
    expect(workerUrls.some((u) => /^\/graphql\/assets\/graphql\.worker-[A-Z0-9]+\.js$/.test(u))).toBe(true);

    const api = new URL(stackInfo().apiUrl);
    const foreign = requests.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== api.origin);
    expect(foreign).toEqual([]);
    expect(requests.filter((u) => u.includes('/graphql/assets/')).length).toBeGreaterThanOrEqual(3);
    // CSP violations and failed loads show up as console errors.
    expect(errors).toEqual([]);
    await context.close();
  });
});
