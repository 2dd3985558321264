// Previous/next links of a cursor-paged list (Relay pageInfo).
import { Link } from 'react-router';
import type { PageInfo } from '../lib/portal';

export type PageHref = (key: 'after' | 'before', cursor: string | null) => string;

export function PageLinks({
  pageInfo,
  href,
  text,
  preventScrollReset,
}: {
  pageInfo: PageInfo;
  href: PageHref;
  text: { prev: string; next: string; page: string };
  preventScrollReset?: boolean;
}) {
  return (
    <nav className="pager" aria-label={text.page}>
      {pageInfo.hasPreviousPage ? (
        <Link to={href('before', pageInfo.startCursor)} rel="prev" preventScrollReset={preventScrollReset}>
          ← {text.prev}
        </Link>
      ) : (
        <span />
      )}
      {pageInfo.hasNextPage ? (
        <Link to={href('after', pageInfo.endCursor)} rel="next" preventScrollReset={preventScrollReset}>
          {text.next} →
        </Link>
      ) : null}
    </nav>
  );
}

/** Page links that keep the list's filters (empty ones left out) and nothing else. */
export function filterPageHref(filters: Record<string, string>): PageHref {
  return (key, cursor) => {
    const q = new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== ''));
    if (cursor) q.set(key, cursor);
    return `?${q.toString()}`;
  };
}
