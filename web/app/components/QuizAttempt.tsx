// Taking a quiz: the countdown (the server's deadline decides; the clock only counts down the
// seconds the server said were left), the questions without their answers, handing in (asked
// first when questions are left unanswered), and after submitting the score with each question's
// answer key and explanation — once the API shows them (no attempts left, or the quiz closed).
import { useEffect, useRef, useState } from 'react';
import { Form, useNavigation } from 'react-router';
import { useT } from '../i18n/use-t';
import { clock, type QuestionNode, type SubmitConfirm } from '../lib/learning';
import { ConfirmStep } from './Confirm';

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
        // Time is up: hand in as it stands, without asking about unanswered questions.
        const form = document.getElementById(formId) as HTMLFormElement | null;
        form?.requestSubmit(form.querySelector<HTMLButtonElement>('[data-time-up]'));
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

export function QuizForm({ questions, formId, asked }: { questions: QuestionNode[]; formId: string; asked?: SubmitConfirm | null }) {
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
          <fieldset key={q.id} id={`q-${q.id}`} className="quiz-question" data-question={q.id} data-kind={q.kind}>
            <legend>
              <span className="muted small">
                {l.question(i + 1, questions.length)} · {l.kinds[q.kind] ?? q.kind} · {l.points(q.points)}
              </span>
              <br />
              {q.prompt}
            </legend>
            {q.options.map((o, j) => (
              <label key={j} className="quiz-option">
                <input type={multiple ? 'checkbox' : 'radio'} name={`q.${q.id}`} value={j} defaultChecked={asked?.answers[q.id]?.includes(j)} /> <span>{o}</span>
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
        <button type="submit" name="confirm" value="1" hidden tabIndex={-1} aria-label={l.timeUp} data-time-up />
      </div>
      {asked ? (
        <ConfirmStep
          id="submit-confirm"
          title={l.submitConfirmTitle}
          confirmLabel={l.submitConfirmYes}
          cancel={{ to: `#q-${asked.firstUnanswered}`, label: l.keepAnswering }}
          asked={asked}
          busy={busy}
        >
          <p>
            <strong>{l.submitConfirm(asked.unanswered, questions.length)}</strong>
          </p>
        </ConfirmStep>
      ) : null}
    </Form>
  );
}

export interface ResultNode {
  chosen: number[];
  correct: number[] | null;
  /** Null (as are correct and explanation) until the API shows this member the key. */
  earned: number | null;
  explanation: string | null;
  isCorrect: boolean | null;
  points: number;
  question: { id: string; prompt: string; options: string[]; kind: string };
}

export function QuizResults({ results }: { results: ResultNode[] }) {
  const l = useT().learning;
  const keyLater = results.some((r) => r.isCorrect === null);
  return (
    <>
      {keyLater ? (
        <p className="notice" data-testid="key-later">
          {l.keyLater}
        </p>
      ) : null}
      <ol className="plain" data-testid="quiz-results">
        {results.map((r, i) => (
          <li key={r.question.id} className={`quiz-result${r.isCorrect === null ? '' : r.isCorrect ? ' right' : ' wrong'}`} data-correct={String(r.isCorrect)}>
            <p className="record-head">
              <span className="muted small">
                {l.question(i + 1, results.length)} · {l.kinds[r.question.kind] ?? r.question.kind}
                {r.isCorrect === null ? '' : ' · '}
              </span>
              {r.isCorrect === null ? null : (
                <>
                  <span className={`pill ${r.isCorrect ? 'pill-pass' : 'pill-fail'}`}>{r.isCorrect ? l.right : l.wrong}</span>{' '}
                  <span className="small">{l.earned(r.earned ?? 0, r.points)}</span>
                </>
              )}
            </p>
            <p>
              <strong>{r.question.prompt}</strong>
            </p>
            <ol type="A">
              {r.question.options.map((o, j) => {
                const key = r.correct?.includes(j) ?? false;
                const chose = r.chosen.includes(j);
                return (
                  <li key={j} className={key ? 'is-key' : chose && r.correct ? 'is-chosen-wrong' : undefined}>
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
                <strong>{l.explanation}</strong> {r.explanation}
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </>
  );
}
