/** Timing helpers shared by every benchmark: medians of repeated runs, and ratios against a baseline. */
export interface Timing {
  medianMs: number;
  runsMs: number[];
}

/** Runs `fn` once to warm caches and plans, then `runs` times; the median and every run, in ms. */
export async function timeMedian(fn: () => Promise<unknown>, runs = 5): Promise<Timing> {
  await fn();
  const runsMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    runsMs.push(+(performance.now() - started).toFixed(2));
  }
  const sorted = [...runsMs].sort((a, b) => a - b);
  return { medianMs: sorted[Math.floor(runs / 2)]!, runsMs };
}

/** Times one call (no warm-up): for operations that change state or take minutes. */
export async function timeOnce<T>(label: string, fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await fn();
  const ms = Math.round(performance.now() - started);
  benchLog(`${label}: ${ms} ms`);
  return { ms, result };
}

/** `measured / baseline`, rounded for reports. */
export const ratio = (measured: number, baseline: number) => +(measured / baseline).toFixed(4);

export const benchLog = (message: string) => console.log(`[bench] ${message}`);
