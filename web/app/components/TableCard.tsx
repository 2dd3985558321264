// A table of rows under a head of column titles, in a scrolling frame (a card unless told
// otherwise): a caption (for screen readers unless shown), and a line in place of the rows when
// there are none.
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/**
 * A column's title: its text, or the text with how the column shows (`num`: figures, aligned
 * right; `hidden`: read to screen readers only, e.g. over a column of buttons). Null or false: the
 * column is not there (e.g. one that only some viewers see).
 */
export type Column = string | { label: ReactNode; num?: boolean; hidden?: boolean } | null | false;

export function TableHead({ columns }: { columns: readonly Column[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c, i) => {
          if (c === null || c === false) return null;
          const col = typeof c === 'string' ? { label: c } : c;
          return (
            <th key={i} scope="col" className={col.num ? 'num' : undefined}>
              {col.hidden ? <span className="visually-hidden">{col.label}</span> : col.label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}

export function TableCard({
  testId,
  caption,
  showCaption = false,
  columns,
  empty = null,
  busy,
  frame = 'table-wrap card',
  className = 'table',
  children,
}: {
  testId?: string;
  /** None: the table has no caption. */
  caption?: ReactNode;
  /** The caption is shown, not only read to screen readers. */
  showCaption?: boolean;
  /** The column titles; the children are then the rows. Without them the children are the table's thead and tbody. */
  columns?: readonly Column[];
  /** Shown under the table when it has no rows; null when it has some. */
  empty?: string | null;
  /** True while the next page or filter loads. */
  busy?: boolean;
  /** The class of the scrolling frame around the table. */
  frame?: string;
  /** The table's class. */
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={frame} aria-busy={busy}>
      <table className={className} data-testid={testId}>
        {caption !== undefined ? <caption className={showCaption ? undefined : 'visually-hidden'}>{caption}</caption> : null}
        {columns ? (
          <>
            <TableHead columns={columns} />
            <tbody>{children}</tbody>
          </>
        ) : (
          children
        )}
      </table>
      {empty !== null ? <p className="empty">{empty}</p> : null}
    </div>
  );
}

/** A row's heading cell: the item's name (user data), a link to its page when `to` is given, and what follows the name. */
export function RowHead({ to, name, className, children }: { to?: string; name: ReactNode; className?: string; children?: ReactNode }) {
  return (
    <th scope="row" className={className}>
      {to ? (
        <Link to={to}>
          <bdi>{name}</bdi>
        </Link>
      ) : (
        <bdi>{name}</bdi>
      )}
      {children}
    </th>
  );
}
