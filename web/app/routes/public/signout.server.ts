// Server side of signout.tsx: its loader and actions and the GraphQL documents they send.
import { redirect } from 'react-router';
import type { Route } from './+types/signout';
import { apiRequest } from '../../lib/graphql.server';
import { assertSameOrigin } from '../../lib/auth.server';
import { destroySession, getSession, sessionAccount } from '../../lib/session.server';
import { graphql } from '../../graphql';

export async function action({ request }: Route.ActionArgs) {
  assertSameOrigin(request);
  const session = await getSession(request);
  const signed = sessionAccount(session);
  if (signed) {
    await apiRequest(graphql(`mutation SignOut { signOut }`), {}, { token: signed.token, request }).catch((error: unknown) => {
      process.stderr.write(`web: sign-out could not revoke the API session: ${error instanceof Error ? error.message : String(error)}\n`);
    });
  }
  return redirect('/signin?signedOut=1', { headers: { 'Set-Cookie': await destroySession(session) } });
}

export function loader() {
  return redirect('/');
}
