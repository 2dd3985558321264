// The organisation tree, sized for the requested number of members, and the split of branches
// into chunks that are generated and written independently. The shape (DESIGN.md "Across
// levels"):
//
//   the organisation's top committee (root)
//   └── regional committees (片区党委)          only when more than ROOT_FANOUT grassroots committees
//       └── grassroots committees (基层党委)     decide the level above's steps (decision 013)
//           ├── general branches (党总支)       review and pass on
//           │   └── branches (党支部) → groups (党小组)
//           └── branches directly under the committee (no general branch)
//
// Every unit has at most MAX_CHILDREN children at every size, from the demo's few hundred members
// (root → two grassroots committees → …) to a million (see the seed tests for the counts).
import { addDays, BASE_DATE } from './dates.js';
import { chineseNumber, DEPARTMENTS, PROVINCES } from './names.js';
import { Prng } from './prng.js';

export interface UnitPlan {
  id: string;
  no: number;
  parentId: string | null;
  kind: 'COMMITTEE' | 'GENERAL_BRANCH' | 'BRANCH' | 'GROUP';
  name: string;
  code: string;
  province: string;
  city: string;
  level: number;
  path: string;
  establishedOn: Date;
  sortOrder: number;
}

export interface BranchPlan extends UnitPlan {
  index: number;
  /** Global number of the branch's first member (members are numbered from 0 across branches). */
  firstMember: number;
  /** The general branch above it; null for a branch directly under its grassroots committee. */
  generalBranch: UnitPlan | null;
  /** The nearest committee above (基层党委): it decides the level above's steps (decision 013). */
  committee: UnitPlan;
  /**
   * The committee one level further up, with whose organisation department step 18 is filed
   * (the API's decidingUnitFor); the grassroots committee itself when it has none above.
   */
  filingCommittee: UnitPlan;
  size: number;
  groups: UnitPlan[];
  /**
   * The units above whose first branch (in tree order) this is, nearest first: their
   * leaderships are drawn from this branch's members (seed/committees.ts), since a chunk writes
   * only its own branches' members.
   */
  leads: UnitPlan[];
}

export interface OrgPlan {
  /** The organisation's top committee: the root. */
  committee: UnitPlan;
  /** Committees between the root and the grassroots committees (none in smaller trees). */
  regionalCommittees: UnitPlan[];
  /** The grassroots committees (基层党委), each above general branches and some branches. */
  grassrootsCommittees: UnitPlan[];
  generalBranches: UnitPlan[];
  branches: BranchPlan[];
  /** Branch indexes per chunk, in order. */
  chunks: number[][];
  members: number;
}

/** The most children any unit has (the seed tests hold the tree to it). */
export const MAX_CHILDREN = 40;
/** Branches per general branch. */
const GB_BRANCHES: readonly [number, number] = [3, 10];
/** Children (general branches and direct branches) per grassroots committee. */
const COMMITTEE_CHILDREN: readonly [number, number] = [6, 18];
/** Grassroots (or regional) committees per regional committee. */
const REGION_CHILDREN: readonly [number, number] = [8, 20];
/** The root takes at most this many committees; beyond it a level of regional committees is added. */
const ROOT_FANOUT = 40;
/** Share of a committee's children that are branches without a general branch. */
const DIRECT_BRANCH = 0.15;
const GROUP_SIZE = 10;
/** Members per generated chunk: big enough for fast COPY, small enough for memory. */
export const CHUNK_MEMBERS = 2500;

const SITES = ['研究院', '分公司', '工程中心', '学院', '分院', '事业部'] as const;

/**
 * Splits `n` consecutive items into parts of lo–hi items (a short tail joins the part before,
 * so a part may reach hi + lo − 1), and into at least `minParts` parts when there are that many
 * items: then evenly, the first parts the larger.
 */
function partition(rng: Prng, n: number, [lo, hi]: readonly [number, number], minParts: number): number[] {
  const parts: number[] = [];
  let left = n;
  while (left > 0) {
    const s = Math.min(left, rng.int(lo, hi));
    parts.push(s);
    left -= s;
  }
  if (parts.length > 1 && parts[parts.length - 1]! < lo) parts[parts.length - 2]! += parts.pop()!;
  if (parts.length >= Math.min(minParts, n)) return parts;
  const k = Math.min(minParts, n);
  return Array.from({ length: k }, (_, i) => Math.floor((n + k - 1 - i) / k));
}

