// The figures of published analytics snapshots, as pure functions of record `data`. The API
// computes a snapshot's figures with these and a verifier recomputes them with the same code, so
// "recompute and compare" checks the figures, not two implementations. The dashboards (served
// from rollups in the API) use the same folding helpers (ageBand, medianOfHistogram, rate) so a
// dashboard figure and a snapshot of it agree exactly.
import { DUES_INPUT_TYPES, duesFigures, type DuesParams, type SnapshotRecord } from './snapshot-dues.js';

export const MEMBER_STAGES = ['APPLICANT', 'ACTIVIST', 'CANDIDATE', 'PROBATIONARY', 'FULL'] as const;
export const GENDERS = ['MALE', 'FEMALE'] as const;
export const EDUCATIONS = ['POSTGRADUATE', 'BACHELOR', 'JUNIOR_COLLEGE', 'SENIOR_SECONDARY', 'JUNIOR_SECONDARY_OR_BELOW'] as const;
/** Age = as-of year − birth year (age reached during the as-of year, as year-end statistics count it). */
export const AGE_BANDS = ['<=25', '26-35', '36-45', '46-55', '56-65', '66+'] as const;

export type MemberStage = (typeof MEMBER_STAGES)[number];

export function ageBand(age: number): (typeof AGE_BANDS)[number] {
  if (age <= 25) return '<=25';
  if (age <= 35) return '26-35';
  if (age <= 45) return '36-45';
  if (age <= 55) return '46-55';
  if (age <= 65) return '56-65';
  return '66+';
}

/** A share rounded to 4 decimals (null when there is nothing to divide by). */
export function rate(part: number, whole: number): number | null {
  if (whole === 0) return null;
  return Math.round((part / whole) * 10000) / 10000;
}

/** The median of a histogram of integer values; the mean of the two middle values for an even count. */
export function medianOfHistogram(entries: Iterable<[number, number]>): number | null {
  const sorted = [...entries].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const total = sorted.reduce((s, [, n]) => s + n, 0);
  if (total === 0) return null;
  const at = (k: number): number => {
    let seen = 0;
    for (const [v, n] of sorted) {
      seen += n;
      if (seen > k) return v;
    }
    throw new Error('unreachable');
  };
  return total % 2 === 1 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2;
}

function zeros<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

