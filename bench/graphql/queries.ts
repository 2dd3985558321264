// The three logical reads, written once for each server. Lianjian returns every row with its
// proof (status + the full bundle a client verifies); PostGraphile returns the same rows and
// fields without proofs.
import pg from 'pg';

export type QueryName = 'memberById' | 'subtree100' | 'memberSteps';

export const QUERY_LABELS: Record<QueryName, string> = {
  memberById: 'one member by id',
  subtree100: '100 members of a unit subtree, with their unit',
  memberSteps: 'a member with its development steps',
};

const PROOF = 'proof { status bundle }';

export const LIANJIAN: Record<QueryName, string> = {
  memberById: `query Q($id: ID!) { member(id: $id) { id version name gender birthDate stage status orgUnitId ${PROOF} } }`,
  subtree100: `query Q($under: ID!) { members(under: $under, first: 100) { edges { node {
    id version name gender birthDate stage status ${PROOF} orgUnit { id name path ${PROOF} } } } } }`,
  memberSteps: `query Q($id: ID!) { member(id: $id) { id version name stage ${PROOF}
    developmentHistory { id seq stepNo kind occurredOn approval ${PROOF} } } }`,
};

/**
 * The same reads with proof set v2 (DESIGN.md "Proof set v2"): each object's proof is its status
 * and a `ref` into the response's `extensions.proofSet`, which carries each batch's header and the
 * nodes needed once — complete proofs for the page, as the member portal asks for them.
 */
export const LIANJIAN_SET = Object.fromEntries(Object.entries(LIANJIAN).map(([k, q]) => [k, q.replaceAll(PROOF, 'proof { status ref }')])) as Record<QueryName, string>;

/** The same reads without proofs: what the proofs cost inside Lianjian itself. */
export const LIANJIAN_BARE = Object.fromEntries(Object.entries(LIANJIAN).map(([k, q]) => [k, q.replaceAll(` ${PROOF}`, '')])) as Record<QueryName, string>;

// The amber preset exposes Relay global ids as `id`, so the primary key column `id` is `rowId`.
export const POSTGRAPHILE: Record<QueryName, string> = {
  memberById: `query Q($id: UUID!) { memberByRowId(rowId: $id) { rowId version name gender birthDate stage status orgUnitId } }`,
  subtree100: `query Q($under: UUID!) { membersInSubtree(unitId: $under, first: 100) { edges { node {
    rowId version name gender birthDate stage status orgUnitByOrgUnitId { rowId name path } } } } }`,
  memberSteps: `query Q($id: UUID!) { memberByRowId(rowId: $id) { rowId version name stage
    developmentStepsByMemberId(orderBy: SEQ_ASC) { nodes { rowId seq stepNo kind occurredOn approval } } } }`,
};

/**
 * PostGraphile's way to offer a query its generated CRUD lacks is a function in the exposed
 * schema ("custom queries"): the subtree read, with the same filter and order as Lianjian's
 * `members(under:)` (unit path prefix; by name, then id). A plain SQL STABLE function, so
 * Postgres inlines it and the page's LIMIT reaches the scan. Added to the benchmark's own copy
 * of the dataset only.
 */
export const PEER_FUNCTION_SQL = `
CREATE OR REPLACE FUNCTION members_in_subtree(unit_id uuid) RETURNS SETOF member LANGUAGE sql STABLE AS $$
  SELECT m.* FROM member m
   WHERE m.org_unit_id IN (SELECT u.id FROM org_unit u
                            WHERE u.path LIKE (SELECT p.path FROM org_unit p WHERE p.id = unit_id) || '%')
   ORDER BY m.name, m.id
$$`;

export interface Targets {
  memberId: string;
  unitId: string;
  unitName: string;
  unitMembers: number;
  stepsMemberId: string;
  steps: number;
}

/** The rows the queries read, chosen the same way on every dataset. */
export async function pickTargets(url: string): Promise<Targets> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const member = (await c.query<{ id: string }>(`SELECT id::text FROM member ORDER BY id OFFSET (SELECT count(*) / 2 FROM member) LIMIT 1`)).rows[0]!;
    // A general branch (总支, level 1): the one of median size among those holding ≥ 100 members.
    const unit = (
      await c.query<{ id: string; name: string; n: string }>(
        // Members counted per level-1 ancestor in one pass (its path is the first two segments of
        // theirs); a LIKE per unit cannot use the index and took minutes at 1M members.
        `WITH per_path AS (SELECT substring(x.path from '^/[^/]+/[^/]+/') AS path, count(*) AS n
                             FROM member m JOIN org_unit x ON x.id = m.org_unit_id GROUP BY 1),
              per AS (SELECT u.id, u.name, coalesce(pp.n, 0) AS n FROM org_unit u LEFT JOIN per_path pp ON pp.path = u.path WHERE u.level = 1)
         SELECT id::text, name, n::text FROM per WHERE n >= 100 ORDER BY n, id
         OFFSET (SELECT count(*) / 2 FROM per WHERE n >= 100) LIMIT 1`,
      )
    ).rows[0]!;
    const steps = (
      await c.query<{ id: string; n: string }>(
        `SELECT member_id::text AS id, count(*)::text AS n FROM development_step GROUP BY member_id ORDER BY count(*) DESC, member_id LIMIT 1`,
      )
    ).rows[0]!;
    return { memberId: member.id, unitId: unit.id, unitName: unit.name, unitMembers: Number(unit.n), stepsMemberId: steps.id, steps: Number(steps.n) };
  } finally {
    await c.end();
  }
}

export function variables(q: QueryName, t: Targets): Record<string, string> {
  if (q === 'memberById') return { id: t.memberId };
  if (q === 'subtree100') return { under: t.unitId };
  return { id: t.stepsMemberId };
}
