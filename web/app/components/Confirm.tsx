// The step before an act that cannot be undone (casting a ballot, opening or closing a vote,
// handing in a quiz with questions unanswered): it says what cannot be undone and the numbers
// that matter, and confirms by submitting the same form again with confirm=1. The route's action
// requires that field and answers a submission without it by asking, so the step is a real
// round trip — it works without JavaScript, and tests click it as a person does (a
// window.confirm would be auto-accepted).
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import './Confirm.css';

/** Whether this submission came from the confirmation step. */
export function isConfirmed(form: FormData): boolean {
  return form.get('confirm') === '1';
}

export interface ConfirmStepProps {
  /** Prefix of the element ids. */
  id: string;
  title: string;
  /** What will happen, what cannot be undone, and the numbers that matter. */
  children: ReactNode;
  confirmLabel: string;
  cancel: { to: string; label: string };
  /** The action's answer that asked: each new one asks afresh. */
  asked: unknown;
  /** The form to submit again, when the step is rendered outside it. */
  formId?: string;
  busy?: boolean;
}

export function ConfirmStep({ id, title, children, confirmLabel, cancel, asked, formId, busy }: ConfirmStepProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [stale, setStale] = useState(false);
  useEffect(() => {
    setStale(false);
    ref.current?.focus();
    // Changing the form after being asked makes the question stale (it named the old choice or
    // count): the panel goes, and the next submit asks again.
    const form = formId ? document.getElementById(formId) : ref.current?.closest('form');
    if (!form) return;
    const onChange = () => setStale(true);
    form.addEventListener('change', onChange);
    return () => form.removeEventListener('change', onChange);
  }, [asked, formId]);
  if (stale) return null;
  return (
    <div ref={ref} className="confirm-step" role="alertdialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-text`} tabIndex={-1} data-testid="confirm-step">
      <h3 id={`${id}-title`}>{title}</h3>
      <div id={`${id}-text`} data-testid="confirm-text">
        {children}
      </div>
      <div className="actions">
        <button type="submit" name="confirm" value="1" form={formId} className="btn btn-primary" disabled={busy} data-testid="confirm-yes">
          {confirmLabel}
        </button>
        <Link to={cancel.to} className="btn btn-quiet" data-testid="confirm-no">
          {cancel.label}
        </Link>
      </div>
    </div>
  );
}
