// End to end through the API on the real stack (own chain node, database, in-process indexer,
// HTTP server): a secretary signed in with TOTP creates a member and records development steps;
// every version and step is anchored by the indexer on chain, and each bundle the API serves is
// accepted online by the lianjian-verify command line; a tampered one is refused. A partner key
// bound to the branch lists the branch's members with proofs, cannot see members outside it, and
// a listed member's bundle verifies online too.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProofBundle } from '@lianjian/verify';
import { standardPlan, planUntil, type PlannedStep } from '@lianjian/rules/pipeline';
import { untilAnchored, verifyWithCli, type ProofView } from './e2e-stack.js';
import { ok, codeOf, type Caller } from './harness.js';
import { e2eSuite } from './suite.js';

const ANCHOR_TIMEOUT_MS = 30_000;

const { s, as: { secretary, admin } } = e2eSuite({ totp: ['secretary', 'admin'] });

const RECORD_STEP = `mutation($memberId: ID!, $step: DevelopmentStepKind!, $occurredOn: Date!, $input: DevelopmentStepInput) {
  recordDevelopmentStep(memberId: $memberId, step: $step, occurredOn: $occurredOn, input: $input) { step { kind version } member { version stage } }
}`;

describe('secretary → API → indexer → chain → lianjian-verify', () => {
  let memberId: string;
  let plan: PlannedStep[];
  let latestBundle: ProofBundle;

  it('creates a member and records development steps through GraphQL', async () => {
    const appliedOn = '2025-03-03';
    const created = ok(
      await s.h.gql<{ createMember: { id: string; version: number; stage: string } }>(
        `mutation($input: CreateMemberInput!) { createMember(input: $input) { id version stage } }`,
        { input: { orgUnitId: s.fx.units.b1.id, name: '陈八', gender: 'FEMALE', birthDate: '1999-08-12', ethnicity: '汉族', education: 'BACHELOR', appliedOn, phone: '13700000000' } },
        secretary,
      ),
    ).createMember;
    expect(created).toMatchObject({ version: 1, stage: 'APPLICANT' });
    memberId = created.id;

    // Application, talk, nomination: the nomination makes the applicant an activist (version 2).
    plan = planUntil(standardPlan(appliedOn), 'NOMINATION');
    expect(plan.map((p) => p.kind)).toEqual(['APPLICATION', 'TALK', 'NOMINATION']);
    for (const p of plan) {
      s.h.clock.now = new Date(`${p.occurredOn}T04:00:00.000Z`); // noon in China on the day it happened
      const res = await s.h.gql<{ recordDevelopmentStep: { step: { kind: string }; member: { version: number; stage: string } } }>(
        RECORD_STEP,
        { memberId, step: p.kind, occurredOn: p.occurredOn, input: p.input },
        secretary,
      );
      expect(ok(res).recordDevelopmentStep.step.kind).toBe(p.kind);
    }
    s.h.clock.now = new Date();
  });

  it('anchors every member version and step, and each served bundle verifies online with the CLI', async () => {
    type Q = {
      history: { edges: { node: { version: number; data: Record<string, unknown>; proof: ProofView } }[] };
      member: { stage: string; version: number; developmentHistory: { kind: string; proof: ProofView }[] };
    };
    const read = async () =>
      ok(
        await s.h.gql<Q>(
          `query($id: ID!) {
            history(type: "Member", id: $id, first: 10) { edges { node { version data proof { status bundle } } } }
            member(id: $id) { stage version developmentHistory { kind proof { status bundle } } } }`,
          { id: memberId },
          secretary,
        ),
      );
    const data = await untilAnchored('the member and its steps', read, (d) => [...d.history.edges.map((e) => e.node.proof), ...d.member.developmentHistory.map((x) => x.proof)], ANCHOR_TIMEOUT_MS);

    const versions = data.history.edges.map((e) => e.node);
    expect(data.member).toMatchObject({ stage: 'ACTIVIST', version: 2 });
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(versions.map((v) => v.data.stage)).toEqual(['APPLICANT', 'ACTIVIST']);
    expect(data.member.developmentHistory.map((x) => x.kind)).toEqual(plan.map((p) => p.kind));
    for (const v of versions) expect(JSON.stringify(v.proof.bundle)).not.toContain('13700000000'); // the phone never enters a record

    const bundles = [
      ...versions.map((v) => ({ name: `member-v${v.version}`, bundle: v.proof.bundle! })),
      ...data.member.developmentHistory.map((x, i) => ({ name: `step-${i + 1}-${x.kind}`, bundle: x.proof.bundle! })),
    ];
    const results = await Promise.all(bundles.map((b) => verifyWithCli(s.dir, b.name, b.bundle, s.rpcUrl)));
    results.forEach((r, i) => {
      expect(r.stderr, bundles[i]!.name).toBe('');
      expect(r.code, `${bundles[i]!.name}: ${r.stdout}`).toBe(0);
      expect(r.stdout).toMatch(/^VERIFIED 已验证: /);
      expect(r.stdout).toContain(`on ${bundles[i]!.bundle.anchor!.chainId}`);
    });
    latestBundle = versions.at(-1)!.proof.bundle!;
  });

  it('refuses a bundle whose document data was changed', async () => {
    expect(latestBundle).toBeDefined();
    const forged = { ...latestBundle, document: { ...latestBundle.document, data: { ...latestBundle.document.data, name: '王五' } } };
    const r = await verifyWithCli(s.dir, 'forged', forged, s.rpcUrl);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toMatch(/^NOT VERIFIED 未通过验证: /);
  });
});

