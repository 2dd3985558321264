import type { WorkingDayCalendar } from './calendar.js';
import type { IsoDate } from '../dates.js';
import type { Rule, RuleCode, RuleText } from './rules.js';
import type { Stage, StepKind } from './steps.js';
import type { BranchVote } from './vote.js';

export type MemberStatus = 'ACTIVE' | 'TRANSFERRED_OUT' | 'REVOKED' | 'WITHDRAWN' | 'EXPELLED' | 'DECEASED';

/** What the engine needs to know about the person (a Member row). */
export interface MemberFacts {
  id: string;
  birthDate: IsoDate;
  stage: Stage;
  status: MemberStatus;
}

/** A mentor or sponsor as the engine sees them: who, and whether they are an active full member. */
export interface PersonRef {
  id: string;
  stage: Stage;
  status: MemberStatus;
}

export const VIEW_SOURCES = ['PARTY_GROUP', 'MENTORS', 'MEMBERS', 'PUBLIC'] as const;
export type ViewSource = (typeof VIEW_SOURCES)[number];

export const RECOMMENDERS = ['PARTY_MEMBERS', 'MASS_ORGANISATION'] as const;
export type Recommender = (typeof RECOMMENDERS)[number];

/** Everything any step may carry; each step reads only its own fields (see RULES.md). */
export interface StepInput {
  notes?: string;
  /** 3: 党员推荐 or 群团组织推优. */
  recommendedBy?: Recommender;
  /** 5: one or two mentors; 9: exactly two sponsors. */
  people?: PersonRef[];
  /** 6, 10, 21: the assessment's or review's conclusion. */
  conclusion?: string;
  /** 10: whether the political review found the candidate qualified. */
  passed?: boolean;
  /** 7: when and from whom views were heard. */
  viewsHeard?: { on: IsoDate; sources: ViewSource[] };
  /** 11: first day of the training (the step's date is the last) and class hours. */
  training?: { startedOn: IsoDate; classHours: number };
  /** 13: the public notice's first and last day. */
  publicNotice?: { from: IsoDate; to: IsoDate };
  /** 15, 23, extension, revocation: the branch general meeting's vote. */
  vote?: BranchVote;
  /** 23: the party group's opinion. */
  groupOpinion?: { on: IsoDate; text: string };
  /** 17: the special circumstances of an approval after three months. */
  lateReason?: string;
  /** Extension: its length in months (6–12). */
  months?: number;
  /** Extension and revocation: the higher committee's approval date. */
  approvedOn?: IsoDate;
  /** Extension and revocation: why. */
  reason?: string;
}

/** What a recorded step keeps: the input as recorded (people by id only), computed facts, warnings. */
export interface StepDetails extends Omit<StepInput, 'people' | 'training' | 'publicNotice'> {
  personIds?: string[];
  training?: { startedOn: IsoDate; classHours: number; days: number };
  publicNotice?: { from: IsoDate; to: IsoDate; workingDays: number };
  warnings?: { code: RuleCode; zh: string; en: string }[];
}

/** One step on record, in recording order. */
export interface StepEvent {
  kind: StepKind;
  occurredOn: IsoDate;
  details: StepDetails;
  /** A step still awaiting (or refused) a higher unit's approval has not happened for the rules. */
  approval?: 'NOT_REQUIRED' | 'PENDING' | 'APPROVED' | 'REJECTED';
}

export interface MemberFieldUpdate {
  stage?: Stage;
  status?: MemberStatus;
  appliedOn?: IsoDate;
  activistSince?: IsoDate;
  candidateSince?: IsoDate;
  probationarySince?: IsoDate;
  probationEndsOn?: IsoDate;
  probationExtended?: boolean;
  fullMemberSince?: IsoDate;
  statusChangedOn?: IsoDate;
}

export type Effect =
  | { type: 'SET_MEMBER'; fields: MemberFieldUpdate }
  | { type: 'ASSIGN'; role: 'MENTOR' | 'SPONSOR'; memberIds: string[]; on: IsoDate }
  | { type: 'WARNING'; rule: Rule };

export interface StepRecord {
  kind: StepKind;
  no: number;
  stage: Stage;
  occurredOn: IsoDate;
  notBefore?: IsoDate;
  dueOn?: IsoDate;
  details: StepDetails;
}

export type ApplyOk = { ok: true; step: StepRecord; newStage?: Stage; effects: Effect[] };
export type Refusal = { ok: false; code: RuleCode; rule: RuleText; facts?: Record<string, string | number | string[]> };
export type ApplyResult = ApplyOk | Refusal;

export interface EngineOptions {
  calendar?: WorkingDayCalendar;
}

/** The timer bounds of a step, relative to the history. */
export interface StepWindow {
  /** Hard: the step is refused before this date. */
  notBefore?: IsoDate;
  /** Soft: recording before this date adds a warning. */
  recommendedFrom?: IsoDate;
  /** Soft deadline: recording after it adds a warning, and it shows as overdue. */
  dueOn?: IsoDate;
  /** Hard deadline: refused after this date. */
  deadline?: IsoDate;
}

export interface LegalAction extends StepWindow {
  kind: StepKind;
  no: number;
  stage: Stage;
  zh: string;
  en: string;
  /** Whether the step, with valid input, could be recorded dated today. */
  legalToday: boolean;
  /** Why not today, when `legalToday` is false. */
  blockedBy?: { code: RuleCode; rule: RuleText; facts?: Refusal['facts'] };
}

export type DueStatus = 'DUE' | 'OVERDUE' | 'EXPIRED';

export interface DueItem {
  kind: StepKind;
  no: number;
  zh: string;
  en: string;
  dueOn: IsoDate;
  deadline?: IsoDate;
  status: DueStatus;
  /** dueOn − today: negative when overdue. */
  daysLeft: number;
  rule: Rule;
}
