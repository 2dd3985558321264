// What the dues forms' actions answer: a refusal (shown on its form), a question before an act
// that cannot be undone (ConfirmStep, answered by submitting again with confirm=1), or done.
import type { FormFailure } from '../lib/meetings-form';

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