describe('partner key bound to the branch', () => {
  let partner: Caller;

  beforeAll(async () => {
    const res = await s.h.gql<{ createApiKey: { key: string; apiKey: { scopes: string[]; unit: { id: string } } } }>(
      `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { scopes unit { id } } } }`,
      { input: { name: '合作方 E2E', scopes: ['Member:read'], unitId: s.fx.units.b1.id } },
      admin,
    );
    const created = ok(res).createApiKey;
    expect(created.apiKey).toEqual({ scopes: ['Member:read'], unit: { id: s.fx.units.b1.id } });
    partner = { apiKey: created.key };
  });

  it('lists only the subtree’s members, with proofs that verify online; members outside are denied', async () => {
    type Q = { members: { totalCount: number; pageInfo: { hasNextPage: boolean }; edges: { cursor: string; node: { id: string; name: string; proof: ProofView } }[] } };
    const read = async () =>
      ok(await s.h.gql<Q>(`{ members(first: 20) { totalCount pageInfo { hasNextPage } edges { cursor node { id name proof { status bundle } } } } }`, {}, partner));
    const list = (await untilAnchored('the partner’s members', read, (d) => d.members.edges.map((e) => e.node.proof), ANCHOR_TIMEOUT_MS)).members;

    // b1's subtree: m1 (b1), m2 (b1g), and the member the secretary created; never b2's or b3's.
    const ids = list.edges.map((e) => e.node.id);
    expect(list.totalCount).toBe(3);
    expect(list.pageInfo.hasNextPage).toBe(false);
    expect(list.edges.every((e) => typeof e.cursor === 'string' && e.cursor.length > 0)).toBe(true);
    expect(new Set(ids)).toEqual(new Set([s.fx.members.m1.id, s.fx.members.m2.id, list.edges.find((e) => e.node.name === '陈八')!.node.id]));
    expect(ids).not.toContain(s.fx.members.m3.id);
    expect(ids).not.toContain(s.fx.members.m4.id);

    const outside = await s.h.gql(`query($id: ID!) { member(id: $id) { name } }`, { id: s.fx.members.m4.id }, partner);
    expect(codeOf(outside)).toBe('FORBIDDEN');
    expect(outside.data?.member ?? null).toBeNull();
    const sibling = await s.h.gql(`query($id: ID!) { member(id: $id) { name proof { bundle } } }`, { id: s.fx.members.m3.id }, partner);
    expect(codeOf(sibling)).toBe('FORBIDDEN');
    expect(codeOf(await s.h.gql(`query($u: ID) { members(first: 5, under: $u) { totalCount } }`, { u: s.fx.units.b3.id }, partner))).toBe('FORBIDDEN');

    const mine = list.edges.find((e) => e.node.name === '陈八')!.node;
    expect(mine.proof.bundle!.document).toMatchObject({ type: 'Member', id: mine.id, version: 2 });
    const r = await verifyWithCli(s.dir, 'partner-member', mine.proof.bundle, s.rpcUrl);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^VERIFIED 已验证: Member /);
  });
});
