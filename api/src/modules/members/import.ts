// Member import (a branch's roster from a spreadsheet): every row is checked the way createMember
// checks one member, plus duplicates by ID number within the file and against the members the
// caller may see (a number someone outside their scope has is accepted and held, as createMember
// does: identity.ts); then either every row is written, in one transaction, or none. A dry run
// only reports.
//
// Importing the same file twice must not double the roster, and many rows carry no ID number: a
// row whose number and name match a member in the caller's scope is that member, and is skipped;
// a row with the name and birth date of such a member (and no different number on file) is
// likely them, and is skipped unless the caller confirms it is someone else (confirmRows).
//
// Cells arrive as text, as a CSV holds them, so a bad date or an unknown education level is a
// field error on its row rather than a refusal of the whole request by GraphQL's type checks.
import type { Education, Gender, Member, MemberStage, OrgUnit } from '@lianjian/db';
import { GraphQLError } from 'graphql';
import { visibleRoot } from '../../shared/principal.js';
import type { Context } from '../../shared/context.js';
import { badArgument, conflict, type FieldError } from '../../shared/errors.js';
import { claimFor, countIdentityLookups, findIdentities, hex, insertHolds, placeholderHash, type Claim, type NewHold } from './identity.js';
import { hashNationalId, parseNationalId } from './national-id.js';
import { insertMemberInTx, isDuplicateNationalId, newMemberRow, unitForMembers, validateNewMember } from './service.js';
import type { CreateMemberFields } from './validate.js';

/**
 * Rows per call. All rows travel in one request (the write is all-or-nothing), and the API's
 * request body limit is 1 MiB: 1000 full rows stay well below it.
 */
export const MAX_IMPORT_ROWS = 1000;

