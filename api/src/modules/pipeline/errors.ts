// A refused step as a GraphQL error: `extensions.code` is the rule's machine code (e.g.
// TOO_EARLY_FOR_CANDIDACY), `extensions.rule` its text in Chinese and English, `extensions.facts`
// the dates and counts behind the refusal. Missing or malformed input is BAD_USER_INPUT with
// the field named, as everywhere else in the API, and still carries the rule.
import type { GraphQLError } from 'graphql';
import { RULES, STEP, isStepKind, type Refusal, type RuleCode } from '@lianjian/rules/pipeline';
import { appError, defineCodes, ErrorCode, type CodeEntry } from '../../shared/errors.js';

/** Every rule of the engine is an error code (INPUT_MISSING/INPUT_INVALID reach clients as BAD_USER_INPUT). */
export const PipelineCode = defineCodes(
  'pipeline',
  Object.fromEntries(
    Object.values(RULES)
      .filter((r) => r.code !== 'INPUT_MISSING' && r.code !== 'INPUT_INVALID')
      .map((r) => [r.code, { en: r.en, zh: r.zh }]),
  ) as Record<Exclude<RuleCode, 'INPUT_MISSING' | 'INPUT_INVALID'>, CodeEntry>,
);

function factText(facts: Refusal['facts']): { en: string; zh: string } {
  if (!facts) return { en: '', zh: '' };
  if (typeof facts.earliestOn === 'string') return { en: ` (earliest ${facts.earliestOn})`, zh: `（最早 ${facts.earliestOn}）` };
  if (typeof facts.deadline === 'string') return { en: ` (the deadline was ${facts.deadline})`, zh: `（期限为 ${facts.deadline}）` };
  if (typeof facts.dueOn === 'string') return { en: ` (due by ${facts.dueOn})`, zh: `（应于 ${facts.dueOn} 前）` };
  if (Array.isArray(facts.missing)) return { en: ` (missing: ${facts.missing.join(', ')})`, zh: `（缺少：${facts.missing.join('、')}）` };
  return { en: '', zh: '' };
}

export function refusalError(r: Refusal, kind: string): GraphQLError {
  const spec = isStepKind(kind) ? STEP[kind] : null;
  const what = spec ? { en: `step ${spec.no} (${spec.en})`, zh: `第 ${spec.no} 步「${spec.zh}」` } : { en: `step ${kind}`, zh: `步骤 ${kind}` };
  const f = factText(r.facts);
  const rule = { code: r.code, zh: r.rule.zh, en: r.rule.en };
  const base = { rule, facts: r.facts ?? {}, step: kind };
  if (r.code === 'INPUT_MISSING' || r.code === 'INPUT_INVALID') {
    const field = `input.${String(r.facts?.field ?? 'input')}`.replace(/^input\.(step|occurredOn)$/, '$1');
    const why = typeof r.facts?.why === 'string' ? r.facts.why : r.rule.en;
    const message = r.code === 'INPUT_MISSING' ? 'is required for this step.' : why;
    const messageZh = r.code === 'INPUT_MISSING' ? '该步骤必须填写此项。' : r.rule.zh;
    return appError(ErrorCode.BAD_USER_INPUT, `Cannot record ${what.en}: ${field}: ${message}`, {
      messageZh: `不能记录${what.zh}：${field}：${messageZh}`,
      extensions: { fields: [{ field, message, messageZh }], ...base },
    });
  }
  return appError(r.code, `Cannot record ${what.en}: ${r.rule.en}${f.en}`, { messageZh: `不能记录${what.zh}：${r.rule.zh}${f.zh}`, extensions: base });
}
