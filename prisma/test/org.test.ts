// The organisation tree the seed plans (seed/org.ts), without a database: real depth below the
// root (grassroots committees, general branches, branches, groups), no unit with too many
// children at any size from the demo to a million members, every branch under a grassroots
// committee that decides for it, and the same tree for the same seed.
import { describe, expect, it } from 'vitest';
import { allUnits, MAX_CHILDREN, planOrg, type OrgPlan, type UnitPlan } from '../src/seed/org.js';

/** Units by id, children counts, and each unit's ancestors (nearest first). */
function index(plan: OrgPlan) {
  const units = allUnits(plan);
  const byId = new Map(units.map((u) => [u.id, u]));
  const children = new Map<string, number>();
  for (const u of units) if (u.parentId) children.set(u.parentId, (children.get(u.parentId) ?? 0) + 1);
  const ancestors = (u: UnitPlan): UnitPlan[] => {
    const out: UnitPlan[] = [];
    for (let p = u.parentId ? byId.get(u.parentId) : undefined; p; p = p.parentId ? byId.get(p.parentId) : undefined) out.push(p);
    return out;
  };
  return { units, byId, children, ancestors };
}

/** The checks every size must pass; the problems found (checked in plain code: a million-member tree has 150,000 units). */
function shapeProblems(plan: OrgPlan): string[] {
  const { units, byId, children, ancestors } = index(plan);
  const problems: string[] = [];
  const fail = (what: string, u: UnitPlan) => problems.length < 20 && problems.push(`${what}: ${u.code} ${u.name} ${u.path}`);
  // One root, the top committee; paths and levels follow the parents; codes are unique.
  const roots = units.filter((u) => u.parentId === null);
  if (roots.length !== 1 || roots[0] !== plan.committee || plan.committee.kind !== 'COMMITTEE') problems.push(`roots: ${roots.map((r) => r.code).join(', ')}`);
  if (new Set(units.map((u) => u.code)).size !== units.length) problems.push('duplicate unit codes');
  // The kinds nest: groups under branches, branches under general branches or committees,
  // general branches under committees, committees under committees.
  const parentKinds: Record<UnitPlan['kind'], ReadonlyArray<UnitPlan['kind']>> = {
    GROUP: ['BRANCH'],
    BRANCH: ['GENERAL_BRANCH', 'COMMITTEE'],
    GENERAL_BRANCH: ['COMMITTEE'],
    COMMITTEE: ['COMMITTEE'],
  };
  for (const u of units) {
    const parent = u.parentId ? byId.get(u.parentId)! : null;
    if (u.path !== `${parent?.path ?? '/'}${u.no}/` || u.level !== (parent ? parent.level + 1 : 0)) fail('path or level', u);
    if (parent && !parentKinds[u.kind].includes(parent.kind)) fail(`${u.kind} under ${parent.kind}`, u);
    // Fan-out: no unit has more than MAX_CHILDREN children.
    if ((children.get(u.id) ?? 0) > MAX_CHILDREN) fail(`${children.get(u.id)} children`, u);
  }
  // Every branch has a grassroots committee (not the root) above it, the nearest committee, which
  // decides for it; step 18 is filed one committee further up (as the API's decidingUnitFor).
  const leaders = new Map<string, number>();
  const overBranches = new Set<string>();
  let members = 0;
  for (const b of plan.branches) {
    const up = ancestors(b);
    for (const a of up) overBranches.add(a.id);
    const committees = up.filter((a) => a.kind === 'COMMITTEE');
    if (committees.length < 2 || b.committee !== committees[0] || b.filingCommittee !== committees[1]) fail('deciding committees', b);
    if (b.generalBranch !== (up.find((a) => a.kind === 'GENERAL_BRANCH') ?? null)) fail('general branch', b);
    if (!b.groups.length || b.groups.some((g) => g.parentId !== b.id)) fail('groups', b);
    for (const l of b.leads) {
      if (!up.includes(l)) fail(`leads ${l.code}, not above it`, b);
      leaders.set(l.id, (leaders.get(l.id) ?? 0) + 1);
    }
    if (b.firstMember !== members) fail('first member', b);
    members += b.size;
  }
  if (members !== plan.members) problems.push(`${members} members planned, not ${plan.members}`);
  // Every unit above the branches has a branch below it, and is led from exactly one of them
  // (its leadership's holders are that branch's members).
  for (const u of units) {
    if (u.kind !== 'COMMITTEE' && u.kind !== 'GENERAL_BRANCH') continue;
    if (!overBranches.has(u.id)) fail('no branch below', u);
    if (leaders.get(u.id) !== 1) fail(`led from ${leaders.get(u.id) ?? 0} branches`, u);
  }
  // Chunks cover every branch once, in order.
  if (plan.chunks.flat().join() !== plan.branches.map((b) => b.index).join()) problems.push('chunks do not cover the branches in order');
  return problems;
}

