// The dues forms' action answers (lib/action-answer.ts), and the question before a dues act that
// cannot be undone.
import type { ReactNode } from 'react';
import { useNavigation } from 'react-router';
import { useActionResult } from '../lib/use-action-result';
import { useT } from '../i18n/use-t';
import { askOf, doneOf, failureOf, type ActionAnswer } from '../lib/action-answer';
import { ConfirmStep } from './Confirm';

/** The dues pages' action answers are the common ones (lib/action-answer.ts). */
export type DuesResult = ActionAnswer;
export { askOf, doneOf, failureOf };

/** A dues page's action answer, read three ways, and whether one of its forms is being sent. */
export function useDuesAction() {
  const result = useActionResult<DuesResult>();
  return { result, failure: failureOf(result), done: doneOf(result), busy: useNavigation().state === 'submitting' };
}

/**
 * The question before a dues act that cannot be undone: `what` it will do (in bold), that it
 * cannot be undone, and the way back to `here` without doing it. `children`: fields the second
 * submission must carry.
 */
export function DuesConfirmStep({ id, title, confirmLabel, here, asked, busy, what, irreversible, children }: { id: string; title: string; confirmLabel: string; here: string; asked: unknown; busy: boolean; what: ReactNode; irreversible: string; children?: ReactNode }) {
  const d = useT().dues;
  return (
    <ConfirmStep id={id} title={title} confirmLabel={confirmLabel} cancel={{ to: here, label: d.cancel }} asked={asked} busy={busy}>
      {children}
      <p>
        <strong>{what}</strong>
      </p>
      <p>{irreversible}</p>
    </ConfirmStep>
  );
}
