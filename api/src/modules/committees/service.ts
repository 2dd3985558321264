// A unit's leadership, each change in one transaction with its records: a term set up (换届; the
// current one ends), positions filled and ended, and the secretary access that follows the 书记
// (accounts/follow-positions.ts). The level above records them: an ADMIN, or a SECRETARY of a
// unit above this one (org-units/access.ts), as it approves the election.
import type { Committee, CommitteeForm, CommitteePosition, CommitteeTitle, OrgUnit } from '@lianjian/db';
import { addYears, todayInChina } from '@lianjian/rules/dates';
import type { Context } from '../../shared/context.js';
import { badArgument, conflict, FieldErrors, notFound } from '../../shared/errors.js';
import { requireUuid } from '../../shared/ids.js';
import { writeRecord, type Tx } from '../../shared/records/write.js';
import { endSecretaryAccess, grantSecretaryAccess } from '../accounts/follow-positions.js';
import { assertCanChangeUnit } from '../org-units/access.js';
import { unitDissolved } from '../org-units/errors.js';
import { endTerm } from '../org-units/leadership.js';
import { tooFewMembers } from './errors.js';
import { MAX_COMMITTEE_SIZE, maxHolders, MIN_FULL_MEMBERS_FOR_COMMITTEE, SECRETARY_ONLY_TITLES, termYears, TITLE_ZH, yearsBetween } from './terms.js';

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const dateOf = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const isoOf = (d: Date) => d.toISOString().slice(0, 10);
const today = (ctx: Context) => todayInChina(ctx.config.now());
const KIND_EN: Record<string, string> = { BRANCH: 'a branch', GENERAL_BRANCH: 'a general branch', COMMITTEE: 'a grassroots committee' };
const KIND_ZH: Record<string, string> = { BRANCH: '党支部', GENERAL_BRANCH: '党总支', COMMITTEE: '基层党委' };

const lockUnit = (tx: Tx, id: string) => tx.$queryRaw`SELECT 1 FROM org_unit WHERE id = ${id}::uuid FOR UPDATE`;

/** Active full members of the unit and its groups (a branch's count for the 7-member rule). */
export async function fullMembers(db: Tx | Context['prisma'], unit: Pick<OrgUnit, 'path'>): Promise<number> {
  return db.member.count({ where: { stage: 'FULL', status: 'ACTIVE', orgUnit: { path: { startsWith: unit.path } } } });
}

function validDate(errs: FieldErrors, field: string, value: string): boolean {
  if (ISO.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && isoOf(dateOf(value)) === value) return true;
  errs.add(field, 'must be a date, YYYY-MM-DD.', '应为日期，格式 YYYY-MM-DD。');
  return false;
}

export interface SetUpInput {
  unitId: string | number;
  form?: CommitteeForm | null;
  termStart: string;
  termEnd: string;
}

/**
 * Sets up a unit's leadership for a new term (换届): a committee, or for a branch of fewer than 7
 * full members a secretary alone. The current term, if any, ends the day the new one starts; its
 * 书记 keeps the secretary access until the new 书记 is appointed.
 */
