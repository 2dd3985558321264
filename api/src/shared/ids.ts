import { badArgument } from './errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An ID as a GraphQL argument passes it (a string, or a number where a client sent one). */
export type Id = string | number;

/** An optional ID argument as the services take it: a string, or null when it was not given. */
export function idOrNull(id: Id | null | undefined): string | null {
  return id != null ? String(id) : null;
}

/** An ID argument that must be an entity id (UUID); anything else is BAD_USER_INPUT naming `field`. */
export function requireUuid(field: string, value: string | number): string {
  const s = String(value);
  if (!UUID.test(s)) throw badArgument(field, `must be an id (a UUID), got ${JSON.stringify(s)}.`, `应为 ID（UUID），收到 ${JSON.stringify(s)}。`);
  return s.toLowerCase();
}
