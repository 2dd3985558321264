// Learning pages' shared shapes and the pure parts of taking a quiz (readable in tests and the
// browser): a form's answers as the API takes them, and the countdown's display.
import type { ProofNode } from './fragments';
import { proofHref } from './portal';

/** What a course list and a course page both show about a course. */
export interface CourseFacts {
  id: string;
  title: string;
  description: string | null;
  category: string | null;
  classHours: number;
  mandatory: boolean;
  orgUnitName: string;
  publishedAt: string | null;
}

export interface CourseResourceNode {
  id: string;
  title: string;
  kind: string;
  uri: string;
  durationMinutes: number | null;
  position: number;
  contentHash: string | null;
}

export interface QuestionNode {
  id: string;
  kind: 'SINGLE_CHOICE' | 'MULTIPLE_CHOICE' | 'TRUE_FALSE';
  prompt: string;
  options: string[];
  points: number;
}

/** Handing in with questions unanswered is asked about first; the answers so far come back to keep them ticked without JavaScript. */
export interface SubmitConfirm {
  unanswered: number;
  firstUnanswered: string;
  answers: Record<string, number[]>;
}

/** Form fields `q.<questionId>` (one per ticked option) as the API's answers; unanswered questions are left out. */
export function answersFromForm(form: FormData, questionIds: readonly string[]): Array<{ questionId: string; choices: number[] }> {
  const out: Array<{ questionId: string; choices: number[] }> = [];
  for (const id of questionIds) {
    const choices = [...new Set(form.getAll(`q.${id}`).map((v) => Number(v)))].filter((n) => Number.isInteger(n) && n >= 0).sort((a, b) => a - b);
    if (choices.length > 0) out.push({ questionId: id, choices });
  }
  return out;
}

/** m:ss (or h:mm:ss) of a number of seconds, never negative. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** A site-relative resource address (the demo's `/learning/resources/<id>`) or an http(s) link elsewhere. */
export function isInternal(uri: string): boolean {
  return uri.startsWith('/') && !uri.startsWith('//');
}

/** A quiz attempt's record as PortalRecord proves it: its proof, the fields it shows, what it is, and its download. */
export function attemptProof(a: { id: string; version: number; status: string; score: number | null; maxScore: number; passed: boolean | null; proof: ProofNode }, what: string) {
  return { proof: a.proof, fields: { status: a.status, score: a.score, maxScore: a.maxScore, passed: a.passed }, what, downloadHref: proofHref('QuizAttempt', a.id, a.version, a.proof) };
}
