// Sign-out revokes the API session (so the token dies even if the cookie was copied) and clears
// the cookie. The cookie goes even when the API is unreachable.

export { action, loader } from './signout.server';
