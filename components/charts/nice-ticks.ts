/**
 * Axis ticks a reader can take in at a glance: 0 and equal steps of 1, 2, 2.5 or 5 × 10ⁿ, the last
 * at or above `max` (0/50/100/150/200/250, never 0/95/190/285), about `count` of them.
 */
export function niceTicks(max: number, count = 5): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / Math.max(1, count - 1);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw && (s >= 1 || Number.isInteger(1 / s)))!;
  const whole = Math.max(1, step < 1 ? 1 : step);
  const top = Math.ceil(max / whole) * whole;
  const ticks: number[] = [];
  for (let v = 0; v <= top + whole / 2; v += whole) ticks.push(Math.round(v * 1000) / 1000);
  return ticks;
}

/** The largest total of one row of a chart (the stacked bars' sum, or the largest single series). */
export function maxOf(rows: Record<string, unknown>[], keys: string[], stacked: boolean): number {
  let max = 0;
  for (const r of rows) {
    const values = keys.map((k) => Number(r[k] ?? 0));
    max = Math.max(max, stacked ? values.reduce((a, b) => a + b, 0) : Math.max(0, ...values));
  }
  return max;
}
