'use client';

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { colorAt } from './palette';

export interface BarDatum {
  key: string;
  label: string;
  value: number;
}

/** A horizontal bar chart; its numbers are always also given as a table by the caller (ChartFigure). */
export function HorizontalBarChart({ data, valueLabel }: { data: BarDatum[]; valueLabel: string }) {
  const height = Math.max(160, data.length * 30 + 40);
  return (
    <div aria-hidden="true" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" accessibilityLayer={false} margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
          <CartesianGrid horizontal={false} stroke="#e5e9ef" />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12, fill: '#55606e' }} />
          <YAxis type="category" dataKey="label" width={150} tick={{ fontSize: 12, fill: '#1b2430' }} />
          <Tooltip formatter={(v) => [v, valueLabel]} cursor={{ fill: '#eef2f7' }} />
          <Bar dataKey="value" name={valueLabel} fill={colorAt(0)} radius={[0, 3, 3, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
