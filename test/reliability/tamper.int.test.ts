// Tamper detection matrix on a real chain: records written through the API and anchored by the
// indexer, then changed the way someone with database superuser access would (append-only
// triggers switched off). Every change must be found twice — by the auditor (`npm run audit`,
// run as a process) with the right kind, entity and batch, and by online verification of what
// the API then serves (the verify library against the chain) with the reason — and nothing
// tampered may ever verify. Untouched records keep verifying.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { buildTree, canonicalize, leafHash, parseJson, toHex, treeRoot, validateDocument, type ProofBundle, type RecordDocument } from '@lianjian/verify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/lib/chain-node.js';
import { CREATE_MEMBER, failure, memberInput, startVerifiedStack, verifyOnline, type VerifiedStack } from './lib/stack.js';

const exec = promisify(execFile);

const CASES = ['control', 'row', 'document', 'path', 'root', 'deletion', 'reorder', 'forgery'] as const;
type Case = (typeof CASES)[number];

let s: VerifiedStack;
/** Per case: three members written while the indexer was stopped, so they share one batch. */
const members = {} as Record<Case, { ids: string[]; seq: number }>;

const MEMBER_PROOF = `query($id: ID!) { member(id: $id) { id name version proof { status bundle } } }`;

interface Served {
  code: string | null;
  name?: string;
  bundle?: ProofBundle;
}

async function served(id: string): Promise<Served> {
  const r = await s.h.gql<{ member: { name: string; proof: { status: string; bundle: ProofBundle } } }>(MEMBER_PROOF, { id }, s.admin);
  if (r.errors?.length) return { code: String(r.errors[0]!.extensions.code) };
  return { code: null, name: r.data!.member.name, bundle: r.data!.member.proof.bundle };
}

/** Served and verified online, with the shown name as the displayed field (check 4). */
async function check(id: string): Promise<{ verified: boolean; reason: string; code: string | null }> {
  const v = await served(id);
  if (v.code) return { verified: false, reason: `served with error ${v.code}`, code: v.code };
  const report = await verifyOnline(v.bundle, s.chain.rpcUrl, { name: v.name });
  return { verified: report.verified, reason: failure(report), code: null };
}

async function positionsOf(seq: number): Promise<{ position: string; record_id: string; entity_id: string; index: number }[]> {
  return s.sql(
    `SELECT rp.position::text, rp.record_id::text, o.entity_id::text, (rp.position - b.first_position)::int AS index
       FROM record_position rp JOIN batch b ON b.seq = rp.batch_seq JOIN outbox_record o ON o.id = rp.record_id
      WHERE rp.batch_seq = $1 ORDER BY rp.position`,
    [seq],
  );
}

beforeAll(async () => {
  s = await startVerifiedStack();
  await s.startIndexer();
  await s.waitAllAnchored();
  for (const c of CASES) {
    await s.stopIndexer();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await s.h.gql<{ createMember: { id: string } }>(CREATE_MEMBER, { input: memberInput(s.fx.units.b1.id, `篡改测试 ${c} ${i}`) }, s.secretary);
      if (r.errors) throw new Error(JSON.stringify(r.errors));
      ids.push(r.data!.createMember.id);
    }
    await s.waitClaimable();
    await s.startIndexer();
    await s.waitAllAnchored();
    const [row] = await s.sql<{ seqs: number[] }>(
      `SELECT array_agg(DISTINCT rp.batch_seq) AS seqs FROM outbox_record o JOIN record_position rp ON rp.record_id = o.id WHERE o.entity_id = ANY($1::uuid[])`,
      [ids],
    );
    if (row!.seqs.length !== 1) throw new Error(`case ${c}: members landed in batches ${row!.seqs.join(', ')}, expected one`);
    members[c] = { ids, seq: row!.seqs[0]! };
  }
  await s.stopIndexer();
}, 240_000);

afterAll(() => s?.close());

/** Members (of all cases) whose served proof must no longer verify once the tampering is done. */
const tampered = new Set<string>();

