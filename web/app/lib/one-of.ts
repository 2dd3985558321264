// Narrowing a value read from a form or an address to one of a fixed list of codes.

/** A type guard for "one of `list`". */
export const oneOf =
  <T extends string>(list: readonly T[]) =>
  (v: unknown): v is T =>
    typeof v === 'string' && (list as readonly string[]).includes(v);

/** The address's `name` parameter when it is one of `list`, else null (a list filter left open). */
export function paramOneOf<T extends string>(url: URL, name: string, list: readonly T[]): T | null {
  const v = url.searchParams.get(name);
  return oneOf(list)(v) ? v : null;
}
