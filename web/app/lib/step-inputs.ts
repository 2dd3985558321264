// What each development step asks for beyond its date and notes (DevelopmentStepInput in the
// API's schema), so that the form shows only those fields and the action sends only them.
export type StepField =
  | 'recommendedBy'
  | 'conclusion'
  | 'passed'
  | 'training'
  | 'viewsHeard'
  | 'publicNotice'
  | 'vote'
  | 'groupOpinion'
  | 'people'
  | 'lateReason'
  | 'extension';

export const STEP_FIELDS: Record<string, readonly StepField[]> = {
  NOMINATION: ['recommendedBy'],
  MENTORS_ASSIGNED: ['people'],
  ACTIVIST_ASSESSMENT: ['conclusion'],
  CANDIDATE_DECISION: ['viewsHeard'],
  SPONSORS_ASSIGNED: ['people'],
  POLITICAL_REVIEW: ['conclusion', 'passed'],
  INTENSIVE_TRAINING: ['training'],
  HIGHER_PRE_REVIEW: ['publicNotice'],
  ADMISSION_MEETING: ['vote'],
  ADMISSION_APPROVAL: ['lateReason'],
  PROBATION_ASSESSMENT: ['conclusion'],
  CONFIRMATION_MEETING: ['vote', 'groupOpinion'],
  PROBATION_EXTENDED: ['vote', 'extension'],
  MEMBERSHIP_REVOKED: ['vote', 'extension'],
};

export function fieldsFor(kind: string): readonly StepField[] {
  return STEP_FIELDS[kind] ?? [];
}

export const VIEW_SOURCES = ['PARTY_GROUP', 'MENTORS', 'MEMBERS', 'PUBLIC'] as const;
export const RECOMMENDERS = ['PARTY_MEMBERS', 'MASS_ORGANISATION'] as const;

export class StepInputError extends Error {
  override name = 'StepInputError';
  constructor(
    readonly field: string,
    message: string,
    readonly messageZh: string,
  ) {
    super(message);
  }
}

function text(form: FormData, name: string): string {
  return String(form.get(name) ?? '').trim();
}

function int(form: FormData, name: string, zh: string): number {
  const raw = text(form, name);
  const n = Number(raw);
  if (raw === '' || !Number.isInteger(n) || n < 0) throw new StepInputError(name, `${name} must be a whole number ≥ 0`, `${zh}应为不小于 0 的整数`);
  return n;
}

/** DevelopmentStepInput for `kind` from the posted form (only the fields the step reads). */
export function stepInput(kind: string, form: FormData): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  const notes = text(form, 'notes');
  if (notes) input.notes = notes;
  for (const field of fieldsFor(kind)) {
    switch (field) {
      case 'recommendedBy':
        input.recommendedBy = text(form, 'recommendedBy');
        break;
      case 'conclusion':
        input.conclusion = text(form, 'conclusion');
        break;
      case 'passed':
        input.passed = form.get('passed') === 'on';
        break;
      case 'training':
        input.training = { startedOn: text(form, 'trainingStart'), classHours: Number(text(form, 'classHours')) };
        break;
      case 'viewsHeard':
        input.viewsHeard = { on: text(form, 'viewsOn'), sources: form.getAll('viewSources').map(String) };
        break;
      case 'publicNotice':
        input.publicNotice = { from: text(form, 'noticeFrom'), to: text(form, 'noticeTo') };
        break;
      case 'vote':
        input.vote = {
          entitled: int(form, 'entitled', '应到会人数'),
          present: int(form, 'present', '实到人数'),
          yes: int(form, 'yes', '赞成票'),
          no: int(form, 'no', '反对票'),
          abstain: int(form, 'abstain', '弃权票'),
        };
        break;
      case 'groupOpinion':
        input.groupOpinion = { on: text(form, 'groupOpinionOn'), text: text(form, 'groupOpinion') };
        break;
      case 'people':
        input.people = form.getAll('people').map(String).filter(Boolean);
        break;
      case 'lateReason': {
        const reason = text(form, 'lateReason');
        if (reason) input.lateReason = reason;
        break;
      }
      case 'extension': {
        const months = text(form, 'months');
        if (months) input.months = Number(months);
        input.reason = text(form, 'reason');
        input.approvedOn = text(form, 'approvedOn');
        break;
      }
    }
  }
  return input;
}

