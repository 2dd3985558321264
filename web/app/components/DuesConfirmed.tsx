// What the dues forms' actions answer: a refusal (shown on its form), a question before an act
// that cannot be undone (ConfirmStep, answered by submitting again with confirm=1), or done.
import type { ReactNode } from 'react';
import { useNavigation } from 'react-router';
import { useActionResult } from '../lib/use-action-result';
import { useT } from '../i18n/use-t';
import type { FormFailure } from '../lib/meetings-form';
import { ConfirmStep } from './Confirm';

export type DuesAsk = { ok: true; intent: string; id: string; ask: Record<string, string | number | string[]> };
export type DuesDone = { ok: true; intent: string; id: string; done: string };
export type DuesResult = FormFailure | DuesAsk | DuesDone;

export function failureOf(r: DuesResult | undefined): FormFailure | undefined {
  return r && !r.ok ? r : undefined;
}

export function askOf(r: DuesResult | undefined, intent: string, id = ''): DuesAsk | undefined {
  return r && r.ok && 'ask' in r && r.intent === intent && r.id === id ? r : undefined;
}

export function doneOf(r: DuesResult | undefined): DuesDone | undefined {
  return r && r.ok && 'done' in r ? r : undefined;
}

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