export const IMPORT_FIELDS = [
  'name', 'gender', 'birthDate', 'ethnicity', 'education', 'occupation', 'nativePlace', 'stage',
  'appliedOn', 'activistSince', 'candidateSince', 'probationarySince', 'fullMemberSince', 'nationalId', 'phone', 'address',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export type MemberImportRow = Partial<Record<ImportField, string | null>>;

export interface RowResult {
  /** 1-based position in `rows`. */
  row: number;
  ok: boolean;
  errors: FieldError[];
  /** An existing member with the same ID number, within the caller's scope. */
  duplicateOfMemberId: string | null;
  /** An earlier row of this file with the same ID number. */
  duplicateOfRow: number | null;
  /** A member in the caller's scope with the same name and birth date and no other ID number on file. */
  likelyDuplicateOfMemberId: string | null;
  /** Not written: the member on record (same ID number and name), or a likely duplicate not confirmed. */
  skipped: boolean;
  memberId: string | null;
}

export interface ImportResult {
  dryRun: boolean;
  written: boolean;
  total: number;
  okCount: number;
  errorCount: number;
  skippedCount: number;
  rows: RowResult[];
}

const GENDERS: Record<string, Gender> = { MALE: 'MALE', FEMALE: 'FEMALE', 男: 'MALE', 女: 'FEMALE' };
const EDUCATIONS: Record<string, Education> = {
  POSTGRADUATE: 'POSTGRADUATE', 研究生: 'POSTGRADUATE', 硕士: 'POSTGRADUATE', 博士: 'POSTGRADUATE',
  BACHELOR: 'BACHELOR', 本科: 'BACHELOR', 大学本科: 'BACHELOR',
  JUNIOR_COLLEGE: 'JUNIOR_COLLEGE', 大专: 'JUNIOR_COLLEGE', 专科: 'JUNIOR_COLLEGE', 大学专科: 'JUNIOR_COLLEGE',
  SENIOR_SECONDARY: 'SENIOR_SECONDARY', 高中: 'SENIOR_SECONDARY', 中专: 'SENIOR_SECONDARY', 高中及中专: 'SENIOR_SECONDARY', '高中/中专': 'SENIOR_SECONDARY',
  JUNIOR_SECONDARY_OR_BELOW: 'JUNIOR_SECONDARY_OR_BELOW', 初中及以下: 'JUNIOR_SECONDARY_OR_BELOW', 初中: 'JUNIOR_SECONDARY_OR_BELOW', 小学: 'JUNIOR_SECONDARY_OR_BELOW',
};
const STAGES: Record<string, MemberStage> = {
  APPLICANT: 'APPLICANT', 申请人: 'APPLICANT', 入党申请人: 'APPLICANT',
  ACTIVIST: 'ACTIVIST', 积极分子: 'ACTIVIST', 入党积极分子: 'ACTIVIST',
  CANDIDATE: 'CANDIDATE', 发展对象: 'CANDIDATE',
  PROBATIONARY: 'PROBATIONARY', 预备党员: 'PROBATIONARY',
  FULL: 'FULL', 正式党员: 'FULL',
};
const DATE_FIELDS = ['birthDate', 'appliedOn', 'activistSince', 'candidateSince', 'probationarySince', 'fullMemberSince'] as const;
const REQUIRED: readonly ImportField[] = ['name', 'gender', 'birthDate', 'ethnicity', 'education'];

const cell = (v: string | null | undefined): string | null => (v == null || v.trim() === '' ? null : v.trim());

/** YYYY-MM-DD, also with / or . as spreadsheets write it; month and day may lack a leading zero. */
function parseDate(text: string): Date | null {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? null : d;
}

function lookup<T>(table: Record<string, T>, text: string): T | undefined {
  return table[text] ?? table[text.toUpperCase()];
}

/** Turns one row's cells into createMember's fields, with an error for each cell that cannot be read. */
function readRow(raw: MemberImportRow): { fields: Partial<CreateMemberFields>; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const add = (field: string, message: string, messageZh: string) => errors.push({ field, message, messageZh });
  const fields: Partial<CreateMemberFields> = {};
  for (const f of REQUIRED) if (!cell(raw[f])) add(f, 'is required.', '必填。');
  const gender = cell(raw.gender);
  if (gender) {
    const g = lookup(GENDERS, gender);
    if (g) fields.gender = g;
    else add('gender', `"${gender}" is not a gender: write 男 or 女 (MALE or FEMALE).`, `"${gender}" 不是有效的性别：请填写"男"或"女"。`);
  }
  const education = cell(raw.education);
  if (education) {
    const e = lookup(EDUCATIONS, education);
    if (e) fields.education = e;
    else add('education', `"${education}" is not an education level: write 研究生, 大学本科, 大学专科, 高中及中专 or 初中及以下.`, `"${education}" 不是有效的学历：请填写研究生、大学本科、大学专科、高中及中专或初中及以下。`);
  }
  const stage = cell(raw.stage);
  if (stage) {
    const s = lookup(STAGES, stage);
    if (s) fields.stage = s;
    else add('stage', `"${stage}" is not a stage: write 申请人, 积极分子, 发展对象, 预备党员 or 正式党员.`, `"${stage}" 不是有效的阶段：请填写申请人、积极分子、发展对象、预备党员或正式党员。`);
  }
  for (const f of DATE_FIELDS) {
    const text = cell(raw[f]);
    if (!text) continue;
    const d = parseDate(text);
    if (d) fields[f] = d;
    else add(f, `"${text}" is not a date: write it as YYYY-MM-DD, e.g. 1990-05-17.`, `"${text}" 不是有效日期：请按"年-月-日"填写，如 1990-05-17。`);
  }
  for (const f of ['name', 'ethnicity', 'occupation', 'nativePlace', 'nationalId', 'phone', 'address'] as const) {
    const text = cell(raw[f]);
    if (text) fields[f] = text;
  }
  return { fields, errors };
}

/** createMember's own validation of the readable cells; its "input.x" paths become column names. */
function validate(ctx: Context, fields: Partial<CreateMemberFields>): FieldError[] {
  try {
    validateNewMember(ctx, fields as CreateMemberFields);
    return [];
  } catch (err) {
    const list = err instanceof GraphQLError ? (err.extensions.fields as FieldError[] | undefined) : undefined;
    if (!list) throw err;
    return list.map((e) => ({ ...e, field: e.field.replace(/^input\./, '') }));
  }
}

type Checked = { fields: Partial<CreateMemberFields>; hash: Uint8Array<ArrayBuffer> | null; result: RowResult; claim?: Claim; onRecord?: boolean };

/** Spreadsheets often hold 刘 晓东 for 刘晓东. */
const nameKey = (name: string | null | undefined) => (name ?? '').replace(/\s+/g, '');
const dayKey = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : '');

