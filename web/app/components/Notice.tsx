// The lines above a page's forms that answer the last submission: what was done (a status line)
// or why the API refused (an alert), each nothing when there is nothing to say.
import type { ReactNode } from 'react';
import { useLocale } from '../i18n/use-t';
import { localMessage, type ErrorPayload } from '../lib/errors';

export function Notice({ testId, children }: { testId?: string; children: ReactNode }) {
  if (children === null || children === undefined || children === false) return null;
  return (
    <p className="notice" role="status" data-testid={testId}>
      {children}
    </p>
  );
}

/** `className`: "field-error" for a refusal of one row's form, under it. */
export function Refusal({ error, testId, className = 'form-error' }: { error: ErrorPayload | null | undefined; testId?: string; className?: string }) {
  const locale = useLocale();
  if (!error) return null;
  return (
    <p className={className} role="alert" data-testid={testId}>
      {localMessage(error, locale)}
    </p>
  );
}
