// Server side of locale.tsx: its loader and actions and the GraphQL documents they send.
import { redirect } from 'react-router';
import type { Route } from './+types/locale';
import { toLocale } from '../../i18n/locale';
import { localeCookie } from '../../lib/locale.server';
import { safeRedirect } from '../../lib/redirect';

export async function action({ request }: Route.ActionArgs) {
  const form = await request.formData();
  const locale = toLocale(form.get('lang'));
  return redirect(safeRedirect(form.get('redirectTo'), '/'), { headers: { 'Set-Cookie': await localeCookie.serialize(locale) } });
}

export function loader() {
  return redirect('/');
}
