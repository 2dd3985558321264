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
