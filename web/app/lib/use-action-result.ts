import { useRef } from 'react';
import { useActionData, useLocation } from 'react-router';

/**
 * The last action's result on this page, kept until the page is left. React Router clears action
 * data on any revalidation of an idle page, and proof badges revalidate while a record waits for
 * its anchor: with plain useActionData a refusal beside a field vanished a few seconds after it
 * was shown. Every page reads its form results through this hook instead.
 */
export function useActionResult<T>(): T | undefined {
  const data = useActionData() as T | undefined;
  const { key } = useLocation();
  const kept = useRef<{ key: string; data: T } | null>(null);
  if (data !== undefined) kept.current = { key, data };
  return kept.current?.key === key ? kept.current.data : undefined;
}
