// What a page's form action answers, for forms that may ask before acting: a refusal (shown on its
// form), a question before an act that cannot be undone (ConfirmStep, answered by submitting again
// with confirm=1), or done (with what to say). Read three ways by the page.
import type { FormFailure } from './meetings-form';

export type ActionAsk = { ok: true; intent: string; id: string; ask: Record<string, string | number | string[]> };
export type ActionDone = { ok: true; intent: string; id: string; done: string };
export type ActionAnswer = FormFailure | ActionAsk | ActionDone;

export function failureOf(r: ActionAnswer | undefined): FormFailure | undefined {
  return r && !r.ok ? r : undefined;
}

/** The question this form (`intent`, on record `id`) was asked, if that is the answer. */
export function askOf(r: ActionAnswer | undefined, intent: string, id = ''): ActionAsk | undefined {
  return r && r.ok && 'ask' in r && r.intent === intent && r.id === id ? r : undefined;
}

export function doneOf(r: ActionAnswer | undefined): ActionDone | undefined {
  return r && r.ok && 'done' in r ? r : undefined;
}
