// Dashboard figures read from the rollups (migration 20261122235901_analytics_rollups): each
// metric is one or two primary-key range reads of a unit's subtree totals, whatever the subtree's
// size. Metric and key names match the contribution functions there. The member figures are
// folded with the same helpers a snapshot verifier uses (@lianjian/verify), so a dashboard and a
// snapshot published from it agree exactly.
import type { PrismaClient } from '@lianjian/db';
import {
  AGE_BANDS,
  ageBand,
  EDUCATIONS,
  funnelFromCounts,
  GENDERS,
  MEMBER_STAGES,
  medianOfHistogram,
  rate,
  type CompositionFigures,
  type FunnelFigures,
} from '@lianjian/verify';

type Db = Pick<PrismaClient, '$queryRaw'>;

export const EPOCH = '1970-01-01';

export interface Period {
  /** First month, YYYY-MM-01. */
  from: string;
  /** Last month, YYYY-MM-01 (inclusive). */
  to: string;
}

interface RollupRow {
  unit_id: string;
  period: string;
  key: string;
  count: bigint;
  total: bigint;
}

export interface Row {
  unitId: string;
  period: string;
  key: string;
  count: number;
  total: number;
}

function rows(r: RollupRow[]): Row[] {
  return r.map((x) => ({ unitId: x.unit_id, period: x.period, key: x.key, count: Number(x.count), total: Number(x.total) }));
}

/** Rows of `metric` for the units (subtree totals), periods within [from, to] (dates, inclusive). */
export async function readRollup(db: Db, unitIds: readonly string[], metric: string, from = EPOCH, to = EPOCH): Promise<Row[]> {
  return rows(
    await db.$queryRaw<RollupRow[]>`
      SELECT unit_id::text, to_char(period, 'YYYY-MM-DD') AS period, key, count, total FROM analytics_rollup
       WHERE unit_id = ANY(${unitIds as string[]}::uuid[]) AND metric = ${metric} AND period BETWEEN ${from}::date AND ${to}::date`,
  );
}

function groupByUnit(rs: readonly Row[]): Map<string, Row[]> {
  const out = new Map<string, Row[]>();
  for (const r of rs) {
    const list = out.get(r.unitId);
    if (list) list.push(r);
    else out.set(r.unitId, [r]);
  }
  return out;
}

function sumBy(rs: readonly Row[], prefix: string, what: 'count' | 'total' = 'count'): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rs) {
    if (!r.key.startsWith(prefix)) continue;
    const k = r.key.slice(prefix.length);
    out.set(k, (out.get(k) ?? 0) + r[what]);
  }
  return out;
}

function counts(keys: readonly string[], m: Map<string, number>): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(keys.map((k) => [k, 0]));
  for (const [k, v] of m) if (v !== 0) out[k] = v;
  return out;
}

// ───────── members ─────────

export function compositionFromRows(rs: readonly Row[], asOfYear: number): CompositionFigures {
  const bands = sumBy(rs, 'band:');
  for (const [y, n] of sumBy(rs, 'birthYear:')) {
    const b = ageBand(asOfYear - Number(y));
    bands.set(b, (bands.get(b) ?? 0) + n);
  }
  return {
    total: sumBy(rs, 'total').get('') ?? 0,
    byStage: counts(MEMBER_STAGES, sumBy(rs, 'stage:')),
    byGender: counts(GENDERS, sumBy(rs, 'gender:')),
    byEducation: counts(EDUCATIONS, sumBy(rs, 'education:')),
    byAgeBand: counts(AGE_BANDS, bands),
  };
}

export async function composition(db: Db, unitId: string, asOfYear: number): Promise<CompositionFigures> {
  return compositionFromRows(await readRollup(db, [unitId], 'member'), asOfYear);
}

/** Composition of each unit in `unitIds` (the children of a dashboard's unit), one query. */
export async function compositionByUnit(db: Db, unitIds: readonly string[], asOfYear: number): Promise<Map<string, CompositionFigures>> {
  // Birth years folded into age bands in SQL (the same bands as ageBand): a root's children
  // otherwise ship thousands of birth-year rows.
  const byUnit = groupByUnit(
    rows(
      await db.$queryRaw<RollupRow[]>`
        SELECT unit_id::text, '' AS period, k AS key, sum(count)::bigint AS count, 0::bigint AS total FROM (
          SELECT unit_id, count, CASE WHEN key LIKE 'birthYear:%' THEN 'band:' || (
            SELECT CASE WHEN a <= 25 THEN '<=25' WHEN a <= 35 THEN '26-35' WHEN a <= 45 THEN '36-45'
                        WHEN a <= 55 THEN '46-55' WHEN a <= 65 THEN '56-65' ELSE '66+' END
              FROM (SELECT ${asOfYear}::int - substr(key, 11)::int AS a) x) ELSE key END AS k
            FROM analytics_rollup
           WHERE unit_id = ANY(${unitIds as string[]}::uuid[]) AND metric = 'member' AND period = ${EPOCH}::date) r
         GROUP BY 1, 3`,
    ),
  );
  return new Map(unitIds.map((id) => [id, compositionFromRows(byUnit.get(id) ?? [], asOfYear)]));
}

