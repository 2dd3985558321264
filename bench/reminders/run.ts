// Reminder generation benchmark (issue #22): the time generateReminders (api/src/modules/inbox/
// reminders) takes over a seeded dataset — the first run, which also brings every member's open
// deadlines up to date and writes every item, and the runs after it, which find nothing new (the
// steady state the API's schedule is in every LIANJIAN_REMINDERS_MS).
//
//   npm run bench:reminders -- [--members 100000] [--runs 3] [--accounts] [--email] [--keep]
//
// The data: the cached scale dataset of that size (bench/lib/cluster.ts ensureSeeded, lj_<size>_bench),
// copied to a scratch database (CREATE DATABASE … TEMPLATE) and migrated, so the dataset itself is
// never written to. --tree takes lj_<size>_tree_bench (the current organisation tree, seeded by
// bench/queue) instead. --in-place runs on the dataset itself, for a size whose copy does not fit on
// the disk (1M: ~30 GB): the inbox items, e-mail rows and bench accounts it adds are deleted at the
// end; the open-deadline cache it refreshes is derived data the API refreshes the same way. The seed makes few accounts; --accounts adds, set-based, one SECRETARY account
// per branch and a MEMBER account for every tenth member, so that the reminders reach the volume
// of an organisation where people sign in. --email then gives every SECRETARY an address and
// IMMEDIATE e-mail of due steps, queues their mails and sends them to a local smtp-server, timing
// the sending (messages per second, one SMTP connection as the API uses). --keep leaves the scratch database for a later look.
import { parseArgs } from 'node:util';
import { createPrisma, migrate } from '@lianjian/db';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { freePort } from '@lianjian/db/postgres';
import { generateReminders } from '../../api/src/modules/inbox/reminders/index.js';
import { queueEmails, sendQueued } from '../../api/src/modules/inbox/email/index.js';
import { adminQuery, databaseExists, ensureSeeded, metaKey, openCluster, readMeta, sizeLabel, type Cluster } from '../lib/cluster.js';
import { fmt, machine, spread, writeResult } from '../lib/stats.js';

const { values: args } = parseArgs({
  options: {
    members: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '3' },
    accounts: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    email: { type: 'boolean', default: false },
    tree: { type: 'boolean', default: false },
    'in-place': { type: 'boolean', default: false },
  },
});
const say = (s: string) => process.stdout.write(`${s}\n`);
const N = Number(args.members);
const RUNS = Number(args.runs);
if (!Number.isInteger(N) || N < 1000 || !Number.isInteger(RUNS) || RUNS < 1) {
  process.stderr.write('usage: bench/reminders/run.ts [--members N ≥ 1000] [--runs R ≥ 1] [--accounts] [--keep]\n');
  process.exit(2);
}

/** lj_<size>_tree_bench, which bench/queue seeds; refused when it is not there (seeding it is that benchmark's job). */
async function treeDataset(cluster: Cluster, members: number): Promise<{ database: string }> {
  const database = `lj_${sizeLabel(members)}_tree_bench`;
  if (!(await databaseExists(cluster, database)) || !readMeta()[metaKey(cluster, database)]?.seededAt) {
    throw new Error(`${database} is not seeded: run npm run bench:queue -- --members ${members} first`);
  }
  return { database };
}

/** Removes what a run adds to a dataset it runs on in place. */
async function cleanUp(url: string): Promise<void> {
  await adminQuery(url, 'DELETE FROM email_message');
  await adminQuery(url, "DELETE FROM email_preference WHERE updated_at = '2000-01-01'");
  await adminQuery(url, 'DELETE FROM inbox_item');
  await adminQuery(url, "DELETE FROM account WHERE username LIKE 'bench-sec-%' OR username LIKE 'bench-m-%'");
  await adminQuery(url, "UPDATE account SET email = NULL WHERE email LIKE 'bench-%@example.test'");
}

