// Member changes. Each writes the new row version and its record document (outbox) in one
// transaction, so the database never holds a change without its record (DESIGN.md data flow).
import { Prisma, type Member, type OrgUnit } from '@lianjian/db';
import { assertCanWriteUnit } from '../../shared/access.js';
import type { Context } from '../../shared/context.js';
import { badArgument, conflict, isUniqueViolation, notFound } from '../../shared/errors.js';
import { requireUuid, type Id } from '../../shared/ids.js';
import { writeRecord } from '../../shared/records/write.js';
import { checkExpectedVersion, writeVersionIfUnchanged } from '../../shared/records/versions.js';
import { PROBATION_YEARS } from '@lianjian/rules/pipeline';
import { chinaToday } from '../../shared/today.js';
import { claimFor, countIdentityLookups, findIdentities, hex, insertHolds, placeholderHash, withdrawHolds } from './identity.js';
import { hashNationalId } from './national-id.js';
import { validateCreate, validateUpdate, type CreateMemberFields, type UpdateMemberFields } from './validate.js';

type Tx = Prisma.TransactionClient;

const MEMBER_UNIT_KINDS: readonly OrgUnit['kind'][] = ['BRANCH', 'GROUP'];

function today(ctx: Context): Date {
  return chinaToday(ctx.config.now());
}

const clean = (v: string | null | undefined) => (v == null ? v : v.trim() === '' ? null : v.trim());

export async function unitForMembers(ctx: Context, field: string, id: Id): Promise<OrgUnit> {
  const unit = await ctx.prisma.orgUnit.findUnique({ where: { id: requireUuid(field, id) } });
  if (!unit) throw badArgument(field, `names org unit ${id}, which does not exist.`, `指向的组织 ${id} 不存在。`);
  assertCanWriteUnit(ctx, unit);
  if (!MEMBER_UNIT_KINDS.includes(unit.kind)) {
    throw badArgument(field, `must be a branch or group; ${unit.name} is a ${unit.kind}.`, `应为党支部或党小组；${unit.name} 是 ${unit.kind}。`);
  }
  if (unit.dissolvedOn) throw badArgument(field, `names ${unit.name}, which was dissolved on ${unit.dissolvedOn.toISOString().slice(0, 10)}.`, `${unit.name} 已撤销。`);
  return unit;
}

function duplicateId(existingVisible: string | null) {
  return conflict(
    'A member with this national ID number is already on record; search for them instead of adding a duplicate.',
    '已存在使用该身份证号码的党员记录，请查找该记录，不要重复添加。',
    existingVisible ? { memberId: existingVisible } : undefined,
  );
}

const MEMBER = ['member', '党员记录'] as const;

/** createMember's checks of the fields alone (no database): BAD_USER_INPUT naming every field. */
export function validateNewMember(ctx: Context, input: CreateMemberFields): void {
  validateCreate(input, today(ctx));
}

/** The row createMember inserts for valid `input` in `unit` (the ID number only as its keyed hash). */
export function newMemberRow(ctx: Context, input: CreateMemberFields, unitId: string): Prisma.MemberUncheckedCreateInput & { nationalIdHash: Uint8Array<ArrayBuffer> | null } {
  const nationalIdHash = clean(input.nationalId) ? hashNationalId(input.nationalId!, ctx.config.idSalt) : null;
  const stage = input.stage ?? 'APPLICANT';
  let probationEndsOn: Date | null = null;
  if (stage === 'PROBATIONARY' && input.probationarySince) {
    probationEndsOn = new Date(input.probationarySince);
    probationEndsOn.setUTCFullYear(probationEndsOn.getUTCFullYear() + PROBATION_YEARS);
  }
  return {
    orgUnitId: unitId,
    name: input.name.trim(),
    gender: input.gender,
    birthDate: input.birthDate,
    ethnicity: input.ethnicity.trim(),
    education: input.education,
    occupation: clean(input.occupation) ?? null,
    nativePlace: clean(input.nativePlace) ?? null,
    stage,
    appliedOn: input.appliedOn ?? null,
    activistSince: input.activistSince ?? null,
    candidateSince: input.candidateSince ?? null,
    probationarySince: input.probationarySince ?? null,
    probationEndsOn,
    fullMemberSince: input.fullMemberSince ?? null,
    nationalIdHash,
    phone: clean(input.phone) ?? null,
    address: clean(input.address) ?? null,
  };
}

