// Changes to the organisation tree, each in one transaction with the record of every unit (and
// member, transfer, committee) it changed, so each row version is a verifiable record:
//   create    a unit under a parent, in the set order of kinds
//   rename    a unit's name (and code)
//   move      re-parent a unit: the path trigger (20261122102400_integrity_rules) rewrites the
//             path and level of the whole subtree and bumps their versions; their records follow
//   merge     a unit into another of its kind: child units, members, and the transfer letters,
//             remittances and level requests waiting on it move to the target; its leadership
//             ends; it is dissolved
//   dissolve  an empty unit (no active members, no live child units): its leadership ends
import { Prisma, type OrgUnit, type OrgUnitKind } from '@lianjian/db';
import type { Context } from '../../shared/context.js';
import { badArgument, conflict, FieldErrors, notFound } from '../../shared/errors.js';
import { requireUuid } from '../../shared/ids.js';
import { recordInput, writeRecord, writeRecords, type Tx } from '../../shared/records/write.js';
import { actorOf } from '../../shared/access.js';
import { chinaToday } from '../../shared/today.js';
import { retireScopedAccounts } from '../accounts/follow-positions.js';
import { endLeadership } from './leadership.js';
import { assertCanChangeUnit, assertCanPlaceUnder } from './access.js';
import { kindOrder, unitDissolved, unitNotEmpty } from './errors.js';
import { mayHold } from './kinds.js';

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
const CONTROL = /[\u0000-\u001f\u007f]/;

export interface CreateUnitInput {
  parentId: string | number;
  kind: OrgUnitKind;
  name: string;
  code: string;
  province?: string | null;
  city?: string | null;
  establishedOn?: Date | null;
}

async function loadUnit(ctx: Context, field: string, id: string | number, db: Tx | Context['prisma'] = ctx.prisma): Promise<OrgUnit> {
  const unitId = requireUuid(field, id);
  const unit = await db.orgUnit.findUnique({ where: { id: unitId } });
  if (!unit) throw notFound('Org unit', '组织', unitId);
  return unit;
}

const lockUnits = (tx: Tx, ids: string[]) => tx.$queryRaw`SELECT 1 FROM org_unit WHERE id = ANY(${ids}::uuid[]) ORDER BY id FOR UPDATE`;

function checkName(errs: FieldErrors, field: string, name: string): void {
  if (!name || name.length > 100 || CONTROL.test(name)) errs.add(field, 'must be 1 to 100 characters, without control characters.', '应为 1 到 100 个字符，且不含控制字符。');
}

async function checkCode(errs: FieldErrors, ctx: Context, field: string, code: string, except?: string): Promise<void> {
  if (!CODE.test(code)) {
    errs.add(field, 'must be 1 to 40 letters, digits, ".", "_" or "-", starting with a letter or digit.', '应为 1 到 40 个字母、数字、"."、"_" 或 "-"，以字母或数字开头。');
    return;
  }
  const taken = await ctx.prisma.orgUnit.findUnique({ where: { code }, select: { id: true, name: true } });
  if (taken && taken.id !== except) errs.add(field, `"${code}" is the code of ${taken.name}: choose another.`, `代码"${code}"已被 ${taken.name} 使用，请换一个。`);
}

function live(unit: OrgUnit): void {
  if (unit.dissolvedOn) throw unitDissolved(unit.name);
}

/** Writes the records of every unit in the subtree at `path` whose version moved past `before`. */
async function recordSubtree(tx: Tx, ctx: Context, path: string, before: Map<string, number>): Promise<void> {
  const rows = await tx.orgUnit.findMany({ where: { path: { startsWith: path } } });
  const changed = rows.filter((r) => before.get(r.id) !== r.version);
  await writeRecords(tx, changed.map((r) => recordInput('OrgUnit', r, actorOf(ctx), ctx.config.now())));
}

