/**
 * `npm run bench`: every benchmark on one data set at DESIGN §8 scale, on a real Postgres.
 *
 *   BENCH_DATABASE_URL=postgres://…/rectify_bench npm run bench      (default: the local server)
 *
 * 1. bench/dataset.ts generates the data set once (1M subjects, 5M findings; reused when present).
 * 2. Each figure is measured against its baseline in the same run:
 *    - the import of a 1M-row file        vs a raw COPY of the same file into an unindexed table (goal ≤ 2×)
 *    - each stats endpoint                vs the naive GROUP BY over the base tables             (goal ≤ 0.2×)
 *    - the case list's page 10,000        vs its page 1                                           (goal ≤ 1.5×)
 *    - the full repeat-offender recompute vs one aggregate scan over the findings
 *    - the import's peak memory                                                                  (goal < 512 MB)
 * 3. Writes bench/results.json (the summary with every goal) and bench/results/<name>.json (details).
 * BENCH_ONLY=stats,lists,offenders,import runs a subset (its figures replace those in bench/results.json,
 * the others stay, each with its own `at`); BENCH_IMPORT_ROWS changes the file size.
 */
import { benchCaseList } from './cases-list';
import { ensureBenchDataset } from './dataset';
import { benchImport } from './import';
import fs from 'node:fs';
import path from 'node:path';
import { BENCH_URL, machineInfo, redactUrl, writeBenchJson } from './lib/output';
import { benchLog } from './lib/timing';
import { benchOffenders } from './offenders';
import { benchStats } from './stats';
import { benchSubjectList } from './subjects-list';

const only = new Set((process.env.BENCH_ONLY ?? 'stats,lists,offenders,import').split(',').map((s) => s.trim()));
const importRows = Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000);

/** The figures of the last run, kept for the parts a BENCH_ONLY run does not measure again. */
function previousResults(): Record<string, unknown> {
  const file = path.join(process.cwd(), 'bench', 'results.json');
  if (!fs.existsSync(file)) return {};
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { results?: Record<string, unknown> }).results ?? {};
}

async function main() {
  const started = Date.now();
  const machineBefore = machineInfo();
  const dataset = await ensureBenchDataset(BENCH_URL);
  const results: Record<string, unknown> = previousResults();
  const stamp = <T extends object>(figures: T) => ({ at: new Date().toISOString(), loadAverage: machineInfo().loadAverage, ...figures });
  try {
    if (only.has('stats')) results.stats = stamp(await benchStats(dataset.db));
    if (only.has('lists')) {
      results.caseList = stamp(await benchCaseList(dataset.db));
      results.subjectList = stamp(await benchSubjectList(dataset.db));
    }
    if (only.has('offenders')) results.offenders = stamp(await benchOffenders(dataset.db));
  } finally {
    await dataset.close();
  }
  if (only.has('import')) results.import = stamp(await benchImport({ url: BENCH_URL, rows: importRows }));

  const summary = {
    at: new Date().toISOString(),
    command: 'npm run bench',
    database: redactUrl(BENCH_URL),
    machine: { before: machineBefore, after: machineInfo() },
    dataset: dataset.counts,
    minutes: +((Date.now() - started) / 60_000).toFixed(1),
    results,
  };
  writeBenchJson('results.json', summary);
  // The details of each part beside it, as its own script writes them (import.ts writes its own).
  const detail: Record<string, string> = { stats: 'stats', caseList: 'cases-list', subjectList: 'subjects-list', offenders: 'offenders' };
  for (const [name, file] of Object.entries(detail)) {
    if (only.has(name === 'caseList' || name === 'subjectList' ? 'lists' : name) && results[name]) {
      writeBenchJson(`results/${file}.json`, { command: 'npm run bench', database: summary.database, dataset: dataset.counts, ...(results[name] as object) });
    }
  }
  for (const [name, value] of Object.entries(results)) {
    const v = value as { goal?: string; met?: boolean };
    if (v.goal) benchLog(`${name}: ${v.goal} — ${v.met ? 'met' : 'NOT met'}`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
