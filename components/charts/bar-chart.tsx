'use client';

import { formatNumber } from '@/lib/i18n/format';
import { useRouter } from 'next/navigation';
import { useSyncExternalStore, type ReactElement } from 'react';
import { useLocale } from 'next-intl';
import { Bar, BarChart, CartesianGrid, LabelList, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { maxOf, niceTicks } from './nice-ticks';
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
/** Rough rendered width of a 12px label: CJK characters are about twice as wide as Latin ones. */
const textWidth = (l: string) => [...l].reduce((w, ch) => w + (/[\u2E80-\uFFFF]/.test(ch) ? 12.5 : 7.6), 0);
const axisWidth = (labels: string[]) => Math.ceil(Math.min(200, Math.max(60, ...labels.map(textWidth)) + 8));
/** Row height so that a label wrapped by the axis still fits its row. */
function rowHeight(labels: string[], width: number, base = 28): number {
  const lines = Math.max(1, ...labels.map((l) => Math.ceil(textWidth(l) / (width - 8))));
  return Math.max(base, lines * 15 + 8);
}

/** Numbers in the reader's locale (zh-CN, en-GB), as everywhere else in the app. */
function useNumber() {
  const locale = useLocale();
  return (v: number) => formatNumber(v, locale);
}

/** Legend in series order, its text in ink (series colours are for the swatches only). */
const legendProps = {
  wrapperStyle: { fontSize: 12 },
  iconType: 'square' as const,
  itemSorter: null,
  formatter: (value: string) => <span style={{ color: INK }}>{value}</span>,
};

function useGo() {
  const router = useRouter();
  return (href?: string) => {
    if (href) router.push(href);
  };
}

const noSubscription = () => () => {};

/**
 * The chart's box, its height fixed on the server. The chart itself is drawn in the browser only:
 * ResponsiveContainer cannot measure on the server, where recharts would build its whole chart state
 * to draw nothing (issue #18: a large share of the dashboard's server time). The numbers are on the
 * page either way, in each chart's table (ChartFigure), rendered on the server.
 */
function ChartCanvas({ height, children }: { height: number; children: ReactElement }) {
  const inBrowser = useSyncExternalStore(noSubscription, () => true, () => false);
  return (
    <div aria-hidden="true" style={{ height }} className="chart-canvas">
      {inBrowser ? (
        <ResponsiveContainer width="100%" height="100%">
          {children}
        </ResponsiveContainer>
      ) : null}
    </div>
  );
}

/** Horizontal bars, one series, value printed at the end of each bar (readable in print). */
export function HorizontalBarChart({
  data,
  valueLabel,
  color = colorAt(0),
  format,
}: {
  data: BarDatum[];
  valueLabel: string;
  color?: string;
  format?: (v: number) => string;
}) {
  const go = useGo();
  const number = useNumber();
  const show = format ?? number;
  const ticks = niceTicks(Math.max(0, ...data.map((d) => d.value)));
  const width = axisWidth(data.map((d) => d.label));
  const height = Math.max(120, data.length * rowHeight(data.map((d) => d.label), width) + 36);
  return (
    <ChartCanvas height={height}>
      <BarChart accessibilityLayer={false} data={data} layout="vertical" margin={{ top: 4, right: 56, bottom: 4, left: 4 }}>
        <CartesianGrid horizontal={false} stroke={GRID} />
        <XAxis type="number" allowDecimals={false} tick={tick} ticks={ticks} domain={[0, ticks.at(-1)!]} tickFormatter={(v: number) => show(v)} />
        <YAxis type="category" dataKey="label" width={width} tick={{ ...tick, fill: INK }} interval={0} />
        <Tooltip formatter={(v) => [show(Number(v)), valueLabel]} cursor={{ fill: '#eef2f7' }} />
        <Bar
          dataKey="value"
          name={valueLabel}
          fill={color}
          isAnimationActive={false}
          style={{ cursor: 'pointer' }}
          onClick={(_, i) => go(data[i]?.href)}
        >
          <LabelList dataKey="value" position="right" formatter={(v) => show(Number(v))} style={{ fontSize: 11, fill: INK }} />
        </Bar>
      </BarChart>
    </ChartCanvas>
  );
}

const STACKED = { stackId: 'stack', stroke: '#ffffff', strokeWidth: 0.5 } as const;

/**
 * One bar per series, each clickable: a click opens the list behind that bar (the series' own link for the
 * row, else the row's). Called as a function, not a component, so recharts sees the <Bar>s as its children.
 */
function seriesBars(series: Series[], data: MultiDatum[], go: (href: string | undefined) => void, look: Partial<typeof STACKED> = {}) {
  return series.map((s) => (
    <Bar
      key={s.key}
      dataKey={s.key}
      name={s.label}
      {...look}
      fill={s.color}
      isAnimationActive={false}
      style={{ cursor: 'pointer' }}
      onClick={(_, i) => go(data[i]?.hrefs?.[s.key] ?? data[i]?.href)}
    />
  ));
}

/** Horizontal stacked bars: one row per category of the axis, one segment per series. */
export function StackedBarChart({ data, series }: { data: MultiDatum[]; series: Series[] }) {
  const go = useGo();
  const rows = data.map((d) => ({ key: d.key, label: d.label, ...d.values }));
  const number = useNumber();
  const ticks = niceTicks(maxOf(rows, series.map((s) => s.key), true));
  const width = axisWidth(data.map((d) => d.label));
  const height = Math.max(160, data.length * rowHeight(data.map((d) => d.label), width, 30) + 90);
  return (
    <ChartCanvas height={height}>
      <BarChart accessibilityLayer={false} data={rows} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 4 }}>
        <CartesianGrid horizontal={false} stroke={GRID} />
        <XAxis type="number" allowDecimals={false} tick={tick} ticks={ticks} domain={[0, ticks.at(-1)!]} tickFormatter={(v: number) => number(v)} />
        <YAxis type="category" dataKey="label" width={width} tick={{ ...tick, fill: INK }} interval={0} />
        <Tooltip cursor={{ fill: '#eef2f7' }} formatter={(v) => number(Number(v))} />
        <Legend {...legendProps} />
        {seriesBars(series, data, go, STACKED)}
      </BarChart>
    </ChartCanvas>
  );
}

/** Vertical bars over an ordered axis (months, day ranges); several series side by side. */
export function ColumnChart({ data, series, height = 240, everyLabel = false }: { data: MultiDatum[]; series: Series[]; height?: number; everyLabel?: boolean }) {
  const go = useGo();
  const rows = data.map((d) => ({ key: d.key, label: d.label, ...d.values }));
  const number = useNumber();
  const ticks = niceTicks(maxOf(rows, series.map((s) => s.key), false));
  return (
    <ChartCanvas height={height}>
      <BarChart accessibilityLayer={false} data={rows} margin={{ top: 8, right: 8, bottom: 4, left: 0 }}>
        <CartesianGrid vertical={false} stroke={GRID} />
        <XAxis dataKey="label" tick={{ ...tick, fontSize: everyLabel ? 11 : 12 }} interval={everyLabel ? 0 : 'preserveStartEnd'} />
        <YAxis allowDecimals={false} tick={tick} width={48} ticks={ticks} domain={[0, ticks.at(-1)!]} tickFormatter={(v: number) => number(v)} />
        <Tooltip cursor={{ fill: '#eef2f7' }} formatter={(v) => number(Number(v))} />
        {series.length > 1 ? <Legend {...legendProps} /> : null}
        {seriesBars(series, data, go)}
      </BarChart>
    </ChartCanvas>
  );
}
