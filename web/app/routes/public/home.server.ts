// Server side of home.tsx: its loader and actions and the GraphQL documents they send.
import { redirect } from 'react-router';
import type { Route } from './+types/home';
import { homeFor } from '../../lib/roles';
import { getSession, sessionAccount } from '../../lib/session.server';

export async function loader({ request }: Route.LoaderArgs) {
  const signed = sessionAccount(await getSession(request));
  if (signed) throw redirect(homeFor(signed.account.role));
  return null;
}
