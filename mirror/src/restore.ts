// Restore at the centre (issue #21, Deliver 4): a record version deleted (or its document changed)
// in the central database is put back from a proof bundle v1 — typically one a mirror served. The
// centre needs no trust in whoever offers it: the bundle must verify against the chain (document →
// leaf → path → the batch root x/anchor holds), and the centre's own batch must have that root at
// that seq. The version then goes back to exactly where the log had it: the record id its log
// position names (record_position is append-only and survives the deletion), an xid that keeps the
// log's commit order, and — when it is the record's newest version — the domain row rebuilt from
// the document's data (private columns such as a member's phone are never in a document and stay
// empty). The ledger tables are append-only and the record guard insists on a record of the same
// transaction, so this runs as the database owner with triggers off (session_replication_role),
// the only way anything may write there besides the indexer; see docs/decisions.
import { canonicalize, leafHash, parseBundle, toHex, verifyBundle, type ChainChecker, type ProofBundle } from '@lianjian/verify';
import { dmmf, recordFields, VERIFIABLE_MODELS, type VerifiableModel } from '@lianjian/db';
import type pg from 'pg';

export type RestoreRefusal =
  | 'BAD_BUNDLE'
  | 'NOT_VERIFIED'
  | 'NOT_ANCHORED'
  | 'BATCH_UNKNOWN'
  | 'BATCH_DIFFERS'
  | 'POSITION_UNKNOWN'
  | 'CONFLICT';

export class RestoreRefused extends Error {
  constructor(
    readonly code: RestoreRefusal,
    message: string,
    readonly messageZh: string,
  ) {
    super(message);
    this.name = 'RestoreRefused';
  }
}

export interface RestoreResult {
  /** RESTORED: inserted again; REPAIRED: its changed document put back; UNCHANGED: the centre already held it. */
  status: 'RESTORED' | 'REPAIRED' | 'UNCHANGED';
  type: string;
  id: string;
  version: number;
  position: number;
  recordId: string;
  /** The domain row was inserted or set back to this version's data. */
  row: 'INSERTED' | 'UPDATED' | 'KEPT' | 'NONE';
}

const encoder = new TextEncoder();

/** Verifies `input` against the chain and puts its record version back into the centre's database. */
export async function restoreRecord(pool: pg.Pool, input: unknown, opts: { chain: ChainChecker }): Promise<RestoreResult> {
  let bundle: ProofBundle;
  try {
    bundle = parseBundle(input);
  } catch (error) {
    throw new RestoreRefused('BAD_BUNDLE', `Not a proof bundle v1: ${error instanceof Error ? error.message : String(error)}`, '不是有效的 v1 证明包。');
  }
  if (!bundle.anchor) throw new RestoreRefused('NOT_ANCHORED', 'The bundle has no anchor: only a version anchored on chain can be restored.', '证明包未上链：只能恢复已上链的记录版本。');
  const report = await verifyBundle(bundle, { chain: opts.chain });
  if (!report.verified) {
    const failed = report.checks.find((c) => c.ok === false) ?? report.checks.find((c) => c.ok === null && c.name !== 'fields');
    throw new RestoreRefused('NOT_VERIFIED', `The bundle does not verify against the chain (${failed?.name}: ${failed?.reason ?? 'not verified'}); nothing was written.`, `证明包未通过链上校验（${failed?.name}），未写入任何数据。`);
  }
  const doc = bundle.document;
  const text = canonicalize(doc);
  const leaf = Buffer.from(leafHash(encoder.encode(text)));

  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    await c.query('SET LOCAL session_replication_role = replica');
    const batch = (await c.query<{ first_position: string; size: number; root: Buffer }>(`SELECT first_position::text, size, root FROM batch WHERE seq = $1`, [bundle.batch.seq])).rows[0];
    if (!batch) throw new RestoreRefused('BATCH_UNKNOWN', `The centre has no batch ${bundle.batch.seq}: restore the log first (npm run restore).`, `中心没有批次 ${bundle.batch.seq}：请先恢复日志。`);
    if (toHex(batch.root) !== bundle.batch.root || batch.size !== bundle.batch.size) {
      throw new RestoreRefused('BATCH_DIFFERS', `The centre's batch ${bundle.batch.seq} is not the one on chain; run the audit (npm run audit) before restoring records into it.`, `中心的批次 ${bundle.batch.seq} 与链上不一致，请先运行审计。`);
    }
    const position = Number(batch.first_position) + bundle.index;
    const rp = (await c.query<{ record_id: string }>(`SELECT record_id::text FROM record_position WHERE position = $1`, [position])).rows[0];
    if (!rp) throw new RestoreRefused('POSITION_UNKNOWN', `The centre's log has no position ${position}.`, `中心日志中没有位置 ${position}。`);
    const recordId = rp.record_id;
    const sameKey = (await c.query<{ id: string }>(`SELECT id::text FROM outbox_record WHERE entity_type = $1 AND entity_id = $2::uuid AND version = $3`, [doc.type, doc.id, doc.version])).rows[0];
    if (sameKey && sameKey.id !== recordId) {
      throw new RestoreRefused('CONFLICT', `${doc.type} ${doc.id} version ${doc.version} is held as another log record (${sameKey.id}); it cannot be restored over it.`, `${doc.type} ${doc.id} 第 ${doc.version} 版已作为另一条日志记录存在，不能覆盖恢复。`);
    }
    const held = (await c.query<{ document: string; leaf: Buffer }>(`SELECT document, leaf FROM outbox_record WHERE id = $1`, [recordId])).rows[0];
    let status: RestoreResult['status'];
    if (held && held.document === text && held.leaf.equals(leaf)) {
      status = 'UNCHANGED';
    } else if (held) {
      await c.query(
        `UPDATE outbox_record SET entity_type = $2, entity_id = $3::uuid, version = $4, org_unit_id = $5::uuid, document = $6, leaf = $7 WHERE id = $1`,
        [recordId, doc.type, doc.id, doc.version, doc.org, text, leaf],
      );
      status = 'REPAIRED';
    } else {
      const xid = await orderedXid(c, position, BigInt(recordId));
      await c.query(
        `INSERT INTO outbox_record (id, entity_type, entity_id, version, org_unit_id, document, leaf, xid, created_at)
         VALUES ($1, $2, $3::uuid, $4, $5::uuid, $6, $7, $8::xid8, $9::timestamptz)`,
        [recordId, doc.type, doc.id, doc.version, doc.org, text, leaf, xid.toString(), doc.at],
      );
      status = 'RESTORED';
    }
    const row = await restoreRow(c, doc);
    await c.query('COMMIT');
    return { status, type: doc.type, id: doc.id, version: doc.version, position, recordId, row };
  } catch (error) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    c.release();
  }
}

