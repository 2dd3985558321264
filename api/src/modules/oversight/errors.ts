// The oversight view refuses in one way only: a unit the caller may not oversee answers exactly
// like a unit that does not exist (the shared NOT_FOUND), so asking reveals nothing about units
// outside the caller's scope. No codes of its own.
import type { GraphQLError } from 'graphql';
import { notFound } from '../../shared/errors.js';

export function noSuchUnit(id: string): GraphQLError {
  return notFound('Org unit', '组织', id);
}
