// The dashboard's figures as tables: one definition per figure, read by the page (chart + data
// table) and by the CSV export, so a chart, its table and its CSV cannot disagree.
import type { CompositionFieldsFragment, DashboardQuery, MeetingFiguresFragment, MonthFieldsFragment } from '../graphql/graphql';
import type { Messages } from '../i18n/messages';
import { STAGES } from './stages';

/** The dashboard query's answer, as GraphQL Code Generator types it (lib/analytics.server.ts). */
export type DashboardData = DashboardQuery['analytics'];
export type KeyCount = DashboardData['composition']['byStage'][number];
export type MonthPoint = MonthFieldsFragment;
export type CompositionData = CompositionFieldsFragment;
export type MeetingsData = MeetingFiguresFragment;

/** The metrics a leader may publish as a snapshot (`dues`: a month's collection rate and arrears). */
export const PUBLISH_METRICS = ['composition', 'funnel', 'dues'] as const;

/** Sub-units per page of the dashboard (a unit may have thousands). */
export const UNITS_PAGE = 50;

export type ChartKind = 'bar' | 'pie' | 'line' | 'stacked';

export interface Column {
  key: string;
  label: string;
  /** Numbers are right-aligned; rates are shown as percentages. */
  format?: 'int' | 'rate' | 'decimal' | 'text';
}

export type Cell = string | number | null;

export interface Figure {
  id: string;
  section: keyof Messages['analytics']['sections'];
  title: string;
  chart: ChartKind;
  /** The column naming each row (x axis, pie slice, bar label). */
  category: string;
  /** Columns drawn as series (bars, lines, slices). */
  series: string[];
  columns: Column[];
  rows: Array<Record<string, Cell>>;
  /** Snapshot metric whose published figures these are. */
  metric?: 'composition' | 'funnel';
  /** Rows that link to a sub-unit's dashboard. */
  unitIds?: string[];
}

export type FigureId = (typeof FIGURE_IDS)[number];

export const FIGURE_IDS = [
  'composition.byStage',
  'composition.byGender',
  'composition.byEducation',
  'composition.byAgeBand',
  'byUnit.composition',
  'byUnit.meetings',
  'funnel.stages',
  'funnel.monthly',
  'meetings.cadence',
  'meetings.attendance',
  'meetings.monthly',
  'learning.scoreBands',
  'learning.quizPercentBands',
  'learning.monthly',
  'appraisal.byRating',
  'points.bands',
  'points.top',
  'points.monthly',
  'feedback.byCategory',
  'feedback.byStatus',
  'feedback.monthly',
  'transfers.status',
  'transfers.issuedMonthly',
] as const;

export function isFigureId(v: string): v is FigureId {
  return (FIGURE_IDS as readonly string[]).includes(v);
}

/** Months the dashboard covers: the API takes dates from 1900 to 2100 only. */
export const FIRST_MONTH = '1900-01';
export const LAST_MONTH = '2100-12';
/** Longest period a dashboard shows (50 years): each monthly figure has a row per month. */
export const MAX_PERIOD_MONTHS = 600;

/** Months from `from` to `to` (YYYY-MM), both counted; 0 when `to` is before `from`. */
export function monthCount(from: string, to: string): number {
  const index = (ym: string) => Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7));
  return Math.max(0, index(to) - index(from) + 1);
}