/**
 * An xid for record `id` at `position` that keeps positions in (xid, id) order, as the indexer
 * claimed them and the auditor checks: between the nearest held records before and after it (the
 * original xid lay there too). A positioned record's key is at or below the indexer's cursor, so the
 * indexer never claims it again.
 */
async function orderedXid(c: pg.PoolClient, position: number, id: bigint): Promise<bigint> {
  const near = async (op: '<' | '>') =>
    (await c.query<{ xid: string; id: string }>(
      `SELECT o.xid::text, o.id::text FROM record_position rp JOIN outbox_record o ON o.id = rp.record_id
        WHERE rp.position ${op} $1 ORDER BY rp.position ${op === '<' ? 'DESC' : 'ASC'} LIMIT 1`,
      [position],
    )).rows[0];
  const [prev, next] = [await near('<'), await near('>')];
  const p = prev && { xid: BigInt(prev.xid), id: BigInt(prev.id) };
  const n = next && { xid: BigInt(next.xid), id: BigInt(next.id) };
  const fits = (x: bigint) => (!p || p.xid < x || (p.xid === x && p.id < id)) && (!n || x < n.xid || (x === n.xid && id < n.id));
  const candidates = [p?.xid, n?.xid, p ? p.xid + 1n : undefined, n ? n.xid - 1n : undefined].filter((x): x is bigint => x !== undefined && x > 0n);
  const x = candidates.find(fits);
  if (x === undefined) throw new Error(`no xid keeps position ${position} in commit order between its neighbours`);
  return x;
}

/** The domain row of the document's entity, when this version is its newest: inserted if gone, else set to its data. */
async function restoreRow(c: pg.PoolClient, doc: ProofBundle['document']): Promise<RestoreResult['row']> {
  if (!(VERIFIABLE_MODELS as readonly string[]).includes(doc.type)) return 'NONE';
  const type = doc.type as VerifiableModel;
  const newest = (await c.query<{ v: number }>(`SELECT max(version) AS v FROM outbox_record WHERE entity_type = $1 AND entity_id = $2::uuid`, [type, doc.id])).rows[0]!.v;
  if (newest !== doc.version) return 'KEPT';
  const model = dmmf.datamodel.models.find((m) => m.name === type)!;
  const table = model.dbName ?? model.name;
  const fieldOf = new Map(model.fields.map((f) => [f.name, f]));
  const col = (name: string) => fieldOf.get(name)?.dbName ?? name;
  const values: Record<string, unknown> = { [col('id')]: doc.id, [col('version')]: doc.version };
  if (type !== 'OrgUnit') values[col('orgUnitId')] = doc.org;
  for (const f of recordFields(type)) {
    let v = doc.data[f.name] ?? null;
    // Bytes travel as hex in documents; bytea's text input wants the \x prefix.
    if (v !== null && fieldOf.get(f.name)?.type === 'Bytes') v = `\\x${String(v)}`;
    values[col(f.name)] = v;
  }
  const cols = Object.keys(values).map((k) => `"${k.replace(/"/g, '""')}"`);
  const t = `"${table.replace(/"/g, '""')}"`;
  const existing = (await c.query<{ version: number }>(`SELECT version FROM ${t} WHERE id = $1::uuid`, [doc.id])).rows[0];
  if (!existing) {
    await c.query(`INSERT INTO ${t} (${cols.join(', ')}) SELECT ${cols.join(', ')} FROM jsonb_populate_record(NULL::${t}, $1::jsonb)`, [JSON.stringify(values)]);
    return 'INSERTED';
  }
  if (existing.version > doc.version) return 'KEPT';
  await c.query(`UPDATE ${t} SET (${cols.join(', ')}) = (SELECT ${cols.join(', ')} FROM jsonb_populate_record(NULL::${t}, $1::jsonb)) WHERE id = $2::uuid`, [JSON.stringify(values), doc.id]);
  return 'UPDATED';
}