function days(from: string | null, to: string | null): number | null {
  if (!from || !to) return null;
  return Math.round((Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / 86_400_000);
}

/** The Member record fields the member metrics read (record `data`, dates as YYYY-MM-DD). */
export interface MemberData {
  stage: string;
  status: string;
  gender: string;
  education: string;
  birthDate: string;
  appliedOn: string | null;
  activistSince: string | null;
  candidateSince: string | null;
  probationarySince: string | null;
  fullMemberSince: string | null;
}

export interface CompositionFigures {
  total: number;
  byStage: Record<string, number>;
  byGender: Record<string, number>;
  byEducation: Record<string, number>;
  byAgeBand: Record<string, number>;
}

/** Current composition of ACTIVE members: by stage, gender, education and age band at `asOfYear`. */
export function compositionFigures(members: readonly MemberData[], asOfYear: number): CompositionFigures {
  const f: CompositionFigures = { total: 0, byStage: zeros(MEMBER_STAGES), byGender: zeros(GENDERS), byEducation: zeros(EDUCATIONS), byAgeBand: zeros(AGE_BANDS) };
  for (const m of members) {
    if (m.status !== 'ACTIVE') continue;
    f.total += 1;
    f.byStage[m.stage] = (f.byStage[m.stage] ?? 0) + 1;
    f.byGender[m.gender] = (f.byGender[m.gender] ?? 0) + 1;
    f.byEducation[m.education] = (f.byEducation[m.education] ?? 0) + 1;
    const band = ageBand(asOfYear - Number(m.birthDate.slice(0, 4)));
    f.byAgeBand[band] = (f.byAgeBand[band] ?? 0) + 1;
  }
  return f;
}

export interface FunnelStage {
  stage: string;
  /** ACTIVE members at this stage now. */
  current: number;
  /** Members (any status) with an entry date for this stage. */
  reached: number;
  /** Of those, members with an entry date for the next stage too. */
  converted: number;
  conversionRate: number | null;
  /** Median days from entering this stage to entering the next, over the converted. */
  medianDays: number | null;
}

export interface FunnelFigures {
  stages: FunnelStage[];
}

export const STAGE_SINCE: Record<MemberStage, keyof MemberData> = {
  APPLICANT: 'appliedOn',
  ACTIVIST: 'activistSince',
  CANDIDATE: 'candidateSince',
  PROBATIONARY: 'probationarySince',
  FULL: 'fullMemberSince',
};

/** Assembles funnel figures from per-stage counts and day histograms (rollups or records). */
export function funnelFromCounts(
  current: Record<string, number>,
  reached: Record<string, number>,
  daysHistogram: Record<string, Map<number, number>>,
): FunnelFigures {
  return {
    stages: MEMBER_STAGES.map((stage, i) => {
      const hist = daysHistogram[stage] ?? new Map<number, number>();
      const converted = i === MEMBER_STAGES.length - 1 ? 0 : [...hist.values()].reduce((s, n) => s + n, 0);
      const r = reached[stage] ?? 0;
      return {
        stage,
        current: current[stage] ?? 0,
        reached: r,
        converted,
        conversionRate: i === MEMBER_STAGES.length - 1 ? null : rate(converted, r),
        medianDays: medianOfHistogram(hist),
      };
    }),
  };
}

export function funnelFigures(members: readonly MemberData[]): FunnelFigures {
  const current: Record<string, number> = {};
  const reached: Record<string, number> = {};
  const hist: Record<string, Map<number, number>> = {};
  for (const m of members) {
    if (m.status === 'ACTIVE') current[m.stage] = (current[m.stage] ?? 0) + 1;
    MEMBER_STAGES.forEach((stage, i) => {
      const since = m[STAGE_SINCE[stage]] as string | null;
      if (since) reached[stage] = (reached[stage] ?? 0) + 1;
      const next = MEMBER_STAGES[i + 1];
      if (!next) return;
      const d = days(since, m[STAGE_SINCE[next]] as string | null);
      if (d === null) return;
      const h = (hist[stage] ??= new Map());
      h.set(d, (h.get(d) ?? 0) + 1);
    });
  }
  return funnelFromCounts(current, reached, hist);
}

/**
 * Snapshot parameters: the date the figures are as of (composition's age bands use its year);
 * a dues snapshot also names its month and the last month that was due when it was published.
 */
export interface SnapshotParams {
  asOf: string;
  /** dues: the month of the figures, YYYY-MM (default: the month of asOf). */
  month?: string;
  /** dues: the last month whose dues were due at publication, YYYY-MM (default: the month). */
  dueUntil?: string;
}

export interface SnapshotMetric {
  /** The record type every input must have (the first of inputTypes when there are several). */
  inputType: string;
  /** The record types the inputs may have, when more than one. */
  inputTypes?: readonly string[];
  /** Figures from the inputs' record data (metrics over one record type). */
  compute(inputs: readonly Record<string, unknown>[], params: SnapshotParams): Record<string, unknown>;
  /** Figures from whole records (type, id, data): metrics that join records of several types. */
  computeRecords?(inputs: readonly SnapshotRecord[], params: SnapshotParams): Record<string, unknown>;
}

/** The record types a metric's inputs may have. */
export function snapshotInputTypes(metric: SnapshotMetric): readonly string[] {
  return metric.inputTypes ?? [metric.inputType];
}

function duesParams(params: SnapshotParams): DuesParams {
  const month = params.month ?? params.asOf.slice(0, 7);
  return { month, dueUntil: params.dueUntil ?? month };
}

/** The metrics a snapshot can publish, by name. */
export const SNAPSHOT_METRICS: Readonly<Record<string, SnapshotMetric>> = {
  composition: {
    inputType: 'Member',
    compute: (inputs, params) => ({ ...compositionFigures(inputs as unknown as MemberData[], Number(params.asOf.slice(0, 4))) }),
  },
  funnel: {
    inputType: 'Member',
    compute: (inputs) => ({ ...funnelFigures(inputs as unknown as MemberData[]) }),
  },
  // Collection rate, amounts due and collected, members in arrears (snapshot-dues.ts): the
  // subtree's members and their dues records, joined by member id, so record ids are needed.
  dues: {
    inputType: 'DuesArrearsCase',
    inputTypes: DUES_INPUT_TYPES,
    compute: () => {
      throw new Error('the dues metric joins records of several types: compute it with computeSnapshotFiguresFromRecords');
    },
    computeRecords: (inputs, params) => ({ ...duesFigures(inputs, duesParams(params)) }),
  },
};

export function isSnapshotMetric(metric: string): boolean {
  return Object.prototype.hasOwnProperty.call(SNAPSHOT_METRICS, metric);
}

/** Figures of `metric` over the inputs' record data; throws on an unknown metric. */
export function computeSnapshotFigures(metric: string, params: SnapshotParams, inputs: readonly Record<string, unknown>[]): Record<string, unknown> {
  if (!isSnapshotMetric(metric)) throw new Error(`unknown snapshot metric "${metric}"`);
  return SNAPSHOT_METRICS[metric]!.compute(inputs, params);
}

/** Figures of `metric` over whole input records (any metric); throws on an unknown metric. */
export function computeSnapshotFiguresFromRecords(metric: string, params: SnapshotParams, inputs: readonly SnapshotRecord[]): Record<string, unknown> {
  if (!isSnapshotMetric(metric)) throw new Error(`unknown snapshot metric "${metric}"`);
  const m = SNAPSHOT_METRICS[metric]!;
  return m.computeRecords ? m.computeRecords(inputs, params) : m.compute(inputs.map((i) => i.data), params);
}