/** Every month from `from` to `to` (YYYY-MM), inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  while ((y < ty || (y === ty && m <= tm)) && out.length < MAX_PERIOD_MONTHS) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

function keyLabel(t: Messages, key: string): string {
  // Series keys may name their dimension ("status:COMPLETED").
  const bare = key.includes(':') ? key.slice(key.indexOf(':') + 1) : key;
  return t.stages[bare] ?? t.genders[bare] ?? t.educations[bare] ?? t.analytics.keys[bare] ?? bare;
}

function countRows(t: Messages, list: KeyCount[]): Array<Record<string, Cell>> {
  return list.map((c) => ({ key: keyLabel(t, c.key), code: c.key, count: c.count }));
}

/** A monthly series pivoted to one row per month of the period, one column per key (zeros filled). */
function monthly(t: Messages, d: DashboardData, points: MonthPoint[], opts: { totalLabel?: string } = {}): Pick<Figure, 'columns' | 'rows' | 'series' | 'category'> {
  const keys = [...new Set(points.map((p) => p.key))].sort();
  const months = monthsBetween(d.from, d.to);
  const rows = months.map((month) => {
    const row: Record<string, Cell> = { month };
    for (const k of keys) row[k] = 0;
    if (opts.totalLabel) row.total = 0;
    return row;
  });
  const byMonth = new Map(rows.map((r) => [r.month as string, r]));
  for (const p of points) {
    const row = byMonth.get(p.month);
    if (!row) continue;
    row[p.key] = (row[p.key] as number) + p.count;
    if (opts.totalLabel) row.total = (row.total as number) + p.total;
  }
  const columns: Column[] = [{ key: 'month', label: t.analytics.col.month, format: 'text' }, ...keys.map((k) => ({ key: k, label: keyLabel(t, k), format: 'int' as const }))];
  if (opts.totalLabel) columns.push({ key: 'total', label: opts.totalLabel, format: 'int' });
  return { category: 'month', columns, rows, series: [...keys, ...(opts.totalLabel ? ['total'] : [])] };
}

type ColumnLabels = Messages['analytics']['col'];

/** The leading columns of a per-unit figure: the unit's name and its id (for CSVs and drill-down). */
function unitColumns(c: ColumnLabels): Column[] {
  return [
    { key: 'unit', label: c.unit, format: 'text' },
    { key: 'unitId', label: 'unit_id', format: 'text' },
  ];
}

/** The leading columns of a figure keyed by a code: its label in the visitor's language, then the code. */
function keyColumns(label: string): Column[] {
  return [
    { key: 'key', label, format: 'text' },
    { key: 'code', label: 'code', format: 'text' },
  ];
}

/** Meetings against their cadence: required, held, all held, then the figure's rate. */
function cadenceColumns(c: ColumnLabels, rate: Column): Column[] {
  return [{ key: 'required', label: c.required, format: 'int' }, { key: 'held', label: c.held, format: 'int' }, { key: 'meetings', label: c.meetings, format: 'int' }, rate];
}

function keyed(t: Messages, list: KeyCount[], countLabel: string): Pick<Figure, 'columns' | 'rows' | 'series' | 'category'> {
  return {
    category: 'key',
    series: ['count'],
    columns: [
      ...keyColumns(t.analytics.col.key),
      { key: 'count', label: countLabel, format: 'int' },
    ],
    rows: countRows(t, list),
  };
}

