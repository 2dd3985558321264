// Recharts draws SVG in the browser only; on the server (and before hydration) the chart area
// keeps its size, and each figure's data table (DashboardFigure) carries the same numbers.
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  Line,
  LineChart,
  Pie,
  PieChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { Figure } from '../lib/analytics';
import { STAGE_COLOURS, isStage } from '../lib/stages';
import { useHydrated } from '../lib/use-hydrated';
import { useNarrow } from '../lib/use-narrow';

/** Colours that stay apart on white and for colour-blind readers (Tableau 10, darkened). */
export const PALETTE = ['#1f6fb2', '#c26a00', '#0e8a6a', '#b3121b', '#7a5195', '#5f6b00', '#a63d7a', '#4b5563', '#0f766e', '#8a4b08'];

function colourOf(key: string, i: number): string {
  return isStage(key) ? STAGE_COLOURS[key] : PALETTE[i % PALETTE.length]!;
}

/**
 * Draws its chart once hydrated and near the viewport: a dashboard holds two dozen charts, and
 * drawing them all at once keeps a slow phone busy for seconds. `eager` charts draw right away.
 */
function ChartFrame({ label, height, children, testId, eager }: { label: string; height: number; children: React.ReactNode; testId: string; eager: boolean }) {
  const hydrated = useHydrated();
  const ref = useRef<HTMLElement>(null);
  const [near, setNear] = useState(eager);
  useEffect(() => {
    if (near) return;
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') {
      setNear(true);
      return;
    }
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), { rootMargin: '300px 0px' });
    io.observe(el);
    return () => io.disconnect();
  }, [near]);
  return (
    <figure ref={ref} className="chart" role="img" aria-label={label} style={{ height }} data-testid={testId} data-drawn={hydrated && near ? 'true' : 'false'}>
      {hydrated && near ? children : null}
    </figure>
  );
}

/** The chart of one dashboard figure, by its kind. */
export function FigureChart({
  figure,
  label,
  testId,
  eager = false,
  drillHref,
}: {
  figure: Figure;
  label: string;
  testId: string;
  eager?: boolean;
  /** For per-unit figures: where clicking a unit's bar leads (that unit's dashboard, as the table's links do). */
  drillHref?: (unitId: string) => string;
}) {
  const narrow = useNarrow();
  const navigate = useNavigate();
  // A bar of a per-unit figure drills down: the row carries the unit's id (else its index in unitIds).
  const onBar =
    drillHref && figure.unitIds
      ? (entry: unknown, index: number) => {
          const row = (entry as { payload?: Record<string, unknown> } | null)?.payload;
          const unitId = typeof row?.unitId === 'string' ? row.unitId : figure.unitIds?.[index];
          if (unitId) void navigate(drillHref(unitId));
        }
      : undefined;
  const barCursor = onBar ? { cursor: 'pointer' } : undefined;
  const labelOf = (key: string) => figure.columns.find((c) => c.key === key)?.label ?? key;
  const tick = { fontSize: narrow ? 11 : 12 };
  // A tooltip naming a unit or a member shows user data: isolated, like the table's cells.
  const tooltip = figure.category === 'unit' || figure.category === 'name' ? { labelFormatter: (l: unknown) => <bdi>{String(l)}</bdi> } : {};

  if (figure.chart === 'pie') {
    const key = figure.series[0]!;
    const rows = figure.rows.map((r) => ({ name: String(r[figure.category]), value: Number(r[key] ?? 0), code: String(r.code ?? r[figure.category]) }));
    return (
      <ChartFrame label={label} height={narrow ? 260 : 280} testId={testId} eager={eager}>
        <ResponsiveContainer width="100%" height="100%">
          <PieChart>
            <Pie data={rows} dataKey="value" nameKey="name" outerRadius={narrow ? 80 : 95} isAnimationActive={false} label={!narrow}>
              {rows.map((r, i) => (
                <Cell key={r.code} fill={colourOf(r.code, i)} />
              ))}
            </Pie>
            <Tooltip />
            <Legend />
          </PieChart>
        </ResponsiveContainer>
      </ChartFrame>
    );
  }

  if (figure.chart === 'line') {
    return (
      <ChartFrame label={label} height={280} testId={testId} eager={eager}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={figure.rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey={figure.category} tick={tick} />
            <YAxis allowDecimals={false} width={48} tick={tick} />
            <Tooltip {...tooltip} />
            <Legend />
            {figure.series.map((s, i) => (
              <Line key={s} type="linear" dataKey={s} name={labelOf(s)} stroke={colourOf(s, i)} strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </ChartFrame>
    );
  }

  if (figure.chart === 'stacked') {
    const height = Math.max(220, 56 + figure.rows.length * 34);
    return (
      <ChartFrame label={label} height={height} testId={testId} eager={eager}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={figure.rows} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey={figure.category} width={narrow ? 96 : 132} tick={tick} />
            <Tooltip {...tooltip} />
            <Legend itemSorter={null} />
            {figure.series.map((s, i) => (
              <Bar key={s} dataKey={s} name={labelOf(s)} stackId="stack" fill={colourOf(s, i)} isAnimationActive={false} onClick={onBar} style={barCursor} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </ChartFrame>
    );
  }

  // Bars: one series is coloured per category (stages keep their colours), several per series.
  const single = figure.series.length === 1;
  return (
    <ChartFrame label={label} height={280} testId={testId} eager={eager}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={figure.rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey={figure.category} tick={tick} interval={0} angle={narrow ? -30 : 0} textAnchor={narrow ? 'end' : 'middle'} height={narrow ? 52 : 30} />
          <YAxis allowDecimals={false} width={48} tick={tick} />
          <Tooltip {...tooltip} />
          {single ? null : <Legend />}
          {figure.series.map((s, i) => (
            <Bar key={s} dataKey={s} name={labelOf(s)} fill={colourOf(s, i)} isAnimationActive={false} onClick={onBar} style={barCursor}>
              {single ? figure.rows.map((r, j) => <Cell key={String(r[figure.category])} fill={colourOf(String(r.code ?? ''), j)} />) : null}
            </Bar>
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
