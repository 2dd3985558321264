// The verifiable types (record document `type`s) are @lianjian/db's VERIFIABLE_MODELS.
import { VERIFIABLE_MODELS } from '@lianjian/db';

export const VERIFIABLE_TYPES: readonly string[] = [...VERIFIABLE_MODELS].sort();

export function isVerifiableType(type: string): boolean {
  return (VERIFIABLE_MODELS as readonly string[]).includes(type);
}
