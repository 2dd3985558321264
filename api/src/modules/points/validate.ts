// Field checks of the points mutations. All problems of one input are reported together.
import { FieldErrors } from '../../shared/errors.js';
import { MAX_DAILY_CAP, MAX_GRANT_POINTS, MAX_REASON_LENGTH, MAX_RULE_DESCRIPTION_LENGTH, MAX_RULE_NAME_LENGTH, MAX_RULE_POINTS, RULE_CODE } from './limits.js';

export function checkRuleCode(errors: FieldErrors, field: string, code: string): void {
  if (!RULE_CODE.test(code)) {
    errors.add(field, 'must be 2–40 upper-case letters, digits or underscores, starting with a letter (e.g. MEETING_ATTENDANCE).', '应为 2–40 位大写字母、数字或下划线，以字母开头（如 MEETING_ATTENDANCE）。');
  }
}

export function checkText(errors: FieldErrors, field: string, value: string | null | undefined, max: number, required: boolean): void {
  const v = value?.trim() ?? '';
  if (required && v === '') errors.add(field, 'must not be empty.', '不能为空。');
  else if (v.length > max) errors.add(field, `must be at most ${max} characters.`, `不能超过 ${max} 个字符。`);
}

/** A rule's points and cap: non-zero and bounded; a cap bounds earnings, so it is positive, at least one award, and only for rules that add points. */
export function checkRuleAmounts(errors: FieldErrors, prefix: string, points: number, dailyCap: number | null): void {
  if (points === 0 || Math.abs(points) > MAX_RULE_POINTS) {
    errors.add(`${prefix}points`, `must be non-zero and between -${MAX_RULE_POINTS} and ${MAX_RULE_POINTS}.`, `不能为 0，且应在 -${MAX_RULE_POINTS} 到 ${MAX_RULE_POINTS} 之间。`);
  }
  if (dailyCap === null) return;
  if (dailyCap <= 0 || dailyCap > MAX_DAILY_CAP) {
    errors.add(`${prefix}dailyCap`, `must be between 1 and ${MAX_DAILY_CAP}, or null for no cap.`, `应在 1 到 ${MAX_DAILY_CAP} 之间，不设上限时为 null。`);
  } else if (points < 0) {
    errors.add(`${prefix}dailyCap`, 'must be null for a rule that deducts points (a cap bounds what is earned).', '扣分规则不设每日上限（上限只约束得分）。');
  } else if (dailyCap < points) {
    errors.add(`${prefix}dailyCap`, `must be at least the rule's points (${points}), or no award could be made in full.`, `不能小于每次分值（${points}），否则单次得分都会被截断。`);
  }
}

export function checkGrantPoints(errors: FieldErrors, field: string, points: number): void {
  if (points === 0 || Math.abs(points) > MAX_GRANT_POINTS) {
    errors.add(field, `must be non-zero and between -${MAX_GRANT_POINTS} and ${MAX_GRANT_POINTS}.`, `不能为 0，且应在 -${MAX_GRANT_POINTS} 到 ${MAX_GRANT_POINTS} 之间。`);
  }
}

export function checkReason(errors: FieldErrors, field: string, reason: string): void {
  checkText(errors, field, reason, MAX_REASON_LENGTH, true);
}

export function checkRuleName(errors: FieldErrors, prefix: string, name: string | null | undefined, description: string | null | undefined, nameRequired: boolean): void {
  checkText(errors, `${prefix}name`, name, MAX_RULE_NAME_LENGTH, nameRequired);
  checkText(errors, `${prefix}description`, description, MAX_RULE_DESCRIPTION_LENGTH, false);
}
