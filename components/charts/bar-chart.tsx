'use client';

import { useRouter } from 'next/navigation';
import { Bar, BarChart, CartesianGrid, LabelList, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { colorAt, GRID, INK, MUTED } from './palette';

export interface BarDatum {
  key: string;
  label: string;
  value: number;
  /** Where a click on the bar leads (the case list, filtered). */
  href?: string;
}

export interface Series {
  key: string;
  label: string;
  color: string;
}

export interface MultiDatum {
  key: string;
  label: string;
  values: Record<string, number>;
  /** Per series; `href` for the whole row otherwise. */
  hrefs?: Record<string, string>;
  href?: string;
}

const tick = { fontSize: 12, fill: MUTED };
const axisWidth = (labels: string[]) => Math.min(190, Math.max(70, Math.max(0, ...labels.map((l) => l.length)) * 11));

function useGo() {
  const router = useRouter();
  return (href?: string) => {
    if (href) router.push(href);
  };
}

/** Horizontal bars, one series, value printed at the end of each bar (readable in print). */
export function HorizontalBarChart({
  data,
  valueLabel,
  color = colorAt(0),
  format = (v: number) => v.toLocaleString(),
}: {
  data: BarDatum[];
  valueLabel: string;
  color?: string;
  format?: (v: number) => string;
}) {
  const go = useGo();
  const height = Math.max(120, data.length * 28 + 36);
  return (
    <div aria-hidden="true" style={{ height }} className="chart-canvas">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 56, bottom: 4, left: 4 }}>
          <CartesianGrid horizontal={false} stroke={GRID} />
          <XAxis type="number" allowDecimals={false} tick={tick} tickFormatter={(v: number) => format(v)} />
          <YAxis type="category" dataKey="label" width={axisWidth(data.map((d) => d.label))} tick={{ ...tick, fill: INK }} interval={0} />
          <Tooltip formatter={(v) => [format(Number(v)), valueLabel]} cursor={{ fill: '#eef2f7' }} />
          <Bar
            dataKey="value"
            name={valueLabel}
            fill={color}
            isAnimationActive={false}
            style={{ cursor: 'pointer' }}
            onClick={(_, i) => go(data[i]?.href)}
          >
            <LabelList dataKey="value" position="right" formatter={(v) => format(Number(v))} style={{ fontSize: 11, fill: INK }} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Horizontal stacked bars: one row per category of the axis, one segment per series. */
export function StackedBarChart({ data, series }: { data: MultiDatum[]; series: Series[] }) {
  const go = useGo();
  const rows = data.map((d) => ({ key: d.key, label: d.label, ...d.values }));
  const height = Math.max(160, data.length * 30 + 90);
  return (
    <div aria-hidden="true" style={{ height }} className="chart-canvas">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 4 }}>
          <CartesianGrid horizontal={false} stroke={GRID} />
          <XAxis type="number" allowDecimals={false} tick={tick} />
          <YAxis type="category" dataKey="label" width={axisWidth(data.map((d) => d.label))} tick={{ ...tick, fill: INK }} interval={0} />
          <Tooltip cursor={{ fill: '#eef2f7' }} />
          <Legend wrapperStyle={{ fontSize: 12 }} iconType="square" />
          {series.map((s) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.label}
              stackId="stack"
              fill={s.color}
              stroke="#ffffff"
              strokeWidth={0.5}
              isAnimationActive={false}
              style={{ cursor: 'pointer' }}
              onClick={(_, i) => go(data[i]?.hrefs?.[s.key] ?? data[i]?.href)}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Vertical bars over an ordered axis (months, day ranges); several series side by side. */
export function ColumnChart({ data, series, height = 240 }: { data: MultiDatum[]; series: Series[]; height?: number }) {
  const go = useGo();
  const rows = data.map((d) => ({ key: d.key, label: d.label, ...d.values }));
  return (
    <div aria-hidden="true" style={{ height }} className="chart-canvas">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 4, left: 0 }}>
          <CartesianGrid vertical={false} stroke={GRID} />
          <XAxis dataKey="label" tick={tick} interval="preserveStartEnd" />
          <YAxis allowDecimals={false} tick={tick} width={48} />
          <Tooltip cursor={{ fill: '#eef2f7' }} />
          {series.length > 1 ? <Legend wrapperStyle={{ fontSize: 12 }} iconType="square" /> : null}
          {series.map((s) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.label}
              fill={s.color}
              isAnimationActive={false}
              style={{ cursor: 'pointer' }}
              onClick={(_, i) => go(data[i]?.hrefs?.[s.key] ?? data[i]?.href)}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
