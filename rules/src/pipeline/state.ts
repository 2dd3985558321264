// The member's development state is a fold over the recorded steps: the stage and every date the
// timers need come from the history, never from mutable columns, so the Member row's stage can be
// checked against it (and a history that does not justify a stage is caught).

import { addMonths, addYears, maxDate, type IsoDate } from '../dates.js';
import { STAGE_CHANGE, type Stage, type StepKind } from './steps.js';
import type { StepEvent } from './types.js';

export interface PipelineState {
  stage: Stage;
  revoked: boolean;
  events: readonly StepEvent[];
  appliedOn?: IsoDate;
  activistSince?: IsoDate;
  candidateSince?: IsoDate;
  admissionMeetingOn?: IsoDate;
  probationarySince?: IsoDate;
  probationEndsOn?: IsoDate;
  extended: boolean;
  fullMemberSince?: IsoDate;
  revokedOn?: IsoDate;
  /** Index in `events` of the extension, or −1: the application and meeting restart after it. */
  extensionIndex: number;
}

export function foldHistory(history: readonly StepEvent[]): PipelineState {
  const events = history.filter((e) => e.approval !== 'PENDING' && e.approval !== 'REJECTED');
  const st: PipelineState = { stage: 'APPLICANT', revoked: false, events, extended: false, extensionIndex: -1 };
  events.forEach((e, i) => {
    const to = STAGE_CHANGE[e.kind];
    if (to) st.stage = to;
    switch (e.kind) {
      case 'APPLICATION':
        st.appliedOn = e.occurredOn;
        break;
      case 'NOMINATION':
        st.activistSince = e.occurredOn;
        break;
      case 'CANDIDATE_DECISION':
        st.candidateSince = e.occurredOn;
        break;
      case 'ADMISSION_MEETING':
        st.admissionMeetingOn = e.occurredOn;
        break;
      case 'ADMISSION_APPROVAL':
        // Probation counts from the day the branch general meeting passed the admission.
        st.probationarySince = st.admissionMeetingOn ?? e.occurredOn;
        st.probationEndsOn = addYears(st.probationarySince, 1);
        break;
      case 'PROBATION_EXTENDED':
        st.extended = true;
        st.extensionIndex = i;
        if (st.probationEndsOn && e.details.months) st.probationEndsOn = addMonths(st.probationEndsOn, e.details.months);
        break;
      case 'CONFIRMATION_APPROVAL':
        // Party age counts from the day the probation ended, not from the approval.
        st.fullMemberSince = st.probationEndsOn;
        break;
      case 'MEMBERSHIP_REVOKED':
        st.revoked = true;
        st.revokedOn = e.details.approvedOn ?? e.occurredOn;
        break;
      default:
        break;
    }
  });
  return st;
}

export function occurrences(st: PipelineState, kind: StepKind, sinceIndex = -1): StepEvent[] {
  return st.events.filter((e, i) => e.kind === kind && i > sinceIndex);
}

export function has(st: PipelineState, kind: StepKind, sinceIndex = -1): boolean {
  return st.events.some((e, i) => e.kind === kind && i > sinceIndex);
}

/** The latest date among the occurrences of `kind` (dates need not follow recording order). */
export function latestOn(st: PipelineState, kind: StepKind, sinceIndex = -1): IsoDate | undefined {
  return maxDate(...occurrences(st, kind, sinceIndex).map((e) => e.occurredOn));
}

/** The last recorded occurrence of `kind`. */
export function lastOf(st: PipelineState, kind: StepKind): StepEvent | undefined {
  for (let i = st.events.length - 1; i >= 0; i--) if (st.events[i]!.kind === kind) return st.events[i];
  return undefined;
}

/** Steps 22 and 23 start again after an extension; other steps count from the start. */
export function scopeIndex(st: PipelineState, kind: StepKind): number {
  return kind === 'FULL_MEMBERSHIP_APPLICATION' || kind === 'CONFIRMATION_MEETING' ? st.extensionIndex : -1;
}
