// Validation of member input: every problem is collected with its field path, in English and
// Chinese, and raised together as one BAD_USER_INPUT error.
import type { Education, Gender, MemberStage, MemberStatus } from '@lianjian/db';
import { FieldErrors } from '../../shared/errors.js';
import type { Id } from '../../shared/ids.js';
import { parseNationalId } from './national-id.js';

export interface MemberFields {
  name?: string | null;
  gender?: Gender | null;
  birthDate?: Date | null;
  ethnicity?: string | null;
  education?: Education | null;
  occupation?: string | null;
  nativePlace?: string | null;
  nationalId?: string | null;
  phone?: string | null;
  address?: string | null;
}

export interface CreateMemberFields extends MemberFields {
  orgUnitId: Id;
  name: string;
  gender: Gender;
  birthDate: Date;
  ethnicity: string;
  education: Education;
  stage?: MemberStage | null;
  appliedOn?: Date | null;
  activistSince?: Date | null;
  candidateSince?: Date | null;
  probationarySince?: Date | null;
  fullMemberSince?: Date | null;
}

export interface UpdateMemberFields extends MemberFields {
  status?: MemberStatus | null;
  statusChangedOn?: Date | null;
}

const STAGE_DATES = [
  ['APPLICANT', 'appliedOn', '申请日期'],
  ['ACTIVIST', 'activistSince', '确定积极分子日期'],
  ['CANDIDATE', 'candidateSince', '确定发展对象日期'],
  ['PROBATIONARY', 'probationarySince', '接收预备党员日期'],
  ['FULL', 'fullMemberSince', '转正日期'],
] as const;

/** Statuses updateMember may set; REVOKED and TRANSFERRED_OUT come from the pipeline and transfers. */
export const EDITABLE_STATUSES: readonly MemberStatus[] = ['ACTIVE', 'WITHDRAWN', 'EXPELLED', 'DECEASED'];

const CONTROL = /[\u0000-\u001f\u007f]/;
const MOBILE = /^(?:\+?86)?1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}$/;

function text(errs: FieldErrors, field: string, value: string | null | undefined, max: number, required: boolean): void {
  if (value == null) return;
  const v = value.trim();
  if (required && v.length === 0) errs.add(field, 'must not be empty.', '不能为空。');
  else if (v.length > max) errs.add(field, `must be at most ${max} characters.`, `不能超过 ${max} 个字符。`);
  else if (CONTROL.test(v)) errs.add(field, 'must not contain control characters.', '不能包含控制字符。');
}