/** Inserts a member row from newMemberRow with its version-1 record, inside the caller's transaction. */
export async function insertMemberInTx(tx: Tx, ctx: Context, data: Prisma.MemberUncheckedCreateInput): Promise<Member> {
  const member = await tx.member.create({ data });
  await writeRecord(tx, ctx, 'Member', member);
  return member;
}

/** Whether `err` is the database refusing a second member with the same ID number. */
export function isDuplicateNationalId(err: unknown): boolean {
  return isUniqueViolation(err, 'national_id_hash') || isUniqueViolation(err, 'nationalIdHash');
}

/**
 * Runs `write` a second time when another request wrote the same number between its check and its
 * write: the second check sees that member, and answers as for any number on record.
 */
async function againOnDuplicate<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (!isDuplicateNationalId(err)) throw err;
  }
  try {
    return await write();
  } catch (err) {
    if (isDuplicateNationalId(err)) throw duplicateId(null);
    throw err;
  }
}

export async function createMember(ctx: Context, input: CreateMemberFields): Promise<Member> {
  validateNewMember(ctx, input);
  const unit = await unitForMembers(ctx, 'input.orgUnitId', input.orgUnitId);
  const data = newMemberRow(ctx, input, unit.id);
  const hash = data.nationalIdHash;
  if (!hash) return ctx.prisma.$transaction((tx) => insertMemberInTx(tx, ctx, data));
  await countIdentityLookups(ctx, 1);
  // A number someone outside the caller's scope has is written like a new one (identity.ts).
  return againOnDuplicate(async () => {
    const claim = claimFor(ctx, unit.path, (await findIdentities(ctx.prisma, [hash])).get(hex(hash)), null);
    if (claim.kind === 'duplicate') throw duplicateId(claim.memberId);
    return ctx.prisma.$transaction(async (tx) => {
      const member = await insertMemberInTx(tx, ctx, { ...data, nationalIdHash: claim.kind === 'hold' ? placeholderHash() : hash });
      const holds = claim.kind === 'hold' ? [{ memberId: member.id, existingMemberId: claim.existingMemberId, hash, coveringPath: claim.coveringPath }] : [];
      await insertHolds(tx, ctx, holds);
      return member;
    });
  });
}

async function loadForChange(ctx: Context, id: string, expectedVersion: number | null | undefined) {
  const member = await ctx.prisma.member.findUnique({ where: { id: requireUuid('id', id) }, include: { orgUnit: true } });
  if (!member) throw notFound('Member', '党员', id);
  assertCanWriteUnit(ctx, member.orgUnit);
  checkExpectedVersion(MEMBER, member, expectedVersion);
  return member;
}

/** Writes `data` as the next version inside `tx`, refusing if another change got there first. */
export function writeMemberVersion(tx: Tx, ctx: Context, id: string, version: number, data: Prisma.MemberUncheckedUpdateInput): Promise<Member> {
  return writeVersionIfUnchanged(tx, ctx, 'Member', { id, version }, data, MEMBER);
}

/** Writes `data` as the next version (and `also` in the same transaction), refusing if another change got there first. */
async function nextVersion(
  ctx: Context,
  id: string,
  version: number,
  data: Prisma.MemberUncheckedUpdateInput,
  also?: (tx: Tx) => Promise<void>,
): Promise<Member> {
  try {
    return await ctx.prisma.$transaction(async (tx) => {
      const member = await writeMemberVersion(tx, ctx, id, version, data);
      await also?.(tx);
      return member;
    });
  } catch (err) {
    if (isUniqueViolation(err, 'national_id_hash') || isUniqueViolation(err, 'nationalIdHash')) throw duplicateId(null);
    throw err;
  }
}

