// The seeded question banks (#18 item 18): real questions, not placeholders ("第3题", "选项A"…),
// each with four distinct options and its right one keyed, enough per course for a retake to draw
// new ones, and the same catalogue from the same seed.
import { describe, expect, it } from 'vitest';
import { checkQuestion } from '@lianjian/rules/learning';
import { planCatalog } from '../src/seed/catalog.js';
import { QUESTION_BANKS } from '../src/seed/questions.js';

describe('seeded question banks', () => {
  const catalog = planCatalog('demo');
  const all = catalog.courses.flatMap((c) => c.questions);

  it('hold real questions: at least 20, four distinct options each, the right one keyed', () => {
    expect(all.length).toBeGreaterThanOrEqual(20);
    for (const q of all) {
      expect(q.prompt).not.toMatch(/第\s*\d+\s*题|^\s*$/);
      expect(q.prompt).toMatch(/[\u4e00-\u9fff]/);
      expect(q.options).toHaveLength(4);
      for (const o of q.options) expect(o).not.toMatch(/^选项[A-D]$/);
      expect(q.kind).toBe('SINGLE_CHOICE');
      expect(checkQuestion(q.kind, q.options, q.correct)).toEqual([]);
      expect(q.explanation.length).toBeGreaterThan(5);
    }
    // The keyed option is the bank's answer, wherever the seed shuffled it.
    for (const c of catalog.courses) {
      c.questions.forEach((q, i) => expect(q.options[q.correct[0]!]).toBe(QUESTION_BANKS[c.title]![i]![1]));
    }
    expect(new Set(all.map((q) => q.correct[0])).size).toBeGreaterThan(1);
  });

  it('give every course enough questions for a retake to draw unseen ones', () => {
    for (const c of catalog.courses) expect(c.questions.length).toBeGreaterThanOrEqual(2 * c.quiz.questionCount);
  });

  it('are the same from the same seed', () => {
    const again = planCatalog('demo');
    expect([again.courses, again.rules]).toEqual([catalog.courses, catalog.rules]);
    expect(planCatalog('other').courses[0]!.questions.map((q) => q.options)).not.toEqual(catalog.courses[0]!.questions.map((q) => q.options));
  });
});