const versions = async (tx: Tx, path: string) => new Map((await tx.orgUnit.findMany({ where: { path: { startsWith: path } }, select: { id: true, version: true } })).map((r) => [r.id, r.version]));

function uniqueViolation(err: unknown): boolean {
  return err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002';
}

export async function createUnit(ctx: Context, input: CreateUnitInput): Promise<OrgUnit> {
  const parent = await loadUnit(ctx, 'input.parentId', input.parentId);
  assertCanPlaceUnder(ctx, parent);
  live(parent);
  const errs = new FieldErrors();
  const name = input.name.trim();
  const code = input.code.trim();
  checkName(errs, 'input.name', name);
  await checkCode(errs, ctx, 'input.code', code);
  const province = input.province?.trim() || parent.province;
  if (province.length > 20 || CONTROL.test(province)) errs.add('input.province', 'must be at most 20 characters, without control characters.', '不能超过 20 个字符，且不含控制字符。');
  const city = input.city?.trim() || null;
  if (city && (city.length > 50 || CONTROL.test(city))) errs.add('input.city', 'must be at most 50 characters, without control characters.', '不能超过 50 个字符，且不含控制字符。');
  if (input.establishedOn && input.establishedOn > chinaToday(ctx.config.now())) errs.add('input.establishedOn', 'must not be after today.', '不能晚于今天。');
  errs.throwIfAny();
  if (!mayHold(parent.kind, input.kind)) throw kindOrder(input.kind, parent.kind, parent.name);
  try {
    return await ctx.prisma.$transaction(async (tx) => {
      await lockUnits(tx, [parent.id]);
      const last = await tx.orgUnit.aggregate({ where: { parentId: parent.id }, _max: { sortOrder: true } });
      const row = await tx.orgUnit.create({
        data: {
          parentId: parent.id,
          kind: input.kind,
          name,
          code,
          province,
          city: city ?? (input.province?.trim() ? null : parent.city),
          establishedOn: input.establishedOn ?? chinaToday(ctx.config.now()),
          sortOrder: (last._max.sortOrder ?? 0) + 1,
        },
      });
      await writeRecord(tx, ctx, 'OrgUnit', row);
      return row;
    });
  } catch (err) {
    if (uniqueViolation(err)) throw conflict(`Another unit took the code "${code}" meanwhile; choose another.`, `同时已有其他组织使用了代码"${code}"，请换一个。`);
    throw err;
  }
}

export async function renameUnit(ctx: Context, id: string | number, name: string, code?: string | null): Promise<OrgUnit> {
  const unit = await loadUnit(ctx, 'id', id);
  assertCanChangeUnit(ctx, unit);
  live(unit);
  const errs = new FieldErrors();
  const newName = name.trim();
  checkName(errs, 'name', newName);
  const newCode = code?.trim() || unit.code;
  if (newCode !== unit.code) await checkCode(errs, ctx, 'code', newCode, unit.id);
  errs.throwIfAny();
  if (newName === unit.name && newCode === unit.code) throw conflict(`${unit.name} already has this name and code.`, `${unit.name} 的名称和代码未变化。`);
  try {
    return await ctx.prisma.$transaction(async (tx) => {
      await lockUnits(tx, [unit.id]);
      const current = await tx.orgUnit.findUniqueOrThrow({ where: { id: unit.id } });
      const row = await tx.orgUnit.update({ where: { id: unit.id }, data: { name: newName, code: newCode, version: current.version + 1 } });
      await writeRecord(tx, ctx, 'OrgUnit', row);
      return row;
    });
  } catch (err) {
    if (uniqueViolation(err)) throw conflict(`Another unit took the code "${newCode}" meanwhile; choose another.`, `同时已有其他组织使用了代码"${newCode}"，请换一个。`);
    throw err;
  }
}