export interface FunnelDashboard extends FunnelFigures {
  /** Open pipeline deadlines (rules/src/pipeline/due.ts) already past on the as-of date. */
  overdueSteps: number;
  /** Of those, the ones past their hard deadline too (an approval window that closed). */
  expiredSteps: number;
  /** Entries into each stage per month of the period. */
  monthly: Row[];
}

export async function funnel(db: Db, unit: { id: string; path: string }, asOf: string, period: Period): Promise<FunnelDashboard> {
  const [member, reached, days, monthly, due] = await Promise.all([
    readRollup(db, [unit.id], 'member'),
    readRollup(db, [unit.id], 'funnel'),
    readRollup(db, [unit.id], 'funnel_days'),
    readRollup(db, [unit.id], 'funnel_month', period.from, period.to),
    db.$queryRaw<{ overdue: bigint; expired: bigint }[]>`
      SELECT count(*) AS overdue, count(*) FILTER (WHERE deadline < ${asOf}::date) AS expired FROM analytics_due_item
       WHERE unit_path LIKE ${`${unit.path}%`} AND due_on < ${asOf}::date`,
  ]);
  const hist: Record<string, Map<number, number>> = {};
  for (const r of days) {
    const [stage, d] = r.key.split(':') as [string, string];
    const h = (hist[stage] ??= new Map());
    h.set(Number(d), (h.get(Number(d)) ?? 0) + r.count);
  }
  const figures = funnelFromCounts(Object.fromEntries(sumBy(member, 'stage:')), Object.fromEntries(sumBy(reached, 'reached:')), hist);
  return { ...figures, overdueSteps: Number(due[0]?.overdue ?? 0), expiredSteps: Number(due[0]?.expired ?? 0), monthly };
}

// ───────── meetings ─────────

/** Which unit kinds owe which meetings, and how often (DESIGN.md "Organisational life"). */
export const CADENCE: readonly { kind: string; unitKind: 'BRANCH' | 'GROUP'; every: 'month' | 'quarter' | 'year' }[] = [
  { kind: 'BRANCH_GENERAL', unitKind: 'BRANCH', every: 'quarter' },
  { kind: 'BRANCH_COMMITTEE', unitKind: 'BRANCH', every: 'month' },
  { kind: 'PARTY_GROUP', unitKind: 'GROUP', every: 'month' },
  { kind: 'PARTY_LECTURE', unitKind: 'BRANCH', every: 'quarter' },
  { kind: 'THEMED_DAY', unitKind: 'BRANCH', every: 'month' },
  // Yearly (组织生活会, 谈心谈话): the rollup counts them per calendar year (migration 20261214090000).
  { kind: 'ORG_LIFE', unitKind: 'BRANCH', every: 'year' },
  { kind: 'HEART_TALK', unitKind: 'BRANCH', every: 'year' },
];

/** Month starts from `from` to `to` inclusive (YYYY-MM-01). */
export function monthsOf(p: Period): string[] {
  // Counted, not compared as text: "10000-01-01" sorts before "9999-12-01", and the loop ran
  // a million times. Periods are bounded (schema/index.ts), so the count is small.
  const index = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
  const out: string[] = [];
  for (let i = index(p.from); i <= index(p.to); i++) out.push(`${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`);
  return out;
}

function quarterOf(month: string): string {
  const m = Number(month.slice(5, 7));
  return `${month.slice(0, 4)}-${String(m - ((m - 1) % 3)).padStart(2, '0')}-01`;
}

function yearOf(month: string): string {
  return `${month.slice(0, 4)}-01-01`;
}

export interface CadenceFigure {
  kind: string;
  /** Unit-periods owed: live units of the kind that owes it × months (or quarters) in the period. */
  required: number;
  /** Unit-periods with at least one COMPLETED meeting of the kind. */
  held: number;
  meetings: number;
  rate: number | null;
}

