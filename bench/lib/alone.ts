import type { Db } from '../../db/client';
import { ensureBenchDataset } from '../dataset';
import { BENCH_URL, isMain, machineInfo, redactUrl, writeBenchJson } from './output';

/**
 * A benchmark script run by itself (`npx tsx bench/<name>.ts`): on the shared data set, its figures
 * written to bench/results/<file>.json. Does nothing when the module is imported (by bench/run.ts).
 */
export function runAloneIfMain(moduleUrl: string, file: string, measure: (db: Db) => Promise<object>): void {
  if (!isMain(moduleUrl)) return;
  const run = async () => {
    const dataset = await ensureBenchDataset(BENCH_URL);
    try {
      const result = await measure(dataset.db);
      writeBenchJson(`results/${file}.json`, { at: new Date().toISOString(), database: redactUrl(BENCH_URL), machine: machineInfo(), counts: dataset.counts, ...result });
    } finally {
      await dataset.close();
    }
  };
  run().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