/** The form input a field named by the API (e.g. "input.training.startedOn") belongs to. */
const API_FIELD_INPUT: Record<string, string> = {
  step: 'kind',
  training: 'trainingStart',
  'training.startedOn': 'trainingStart',
  'training.classHours': 'classHours',
  viewsHeard: 'viewsOn',
  'viewsHeard.on': 'viewsOn',
  'viewsHeard.sources': 'viewSources',
  publicNotice: 'noticeFrom',
  'publicNotice.from': 'noticeFrom',
  'publicNotice.to': 'noticeTo',
  vote: 'entitled',
  groupOpinion: 'groupOpinion',
  'groupOpinion.on': 'groupOpinionOn',
  'groupOpinion.text': 'groupOpinion',
};

export function stepFormField(apiField: string): string {
  const path = apiField.replace(/^input\./, '');
  if (API_FIELD_INPUT[path]) return API_FIELD_INPUT[path];
  const vote = /^vote\.(entitled|present|yes|no|abstain)$/.exec(path);
  return vote ? vote[1]! : path;
}

/**
 * The form input a rule's refusal is about, when the API names no field: the date rules are about
 * the step's date, the people rules about the people chosen, the vote rules about the counts.
 * Other refusals (wrong stage, already recorded …) are about the whole form.
 */
const RULE_FIELD: Record<string, string> = {
  DATE_IN_FUTURE: 'occurredOn',
  DATE_BEFORE_PREREQUISITE: 'occurredOn',
  AGE_UNDER_18: 'occurredOn',
  TOO_EARLY_FOR_CANDIDACY: 'occurredOn',
  ASSESSMENTS_INCOMPLETE: 'occurredOn',
  NOTICE_TOO_SHORT: 'occurredOn',
  APPROVAL_WINDOW_EXPIRED: 'occurredOn',
  TOO_EARLY_FOR_CONFIRMATION: 'occurredOn',
  TOO_EARLY_FOR_EXTENSION: 'occurredOn',
  APPROVAL_NEEDS_SPECIAL_REASON: 'lateReason',
  RECOMMENDATION_MISSING: 'recommendedBy',
  MENTOR_COUNT: 'people',
  MENTOR_NOT_FULL_MEMBER: 'people',
  SPONSOR_COUNT: 'people',
  SPONSOR_NOT_FULL_MEMBER: 'people',
  VIEWS_NOT_HEARD: 'viewSources',
  TRAINING_TOO_SHORT: 'classHours',
  NOTICE_OUT_OF_ORDER: 'noticeFrom',
  VOTE_COUNTS_INVALID: 'entitled',
  QUORUM_NOT_MET: 'present',
  VOTE_NOT_PASSED: 'yes',
  GROUP_OPINION_MISSING: 'groupOpinion',
  EXTENSION_LENGTH_OUT_OF_RANGE: 'months',
  APPROVAL_BEFORE_MEETING: 'approvedOn',
};

export function stepRuleField(code: string, facts: Record<string, unknown> = {}): string | undefined {
  // A date rule about one of the step's own dates names it (e.g. the training's start).
  if (typeof facts.field === 'string' && facts.field !== 'occurredOn') return stepFormField(facts.field);
  return RULE_FIELD[code];
}

/** What was typed into the step form, to show again when it is refused. */
export function stepValues(form: FormData): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const name of new Set(form.keys())) {
    if (name === 'intent') continue;
    const all = form.getAll(name).map(String);
    values[name] = name === 'people' || name === 'viewSources' ? all : (all[0] ?? '');
  }
  return values;
}

