import { describe, expect, it } from 'vitest';
import { niceTicks } from '@/components/charts/nice-ticks';

describe('nice axis ticks', () => {
  it('steps of 1, 2, 2.5 or 5 × 10ⁿ from 0 up to at least the largest value', () => {
    expect(niceTicks(285)).toEqual([0, 100, 200, 300]);
    expect(niceTicks(240)).toEqual([0, 100, 200, 300]);
    expect(niceTicks(112)).toEqual([0, 50, 100, 150]);
    expect(niceTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(1)).toEqual([0, 1]);
    expect(niceTicks(0)).toEqual([0, 1]);
    for (const max of [3, 13, 95, 190, 1336, 440000]) {
      const ticks = niceTicks(max);
      const step = ticks[1]! - ticks[0]!;
      expect(ticks[0]).toBe(0);
      expect(ticks.at(-1)!).toBeGreaterThanOrEqual(max);
      expect(ticks.length).toBeLessThanOrEqual(6);
      expect(step / 10 ** Math.floor(Math.log10(step))).toSatisfy((m: number) => [1, 2, 2.5, 5].includes(m));
      ticks.forEach((t, i) => expect(t).toBe(i * step));
    }
  });
});
