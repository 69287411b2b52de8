/**
 * A child process that imports one file into a Postgres database and can be SIGKILLed midway
 * (tests/support/kill-check.ts):  tsx tests/support/import-child.ts <url> <file> [pauseAfterStep]
 * Prints `JOB <id>`, `APPLYING <ms>`, `STEP <name> <ms>` after each apply step, `PEAK <VmHWM kB>` and
 * `DONE <counts>`. IMPORT_DRY_RUN=1 makes it a dry run. With a pause step it
 * sleeps there (inside the open apply transaction) until killed.
 */
import fs from 'node:fs';
import { openPostgres } from '../../db/client';
import { createImportJob } from '../../lib/imports/jobs';
import { runImportJob } from '../../lib/imports/run';

async function main() {
  const [url, file, pauseAt] = process.argv.slice(2);
  const handle = await openPostgres(url!, { max: 3 });
  const dryRun = process.env.IMPORT_DRY_RUN === '1';
  const job = await createImportJob(handle.db, null, { format: 'csv', filename: 'kill-check.csv', dryRun, fileBytes: 0 }, fs.createReadStream(file!, { highWaterMark: 1024 * 1024 }));
  console.log(`JOB ${job.id}`);
  const t0 = Date.now();
  const counts = await runImportJob(handle, {
    jobId: job.id, format: 'csv', filename: 'kill-check.csv', dryRun, actor: null,
    onApplying: () => console.log(`APPLYING ${Date.now() - t0}`),
    onStep: async (step) => {
      console.log(`STEP ${step} ${Date.now() - t0}`);
      if (step === pauseAt) await new Promise((r) => setTimeout(r, 600_000));
    },
  });
  const peak = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1];
  console.log(`PEAK ${peak ?? 0}`);
  console.log(`DONE ${JSON.stringify(counts)}`);
  await handle.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