export async function moveUnit(ctx: Context, id: string | number, parentId: string | number): Promise<OrgUnit> {
  const unit = await loadUnit(ctx, 'id', id);
  const parent = await loadUnit(ctx, 'parentId', parentId);
  assertCanChangeUnit(ctx, unit);
  assertCanPlaceUnder(ctx, parent);
  live(unit);
  live(parent);
  if (parent.path.startsWith(unit.path)) {
    throw badArgument('parentId', `names ${parent.name}, which is ${parent.id === unit.id ? 'the unit itself' : `inside ${unit.name}`}: a unit cannot move under its own subtree.`, `${parent.name} ${parent.id === unit.id ? '就是该组织本身' : `在 ${unit.name} 之下`}：组织不能移到其自身的下级。`);
  }
  if (unit.parentId === parent.id) throw conflict(`${unit.name} is already under ${parent.name}.`, `${unit.name} 已隶属于 ${parent.name}。`);
  if (!mayHold(parent.kind, unit.kind)) throw kindOrder(unit.kind, parent.kind, parent.name);
  return ctx.prisma.$transaction(
    async (tx) => {
      await lockUnits(tx, [unit.id, parent.id]);
      const current = await tx.orgUnit.findUniqueOrThrow({ where: { id: unit.id } });
      // Re-read under the lock: a concurrent move may have put the new parent inside this unit.
      const target = await tx.orgUnit.findUniqueOrThrow({ where: { id: parent.id } });
      if (target.path.startsWith(current.path)) throw badArgument('parentId', `names ${target.name}, which is now inside ${current.name}.`, `${target.name} 现已在 ${current.name} 之下。`);
      const before = await versions(tx, current.path);
      const last = await tx.orgUnit.aggregate({ where: { parentId: target.id }, _max: { sortOrder: true } });
      const row = await tx.orgUnit.update({ where: { id: unit.id }, data: { parentId: target.id, sortOrder: (last._max.sortOrder ?? 0) + 1, version: current.version + 1 } });
      await recordSubtree(tx, ctx, row.path, before);
      return row;
    },
    { timeout: 60_000 },
  );
}

export interface MergeResult {
  unit: OrgUnit;
  target: OrgUnit;
  membersMoved: number;
  unitsMoved: number;
}