function addYears(d: Date, years: number): Date {
  const r = new Date(d);
  r.setUTCFullYear(r.getUTCFullYear() + years);
  return r;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** Checks the fields both create and update accept; `today` bounds dates; `current` fills gaps on update. */
function checkCommon(errs: FieldErrors, f: MemberFields, today: Date, current: { birthDate: Date; gender: Gender } | null): void {
  text(errs, 'input.name', f.name, 50, true);
  text(errs, 'input.ethnicity', f.ethnicity, 20, true);
  text(errs, 'input.occupation', f.occupation, 100, false);
  text(errs, 'input.nativePlace', f.nativePlace, 100, false);
  text(errs, 'input.address', f.address, 200, false);
  if (f.birthDate) {
    if (f.birthDate > today) errs.add('input.birthDate', 'must not be in the future.', '不能晚于今天。');
    else if (f.birthDate.getUTCFullYear() < 1900) errs.add('input.birthDate', 'must be 1900 or later.', '不能早于 1900 年。');
  }
  if (f.phone != null && f.phone.trim() !== '') {
    const p = f.phone.replace(/[\s()]/g, '');
    if (!MOBILE.test(p) && !LANDLINE.test(p)) {
      errs.add('input.phone', 'must be a mainland mobile number (11 digits starting with 1) or a landline such as 010-12345678.', '应为 11 位手机号或固定电话（如 010-12345678）。');
    }
  }
  if (f.nationalId != null && f.nationalId.trim() !== '') {
    const parsed = parseNationalId(f.nationalId);
    if (parsed === 'format') errs.add('input.nationalId', 'must be an 18-character resident ID number (17 digits and a digit or X).', '应为 18 位居民身份证号码（17 位数字加 1 位数字或 X）。');
    else if (parsed === 'checksum') errs.add('input.nationalId', 'has a wrong check character: re-type the number.', '校验位不正确，请重新输入。');
    else if (parsed === 'birthDate') errs.add('input.nationalId', 'holds an impossible birth date.', '包含不存在的出生日期。');
    else {
      const birth = f.birthDate ?? current?.birthDate;
      const gender = f.gender ?? current?.gender;
      if (birth && iso(birth) !== parsed.birthDate) {
        errs.add('input.nationalId', `states birth date ${parsed.birthDate}, which differs from birthDate ${iso(birth)}.`, `证件中的出生日期 ${parsed.birthDate} 与出生日期 ${iso(birth)} 不一致。`);
      }
      if (gender && gender !== parsed.gender) {
        errs.add('input.nationalId', `belongs to a ${parsed.gender.toLowerCase()} person, but gender is ${gender}.`, `证件号码对应的性别与填写的性别不一致。`);
      }
    }
  }
}

export function validateCreate(f: CreateMemberFields, today: Date): void {
  const errs = new FieldErrors();
  checkCommon(errs, f, today, null);
  const stage = f.stage ?? 'APPLICANT';
  const stageIdx = STAGE_DATES.findIndex(([s]) => s === stage);
  let previous: { field: string; date: Date } | null = null;
  STAGE_DATES.forEach(([s, field, zh], i) => {
    const value = f[field];
    const path = `input.${field}`;
    if (i > stageIdx) {
      if (value) errs.add(path, `must be empty for a member at stage ${stage}.`, `当前阶段不应填写${zh}。`);
      return;
    }
    if (i === stageIdx && !value) errs.add(path, `is required for a member at stage ${s}.`, `该阶段必须填写${zh}。`);
    if (!value) return;
    if (value > today) errs.add(path, 'must not be in the future.', '不能晚于今天。');
    if (previous && value < previous.date) errs.add(path, `must not be before ${previous.field}.`, `不能早于 ${previous.field}。`);
    previous = { field, date: value };
  });
  const first = STAGE_DATES.map(([, field]) => f[field]).find((d): d is Date => d instanceof Date);
  if (first && f.birthDate && first < addYears(f.birthDate, 18)) {
    errs.add('input.birthDate', 'makes the person younger than 18 on the application date; applicants must be at least 18.', '申请时未满 18 周岁，申请人须年满 18 周岁。');
  }
  errs.throwIfAny();
}

export function validateUpdate(f: UpdateMemberFields, today: Date, current: { birthDate: Date; gender: Gender; appliedOn: Date | null }): void {
  const errs = new FieldErrors();
  for (const field of ['name', 'gender', 'birthDate', 'ethnicity', 'education'] as const) {
    if (f[field] === null) errs.add(`input.${field}`, 'cannot be cleared; leave it out to keep the current value.', '不能清空；不修改请不要提供该字段。');
  }
  checkCommon(errs, f, today, current);
  if (f.status && !EDITABLE_STATUSES.includes(f.status)) {
    errs.add('input.status', `cannot be set to ${f.status} here: revocation goes through the development pipeline and transfers through transfer letters.`, `此处不能设置为 ${f.status}：取消资格须走发展流程，转出须开具组织关系介绍信。`);
  }
  if (f.statusChangedOn && f.statusChangedOn > today) errs.add('input.statusChangedOn', 'must not be in the future.', '不能晚于今天。');
  if (f.birthDate && current.appliedOn && current.appliedOn < addYears(f.birthDate, 18)) {
    errs.add('input.birthDate', 'makes the person younger than 18 on their application date.', '将使申请时未满 18 周岁。');
  }
  errs.throwIfAny();
}
