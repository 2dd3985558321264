// The organisation tree: one committee → general branches → branches → groups, sized for the
// requested number of members, and the split of branches into chunks that are generated and
// written independently.
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
  generalBranch: UnitPlan;
  size: number;
  groups: UnitPlan[];
}

export interface OrgPlan {
  committee: UnitPlan;
  generalBranches: UnitPlan[];
  branches: BranchPlan[];
  /** Branch indexes per chunk, in order. */
  chunks: number[][];
  members: number;
}

const BRANCHES_PER_GENERAL_BRANCH = 8;
const GROUP_SIZE = 10;
/** Members per generated chunk: big enough for fast COPY, small enough for memory. */
export const CHUNK_MEMBERS = 2500;

export function planOrg(seed: string | number, members: number): OrgPlan {
  if (!Number.isSafeInteger(members) || members < 1) throw new Error('members must be a positive integer');
  const rng = new Prng(seed, 'org');
  let no = 0;
  const home = PROVINCES[0]!;
  const unit = (
    parent: UnitPlan | null,
    kind: UnitPlan['kind'],
    name: string,
    code: string,
    province: readonly [string, string, string],
    sortOrder: number,
  ): UnitPlan => {
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

  const generalBranches: UnitPlan[] = [];
  const branches: BranchPlan[] = [];
  const gbCount = Math.ceil(sizes.length / BRANCHES_PER_GENERAL_BRANCH);
  for (let g = 0; g < gbCount; g++) {
    const dept = DEPARTMENTS[g % DEPARTMENTS.length]!;
    const round = Math.floor(g / DEPARTMENTS.length);
    // Most units are in the committee's province; some sit elsewhere (cross-province transfers).
    const province = g === 0 || rng.chance(0.7) ? home : rng.pick(PROVINCES);
    const name = `${dept}${round ? chineseNumber(round + 1) : ''}总支部委员会`;
    generalBranches.push(unit(committee, 'GENERAL_BRANCH', name, `G${g + 1}`, province, g));
  }
  let firstMember = 0;
  sizes.forEach((size, i) => {
    const gb = generalBranches[Math.floor(i / BRANCHES_PER_GENERAL_BRANCH)]!;
    const k = (i % BRANCHES_PER_GENERAL_BRANCH) + 1;
    const province = PROVINCES.find((p) => p[0] === gb.province)!;
    const b = unit(gb, 'BRANCH', `${gb.name.replace('总支部委员会', '')}第${chineseNumber(k)}党支部`, `${gb.code}-B${k}`, province, k);
    const groups: UnitPlan[] = [];
    const groupCount = Math.max(1, Math.ceil(size / GROUP_SIZE));
    for (let j = 1; j <= groupCount; j++) {
      groups.push(unit(b, 'GROUP', `第${chineseNumber(j)}党小组`, `${b.code}-P${j}`, province, j));
    }
    branches.push({ ...b, index: i, firstMember, generalBranch: gb, size, groups });
    firstMember += size;
  });

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
  return { committee, generalBranches, branches, chunks, members };
}

export function allUnits(plan: OrgPlan): UnitPlan[] {
  return [plan.committee, ...plan.generalBranches, ...plan.branches.flatMap((b) => [b, ...b.groups])];
}