export async function updateMember(
  ctx: Context,
  id: string,
  expectedVersion: number | null | undefined,
  input: UpdateMemberFields,
): Promise<Member> {
  const member = await loadForChange(ctx, id, expectedVersion);
  const changes = Object.entries(input).filter(([, v]) => v !== undefined);
  if (changes.length === 0) throw badArgument('input', 'changes nothing: give at least one field to update.', '没有任何修改：请至少提供一个要修改的字段。');
  validateUpdate(input, today(ctx), member);
  const data: Prisma.MemberUncheckedUpdateInput = {};
  if (input.name != null) data.name = input.name.trim();
  if (input.gender != null) data.gender = input.gender;
  if (input.birthDate != null) data.birthDate = input.birthDate;
  if (input.ethnicity != null) data.ethnicity = input.ethnicity.trim();
  if (input.education != null) data.education = input.education;
  if (input.occupation !== undefined) data.occupation = clean(input.occupation) ?? null;
  if (input.nativePlace !== undefined) data.nativePlace = clean(input.nativePlace) ?? null;
  if (input.phone !== undefined) data.phone = clean(input.phone) ?? null;
  if (input.address !== undefined) data.address = clean(input.address) ?? null;
  let identity: ((tx: Tx) => Promise<void>) | undefined;
  if (input.nationalId !== undefined) {
    const hash = clean(input.nationalId) ? hashNationalId(input.nationalId!, ctx.config.idSalt) : null;
    if (!hash) {
      data.nationalIdHash = null;
      identity = (tx) => withdrawHolds(tx, ctx, member.id, null);
    } else {
      // As in createMember: the same statements whether or not someone outside the scope has it.
      await countIdentityLookups(ctx, 1);
      const claim = claimFor(ctx, member.orgUnit.path, (await findIdentities(ctx.prisma, [hash])).get(hex(hash)), member.id);
      if (claim.kind === 'duplicate') throw duplicateId(claim.memberId);
      const newHold = claim.kind === 'hold' && !claim.alreadyHeld;
      if (claim.kind === 'free') data.nationalIdHash = hash;
      else if (newHold) data.nationalIdHash = placeholderHash();
      identity = async (tx) => {
        await withdrawHolds(tx, ctx, member.id, claim.kind === 'hold' ? hash : null);
        await insertHolds(tx, ctx, newHold ? [{ memberId: member.id, existingMemberId: claim.existingMemberId, hash, coveringPath: claim.coveringPath }] : []);
      };
    }
  }
  if (input.status != null && input.status !== member.status) {
    data.status = input.status;
    data.statusChangedOn = input.statusChangedOn ?? today(ctx);
  }
  return nextVersion(ctx, member.id, member.version, data, identity);
}

export async function transferMember(
  ctx: Context,
  id: string,
  toUnitId: string,
  expectedVersion: number | null | undefined,
): Promise<Member> {
  const member = await loadForChange(ctx, id, expectedVersion);
  const to = await unitForMembers(ctx, 'toUnitId', toUnitId);
  checkMove(member, to);
  return nextVersion(ctx, member.id, member.version, { orgUnitId: to.id });
}

function checkMove(member: Pick<Member, 'orgUnitId' | 'status'>, to: OrgUnit): void {
  if (to.id === member.orgUnitId) throw badArgument('toUnitId', `is the member's current unit (${to.name}).`, `与该党员当前所在组织（${to.name}）相同。`);
  if (member.status !== 'ACTIVE') {
    throw badArgument('id', `names a member whose status is ${member.status}; only active members can be transferred.`, `该党员状态为 ${member.status}，只有正常状态的党员可以转接。`);
  }
  if (!MEMBER_UNIT_KINDS.includes(to.kind)) throw badArgument('toUnitId', `must be a branch or group; ${to.name} is a ${to.kind}.`, `应为党支部或党小组；${to.name} 是 ${to.kind}。`);
  if (to.dissolvedOn) throw badArgument('toUnitId', `names ${to.name}, which was dissolved.`, `${to.name} 已撤销。`);
}

/**
 * The move of transferMember inside the caller's transaction, for callers that decided who may
 * move the member themselves (a transfer letter's receiving secretary cannot write the old unit).
 */
export async function moveMemberInTx(tx: Tx, ctx: Context, member: Member, to: OrgUnit): Promise<Member> {
  checkMove(member, to);
  return writeMemberVersion(tx, ctx, member.id, member.version, { orgUnitId: to.id });
}

