// Where the feed's time goes (issue #21): the centre's page assembly for the mirror benchmark's
// subtree, timed stage by stage in-process (no HTTP, no GraphQL), for both formats. The dataset and
// cluster are the mirror benchmark's (bench/mirror/run.ts).
//
//   node scripts/run-ts.mjs bench/mirror/profile-feed.ts [--members 100000] [--page-size 2000]
import { parseArgs } from 'node:util';
import { createPrisma } from '@lianjian/db';
import { canonicalize, leafHash, verifyProofSet, type ProofSet } from '@lianjian/verify';
import { feedPage } from '../../api/src/modules/mirror-feed/service.js';
import { ensureSeeded, openCluster } from '../lib/cluster.js';

const { values: args } = parseArgs({ options: { members: { type: 'string', default: '100000' }, 'page-size': { type: 'string', default: '2000' }, explain: { type: 'boolean', default: false } } });
const say = (line: string) => process.stdout.write(`${line}\n`);
const cluster = await openCluster();
try {
  const { url } = await ensureSeeded(cluster, Number(args.members), say);
  const prisma = createPrisma(url, { max: 2 });
  try {
    const [unit] = await prisma.$queryRawUnsafe<{ path: string }[]>(
      `WITH c AS (SELECT '/' || split_part(u.path, '/', 2) || '/' || split_part(u.path, '/', 3) || '/' AS top, count(*) AS n
                    FROM member m JOIN org_unit u ON u.id = m.org_unit_id GROUP BY 1)
       SELECT u.path FROM org_unit u JOIN c ON c.top = u.path WHERE u.level = 1 ORDER BY c.n DESC, u.no LIMIT 1`,
    );
    const first = Number(args['page-size']);
    if (args.explain) {
      // The plan of a keys statement, as the page runs it (shows which walk the planner takes).
      const plan = await prisma.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(
        `EXPLAIN (ANALYZE, BUFFERS) SELECT rp.position FROM org_unit u JOIN outbox_record o ON o.org_unit_id = u.id JOIN record_position rp ON rp.record_id = o.id
          WHERE left(u.path, length($1)) = $1 AND rp.position > -1 ORDER BY rp.position LIMIT ${first}`,
        unit!.path,
      );
      say(plan.map((r) => r['QUERY PLAN']).join('\n'));
    }
    // Time each statement the page makes (Prisma's raw queries are the page's only I/O).
    const timed = new Map<string, number>();
    const raw = prisma.$queryRawUnsafe.bind(prisma);
    (prisma as { $queryRawUnsafe: typeof raw }).$queryRawUnsafe = (async (sql: string, ...values: unknown[]) => {
      const t = performance.now();
      try {
        return await raw(sql, ...values);
      } finally {
        const what = /batch_level/.test(sql) ? (/hashes/.test(sql) ? 'levels (bytes)' : 'level versions') : /record_position/.test(sql) ? 'keys' : /FROM org_unit$/.test(sql) ? 'subtree share' : /LATERAL/.test(sql) ? 'getProofs' : 'head/other';
        timed.set(what, (timed.get(what) ?? 0) + performance.now() - t);
      }
    }) as typeof raw;
    for (const format of ['PROOF_SET', 'PROOF_SET', 'BUNDLES'] as const) {
      timed.clear();
      let after = -1;
      let records = 0;
      let bytes = 0;
      let serialise = 0;
      const mirrorSide = { parse: 0, verify: 0, text: 0 };
      const t0 = performance.now();
      for (;;) {
        const page = await feedPage(prisma, unit!.path, after, first, { format, chainId: 'lianjian-bench' });
        const t = performance.now();
        bytes += JSON.stringify(page).length;
        serialise += performance.now() - t;
        records += page.entries.length;
        if (page.proofSet) {
          // The mirror's side of a page, offline (the chain check is one read per batch, cached).
          let t1 = performance.now();
          const set = JSON.parse(page.proofSet) as ProofSet;
          mirrorSide.parse += performance.now() - t1;
          t1 = performance.now();
          if (!(await verifyProofSet(set)).records.every((r) => r.checks[1]!.ok)) throw new Error('the set does not verify');
          mirrorSide.verify += performance.now() - t1;
          t1 = performance.now();
          for (const r of set.records) leafHash(new TextEncoder().encode(canonicalize(r.doc)));
          mirrorSide.text += performance.now() - t1;
        }
        after = page.endPosition;
        if (!page.hasMore) break;
      }
      // The centre's share only: the mirror side's offline work is timed apart (below).
      const total = performance.now() - t0 - serialise - mirrorSide.parse - mirrorSide.verify - mirrorSide.text;
      const parts = [...timed].map(([k, ms]) => `${k} ${(ms / 1000).toFixed(2)} s`).join(', ');
      say(`${format}: ${records} records in ${(total / 1000).toFixed(2)} s (${Math.round(records / (total / 1000))} records/s) — ${parts}; assembling ${((total - [...timed.values()].reduce((a, b) => a + b, 0)) / 1000).toFixed(2)} s; ${(bytes / records).toFixed(0)} bytes/record as JSON (serialising ${(serialise / 1000).toFixed(2)} s)`);
      if (format === 'PROOF_SET') say(`  mirror side, offline: JSON.parse of the sets ${(mirrorSide.parse / 1000).toFixed(2)} s, verifyProofSet ${(mirrorSide.verify / 1000).toFixed(2)} s, canonical text + leaf to store ${(mirrorSide.text / 1000).toFixed(2)} s`);
    }
  } finally {
    await prisma.$disconnect();
  }
} finally {
  await cluster.stop();
}
