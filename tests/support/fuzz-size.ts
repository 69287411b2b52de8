/**
 * How many random requests (or runs) a fuzz test makes: its environment variable when set, else the
 * CI size under CI=true (`.ci/run` sets it), else a smaller local default so a developer's run of one
 * file stays short. Both sizes are chosen per test and written beside it (docs/testing.md says why).
 * The random seed differs on every run and on each database pass, so the two passes of a CI run draw
 * different requests.
 */
export function fuzzSize(variable: string, sizes: { ci: number; local: number }): number {
  const set = process.env[variable];
  if (set !== undefined && set !== '') {
    const n = Number(set);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${variable}=${set}: a whole number of at least 1`);
    return n;
  }
  return process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0' ? sizes.ci : sizes.local;
}