export async function mergeUnit(ctx: Context, id: string | number, targetId: string | number): Promise<MergeResult> {
  const unit = await loadUnit(ctx, 'id', id);
  const target = await loadUnit(ctx, 'targetId', targetId);
  assertCanChangeUnit(ctx, unit);
  assertCanPlaceUnder(ctx, target);
  live(unit);
  live(target);
  if (target.path.startsWith(unit.path)) throw badArgument('targetId', `names ${target.name}, which is ${target.id === unit.id ? 'the unit itself' : `inside ${unit.name}`}.`, `${target.name} ${target.id === unit.id ? '就是该组织本身' : `在 ${unit.name} 之下`}。`);
  if (target.kind !== unit.kind) {
    throw badArgument('targetId', `names a ${target.kind}; ${unit.name} (a ${unit.kind}) merges into a unit of its own kind.`, `${target.name} 与 ${unit.name} 的组织类别不同：只能合并到同一类别的组织。`);
  }
  const today = chinaToday(ctx.config.now());
  return ctx.prisma.$transaction(
    async (tx) => {
      await lockUnits(tx, [unit.id, target.id]);
      const source = await tx.orgUnit.findUniqueOrThrow({ where: { id: unit.id } });
      live(source);
      const before = await versions(tx, source.path);
      const children = await tx.orgUnit.findMany({ where: { parentId: source.id }, orderBy: [{ sortOrder: 'asc' }, { no: 'asc' }] });
      const last = (await tx.orgUnit.aggregate({ where: { parentId: target.id }, _max: { sortOrder: true } }))._max.sortOrder ?? 0;
      for (const [i, c] of children.entries()) {
        await tx.orgUnit.update({ where: { id: c.id }, data: { parentId: target.id, sortOrder: last + i + 1, version: c.version + 1 } });
      }
      const moved = children.length ? await tx.orgUnit.findMany({ where: { id: { in: [...before.keys()].filter((x) => x !== source.id) } } }) : [];
      await writeRecords(tx, moved.filter((r) => before.get(r.id) !== r.version).map((r) => recordInput('OrgUnit', r, actorOf(ctx), ctx.config.now())));

      const members = await tx.member.updateManyAndReturn({ where: { orgUnitId: source.id }, data: { orgUnitId: target.id, version: { increment: 1 } } });
      await writeRecords(tx, members.map((m) => recordInput('Member', m, actorOf(ctx), ctx.config.now())));
      // Letters on their way to the merged unit are received by the target instead.
      const letters = await tx.membershipTransfer.updateManyAndReturn({ where: { toUnitId: source.id, status: 'ISSUED' }, data: { toUnitId: target.id, version: { increment: 1 } } });
      await writeRecords(tx, letters.map((t) => recordInput('MembershipTransfer', t, actorOf(ctx), ctx.config.now())));
      // So are remittances waiting on it, and the requests it was to decide or had sent (the branch's
      // pending requests follow its members).
      const remittances = await tx.duesRemittance.updateManyAndReturn({ where: { toUnitId: source.id, status: 'SUBMITTED' }, data: { toUnitId: target.id, version: { increment: 1 } } });
      await writeRecords(tx, remittances.map((r) => recordInput('DuesRemittance', r, actorOf(ctx), ctx.config.now())));
      const toDecide = await tx.levelRequest.updateManyAndReturn({ where: { decidingUnitId: source.id, status: 'PENDING' }, data: { decidingUnitId: target.id, version: { increment: 1 } } });
      const sent = await tx.levelRequest.updateManyAndReturn({ where: { orgUnitId: source.id, status: 'PENDING' }, data: { orgUnitId: target.id, version: { increment: 1 } } });
      await writeRecords(tx, [...toDecide, ...sent].map((r) => recordInput('LevelRequest', r, actorOf(ctx), ctx.config.now())));

      await endLeadership(tx, ctx, source.id, today);
      await retireScopedAccounts(tx, ctx, source.id);
      const row = await tx.orgUnit.update({ where: { id: source.id }, data: { dissolvedOn: today, version: source.version + 1 } });
      await writeRecord(tx, ctx, 'OrgUnit', row);
      return { unit: row, target: await tx.orgUnit.findUniqueOrThrow({ where: { id: target.id } }), membersMoved: members.length, unitsMoved: children.length };
    },
    { timeout: 60_000 },
  );
}

export async function dissolveUnit(ctx: Context, id: string | number): Promise<OrgUnit> {
  const unit = await loadUnit(ctx, 'id', id);
  assertCanChangeUnit(ctx, unit);
  live(unit);
  if (!unit.parentId) throw badArgument('id', `names ${unit.name}, the top of the tree, which cannot be dissolved.`, `${unit.name} 是最高一级组织，不能撤销。`);
  const today = chinaToday(ctx.config.now());
  return ctx.prisma.$transaction(async (tx) => {
    await lockUnits(tx, [unit.id]);
    const current = await tx.orgUnit.findUniqueOrThrow({ where: { id: unit.id } });
    live(current);
    // Members who left (transferred out, deceased…) stay with the unit's history; active ones move first.
    const members = await tx.member.count({ where: { orgUnitId: unit.id, status: 'ACTIVE' } });
    const children = await tx.orgUnit.count({ where: { parentId: unit.id, dissolvedOn: null } });
    if (members || children) throw unitNotEmpty(unit.name, members, children);
    await endLeadership(tx, ctx, unit.id, today);
    await retireScopedAccounts(tx, ctx, unit.id);
    const row = await tx.orgUnit.update({ where: { id: unit.id }, data: { dissolvedOn: today, version: current.version + 1 } });
    await writeRecord(tx, ctx, 'OrgUnit', row);
    return row;
  });
}