describe('the organisation tree', () => {
  it('has real depth at 100,000 members: grassroots committees, general branches, branches and groups below the root', () => {
    const plan = planOrg(1, 100_000);
    expect(shapeProblems(plan)).toEqual([]);
    const { units, children, ancestors } = index(plan);
    expect(units.reduce((m, u) => Math.max(m, u.level), 0)).toBeGreaterThanOrEqual(4);
    // Most branches sit under a general branch, some directly under their committee.
    const direct = plan.branches.filter((b) => b.generalBranch === null);
    expect(direct.length).toBeGreaterThan(0);
    expect(direct.length).toBeLessThan(plan.branches.length / 2);
    for (const b of direct) expect(b.parentId).toBe(b.committee.id);
    // A branch under a general branch is at least four levels below the root (committee, general branch, branch, group).
    const deep = plan.branches.find((b) => b.generalBranch)!;
    expect(ancestors(deep.groups[0]!).length).toBeGreaterThanOrEqual(4);
    // The root no longer holds thousands of units: only committees, and at most MAX_CHILDREN.
    expect(children.get(plan.committee.id)!).toBeLessThanOrEqual(MAX_CHILDREN);
    expect(units.filter((u) => u.parentId === plan.committee.id).every((u) => u.kind === 'COMMITTEE')).toBe(true);
    expect(plan.grassrootsCommittees.length).toBeGreaterThan(1);
  });

  it('keeps every unit’s children within bounds at every size, up to a million members', () => {
    for (const [seed, members] of [
      ['demo', 300],
      ['other', 60],
      [7, 10_000],
      [1, 1_000_000],
    ] as const) {
      expect(shapeProblems(planOrg(seed, members)), `${members} members`).toEqual([]);
    }
  }, 120_000);

  it('gives the demo two grassroots committees, the demo branch a general branch, and a branch without one', () => {
    const plan = planOrg('demo', 300);
    const demo = plan.branches[0]!;
    expect(plan.grassrootsCommittees.length).toBeGreaterThanOrEqual(2);
    expect(plan.grassrootsCommittees.every((c) => c.parentId === plan.committee.id)).toBe(true);
    expect(demo.generalBranch).not.toBeNull();
    expect(demo.generalBranch!.parentId).toBe(demo.committee.id);
    expect(demo.committee.parentId).toBe(plan.committee.id);
    expect(demo.filingCommittee).toBe(plan.committee);
    expect(plan.branches.some((b) => b.generalBranch === null && b.committee === demo.committee)).toBe(true);
  });

  it('is deterministic: the same seed plans the same tree, another seed another', () => {
    const shape = (p: OrgPlan) => allUnits(p).map((u) => `${u.id} ${u.path} ${u.kind} ${u.name} ${u.code}`);
    expect(shape(planOrg(5, 20_000))).toEqual(shape(planOrg(5, 20_000)));
    expect(shape(planOrg(6, 20_000))).not.toEqual(shape(planOrg(5, 20_000)));
  });
});
