// A list's table in a scrolling card: a caption for screen readers, and a line in place of the
// rows when there are none.
import type { ReactNode } from 'react';

export function TableCard({
  testId,
  caption,
  empty,
  busy,
  children,
}: {
  testId: string;
  caption: ReactNode;
  /** Shown under the table when it has no rows; null when it has some. */
  empty: string | null;
  /** True while the next page or filter loads. */
  busy?: boolean;
  /** The table's thead and tbody. */
  children: ReactNode;
}) {
  return (
    <div className="table-wrap card" aria-busy={busy}>
      <table className="table" data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        {children}
      </table>
      {empty !== null ? <p className="empty">{empty}</p> : null}
    </div>
  );
}
