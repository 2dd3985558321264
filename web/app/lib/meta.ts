import { DEFAULT_LOCALE } from '../i18n/locale';
import { messagesFor, type Messages } from '../i18n/messages';
import type { RootData } from './root-data';

type Match = { id: string; loaderData?: unknown } | undefined;

/** A page title in the visitor's language (meta functions have no hooks, only the matches). */
export function titleFor(matches: readonly Match[], pick: (t: Messages) => string) {
  const root = matches.find((m) => m?.id === 'root');
  const data = root?.loaderData as RootData | undefined;
  const t = messagesFor(data?.locale ?? DEFAULT_LOCALE);
  return [{ title: `${pick(t)} · ${t.app.name}` }];
}
