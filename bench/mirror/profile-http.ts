// Where a feed page's time goes over HTTP (issue #21): the same PROOF_SET pages asked through the
// API process (GraphQL over HTTP, as the mirror asks) and timed by stage on the client — until the
// headers, the body, JSON.parse of the response, JSON.parse of the set — beside the API process's
// CPU time for the page (/proc/<pid>/stat). No chain: the feed needs none to serve anchored batches.
//
//   node scripts/run-ts.mjs bench/mirror/profile-http.ts [--members 100000] [--page-size 2000] [--rounds 2] [--cpu-prof <dir>]
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { newApiKey } from '../../api/src/modules/auth/tokens.js';
import { ensureSeeded, openCluster } from '../lib/cluster.js';
import { startLianjianApi } from '../lib/stack.js';
import { cpuSecondsOf, postgresBackends, postgresCpuSince } from './cpu.js';

const { values: args } = parseArgs({ options: { members: { type: 'string', default: '100000' }, 'page-size': { type: 'string', default: '2000' }, rounds: { type: 'string', default: '2' }, 'cpu-prof': { type: 'string' } } });
const say = (line: string) => process.stdout.write(`${line}\n`);
const SET_QUERY = `query MirrorFeedSet($after: Int, $first: Int) { mirrorFeed(after: $after, first: $first, format: PROOF_SET) {
  unitId after endPosition hasMore headPosition headSeq proofSet
  entries { position type entityId version org batchSeq snapshotInputs { ordinal entityType entityId entityVersion leaf } } } }`;

const cluster = await openCluster();
try {
  const { url, database } = await ensureSeeded(cluster, Number(args.members), say);
  const db = new pg.Pool({ connectionString: url, max: 2 });
  let keyId: string | undefined;
  let api: Awaited<ReturnType<typeof startLianjianApi>> | undefined;
  try {
    const unit = (await db.query<{ id: string; path: string }>(
      `WITH c AS (SELECT '/' || split_part(u.path, '/', 2) || '/' || split_part(u.path, '/', 3) || '/' AS top, count(*) AS n
                    FROM member m JOIN org_unit u ON u.id = m.org_unit_id GROUP BY 1)
       SELECT u.id::text, u.path FROM org_unit u JOIN c ON c.top = u.path WHERE u.level = 1 ORDER BY c.n DESC, u.no LIMIT 1`,
    )).rows[0]!;
    const { key, prefix, hash } = newApiKey();
    keyId = (await db.query<{ id: string }>(
      `INSERT INTO api_key (id, name, prefix, key_hash, scopes, unit_id) VALUES (gen_random_uuid(), 'mirror http profile', $1, $2, ARRAY['Mirror:read'], $3::uuid) RETURNING id::text`,
      [prefix, Buffer.from(hash), unit.id],
    )).rows[0]!.id;
    // --cpu-prof <dir>: the API process writes a V8 CPU profile there when it stops.
    api = await startLianjianApi(url, null, { LIANJIAN_WEBHOOKS_MS: '0', ...(args['cpu-prof'] ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${args['cpu-prof']}` } : {}) });
    const pid = api.child.pid!;
    for (let round = 0; round < Number(args.rounds); round++) {
      let after = -1;
      const sum = { total: 0, headers: 0, body: 0, parse: 0, parseSet: 0, apiCpu: 0, bytes: 0, records: 0 };
      for (;;) {
        const cpu0 = cpuSecondsOf(pid);
        const pg0 = postgresBackends([database]);
        const t0 = performance.now();
        const res = await fetch(api.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-api-key': key },
          body: JSON.stringify({ query: SET_QUERY, variables: { after, first: Number(args['page-size']) } }),
        });
        const t1 = performance.now();
        const text = await res.text();
        const t2 = performance.now();
        const body = JSON.parse(text) as { data: { mirrorFeed: { endPosition: number; hasMore: boolean; proofSet: string | null; entries: unknown[] } } };
        const t3 = performance.now();
        const page = body.data.mirrorFeed;
        JSON.parse(page.proofSet ?? 'null');
        const t4 = performance.now();
        const apiCpu = cpuSecondsOf(pid) - cpu0;
        const pgCpu = postgresCpuSince(pg0, [database]);
        say(`  round ${round + 1} page after ${after}: ${page.entries.length} records, ${(text.length / 1e6).toFixed(2)} MB — headers ${(t1 - t0).toFixed(0)} ms, body ${(t2 - t1).toFixed(0)} ms, JSON.parse ${(t3 - t2).toFixed(0)} ms, set parse ${(t4 - t3).toFixed(0)} ms; API CPU ${(apiCpu * 1000).toFixed(0)} ms, Postgres CPU ${(pgCpu * 1000).toFixed(0)} ms; load ${loadavg()[0]!.toFixed(1)}`);
        Object.assign(sum, { total: sum.total + (t4 - t0), headers: sum.headers + (t1 - t0), body: sum.body + (t2 - t1), parse: sum.parse + (t3 - t2), parseSet: sum.parseSet + (t4 - t3), apiCpu: sum.apiCpu + apiCpu, bytes: sum.bytes + text.length, records: sum.records + page.entries.length });
        after = page.endPosition;
        if (!page.hasMore) break;
      }
      say(`round ${round + 1}: ${sum.records} records in ${(sum.total / 1000).toFixed(2)} s (${Math.round(sum.records / (sum.total / 1000))} records/s); until headers ${(sum.headers / 1000).toFixed(2)} s, body ${(sum.body / 1000).toFixed(2)} s, parse ${(sum.parse / 1000).toFixed(2)} + ${(sum.parseSet / 1000).toFixed(2)} s; API CPU ${sum.apiCpu.toFixed(2)} s (${((sum.apiCpu / sum.records) * 1e6).toFixed(0)} µs a record); ${Math.round(sum.bytes / sum.records)} bytes a record`);
    }
  } finally {
    if (keyId) await db.query(`DELETE FROM api_key WHERE id = $1::uuid`, [keyId]).catch(() => undefined);
    await db.end();
    await api?.stop();
  }
} finally {
  await cluster.stop();
}
