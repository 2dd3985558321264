// The branch's dues pages, one tab each (the member portal's tab style).
import { useT } from '../i18n/use-t';
import { FilterForm } from './FilterForm';
import { TabNav } from './Portal';
import { SelectField, yearChoices } from './SelectField';
import './Portal.css';
import './Dues.css';

/** The pages' keys; each is at /dues/<key>, the overview at /dues. */
const TABS = ['overview', 'members', 'bases', 'hardships', 'payments', 'arrears', 'remittances'] as const;

export function DuesTabs() {
  const d = useT().dues;
  return <TabNav label={d.tabsLabel} tabs={TABS.map((key) => (key === 'overview' ? { to: '/dues', end: true, label: d.tabs[key] ?? '' } : { to: `/dues/${key}`, label: d.tabs[key] ?? '' }))} />;
}

/** A dues page's heading: title, tabs and what the page is for. */
export function DuesHead({ id, title, intro }: { id: string; title: string; intro: string }) {
  return (
    <>
      <h1 id={id}>{title}</h1>
      <DuesTabs />
      <p className="lead">{intro}</p>
    </>
  );
}

/** The choice of year on a member's dues page, from `newest` back to `oldest`. */
export function DuesYearFilter({ year, newest, oldest }: { year: number; newest: number; oldest: number }) {
  const d = useT().dues;
  return (
    <FilterForm label={d.year} search={false} className="inline-form dues-year" submit={d.show} buttonClassName="btn">
      <SelectField id="dues-year" name="year" label={d.year} defaultValue={String(year)} choices={yearChoices(newest, oldest)} />
    </FilterForm>
  );
}
