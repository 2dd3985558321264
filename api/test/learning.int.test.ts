// Learning through GraphQL on a real database: courses and resources, the question bank, quizzes,
// attempts and completions — every rule with its error code, the answer key hidden from members
// on every path until they submitted an attempt containing the question and have no attempts
// left (learning-reveal.int.test.ts has the rest of that rule), non-repeating draws,
// time limits on the movable clock, scoring, attempt limits, points, and who sees what.
import { beforeAll, describe, expect, it } from 'vitest';
import { recordData } from '@lianjian/db';
import { appendRecords } from '@lianjian/indexer';
import { SUBMIT_GRACE_MS } from '../src/modules/learning/attempts.js';
import { ACCOUNT_NAMES, apiKeyFor, sessionFor, type Fixture } from './fixtures.js';
import { ok, codeOf, type GqlResponse } from './harness.js';
import { apiSuite } from './suite.js';

const { h, fx, as } = apiSuite({ sessions: ACCOUNT_NAMES, others: ['member2', 'partner', 'bare'] });
type Who = keyof typeof as;

beforeAll(async () => {
  // A second member account: m2, in b1's group.
  const m2 = await h.prisma.account.create({ data: { username: 'member2', displayName: 'member2', passwordHash: 'x', role: 'MEMBER', scopeUnitId: fx.units.b1g.id, memberId: fx.members.m2.id } });
  as.member2 = { token: await sessionFor(h.prisma, m2.id) };
  as.partner = { apiKey: (await apiKeyFor(h.prisma, fx.units.g1.id, ['Course:read', 'CourseResource:read', 'Quiz:read', 'QuizAttempt:read', 'CourseCompletion:read'])).key };
  as.bare = { apiKey: (await apiKeyFor(h.prisma, fx.units.g1.id, ['Member:read'], 'bare')).key };
  // Points rules at the root for the two learning events.
  await h.prisma.$transaction(async (tx) => {
    const rules = await Promise.all(
      [
        ['COURSE_COMPLETED', '完成在线课程', 5],
        ['QUIZ_PASSED', '通过在线测验', 3],
      ].map(([code, name, points]) =>
        tx.pointsRule.create({ data: { orgUnitId: fx.units.root.id, code: code as string, revision: 1, name: name as string, points: points as number, dailyCap: 20, effectiveFrom: new Date('2020-01-01') } }),
      ),
    );
    await appendRecords(tx, rules.map((r) => ({ type: 'PointsRule', id: r.id, version: r.version, org: r.orgUnitId, actor: 'system', data: recordData('PointsRule', r) })));
  });
});

function fieldsOf(res: GqlResponse): string[] {
  expect(codeOf(res)).toBe('BAD_USER_INPUT');
  return (res.errors![0]!.extensions.fields as { field: string }[]).map((f) => f.field);
}

const COURSE = 'id version status title classHours orgUnitId publishedAt';
const CREATE_COURSE = `mutation($input: CreateCourseInput!) { createCourse(input: $input) { ${COURSE} } }`;
const ADD_RESOURCE = `mutation($input: AddCourseResourceInput!) { addCourseResource(input: $input) { id version position courseId contentHash } }`;
const PUBLISH_COURSE = `mutation($id: ID!, $v: Int) { publishCourse(id: $id, expectedVersion: $v) { ${COURSE} } }`;
const ARCHIVE_COURSE = `mutation($id: ID!) { archiveCourse(id: $id) { ${COURSE} } }`;
const ADD_Q = `mutation($input: AddQuizQuestionInput!) { addQuizQuestion(input: $input) { id version kind options correct points } }`;
const UPDATE_Q = `mutation($id: ID!, $v: Int, $input: UpdateQuizQuestionInput!) { updateQuizQuestion(id: $id, expectedVersion: $v, input: $input) { id version kind options correct points prompt active } }`;
const CREATE_QUIZ = `mutation($input: CreateQuizInput!) { createQuiz(input: $input) { id version status questionCount timeLimitSeconds passScore maxAttempts } }`;
const PUBLISH_QUIZ = `mutation($id: ID!) { publishQuiz(id: $id) { id version status } }`;
const ATTEMPT = 'id version status attemptNo questionIds maxScore score passed deadlineAt startedAt finishedAt timeLimitSeconds';
const START = `mutation($q: ID!) { startQuizAttempt(quizId: $q) { ${ATTEMPT} questions { id kind prompt options } } }`;
const SUBMIT = `mutation($a: ID!, $answers: [QuizAnswerInput!]!) { submitQuizAttempt(attemptId: $a, answers: $answers) {
  ${ATTEMPT} answers results { question { id } chosen isCorrect points earned correct explanation } } }`;
const COMPLETE = `mutation($c: ID!, $m: ID, $r: [ID!]) { completeCourse(courseId: $c, memberId: $m, resourceIds: $r) { id version memberId courseId classHours score orgUnitId } }`;

async function course(who: Who, unit: keyof Fixture['units'], title: string, resources = 1, publish = true): Promise<{ id: string; resourceIds: string[] }> {
  const c = ok(await h.gql<{ createCourse: { id: string } }>(CREATE_COURSE, { input: { orgUnitId: fx.units[unit].id, title, classHours: 4 } }, as[who])).createCourse;
  const resourceIds: string[] = [];
  for (let i = 0; i < resources; i++) {
    resourceIds.push(ok(await h.gql<{ addCourseResource: { id: string } }>(ADD_RESOURCE, { input: { courseId: c.id, kind: 'ARTICLE', title: `${title} ${i + 1}`, uri: `https://learn.example/${i}` } }, as[who])).addCourseResource.id);
  }
  if (publish) ok(await h.gql(PUBLISH_COURSE, { id: c.id }, as[who]));
  return { id: c.id, resourceIds };
}

interface Q {
  id: string;
  kind: string;
  correct: number[];
  points: number;
}

