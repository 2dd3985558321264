// The shape of the list pages (members, meetings, votes, decisions, accounts, letters, dues…): a
// title, the filters, the total, the table of one page of rows and the links to the pages before
// and after. The page's ids follow its `id`: `${id}-title` (which labels it), `${id}-total` and
// `${id}-table`.
import type { ReactNode } from 'react';
import { useNavigation } from 'react-router';
import { FilterForm } from './FilterForm';
import { filterPageHref, PageLinks } from './PageLinks';
import { TableCard, type Column } from './TableCard';
import type { PageInfo } from '../lib/portal';

export function ListPage({
  id,
  head,
  before,
  text,
  filter,
  total,
  table,
  pageInfo,
  after,
  children,
}: {
  id: string;
  /** The page's heading, with the id `${id}-title`: an h1, or ListHead with an intro and a create link. */
  head: ReactNode;
  /** What stands between the heading and the filters. */
  before?: ReactNode;
  /** The list's words: the filter form's name and button, the way back to the whole list, the pager's. */
  text: { filter: string; reset?: string; prev: string; next: string; page: string };
  /**
   * The filters' fields and their values (`query`, which the page links keep); `reset`: the whole
   * list's address, for a link back to it; `submit`: the button, when not `text.filter`.
   */
  filter?: { fields: ReactNode; query: Record<string, string>; reset?: string; submit?: string };
  /** The total, said in words. */
  total: ReactNode;
  /** `empty`: what stands in place of the rows when there are none (null when there are some). */
  table: { caption: string; empty: string | null; columns: readonly Column[] };
  pageInfo: PageInfo;
  /** What follows the list (e.g. a form to add to it). */
  after?: ReactNode;
  /** The table's rows. */
  children: ReactNode;
}) {
  const busy = useNavigation().state === 'loading';
  return (
    <section className="page" aria-labelledby={`${id}-title`}>
      {head}
      {before}
      {filter ? (
        <FilterForm label={text.filter} submit={filter.submit ?? text.filter} {...(filter.reset ? { reset: { to: filter.reset, label: text.reset ?? '' } } : {})}>
          {filter.fields}
        </FilterForm>
      ) : null}
      <p className="muted" role="status" data-testid={`${id}-total`}>
        {total}
      </p>
      <TableCard testId={`${id}-table`} caption={table.caption} busy={busy} empty={table.empty} columns={table.columns}>
        {children}
      </TableCard>
      <PageLinks pageInfo={pageInfo} href={filterPageHref(filter?.query ?? {})} text={text} />
      {after}
    </section>
  );
}
