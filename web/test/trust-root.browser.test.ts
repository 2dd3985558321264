// The root of trust in the browser (issue #20), on real chain nodes and real web servers:
// - the stack's web server was given its chain's root at deploy time: the verify page says whose
//   root it uses, verifies a record from it and says which levels signed; so does the member's
//   proof panel;
// - a forged chain started here with the same chain id and its own validator (as
//   verify/test/trust-root.int.test.ts forges one): a second web server, whose /chain-rpc proxy
//   leads to the forged node, refuses its anchors with a plain reason while its root is ours, and
//   accepts them once its root is the forged chain's own (the server reads the file anew);
// - a published analytics snapshot pasted into /verify is checked from the same root: refused with
//   the same reason on the forged chain, signed by the forged chain's level once that is the root;
// - a web server without a root says the chain check trusted the node, and its other pages do not
//   ask for /trust-root.json (no 404 in the console); one whose root cannot be read does not fall
//   back to trusting the node.
import { freePort } from '@lianjian/db/postgres';
import {
  createBundle,
  leafHash,
  makeDocument,
  buildTree,
  inclusionPath,
  treeRoot,
  parseTrustRoot,
  computeSnapshotFiguresFromRecords,
  toHex,
  type ProofBundle,
  type RecordDocument,
  type TrustRoot,
} from '@lianjian/verify';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChainCommitter } from '../../indexer/src/chain/index.js';
import { pickChainPorts, startChainNode, type ChainNode } from '../../scripts/lib/chain-node.js';
import type { RunningService } from '../../scripts/lib/process.js';
import { account, anchoredMemberBundle, launchBrowser, newContext, openFirstProof, screenshot, signedIn, signIn, stackInfo } from './browser/harness.js';
import { startWebServer } from './stack.js';

const ZERO = new Uint8Array(32);

let browser: Browser;
let dir: string;
let forged: ChainNode;
let forgedRoot: TrustRoot;
let ourRootText: string;
let memberBundle: Record<string, unknown>;
/** Two records of the forged chain, in two batches (the second measures a warm light client). */
let forgedBundles: ProofBundle[];
/** A composition snapshot of three members published on the forged chain, as /verify takes the file. */
let forgedSnapshot: Record<string, unknown>;
/** A web server verifying through its /chain-rpc proxy against the forged node; its root file is `siteRootFile`. */
let forgedSite: { url: string; server: RunningService };
/** The same, with no root of trust configured. */
let bareSite: { url: string; server: RunningService };
let siteRootFile: string;

function log(line: string) {
  process.stderr.write(`[trust-root browser] ${line}\n`);
}

/** Commits one batch of documents on the forged chain; returns their bundles and the batch root. */
async function commitOnForged(committer: ChainCommitter, seq: number, prevRoot: Uint8Array, docs: RecordDocument[]): Promise<{ bundles: ProofBundle[]; root: Uint8Array }> {
  const layers = buildTree(docs.map((d) => leafHash(d)));
  const root = treeRoot(layers);
  const r = await committer.commitBatch({ seq, root, size: docs.length, prevRoot });
  const anchor = { chainId: r.chainId, height: r.height, txHash: r.txHash, time: r.time };
  return { bundles: docs.map((document, index) => createBundle({ document, index, batch: { seq, size: docs.length, root, prevRoot }, path: inclusionPath(layers, index), anchor })), root };
}

/**
 * Commits batches of fresh records on the forged chain (one record's bundle per batch kept), then
 * a batch with three members and a composition snapshot of them (the snapshot file kept).
 */
