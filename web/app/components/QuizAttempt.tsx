// Taking a quiz: the countdown (the server's deadline decides; the clock only counts down the
// seconds the server said were left), the questions without their answers, and after submitting
// the score with each question's answer key and explanation.
import { useEffect, useRef, useState } from 'react';
import { Form, useNavigation } from 'react-router';
import { useT } from '../i18n/use-t';
import { clock, type QuestionNode } from '../lib/learning';

export function QuizCountdown({ secondsLeft, deadline, formId }: { secondsLeft: number; deadline: string; formId: string }) {
  const l = useT().learning;
  const [left, setLeft] = useState(secondsLeft);
  const sent = useRef(false);
  useEffect(() => {
    // Measured from when the page arrived, not the browser's wall clock (which may be wrong).
    const start = performance.now();
    const id = window.setInterval(() => {
      const now = Math.max(0, secondsLeft - Math.floor((performance.now() - start) / 1000));
      setLeft(now);
      if (now === 0 && !sent.current) {
        sent.current = true;
        window.clearInterval(id);
        (document.getElementById(formId) as HTMLFormElement | null)?.requestSubmit();
      }
    }, 250);
    return () => window.clearInterval(id);
  }, [secondsLeft, formId]);
  return (
    <div className={`quiz-clock${left <= 60 ? ' low' : ''}`} data-testid="quiz-clock" data-seconds-left={left}>
      <span>{l.timeLeft}</span>
      <strong role="timer" aria-live={left <= 60 ? 'polite' : 'off'} aria-atomic="true">
        {clock(left)}
      </strong>
      <span className="muted small">{left === 0 ? l.timeUp : l.deadline(deadline)}</span>
    </div>
  );
}

export function QuizForm({ questions, formId }: { questions: QuestionNode[]; formId: string }) {
  const l = useT().learning;
  const busy = useNavigation().state === 'submitting';
  const [answered, setAnswered] = useState<Set<string>>(new Set());
  const onChange = (e: React.FormEvent<HTMLFormElement>) => {
    const form = e.currentTarget;
    const data = new FormData(form);
    setAnswered(new Set(questions.filter((q) => data.getAll(`q.${q.id}`).length > 0).map((q) => q.id)));
  };
  const open = questions.length - answered.size;
  return (
    <Form method="post" id={formId} className="quiz-form" data-testid="quiz-form" onChange={onChange}>
      <input type="hidden" name="intent" value="submit" />
      {questions.map((q, i) => {
        const multiple = q.kind === 'MULTIPLE_CHOICE';
        return (
          <fieldset key={q.id} className="quiz-question" data-question={q.id} data-kind={q.kind}>
            <legend>
              <span className="muted small">
                {l.question(i + 1, questions.length)} · {l.kinds[q.kind] ?? q.kind} · {l.points(q.points)}
              </span>
              <br />
              {q.prompt}
            </legend>
            {q.options.map((o, j) => (
              <label key={j} className="quiz-option">
                <input type={multiple ? 'checkbox' : 'radio'} name={`q.${q.id}`} value={j} /> <span>{o}</span>
              </label>
            ))}
          </fieldset>
        );
      })}
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? l.submitting : l.submit}
        </button>
        {open > 0 ? <span className="muted small">{l.unanswered(open)}</span> : null}
      </div>
    </Form>
  );
}

export interface ResultNode {
  chosen: number[];
  correct: number[] | null;
  earned: number;
  explanation: string | null;
  isCorrect: boolean;
  points: number;
  question: { id: string; prompt: string; options: string[]; kind: string };
}

export function QuizResults({ results }: { results: ResultNode[] }) {
  const l = useT().learning;
  return (
    <ol className="plain" data-testid="quiz-results">
      {results.map((r, i) => (
        <li key={r.question.id} className={`quiz-result ${r.isCorrect ? 'right' : 'wrong'}`} data-correct={String(r.isCorrect)}>
          <p className="record-head">
            <span className="muted small">
              {l.question(i + 1, results.length)} · {l.kinds[r.question.kind] ?? r.question.kind} ·{' '}
            </span>
            <span className={`pill ${r.isCorrect ? 'pill-pass' : 'pill-fail'}`}>{r.isCorrect ? l.right : l.wrong}</span>{' '}
            <span className="small">{l.earned(r.earned, r.points)}</span>
          </p>
          <p>
            <strong>{r.question.prompt}</strong>
          </p>
          <ol type="A">
            {r.question.options.map((o, j) => {
              const key = r.correct?.includes(j) ?? false;
              const chose = r.chosen.includes(j);
              return (
                <li key={j} className={key ? 'is-key' : chose ? 'is-chosen-wrong' : undefined}>
                  {o}
                  {chose ? <span className="small"> ← {l.yourAnswer}</span> : null}
                  {key ? <span className="small"> ✓ {l.correctAnswer}</span> : null}
                </li>
              );
            })}
          </ol>
          {r.chosen.length === 0 ? <p className="small muted">{l.noAnswer}</p> : null}
          {r.explanation ? (
            <p className="small">
              <strong>{l.explanation}</strong>{" "}
              {r.explanation}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
