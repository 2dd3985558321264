// How densely each module is populated. `full` is the demo's and the tests' density (every
// meeting of the history with its attendance, frequent learning, three peers per appraisal, every
// member's whole development history): about 72 domain rows per member, plus one outbox record
// each. `scale` keeps every module, every stage and every rule but samples, so that a million
// members fit a small machine's disk and load in well under an hour.
//
// Domain rows per member, measured on 20,000 members, seed 1 (the outbox adds as many again):
//
//   table                 full   scale   why scale has fewer
//   development_step      22.4    7.8    records begin 2023-11-01: a full member whose development
//                                        ended before then came in with the dates on the member
//                                        row (the steps are in the paper archive); members still in
//                                        development, and all admitted since, have the whole,
//                                        engine-valid history
//   mentor_assignment      2.8    1.2    idem (the mentors and sponsors those histories name)
//   points_entry          17.3    4.2    fed by the attendance and learning that remain
//   attendance            14.0    3.5    3 months of meetings (full: 6), one quarter, so every
//                                        monthly and quarterly kind occurs; the latest month's
//                                        meetings and the branch general meeting carry attendance,
//                                        earlier ones are on record with minutes only
//   meeting_registration   2.3    1.4    idem
//   meeting_feedback       1.5    0.4    idem
//   meeting                1.3    0.65   idem
//   course_completion      2.7    0.67   mandatory courses 15 % (full 60 %), optional 3 % (15 %)
//   quiz_attempt           2.1    0.35   quiz after 50 % of completions (70 %), retried 30 % (60 %)
//   peer_assessment        2.1    0.69   one peer per member (full: three)
//   member, self_assessment, appraisal_result, votes, ballots, decisions, transfers, feedback:
//                                        unchanged (~3.6)
//   total                 ~72    ~24.6   (with the outbox: ~144 and ~49 rows per member)
import { addYears, BASE_DATE } from './dates.js';

export type ProfileName = 'full' | 'scale';

export interface Density {
  profile: ProfileName;
  /** Months of meeting history before the base date. */
  months: number;
  /** Months (counted back from the latest) whose meetings carry attendance, registrations and feedback; null: all. */
  attendanceMonths: number | null;
  /** Chance that an eligible member completed a mandatory / an optional course in the past year. */
  mandatoryCourse: number;
  optionalCourse: number;
  /** Chance that a completion is followed by quiz attempts, and that a failed attempt is retried. */
  quiz: number;
  retry: number;
  /** Peers each member assesses in the annual appraisal. */
  peers: number;
  /**
   * When the records begin: a full member whose development ended before then has no step rows
   * (nor mentor/sponsor assignments), only the dates on the member row. null: every history.
   */
  historySince: Date | null;
}

/** From this many members the scale profile is the default. */
export const SCALE_FROM = 50_000;

export function density(profile: ProfileName, months?: number): Density {
  if (profile === 'full') {
    return { profile, months: months ?? 6, attendanceMonths: null, mandatoryCourse: 0.6, optionalCourse: 0.15, quiz: 0.7, retry: 0.6, peers: 3, historySince: null };
  }
  // Three months: one quarter, so every monthly and quarterly meeting kind occurs.
  // Records from three years before the base date (2023-11-01).
  return {
    profile,
    months: months ?? 3,
    attendanceMonths: 1,
    mandatoryCourse: 0.15,
    optionalCourse: 0.03,
    quiz: 0.5,
    retry: 0.3,
    peers: 1,
    historySince: addYears(BASE_DATE, -3),
  };
}
