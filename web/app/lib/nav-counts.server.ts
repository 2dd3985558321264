// The navigation's counts, read by the root loader for every page in one request: the person's open
// inbox items and the notices addressed to them they have not opened.
import { apiRequest } from './graphql.server';
import { graphql } from '../graphql';

const NAV_COUNTS = graphql(`query NavCounts { inboxCounts { open } unreadNoticeCount }`);

export interface NavCounts {
  inboxOpen: number | null;
  unreadNotices: number | null;
}

/** Nulls when the API does not answer in time: the page still works, without the counts. */
export async function navCounts(request: Request, token: string): Promise<NavCounts> {
  try {
    const r = await apiRequest(NAV_COUNTS, {}, { token, request, timeoutMs: 3000 });
    return { inboxOpen: r.inboxCounts.open, unreadNotices: r.unreadNoticeCount };
  } catch {
    return { inboxOpen: null, unreadNotices: null };
  }
}
