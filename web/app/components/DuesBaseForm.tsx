// Declaring a dues base for a year: the member's own (my dues) or a member's by the branch. The
// amounts are typed in yuan; the server turns them into fen and the API computes the rate.
import type { ReactNode } from 'react';
import { useT } from '../i18n/use-t';
import type { FormFailure } from '../lib/meetings-form';
import { ActionForm } from './ActionForm';
import { Field, FieldError, FormAlert } from './MeetingFields';
import { choicesOf, Options } from './SelectField';

const CATEGORIES = ['IN_WORK', 'RETIRED', 'OTHER', 'FARMER', 'LOW_INCOME'] as const;

export function DuesBaseForm({ year, result, busy, hidden, memberPicker, intent = 'declare' }: { year: number; result: FormFailure | undefined; busy: boolean; hidden?: Record<string, string>; memberPicker?: ReactNode; intent?: string }) {
  const d = useT().dues;
  const form = { result, intent };
  return (
    <ActionForm intent={intent} label={d.declareSubmit} buttonClassName="btn btn-primary" busy={busy} className="form" formTestId="dues-declare-form" noValidate>
      <input type="hidden" name="year" value={year} />
      {Object.entries(hidden ?? {}).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <FormAlert result={result} intent={intent} />
      {memberPicker}
      <Field form={form} id="dues-category" name="category" label={d.category} as="select" defaultValue="IN_WORK">
        <Options choices={choicesOf(CATEGORIES, d.categories)} />
      </Field>
      <Field form={form} id="dues-base-yuan" name="baseYuan" error="baseFen" label={d.baseYuan} inputMode="decimal" autoComplete="off" maxLength={14} />
      <Field form={form} id="dues-fixed-yuan" name="fixedYuan" error="fixedFen" label={d.fixedYuan} inputMode="decimal" autoComplete="off" maxLength={6} />
      <FieldError result={result} intent={intent} name="year" id="dues-year" />
    </ActionForm>
  );
}
