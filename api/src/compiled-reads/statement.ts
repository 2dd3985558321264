// A Plan (document.ts) as ONE SQL statement: the caller's credentials, the rows, the row rules,
// the proofs (record, position, batch, audit path from the stored levels — indexer/src/proof.ts's
// statement) and the response body, built in Postgres as the exact text Apollo would write
// (JSON.stringify of the same values, field order as asked). Node checks the few things SQL does not
// (the API key's secret, in constant time) and writes `body` out unchanged.
//
// Parameters: $1 session token hash (bytea) | null, $2 API key prefix | null, $3 now, $4 roles that
// need a second factor, $5 fallback chain id | null, $6 staff roles, $7 the operation's variable (uuid).
//
// `ok` is true only when Apollo would answer with data and no error: the credentials are valid, the
// field's scope holds, every row passes its row rule, and every proof asked for exists and is whole.
// Anything else — not found, forbidden, a missing record document, a batch whose stored levels
// lack a node — is Apollo's to answer (executor.ts falls back), so errors are always Apollo's own.
import type { MemberField, Plan, ProofField, StepField, UnitField } from './document.js';

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** A JSON string of a value that never needs escaping (uuid, enum label). */
const plain = (sql: string) => `'"' || ${sql} || '"'`;
const str = (sql: string) => `to_json(${sql})::text`;
const int = (sql: string) => `(${sql})::text`;
const date = (sql: string) => `'"' || to_char(${sql}, 'YYYY-MM-DD') || '"'`;

/** `{"a":…,"b":…}` from [key, sql text] pairs, in order. */
function object(parts: [string, string][]): string {
  if (parts.length === 0) return `'{}'`;
  return parts.map(([k, v], i) => `${q(`${i === 0 ? '{' : ','}"${k}":`)} || ${v}`).join(' || ') + ` || '}'`;
}

/**
 * A `ref` is the record's index in the response's proof set, numbered by first appearance in the
 * response: written here as a marker (the record key between two U+0001, which JSON text never holds
 * raw) that executor.ts replaces in one pass while it builds the set.
 */
export const REF_MARK = '\u0001';

function proofJson(alias: string, fields: ProofField[]): string {
  return object(
    fields.map((f) => [
      f,
      f === 'status' ? plain(`${alias}.status`) : f === 'bundle' ? `${alias}.bundle` : `chr(1) || ${alias}.type || ':' || ${alias}.id::text || ':' || ${alias}.version::text || chr(1)`,
    ]),
  );
}

// ─── access rules (shared/access.ts, principal.ts, graphql/scopes.ts), over the credentials row c ───

/** inSubtree(visibleRoot(p), path): an ADMIN's root is null (everything). */
const sees = (path: string) => `(c.root IS NULL OR starts_with(${path}, c.root))`;
/** The `read: <type>` scope: any account, or a key holding "<type>:read". */
const reads = (type: string) => `(c.kind = 'account' OR ${q(`${type}:read`)} = ANY(c.scopes))`;
const isMemberRole = `(c.kind = 'account' AND c.role = 'MEMBER')`;
/** assertCanSeeMember: a MEMBER sees their own record only; everyone else their subtree. */
const seesMember = (id: string, path: string) => `CASE WHEN ${isMemberRole} THEN coalesce(c.member_id = ${id}, false) ELSE ${sees(path)} END`;
/** assertCanSeeStepOf: the step's member as above, by the step's unit, else by the member's unit now. */
const seesStep = (memberId: string, stepPath: string, memberPath: string) =>
  `CASE WHEN ${isMemberRole} THEN coalesce(c.member_id = ${memberId}, false) ELSE (${sees(stepPath)} OR ${sees(memberPath)}) END`;

const CREDENTIALS = `c AS (
  SELECT 'account'::text AS kind, a.role::text AS role, CASE WHEN a.role::text = 'ADMIN' THEN NULL ELSE u.path END AS root,
         a.member_id, NULL::text[] AS scopes, s.id::text AS cred_id, s.last_seen_at AS seen, NULL::bytea AS key_hash,
         (s.revoked_at IS NULL AND s.expires_at > $3::timestamptz AND a.disabled_at IS NULL
          AND (NOT (a.role::text = ANY($4::text[])) OR s.second_factor_at IS NOT NULL)) AS valid,
         -- Typed here so that every statement uses every parameter (a prepared statement must know each type).
         $5::text AS fallback_chain, $6::text[] AS staff_roles
    FROM session s JOIN account a ON a.id = s.account_id JOIN org_unit u ON u.id = a.scope_unit_id
   WHERE s.token_hash = $1::bytea
  UNION ALL
  SELECT 'partner', NULL, u.path, NULL::uuid, k.scopes, k.id::text, k.last_used_at, k.key_hash,
         (k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > $3::timestamptz)), $5::text, $6::text[]
    FROM api_key k JOIN org_unit u ON u.id = k.unit_id
   WHERE k.prefix = $2::text)`;

