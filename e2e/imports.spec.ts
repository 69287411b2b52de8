import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Locator, Page } from '@playwright/test';
import { expect, expectAccessible, SCREENSHOTS, shot, test, chooseLocale } from './fixtures';
import { resultsFile } from './imports/results-file';

/**
 * The import page (DESIGN §7, issue #8): an inspector uploads a generated results file as a dry run
 * and then for real, reads the report, downloads the rejected rows, and a second upload of the same
 * file finds every valid row already known.
 */
/** A full-page screenshot, on request (E2E_SCREENSHOTS). */
const shoot = (page: Page, name: string) => shot(page, `imports-${name}`, { fullPage: true });

/**
 * Records every value the job's progress bar shows from now on. The bar is there only while the job is
 * queued or running, and a small file can finish between two of Playwright's checks (it did, on a busy
 * machine): the page's own MutationObserver sees each render instead.
 */
async function watchJobBar(page: Page): Promise<() => Promise<(string | null)[]>> {
  await page.evaluate(() => {
    const seen: (string | null)[] = [];
    (window as unknown as { jobBarValues: (string | null)[] }).jobBarValues = seen;
    const record = () => {
      const bar = document.querySelector('[data-testid="job-progress"]');
      if (bar) seen.push(bar.getAttribute('value'));
    };
    record();
    new MutationObserver(record).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  return () => page.evaluate(() => (window as unknown as { jobBarValues: (string | null)[] }).jobBarValues);
}
const cell = (row: Locator) => row.locator('td').last();

async function expectCounts(page: Page, created: Record<string, number>, known: number, rejected: number) {
  for (const [entity, n] of Object.entries(created)) await expect(cell(page.getByTestId(`created-${entity}`)), entity).toHaveText(String(n));
  await expect(cell(page.getByTestId('known-rows'))).toHaveText(String(known));
  await expect(cell(page.getByTestId('rejected-rows'))).toHaveText(String(rejected));
}

test('an inspector imports a results file: dry run, for real, rejected rows downloaded, then everything already known', async ({ page, loginAs }) => {
  test.setTimeout(240_000);
  const file = resultsFile(400);
  const none = { operators: 0, subjects: 0, inspections: 0, findings: 0, cases: 0 };
  await loginAs('inspector', null);
  await chooseLocale(page, 'en');
  await page.goto('/imports');
  await page.waitForLoadState('networkidle');
  await expect(page.getByRole('heading', { level: 1, name: 'Imports' })).toBeVisible();
  await expectAccessible(page);

  // Refusals appear next to the field: no file chosen (checked in the browser), a format the server refuses (415).
  const submitDry = page.getByRole('button', { name: 'Check the file' });
  await submitDry.click();
  await expect(page.locator('#import-file-error')).toHaveText('Choose a .csv or .ndjson file first.');
  await page.setInputFiles('#import-file', { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a results file') });
  await submitDry.click();
  await expect(page.locator('#import-file-error')).toHaveText(/csv|ndjson|format/i);
  await expect(page.locator('#import-file')).toHaveAttribute('aria-invalid', 'true');

  // Dry run (on by default): the job's progress bar shows with a value, then the report of what would happen.
  await page.setInputFiles('#import-file', { name: 'results.csv', mimeType: 'text/csv', buffer: Buffer.from(file.csv) });
  await expect(page.getByLabel('Dry run (check only, change nothing)')).toBeChecked();
  const jobBarValues = await watchJobBar(page);
  await submitDry.click();
  // The bar showed, with a percentage (queued or validating; applying is indeterminate).
  await expect.poll(jobBarValues).toContainEqual(expect.stringMatching(/^\d{1,3}$/));
  await shoot(page, 'upload-in-progress-en');
  await expect(page.getByTestId('upload-progress')).toHaveAttribute('value', '100');
  const job = page.getByTestId('import-job');
  await expect(job).toHaveAttribute('data-status', 'succeeded', { timeout: 90_000 });
  await expect(page.getByTestId('import-summary')).toContainText('Dry run, nothing was written');
  await expectCounts(page, file.created, 0, file.bad.length);
  const rejections = page.getByRole('table', { name: 'Rejected rows with their line, column and reason' });
  for (const bad of file.bad) {
    const row = rejections.locator('tr').filter({ has: page.getByRole('cell', { name: String(bad.line), exact: true }) });
    await expect(row.locator('td').nth(1)).toHaveText(bad.column);
    await expect(row.locator('td').nth(2)).toHaveText(bad.reason);
  }

  // For real, with the same File: the dry run wrote nothing, so the same records are created now.
  await page.getByRole('button', { name: 'Run it for real: import results.csv' }).click();
  await expect(job).toHaveAttribute('data-status', /queued|running/);
  await expect(job).toHaveAttribute('data-status', 'succeeded', { timeout: 90_000 });
  await expect(page.getByTestId('import-summary')).not.toContainText('Dry run');
  await expectCounts(page, file.created, 0, file.bad.length);
  await expectAccessible(page);
  await shoot(page, 'report-en');

  // The rejected rows as CSV: line, column, reason and the raw row, one line per rejection.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download rejected rows (CSV)' }).click()]);
  const text = fs.readFileSync((await download.path())!, 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const records = parse(text, { bom: true }) as string[][];
  expect(records[0]).toEqual(['line', 'column', 'reason', 'raw']);
  expect(records.slice(1).map((r) => [Number(r[0]), r[1]])).toEqual(file.bad.map((b) => [b.line, b.column]));
  records.slice(1).forEach((r, i) => {
    expect(r[2]).toMatch(file.bad[i]!.reason);
    expect(r[3]).toContain(`e2e-`); // the raw row as it was in the file
  });

  // The same file again, for real: nothing new, every valid row already known.
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(job).toHaveAttribute('data-status', 'succeeded', { timeout: 90_000 });
  await expectCounts(page, none, file.good, file.bad.length);

  // The list shows the three jobs; the job page shows the same report.
  const reportLink = page.getByRole('link', { name: 'Open this report' });
  const href = await reportLink.getAttribute('href');
  await page.goto('/imports');
  await expect(page.getByRole('table', { name: 'Recent imports' }).getByRole('link', { name: 'results.csv' })).toHaveCount(3);
  await shoot(page, 'list-en');
  await page.goto(href!);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Import #${href!.split('/').pop()}`);
  await expectCounts(page, none, file.good, file.bad.length);
  await expectAccessible(page);
  await shoot(page, 'job-en');
});

test('the example CSV offered on the page imports cleanly', async ({ page, loginAs }) => {
  await loginAs('inspector', null);
  const example = await page.request.get('/imports/example.csv');
  expect(example.status()).toBe(200);
  const res = await page.request.post('/api/v1/imports', {
    multipart: { file: { name: 'example.csv', mimeType: 'text/csv', buffer: await example.body() }, dryRun: 'true' },
  });
  expect(res.status()).toBe(202);
  const { job } = await res.json();
  await expect.poll(async () => (await (await page.request.get(`/api/v1/imports/${job.id}`)).json()).job.status, { timeout: 60_000 }).toBe('succeeded');
  const { job: done, rejections } = await (await page.request.get(`/api/v1/imports/${job.id}`)).json();
  expect(rejections).toEqual([]);
  expect(done.counts.rejected).toBe(0);
  expect(done.counts.created.findings).toBe(4);
});

test('the import page in Chinese: an upload in progress and its report', async ({ page, loginAs }) => {
  test.setTimeout(180_000);
  const file = resultsFile(1600); // large enough to catch it validating or applying (best effort)
  await loginAs('inspector', null);
  await chooseLocale(page, 'zh');
  await page.goto('/imports');
  await page.waitForLoadState('networkidle');
  await expect(page.getByRole('heading', { level: 1, name: '批量导入' })).toBeVisible();
  await shoot(page, 'list-zh');
  await page.setInputFiles('#import-file', { name: '检测结果.csv', mimeType: 'text/csv', buffer: Buffer.from(file.csv) });
  const jobBarValues = await watchJobBar(page);
  await page.getByRole('button', { name: '校验文件' }).click();
  await expect.poll(async () => (await jobBarValues()).length).toBeGreaterThan(0);
  if (SCREENSHOTS) {
    // For the picture only: the job caught validating or applying (best effort).
    await page.locator('[data-testid="import-job"][data-phase="validating"], [data-testid="import-job"][data-phase="applying"]').waitFor({ timeout: 10_000 }).catch(() => undefined);
    await shoot(page, 'upload-in-progress-zh');
  }
  await expect(page.getByTestId('import-job')).toHaveAttribute('data-status', 'succeeded', { timeout: 90_000 });
  await expectCounts(page, file.created, 0, file.bad.length);
  await expect(page.getByRole('link', { name: '下载被拒绝的行（CSV）' })).toBeVisible();
  await expectAccessible(page);
  await shoot(page, 'report-zh');
});