const cluster = await openCluster();
try {
  const inPlace = args['in-place'];
  const source = args.tree ? await treeDataset(cluster, N) : await ensureSeeded(cluster, N, say);
  const scratch = inPlace ? source.database : `bench_reminders_${sizeLabel(N)}`;
  let t = performance.now();
  if (!inPlace) {
    if (await databaseExists(cluster, scratch)) await adminQuery(cluster.adminUrl, `DROP DATABASE ${pg.escapeIdentifier(scratch)} WITH (FORCE)`);
    say(`copying ${source.database} → ${scratch}…`);
    await adminQuery(cluster.adminUrl, `CREATE DATABASE ${pg.escapeIdentifier(scratch)} TEMPLATE ${pg.escapeIdentifier(source.database)}`);
  } else {
    say(`running in place on ${scratch}; what the benchmark adds is deleted at its end`);
  }
  const url = cluster.urlFor(scratch);
  await migrate(url);
  say(`  ${inPlace ? 'migrated' : 'copied and migrated'} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  // In place, the run starts from no items, as on a copy.
  if (inPlace) await cleanUp(url);

  if (args.accounts) {
    t = performance.now();
    await adminQuery(
      url,
      `INSERT INTO account (username, display_name, password_hash, role, scope_unit_id)
         SELECT 'bench-sec-' || u.no, 'bench', 'unused', 'SECRETARY', u.id FROM org_unit u
          WHERE u.kind IN ('BRANCH', 'GENERAL_BRANCH', 'COMMITTEE')
            AND NOT EXISTS (SELECT 1 FROM account a WHERE a.scope_unit_id = u.id AND a.role = 'SECRETARY')`,
    );
    await adminQuery(
      url,
      `INSERT INTO account (username, display_name, password_hash, role, scope_unit_id, member_id)
         SELECT 'bench-m-' || m.id, 'bench', 'unused', 'MEMBER', m.org_unit_id, m.id
           FROM (SELECT id, org_unit_id, row_number() OVER (ORDER BY id) AS n FROM member) m
          WHERE m.n % 10 = 0 AND NOT EXISTS (SELECT 1 FROM account a WHERE a.member_id = m.id)`,
    );
    say(`  accounts added in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  const [shape] = await adminQuery<{ members: string; units: string; accounts: string; secretaries: string; dirty: string; due: string; requests: string; meetings: string; votes: string }>(
    url,
    `SELECT (SELECT count(*) FROM member)::text AS members, (SELECT count(*) FROM org_unit)::text AS units,
            (SELECT count(*) FROM account)::text AS accounts, (SELECT count(*) FROM account WHERE role = 'SECRETARY')::text AS secretaries,
            (SELECT count(*) FROM analytics_due_dirty)::text AS dirty, (SELECT count(*) FROM analytics_due_item)::text AS due,
            (SELECT count(*) FROM level_request)::text AS requests, (SELECT count(*) FROM meeting)::text AS meetings, (SELECT count(*) FROM vote)::text AS votes`,
  );
  say(`data: ${fmt(Number(shape!.members))} members, ${fmt(Number(shape!.units))} units, ${fmt(Number(shape!.accounts))} accounts (${fmt(Number(shape!.secretaries))} SECRETARY), ` +
    `${fmt(Number(shape!.due))} open deadlines + ${fmt(Number(shape!.dirty))} members to recompute, ${fmt(Number(shape!.requests))} level requests, ${fmt(Number(shape!.meetings))} meetings, ${fmt(Number(shape!.votes))} votes`);

  const prisma = createPrisma(url, { max: 4 });
  const now = new Date();
  const runs: { ms: number; refreshMs: number; created: number; done: number; counts: object }[] = [];
  for (let i = 0; i < RUNS + 1; i++) {
    const r = await generateReminders(prisma, now, { timeoutMs: 3_600_000 });
    runs.push({ ms: r.ms, refreshMs: r.refreshMs, created: r.created, done: r.done, counts: r.counts });
    say(`run ${i + 1}${i === 0 ? ' (first)' : ''}: ${fmt(r.ms)} ms (due-item refresh ${fmt(r.refreshMs)} ms), ${fmt(r.created)} items written, ${fmt(r.done)} marked done`);
    if (i === 0) for (const [kind, c] of Object.entries(r.counts)) say(`    ${kind.padEnd(22)} ${fmt(c!.created).padStart(9)} written ${fmt(c!.done).padStart(7)} done`);
  }
  const [items] = await adminQuery<{ n: string }>(url, 'SELECT count(*)::text AS n FROM inbox_item');
  let email: { queued: number; sent: number; ms: number; perSecond: number } | null = null;
  if (args.email) {
    await adminQuery(url, `UPDATE account SET email = 'bench-' || id || '@example.test' WHERE role = 'SECRETARY'`);
    await adminQuery(url, `INSERT INTO email_preference (account_id, kind, mode, updated_at) SELECT id, 'STEP_DUE', 'IMMEDIATE', '2000-01-01' FROM account WHERE role = 'SECRETARY'`);
    let received = 0;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, _session, callback) {
        stream.on('data', () => {});
        stream.on('end', () => {
          received++;
          callback();
        });
      },
    });
    const port = await freePort();
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    const smtp = { host: '127.0.0.1', port, secure: false, from: 'bench <bench@example.test>' };
    let t0 = performance.now();
    const q = await queueEmails(prisma, now, 'http://bench.test');
    say(`e-mail: ${fmt(q.immediate)} messages queued in ${fmt(performance.now() - t0)} ms`);
    t0 = performance.now();
    let sent = 0;
    for (;;) {
      const r = await sendQueued(prisma, smtp, now, { batch: 500 });
      sent += r.sent;
      if (r.sent + r.retried + r.failed === 0) break;
    }
    const ms = performance.now() - t0;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    email = { queued: q.immediate, sent, ms, perSecond: sent / (ms / 1000) };
    say(`e-mail: ${fmt(sent)} sent (${fmt(received)} received) in ${fmt(ms)} ms: ${fmt(email.perSecond, 1)} messages/s`);
  }
  await prisma.$disconnect();
  const steady = spread(runs.slice(1).map((r) => r.ms));
  say(`\nfirst run ${fmt(runs[0]!.ms)} ms; steady state (nothing new) median ${fmt(steady.median)} ms over ${RUNS} runs; ${fmt(Number(items!.n))} inbox items`);
  const file = writeResult('reminders', { members: N, accountsAdded: args.accounts, shape, runs, steady, items: Number(items!.n), email, machine: machine() });
  say(`written to ${file}`);
  if (inPlace) await cleanUp(url);
  else if (!args.keep) await adminQuery(cluster.adminUrl, `DROP DATABASE ${pg.escapeIdentifier(scratch)} WITH (FORCE)`);
} finally {
  await cluster.stop();
}
