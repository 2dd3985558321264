import { describe, expect, it } from 'vitest';
import { checkAnswers, checkQuestion, isPassed, keyedQuestion, scoreAnswers, type KeyedQuestion } from './scoring.js';

const single: KeyedQuestion = { id: 'aaaaaaaa-0000-4000-8000-000000000001', kind: 'SINGLE_CHOICE', options: ['A', 'B', 'C', 'D'], correct: [2], points: 2 };
const multi: KeyedQuestion = { id: 'aaaaaaaa-0000-4000-8000-000000000002', kind: 'MULTIPLE_CHOICE', options: ['A', 'B', 'C', 'D'], correct: [0, 3], points: 3 };
const tf: KeyedQuestion = { id: 'aaaaaaaa-0000-4000-8000-000000000003', kind: 'TRUE_FALSE', options: ['正确', '错误'], correct: [1], points: 1 };
const drawn = [single, multi, tf];

const fields = (errs: { field: string }[]) => errs.map((e) => e.field);

describe('checkQuestion', () => {
  it('accepts well-formed questions of each kind', () => {
    expect(checkQuestion('SINGLE_CHOICE', ['A', 'B'], [1])).toEqual([]);
    expect(checkQuestion('MULTIPLE_CHOICE', ['A', 'B', 'C'], [0, 2])).toEqual([]);
    expect(checkQuestion('MULTIPLE_CHOICE', ['A', 'B', 'C'], [1])).toEqual([]);
    expect(checkQuestion('TRUE_FALSE', ['正确', '错误'], [0])).toEqual([]);
  });
  it('refuses bad option counts', () => {
    expect(fields(checkQuestion('SINGLE_CHOICE', ['A'], [0]))).toEqual(['input.options']);
    expect(fields(checkQuestion('SINGLE_CHOICE', Array.from({ length: 11 }, (_, i) => `o${i}`), [0]))).toEqual(['input.options']);
    expect(fields(checkQuestion('TRUE_FALSE', ['是', '否', '不确定'], [0]))).toEqual(['input.options']);
  });
  it('refuses empty and repeated options', () => {
    expect(fields(checkQuestion('SINGLE_CHOICE', ['A', ' '], [0]))).toEqual(['input.options[1]']);
    expect(fields(checkQuestion('SINGLE_CHOICE', ['A', 'A '], [0]))).toEqual(['input.options']);
  });
  it('refuses correct answers that are not among the options, or repeated', () => {
    expect(fields(checkQuestion('SINGLE_CHOICE', ['A', 'B'], [2]))).toEqual(['input.correct[0]']);
    expect(fields(checkQuestion('MULTIPLE_CHOICE', ['A', 'B', 'C'], [0, -1]))).toEqual(['input.correct[1]']);
    expect(fields(checkQuestion('MULTIPLE_CHOICE', ['A', 'B', 'C'], [1, 1]))).toEqual(['input.correct']);
  });
  it('needs exactly one correct option for single choice and true/false, at least one for multiple', () => {
    expect(fields(checkQuestion('SINGLE_CHOICE', ['A', 'B', 'C'], [0, 1]))).toEqual(['input.correct']);
    expect(fields(checkQuestion('TRUE_FALSE', ['正确', '错误'], []))).toEqual(['input.correct']);
    expect(fields(checkQuestion('MULTIPLE_CHOICE', ['A', 'B', 'C'], []))).toEqual(['input.correct']);
  });
});

describe('checkAnswers', () => {
  it('keeps answers to drawn questions, sorted', () => {
    const r = checkAnswers(drawn, [{ questionId: multi.id, choices: [3, 0] }, { questionId: tf.id.toUpperCase(), choices: [1] }]);
    expect(r.errors).toEqual([]);
    expect(r.answers).toEqual({ [multi.id]: [0, 3], [tf.id]: [1] });
  });
  it('refuses questions not drawn, answered twice, choices out of range or repeated, and several choices on single choice', () => {
    const r = checkAnswers(drawn, [
      { questionId: 'bbbbbbbb-0000-4000-8000-000000000009', choices: [0] },
      { questionId: single.id, choices: [0] },
      { questionId: single.id, choices: [1] },
      { questionId: multi.id, choices: [4] },
      { questionId: tf.id, choices: [0, 1] },
    ]);
    expect(fields(r.errors)).toEqual(['answers[0].questionId', 'answers[2].questionId', 'answers[3].choices', 'answers[4].choices']);
    expect(checkAnswers(drawn, [{ questionId: multi.id, choices: [1, 1] }]).errors.map((e) => e.field)).toEqual(['answers[0].choices']);
  });
});

describe('scoreAnswers', () => {
  it('scores single choice, multiple choice (exact set only) and true/false', () => {
    const all = scoreAnswers(drawn, { [single.id]: [2], [multi.id]: [0, 3], [tf.id]: [1] });
    expect(all).toMatchObject({ score: 6, maxScore: 6 });
    expect(all.items.map((i) => i.isCorrect)).toEqual([true, true, true]);

    const partial = scoreAnswers(drawn, { [single.id]: [1], [multi.id]: [0], [tf.id]: [1] });
    expect(partial.score).toBe(1);
    expect(partial.items.map((i) => [i.isCorrect, i.earned])).toEqual([[false, 0], [false, 0], [true, 1]]);

    const over = scoreAnswers(drawn, { [multi.id]: [0, 1, 3] });
    expect(over.score).toBe(0);
    expect(over.items[1]).toMatchObject({ chosen: [0, 1, 3], correct: [0, 3], isCorrect: false });
  });
  it('scores an unanswered question as wrong', () => {
    const r = scoreAnswers(drawn, {});
    expect(r).toMatchObject({ score: 0, maxScore: 6 });
    expect(r.items.every((i) => i.chosen.length === 0 && !i.isCorrect)).toBe(true);
  });
});

describe('isPassed', () => {
  it('compares the percentage with the pass score, inclusive', () => {
    expect(isPassed(6, 10, 60)).toBe(true);
    expect(isPassed(5, 10, 60)).toBe(false);
    expect(isPassed(2, 3, 67)).toBe(false); // 66.7 %
    expect(isPassed(2, 3, 66)).toBe(true);
    expect(isPassed(0, 0, 0)).toBe(false);
  });
});

describe('keyedQuestion', () => {
  it('reads the JSON columns', () => {
    expect(keyedQuestion({ id: 'x', kind: 'TRUE_FALSE', options: ['正确', '错误'], correct: [0], points: 1 })).toEqual({ id: 'x', kind: 'TRUE_FALSE', options: ['正确', '错误'], correct: [0], points: 1 });
  });
});