/** A bank of 6: two each of single choice, multiple choice and true/false, points 1..6, explanation "EXPL-<n>". */
async function bank(courseId: string, who: Who = 'secretary'): Promise<Q[]> {
  const specs = [
    { kind: 'SINGLE_CHOICE', options: ['甲', '乙', '丙', '丁'], correct: [2] },
    { kind: 'SINGLE_CHOICE', options: ['一', '二', '三'], correct: [0] },
    { kind: 'MULTIPLE_CHOICE', options: ['A', 'B', 'C', 'D'], correct: [0, 3] },
    { kind: 'MULTIPLE_CHOICE', options: ['W', 'X', 'Y', 'Z'], correct: [1, 2, 3] },
    { kind: 'TRUE_FALSE', correct: [0] },
    { kind: 'TRUE_FALSE', correct: [1] },
  ];
  const out: Q[] = [];
  for (const [i, s] of specs.entries()) {
    const q = ok(await h.gql<{ addQuizQuestion: Q }>(ADD_Q, { input: { courseId, ...s, prompt: `题目 ${i + 1}`, explanation: `EXPL-${courseId.slice(0, 8)}-${i + 1}`, points: i + 1 } }, as[who])).addQuizQuestion;
    out.push(q);
  }
  return out;
}

async function quiz(courseId: string, input: Record<string, unknown> = {}): Promise<string> {
  const q = ok(await h.gql<{ createQuiz: { id: string } }>(CREATE_QUIZ, { input: { courseId, title: '测验', questionCount: 3, passScore: 60, timeLimitMinutes: 10, maxAttempts: 3, ...input } }, as.secretary)).createQuiz;
  ok(await h.gql(PUBLISH_QUIZ, { id: q.id }, as.secretary));
  return q.id;
}

interface Attempt {
  id: string;
  version: number;
  status: string;
  attemptNo: number;
  questionIds: string[];
  maxScore: number;
  score: number | null;
  passed: boolean | null;
  deadlineAt: string;
  startedAt: string;
  timeLimitSeconds: number;
  questions: { id: string; kind: string; prompt: string; options: string[] }[];
}

async function start(quizId: string, who: Who = 'member'): Promise<Attempt> {
  return ok(await h.gql<{ startQuizAttempt: Attempt }>(START, { q: quizId }, as[who])).startQuizAttempt;
}

const keyOf = (qs: Q[]) => new Map(qs.map((q) => [q.id, q]));

describe('courses and resources', () => {
  it('a secretary drafts a course in their subtree; bad input names every field; others are refused', async () => {
    const c = ok(await h.gql<{ createCourse: { id: string; version: number; status: string; classHours: number } }>(CREATE_COURSE, { input: { orgUnitId: fx.units.b1.id, title: ' 党章学习 ', classHours: 6 } }, as.secretary)).createCourse;
    expect(c).toMatchObject({ version: 1, status: 'DRAFT', classHours: 6 });
    const rec = await h.prisma.outboxRecord.findMany({ where: { entityType: 'Course', entityId: c.id } });
    expect(rec.map((r) => r.version)).toEqual([1]);

    expect(fieldsOf(await h.gql(CREATE_COURSE, { input: { orgUnitId: fx.units.b1.id, title: '  ', classHours: 0 } }, as.secretary))).toEqual(['input.title', 'input.classHours']);
    expect(fieldsOf(await h.gql(CREATE_COURSE, { input: { orgUnitId: 'nope', title: 'x' } }, as.secretary))).toEqual(['input.orgUnitId']);
    expect(codeOf(await h.gql(CREATE_COURSE, { input: { orgUnitId: fx.units.b1.id, title: 'x' } }, as.otherSecretary))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(CREATE_COURSE, { input: { orgUnitId: fx.units.g1.id, title: 'x' } }, as.secretary))).toBe('FORBIDDEN'); // above b1
    expect(codeOf(await h.gql(CREATE_COURSE, { input: { orgUnitId: fx.units.b1.id, title: 'x' } }, as.leader))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(CREATE_COURSE, { input: { orgUnitId: fx.units.b1.id, title: 'x' } }, as.member))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(CREATE_COURSE, { input: { orgUnitId: fx.units.b1.id, title: 'x' } }, as.anonymous))).toBe('UNAUTHENTICATED');
  });

  it('publishing needs a draft with at least one resource; stale versions conflict; archiving is final', async () => {
    const c = (await course('secretary', 'b1', '两学一做', 0, false)).id;
    expect(codeOf(await h.gql(PUBLISH_COURSE, { id: c }, as.secretary))).toBe('COURSE_HAS_NO_RESOURCES');

    expect(fieldsOf(await h.gql(ADD_RESOURCE, { input: { courseId: c, kind: 'VIDEO', title: '', uri: 'ftp://x', contentHash: 'abc', durationMinutes: 0 } }, as.secretary))).toEqual([
      'input.title',
      'input.uri',
      'input.contentHash',
      'input.durationMinutes',
    ]);
    expect(codeOf(await h.gql(ADD_RESOURCE, { input: { courseId: c, kind: 'VIDEO', title: 'v', uri: 'https://v.example' } }, as.otherSecretary))).toBe('FORBIDDEN');
    const hash = 'ab'.repeat(32);
    const r1 = ok(await h.gql<{ addCourseResource: { position: number; contentHash: string } }>(ADD_RESOURCE, { input: { courseId: c, kind: 'VIDEO', title: '第一讲', uri: 'https://v.example/1', contentHash: hash, durationMinutes: 30 } }, as.secretary)).addCourseResource;
    const r2 = ok(await h.gql<{ addCourseResource: { position: number } }>(ADD_RESOURCE, { input: { courseId: c, kind: 'DOCUMENT', title: '讲义', uri: 'https://v.example/2' } }, as.secretary)).addCourseResource;
    expect([r1.position, r2.position]).toEqual([1, 2]);
    expect(r1.contentHash).toBe(hash);

    expect(codeOf(await h.gql(PUBLISH_COURSE, { id: c, v: 0 }, as.secretary))).toBe('CONFLICT');
    expect(codeOf(await h.gql(PUBLISH_COURSE, { id: c }, as.leader))).toBe('FORBIDDEN');
    const pub = ok(await h.gql<{ publishCourse: { version: number; status: string; publishedAt: string } }>(PUBLISH_COURSE, { id: c, v: 1 }, as.secretary)).publishCourse;
    expect(pub).toMatchObject({ version: 2, status: 'PUBLISHED' });
    expect(pub.publishedAt).toBe(h.clock.now.toISOString());
    expect(codeOf(await h.gql(PUBLISH_COURSE, { id: c }, as.secretary))).toBe('COURSE_NOT_DRAFT');

    const arch = ok(await h.gql<{ archiveCourse: { version: number; status: string } }>(ARCHIVE_COURSE, { id: c }, as.secretary)).archiveCourse;
    expect(arch).toMatchObject({ version: 3, status: 'ARCHIVED' });
    expect(codeOf(await h.gql(ARCHIVE_COURSE, { id: c }, as.secretary))).toBe('COURSE_ARCHIVED');
    expect(codeOf(await h.gql(ADD_RESOURCE, { input: { courseId: c, kind: 'LINK', title: 'l', uri: 'https://l.example' } }, as.secretary))).toBe('COURSE_ARCHIVED');
    expect(codeOf(await h.gql(ADD_Q, { input: { courseId: c, kind: 'TRUE_FALSE', prompt: 'p', correct: [0] } }, as.secretary))).toBe('COURSE_ARCHIVED');
    const versions = await h.prisma.outboxRecord.findMany({ where: { entityType: 'Course', entityId: c }, orderBy: { version: 'asc' } });
    expect(versions.map((v) => v.version)).toEqual([1, 2, 3]);
  });

  it('members see published courses of their unit and units above it, never drafts or other branches; staff see their subtree', async () => {
    const mine = await course('secretary', 'b1', '支部课程');
    const draft = await course('secretary', 'b1', '支部草稿', 1, false);
    const top = await course('admin', 'root', '党委课程');
    const other = await course('otherSecretary', 'b3', '三支部课程');
    const list = async (who: Who, vars: Record<string, unknown> = {}) => {
      const res = await h.gql<{ courses: { totalCount: number; edges: { node: { id: string } }[] } }>(
        `query($u: ID, $s: CourseStatus) { courses(first: 100, under: $u, status: $s) { totalCount edges { node { id title orgUnitName resources { totalCount edges { node { id title } } } proof { status } } } } }`,
        vars,
        as[who],
      );
      return res;
    };
    const ids = (res: GqlResponse<{ courses: { edges: { node: { id: string } }[] } }>) => ok(res).courses.edges.map((e) => e.node.id);

    const memberSees = ids(await list('member'));
    expect(memberSees).toEqual(expect.arrayContaining([mine.id, top.id]));
    expect(memberSees).not.toContain(draft.id);
    expect(memberSees).not.toContain(other.id);
    expect(codeOf(await h.gql(`query($id: ID!) { course(id: $id) { title } }`, { id: draft.id }, as.member))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(`query($id: ID!) { course(id: $id) { title } }`, { id: other.id }, as.member))).toBe('FORBIDDEN');
    expect(codeOf(await list('member', { u: fx.units.b3.id }))).toBe('FORBIDDEN');
    expect(ids(await list('member', { u: fx.units.root.id }))).toEqual(expect.arrayContaining([top.id, mine.id]));
    expect(ok(await h.gql<{ course: { orgUnitName: string } }>(`query($id: ID!) { course(id: $id) { orgUnitName } }`, { id: top.id }, as.member)).course.orgUnitName).toBe(fx.units.root.name);

    const secretarySees = ids(await list('secretary'));
    expect(secretarySees).toEqual(expect.arrayContaining([mine.id, draft.id, top.id]));
    expect(secretarySees).not.toContain(other.id);
    expect(ids(await list('secretary', { s: 'DRAFT' }))).toContain(draft.id);
    expect(ids(await list('secretary', { s: 'DRAFT' }))).not.toContain(mine.id);
    expect(ids(await list('leader'))).toEqual(expect.arrayContaining([mine.id, draft.id, top.id]));
    expect(codeOf(await h.gql(`query($id: ID!) { course(id: $id) { title } }`, { id: mine.id }, as.otherSecretary))).toBe('FORBIDDEN');
    expect(ids(await list('admin'))).toEqual(expect.arrayContaining([mine.id, draft.id, top.id, other.id]));
    const partner = ids(await list('partner'));
    expect(partner).toEqual(expect.arrayContaining([mine.id, draft.id]));
    expect(partner).not.toContain(other.id);
    expect(codeOf(await list('bare'))).toBe('FORBIDDEN');
    expect(codeOf(await list('anonymous'))).toBe('UNAUTHENTICATED');
  });
});

