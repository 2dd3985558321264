// Sign-out revokes the API session (so the token dies even if the cookie was copied) and clears
// the cookie. The cookie goes even when the API is unreachable.
import { redirect } from 'react-router';
import type { Route } from './+types/signout';
import { apiRequest } from '../lib/graphql.server';
import { assertSameOrigin } from '../lib/auth.server';
import { destroySession, getSession, sessionAccount } from '../lib/session.server';

export async function action({ request }: Route.ActionArgs) {
  assertSameOrigin(request);
  const session = await getSession(request);
  const signed = sessionAccount(session);
  if (signed) {
    await apiRequest<{ signOut: boolean }>('mutation SignOut { signOut }', {}, { token: signed.token, request }).catch((error: unknown) => {
      process.stderr.write(`web: sign-out could not revoke the API session: ${error instanceof Error ? error.message : String(error)}\n`);
    });
  }
  return redirect('/signin?signedOut=1', { headers: { 'Set-Cookie': await destroySession(session) } });
}

export function loader() {
  return redirect('/');
}