async function anchorOnForged(committer: ChainCommitter, batches: number): Promise<{ bundles: ProofBundle[]; snapshot: Record<string, unknown> }> {
  const out: ProofBundle[] = [];
  let prevRoot: Uint8Array = ZERO;
  const at = new Date().toISOString();
  for (let seq = 1; seq <= batches; seq++) {
    const docs = Array.from({ length: 3 }, (_, i) =>
      makeDocument({ type: 'Member', id: `forged-${randomBytes(4).toString('hex')}`, version: 1, org: 'unit-1', at, actor: 'system', data: { name: `伪造 ${i}` } }),
    );
    const { bundles, root } = await commitOnForged(committer, seq, prevRoot, docs);
    out.push(bundles[1]!);
    prevRoot = root;
  }
  const member = (stage: string, gender: string, birthDate: string) => ({ stage, status: 'ACTIVE', gender, education: 'BACHELOR', birthDate, appliedOn: null, activistSince: null, candidateSince: null, probationarySince: null, fullMemberSince: null });
  const members = [member('FULL', 'MALE', '1980-03-01'), member('ACTIVIST', 'FEMALE', '2000-07-15'), member('FULL', 'FEMALE', '1965-11-30')]
    .map((data, i) => makeDocument({ type: 'Member', id: `forged-member-${i}`, version: 1, org: 'unit-1', at, actor: 'system', data: { ...data, name: `伪造党员 ${i}` } }));
  const params = { asOf: at.slice(0, 10) };
  const snapshotDoc = makeDocument({
    type: 'AnalyticsSnapshot',
    id: `forged-snapshot-${randomBytes(4).toString('hex')}`,
    version: 1,
    org: 'unit-1',
    at,
    actor: 'system',
    data: {
      metric: 'composition',
      title: '伪造链快照',
      params,
      figures: computeSnapshotFiguresFromRecords('composition', params, members.map((d) => ({ type: d.type, id: d.id, data: d.data as Record<string, unknown> }))),
      inputRoot: toHex(treeRoot(buildTree(members.map((d) => leafHash(d))))),
      inputCount: members.length,
      asOfPosition: null,
      publishedAt: at,
      publishedById: null,
    },
  });
  const { bundles } = await commitOnForged(committer, batches + 1, prevRoot, [...members, snapshotDoc]);
  const snapshot = {
    format: 'lianjian.analytics-snapshot/v1',
    snapshot: bundles[members.length],
    inputs: members.map((d, i) => ({ ordinal: i, entityType: d.type, entityId: d.id, entityVersion: d.version, leaf: toHex(leafHash(d)), bundle: bundles[i] })),
  };
  return { bundles: out, snapshot };
}

/**
 * A single-validator chain of its own (localnet.sh; chain id lianjian-local like the stack's).
 * Free ports are picked before the node binds them, so on a shared machine another process may
 * take one first: then start again on other ports, in a fresh home.
 */
async function startForgedChain(): Promise<ChainNode> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startChainNode({ home: path.join(dir, `forged-${attempt}`), ports: await pickChainPorts(), logFile: path.join(dir, `forged-chain-${attempt}.log`) });
    } catch (error) {
      if (attempt >= 3 || !/address already in use/.test(String(error))) throw error;
      log(`forged chain attempt ${attempt}: a port was taken meanwhile; trying other ports`);
    }
  }
}

