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

/** Requests between levels (docs/decisions/013): who asks, who decides, and in which state. */
export const LevelCode = defineCodes('pipeline', {
  LEVEL_ABOVE_DECIDES: {
    en: 'Steps 4, 8, 13, 16, 17, 18, 24 and 25 belong to the level above: the branch requests them (requestLevelStep) and an account of the deciding level decides. Reaches clients as FORBIDDEN with `extensions.rule`.',
    zh: '第 4、8、13、16、17、18、24、25 步属于上级党组织：由支部提出申请（requestLevelStep），由作出决定的上级组织账号审批。以 FORBIDDEN 返回，`extensions.rule` 说明规则。',
  },
  NOT_THE_DECIDING_LEVEL: {
    en: 'Only an account of the deciding level (the nearest committee above the member’s unit, or a level above it) may decide a request. Reaches clients as FORBIDDEN with `extensions.rule`.',
    zh: '只有作出决定的上级组织（人员所在组织之上最近的基层党委或更上级）的账号才能审批申请。以 FORBIDDEN 返回，`extensions.rule` 说明规则。',
  },
  NOT_THE_REVIEWING_LEVEL: {
    en: 'A request from a branch under a general branch (党总支) is reviewed first by an account of that general branch, or of a level above it: only they pass it on or return it. Reaches clients as FORBIDDEN with `extensions.rule`.',
    zh: '党总支下属支部的申请先由该党总支（或更上级）的账号审核：只有他们能转报或退回。以 FORBIDDEN 返回，`extensions.rule` 说明规则。',
  },
  GENERAL_BRANCH_PASSES_ON: {
    en: 'A general branch (党总支) reviews and passes requests on to the committee above; it does not approve or decide them. Reaches clients as FORBIDDEN with `extensions.rule`.',
    zh: '党总支审核并转报申请至上级党委，不作审批。以 FORBIDDEN 返回，`extensions.rule` 说明规则。',
  },
  REQUEST_NOT_IN_REVIEW: { en: 'The request is not waiting on a general branch’s review (passed on, decided, or never reviewed).', zh: '该申请不在党总支审核中（已转报、已办理或无需审核）。' },
  NOT_A_LEVEL_ABOVE_STEP: { en: 'This step is the branch’s own: record it, do not request it.', zh: '该步骤由支部自行办理：直接记录，无需申请。' },
  NO_DECIDING_LEVEL: { en: 'No committee (基层党委) above the member’s unit can decide this step.', zh: '该人员所在组织之上没有可审批该步骤的基层党委。' },
  REQUEST_ALREADY_PENDING: { en: 'A request for this step is already waiting on the level above.', zh: '该步骤已有申请在等待上级审批。' },
  REQUEST_NOT_PENDING: { en: 'The request has already been decided (approved or returned).', zh: '该申请已办理（已批准或已退回）。' },
});

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