describe('question bank and quizzes', () => {
  let c: string;
  beforeAll(async () => {
    c = (await course('secretary', 'b1', '题库课程')).id;
  });

  it('validates option counts and that correct answers are options of the right number', async () => {
    const add = (input: Record<string, unknown>) => h.gql(ADD_Q, { input: { courseId: c, prompt: '问', ...input } }, as.secretary);
    expect(fieldsOf(await add({ kind: 'SINGLE_CHOICE', options: ['A', 'B', 'C'], correct: [0, 1] }))).toEqual(['input.correct']);
    expect(fieldsOf(await add({ kind: 'SINGLE_CHOICE', options: ['A', 'B'], correct: [2] }))).toEqual(['input.correct[0]']);
    expect(fieldsOf(await add({ kind: 'SINGLE_CHOICE', options: ['A'], correct: [0] }))).toEqual(['input.options']);
    expect(fieldsOf(await add({ kind: 'MULTIPLE_CHOICE', options: ['A', 'B', 'C'], correct: [] }))).toEqual(['input.correct']);
    expect(fieldsOf(await add({ kind: 'MULTIPLE_CHOICE', options: ['A', 'A', 'C'], correct: [0, 2] }))).toEqual(['input.options']);
    expect(fieldsOf(await add({ kind: 'TRUE_FALSE', options: ['是', '否', '不一定'], correct: [0] }))).toEqual(['input.options']);
    expect(fieldsOf(await add({ kind: 'TRUE_FALSE', correct: [0], points: 0, prompt: '' }))).toEqual(['input.prompt', 'input.points']);
    expect(fieldsOf(await h.gql(ADD_Q, { input: { kind: 'TRUE_FALSE', prompt: '问', correct: [0] } }, as.secretary))).toEqual(['input.courseId']);
    expect(codeOf(await h.gql(ADD_Q, { input: { courseId: c, kind: 'TRUE_FALSE', prompt: '问', correct: [0] } }, as.otherSecretary))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(ADD_Q, { input: { courseId: c, kind: 'TRUE_FALSE', prompt: '问', correct: [0] } }, as.leader))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(ADD_Q, { input: { courseId: c, kind: 'TRUE_FALSE', prompt: '问', correct: [0] } }, as.member))).toBe('FORBIDDEN');

    const tf = ok(await h.gql<{ addQuizQuestion: { options: string[]; correct: number[]; version: number } }>(ADD_Q, { input: { courseId: c, kind: 'TRUE_FALSE', prompt: '判断', correct: [1] } }, as.secretary)).addQuizQuestion;
    expect(tf).toMatchObject({ options: ['正确', '错误'], correct: [1], version: 1 });
  });

  it('updates a question as a new version, validating the merged question, refusing stale versions', async () => {
    const q = ok(await h.gql<{ addQuizQuestion: { id: string } }>(ADD_Q, { input: { courseId: c, kind: 'MULTIPLE_CHOICE', prompt: '多选', options: ['A', 'B', 'C'], correct: [0, 1] } }, as.secretary)).addQuizQuestion;
    expect(fieldsOf(await h.gql(UPDATE_Q, { id: q.id, input: { kind: 'SINGLE_CHOICE' } }, as.secretary))).toEqual(['input.correct']);
    expect(fieldsOf(await h.gql(UPDATE_Q, { id: q.id, input: { correct: [5] } }, as.secretary))).toEqual(['input.correct[0]']);
    expect(fieldsOf(await h.gql(UPDATE_Q, { id: q.id, input: {} }, as.secretary))).toEqual(['input']);
    const u = ok(await h.gql<{ updateQuizQuestion: { version: number; kind: string; correct: number[]; active: boolean } }>(UPDATE_Q, { id: q.id, v: 1, input: { kind: 'SINGLE_CHOICE', correct: [2], active: false } }, as.secretary)).updateQuizQuestion;
    expect(u).toMatchObject({ version: 2, kind: 'SINGLE_CHOICE', correct: [2], active: false });
    expect(codeOf(await h.gql(UPDATE_Q, { id: q.id, v: 1, input: { prompt: '旧' } }, as.secretary))).toBe('CONFLICT');
    expect(codeOf(await h.gql(UPDATE_Q, { id: q.id, input: { prompt: '他' } }, as.otherSecretary))).toBe('FORBIDDEN');
    const recs = await h.prisma.outboxRecord.findMany({ where: { entityType: 'QuizQuestion', entityId: q.id }, orderBy: { version: 'asc' } });
    expect(recs.map((r) => r.version)).toEqual([1, 2]);
  });

  it('quiz settings are validated; publishing needs a published course and enough active questions', async () => {
    const create = (input: Record<string, unknown>) => h.gql<{ createQuiz: { id: string; timeLimitSeconds: number; maxAttempts: number } }>(CREATE_QUIZ, { input: { courseId: c, title: 'T', questionCount: 3, passScore: 60, timeLimitMinutes: 10, ...input } }, as.secretary);
    expect(fieldsOf(await create({ questionCount: 0, passScore: 101, timeLimitMinutes: 0, maxAttempts: 0 }))).toEqual(['input.questionCount', 'input.passScore', 'input.timeLimitMinutes', 'input.maxAttempts']);
    expect(fieldsOf(await create({ opensAt: '2030-01-02T00:00:00.000Z', closesAt: '2030-01-01T00:00:00.000Z' }))).toEqual(['input.closesAt']);
    expect(codeOf(await h.gql(CREATE_QUIZ, { input: { courseId: c, title: 'T', questionCount: 3, passScore: 60, timeLimitMinutes: 10 } }, as.leader))).toBe('FORBIDDEN');

    // The bank holds 1 active question (the multiple choice one was deactivated above).
    const big = ok(await create({ questionCount: 2 })).createQuiz;
    expect(big).toMatchObject({ timeLimitSeconds: 600, maxAttempts: 3 });
    const tooMany = await h.gql(PUBLISH_QUIZ, { id: big.id }, as.secretary);
    expect(codeOf(tooMany)).toBe('NOT_ENOUGH_QUESTIONS');
    expect(tooMany.errors![0]!.extensions).toMatchObject({ have: 1, need: 2 });

    const draftCourse = (await course('secretary', 'b1', '未发布', 1, false)).id;
    await bank(draftCourse);
    const q2 = ok(await h.gql<{ createQuiz: { id: string } }>(CREATE_QUIZ, { input: { courseId: draftCourse, title: 'T', questionCount: 3, passScore: 60, timeLimitMinutes: 10 } }, as.secretary)).createQuiz;
    expect(codeOf(await h.gql(PUBLISH_QUIZ, { id: q2.id }, as.secretary))).toBe('COURSE_NOT_PUBLISHED');
    // A draft quiz is not even visible to members, let alone startable.
    expect(codeOf(await h.gql(START, { q: q2.id }, as.member))).toBe('FORBIDDEN');
    ok(await h.gql(PUBLISH_COURSE, { id: draftCourse }, as.secretary));
    expect(ok(await h.gql<{ publishQuiz: { status: string; version: number } }>(PUBLISH_QUIZ, { id: q2.id }, as.secretary)).publishQuiz).toMatchObject({ status: 'OPEN', version: 2 });
    expect(codeOf(await h.gql(PUBLISH_QUIZ, { id: q2.id }, as.secretary))).toBe('QUIZ_NOT_DRAFT');
  });

  it('the bank is staff material: writers see answer keys, leaders and partners only prompts, members nothing', async () => {
    const list = `query($c: ID) { quizQuestions(first: 50, courseId: $c) { totalCount edges { node { id prompt correct explanation } } } }`;
    const sec = ok(await h.gql<{ quizQuestions: { totalCount: number; edges: { node: { correct: number[] | null } }[] } }>(list, { c }, as.secretary)).quizQuestions;
    expect(sec.totalCount).toBeGreaterThan(0);
    expect(sec.edges.every((e) => Array.isArray(e.node.correct))).toBe(true);
    const leader = await h.gql<{ quizQuestions: { edges: { node: { correct: number[] | null } }[] } }>(list, { c }, as.leader);
    expect(leader.errors!.every((e) => e.extensions.code === 'FORBIDDEN' && /correct|explanation/.test(String(e.path?.at(-1))))).toBe(true);
    expect(leader.data!.quizQuestions.edges.every((e) => e.node.correct === null)).toBe(true);
    expect(codeOf(await h.gql(list, { c }, as.member))).toBe('FORBIDDEN');
    expect(ok(await h.gql<{ quizQuestions: { totalCount: number } }>(list, { c }, as.otherSecretary)).quizQuestions.totalCount).toBe(0);
  });
});