async function webServer(name: string, trustRootFile?: string): Promise<{ url: string; server: RunningService }> {
  const port = await freePort();
  const server = await startWebServer({
    port,
    apiUrl: stackInfo().apiUrl,
    rpcUrl: forged.rpcUrl,
    // Through this server's proxy: the light client's commit and validators calls pass it.
    rpcPublic: '/chain-rpc',
    indexerUrl: stackInfo().indexerUrl,
    logFile: path.join(dir, `${name}.log`),
    ...(trustRootFile ? { trustRootFile } : {}),
  });
  return { url: `http://127.0.0.1:${port}`, server };
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'lianjian-trust-web-'));
  chmodSync(dir, 0o755);
  const t = performance.now();
  let chainMs = 0;
  [browser, memberBundle, forged, ourRootText] = await Promise.all([
    launchBrowser(),
    anchoredMemberBundle(),
    (async () => {
      const node = await startForgedChain();
      chainMs = performance.now() - t;
      return node;
    })(),
    fetch(`${stackInfo().webUrl}/trust-root.json`).then((r) => {
      if (!r.ok) throw new Error(`the stack's web server serves no root of trust (HTTP ${r.status})`);
      return r.text();
    }),
  ]);
  // The forged chain's own root, with the organisation and level named so the page shows whose it is.
  const own = parseTrustRoot(readFileSync(forged.trustRootFile, 'utf8'));
  forgedRoot = { ...own, organisation: '伪造链组织 forged organisation', validators: own.validators.map((v) => ({ ...v, name: '伪造层级 forged level' })) };
  siteRootFile = path.join(dir, 'site-trust-root.json');
  writeFileSync(siteRootFile, ourRootText);
  const committer = await ChainCommitter.create({ rpcUrl: forged.rpcUrl, mnemonic: forged.submitterMnemonics()[0]!, chainId: 'lianjian-local', rebroadcastIntervalMs: 600_000 });
  let anchored: Awaited<ReturnType<typeof anchorOnForged>>;
  [anchored, forgedSite, bareSite] = await Promise.all([anchorOnForged(committer, 2), webServer('web-forged', siteRootFile), webServer('web-bare')]);
  ({ bundles: forgedBundles, snapshot: forgedSnapshot } = anchored);
  log(`set up in ${Math.round(performance.now() - t)} ms (forged chain ready in ${Math.round(chainMs)} ms)`);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await forgedSite?.server.stop();
  await bareSite?.server.stop();
  await forged?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function openVerify(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/verify`);
  await page.locator('form[data-ready="true"]').waitFor();
}

/** Pastes a bundle, runs the check, returns the outcome state and how long it took. */
async function verifyPasted(page: Page, bundle: unknown): Promise<{ state: string; ms: number }> {
  await page.getByLabel(/或粘贴证明内容|Or paste the proof/).fill(JSON.stringify(bundle));
  const t = performance.now();
  await page.getByRole('button', { name: /^(验证|Verify)$/ }).click();
  await page.getByTestId('verify-result').locator('[data-testid="verify-verdict"]').waitFor({ timeout: 60_000 });
  const ms = Math.round(performance.now() - t);
  return { state: (await page.getByTestId('verify-result').getAttribute('data-state')) ?? '', ms };
}

async function useLocale(page: Page, base: string, locale: 'zh-CN' | 'en'): Promise<void> {
  const res = await page.request.post(`${base}/locale`, { form: { lang: locale, redirectTo: '/verify' }, maxRedirects: 0 });
  expect(res.status()).toBeLessThan(400);
}

describe('the root of trust built into the web app', () => {
  it('the forged chain has our chain id and another validator', () => {
    const ours = parseTrustRoot(ourRootText);
    expect(forgedRoot.chainId).toBe(ours.chainId);
    expect(forgedRoot.validators[0]!.address).not.toBe(ours.validators[0]!.address);
  });

  it('/trust-root.json serves the root the server was given; the proxy forwards the light client’s calls and no others', async () => {
    const res = await fetch(`${stackInfo().webUrl}/trust-root.json`);
    expect(res.headers.get('content-type')).toMatch(/^application\/vnd\.lianjian\.trust-root\+json/);
    expect(parseTrustRoot(await res.text())).toMatchObject({ chainId: 'lianjian-local', height: 1, organisation: 'Lianjian local stack 链建本地' });
    expect((await fetch(`${bareSite.url}/trust-root.json`)).status).toBe(404);
    const call = (method: string, params: Record<string, unknown>) =>
      fetch(`${forgedSite.url}/chain-rpc`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }) });
    const commit = (await (await call('commit', { height: '1' })).json()) as { result: { signed_header: { header: { chain_id: string } } } };
    expect(commit.result.signed_header.header.chain_id).toBe('lianjian-local');
    const validators = (await (await call('validators', { height: '1', page: '1', per_page: '100' })).json()) as { result: { validators: unknown[]; total: string } };
    expect(validators.result.total).toBe('1');
    expect((await call('genesis', {})).status).toBe(403);
    expect((await call('validators', { height: '1', per_page: '1000' })).status).toBe(400);
  });

  it('the verify page says whose root it uses, verifies a record from it and says which levels signed', async () => {
    const { page, context, errors } = await newContext(browser);
    await openVerify(page, stackInfo().webUrl);
    const note = page.getByTestId('site-root');
    expect(await note.getAttribute('data-mode')).toBe('root');
    expect(await note.innerText()).toContain('本页从“Lianjian local stack 链建本地”发布的信任根出发验证链上区块。');
    expect(await note.innerText()).toMatch(/链标识：lianjian-local/);
    expect(await note.innerText()).toMatch(/区块高度 1 时的 1 个层级的验证者：中心 centre/);
    const cold = await verifyPasted(page, memberBundle);
    expect(cold.state).toBe('verified');
    const signers = page.getByTestId('trust-signers');
    expect(await signers.getAttribute('data-signed')).toBe('1');
    expect(await signers.getAttribute('data-total')).toBe('1');
    expect(await signers.innerText()).toMatch(/^由 1 个层级中的 1 个签署（锚定区块高度 \d+）：中心 centre$/);
    log(`stack: the member's record verified from the root of trust in ${cold.ms} ms (cold page)`);
    await screenshot(page, 'trust-root-verify-signed');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('refuses the forged chain’s anchors in the browser, with the reason in plain words', async () => {
    const { page, context, errors } = await newContext(browser);
    await openVerify(page, forgedSite.url);
    expect(await page.getByTestId('site-root').innerText()).toContain('Lianjian local stack 链建本地');
    const r = await verifyPasted(page, forgedBundles[0]);
    expect(r.state).toBe('failed');
    expect(await page.getByTestId('verify-verdict').innerText()).toBe('验证未通过');
    const refusal = page.getByTestId('trust-refusal');
    expect(await refusal.getAttribute('data-code')).toBe('fork');
    expect(await refusal.innerText()).toBe('信任根拒绝了节点提供的链：节点提供的链与信任根的链标识相同，但验证者或历史不同：这是分叉或伪造的链，其上的记录不可信。');
    // The refusal is not the "batch differs" sentence, and no code or English shows outside the folded detail.
    expect(await page.getByTestId('plain-reason-chain').count()).toBe(0);
    expect(await page.locator('li[data-check="chain"]').getAttribute('data-state')).toBe('fail');
    expect(await page.getByTestId('reason-chain').isVisible()).toBe(false);
    await screenshot(page, 'trust-root-forged-refused');
    log(`forged chain refused with our root in ${r.ms} ms`);

    // A snapshot published on the forged chain: refused by the same root, for the same reason, not "changed".
    expect((await verifyPasted(page, forgedSnapshot)).state).toBe('failed');
    expect(await page.getByTestId('trust-refusal').getAttribute('data-code')).toBe('fork');
    expect(await page.getByTestId('trust-refusal').innerText()).toBe('信任根拒绝了节点提供的链：节点提供的链与信任根的链标识相同，但验证者或历史不同：这是分叉或伪造的链，其上的记录不可信。');
    expect(await page.getByTestId('snapshot-plain-snapshot').getAttribute('data-refused')).toBe('fork');
    expect(await page.getByTestId('snapshot-plain-input').getAttribute('data-refused')).toBe('fork');
    expect(await page.getByTestId('trust-node').count()).toBe(0);

    await useLocale(page, forgedSite.url, 'en');
    await openVerify(page, forgedSite.url);
    expect(await page.getByTestId('site-root').innerText()).toContain('This page verifies chain blocks from the root of trust published by “Lianjian local stack 链建本地”.');
    expect((await verifyPasted(page, forgedBundles[0])).state).toBe('failed');
    expect(await page.getByTestId('trust-refusal').innerText()).toBe(
      'The root of trust refused the chain the node serves: the node serves a chain with the root’s chain ID but other validators or another history: a fork or a forged chain, whose records cannot be trusted.',
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it('accepts them once the web server’s root is the forged chain’s own, naming its level', async () => {
    writeFileSync(siteRootFile, `${JSON.stringify(forgedRoot, null, 2)}\n`);
    const { page, context, errors } = await newContext(browser);
    await openVerify(page, forgedSite.url);
    expect(await page.getByTestId('site-root').innerText()).toContain('伪造链组织 forged organisation');
    const cold = await verifyPasted(page, forgedBundles[0]);
    expect(cold.state).toBe('verified');
    expect(await page.getByTestId('trust-refusal').count()).toBe(0);
    expect(await page.getByTestId('trust-signers').innerText()).toMatch(/^由 1 个层级中的 1 个签署（锚定区块高度 \d+）：伪造层级 forged level$/);
    // A record of another batch on the same page: the root's block is not fetched or checked again.
    const warm = await verifyPasted(page, forgedBundles[1]);
    expect(warm.state).toBe('verified');
    log(`forged chain accepted with its own root (through /chain-rpc): first record ${cold.ms} ms (cold), a record of another batch ${warm.ms} ms (warm)`);
    await screenshot(page, 'trust-root-forged-own-root');
    // A published snapshot checked on this page: from the same root, naming who signed its block.
    const snap = await verifyPasted(page, forgedSnapshot);
    expect(snap.state).toBe('verified');
    expect(await page.getByTestId('trust-signers').innerText()).toMatch(/^由 1 个层级中的 1 个签署（锚定区块高度 \d+）：伪造层级 forged level$/);
    expect(await page.getByTestId('trust-node').count()).toBe(0);
    log(`a snapshot of 3 inputs verified from the forged chain's root in ${snap.ms} ms`);
    await screenshot(page, 'trust-root-snapshot-signed');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a root that cannot be read stops the chain check instead of trusting the node', async () => {
    writeFileSync(siteRootFile, '{"v": 1, "validators": []}');
    const { page, context } = await newContext(browser);
    await openVerify(page, forgedSite.url);
    expect(await page.getByTestId('site-root').getAttribute('data-mode')).toBe('broken');
    expect(await page.getByTestId('site-root').innerText()).toBe('本站配置的信任根无法读取，链上检查暂不运行。请联系网站管理员。');
    expect((await verifyPasted(page, forgedBundles[0])).state).toBe('undecided');
    expect(await page.getByTestId('trust-broken').isVisible()).toBe(true);
    await context.close();
    writeFileSync(siteRootFile, ourRootText);
  });

  it('without a root the page says plainly that the chain check trusted the node', async () => {
    const { page, context, errors } = await newContext(browser);
    await openVerify(page, bareSite.url);
    expect(await page.getByTestId('site-root').getAttribute('data-mode')).toBe('node');
    expect(await page.getByTestId('site-root').innerText()).toBe('本站没有配置信任根：链上检查信任所连接节点提供的验证者集合，无法识别伪造的链。');
    // The forged chain's record passes here: nothing tells this page the node's validators are not the organisation's.
    expect((await verifyPasted(page, forgedBundles[0])).state).toBe('verified');
    expect(await page.getByTestId('trust-node').innerText()).toBe('未使用信任根：链上检查信任了所连接节点提供的验证者集合。');
    expect(await page.getByTestId('trust-signers').count()).toBe(0);
    // So does a snapshot's check.
    expect((await verifyPasted(page, forgedSnapshot)).state).toBe('verified');
    expect(await page.getByTestId('trust-node').innerText()).toBe('未使用信任根：链上检查信任了所连接节点提供的验证者集合。');
    expect(await page.getByTestId('trust-signers').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('without a root, a page with proof panels does not ask for /trust-root.json and logs no console error', async () => {
    const { page, context, errors } = await newContext(browser);
    const asked: string[] = [];
    page.on('request', (r) => {
      // The stack's own pages (signing in) have a root and fetch it; the bare server's must not ask.
      if (r.url().startsWith(`${bareSite.url}/`) && new URL(r.url()).pathname === '/trust-root.json') asked.push(r.url());
    });
    // Signed in on the stack's web server; the bare server shares its session secret, so the cookie serves both.
    await signIn(page, account('MEMBER'));
    await page.goto(`${bareSite.url}${new URL(page.url()).pathname}`);
    expect(await page.locator('meta[name="lianjian-trust-root"]').getAttribute('content')).toBe('node');
    // The panel's chain check ran (the bare server's node is the forged chain, so it does not pass) and came to an end.
    await page.waitForFunction(() => ['verified', 'failed', 'undecided', 'retrying'].includes(document.querySelector('[data-testid="proof"]')?.getAttribute('data-proof-state') ?? ''), undefined, {
      timeout: 60_000,
    });
    expect(errors).toEqual([]);
    expect(asked).toEqual([]);
    await context.close();
  });

  it('the member’s proof panel says which levels signed, by the root’s names', async () => {
    const { page, context, errors } = await signedIn(browser, 'MEMBER');
    const proof = await openFirstProof(page);
    const signers = proof.getByTestId('trust-signers');
    expect(await signers.isVisible()).toBe(true);
    expect(await signers.innerText()).toMatch(/^由 1 个层级中的 1 个签署（锚定区块高度 \d+）：中心 centre$/);
    await screenshot(page, 'trust-root-member-panel');
    expect(errors).toEqual([]);
    await context.close();
  });
});
