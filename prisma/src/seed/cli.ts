// `npm run seed -- --members N --seed S [--reset] [--profile P] [--months M] [--workers W]`: seeds DATABASE_URL.
import { maskUrl } from '../postgres.js';
import { fmt } from './progress.js';
import { seed, SeedError } from './run.js';

const USAGE = `usage: npm run seed -- --members N [--seed S] [--reset] [--profile full|scale] [--months M] [--workers W] [--[no-]bulk] [--random-salts] [--quiet]
  --members N   members to generate (required)
  --seed S      any string or number; the same seed gives the same data (default 1)
  --reset       empty every table first (otherwise a non-empty database is refused)
  --profile P   densities (default: full below 50,000 members, scale from then on); both cover
                every module and all five stages (see prisma/src/seed/profile.ts)
      full      ~72 domain rows per member (+1 outbox record each): every member's whole
                development history; 6 months of meetings, all with attendance; courses 60 %
                mandatory / 15 % optional; quiz after 70 % of completions, retried 60 %; 3 peers
      scale     ~25 domain rows per member (+1 outbox record each): step histories for members
                in development and for full members whose development ended since 2023-11-01
                (earlier ones carry their dates on the member row only); 3 months of meetings, attendance for the
                latest month and the branch general meeting; courses 15 % / 3 %; quiz after 50 %,
                retried 30 %; 1 peer
  --months M    months of meeting history before 2026-11-01 (default 6 full, 3 scale)
  --workers W   generator threads, 0 = in-process (default: the machine's cores)
  --bulk, --no-bulk  drop keys, indexes and foreign keys and pause the record guards and
                analytics triggers during the load; rebuild, validate and re-enable them after,
                then rebuild the analytics rollups (default: from 5,000 members)
  --random-salts  record salts from the CSPRNG, not the seed (rows stay reproducible)
Reads DATABASE_URL. / 读取 DATABASE_URL，生成演示或压测数据。`;

function parse(argv: string[]) {
  const out: { members?: number; seed?: string; reset: boolean; profile?: 'full' | 'scale'; months?: number; workers?: number; bulk?: boolean; randomSalts?: boolean; quiet: boolean } = {
    reset: false,
    quiet: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new SeedError(`${a} needs a value`);
      return v;
    };
    const int = (v: string) => {
      const n = Number(v.replaceAll('_', ''));
      if (!Number.isSafeInteger(n) || n < 0) throw new SeedError(`${a} must be a non-negative integer, got ${v}`);
      return n;
    };
    if (a === '--members') out.members = int(value());
    else if (a === '--seed') out.seed = value();
    else if (a === '--reset') out.reset = true;
    else if (a === '--months') out.months = int(value());
    else if (a === '--profile') {
      const p = value();
      if (p !== 'full' && p !== 'scale') throw new SeedError(`--profile must be full or scale, got ${p}`);
      out.profile = p;
    }
    else if (a === '--workers') out.workers = int(value());
    else if (a === '--quiet') out.quiet = true;
    else if (a === '--bulk') out.bulk = true;
    else if (a === '--no-bulk') out.bulk = false;
    else if (a === '--random-salts') out.randomSalts = true;
    else if (a === '--help' || a === '-h') {
      process.stdout.write(USAGE + '\n');
      process.exit(0);
    } else throw new SeedError(`unknown option ${a}`);
  }
  return out;
}

async function main(): Promise<number> {
  let args;
  try {
    args = parse(process.argv.slice(2));
    if (!args.members) throw new SeedError('--members is required');
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n${USAGE}\n`);
    return 2;
  }
  const url = process.env.DATABASE_URL;
  if (!url) {
    process.stderr.write('DATABASE_URL is not set / 未设置 DATABASE_URL\n');
    return 2;
  }
  process.stderr.write(`Seeding ${maskUrl(url)} with ${args.members.toLocaleString('en-US')} members (seed ${args.seed ?? 1})…\n`);
  const res = await seed(url, {
    members: args.members,
    seed: args.seed ?? 1,
    reset: args.reset,
    profile: args.profile,
    months: args.months,
    workers: args.workers,
    bulk: args.bulk,
    randomSalts: args.randomSalts,
    progress: !args.quiet,
    log: (s) => process.stderr.write(`  ${s}\n`),
  });
  const out = process.stdout;
  const secs = res.elapsedMs / 1000;
  out.write(
    `\nSeeded ${res.members.toLocaleString('en-US')} members (profile ${res.profile}) in ${fmt(secs)} — ${res.totalRows.toLocaleString('en-US')} rows ` +
      `(${Math.round(res.totalRows / secs).toLocaleString('en-US')} rows/s), database ${(res.databaseBytes / 2 ** 20).toFixed(0)} MiB\n`,
  );
  for (const p of res.phases) out.write(`  ${p.phase.padEnd(14)} ${fmt(p.seconds)}\n`);
  const width = Math.max(...Object.keys(res.rows).map((k) => k.length));
  for (const [table, n] of Object.entries(res.rows).sort((a, b) => b[1] - a[1])) {
    out.write(`  ${table.padEnd(width)}  ${n.toLocaleString('en-US').padStart(12)}\n`);
  }
  out.write('\nDemo accounts / 演示账号:\n');
  for (const a of res.accounts) {
    out.write(`  ${a.role.padEnd(9)} ${a.username.padEnd(10)} ${a.password}${a.totpSecret ? `  TOTP ${a.totpSecret}` : ''}  (${a.scope})\n`);
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`✗ ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