export interface AttendanceFigure {
  present: number;
  late: number;
  excused: number;
  absent: number;
  /** (present + late) / all attendance records. */
  rate: number | null;
}

export interface MeetingFigures {
  cadence: CadenceFigure[];
  attendance: AttendanceFigure;
  monthly: Row[];
}

function meetingFigures(units: readonly Row[], cadence: readonly Row[], attendance: readonly Row[], monthly: Row[], p: Period): MeetingFigures {
  const months = monthsOf(p);
  const quarters = [...new Set(months.map(quarterOf))];
  const years = [...new Set(months.map(yearOf))];
  const unitKinds = sumBy(units, 'kind:');
  const a = sumBy(attendance, 'status:');
  const present = a.get('PRESENT') ?? 0;
  const late = a.get('LATE') ?? 0;
  const excused = a.get('EXCUSED') ?? 0;
  const absent = a.get('ABSENT') ?? 0;
  return {
    cadence: CADENCE.map((c) => {
      const periods = new Set(c.every === 'month' ? months : c.every === 'quarter' ? quarters : years);
      const own = cadence.filter((r) => r.key === c.kind && periods.has(r.period));
      const required = (unitKinds.get(c.unitKind) ?? 0) * periods.size;
      const held = own.reduce((s, r) => s + r.count, 0);
      return { kind: c.kind, required, held, meetings: own.reduce((s, r) => s + r.total, 0), rate: rate(Math.min(held, required), required) };
    }),
    attendance: { present, late, excused, absent, rate: rate(present + late, present + late + excused + absent) },
    monthly,
  };
}

/** Meeting figures of each unit in `unitIds` over the period (quarters and years that start before `from` count whole). */
export async function meetingsByUnit(db: Db, unitIds: readonly string[], p: Period): Promise<Map<string, MeetingFigures>> {
  // From the year's start: the yearly kinds' rows sit on 1 January; the other kinds' rows before
  // the quarter are read and then left out, since their periods are not among the months asked for.
  const qFrom = yearOf(p.from);
  const [units, cadence, attendance, monthly] = await Promise.all([
    readRollup(db, unitIds, 'units'),
    readRollup(db, unitIds, 'cadence', qFrom, p.to),
    readRollup(db, unitIds, 'attendance', p.from, p.to),
    readRollup(db, unitIds, 'meeting_month', p.from, p.to),
  ]);
  const [u, c, a, m] = [units, cadence, attendance, monthly].map(groupByUnit) as [Map<string, Row[]>, Map<string, Row[]>, Map<string, Row[]>, Map<string, Row[]>];
  return new Map(unitIds.map((id) => [id, meetingFigures(u.get(id) ?? [], c.get(id) ?? [], a.get(id) ?? [], m.get(id) ?? [], p)]));
}

// ───────── learning, appraisal, feedback, transfers ─────────

export interface LearningFigures {
  completions: number;
  classHours: number;
  scored: number;
  averageScore: number | null;
  scoreBands: Record<string, number>;
  quizSubmitted: number;
  quizPassed: number;
  quizPassRate: number | null;
  /** Submitted attempts by score percentage, in tens (90 = 90–100 %). */
  quizPercentBands: Record<string, number>;
  monthly: Row[];
}

export async function learning(db: Db, unitId: string, p: Period): Promise<LearningFigures> {
  const [l, s, q] = await Promise.all([
    readRollup(db, [unitId], 'learning', p.from, p.to),
    readRollup(db, [unitId], 'learning_score', p.from, p.to),
    readRollup(db, [unitId], 'quiz', p.from, p.to),
  ]);
  const completions = sumBy(l, 'completions').get('') ?? 0;
  const scored = sumBy(l, 'scored').get('') ?? 0;
  const submitted = sumBy(q, 'submitted').get('') ?? 0;
  const passed = sumBy(q, 'passed').get('') ?? 0;
  const pct = sumBy(q, 'pct:');
  return {
    completions,
    classHours: sumBy(l, 'completions', 'total').get('') ?? 0,
    scored,
    averageScore: scored ? Math.round(((sumBy(l, 'scored', 'total').get('') ?? 0) / scored) * 100) / 100 : null,
    scoreBands: counts(['0-59', '60-69', '70-79', '80-89', '90-100'], sumBy(s, 'band:')),
    quizSubmitted: submitted,
    quizPassed: passed,
    quizPassRate: rate(passed, submitted),
    quizPercentBands: counts(['0', '10', '20', '30', '40', '50', '60', '70', '80', '90'], pct),
    monthly: l.filter((r) => r.key === 'completions'),
  };
}