describe('taking a quiz', () => {
  let c: { id: string; resourceIds: string[] };
  let qs: Q[];
  let quizId: string;
  let first: Attempt;

  beforeAll(async () => {
    h.clock.now = new Date();
    c = await course('secretary', 'b1', '测验课程', 2);
    qs = await bank(c.id);
    quizId = await quiz(c.id);
  });

  it('a member starts an attempt: distinct drawn questions, deadline = start + time limit, only prompt and options', async () => {
    first = await start(quizId);
    expect(first).toMatchObject({ status: 'IN_PROGRESS', attemptNo: 1, version: 1, timeLimitSeconds: 600, score: null, passed: null });
    expect(new Set(first.questionIds).size).toBe(3);
    expect(first.questions.map((q) => q.id)).toEqual(first.questionIds);
    for (const id of first.questionIds) expect(qs.map((q) => q.id)).toContain(id);
    expect(new Date(first.deadlineAt).getTime() - new Date(first.startedAt).getTime()).toBe(600_000);
    expect(first.startedAt).toBe(h.clock.now.toISOString());
    const key = keyOf(qs);
    expect(first.maxScore).toBe(first.questionIds.reduce((s, id) => s + key.get(id)!.points, 0));
  });

  it('hides the answer key on every path a member can take before they submit', async () => {
    const drawnId = first.questionIds[0]!;
    const undrawn = qs.find((q) => !first.questionIds.includes(q.id))!.id;
    const deny = (res: GqlResponse) => {
      expect(res.errors?.length, JSON.stringify(res)).toBeGreaterThan(0);
      expect(codeOf(res)).toBe('FORBIDDEN');
      expect(JSON.stringify(res.data ?? null)).not.toMatch(/EXPL-/);
    };
    const paths: Record<string, [string, Record<string, unknown>]> = {
      attemptCorrect: [`query($id: ID!) { quizAttempt(id: $id) { questions { id correct } } }`, { id: first.id }],
      attemptExplanation: [`query($id: ID!) { quizAttempt(id: $id) { questions { id explanation } } }`, { id: first.id }],
      questionById: [`query($id: ID!) { quizQuestion(id: $id) { prompt correct } }`, { id: drawnId }],
      questionExplanation: [`query($id: ID!) { quizQuestion(id: $id) { explanation } }`, { id: drawnId }],
      myAttempts: [`{ myQuizAttempts(first: 5) { edges { node { questions { correct } } } } }`, {}],
      quizMyAttempts: [`query($q: ID!) { quiz(id: $q) { myAttempts(first: 5) { edges { node { questions { correct explanation } } } } } }`, { q: quizId }],
      bank: [`query($c: ID!) { quizQuestions(first: 50, courseId: $c) { edges { node { id } } } }`, { c: c.id }],
      undrawnQuestion: [`query($id: ID!) { quizQuestion(id: $id) { prompt } }`, { id: undrawn }],
      record: [`query($id: ID!) { record(type: "QuizQuestion", id: $id) { data } }`, { id: drawnId }],
      history: [`query($id: ID!) { history(type: "QuizQuestion", id: $id, first: 5) { edges { node { data } } } }`, { id: drawnId }],
    };
    for (const [name, [query, vars]] of Object.entries(paths)) {
      const res = await h.gql(query, vars, as.member);
      try {
        deny(res);
      } catch (e) {
        throw new Error(`${name}: ${(e as Error).message}`);
      }
    }
    // What a member may read about the attempt carries no key: results stay null, proofs hold no key.
    const own = ok(
      await h.gql<{ quizAttempt: { results: unknown; answers: unknown; questions: { prompt: string; options: string[] }[]; proof: { document: { data: Record<string, unknown> } } } }>(
        `query($id: ID!) { quizAttempt(id: $id) { results { correct } answers questions { id prompt options kind points proof { document } } proof { document } } }`,
        { id: first.id },
        as.member,
      ),
    ).quizAttempt;
    expect(own.results).toBeNull();
    expect(own.answers).toBeNull();
    expect(own.questions).toHaveLength(3);
    const text = JSON.stringify(own);
    expect(text).not.toMatch(/EXPL-/);
    expect(text).not.toMatch(/"correct"/);
    // Even staff read no key out of a question's record: it is private to the database.
    const rec = ok(await h.gql<{ record: { data: Record<string, unknown> } }>(`query($id: ID!) { record(type: "QuizQuestion", id: $id) { data } }`, { id: drawnId }, as.admin)).record;
    expect(rec.data).not.toHaveProperty('correct');
    expect(rec.data).not.toHaveProperty('explanation');
    expect(rec.data).toHaveProperty('options');
    // Another member cannot see the question drawn for this one.
    deny(await h.gql(`query($id: ID!) { quizQuestion(id: $id) { prompt } }`, { id: drawnId }, as.member2));
  });

  it('one attempt at a time; answers only to drawn questions, with valid choices; only by its member', async () => {
    const again = await h.gql(START, { q: quizId }, as.member);
    expect(codeOf(again)).toBe('ATTEMPT_IN_PROGRESS');
    expect(again.errors![0]!.extensions.attemptId).toBe(first.id);
    const undrawn = qs.find((q) => !first.questionIds.includes(q.id))!.id;
    expect(fieldsOf(await h.gql(SUBMIT, { a: first.id, answers: [{ questionId: undrawn, choices: [0] }] }, as.member))).toEqual(['answers[0].questionId']);
    expect(fieldsOf(await h.gql(SUBMIT, { a: first.id, answers: [{ questionId: first.questionIds[0], choices: [9] }] }, as.member))).toEqual(['answers[0].choices']);
    expect(fieldsOf(await h.gql(SUBMIT, { a: first.id, answers: [{ questionId: first.questionIds[0], choices: [0] }, { questionId: first.questionIds[0], choices: [0] }] }, as.member))).toEqual(['answers[1].questionId']);
    expect(fieldsOf(await h.gql(SUBMIT, { a: first.id, answers: [{ questionId: 'x', choices: [0] }] }, as.member))).toEqual(['answers[0].questionId']);
    expect(codeOf(await h.gql(SUBMIT, { a: first.id, answers: [] }, as.member2))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(SUBMIT, { a: first.id, answers: [] }, as.secretary))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(START, { q: quizId }, as.secretary))).toBe('FORBIDDEN'); // no member record
    // Nothing was written by the refusals.
    expect((await h.prisma.quizAttempt.findUniqueOrThrow({ where: { id: first.id } })).version).toBe(1);
  });

  it('submits once: scored on the server, passed, points awarded, the key kept back while attempts remain; a second submit is refused', async () => {
    const key = keyOf(qs);
    h.clock.advance(60_000);
    const res = ok(await h.gql<{ submitQuizAttempt: Attempt & { answers: Record<string, number[]>; results: { question: { id: string }; chosen: number[]; isCorrect: boolean; correct: number[]; explanation: string; earned: number }[] } }>(
      SUBMIT,
      { a: first.id, answers: first.questionIds.map((id) => ({ questionId: id, choices: key.get(id)!.correct })) },
      as.member,
    )).submitQuizAttempt;
    expect(res).toMatchObject({ status: 'SUBMITTED', version: 2, score: first.maxScore, maxScore: first.maxScore, passed: true });
    expect(res.results.map((r) => r.question.id)).toEqual(first.questionIds);
    // Two attempts are left, so nothing tells the answers yet (the key is shown once the limit is reached, below).
    for (const r of res.results) expect(r).toMatchObject({ isCorrect: null, earned: null, correct: null, explanation: null });
    const drawnId = first.questionIds[0]!;
    expect(codeOf(await h.gql(`query($id: ID!) { quizQuestion(id: $id) { correct explanation } }`, { id: drawnId }, as.member))).toBe('FORBIDDEN');
    // …nor to another member.
    expect(codeOf(await h.gql(`query($id: ID!) { quizAttempt(id: $id) { results { correct } } }`, { id: first.id }, as.member2))).toBe('FORBIDDEN');

    const twice = await h.gql(SUBMIT, { a: first.id, answers: [] }, as.member);
    expect(codeOf(twice)).toBe('ATTEMPT_ALREADY_SUBMITTED');
    const after = await h.prisma.quizAttempt.findUniqueOrThrow({ where: { id: first.id } });
    expect(after).toMatchObject({ version: 2, score: first.maxScore });

    const points = await h.prisma.pointsEntry.findMany({ where: { memberId: fx.members.m1.id, sourceType: 'QuizAttempt' } });
    expect(points.map((p) => [p.sourceId, p.points])).toEqual([[first.id, 3]]);
    const recs = await h.prisma.outboxRecord.findMany({ where: { entityType: 'QuizAttempt', entityId: first.id }, orderBy: { version: 'asc' } });
    expect(recs.map((r) => r.version)).toEqual([1, 2]);
  });

  it('a second attempt draws questions not seen before while the bank has them', async () => {
    const second = await start(quizId);
    expect(second.attemptNo).toBe(2);
    expect(second.questionIds.filter((id) => first.questionIds.includes(id))).toEqual([]);
    expect(new Set([...first.questionIds, ...second.questionIds]).size).toBe(6);
    // Time runs out: past the deadline and the grace, the submit is refused and the attempt expires.
    h.clock.now = new Date(new Date(second.deadlineAt).getTime() + SUBMIT_GRACE_MS + 1000);
    const late = await h.gql(SUBMIT, { a: second.id, answers: [] }, as.member);
    expect(codeOf(late)).toBe('ATTEMPT_EXPIRED');
    const row = await h.prisma.quizAttempt.findUniqueOrThrow({ where: { id: second.id } });
    expect(row).toMatchObject({ status: 'EXPIRED', version: 2, score: null });
    expect(codeOf(await h.gql(SUBMIT, { a: second.id, answers: [] }, as.member))).toBe('ATTEMPT_EXPIRED');
    // Its questions were never revealed: it was not submitted.
    expect(codeOf(await h.gql(`query($id: ID!) { quizQuestion(id: $id) { correct } }`, { id: second.questionIds[0] }, as.member))).toBe('FORBIDDEN');
  });

  it('a submit within the grace after the deadline counts; then the attempt limit is reached', async () => {
    const third = await start(quizId);
    expect(third.attemptNo).toBe(3);
    expect(new Set(third.questionIds).size).toBe(3);
    h.clock.now = new Date(new Date(third.deadlineAt).getTime() + SUBMIT_GRACE_MS - 1000);
    const res = ok(await h.gql<{ submitQuizAttempt: Attempt }>(SUBMIT, { a: third.id, answers: [] }, as.member)).submitQuizAttempt;
    expect(res).toMatchObject({ status: 'SUBMITTED', score: 0, passed: false });
    const limit = await h.gql(START, { q: quizId }, as.member);
    expect(codeOf(limit)).toBe('ATTEMPTS_EXHAUSTED');
    expect(limit.errors![0]!.extensions.maxAttempts).toBe(3);
    expect(await h.prisma.quizAttempt.count({ where: { quizId, memberId: fx.members.m1.id } })).toBe(3);
    expect(ok(await h.gql<{ quiz: { attemptsLeft: number; myAttempts: { totalCount: number } } }>(`query($q: ID!) { quiz(id: $q) { attemptsLeft myAttempts { totalCount } } }`, { q: quizId }, as.member)).quiz).toEqual({ attemptsLeft: 0, myAttempts: { totalCount: 3 } });
    // No attempts left: the key of the submitted attempts is the member's to see, through the bank question too.
    const key = keyOf(qs);
    const shown = ok(await h.gql<{ quizAttempt: { results: { question: { id: string }; isCorrect: boolean; correct: number[]; explanation: string }[] } }>(`query($id: ID!) { quizAttempt(id: $id) { results { question { id } isCorrect correct explanation } } }`, { id: first.id }, as.member)).quizAttempt;
    for (const r of shown.results) {
      expect(r.isCorrect).toBe(true);
      expect(r.correct).toEqual(key.get(r.question.id)!.correct);
      expect(r.explanation).toMatch(/^EXPL-/);
    }
    const drawnId = first.questionIds[0]!;
    expect(ok(await h.gql<{ quizQuestion: { correct: number[] } }>(`query($id: ID!) { quizQuestion(id: $id) { correct explanation } }`, { id: drawnId }, as.member)).quizQuestion.correct).toEqual(key.get(drawnId)!.correct);
    h.clock.now = new Date();
  });

  it('an overdue attempt left open expires when the member starts the next one', async () => {
    const qz = await quiz(c.id, { maxAttempts: 2 });
    const a = await start(qz, 'member2');
    h.clock.now = new Date(new Date(a.deadlineAt).getTime() + SUBMIT_GRACE_MS + 1);
    const b = await start(qz, 'member2');
    expect(b.attemptNo).toBe(2);
    expect((await h.prisma.quizAttempt.findUniqueOrThrow({ where: { id: a.id } })).status).toBe('EXPIRED');
    h.clock.now = new Date();
  });

  it('scores single choice, multiple choice (exact set) and true/false right, with each question’s points', async () => {
    const all = await quiz(c.id, { questionCount: 6, maxAttempts: 1, passScore: 50 });
    const a = await start(all, 'member2');
    expect(new Set(a.questionIds)).toEqual(new Set(qs.map((q) => q.id)));
    // q1 single right (1), q2 single wrong (2), q3 multiple exact (3), q4 multiple subset (4), q5 t/f right (5), q6 t/f wrong (6).
    const choices = [[2], [1], [3, 0], [1, 2], [0], [0]];
    const res = ok(await h.gql<{ submitQuizAttempt: { score: number; maxScore: number; passed: boolean; results: { question: { id: string }; isCorrect: boolean; earned: number; chosen: number[] }[] } }>(
      SUBMIT,
      { a: a.id, answers: qs.map((q, i) => ({ questionId: q.id, choices: choices[i] })) },
      as.member2,
    )).submitQuizAttempt;
    expect(res).toMatchObject({ score: 1 + 3 + 5, maxScore: 21, passed: false }); // 9/21 = 43 % < 50 %
    // member2 may still take other quizzes over this bank, so the per-question outcome is theirs to
    // see only later; the secretary who keeps the bank reads it now.
    expect(res.results.every((r) => r.isCorrect === null && r.earned === null)).toBe(true);
    const staff = ok(await h.gql<{ quizAttempt: { results: { question: { id: string }; isCorrect: boolean; earned: number; chosen: number[] }[] } }>(
      `query($id: ID!) { quizAttempt(id: $id) { results { question { id } isCorrect earned chosen } } }`,
      { id: a.id },
      as.secretary,
    )).quizAttempt;
    const byQ = new Map(staff.results.map((r) => [r.question.id, r]));
    expect(qs.map((q) => byQ.get(q.id)!.isCorrect)).toEqual([true, false, true, false, true, false]);
    expect(qs.map((q) => byQ.get(q.id)!.earned)).toEqual([1, 0, 3, 0, 5, 0]);
    expect(byQ.get(qs[2]!.id)!.chosen).toEqual([0, 3]);
    expect(await h.prisma.pointsEntry.count({ where: { sourceId: a.id } })).toBe(0); // not passed: no points
  });

  it('attempts are the member’s own; staff of the subtree see them (leaders without the key); others are refused', async () => {
    const q = `query($id: ID!) { quizAttempt(id: $id) { id score member { id } } }`;
    expect(ok(await h.gql<{ quizAttempt: { id: string } }>(q, { id: first.id }, as.secretary)).quizAttempt.id).toBe(first.id);
    expect(ok(await h.gql<{ quizAttempt: { id: string } }>(q, { id: first.id }, as.leader)).quizAttempt.id).toBe(first.id);
    expect(ok(await h.gql<{ quizAttempt: { id: string } }>(`query($id: ID!) { quizAttempt(id: $id) { id score } }`, { id: first.id }, as.partner)).quizAttempt.id).toBe(first.id);
    expect(codeOf(await h.gql(q, { id: first.id }, as.otherSecretary))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(q, { id: first.id }, as.member2))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(q, { id: first.id }, as.bare))).toBe('FORBIDDEN');
    const leader = await h.gql<{ quizAttempt: { results: { isCorrect: boolean; correct: number[] | null }[] } }>(`query($id: ID!) { quizAttempt(id: $id) { results { isCorrect correct } } }`, { id: first.id }, as.leader);
    expect(codeOf(leader)).toBe('FORBIDDEN');
    expect(leader.data!.quizAttempt.results.every((r) => r.isCorrect && r.correct === null)).toBe(true);
    const sec = ok(await h.gql<{ quizAttempt: { results: { correct: number[] }[] } }>(`query($id: ID!) { quizAttempt(id: $id) { results { correct } } }`, { id: first.id }, as.secretary));
    expect(sec.quizAttempt.results.every((r) => r.correct.length > 0)).toBe(true);

    const mine = ok(await h.gql<{ myQuizAttempts: { totalCount: number; edges: { node: { attemptNo: number } }[] } }>(`query($q: ID) { myQuizAttempts(first: 10, quizId: $q) { totalCount edges { node { attemptNo } } } }`, { q: quizId }, as.member)).myQuizAttempts;
    expect(mine.totalCount).toBe(3);
    expect(mine.edges.map((e) => e.node.attemptNo).sort()).toEqual([1, 2, 3]);
    expect(codeOf(await h.gql(`{ myQuizAttempts(first: 1) { totalCount } }`, {}, as.secretary))).toBe('FORBIDDEN');
    const staffView = ok(await h.gql<{ quiz: { attempts: { totalCount: number } } }>(`query($q: ID!) { quiz(id: $q) { attempts { totalCount } } }`, { q: quizId }, as.secretary)).quiz;
    expect(staffView.attempts.totalCount).toBe(3);
    expect(codeOf(await h.gql(`query($q: ID!) { quiz(id: $q) { attempts { totalCount } } }`, { q: quizId }, as.member))).toBe('FORBIDDEN');
  });

  it('a quiz outside its window is not open; a quiz of another branch is not visible', async () => {
    const closed = ok(await h.gql<{ createQuiz: { id: string } }>(CREATE_QUIZ, { input: { courseId: c.id, title: '已截止', questionCount: 1, passScore: 60, timeLimitMinutes: 5, closesAt: new Date(h.clock.now.getTime() - 1000).toISOString() } }, as.secretary)).createQuiz;
    ok(await h.gql(PUBLISH_QUIZ, { id: closed.id }, as.secretary));
    expect(codeOf(await h.gql(START, { q: closed.id }, as.member))).toBe('QUIZ_NOT_OPEN');
    const otherCourse = await course('otherSecretary', 'b3', '三支部测验课');
    await bank(otherCourse.id, 'otherSecretary');
    const other = ok(await h.gql<{ createQuiz: { id: string } }>(CREATE_QUIZ, { input: { courseId: otherCourse.id, title: 'x', questionCount: 1, passScore: 60, timeLimitMinutes: 5 } }, as.otherSecretary)).createQuiz;
    ok(await h.gql(PUBLISH_QUIZ, { id: other.id }, as.otherSecretary));
    expect(codeOf(await h.gql(START, { q: other.id }, as.member))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(`query($q: ID!) { quiz(id: $q) { title } }`, { q: other.id }, as.member))).toBe('FORBIDDEN');
    const visible = ok(await h.gql<{ quizzes: { edges: { node: { id: string } }[] } }>(`{ quizzes(first: 100) { edges { node { id } } } }`, {}, as.member)).quizzes.edges.map((e) => e.node.id);
    expect(visible).toContain(quizId);
    expect(visible).not.toContain(other.id);
  });

  it('completion: a member after every resource, once, with the best quiz score; points awarded', async () => {
    expect(codeOf(await h.gql(COMPLETE, { c: c.id, r: [c.resourceIds[0]] }, as.member))).toBe('RESOURCES_INCOMPLETE');
    const missing = await h.gql(COMPLETE, { c: c.id }, as.member);
    expect(missing.errors![0]!.extensions.missing).toEqual(c.resourceIds);
    expect(codeOf(await h.gql(COMPLETE, { c: c.id, m: fx.members.m2.id, r: c.resourceIds }, as.member))).toBe('FORBIDDEN');
    const done = ok(await h.gql<{ completeCourse: { memberId: string; classHours: number; score: number; orgUnitId: string; version: number } }>(COMPLETE, { c: c.id, r: c.resourceIds }, as.member)).completeCourse;
    expect(done).toMatchObject({ memberId: fx.members.m1.id, classHours: 4, score: 100, orgUnitId: fx.units.b1.id, version: 1 });
    expect(codeOf(await h.gql(COMPLETE, { c: c.id, r: c.resourceIds }, as.member))).toBe('ALREADY_COMPLETED');
    const pts = await h.prisma.pointsEntry.findMany({ where: { memberId: fx.members.m1.id, sourceType: 'CourseCompletion' } });
    expect(pts.map((p) => p.points)).toEqual([5]);
    expect(await h.prisma.outboxRecord.count({ where: { entityType: 'PointsEntry', entityId: pts[0]!.id } })).toBe(1);
  });

  it('completion: a secretary records one for a member of their subtree; drafts and other branches’ courses are refused', async () => {
    expect(codeOf(await h.gql(COMPLETE, { c: c.id, m: fx.members.m2.id }, as.otherSecretary))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(COMPLETE, { c: c.id, m: fx.members.m2.id }, as.leader))).toBe('FORBIDDEN');
    const rec = ok(await h.gql<{ completeCourse: { memberId: string; orgUnitId: string } }>(COMPLETE, { c: c.id, m: fx.members.m2.id }, as.secretary)).completeCourse;
    expect(rec).toMatchObject({ memberId: fx.members.m2.id, orgUnitId: fx.units.b1g.id });
    expect(codeOf(await h.gql(COMPLETE, { c: c.id, m: fx.members.m2.id }, as.secretary))).toBe('ALREADY_COMPLETED');

    const draft = await course('secretary', 'b1', '草稿课', 1, false);
    expect(codeOf(await h.gql(COMPLETE, { c: draft.id, r: draft.resourceIds }, as.member))).toBe('COURSE_NOT_PUBLISHED');
    const other = await course('otherSecretary', 'b3', '别的支部');
    expect(codeOf(await h.gql(COMPLETE, { c: other.id, r: other.resourceIds }, as.member))).toBe('FORBIDDEN');
    expect(fieldsOf(await h.gql(COMPLETE, { c: other.id, m: fx.members.m1.id }, as.admin))).toEqual(['courseId']);
    expect(codeOf(await h.gql(COMPLETE, { c: c.id }, as.partner))).toBe('FORBIDDEN');
  });

  it('completions: a member’s own list, staff for their subtree, others refused', async () => {
    const q = `query($m: ID) { courseCompletions(first: 10, memberId: $m) { totalCount edges { node { memberId course { id title } proof { status } } } } }`;
    const own = ok(await h.gql<{ courseCompletions: { totalCount: number; edges: { node: { memberId: string } }[] } }>(q, {}, as.member)).courseCompletions;
    expect(own.totalCount).toBe(1);
    expect(own.edges[0]!.node.memberId).toBe(fx.members.m1.id);
    expect(codeOf(await h.gql(q, { m: fx.members.m2.id }, as.member))).toBe('FORBIDDEN');
    expect(ok(await h.gql<{ courseCompletions: { totalCount: number } }>(q, { m: fx.members.m2.id }, as.secretary)).courseCompletions.totalCount).toBe(1);
    expect(ok(await h.gql<{ courseCompletions: { totalCount: number } }>(q, {}, as.secretary)).courseCompletions.totalCount).toBe(2);
    expect(ok(await h.gql<{ courseCompletions: { totalCount: number } }>(q, { m: fx.members.m1.id }, as.partner)).courseCompletions.totalCount).toBe(1);
    expect(codeOf(await h.gql(q, { m: fx.members.m1.id }, as.otherSecretary))).toBe('FORBIDDEN');
    expect(ok(await h.gql<{ courseCompletions: { totalCount: number } }>(q, {}, as.otherSecretary)).courseCompletions.totalCount).toBe(0);
    const c1 = ok(await h.gql<{ course: { myCompletion: { memberId: string } | null } }>(`query($id: ID!) { course(id: $id) { myCompletion { memberId } } }`, { id: c.id }, as.member)).course;
    expect(c1.myCompletion?.memberId).toBe(fx.members.m1.id);
  });
});
