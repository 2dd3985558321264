// When a member may see the answer key of a quiz (#18 item 18): only once they cannot take it
// again — no attempts left — or it has closed, and no other quiz they may still take draws from
// the same bank. Before that the API gives nothing that tells a right answer: `correct`,
// `explanation`, and per question `isCorrect` and `earned` (on a true/false question these are
// the key) are null in the results, and the bank question's key is refused. The score stays.
import { describe, expect, it } from 'vitest';
import { codeOf, ok, type Caller } from './harness.js';
import { apiSuite } from './suite.js';

const { h, fx, as } = apiSuite({ sessions: ['secretary', 'member', 'leader'] });

interface Result {
  question: { id: string };
  chosen: number[];
  isCorrect: boolean | null;
  earned: number | null;
  correct: number[] | null;
  explanation: string | null;
}
interface Attempt {
  id: string;
  questionIds: string[];
  score: number | null;
  maxScore: number;
  results: Result[] | null;
}

const RESULTS = 'id questionIds score maxScore results { question { id } chosen isCorrect earned correct explanation }';
const key = new Map<string, number[]>();

/** A published course with a bank of 4 true/false questions; returns the course id. */
async function course(title: string): Promise<string> {
  const c = ok(await h.gql<{ createCourse: { id: string } }>(`mutation($i: CreateCourseInput!) { createCourse(input: $i) { id } }`, { i: { orgUnitId: fx.units.b1.id, title, classHours: 1 } }, as.secretary)).createCourse.id;
  ok(await h.gql(`mutation($i: AddCourseResourceInput!) { addCourseResource(input: $i) { id } }`, { i: { courseId: c, kind: 'ARTICLE', title: '材料', uri: 'https://learn.example/a' } }, as.secretary));
  ok(await h.gql(`mutation($id: ID!) { publishCourse(id: $id) { id } }`, { id: c }, as.secretary));
  for (let i = 0; i < 4; i++) {
    const correct = [i % 2];
    const q = ok(await h.gql<{ addQuizQuestion: { id: string } }>(`mutation($i: AddQuizQuestionInput!) { addQuizQuestion(input: $i) { id } }`, { i: { courseId: c, kind: 'TRUE_FALSE', prompt: `${title} 判断 ${i}`, correct, explanation: `KEY-${i}` } }, as.secretary)).addQuizQuestion;
    key.set(q.id, correct);
  }
  return c;
}

async function quiz(courseId: string, input: Record<string, unknown>): Promise<string> {
  const q = ok(await h.gql<{ createQuiz: { id: string } }>(`mutation($i: CreateQuizInput!) { createQuiz(input: $i) { id } }`, { i: { courseId, title: '测验', questionCount: 2, passScore: 60, timeLimitMinutes: 10, ...input } }, as.secretary)).createQuiz.id;
  ok(await h.gql(`mutation($id: ID!) { publishQuiz(id: $id) { id } }`, { id: q }, as.secretary));
  return q;
}

/** Starts an attempt and submits it with every answer wrong. */
async function failOnce(quizId: string): Promise<Attempt> {
  const a = ok(await h.gql<{ startQuizAttempt: { id: string; questionIds: string[] } }>(`mutation($q: ID!) { startQuizAttempt(quizId: $q) { id questionIds } }`, { q: quizId }, as.member)).startQuizAttempt;
  const answers = a.questionIds.map((id) => ({ questionId: id, choices: [1 - key.get(id)![0]!] }));
  return ok(await h.gql<{ submitQuizAttempt: Attempt }>(`mutation($a: ID!, $ans: [QuizAnswerInput!]!) { submitQuizAttempt(attemptId: $a, answers: $ans) { ${RESULTS} } }`, { a: a.id, ans: answers }, as.member)).submitQuizAttempt;
}

const read = async (id: string, who: Caller = as.member) => ok(await h.gql<{ quizAttempt: Attempt }>(`query($id: ID!) { quizAttempt(id: $id) { ${RESULTS} } }`, { id }, who)).quizAttempt;

