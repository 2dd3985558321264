// The interface language, remembered in a cookie (a year). Chinese unless the visitor chose English.
import { createCookie } from 'react-router';
import { toLocale, type Locale } from '../i18n/locale';

export const localeCookie = createCookie('lj_lang', { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 365 * 24 * 3600 });

export async function localeOf(request: Request): Promise<Locale> {
  return toLocale(await localeCookie.parse(request.headers.get('cookie')));
}
