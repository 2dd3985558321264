import { useRouteLoaderData } from 'react-router';
import { DEFAULT_LOCALE, type Locale } from './locale';
import { messagesFor, type Messages } from './messages';

/** The visitor's language, from the root loader (lib/root-data.ts); the default if it failed. */
export function useLocale(): Locale {
  return (useRouteLoaderData('root') as { locale?: Locale } | undefined)?.locale ?? DEFAULT_LOCALE;
}

/** The interface text in the visitor's language. */
export function useT(): Messages {
  return messagesFor(useLocale());
}
