// The shape of the list pages (members, meetings, votes, decisions): a title, the filters, the
// total, the table of one page of rows and the links to the pages before and after.
import type { ReactNode } from 'react';
import { FilterForm } from './FilterForm';
import { PageLinks, type PageHref } from './PageLinks';
import { TableCard } from './TableCard';
import type { PageInfo } from '../lib/portal';

export function ListPage({
  titleId,
  head,
  before,
  filter,
  total,
  table,
  pager,
  after,
  children,
}: {
  /** The id of the title `head` renders (the section is labelled by it). */
  titleId: string;
  /** The page's heading: an h1, or ListHead with an intro and a create link. */
  head: ReactNode;
  /** What stands between the heading and the filters. */
  before?: ReactNode;
  filter: { label: string; submit: string; reset?: { to: string; label: string }; fields: ReactNode };
  total: { testId: string; text: ReactNode };
  table: { testId: string; caption: string; empty: string | null; busy: boolean };
  pager: { pageInfo: PageInfo; href: PageHref; text: { prev: string; next: string; page: string } };
  /** What follows the list (e.g. a form to add to it). */
  after?: ReactNode;
  /** The table's thead and tbody. */
  children: ReactNode;
}) {
  return (
    <section className="page" aria-labelledby={titleId}>
      {head}
      {before}
      <FilterForm label={filter.label} submit={filter.submit} {...(filter.reset ? { reset: filter.reset } : {})}>
        {filter.fields}
      </FilterForm>
      <p className="muted" role="status" data-testid={total.testId}>
        {total.text}
      </p>
      <TableCard testId={table.testId} caption={table.caption} busy={table.busy} empty={table.empty}>
        {children}
      </TableCard>
      <PageLinks pageInfo={pager.pageInfo} href={pager.href} text={pager.text} />
      {after}
    </section>
  );
}
