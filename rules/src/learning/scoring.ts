// The answer key and scoring, free of the database so the rules are tested on their own.
// A question's `options` are its choices in order; `correct` the indexes of the right ones.
// A question scores its points only when the chosen set equals the correct set exactly (no
// partial credit on multiple choice); a quiz is passed when score / maxScore ≥ passScore %.
/** The question kinds of the database enum QuestionKind. */
export type QuestionKind = 'SINGLE_CHOICE' | 'MULTIPLE_CHOICE' | 'TRUE_FALSE';

/** A refused input field, in the shape the API's field errors carry. */
export interface FieldError {
  field: string;
  message: string;
  messageZh: string;
}

export const MAX_OPTIONS = 10;
export const MAX_OPTION_LENGTH = 500;
export const MAX_PROMPT_LENGTH = 2000;
export const TRUE_FALSE_OPTIONS: readonly string[] = ['正确', '错误'];

export interface KeyedQuestion {
  id: string;
  kind: QuestionKind;
  options: string[];
  correct: number[];
  points: number;
}

function err(field: string, message: string, messageZh: string): FieldError {
  return { field, message, messageZh };
}

/** What is wrong with a question's choices and key (empty when it is valid). */
export function checkQuestion(kind: QuestionKind, options: readonly string[], correct: readonly number[], at = 'input'): FieldError[] {
  const out: FieldError[] = [];
  if (kind === 'TRUE_FALSE' && options.length !== 2) {
    out.push(err(`${at}.options`, `a true/false question has exactly 2 options, got ${options.length}.`, `判断题应恰有 2 个选项，收到 ${options.length} 个。`));
  } else if (options.length < 2 || options.length > MAX_OPTIONS) {
    out.push(err(`${at}.options`, `must hold 2 to ${MAX_OPTIONS} options, got ${options.length}.`, `选项数应为 2 到 ${MAX_OPTIONS} 个，收到 ${options.length} 个。`));
  }
  options.forEach((o, i) => {
    if (o.trim() === '') out.push(err(`${at}.options[${i}]`, 'is empty.', '不能为空。'));
    else if (o.length > MAX_OPTION_LENGTH) out.push(err(`${at}.options[${i}]`, `is longer than ${MAX_OPTION_LENGTH} characters.`, `超过 ${MAX_OPTION_LENGTH} 个字符。`));
  });
  const trimmed = options.map((o) => o.trim());
  if (new Set(trimmed).size !== trimmed.length) out.push(err(`${at}.options`, 'holds the same option twice.', '存在重复的选项。'));
  correct.forEach((c, i) => {
    if (!Number.isInteger(c) || c < 0 || c >= options.length) {
      out.push(err(`${at}.correct[${i}]`, `must be the index of an option (0 to ${options.length - 1}), got ${c}.`, `应为选项序号（0 到 ${options.length - 1}），收到 ${c}。`));
    }
  });
  if (new Set(correct).size !== correct.length) out.push(err(`${at}.correct`, 'names the same option twice.', '重复指定了同一选项。'));
  if (kind === 'MULTIPLE_CHOICE') {
    if (correct.length < 1) out.push(err(`${at}.correct`, 'a multiple-choice question needs at least one correct option.', '多选题至少应有一个正确选项。'));
  } else if (correct.length !== 1) {
    const what = kind === 'TRUE_FALSE' ? ['a true/false question', '判断题'] : ['a single-choice question', '单选题'];
    out.push(err(`${at}.correct`, `${what[0]} has exactly one correct option, got ${correct.length}.`, `${what[1]}应恰有一个正确选项，收到 ${correct.length} 个。`));
  }
  return out;
}

export interface SubmittedAnswer {
  questionId: string;
  choices: readonly number[];
}

/**
 * The answers an attempt stores: keyed by question id, choices sorted. Only questions drawn in
 * the attempt may be answered, each once, with choices among its options (one for single
 * choice and true/false). A drawn question left out scores nothing.
 */
export function checkAnswers(drawn: readonly KeyedQuestion[], answers: readonly SubmittedAnswer[]): { answers: Record<string, number[]>; errors: FieldError[] } {
  const byId = new Map(drawn.map((q) => [q.id, q]));
  const out: Record<string, number[]> = {};
  const errors: FieldError[] = [];
  answers.forEach((a, i) => {
    const at = `answers[${i}]`;
    const q = byId.get(a.questionId.toLowerCase());
    if (!q) {
      errors.push(err(`${at}.questionId`, `names question ${a.questionId}, which was not drawn in this attempt.`, `题目 ${a.questionId} 不在本次作答抽取的题目中。`));
      return;
    }
    if (q.id in out) {
      errors.push(err(`${at}.questionId`, `answers question ${q.id} a second time.`, `重复作答题目 ${q.id}。`));
      return;
    }
    const bad = a.choices.filter((c) => !Number.isInteger(c) || c < 0 || c >= q.options.length);
    if (bad.length) {
      errors.push(err(`${at}.choices`, `must be option indexes 0 to ${q.options.length - 1}, got ${bad.join(', ')}.`, `应为选项序号 0 到 ${q.options.length - 1}，收到 ${bad.join('、')}。`));
      return;
    }
    if (new Set(a.choices).size !== a.choices.length) {
      errors.push(err(`${at}.choices`, 'chooses the same option twice.', '重复选择了同一选项。'));
      return;
    }
    if (q.kind !== 'MULTIPLE_CHOICE' && a.choices.length > 1) {
      errors.push(err(`${at}.choices`, 'this question takes one choice.', '该题只能选择一个选项。'));
      return;
    }
    out[q.id] = [...a.choices].sort((x, y) => x - y);
  });
  return { answers: out, errors };
}

export interface ScoredItem {
  questionId: string;
  chosen: number[];
  correct: number[];
  isCorrect: boolean;
  points: number;
  earned: number;
}

export interface Score {
  score: number;
  maxScore: number;
  items: ScoredItem[];
}

export function scoreAnswers(drawn: readonly KeyedQuestion[], answers: Readonly<Record<string, readonly number[]>>): Score {
  let score = 0;
  let maxScore = 0;
  const items = drawn.map((q) => {
    const chosen = [...(answers[q.id] ?? [])].sort((x, y) => x - y);
    const correct = [...q.correct].sort((x, y) => x - y);
    const isCorrect = chosen.length === correct.length && chosen.every((c, i) => c === correct[i]);
    const earned = isCorrect ? q.points : 0;
    score += earned;
    maxScore += q.points;
    return { questionId: q.id, chosen, correct, isCorrect, points: q.points, earned };
  });
  return { score, maxScore, items };
}

/** `passScore` is a percentage of the attempt's maximum. */
export function isPassed(score: number, maxScore: number, passScore: number): boolean {
  return maxScore > 0 && score * 100 >= passScore * maxScore;
}

/** `options`/`correct` as stored (JSON columns), checked on the way out of the database. */
export function keyedQuestion(row: { id: string; kind: QuestionKind; options: unknown; correct: unknown; points: number }): KeyedQuestion {
  const options = Array.isArray(row.options) ? row.options.map(String) : [];
  const correct = Array.isArray(row.correct) ? row.correct.filter((c): c is number => Number.isInteger(c)) : [];
  return { id: row.id, kind: row.kind, options, correct, points: row.points };
}
