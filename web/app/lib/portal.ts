// Shared pieces of the member portal's pages: cursor paging from the URL, and where a record's
// proof bundle is downloaded.
import type { ProofNode } from './fragments';

export const PORTAL_PAGE_SIZE = 20;

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Connection<T> {
  totalCount: number;
  pageInfo: PageInfo;
  edges: Array<{ node: T }>;
}

export const PAGE_INFO = 'pageInfo { hasNextPage hasPreviousPage startCursor endCursor }';

/** Relay arguments from `?<prefix>after=` / `?<prefix>before=` (a prefix keeps two lists apart on one page). */
export function pagingFrom(url: URL, prefix = '', size = PORTAL_PAGE_SIZE): { first?: number; last?: number; after?: string; before?: string } {
  const after = url.searchParams.get(`${prefix}after`);
  const before = url.searchParams.get(`${prefix}before`);
  if (before) return { last: size, before: before.slice(0, 200) };
  return { first: size, ...(after ? { after: after.slice(0, 200) } : {}) };
}

/** The link to one neighbouring page of a list, keeping the page's other parameters. */
export function pageHref(search: string, prefix: string, key: 'after' | 'before', cursor: string | null): string {
  const q = new URLSearchParams(search);
  q.delete(`${prefix}after`);
  q.delete(`${prefix}before`);
  if (cursor) q.set(`${prefix}${key}`, cursor);
  const s = q.toString();
  return s ? `?${s}` : '?';
}

/** The proof download of one record version, once it is in a batch. */
export function proofHref(type: string, id: string, version: number, proof: ProofNode): string | undefined {
  return proof.bundle ? `/proof/${type}/${encodeURIComponent(id)}/${version}` : undefined;
}

/** A bundle as a file the browser saves without asking the server (for records only I can name, e.g. a secret ballot). */
export function bundleDataHref(bundle: unknown): string | undefined {
  return bundle ? `data:application/vnd.lianjian.proof+json;charset=utf-8,${encodeURIComponent(`${JSON.stringify(bundle, null, 2)}\n`)}` : undefined;
}
