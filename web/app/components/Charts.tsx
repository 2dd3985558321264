// Recharts draws SVG in the browser only; on the server (and before hydration) the chart area
// keeps its size and the data tables next to it carry the same figures.
import { Bar, BarChart, CartesianGrid, Cell, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useT } from '../i18n/use-t';
import { STAGE_COLOURS, STAGES, type Stage } from '../lib/stages';
import { useHydrated } from '../lib/use-hydrated';
import { useNarrow } from '../lib/use-narrow';

function ChartFrame({ label, height, children, testId }: { label: string; height: number; children: React.ReactNode; testId: string }) {
  const hydrated = useHydrated();
  return (
    <figure className="chart" role="img" aria-label={label} style={{ height }} data-testid={testId}>
      {hydrated ? children : null}
    </figure>
  );
}

export function StageChart({ byStage, label }: { byStage: Record<Stage, number>; label: string }) {
  const t = useT();
  const narrow = useNarrow();
  const rows = STAGES.map((s) => ({ stage: t.stages[s] ?? s, count: byStage[s], fill: STAGE_COLOURS[s] }));
  return (
    <ChartFrame label={label} height={280} testId="chart-stage">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="stage" tick={{ fontSize: narrow ? 11 : 13 }} interval={0} angle={narrow ? -30 : 0} textAnchor={narrow ? 'end' : 'middle'} height={narrow ? 48 : 30} />
          <YAxis allowDecimals={false} width={48} />
          <Tooltip />
          <Bar dataKey="count" name={t.dashboard.count} isAnimationActive={false}>
            {rows.map((r) => (
              <Cell key={r.stage} fill={r.fill} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

export function UnitChart({ units, label }: { units: Array<{ name: string; byStage: Record<Stage, number> }>; label: string }) {
  const t = useT();
  const narrow = useNarrow();
  const rows = units.map((u) => ({ name: u.name, ...u.byStage }));
  const height = Math.max(220, 56 + rows.length * 34);
  return (
    <ChartFrame label={label} height={height} testId="chart-units">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="name" width={narrow ? 96 : 132} tick={{ fontSize: narrow ? 11 : 12 }} />
          <Tooltip />
          <Legend itemSorter={null} />
          {STAGES.map((s) => (
            <Bar key={s} dataKey={s} name={t.stages[s] ?? s} stackId="stage" fill={STAGE_COLOURS[s]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