function expectHidden(a: Attempt) {
  expect(a.score).toBe(0);
  expect(a.results).toHaveLength(2);
  for (const r of a.results!) {
    expect(r.chosen).toHaveLength(1);
    expect(r).toMatchObject({ isCorrect: null, earned: null, correct: null, explanation: null });
  }
}

function expectShown(a: Attempt) {
  for (const r of a.results!) {
    expect(r.correct).toEqual(key.get(r.question.id));
    expect(r.explanation).toMatch(/^KEY-/);
    expect(r).toMatchObject({ isCorrect: false, earned: 0 });
  }
}

const bankKey = (id: string) => h.gql<{ quizQuestion: { correct: number[] | null } }>(`query($id: ID!) { quizQuestion(id: $id) { correct explanation } }`, { id }, as.member);

describe('the answer key after a submitted attempt', () => {
  it('stays hidden while attempts remain — also while the last one runs — and shows once none are left', async () => {
    const qz = await quiz(await course('次数'), { maxAttempts: 2 });
    const first = await failOnce(qz);
    expectHidden(first);
    expectHidden(await read(first.id));
    expect(codeOf(await bankKey(first.questionIds[0]!))).toBe('FORBIDDEN');
    // Staff who keep the bank see the key all along.
    expectShown(await read(first.id, as.secretary));

    // The last attempt started but not submitted: the first one's key is still hidden.
    const last = ok(await h.gql<{ startQuizAttempt: { id: string; questionIds: string[] } }>(`mutation($q: ID!) { startQuizAttempt(quizId: $q) { id questionIds } }`, { q: qz }, as.member)).startQuizAttempt;
    expectHidden(await read(first.id));
    const answers = last.questionIds.map((id) => ({ questionId: id, choices: [1 - key.get(id)![0]!] }));
    const submitted = ok(await h.gql<{ submitQuizAttempt: Attempt }>(`mutation($a: ID!, $ans: [QuizAnswerInput!]!) { submitQuizAttempt(attemptId: $a, answers: $ans) { ${RESULTS} } }`, { a: last.id, ans: answers }, as.member)).submitQuizAttempt;
    expectShown(submitted);
    expectShown(await read(first.id));
    expect(ok(await bankKey(first.questionIds[0]!)).quizQuestion.correct).toEqual(key.get(first.questionIds[0]!));
  });

  it('shows once the quiz has closed, attempts left or not', async () => {
    // Closes well inside the test sessions' hour, so moving the clock past it keeps them valid.
    const closesAt = new Date(h.clock.now.getTime() + 10 * 60_000);
    const qz = await quiz(await course('截止'), { maxAttempts: 3, closesAt: closesAt.toISOString() });
    const a = await failOnce(qz);
    expectHidden(a);
    h.clock.now = new Date(closesAt.getTime() + 1000);
    try {
      expectShown(await read(a.id));
    } finally {
      h.clock.now = new Date();
    }
  });

  it('stays hidden while another quiz the member may still take draws from the same bank', async () => {
    const c = await course('同题库');
    const once = await quiz(c, { maxAttempts: 1 });
    const other = await quiz(c, { maxAttempts: 1 });
    const a = await failOnce(once);
    expectHidden(a);
    expect(codeOf(await bankKey(a.questionIds[0]!))).toBe('FORBIDDEN');
    await failOnce(other);
    expectShown(await read(a.id));
  });

  it('is never shown to a leader, who reads the outcome without the key', async () => {
    const qz = await quiz(await course('领导'), { maxAttempts: 1 });
    const a = await failOnce(qz);
    const res = await h.gql<{ quizAttempt: Attempt }>(`query($id: ID!) { quizAttempt(id: $id) { ${RESULTS} } }`, { id: a.id }, as.leader);
    expect(codeOf(res)).toBe('FORBIDDEN');
    expect(res.data!.quizAttempt.results!.every((r) => r.isCorrect === false && r.correct === null && r.explanation === null)).toBe(true);
  });
});