describe('tamper detection (superuser SQL, triggers off)', () => {
  it('before tampering, every record the API serves verifies online against the chain', async () => {
    for (const c of CASES) {
      for (const id of members[c].ids) {
        const r = await check(id);
        expect(r.verified, `${c} ${id}: ${r.reason}`).toBe(true);
      }
    }
  });

  it('applies one change of each kind', async () => {
    const target = (c: Case) => members[c].ids[1]!;
    // 1. A domain row edited: the API shows a name that its record does not prove.
    await s.tamper(`UPDATE member SET name = '改过的名字' WHERE id = $1`, [target('row')]);
    tampered.add(target('row'));
    // 2. An outbox document edited (its stored leaf left as it was).
    await s.tamper(`UPDATE outbox_record SET document = replace(document, '篡改测试 document 1', '篡改测试 document X') WHERE entity_id = $1`, [target('document')]);
    tampered.add(target('document'));
    // 3. A stored path node: the leaf-level neighbour of the target, inside batch_level.
    {
      const pos = await positionsOf(members.path.seq);
      const me = pos.find((p) => p.entity_id === target('path'))!;
      const sibling = me.index ^ 1;
      await s.tamper(`UPDATE batch_level SET hashes = overlay(hashes PLACING '\\xff'::bytea FROM $2 FOR 1) WHERE batch_seq = $1 AND level = 0`, [members.path.seq, sibling * 32 + 1]);
      tampered.add(target('path'));
    }
    // 4. A batch root.
    await s.tamper(`UPDATE batch SET root = sha256(root) WHERE seq = $1`, [members.root.seq]);
    for (const id of members.root.ids) tampered.add(id);
    // 5. A record deleted.
    await s.tamper(`DELETE FROM outbox_record WHERE entity_id = $1`, [target('deletion')]);
    tampered.add(target('deletion'));
    // 6. Two records of a batch swapped in the log (three steps: record_id is unique).
    {
      const [a, b] = await positionsOf(members.reorder.seq);
      await s.tamper(`UPDATE record_position SET record_id = -1 WHERE position = $1`, [a!.position]);
      await s.tamper(`UPDATE record_position SET record_id = $2 WHERE position = $1`, [b!.position, a!.record_id]);
      await s.tamper(`UPDATE record_position SET record_id = $2 WHERE position = $1`, [a!.position, b!.record_id]);
      tampered.add(a!.entity_id).add(b!.entity_id);
    }
    // 7. A consistent forgery: row, document, leaf, levels and root all rewritten to agree.
    {
      const id = target('forgery');
      const [rec] = await s.sql<{ id: string; document: string }>(`SELECT id::text, document FROM outbox_record WHERE entity_id = $1`, [id]);
      const doc = validateDocument(parseJson(rec!.document)) as RecordDocument;
      const forged = { ...doc, data: { ...doc.data, name: '伪造的名字' } };
      const text = canonicalize(forged);
      await s.tamper(`UPDATE outbox_record SET document = $2, leaf = $3 WHERE id = $1`, [rec!.id, text, Buffer.from(leafHash(forged))]);
      await s.tamper(`UPDATE member SET name = '伪造的名字' WHERE id = $1`, [id]);
      const leaves = await s.sql<{ leaf: Buffer }>(
        `SELECT o.leaf FROM record_position rp JOIN outbox_record o ON o.id = rp.record_id WHERE rp.batch_seq = $1 ORDER BY rp.position`,
        [members.forgery.seq],
      );
      const layers = buildTree(leaves.map((l) => new Uint8Array(l.leaf)));
      for (let level = 0; level < layers.length; level++) {
        await s.tamper(`UPDATE batch_level SET hashes = $3 WHERE batch_seq = $1 AND level = $2`, [members.forgery.seq, level, Buffer.concat(layers[level]!)]);
      }
      await s.tamper(`UPDATE batch SET root = $2 WHERE seq = $1`, [members.forgery.seq, Buffer.from(treeRoot(layers))]);
      for (const m of members.forgery.ids) tampered.add(m);
    }
    expect(tampered.size).toBe(1 + 1 + 1 + 3 + 1 + 2 + 3);
  });

  it('online verification refuses each tampered record, naming the check and the reason', async () => {
    const t = (c: Case) => check(members[c].ids[1]!);
    const row = await t('row');
    expect(row.verified).toBe(false);
    expect(row.reason).toMatch(/^fields: .*name/);

    const document = await t('document');
    expect(document.verified).toBe(false);
    expect(document.reason).toMatch(/^document: the document does not hash to the bundle's leaf/);

    const path = await t('path');
    expect(path.verified).toBe(false);
    expect(path.reason).toMatch(/^path: /);

    for (const id of members.root.ids) {
      const root = await check(id);
      expect(root.verified).toBe(false);
      expect(root.reason).toMatch(/^path: /);
    }

    const deletion = await t('deletion');
    expect(deletion).toMatchObject({ verified: false, code: 'RECORD_MISSING' });
    const record = await s.h.gql(`query($id: ID!) { record(type: "Member", id: $id) { version } }`, { id: members.deletion.ids[1] }, s.secretary);
    expect(record.errors?.[0]?.extensions.code).toBe('NOT_FOUND');

    const [a, b] = await positionsOf(members.reorder.seq);
    for (const p of [a!, b!]) {
      const r = await check(p.entity_id);
      expect(r.verified).toBe(false);
      expect(r.reason).toMatch(/^path: /);
    }

    // Offline everything agrees; only the chain knows the real root.
    const forged = await served(members.forgery.ids[1]!);
    expect(forged.name).toBe('伪造的名字');
    const forgery = await t('forgery');
    expect(forgery.verified).toBe(false);
    expect(forgery.reason).toMatch(new RegExp(`^chain: chain "[^"]+" at height \\d+ holds root [0-9a-f]{64} for batch ${members.forgery.seq}, not the bundle's root`));
  });

  it('nothing tampered verifies; everything untouched still does', async () => {
    const all = await s.sql<{ id: string }>(`SELECT id::text FROM member ORDER BY id`);
    expect(all.length).toBeGreaterThanOrEqual(4 + CASES.length * 3);
    let verified = 0;
    for (const { id } of all) {
      const r = await check(id);
      expect(r.verified, `${id} (${tampered.has(id) ? 'tampered' : 'untouched'}): ${r.reason}`).toBe(!tampered.has(id));
      if (r.verified) verified++;
    }
    expect(verified).toBe(all.length - tampered.size);
  });

  it('npm run audit finds every change with its kind, entity and batch, and exits 1', async () => {
    const run = await exec(process.execPath, [`${repoRoot}/scripts/run-ts.mjs`, 'indexer/src/audit-cli.ts', '--json', '--rpc', s.chain.rpcUrl], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: s.h.dbUrl },
    }).then(
      (r) => ({ code: 0, stdout: r.stdout }),
      (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
    );
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { mismatches: number; byKind: Record<string, number> };
    expect(report.mismatches).toBeGreaterThanOrEqual(8);
    const alerts = await s.sql<{ kind: string; entity_id: string | null; batch_seq: number | null }>(
      `SELECT kind, entity_id::text, batch_seq FROM tamper_alert ORDER BY id`,
    );
    const has = (kind: string, where: { entity?: string; seq?: number }) =>
      alerts.some((a) => a.kind === kind && (where.entity === undefined || a.entity_id === where.entity) && (where.seq === undefined || a.batch_seq === where.seq));
    const t = (c: Case) => members[c].ids[1]!;
    expect(has('ROW_MISMATCH', { entity: t('row'), seq: members.row.seq }), 'row').toBe(true);
    expect(has('LEAF_MISMATCH', { entity: t('document'), seq: members.document.seq }), 'document').toBe(true);
    expect(has('LEVEL_MISMATCH', { seq: members.path.seq }), 'path').toBe(true);
    expect(has('ROOT_MISMATCH', { seq: members.root.seq }), 'root').toBe(true);
    expect(has('CHAIN_MISMATCH', { seq: members.root.seq }), 'root on chain').toBe(true);
    expect(has('CHAIN_LINK_BROKEN', { seq: members.root.seq + 1 }), 'the next batch no longer links to the edited root').toBe(true);
    expect(has('LOG_BROKEN', { seq: members.deletion.seq }), 'deletion: the log names a missing record').toBe(true);
    expect(has('ROW_WITHOUT_RECORD', { entity: t('deletion') }), 'deletion: the row lost its record').toBe(true);
    expect(has('LOG_BROKEN', { seq: members.reorder.seq }), 'reorder').toBe(true);
    expect(has('CHAIN_MISMATCH', { seq: members.forgery.seq }), 'forgery').toBe(true);
    expect(has('ROW_MISMATCH', { entity: t('forgery') }), 'the forged row agrees with its forged record').toBe(false);
    // The control batch and the fixture's batch raise nothing.
    for (const seq of [1, members.control.seq]) expect(alerts.filter((a) => a.batch_seq === seq), `batch ${seq}`).toEqual([]);
    for (const id of members.control.ids) expect(alerts.some((a) => a.entity_id === id)).toBe(false);
  });
});

describe('the untouched ledger', () => {
  it('a clean copy of the same history audits clean (the auditor is not simply noisy)', async () => {
    // The control batch verified above; its leaves hash the stored documents exactly.
    const rows = await s.sql<{ document: string; leaf: Buffer }>(
      `SELECT o.document, o.leaf FROM record_position rp JOIN outbox_record o ON o.id = rp.record_id WHERE rp.batch_seq = $1`,
      [members.control.seq],
    );
    expect(rows).toHaveLength(3);
    for (const r of rows) expect(toHex(leafHash(validateDocument(parseJson(r.document))))).toBe(r.leaf.toString('hex'));
  });
});