/** Marks rows whose number a member in the caller's scope has; notes the claims to hold. */
async function checkOnRecord(ctx: Context, unit: OrgUnit, checked: Checked[]): Promise<void> {
  const owners = await findIdentities(ctx.prisma, checked.flatMap((c) => (c.hash ? [c.hash] : [])));
  for (const c of checked) {
    if (!c.hash || c.result.duplicateOfRow !== null || c.result.duplicateOfMemberId !== null) continue;
    c.claim = claimFor(ctx, unit.path, owners.get(hex(c.hash)), null);
    if (c.claim.kind === 'duplicate') c.result.duplicateOfMemberId = c.claim.memberId;
  }
}

/**
 * Compares rows with the members of the caller's scope (visible to them anyway, so nothing leaks):
 * the member with the row's number is the same person if the name agrees too, else the row is an
 * error (a mistyped number, most likely); a member with the row's name and birth date is a likely
 * duplicate unless both have ID numbers, which then differ. One query whatever the rows, so the
 * statements do not depend on who has a number outside the scope.
 */
async function checkRoster(ctx: Context, checked: Checked[]): Promise<void> {
  const root = visibleRoot(ctx.principal);
  const roster = await ctx.prisma.member.findMany({
    where: {
      OR: [
        { birthDate: { in: [...new Set(checked.flatMap((c) => (c.fields.birthDate ? [dayKey(c.fields.birthDate)] : [])))].map((d) => new Date(`${d}T00:00:00Z`)) } },
        { id: { in: checked.flatMap((c) => (c.result.duplicateOfMemberId ? [c.result.duplicateOfMemberId] : [])) } },
      ],
      ...(root === null ? {} : { orgUnit: { path: { startsWith: root } } }),
    },
    select: { id: true, name: true, birthDate: true, nationalIdHash: true },
    orderBy: { createdAt: 'asc' },
  });
  for (const c of checked) {
    const r = c.result;
    if (r.duplicateOfMemberId) {
      const held = roster.find((m) => m.id === r.duplicateOfMemberId);
      c.onRecord = held !== undefined && nameKey(held.name) === nameKey(c.fields.name);
      if (!c.onRecord && !r.errors.some((e) => e.field === 'nationalId')) {
        r.errors.push({
          field: 'nationalId',
          message: 'belongs to a member already on record under another name; check the number, or update that member instead.',
          messageZh: '该身份证号码属于已在册的另一名党员，请核对号码，或修改已有记录。',
        });
      }
      continue;
    }
    if (!c.fields.name || !c.fields.birthDate) continue;
    const like = roster.find(
      (m) => nameKey(m.name) === nameKey(c.fields.name) && dayKey(m.birthDate) === dayKey(c.fields.birthDate) && !(c.hash && m.nationalIdHash),
    );
    r.likelyDuplicateOfMemberId = like?.id ?? null;
  }
}

async function checkAgainstRecords(ctx: Context, unit: OrgUnit, checked: Checked[], lookups: number): Promise<void> {
  if (lookups) await checkOnRecord(ctx, unit, checked);
  await checkRoster(ctx, checked);
}

