// Organisation-wide learning catalogue and points rules, owned by the committee. Deterministic
// from the seed alone, so every chunk generator can refer to the same ids.
import { addDays, atOfficeHours, BASE_DATE } from './dates.js';
import { Prng } from './prng.js';
import { QUESTION_BANKS } from './questions.js';

export interface QuestionPlan {
  id: string;
  kind: 'SINGLE_CHOICE' | 'MULTIPLE_CHOICE' | 'TRUE_FALSE';
  prompt: string;
  explanation: string;
  options: string[];
  correct: number[];
  points: number;
}

export interface CoursePlan {
  id: string;
  title: string;
  category: string;
  classHours: number;
  mandatory: boolean;
  publishedAt: Date;
  resources: Array<{ id: string; kind: 'ARTICLE' | 'DOCUMENT' | 'VIDEO' | 'AUDIO' | 'LINK'; title: string; durationMinutes: number | null }>;
  questions: QuestionPlan[];
  quiz: { id: string; title: string; questionCount: number; timeLimitSeconds: number; passScore: number; maxAttempts: number; opensAt: Date };
}

export interface RulePlan {
  id: string;
  code: string;
  revision: number;
  name: string;
  points: number;
  dailyCap: number | null;
  effectiveFrom: Date;
  effectiveTo: Date | null;
}

export interface Catalog {
  courses: CoursePlan[];
  rules: RulePlan[];
  /** The rule revision in force on a date. */
  rule(code: string, on: Date): RulePlan;
}

const COURSES: ReadonlyArray<readonly [string, string, boolean]> = [
  ['党章学习', '理论学习', true],
  ['党的基本理论', '理论学习', true],
  ['党史学习教育', '党史', true],
  ['廉洁自律准则', '纪律教育', true],
  ['基层组织工作条例', '组织工作', false],
  ['发展党员工作细则', '组织工作', false],
  ['志愿服务与群众工作', '实践', false],
  ['保密知识', '专题', false],
];

export function planCatalog(seed: string | number): Catalog {
  const rng = new Prng(seed, 'catalog');
  const courses: CoursePlan[] = COURSES.map(([title, category, mandatory]) => {
    const id = rng.uuid();
    const publishedAt = atOfficeHours(addDays(BASE_DATE, -rng.int(200, 700)), rng.int(0, 480), rng.int(0, 999));
    const resources = Array.from({ length: rng.int(3, 5) }, (_, k) => {
      const kind = rng.pick(['ARTICLE', 'DOCUMENT', 'VIDEO', 'AUDIO', 'LINK'] as const);
      return {
        id: rng.uuid(),
        kind,
        title: `${title}（${['一', '二', '三', '四', '五'][k]}）`,
        durationMinutes: kind === 'VIDEO' || kind === 'AUDIO' ? rng.int(10, 60) : null,
      };
    });
    // Real questions on the course's subject (questions.ts), the options in a seeded order.
    const questions: QuestionPlan[] = QUESTION_BANKS[title]!.map(([prompt, answer, wrong, explanation]) => {
      const options = rng.sample([answer, ...wrong], 4);
      return { id: rng.uuid(), kind: 'SINGLE_CHOICE', prompt, explanation, options, correct: [options.indexOf(answer)], points: 10 };
    });
    return {
      id,
      title,
      category,
      classHours: rng.int(2, 8),
      mandatory,
      publishedAt,
      resources,
      questions,
      quiz: {
        id: rng.uuid(),
        title: `${title}测验`,
        questionCount: 5,
        timeLimitSeconds: 900,
        passScore: 60,
        maxAttempts: 3,
        opensAt: addDays(publishedAt, 7),
      },
    };
  });

  const rules: RulePlan[] = [];
  const rule = (code: string, name: string, points: number, dailyCap: number | null, from: string, to: string | null, revision = 1) =>
    rules.push({
      id: rng.uuid(),
      code,
      revision,
      name,
      points,
      dailyCap,
      effectiveFrom: new Date(`${from}T00:00:00Z`),
      effectiveTo: to ? new Date(`${to}T00:00:00Z`) : null,
    });
  // Attendance was worth 2 points until mid-2026, then 3: two revisions of one rule.
  rule('MEETING_ATTENDANCE', '参加组织生活', 2, 6, '2020-01-01', '2026-06-30', 1);
  rule('MEETING_ATTENDANCE', '参加组织生活', 3, 6, '2026-07-01', null, 2);
  rule('THEMED_DAY', '参加主题党日', 3, 3, '2020-01-01', null);
  rule('PARTY_LECTURE', '参加党课学习', 3, 3, '2020-01-01', null);
  rule('COURSE_COMPLETION', '完成在线课程', 5, 10, '2020-01-01', null);
  rule('QUIZ_PASS', '通过在线测验', 5, 5, '2020-01-01', null);
  rule('FEEDBACK', '建言献策', 1, 2, '2020-01-01', null);

  return {
    courses,
    rules,
    rule(code, on) {
      const r = rules.find(
        (x) => x.code === code && x.effectiveFrom.getTime() <= on.getTime() && (!x.effectiveTo || on.getTime() <= x.effectiveTo.getTime()),
      );
      if (!r) throw new Error(`no ${code} rule in force on ${on.toISOString()}`);
      return r;
    },
  };
}
