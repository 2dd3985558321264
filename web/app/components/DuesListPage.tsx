// A branch's dues list (members, bases, hardship, payments, arrears, remittances): the dues
// heading and tabs, what the last act did, the filters, the total, one page of rows and the pager
// (ListPage, with the dues pages' words).
import type { ReactNode } from 'react';
import { useT } from '../i18n/use-t';
import type { PageInfo } from '../lib/portal';
import { DuesHead } from './DuesTabs';
import { ListPage } from './ListPage';
import { Notice } from './Notice';
import { SelectField, type Choice } from './SelectField';
import type { Column } from './TableCard';

export function DuesListPage({
  tab,
  id = `dues-${tab}`,
  intro,
  caption,
  notice,
  before,
  filter,
  page,
  empty,
  columns,
  after,
  children,
}: {
  /** The page's tab (its title; the page is at /dues/<tab>). */
  tab: string;
  /** Its ids' prefix, when not dues-<tab>. */
  id?: string;
  intro: string;
  /** The table's caption, when not the tab's title. */
  caption?: string;
  /** What the last act did (nothing to say: null). */
  notice?: ReactNode;
  before?: ReactNode;
  /** The filters' fields and values (the query each page link keeps); `reset`: a link back to the whole list. */
  filter: { fields: ReactNode; query: Record<string, string>; submit?: string; reset?: boolean };
  page: { totalCount: number; pageInfo: PageInfo };
  /** What the page says when it has no rows; null when it has some. */
  empty: string | null;
  columns: readonly Column[];
  after?: ReactNode;
  /** The rows. */
  children: ReactNode;
}) {
  const d = useT().dues;
  const title = d.tabs[tab] ?? '';
  return (
    <ListPage
      id={id}
      head={<DuesHead id={`${id}-title`} title={title} intro={intro} />}
      before={
        <>
          <Notice testId="dues-notice">{notice}</Notice>
          {before}
        </>
      }
      text={d}
      filter={{ ...filter, reset: filter.reset ? `/dues/${tab}` : undefined }}
      total={d.total(page.totalCount)}
      table={{ caption: caption ?? title, empty, columns }}
      pageInfo={page.pageInfo}
      after={after}
    >
      {children}
    </ListPage>
  );
}

/** The status filter of a dues list. */
export function DuesStatusField({ status, choices }: { status: string; choices: readonly Choice[] }) {
  const d = useT().dues;
  return <SelectField id="dues-status" name="status" label={d.baseStatus} defaultValue={status} any={d.statusAny} choices={choices} />;
}