export async function setUpCommittee(ctx: Context, input: SetUpInput): Promise<Committee> {
  const unitId = requireUuid('input.unitId', input.unitId);
  const unit = await ctx.prisma.orgUnit.findUnique({ where: { id: unitId } });
  if (!unit) throw notFound('Org unit', '组织', unitId);
  assertCanChangeUnit(ctx, unit);
  if (unit.dissolvedOn) throw unitDissolved(unit.name);
  const years = termYears(unit.kind);
  if (years.length === 0) throw badArgument('input.unitId', `names ${unit.name}, a party group: groups have a leader, not a committee.`, `${unit.name} 是党小组：党小组设组长，不设委员会。`);
  const errs = new FieldErrors();
  const okStart = validDate(errs, 'input.termStart', input.termStart);
  const okEnd = validDate(errs, 'input.termEnd', input.termEnd);
  if (okStart && okEnd) {
    const n = yearsBetween(input.termStart, input.termEnd);
    if (n === null || !years.includes(n)) {
      const allowed = years.length === 1 ? `${years[0]} years` : `${years[0]} to ${years.at(-1)} years`;
      const allowedZh = years.length === 1 ? `${years[0]} 年` : `${years[0]} 至 ${years.at(-1)} 年`;
      errs.add('input.termEnd', `must end a term of ${allowed} for ${KIND_EN[unit.kind]}, on the anniversary of its start (e.g. ${addYears(input.termStart, years[0]!)}).`, `${KIND_ZH[unit.kind]}每届任期 ${allowedZh}，届满日期应为任期开始日的周年日（如 ${addYears(input.termStart, years[0]!)}）。`);
    }
    if (input.termStart > today(ctx)) errs.add('input.termStart', 'must not be after today: record a term once it is elected.', '不能晚于今天：请在选举产生后登记任期。');
  }
  errs.throwIfAny();
  const full = unit.kind === 'BRANCH' ? await fullMembers(ctx.prisma, unit) : null;
  const form: CommitteeForm = input.form ?? (full !== null && full < MIN_FULL_MEMBERS_FOR_COMMITTEE ? 'SECRETARY_ONLY' : 'COMMITTEE');
  if (form === 'COMMITTEE' && full !== null && full < MIN_FULL_MEMBERS_FOR_COMMITTEE) throw tooFewMembers(unit.name, full);
  if (form === 'SECRETARY_ONLY' && unit.kind !== 'BRANCH') {
    throw badArgument('input.form', `can be SECRETARY_ONLY for a branch only; ${unit.name} (${KIND_EN[unit.kind]}) has a committee.`, `只有党支部可以只设书记；${unit.name}（${KIND_ZH[unit.kind]}）应设委员会。`);
  }
  return ctx.prisma.$transaction(async (tx) => {
    await lockUnit(tx, unit.id);
    const current = await tx.committee.findFirst({ where: { orgUnitId: unit.id, endedOn: null } });
    const start = dateOf(input.termStart);
    if (current) {
      if (start <= current.termStart) {
        throw conflict(`The current term of ${unit.name} started on ${isoOf(current.termStart)}; a new term starts after it.`, `${unit.name} 本届任期始于 ${isoOf(current.termStart)}，新一届任期应晚于该日期开始。`, { committeeId: current.id });
      }
      await endTerm(tx, ctx, current, start);
    }
    const row = await tx.committee.create({
      data: { orgUnitId: unit.id, form, termStart: start, termEnd: dateOf(input.termEnd), createdById: ctx.principal.kind === 'account' ? ctx.principal.accountId : null },
    });
    await writeRecord(tx, ctx, 'Committee', row);
    return row;
  });
}

export interface AppointInput {
  committeeId: string | number;
  title: CommitteeTitle;
  memberId: string | number;
  startedOn?: string | null;
}

export interface Appointment {
  position: CommitteePosition;
  /** Positions this appointment ended (the previous holder of a single position). */
  ended: CommitteePosition[];
}

async function loadCommittee(ctx: Context, field: string, id: string | number) {
  const committeeId = requireUuid(field, id);
  const c = await ctx.prisma.committee.findUnique({ where: { id: committeeId }, include: { orgUnit: true } });
  if (!c) throw notFound('Committee', '班子', committeeId);
  return c;
}

