import { parse } from 'csv-parse/sync';
import { expect, test } from './fixtures';
import { resultsFile } from './imports/results-file';

/**
 * Cancelling an import (issue #14): a large import is running; on the imports page the inspector
 * presses its Cancel button, confirms in the dialog, and sees the job cancelled — with nothing of
 * the file written (its apps are nowhere in the registry).
 */
test('an inspector cancels a running import from the imports page: it shows cancelled and nothing was applied', async ({ page, loginAs }) => {
  test.setTimeout(240_000);
  const file = resultsFile(30_000);
  const [first] = parse(file.csv, { columns: true, to: 1 }) as { subject_name: string }[];
  await loginAs('inspector', '/imports');
  await page.context().addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: page.url() }]);
  const res = await page.request.post('/api/v1/imports?filename=cancel-me.csv', { headers: { 'content-type': 'text/csv' }, data: file.csv, timeout: 120_000 });
  expect(res.status()).toBe(202);
  const { job } = (await res.json()) as { job: { id: number } };

  await page.goto('/imports');
  const row = page.getByTestId(`import-row-${job.id}`);
  await expect(row.getByText(/^(Queued|Running)$/)).toBeVisible();
  await row.getByRole('button', { name: 'Cancel cancel-me.csv' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Cancel the import of cancel-me.csv?' });
  await expect(dialog).toContainText('Nothing from this file will be written.');
  await dialog.getByRole('button', { name: 'Cancel the import' }).click();
  await expect(row.getByText('Cancelled', { exact: true })).toBeVisible({ timeout: 90_000 });
  await expect(row.getByRole('button', { name: /^Cancel/ })).toHaveCount(0);

  // The job's own page says so, and the registry has none of the file's apps.
  await row.getByRole('link', { name: 'cancel-me.csv' }).click();
  await expect(page.getByTestId('import-cancelled')).toHaveText('The import was cancelled; nothing was applied.');
  const after = (await (await page.request.get(`/api/v1/imports/${job.id}`)).json()) as { job: { status: string; error: string; counts: { created: { findings: number } } } };
  expect(after.job).toMatchObject({ status: 'cancelled', error: 'cancelled: nothing was applied' });
  expect(after.job.counts.created.findings).toBe(0);
  const subjects = (await (await page.request.get(`/api/v1/subjects?q=${encodeURIComponent(first!.subject_name)}`)).json()) as { items: { name: string }[] };
  expect(subjects.items.filter((s) => s.name === first!.subject_name)).toEqual([]);
});
