// Declaring a dues base for a year: the member's own (my dues) or a member's by the branch. The
// amounts are typed in yuan; the server turns them into fen and the API computes the rate.
import type { ReactNode } from 'react';
import { Form } from 'react-router';
import { useT } from '../i18n/use-t';
import type { FormFailure } from '../lib/meetings-form';
import { FieldError, FormAlert, invalidProps } from './MeetingFields';

const CATEGORIES = ['IN_WORK', 'RETIRED', 'OTHER', 'FARMER', 'LOW_INCOME'] as const;

export function DuesBaseForm({ year, result, busy, hidden, memberPicker, intent = 'declare' }: { year: number; result: FormFailure | undefined; busy: boolean; hidden?: Record<string, string>; memberPicker?: ReactNode; intent?: string }) {
  const d = useT().dues;
  const inv = (name: string, id: string) => invalidProps(result, intent, name, id);
  return (
    <Form method="post" className="form" data-testid="dues-declare-form" noValidate>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="year" value={year} />
      {Object.entries(hidden ?? {}).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <FormAlert result={result} intent={intent} />
      {memberPicker}
      <label htmlFor="dues-category">{d.category}</label>
      <select id="dues-category" name="category" defaultValue="IN_WORK" {...inv('category', 'dues-category')}>
        {CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {d.categories[c]}
          </option>
        ))}
      </select>
      <FieldError result={result} intent={intent} name="category" id="dues-category" />
      <label htmlFor="dues-base-yuan">{d.baseYuan}</label>
      <input id="dues-base-yuan" name="baseYuan" inputMode="decimal" autoComplete="off" maxLength={14} {...inv('baseFen', 'dues-base-yuan')} />
      <FieldError result={result} intent={intent} name="baseFen" id="dues-base-yuan" />
      <label htmlFor="dues-fixed-yuan">{d.fixedYuan}</label>
      <input id="dues-fixed-yuan" name="fixedYuan" inputMode="decimal" autoComplete="off" maxLength={6} {...inv('fixedFen', 'dues-fixed-yuan')} />
      <FieldError result={result} intent={intent} name="fixedFen" id="dues-fixed-yuan" />
      <FieldError result={result} intent={intent} name="year" id="dues-year" />
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {d.declareSubmit}
      </button>
    </Form>
  );
}