/** Appoints a member to a position of the unit's current committee; a 书记 brings the unit's secretary access. */
export async function appointPosition(ctx: Context, input: AppointInput): Promise<Appointment> {
  const committee = await loadCommittee(ctx, 'input.committeeId', input.committeeId);
  const unit = committee.orgUnit;
  assertCanChangeUnit(ctx, unit);
  if (unit.dissolvedOn) throw unitDissolved(unit.name);
  if (committee.endedOn) throw conflict(`This term of ${unit.name} ended on ${isoOf(committee.endedOn)}; appoint to the current term.`, `${unit.name} 的这一届已于 ${isoOf(committee.endedOn)} 结束，请在本届班子中任命。`);
  const memberId = requireUuid('input.memberId', input.memberId);
  const member = await ctx.prisma.member.findUnique({ where: { id: memberId }, include: { orgUnit: { select: { path: true } } } });
  const errs = new FieldErrors();
  if (!member) errs.add('input.memberId', `names member ${memberId}, who does not exist.`, `党员 ${memberId} 不存在。`);
  else if (!member.orgUnit.path.startsWith(unit.path)) errs.add('input.memberId', `names ${member.name}, who is not a member of ${unit.name} or a unit under it.`, `${member.name} 不是 ${unit.name} 或其下级组织的党员。`);
  else if (member.status !== 'ACTIVE' || member.stage !== 'FULL') errs.add('input.memberId', `names ${member.name}, who is not an active full member: only full members hold committee positions.`, `${member.name} 不是在册的正式党员：只有正式党员可以担任班子职务。`);
  if (committee.form === 'SECRETARY_ONLY' && !SECRETARY_ONLY_TITLES.includes(input.title)) {
    errs.add('input.title', `cannot be ${input.title}: ${unit.name} has a secretary (and at most one deputy), not a committee.`, `不能为${TITLE_ZH[input.title]}：${unit.name} 不设支部委员会，只设书记（必要时设副书记 1 人）。`);
  }
  const startedOn = input.startedOn ?? today(ctx);
  if (validDate(errs, 'input.startedOn', startedOn)) {
    if (startedOn > today(ctx)) errs.add('input.startedOn', 'must not be after today.', '不能晚于今天。');
    else if (startedOn < isoOf(committee.termStart)) errs.add('input.startedOn', `must not be before the term started (${isoOf(committee.termStart)}).`, `不能早于本届任期开始日期（${isoOf(committee.termStart)}）。`);
  }
  errs.throwIfAny();
  const on = dateOf(startedOn);
  return ctx.prisma.$transaction(async (tx) => {
    await lockUnit(tx, unit.id);
    const current = await tx.committee.findUniqueOrThrow({ where: { id: committee.id } });
    if (current.endedOn) throw conflict(`This term of ${unit.name} has ended meanwhile.`, `${unit.name} 的这一届班子已结束。`);
    const open = await tx.committeePosition.findMany({ where: { committeeId: committee.id, endedOn: null } });
    if (open.some((p) => p.title === input.title && p.memberId === memberId)) {
      throw conflict(`${member!.name} already holds ${input.title} in ${unit.name}.`, `${member!.name} 已担任 ${unit.name} 的${TITLE_ZH[input.title]}。`);
    }
    const sameTitle = open.filter((p) => p.title === input.title);
    const limit = maxHolders(committee.form, input.title);
    // A single position passes to the new holder; a full plural one refuses.
    const replaced = limit === 1 ? sameTitle : [];
    if (limit > 1 && sameTitle.length >= limit) {
      throw conflict(`${unit.name} already has ${sameTitle.length} ${input.title} holders, the most it may have; end one first.`, `${unit.name} 已有 ${sameTitle.length} 名${TITLE_ZH[input.title]}，已达上限，请先免去一人。`);
    }
    const holders = new Set(open.filter((p) => !replaced.includes(p)).map((p) => p.memberId));
    holders.add(memberId);
    const max = committee.form === 'SECRETARY_ONLY' ? 2 : MAX_COMMITTEE_SIZE[unit.kind];
    if (holders.size > max) {
      throw conflict(`${unit.name}'s ${committee.form === 'SECRETARY_ONLY' ? 'leadership' : 'committee'} would have ${holders.size} people; it has at most ${max}.`, `${unit.name} 的班子将有 ${holders.size} 人，超过最多 ${max} 人的规定。`);
    }
    const ended: CommitteePosition[] = [];
    for (const p of replaced) {
      const row = await tx.committeePosition.update({ where: { id: p.id }, data: { endedOn: on < p.startedOn ? p.startedOn : on, version: p.version + 1 } });
      await writeRecord(tx, ctx, 'CommitteePosition', row);
      ended.push(row);
    }
    let accountId: string | null = null;
    if (input.title === 'SECRETARY') {
      // Whoever held the unit's 书记 before (this term or an earlier one) loses its access.
      const before = await tx.committeePosition.findMany({ where: { orgUnitId: unit.id, title: 'SECRETARY', memberId: { not: memberId } }, select: { memberId: true }, distinct: ['memberId'] });
      for (const b of before) await endSecretaryAccess(tx, ctx, b.memberId, unit.id);
      accountId = (await grantSecretaryAccess(tx, ctx, { id: memberId, name: member!.name }, unit)).id;
    }
    const position = await tx.committeePosition.create({ data: { orgUnitId: unit.id, committeeId: committee.id, title: input.title, memberId, startedOn: on, accountId } });
    await writeRecord(tx, ctx, 'CommitteePosition', position);
    return { position, ended };
  });
}

/** Ends a holding (免职, resignation); a 书记's secretary access ends with it. */
export async function relievePosition(ctx: Context, id: string | number, endedOn?: string | null): Promise<CommitteePosition> {
  const positionId = requireUuid('id', id);
  const found = await ctx.prisma.committeePosition.findUnique({ where: { id: positionId }, include: { orgUnit: true } });
  if (!found) throw notFound('Committee position', '班子职务', positionId);
  assertCanChangeUnit(ctx, found.orgUnit);
  const errs = new FieldErrors();
  const on = endedOn ?? today(ctx);
  if (validDate(errs, 'endedOn', on)) {
    if (on > today(ctx)) errs.add('endedOn', 'must not be after today.', '不能晚于今天。');
    else if (on < isoOf(found.startedOn)) errs.add('endedOn', `must not be before the holding started (${isoOf(found.startedOn)}).`, `不能早于任职日期（${isoOf(found.startedOn)}）。`);
  }
  errs.throwIfAny();
  return ctx.prisma.$transaction(async (tx) => {
    await lockUnit(tx, found.orgUnitId);
    const p = await tx.committeePosition.findUniqueOrThrow({ where: { id: positionId } });
    if (p.endedOn) throw conflict(`This holding already ended on ${isoOf(p.endedOn)}.`, `该职务已于 ${isoOf(p.endedOn)} 免去。`);
    const row = await tx.committeePosition.update({ where: { id: positionId }, data: { endedOn: dateOf(on), version: p.version + 1 } });
    await writeRecord(tx, ctx, 'CommitteePosition', row);
    if (p.title === 'SECRETARY') await endSecretaryAccess(tx, ctx, p.memberId, p.orgUnitId);
    return row;
  });
}