/**
 * The earliest and latest date the rules allow for `kind`, as far as the page knows them: not
 * before the step's window (notBefore) nor the latest of the steps it follows, not after its hard
 * deadline nor today.
 */
export function stepDateBounds(
  action: { kind: string; notBefore: string | null; deadline: string | null } | undefined,
  history: ReadonlyArray<{ kind: string; occurredOn: string }>,
  today: string,
): { min?: string; max: string } {
  if (!action) return { max: today };
  const after = STEP_REQUIRES[action.kind] ?? [];
  // Steps 22 and 23 start again after an extension: only what followed it bounds them.
  const since = action.kind === 'FULL_MEMBERSHIP_APPLICATION' || action.kind === 'CONFIRMATION_MEETING' ? lastIndexOf(history, 'PROBATION_EXTENDED') : -1;
  const dates = history.filter((s, i) => i > since && after.includes(s.kind)).map((s) => s.occurredOn);
  if (action.notBefore) dates.push(action.notBefore);
  const min = dates.sort().at(-1);
  const max = action.deadline && action.deadline < today ? action.deadline : today;
  return min ? { min, max } : { max };
}

function lastIndexOf(history: ReadonlyArray<{ kind: string }>, kind: string): number {
  for (let i = history.length - 1; i >= 0; i--) if (history[i]!.kind === kind) return i;
  return -1;
}

/** The steps each step follows (the API's STEP table, `requires`): their latest date bounds its date. */
const STEP_REQUIRES: Record<string, readonly string[]> = {
  TALK: ['APPLICATION'],
  NOMINATION: ['TALK'],
  ACTIVIST_FILING: ['NOMINATION'],
  MENTORS_ASSIGNED: ['NOMINATION'],
  ACTIVIST_ASSESSMENT: ['MENTORS_ASSIGNED'],
  CANDIDATE_DECISION: ['ACTIVIST_FILING', 'MENTORS_ASSIGNED', 'ACTIVIST_ASSESSMENT'],
  CANDIDATE_FILING: ['CANDIDATE_DECISION'],
  SPONSORS_ASSIGNED: ['CANDIDATE_DECISION'],
  POLITICAL_REVIEW: ['CANDIDATE_DECISION'],
  INTENSIVE_TRAINING: ['CANDIDATE_DECISION'],
  COMMITTEE_REVIEW: ['CANDIDATE_FILING', 'SPONSORS_ASSIGNED', 'POLITICAL_REVIEW', 'INTENSIVE_TRAINING'],
  HIGHER_PRE_REVIEW: ['COMMITTEE_REVIEW'],
  APPLICATION_FORM: ['HIGHER_PRE_REVIEW'],
  ADMISSION_MEETING: ['APPLICATION_FORM'],
  COMMITTEE_TALK: ['ADMISSION_MEETING'],
  ADMISSION_APPROVAL: ['COMMITTEE_TALK'],
  DEPARTMENT_FILING: ['ADMISSION_APPROVAL'],
  PLACEMENT: ['ADMISSION_APPROVAL'],
  OATH: ['ADMISSION_APPROVAL'],
  PROBATION_ASSESSMENT: ['PLACEMENT'],
  FULL_MEMBERSHIP_APPLICATION: ['OATH', 'PLACEMENT'],
  CONFIRMATION_MEETING: ['FULL_MEMBERSHIP_APPLICATION', 'PROBATION_ASSESSMENT'],
  CONFIRMATION_APPROVAL: ['CONFIRMATION_MEETING'],
  FILES_ARCHIVED: ['CONFIRMATION_APPROVAL', 'DEPARTMENT_FILING'],
  PROBATION_EXTENDED: ['ADMISSION_APPROVAL'],
  MEMBERSHIP_REVOKED: ['ADMISSION_APPROVAL'],
};
