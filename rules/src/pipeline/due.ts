// What the branch owes a member now: each pending deadline with its status on `today`. Deadlines
// bind the organisation (talk, pre-review, approvals, regular assessments, discussing the end of
// probation), so they are reminders and overdue flags, never reasons to refuse the member a step.

import { WEEKENDS_ONLY } from './calendar.js';
import { daysBetween, type IsoDate } from '../dates.js';
import { stepWindow } from './engine.js';
import { rule, type RuleCode } from './rules.js';
import { foldHistory, has } from './state.js';
import { STEP, type StepKind } from './steps.js';
import type { DueItem, DueStatus, EngineOptions, MemberFacts, StepEvent } from './types.js';

export function dueAndOverdue(
  member: MemberFacts,
  history: readonly StepEvent[],
  today: IsoDate,
  options: EngineOptions = {},
): DueItem[] {
  const cal = options.calendar ?? WEEKENDS_ONLY;
  const st = foldHistory(history);
  if (st.revoked || member.status !== 'ACTIVE' || member.stage !== st.stage) return [];
  const items: DueItem[] = [];
  const add = (kind: StepKind, code: RuleCode, dueOn: IsoDate | undefined, deadline?: IsoDate) => {
    if (!dueOn) return;
    const status: DueStatus = deadline && today > deadline ? 'EXPIRED' : today > dueOn ? 'OVERDUE' : 'DUE';
    const spec = STEP[kind];
    const item: DueItem = { kind, no: spec.no, zh: spec.zh, en: spec.en, dueOn, status, daysLeft: daysBetween(today, dueOn), rule: rule(code) };
    if (deadline) item.deadline = deadline;
    items.push(item);
  };
  const pending = (kind: StepKind, after: StepKind, since = -1) => has(st, after) && !has(st, kind, since);

  if (pending('TALK', 'APPLICATION')) add('TALK', 'TALK_LATE', stepWindow(st, 'TALK', cal).dueOn);
  if (st.stage === 'ACTIVIST') add('ACTIVIST_ASSESSMENT', 'ASSESSMENT_OVERDUE', stepWindow(st, 'ACTIVIST_ASSESSMENT', cal).dueOn);
  if (pending('HIGHER_PRE_REVIEW', 'COMMITTEE_REVIEW')) add('HIGHER_PRE_REVIEW', 'PRE_REVIEW_LATE', stepWindow(st, 'HIGHER_PRE_REVIEW', cal).dueOn);
  if (pending('ADMISSION_APPROVAL', 'ADMISSION_MEETING')) {
    const w = stepWindow(st, 'ADMISSION_APPROVAL', cal);
    const expired = w.deadline !== undefined && today > w.deadline;
    add('ADMISSION_APPROVAL', expired ? 'APPROVAL_WINDOW_EXPIRED' : 'APPROVAL_NEEDS_SPECIAL_REASON', w.dueOn, w.deadline);
  }
  if (st.stage === 'PROBATIONARY') {
    add('PROBATION_ASSESSMENT', 'PROBATION_ASSESSMENT_OVERDUE', stepWindow(st, 'PROBATION_ASSESSMENT', cal).dueOn);
    if (!has(st, 'CONFIRMATION_MEETING', st.extensionIndex)) {
      add('CONFIRMATION_MEETING', 'PROBATION_ENDED_NOT_DISCUSSED', st.probationEndsOn);
    } else if (!has(st, 'CONFIRMATION_APPROVAL')) {
      add('CONFIRMATION_APPROVAL', 'CONFIRMATION_APPROVAL_LATE', stepWindow(st, 'CONFIRMATION_APPROVAL', cal).dueOn);
    }
  }
  return items.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.no - b.no));
}
