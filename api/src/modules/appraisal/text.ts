// Free-text checks shared by appraisal, feedback and transfer inputs: trimmed length bounds and
// no control characters (single-line fields refuse line breaks too).
import type { FieldErrors } from '../../shared/errors.js';

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const CONTROL_OR_NEWLINE = /[\u0000-\u001f\u007f]/;

export function checkText(errs: FieldErrors, field: string, value: string | null | undefined, min: number, max: number, singleLine: boolean): void {
  if (value == null) return;
  const v = value.trim();
  if (v.length < min) errs.add(field, min <= 1 ? 'must not be empty.' : `must be at least ${min} characters.`, min <= 1 ? '不能为空。' : `不能少于 ${min} 个字符。`);
  else if (v.length > max) errs.add(field, `must be at most ${max} characters.`, `不能超过 ${max} 个字符。`);
  else if ((singleLine ? CONTROL_OR_NEWLINE : CONTROL).test(v)) errs.add(field, 'must not contain control characters.', '不能包含控制字符。');
}