export interface AppraisalFigures {
  year: number;
  total: number;
  byRating: Record<string, number>;
  excellentShare: number | null;
}

export async function appraisal(db: Db, unitId: string, year: number): Promise<AppraisalFigures> {
  const rs = await readRollup(db, [unitId], 'appraisal', `${year}-01-01`, `${year}-01-01`);
  const byRating = counts(['EXCELLENT', 'QUALIFIED', 'BASICALLY_QUALIFIED', 'UNQUALIFIED'], sumBy(rs, 'rating:'));
  const total = Object.values(byRating).reduce((s, n) => s + n, 0);
  return { year, total, byRating, excellentShare: rate(byRating.EXCELLENT ?? 0, total) };
}

export interface FeedbackFigures {
  total: number;
  byCategory: Record<string, number>;
  byStatus: Record<string, number>;
  resolved: number;
  medianResolutionDays: number | null;
  monthly: Row[];
}

export async function feedback(db: Db, unitId: string, p: Period): Promise<FeedbackFigures> {
  const [f, d] = await Promise.all([readRollup(db, [unitId], 'feedback', p.from, p.to), readRollup(db, [unitId], 'feedback_days', p.from, p.to)]);
  const days = new Map<number, number>();
  for (const [k, n] of sumBy(d, 'days:')) days.set(Number(k), n);
  return {
    total: sumBy(f, 'total').get('') ?? 0,
    byCategory: counts(['SUGGESTION', 'OPINION', 'REQUEST', 'COMPLAINT', 'OTHER'], sumBy(f, 'category:')),
    byStatus: counts(['SUBMITTED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED'], sumBy(f, 'status:')),
    resolved: [...days.values()].reduce((s, n) => s + n, 0),
    medianResolutionDays: medianOfHistogram(days),
    monthly: f.filter((r) => r.key === 'total'),
  };
}

export interface TransferFigures {
  /** ISSUED letters still valid on the as-of date. */
  open: number;
  /** Letters marked EXPIRED plus ISSUED ones past their validity on the as-of date. */
  expired: number;
  received: number;
  cancelled: number;
  issuedMonthly: Row[];
}

export async function transfers(db: Db, unitId: string, asOf: string, p: Period): Promise<TransferFigures> {
  const [open, all, monthly] = await Promise.all([
    readRollup(db, [unitId], 'transfer_open'),
    readRollup(db, [unitId], 'transfer', '0001-01-01', '9999-12-31'),
    readRollup(db, [unitId], 'transfer', p.from, p.to),
  ]);
  let valid = 0;
  let lapsed = 0;
  for (const [d, n] of sumBy(open, 'validUntil:')) {
    if (d >= asOf) valid += n;
    else lapsed += n;
  }
  const st = sumBy(all, 'status:');
  return { open: valid, expired: (st.get('EXPIRED') ?? 0) + lapsed, received: st.get('RECEIVED') ?? 0, cancelled: st.get('CANCELLED') ?? 0, issuedMonthly: monthly };
}

// ───────── points ─────────

export interface PointsRank {
  rank: number;
  memberId: string;
  unitId: string;
  points: number;
}

export interface PointsFigures {
  year: number;
  /** Members with a non-zero total in the year. */
  members: number;
  total: number;
  bands: Record<string, number>;
  top: PointsRank[];
  monthly: Row[];
}

export async function points(db: Db, unit: { id: string; path: string }, year: number, top: number): Promise<PointsFigures> {
  const y = `${year}-01-01`;
  const [bands, monthly, ranks] = await Promise.all([
    readRollup(db, [unit.id], 'points_band', y, y),
    readRollup(db, [unit.id], 'points_month', y, `${year}-12-01`),
    db.$queryRaw<{ key: string; unit_id: string; value: bigint }[]>`
      SELECT key, unit_id::text, value FROM analytics_counter
       WHERE metric = 'points_member' AND period = ${y}::date AND unit_path LIKE ${`${unit.path}%`}
       ORDER BY value DESC, key LIMIT ${top}`,
  ]);
  const b = sumBy(bands, '');
  return {
    year,
    members: [...b.values()].reduce((s, n) => s + n, 0),
    total: [...sumBy(bands, '', 'total').values()].reduce((s, n) => s + n, 0),
    bands: counts(['lt0', '0-49', '50-99', '100-199', '200-499', '500+'], b),
    top: ranks.map((r, i) => ({ rank: i + 1, memberId: r.key, unitId: r.unit_id, points: Number(r.value) })),
    monthly,
  };
}
