// What the unit pages' actions share: a refusal of a form before it reaches the API (shown on the
// form like the API's own), and the values the forms may post.
import { data } from 'react-router';
import type { FormFailure } from '../../lib/meetings-form';

export const UNIT_KINDS = ['COMMITTEE', 'GENERAL_BRANCH', 'BRANCH', 'GROUP'] as const;
export const COMMITTEE_FORMS = ['COMMITTEE', 'SECRETARY_ONLY'] as const;
export const COMMITTEE_TITLES = ['SECRETARY', 'DEPUTY_SECRETARY', 'ORGANISATION', 'PUBLICITY', 'DISCIPLINE', 'YOUTH', 'UNITED_FRONT', 'MEMBER'] as const;

export function badForm(intent: string, field: string, message: string, messageZh: string) {
  return data<FormFailure>(
    { ok: false, intent, error: { code: 'BAD_USER_INPUT', message, messageZh }, fields: [{ field, message, messageZh }] },
    { status: 400 },
  );
}

/** The date `years` whole years after an ISO date (the last day of the month when there is none). */
export function addYearsIso(start: string, years: number): string {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return `${String(y + years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