/** Every figure of the dashboard, in page order. */
export function buildFigures(d: DashboardData, t: Messages): Figure[] {
  const a = t.analytics;
  const c = a.col;
  const f = a.figures;
  const figures: Figure[] = [
    { id: 'composition.byStage', section: 'composition', title: f.byStage, chart: 'bar', metric: 'composition', ...keyed(t, d.composition.byStage, c.count) },
    { id: 'composition.byGender', section: 'composition', title: f.byGender, chart: 'pie', metric: 'composition', ...keyed(t, d.composition.byGender, c.count) },
    { id: 'composition.byEducation', section: 'composition', title: f.byEducation, chart: 'bar', metric: 'composition', ...keyed(t, d.composition.byEducation, c.count) },
    { id: 'composition.byAgeBand', section: 'composition', title: f.byAgeBand, chart: 'bar', metric: 'composition', ...keyed(t, d.composition.byAgeBand, c.count) },
    {
      id: 'byUnit.composition',
      section: 'byUnit',
      title: f.byUnit,
      chart: 'stacked',
      category: 'unit',
      series: [...STAGES],
      columns: [
        ...unitColumns(c),
        ...STAGES.map((s) => ({ key: s, label: t.stages[s] ?? s, format: 'int' as const })),
        { key: 'active', label: c.active, format: 'int' },
      ],
      rows: d.byUnit.map((u) => {
        const row: Record<string, Cell> = { unit: u.unitName, unitId: u.unitId };
        for (const s of STAGES) row[s] = u.composition.byStage.find((x) => x.key === s)?.count ?? 0;
        row.active = u.composition.total;
        return row;
      }),
      unitIds: d.byUnit.map((u) => u.unitId),
    },
    {
      id: 'byUnit.meetings',
      section: 'byUnit',
      title: f.byUnitMeetings,
      chart: 'bar',
      category: 'unit',
      series: ['required', 'held'],
      columns: [
        ...unitColumns(c),
        ...cadenceColumns(c, { key: 'attendanceRate', label: c.attendanceRate, format: 'rate' }),
      ],
      rows: d.byUnit.map((u) => ({
        unit: u.unitName,
        unitId: u.unitId,
        required: u.meetings.cadence.reduce((s, x) => s + x.required, 0),
        held: u.meetings.cadence.reduce((s, x) => s + x.held, 0),
        meetings: u.meetings.cadence.reduce((s, x) => s + x.meetings, 0),
        attendanceRate: u.meetings.attendance.rate,
      })),
      unitIds: d.byUnit.map((u) => u.unitId),
    },
    {
      id: 'funnel.stages',
      section: 'funnel',
      title: f.funnelStages,
      chart: 'bar',
      metric: 'funnel',
      category: 'key',
      series: ['reached', 'converted', 'current'],
      columns: [
        ...keyColumns(c.stage),
        { key: 'current', label: c.current, format: 'int' },
        { key: 'reached', label: c.reached, format: 'int' },
        { key: 'converted', label: c.converted, format: 'int' },
        { key: 'conversionRate', label: c.conversionRate, format: 'rate' },
        { key: 'medianDays', label: c.medianDays, format: 'decimal' },
      ],
      rows: d.funnel.stages.map((s) => ({ key: keyLabel(t, s.stage), code: s.stage, current: s.current, reached: s.reached, converted: s.converted, conversionRate: s.conversionRate, medianDays: s.medianDays })),
    },
    { id: 'funnel.monthly', section: 'funnel', title: f.funnelMonthly, chart: 'line', ...monthly(t, d, d.funnel.monthly) },
    {
      id: 'meetings.cadence',
      section: 'meetings',
      title: f.cadence,
      chart: 'bar',
      category: 'key',
      series: ['required', 'held'],
      columns: [
        ...keyColumns(c.kind),
        ...cadenceColumns(c, { key: 'rate', label: c.rate, format: 'rate' }),
      ],
      rows: d.meetings.cadence.map((x) => ({ key: keyLabel(t, x.kind), code: x.kind, required: x.required, held: x.held, meetings: x.meetings, rate: x.rate })),
    },
    {
      id: 'meetings.attendance',
      section: 'meetings',
      title: f.attendance,
      chart: 'pie',
      ...keyed(
        t,
        (['PRESENT', 'LATE', 'EXCUSED', 'ABSENT'] as const).map((k) => ({ key: k, count: d.meetings.attendance[k.toLowerCase() as 'present'] })),
        c.value,
      ),
    },
    { id: 'meetings.monthly', section: 'meetings', title: f.meetingsMonthly, chart: 'line', ...monthly(t, d, d.meetings.monthly) },
    { id: 'learning.scoreBands', section: 'learning', title: f.scoreBands, chart: 'bar', ...keyed(t, d.learning.scoreBands, c.value) },
    { id: 'learning.quizPercentBands', section: 'learning', title: f.quizBands, chart: 'bar', ...keyed(t, d.learning.quizPercentBands, c.value) },
    { id: 'learning.monthly', section: 'learning', title: f.learningMonthly, chart: 'line', ...monthly(t, d, d.learning.monthly, { totalLabel: c.hours }) },
    { id: 'appraisal.byRating', section: 'appraisal', title: f.appraisal(d.appraisal.year), chart: 'pie', ...keyed(t, d.appraisal.byRating, c.count) },
    { id: 'points.bands', section: 'points', title: f.pointsBands(d.points.year), chart: 'bar', ...keyed(t, d.points.bands, c.count) },
    {
      id: 'points.top',
      section: 'points',
      title: f.pointsTop(d.points.year),
      chart: 'bar',
      category: 'rank',
      series: ['points'],
      columns: [
        { key: 'rank', label: c.rank, format: 'text' },
        { key: 'memberId', label: c.member, format: 'text' },
        { key: 'points', label: c.points, format: 'int' },
      ],
      rows: d.points.top.map((r) => ({ rank: String(r.rank), memberId: r.memberId, points: r.points })),
    },
    { id: 'points.monthly', section: 'points', title: f.pointsMonthly, chart: 'line', ...monthly(t, d, d.points.monthly, { totalLabel: c.points }) },
    { id: 'feedback.byCategory', section: 'feedback', title: f.feedbackCategory, chart: 'pie', ...keyed(t, d.feedback.byCategory, c.value) },
    { id: 'feedback.byStatus', section: 'feedback', title: f.feedbackStatus, chart: 'bar', ...keyed(t, d.feedback.byStatus, c.value) },
    { id: 'feedback.monthly', section: 'feedback', title: f.feedbackMonthly, chart: 'line', ...monthly(t, d, d.feedback.monthly) },
    {
      id: 'transfers.status',
      section: 'transfers',
      title: f.transfers,
      chart: 'bar',
      ...keyed(
        t,
        (['open', 'expired', 'received', 'cancelled'] as const).map((k) => ({ key: k.toUpperCase(), count: d.transfers[k] })),
        c.value,
      ),
    },
    { id: 'transfers.issuedMonthly', section: 'transfers', title: f.transfersMonthly, chart: 'line', ...monthly(t, d, d.transfers.issuedMonthly) },
  ];
  return figures;
}

