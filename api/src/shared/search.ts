// Search terms match as typed. Prisma's `contains` becomes LIKE/ILIKE '%term%' without escaping
// the term, so "_" (any one character) listed everyone in scope and "%" anything at all.
// Backslash is Postgres's default LIKE escape.

/** A case-insensitive Prisma `contains` filter matching `term` literally. */
export function containsText(term: string): { contains: string; mode: 'insensitive' } {
  return { contains: term.replace(/[\\%_]/g, '\\$&'), mode: 'insensitive' };
}
