// A notice and a member's confirmation on the real stack (chain node, database, indexer, HTTP
// server): the secretary publishes to the branch, the member confirms, both records are anchored,
// and the bundles the API serves are accepted online by the lianjian-verify command line.
import { describe, expect, it } from 'vitest';
import { untilAnchored, verifyWithCli, type ProofView } from './e2e-stack.js';
import { ok } from './harness.js';
import { e2eSuite } from './suite.js';

const { s, as: { secretary, member } } = e2eSuite({ totp: ['secretary'], sessions: ['member'] });

describe('a notice and its confirmation → chain → lianjian-verify', () => {
  it('anchors the notice and both versions of the receipt; each verifies online', async () => {
    const notice = ok(
      await s.h.gql<{ publishNotice: { id: string } }>(`mutation($i: PublishNoticeInput!) { publishNotice(input: $i) { id } }`, { i: { unitId: s.fx.units.b1.id, title: '关于缴纳党费的通知', body: '请于本月底前缴纳。', audience: 'SUBTREE' } }, secretary),
    ).publishNotice;
    ok(await s.h.gql(`mutation($id: ID!) { markNoticeRead(id: $id) { id } }`, { id: notice.id }, member));
    const receipt = ok(await s.h.gql<{ acknowledgeNotice: { id: string } }>(`mutation($id: ID!) { acknowledgeNotice(id: $id) { id } }`, { id: notice.id }, member)).acknowledgeNotice;

    type Node = { version: number; proof: ProofView };
    type Q = { notice: Node; receipt: { edges: { node: Node }[] } };
    const q = `query($n: ID!, $r: ID!) { notice(id: $n) { version proof { status bundle } } receipt: history(type: "NoticeReceipt", id: $r, first: 5) { edges { node { version proof { status bundle } } } } }`;
    const data = await untilAnchored('notice and receipt', async () => ok(await s.h.gql<Q>(q, { n: notice.id, r: receipt.id }, member)), (d) => [d.notice.proof, ...d.receipt.edges.map((e) => e.node.proof)], 30_000);
    expect(data.receipt.edges.map((e) => e.node.version)).toEqual([1, 2]);
    expect(data.receipt.edges[1]!.node.proof.bundle!.document.data).toMatchObject({ noticeId: notice.id });
    expect((data.receipt.edges[1]!.node.proof.bundle!.document.data as { acknowledgedAt: string | null }).acknowledgedAt).not.toBeNull();
    const items = [{ name: 'notice', node: data.notice }, ...data.receipt.edges.map((e) => ({ name: `receipt-v${e.node.version}`, node: e.node }))];
    for (const item of items) {
      const r = await verifyWithCli(s.dir, item.name, item.node.proof.bundle, s.rpcUrl);
      expect(r.code, `${item.name}: ${r.stdout}${r.stderr}`).toBe(0);
      expect(r.stdout).toMatch(/^VERIFIED 已验证: /);
    }
  });
});
