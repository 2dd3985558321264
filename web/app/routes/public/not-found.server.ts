import { pageUrl } from '../../lib/session.server';
// Server side of not-found.tsx: its loader and actions and the GraphQL documents they send.
import { data } from 'react-router';
import type { Route } from './+types/not-found';

export function loader({ request }: Route.LoaderArgs) {
  const path = pageUrl(request).pathname;
  throw data({ code: 'NOT_FOUND', message: `There is no page at ${path}.`, messageZh: `没有 ${path} 这个页面。` }, { status: 404 });
}