// ─── proofs: indexer/src/proof.ts's PROOF_SQL and proofFromRow, written as the bundle's JSON text ───

const ANCHORED = `(pb.in_batch AND pb.bstatus = 'ANCHORED' AND pb.chain_height IS NOT NULL AND pb.tx_hash IS NOT NULL AND pb.anchored_at IS NOT NULL AND coalesce(pb.chain_id, '') <> '')`;
const UTC_MS = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

const PROOFS = `po AS (
  SELECT k.type, k.id, k.version, o.document, o.leaf, rp.position, b.seq, b.first_position, b.size, b.root, b.prev_root,
         b.status::text AS bstatus, b.chain_height, b.tx_hash, b.anchored_at, coalesce(b.chain_id, $5::text) AS chain_id
    FROM (SELECT DISTINCT type, id, version FROM keys) k
    JOIN outbox_record o ON o.entity_type = k.type AND o.entity_id = k.id AND o.version = k.version
    LEFT JOIN record_position rp ON rp.record_id = o.id
    LEFT JOIN batch b ON b.seq = rp.batch_seq),
pb AS (
  SELECT po.*, (po.position IS NOT NULL AND po.seq IS NOT NULL AND po.first_position IS NOT NULL AND po.size IS NOT NULL
                AND octet_length(po.root) > 0 AND octet_length(po.prev_root) > 0) AS in_batch,
         po.position - po.first_position AS idx
    FROM po),
pr AS (
  SELECT pb.type, pb.id, pb.version, pb.document,
         CASE WHEN ${ANCHORED} THEN 'ANCHORED' ELSE 'PENDING' END AS status,
         CASE WHEN pb.in_batch THEN
           '{"v":1,"document":' || pb.document || ',"leaf":"' || encode(pb.leaf, 'hex') || '","index":' || pb.idx::text
           || ',"batch":{"seq":' || pb.seq::text || ',"size":' || pb.size::text || ',"root":"' || encode(pb.root, 'hex')
           || '","prevRoot":"' || encode(pb.prev_root, 'hex') || '"},"path":[' || coalesce(pa.path, '') || '],"anchor":'
           || CASE WHEN ${ANCHORED} THEN '{"chainId":' || to_json(pb.chain_id)::text || ',"height":' || pb.chain_height::text
                || ',"txHash":' || to_json(upper(pb.tx_hash))::text || ',"time":"' || to_char(pb.anchored_at AT TIME ZONE 'UTC', ${UTC_MS}) || '"}'
              ELSE 'null' END
           || '}'
         ELSE 'null' END AS bundle,
         -- Served verbatim, the stored canonical text is what Apollo's JSON.parse + JSON.stringify
         -- gives back, except for integer-like keys (JS puts them first): those go to Apollo. The
         -- ::json cast fails the statement on a document that is not JSON (Apollo then answers).
         (pb.document::json IS NOT NULL AND pb.document !~ '"[0-9]+":'
          AND (NOT pb.in_batch OR (pb.idx >= 0 AND pb.idx < pb.size AND pa.want = pa.have))) AS ok
    FROM pb
    LEFT JOIN LATERAL (
      SELECT count(*) AS want, count(*) FILTER (WHERE octet_length(x.h) = 32) AS have,
             string_agg('"' || encode(x.h, 'hex') || '"', ',' ORDER BY p.level) AS path
        FROM (SELECT lv AS level, (pb.idx >> lv) # 1 AS sib
                FROM generate_series(0, 62) AS lv
               WHERE ((pb.size::bigint - 1) >> lv) > 0) p
        LEFT JOIN batch_level l ON l.batch_seq = pb.seq AND l.level = p.level
        CROSS JOIN LATERAL (SELECT substring(l.hashes FROM (p.sib * 32 + 1)::int FOR 32) AS h) x
       WHERE p.sib <= (pb.size::bigint - 1) >> p.level) pa ON pb.in_batch)`;

/** extensions.lianjian.latestAnchoredBatch (http/apollo.ts latestBatchSource), as JSON text. */
const LATEST_BATCH = `coalesce((SELECT '{"seq":' || b.seq::text || ',"root":"' || encode(b.root, 'hex') || '","chainHeight":' || coalesce(b.chain_height::text, 'null')
      || ',"txHash":' || coalesce(to_json(b.tx_hash)::text, 'null') || ',"anchoredAt":'
      || coalesce('"' || to_char(b.anchored_at AT TIME ZONE 'UTC', ${UTC_MS}) || '"', 'null') || '}'
    FROM batch b WHERE b.status = 'ANCHORED' ORDER BY b.seq DESC LIMIT 1), 'null')`;