/** The tree's shape before units get their ids and numbers. */
type Shape =
  | { kind: 'COMMITTEE'; role: 'root' | 'regional' | 'grassroots'; children: Shape[] }
  | { kind: 'GENERAL_BRANCH'; children: Shape[] }
  | { kind: 'BRANCH'; index: number };

export function planOrg(seed: string | number, members: number): OrgPlan {
  if (!Number.isSafeInteger(members) || members < 1) throw new Error('members must be a positive integer');
  const rng = new Prng(seed, 'org');
  const home = PROVINCES[0]!;
  // Units are numbered in tree order (pre-order): each unit's first branch follows it.
  let no = 0;
  const unit = (parent: UnitPlan | null, kind: UnitPlan['kind'], name: string, code: string, province: readonly [string, string, string], sortOrder: number): UnitPlan => {
    no++;
    return {
      id: rng.uuid(),
      no,
      parentId: parent?.id ?? null,
      kind,
      name,
      code,
      province: province[0],
      city: province[1],
      level: parent ? parent.level + 1 : 0,
      path: `${parent?.path ?? '/'}${no}/`,
      establishedOn: addDays(BASE_DATE, -rng.int(365 * 3, 365 * 40)),
      sortOrder,
    };
  };
  // The root first: its draws come before the branch sizes', so a seed keeps its members.
  const committee = unit(null, 'COMMITTEE', '链建示范单位委员会', 'C', home, 0);

  const sizes: number[] = [];
  let left = members;
  while (left > 0) {
    const [lo, hi] = rng.weighted<[number, number]>([
      [[8, 20], 30],
      [[21, 40], 50],
      [[41, 60], 20],
    ]);
    const s = Math.min(left, rng.int(lo, hi));
    sizes.push(s);
    left -= s;
  }
  // A tiny remainder joins the previous branch rather than forming a 1-member branch.
  if (sizes.length > 1 && sizes[sizes.length - 1]! < 5) sizes[sizes.length - 2]! += sizes.pop()!;

  // ── the shape, bottom up: branches into general branches (or directly under a committee), those
  // into grassroots committees, those into regional committees while the root would have too many.
  // Its own stream: the units' ids and dates below stay independent of it.
  const shape = new Prng(seed, 'org:shape');
  const items: Shape[] = [];
  // Small trees (the demo's ten branches) get small general branches, so they still have two committees with one each.
  const gbMost = Math.min(GB_BRANCHES[1], Math.max(GB_BRANCHES[0], Math.ceil(sizes.length / 4)));
  for (let i = 0; i < sizes.length; ) {
    // The first item is a general branch (the demo branch has one above it), the second a branch
    // directly under the committee (every tree has one), the rest drawn.
    const direct = items.length === 1 || (items.length > 1 && shape.chance(DIRECT_BRANCH));
    const k = direct ? 1 : Math.min(sizes.length - i, shape.int(GB_BRANCHES[0], gbMost));
    if (k === 1 && items.length !== 0) items.push({ kind: 'BRANCH', index: i++ });
    else items.push({ kind: 'GENERAL_BRANCH', children: Array.from({ length: k }, () => ({ kind: 'BRANCH' as const, index: i++ })) });
  }
  const group = (xs: Shape[], range: readonly [number, number], role: 'regional' | 'grassroots'): Shape[] => {
    let at = 0;
    // At least two grassroots committees whenever there are two children to share.
    return partition(shape, xs.length, range, role === 'grassroots' ? 2 : 1).map((n) => ({ kind: 'COMMITTEE', role, children: xs.slice(at, (at += n)) }));
  };
  let top = group(items, COMMITTEE_CHILDREN, 'grassroots');
  while (top.length > ROOT_FANOUT) top = group(top, REGION_CHILDREN, 'regional');
  const tree: Shape = { kind: 'COMMITTEE', role: 'root', children: top };

  // ── the units below the root, in tree order.
  const provinceOf = (u: UnitPlan) => PROVINCES.find((p) => p[0] === u.province)!;
  const regionalCommittees: UnitPlan[] = [];
  const grassrootsCommittees: UnitPlan[] = [];
  const generalBranches: UnitPlan[] = [];
  const branches: BranchPlan[] = [];
  const used = new Map<string, number>();
  /** A name not used before: the second 北京研究院党委 is 北京第二研究院党委. */
  const fresh = (base: string, suffix: string) => {
    const n = (used.get(base + suffix) ?? 0) + 1;
    used.set(base + suffix, n);
    return n;
  };
  let leads: UnitPlan[] = [];
  let firstMember = 0;

  const branch = (parent: UnitPlan, namePrefix: string, k: number, sortOrder: number, index: number, committees: UnitPlan[], gb: UnitPlan | null) => {
    const b = unit(parent, 'BRANCH', `${namePrefix}第${chineseNumber(k)}党支部`, `${parent.code}-B${k}`, provinceOf(parent), sortOrder);
    const size = sizes[index]!;
    const groups: UnitPlan[] = [];
    const groupCount = Math.max(1, Math.ceil(size / GROUP_SIZE));
    for (let j = 1; j <= groupCount; j++) groups.push(unit(b, 'GROUP', `第${chineseNumber(j)}党小组`, `${b.code}-P${j}`, provinceOf(b), j));
    const committee = committees[committees.length - 1]!;
    branches.push({ ...b, index, firstMember, generalBranch: gb, committee, filingCommittee: committees[committees.length - 2] ?? committee, size, groups, leads: leads.reverse() });
    leads = [];
    firstMember += size;
  };

  const visit = (s: Shape, parent: UnitPlan | null, sortOrder: number, committees: UnitPlan[]): UnitPlan => {
    if (s.kind === 'BRANCH') throw new Error('branches are placed by their parent');
    let u: UnitPlan;
    if (s.kind === 'COMMITTEE' && s.role === 'root') {
      u = committee;
    } else if (s.kind === 'COMMITTEE' && s.role === 'regional') {
      const r = regionalCommittees.length + 1;
      u = unit(parent, 'COMMITTEE', `第${chineseNumber(r)}片区党委`, `R${r}`, home, sortOrder);
      regionalCommittees.push(u);
    } else if (s.kind === 'COMMITTEE') {
      const g = grassrootsCommittees.length;
      // Most committees are in the organisation's province; some elsewhere (cross-province transfers).
      const province = g === 0 || rng.chance(0.7) ? home : rng.pick(PROVINCES);
      const site = SITES[g % SITES.length]!;
      const n = fresh(province[1], site);
      u = unit(parent, 'COMMITTEE', `${province[1]}${n > 1 ? `第${chineseNumber(n)}` : ''}${site}党委`, `K${g + 1}`, province, sortOrder);
      grassrootsCommittees.push(u);
    } else {
      const g = generalBranches.length;
      const dept = DEPARTMENTS[g % DEPARTMENTS.length]!;
      const round = Math.floor(g / DEPARTMENTS.length);
      u = unit(parent, 'GENERAL_BRANCH', `${dept}${round ? chineseNumber(round + 1) : ''}总支部委员会`, `G${g + 1}`, provinceOf(parent!), sortOrder);
      generalBranches.push(u);
    }
    leads.push(u);
    const above = u.kind === 'COMMITTEE' ? [...committees, u] : committees;
    let direct = 0;
    s.children.forEach((c, i) => {
      if (c.kind !== 'BRANCH') {
        visit(c, u, i + 1, above);
        return;
      }
      const gb = u.kind === 'GENERAL_BRANCH' ? u : null;
      // Under a general branch: 机关第一党支部; directly under a committee: 北京研究院第一党支部.
      const prefix = gb ? u.name.replace('总支部委员会', '') : u.name.replace(/党委$/, '');
      branch(u, prefix, gb ? i + 1 : ++direct, i + 1, c.index, above, gb);
    });
    return u;
  };
  visit(tree, null, 0, []);

  const chunks: number[][] = [];
  let current: number[] = [];
  let inChunk = 0;
  for (const b of branches) {
    current.push(b.index);
    inChunk += b.size;
    if (inChunk >= CHUNK_MEMBERS) {
      chunks.push(current);
      current = [];
      inChunk = 0;
    }
  }
  if (current.length) chunks.push(current);
  return { committee, regionalCommittees, grassrootsCommittees, generalBranches, branches, chunks, members };
}

/** Every unit, in tree order (a parent before its children). */
export function allUnits(plan: OrgPlan): UnitPlan[] {
  const units = [plan.committee, ...plan.regionalCommittees, ...plan.grassrootsCommittees, ...plan.generalBranches, ...plan.branches.flatMap((b) => [b, ...b.groups])];
  return units.sort((a, b) => a.no - b.no);
}
