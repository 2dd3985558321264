import { useRouteLoaderData } from 'react-router';
import type { RootData } from '../lib/root-data';
import { DEFAULT_LOCALE, type Locale } from './locale';
import { messagesFor, type Messages } from './messages';

/** The root loader's data; undefined only when the root loader itself failed. */
export function useRootData(): RootData | undefined {
  return useRouteLoaderData('root') as RootData | undefined;
}

export function useLocale(): Locale {
  return useRootData()?.locale ?? DEFAULT_LOCALE;
}

/** The interface text in the visitor's language. */
export function useT(): Messages {
  return messagesFor(useLocale());
}