// ─── the objects ───

const MEMBER_SQL: Record<string, (m: string) => string> = {
  id: (m) => plain(`${m}.id::text`),
  version: (m) => int(`${m}.version`),
  name: (m) => str(`${m}.name`),
  gender: (m) => plain(`${m}.gender::text`),
  birthDate: (m) => date(`${m}.birth_date`),
  stage: (m) => plain(`${m}.stage::text`),
  status: (m) => plain(`${m}.status::text`),
  orgUnitId: (m) => plain(`${m}.org_unit_id::text`),
};
const UNIT_SQL: Record<string, (u: string) => string> = {
  id: (u) => plain(`${u}.id::text`),
  version: (u) => int(`${u}.version`),
  name: (u) => str(`${u}.name`),
  path: (u) => str(`${u}.path`),
};
const STEP_SQL: Record<string, (s: string) => string> = {
  id: (s) => plain(`${s}.id::text`),
  version: (s) => int(`${s}.version`),
  memberId: (s) => plain(`${s}.member_id::text`),
  orgUnitId: (s) => plain(`${s}.org_unit_id::text`),
  seq: (s) => int(`${s}.seq`),
  stepNo: (s) => int(`${s}.step_no`),
  stage: (s) => plain(`${s}.stage::text`),
  kind: (s) => plain(`${s}.kind::text`),
  occurredOn: (s) => date(`${s}.occurred_on`),
  approval: (s) => plain(`${s}.approval::text`),
};

const proofOf = (fields: { name: string }[]) => fields.find((f): f is { name: 'proof'; proof: ProofField[] } => f.name === 'proof');
const unitOf = (fields: MemberField[]) => fields.find((f): f is { name: 'orgUnit'; unit: UnitField[] } => f.name === 'orgUnit');
const stepsOf = (fields: MemberField[]) => fields.find((f): f is { name: 'developmentHistory'; steps: StepField[] } => f.name === 'developmentHistory');

function unitJson(fields: UnitField[]): string {
  return object(fields.map((f) => [f.name, f.name === 'proof' ? proofJson('up', f.proof) : UNIT_SQL[f.name]!('u')]));
}

function stepJson(fields: StepField[]): string {
  return object(fields.map((f) => [f.name, f.name === 'proof' ? proofJson('sp', f.proof) : STEP_SQL[f.name]!('s')]));
}

/** The member's JSON over `m` (its row, with its unit as u_*), its proof `mp` and its unit's `up`. */
function memberJson(fields: MemberField[]): string {
  return object(
    fields.map((f): [string, string] => {
      if (f.name === 'proof') return [f.name, proofJson('mp', f.proof)];
      if (f.name === 'orgUnit') return [f.name, unitJson(f.unit)];
      if (f.name === 'developmentHistory') {
        const sp = proofOf(f.steps) ? `LEFT JOIN pr sp ON sp.type = 'DevelopmentStep' AND sp.id = s.id AND sp.version = s.version` : '';
        return [f.name, `(SELECT '[' || coalesce(string_agg(${stepJson(f.steps)}, ',' ORDER BY s.seq), '') || ']' FROM steps s ${sp})`];
      }
      return [f.name, MEMBER_SQL[f.name]!('m')];
    }),
  );
}

/** Joins giving each member row its own proof (mp) and its unit's (up) where the plan asks for them. */
function proofJoins(fields: MemberField[]): string {
  const unit = unitOf(fields);
  return [
    proofOf(fields) ? `LEFT JOIN pr mp ON mp.type = 'Member' AND mp.id = m.id AND mp.version = m.version` : '',
    unit && proofOf(unit.unit) ? `LEFT JOIN pr up ON up.type = 'OrgUnit' AND up.id = u.id AND up.version = u.version` : '',
  ].join('\n    ');
}

const MEMBER_COLUMNS = `m.id, m.version, m.name, m.gender, m.birth_date, m.stage, m.status, m.org_unit_id`;