async function write(ctx: Context, unit: OrgUnit, checked: Checked[]): Promise<Member[]> {
  return ctx.prisma.$transaction(
    async (tx) => {
      const out: Member[] = [];
      const holds: NewHold[] = [];
      for (const c of checked) {
        const row = newMemberRow(ctx, c.fields as CreateMemberFields, unit.id);
        const claim = c.claim;
        if (claim?.kind === 'hold') row.nationalIdHash = placeholderHash();
        const member = await insertMemberInTx(tx, ctx, row);
        if (claim?.kind === 'hold') holds.push({ memberId: member.id, existingMemberId: claim.existingMemberId, hash: c.hash!, coveringPath: claim.coveringPath });
        out.push(member);
      }
      // Also when nothing is held: a held row must not cost a statement a new number does not.
      if (checked.some((c) => c.hash)) await insertHolds(tx, ctx, holds);
      return out;
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}

export async function importMembers(ctx: Context, unitId: string, rows: MemberImportRow[], dryRun: boolean, confirmRows: readonly number[] = []): Promise<ImportResult> {
  if (rows.length === 0) throw badArgument('rows', 'is empty: give at least one member.', '为空：请至少提供一名党员。');
  if (rows.length > MAX_IMPORT_ROWS) {
    throw badArgument('rows', `has ${rows.length} rows; at most ${MAX_IMPORT_ROWS} can be imported at once — split the file.`, `共 ${rows.length} 行，单次最多导入 ${MAX_IMPORT_ROWS} 行，请拆分文件。`);
  }
  const unit = await unitForMembers(ctx, 'unitId', unitId);

  const checked: Checked[] = rows.map((raw, i) => {
    const { fields, errors } = readRow(raw);
    const seen = new Set(errors.map((e) => e.field));
    // A cell that could not be read already has its error; the rule it then fails adds nothing.
    for (const e of validate(ctx, fields)) if (!seen.has(e.field)) errors.push(e);
    const idOk = fields.nationalId != null && typeof parseNationalId(fields.nationalId) !== 'string';
    const hash = idOk ? hashNationalId(fields.nationalId!, ctx.config.idSalt) : null;
    const result: RowResult = { row: i + 1, ok: false, errors, duplicateOfMemberId: null, duplicateOfRow: null, likelyDuplicateOfMemberId: null, skipped: false, memberId: null };
    return { fields, hash, result };
  });

  const firstRowOf = new Map<string, number>();
  for (const c of checked) {
    if (!c.hash) continue;
    const key = hex(c.hash);
    const first = firstRowOf.get(key);
    if (first === undefined) firstRowOf.set(key, c.result.row);
    else {
      c.result.duplicateOfRow = first;
      c.result.errors.push({ field: 'nationalId', message: `is the same ID number as row ${first} of this file.`, messageZh: `与本文件第 ${first} 行的身份证号码相同。` });
    }
  }

  if (firstRowOf.size) await countIdentityLookups(ctx, firstRowOf.size);
  await checkAgainstRecords(ctx, unit, checked, firstRowOf.size);

  const confirmed = new Set(confirmRows);
  const summarise = () => {
    for (const c of checked) {
      const r = c.result;
      r.ok = r.errors.length === 0;
      r.skipped = r.ok && (c.onRecord === true || (r.likelyDuplicateOfMemberId !== null && !confirmed.has(r.row)));
    }
    const results = checked.map((c) => c.result);
    const errorCount = results.filter((r) => !r.ok).length;
    const skippedCount = results.filter((r) => r.skipped).length;
    return { dryRun, total: rows.length, okCount: rows.length - errorCount, errorCount, skippedCount, rows: results };
  };
  let summary = summarise();
  const toWrite = () => checked.filter((c) => !c.result.skipped);
  if (dryRun || summary.errorCount > 0 || toWrite().length === 0) return { ...summary, written: false };

  let members: Member[];
  try {
    members = await write(ctx, unit, toWrite());
  } catch (err) {
    if (!isDuplicateNationalId(err)) throw err;
    // Someone wrote one of these numbers meanwhile: check again, and answer as if it had been there.
    await checkAgainstRecords(ctx, unit, checked, firstRowOf.size);
    summary = summarise();
    if (summary.errorCount > 0 || toWrite().length === 0) return { ...summary, written: false };
    try {
      members = await write(ctx, unit, toWrite());
    } catch (again) {
      if (!isDuplicateNationalId(again)) throw again;
      throw conflict(
        'Someone added a member with one of these ID numbers while you were importing; nothing was imported — check the file again.',
        '导入期间有人添加了使用其中某个身份证号码的党员，本次未导入任何记录，请重新检查文件。',
      );
    }
  }
  toWrite().forEach((c, i) => (c.result.memberId = members[i]!.id));
  return { ...summary, written: true };
}