/** A cell as text for a table or a CSV (rates as percentages with one decimal). */
export function cellText(value: Cell, format: Column['format'] = 'int'): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (format === 'rate') return `${(value * 100).toFixed(1)}%`;
  if (format === 'decimal') return Number.isInteger(value) ? String(value) : value.toFixed(1);
  return String(value);
}

/** A figure as CSV rows: header, then data; rates stay numbers (fractions) for spreadsheets. */
export function figureCsvRows(figure: Figure): unknown[][] {
  return [figure.columns.map((c) => c.label), ...figure.rows.map((r) => figure.columns.map((c) => r[c.key] ?? ''))];
}

/** YYYY-MM from a query parameter, or null when absent; anything else is refused by the caller. */
export function monthParam(value: string | null): string | null | false {
  if (value === null || value === '') return null;
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(value) ? value : false;
}

/**
 * The points ranking with the members' names beside their ids, where the viewer may see them
 * (names the page looked up; an id without a name stays as it is). The chart's bars are labelled
 * by name; the CSV keeps its id column.
 */
export function withMemberNames(figures: Figure[], names: Record<string, string>, t: Messages): Figure[] {
  if (Object.keys(names).length === 0) return figures;
  return figures.map((f) => {
    if (f.id !== 'points.top') return f;
    const at = f.columns.findIndex((c) => c.key === 'rank') + 1;
    return {
      ...f,
      category: 'name',
      columns: [...f.columns.slice(0, at), { key: 'name', label: t.analytics.pointsMember, format: 'text' as const }, ...f.columns.slice(at)],
      rows: f.rows.map((r) => ({ ...r, name: names[String(r.memberId)] ?? `#${String(r.rank)}` })),
    };
  });
}
