// Learning end to end on the real stack (own chain node, database, in-process indexer, HTTP
// server): a secretary signed in with TOTP builds a course, its bank and a quiz; a member takes
// the quiz and completes the course; every record of the flow is anchored on chain and its
// bundle, as the API serves it, is accepted online by the lianjian-verify command line. The
// question bundles carry no answer key.
import { describe, expect, it } from 'vitest';
import { verifyWithCli, type ProofView } from './e2e-stack.js';
import { ok, type Caller } from './harness.js';
import { e2eSuite } from './suite.js';

const ANCHOR_TIMEOUT_MS = 30_000;

const { s, as: { secretary, member } } = e2eSuite({ totp: ['secretary'], sessions: ['member'] });

describe('secretary builds a course and quiz → member takes it → chain → lianjian-verify', () => {
  const ids = { course: '', resource: '', quiz: '', attempt: '', completion: '', questions: [] as string[] };
  const keys = new Map<string, number[]>();

  it('runs the whole flow through GraphQL', async () => {
    const gql = <T>(q: string, v: Record<string, unknown>, who: Caller) => s.h.gql<T>(q, v, who).then(ok);
    ids.course = (await gql<{ createCourse: { id: string } }>(`mutation($i: CreateCourseInput!) { createCourse(input: $i) { id } }`, { i: { orgUnitId: s.fx.units.b1.id, title: '新时代党的建设', classHours: 3, mandatory: true } }, secretary)).createCourse.id;
    ids.resource = (
      await gql<{ addCourseResource: { id: string } }>(
        `mutation($i: AddCourseResourceInput!) { addCourseResource(input: $i) { id } }`,
        { i: { courseId: ids.course, kind: 'DOCUMENT', title: '学习材料', uri: 'https://learn.example/doc.pdf', contentHash: 'cd'.repeat(32) } },
        secretary,
      )
    ).addCourseResource.id;
    await gql(`mutation($id: ID!) { publishCourse(id: $id) { id } }`, { id: ids.course }, secretary);
    const specs = [
      { kind: 'SINGLE_CHOICE', prompt: '单选', options: ['甲', '乙', '丙'], correct: [1], explanation: 'E2E-SECRET-1' },
      { kind: 'MULTIPLE_CHOICE', prompt: '多选', options: ['A', 'B', 'C', 'D'], correct: [0, 2], explanation: 'E2E-SECRET-2' },
      { kind: 'TRUE_FALSE', prompt: '判断', correct: [0], explanation: 'E2E-SECRET-3' },
    ];
    for (const spec of specs) {
      const q = (await gql<{ addQuizQuestion: { id: string } }>(`mutation($i: AddQuizQuestionInput!) { addQuizQuestion(input: $i) { id } }`, { i: { courseId: ids.course, ...spec } }, secretary)).addQuizQuestion;
      ids.questions.push(q.id);
      keys.set(q.id, spec.correct);
    }
    // One attempt, so the result carries the key (it is kept back while attempts remain).
    ids.quiz = (await gql<{ createQuiz: { id: string } }>(`mutation($i: CreateQuizInput!) { createQuiz(input: $i) { id } }`, { i: { courseId: ids.course, title: '结业测验', questionCount: 3, passScore: 60, timeLimitMinutes: 15, maxAttempts: 1 } }, secretary)).createQuiz.id;
    await gql(`mutation($id: ID!) { publishQuiz(id: $id) { id } }`, { id: ids.quiz }, secretary);

    const attempt = (await gql<{ startQuizAttempt: { id: string; questionIds: string[] } }>(`mutation($q: ID!) { startQuizAttempt(quizId: $q) { id questionIds } }`, { q: ids.quiz }, member)).startQuizAttempt;
    ids.attempt = attempt.id;
    expect(new Set(attempt.questionIds)).toEqual(new Set(ids.questions));
    const submitted = (
      await gql<{ submitQuizAttempt: { score: number; maxScore: number; passed: boolean; results: { correct: number[]; explanation: string }[] } }>(
        `mutation($a: ID!, $ans: [QuizAnswerInput!]!) { submitQuizAttempt(attemptId: $a, answers: $ans) { score maxScore passed results { correct explanation } } }`,
        { a: attempt.id, ans: attempt.questionIds.map((id) => ({ questionId: id, choices: keys.get(id) })) },
        member,
      )
    ).submitQuizAttempt;
    expect(submitted).toMatchObject({ score: 3, maxScore: 3, passed: true });
    expect(submitted.results.map((r) => r.explanation).sort()).toEqual(['E2E-SECRET-1', 'E2E-SECRET-2', 'E2E-SECRET-3']);
    ids.completion = (await gql<{ completeCourse: { id: string } }>(`mutation($c: ID!, $r: [ID!]) { completeCourse(courseId: $c, resourceIds: $r) { id } }`, { c: ids.course, r: [ids.resource] }, member)).completeCourse.id;
  });

  it('anchors every record of the flow; each bundle the API serves verifies online, and question bundles hold no key', async () => {
    type Node = { version: number; proof: ProofView };
    const q = `query($course: ID!, $quiz: ID!, $attempt: ID!) {
      course(id: $course) { version proof { status bundle } resources { edges { node { version proof { status bundle } } } } }
      quiz(id: $quiz) { version proof { status bundle } }
      quizQuestions(first: 10, courseId: $course) { edges { node { id version proof { status bundle } } } }
      attempt: history(type: "QuizAttempt", id: $attempt, first: 5) { edges { node { version proof { status bundle } } } }
      courseCompletions(first: 5, courseId: $course) { edges { node { version proof { status bundle } } } }
    }`;
    type Q = {
      course: Node & { resources: { edges: { node: Node }[] } };
      quiz: Node;
      quizQuestions: { edges: { node: Node & { id: string } }[] };
      attempt: { edges: { node: Node }[] };
      courseCompletions: { edges: { node: Node }[] };
    };
    const named = (d: Q) => [
      { name: 'course', node: d.course },
      ...d.course.resources.edges.map((e, i) => ({ name: `resource-${i}`, node: e.node })),
      { name: 'quiz', node: d.quiz },
      ...d.quizQuestions.edges.map((e, i) => ({ name: `question-${i}`, node: e.node })),
      ...d.attempt.edges.map((e) => ({ name: `attempt-v${e.node.version}`, node: e.node })),
      ...d.courseCompletions.edges.map((e) => ({ name: 'completion', node: e.node })),
    ];
    const deadline = Date.now() + ANCHOR_TIMEOUT_MS;
    let data: Q;
    for (;;) {
      // The secretary reads the bank and everything else of branch 1 (the member's attempt included).
      data = ok(await s.h.gql<Q>(q, { course: ids.course, quiz: ids.quiz, attempt: ids.attempt }, secretary));
      if (named(data).every((n) => n.node.proof.status === 'ANCHORED')) break;
      if (Date.now() > deadline) throw new Error(`not anchored after ${ANCHOR_TIMEOUT_MS} ms: ${named(data).map((n) => `${n.name}=${n.node.proof.status}`).join(', ')}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    const items = named(data);
    expect(items.map((i) => i.name)).toEqual(['course', 'resource-0', 'quiz', 'question-0', 'question-1', 'question-2', 'attempt-v1', 'attempt-v2', 'completion']);
    expect(data.course.version).toBe(2);
    expect(data.quiz.version).toBe(2);
    const attemptDoc = data.attempt.edges[1]!.node.proof.bundle!.document;
    expect(attemptDoc.data).toMatchObject({ status: 'SUBMITTED', score: 3, maxScore: 3, passed: true });
    for (const qn of data.quizQuestions.edges) {
      const text = JSON.stringify(qn.node.proof.bundle);
      expect(text).not.toContain('E2E-SECRET');
      expect(qn.node.proof.bundle!.document.data).not.toHaveProperty('correct');
    }
    const results = await Promise.all(items.map((i) => verifyWithCli(s.dir, i.name, i.node.proof.bundle, s.rpcUrl)));
    results.forEach((r, i) => {
      expect(r.stderr, items[i]!.name).toBe('');
      expect(r.code, `${items[i]!.name}: ${r.stdout}`).toBe(0);
      expect(r.stdout).toMatch(/^VERIFIED 已验证: /);
    });

    // The member reads their own attempt and completion and gets the same verifiable bundles.
    const mine = ok(
      await s.h.gql<{ quizAttempt: { proof: ProofView }; courseCompletions: { edges: { node: { proof: ProofView } }[] } }>(
        `query($a: ID!) { quizAttempt(id: $a) { proof { status bundle } } courseCompletions(first: 5) { edges { node { proof { status bundle } } } } }`,
        { a: ids.attempt },
        member,
      ),
    );
    const own = [mine.quizAttempt.proof.bundle, mine.courseCompletions.edges[0]!.node.proof.bundle];
    const ownResults = await Promise.all(own.map((b, i) => verifyWithCli(s.dir, `member-${i}`, b, s.rpcUrl)));
    for (const r of ownResults) expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(own[0]).toEqual(data.attempt.edges[1]!.node.proof.bundle);

    // A bundle whose score was raised no longer verifies.
    const forged = { ...own[0]!, document: { ...own[0]!.document, data: { ...own[0]!.document.data, score: 30 } } };
    const bad = await verifyWithCli(s.dir, 'forged-attempt', forged, s.rpcUrl);
    expect(bad.code, bad.stdout).toBe(1);
  });
});