/** The statement of a plan. Deterministic: the same plan always gives the same text (the prepared statement's name is its hash). */
export function statementOf(plan: Plan, withProofs = false): string {
  const fields = plan.member;
  const unit = unitOf(fields);
  const steps = stepsOf(fields);
  const ctes: string[] = [CREDENTIALS];

  if (plan.root === 'member') {
    ctes.push(`m AS (SELECT ${MEMBER_COLUMNS}, u.path AS unit_path FROM member m JOIN org_unit u ON u.id = m.org_unit_id WHERE m.id = $7::uuid)`);
  } else {
    ctes.push(`under AS (SELECT path FROM org_unit WHERE id = $7::uuid)`);
    // The subtree as the path index reads it (a range on text_pattern_ops), starts_with the exact rule;
    // subtreeWhere's order (name, then id) and the page size.
    ctes.push(`m AS (SELECT ${MEMBER_COLUMNS}, u.path AS unit_path
    FROM member m JOIN org_unit u ON u.id = m.org_unit_id
   WHERE u.path ~>=~ (SELECT path FROM under) AND u.path ~<~ ((SELECT path FROM under) || chr(1114111))
     AND starts_with(u.path, (SELECT path FROM under))
   ORDER BY m.name, m.id LIMIT ${plan.first})`);
  }
  if (steps) {
    ctes.push(`steps AS (SELECT s.id, s.version, s.member_id, s.org_unit_id, s.seq, s.step_no, s.stage, s.kind, s.occurred_on, s.approval, su.path AS unit_path
    FROM development_step s JOIN org_unit su ON su.id = s.org_unit_id WHERE s.member_id = $7::uuid)`);
  }

  const keys: string[] = [];
  if (proofOf(fields)) keys.push(`SELECT 'Member'::text, m.id, m.version FROM m`);
  if (unit && proofOf(unit.unit)) keys.push(`SELECT 'OrgUnit'::text, u.id, u.version FROM m JOIN org_unit u ON u.id = m.org_unit_id`);
  if (steps && proofOf(steps.steps)) keys.push(`SELECT 'DevelopmentStep'::text, s.id, s.version FROM steps s`);
  if (keys.length) ctes.push(`keys (type, id, version) AS (${keys.join('\n  UNION ALL ')})`, PROOFS);

  // Whether Apollo would answer with every row and no error (then, and only then, the body is ours).
  const okParts: string[] = [];
  const rows = `m JOIN org_unit u ON u.id = m.org_unit_id`;
  if (plan.root === 'member') {
    okParts.push(`EXISTS (SELECT 1 FROM m)`, reads('Member'), `(SELECT bool_and(${seesMember('m.id', 'm.unit_path')}) FROM m)`);
  } else {
    // members(under:): { $any: { staff, partner: 'Member:read' } }, `under` must exist and be in the caller's subtree.
    okParts.push(
      `((c.kind = 'account' AND c.role = ANY(c.staff_roles)) OR (c.kind = 'partner' AND 'Member:read' = ANY(c.scopes)))`,
      `EXISTS (SELECT 1 FROM under)`,
      `(SELECT bool_and(${sees('path')}) FROM under)`,
      `coalesce((SELECT bool_and(${reads('Member')} AND ${seesMember('m.id', 'm.unit_path')}) FROM m), true)`,
    );
  }
  if (unit) okParts.push(`coalesce((SELECT bool_and(${reads('OrgUnit')} AND ${sees('u.path')}) FROM ${rows}), true)`);
  if (steps) okParts.push(`coalesce((SELECT bool_and(${reads('DevelopmentStep')} AND ${seesStep('s.member_id', 's.unit_path', 'm.unit_path')}) FROM steps s CROSS JOIN m), true)`);
  // Every proof asked for exists (an object without its record document is Apollo's RECORD_MISSING) and is whole.
  if (keys.length) okParts.push(`(SELECT count(*) FROM (SELECT DISTINCT type, id, version FROM keys) k) = (SELECT count(*) FROM pr WHERE pr.ok)`);

  const member = `${memberJson(fields)}`;
  const data =
    plan.root === 'member'
      ? `(SELECT ${member} FROM ${rows} ${proofJoins(fields)})`
      : `(SELECT '{"edges":[' || coalesce(string_agg('{"node":' || ${member} || '}', ',' ORDER BY m.name, m.id), '') || ']}' FROM ${rows} ${proofJoins(fields)})`;
  const body = `'{"data":{"${plan.root}":' || ${data} || '},"extensions":{"lianjian":{"latestAnchoredBatch":' || ${LATEST_BATCH} || '}}}'`;

  // For a proof set (executor.ts): every proof of the response, by key, with its document and v1 bundle.
  const proofs = withProofs
    ? `CASE WHEN c.valid AND x.ok THEN (SELECT '[' || coalesce(string_agg('{"k":"' || pr.type || ':' || pr.id::text || ':' || pr.version::text || '","doc":' || pr.document || ',"bundle":' || pr.bundle || '}', ','), '') || ']' FROM pr) END`
    : 'NULL::text';
  return `WITH ${ctes.join(',\n')}
SELECT c.kind, c.valid, c.key_hash, c.cred_id, c.seen, x.ok, CASE WHEN c.valid AND x.ok THEN ${body} END AS body, ${proofs} AS proofs
  FROM c CROSS JOIN LATERAL (SELECT ${okParts.join('\n   AND ')} AS ok) x`;
}
