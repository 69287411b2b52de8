import type { Page } from '@playwright/test';
import pg from 'pg';
import { openPostgres } from '../db/client';
import { openCaseForInspection } from '../lib/cases/open';
import { E2E_DATABASE, expect, expectAccessible, newCase, officeDay, test } from './fixtures';


/** Opens a case of the test's own (newCase) in `state`, and returns its id: tests that change a case change their own. */
async function openOwnCase(page: Page, state: 'open' | 'ordered' | 'rectified'): Promise<number> {
  const id = await newCase(page.request, state);
  await page.goto(`/cases/${id}`);
  return id;
}

/** Opens the first case the list shows for `query` and returns its id. */
async function openFirstCase(page: Page, query: string): Promise<number> {
  await page.goto(`/cases${query}`);
  const row = page.locator('[data-testid="case-table"] tbody tr').first();
  const id = Number(await row.getAttribute('data-case-id'));
  // The row's link navigates in the page, as next/link did (components/ui/soft-links.tsx): no reload.
  await page.evaluate(() => Object.assign(window, { rectifyNoReload: true }));
  await row.getByRole('link', { name: `#${id}` }).click();
  await page.waitForURL(`**/cases/${id}`);
  expect(await page.evaluate(() => (window as unknown as { rectifyNoReload?: boolean }).rectifyNoReload)).toBe(true);
  return id;
}

const stateOf = (page: Page) => page.getByTestId('case-state').locator('[data-state]').first();

test.describe('the rectification ladder', () => {
  test('an inspector orders rectification on an open case with a deadline', async ({ page, loginAs }) => {
    await loginAs('inspector', null);
    const id = await openOwnCase(page, 'open');
    await expect(stateOf(page)).toHaveAttribute('data-state', 'open');
    await expectAccessible(page);
    await page.locator('[data-action="order"]').click();
    const deadline = officeDay(10);
    await page.locator('#tr-ordered-deadline').fill(deadline);
    await page.locator('#tr-ordered-reason').fill('责令于期限内完成整改');
    await page.locator('#transition-ordered').getByRole('button', { name: /确认|Confirm/ }).click();
    await expect(stateOf(page)).toHaveAttribute('data-state', 'ordered');
    await expect(page.getByTestId('case-deadline')).toHaveText(deadline);
    await expect(page.locator('[data-testid="timeline"] li[data-to="ordered"]')).toHaveCount(1);
    await expect(page.locator('[data-action="order"]')).toHaveCount(0);
    expect(id).toBeGreaterThan(0);
  });

  test('a stale form is told the case changed meanwhile (409) and nothing is applied twice', async ({ page, context, loginAs }) => {
    await loginAs('inspector', null);
    const id = await openOwnCase(page, 'open');
    const other = await context.newPage();
    await other.goto(`/cases/${id}`);
    for (const p of [page, other]) await p.locator('[data-action="order"]').click();
    await page.locator('#transition-ordered').getByRole('button', { name: /确认|Confirm/ }).click();
    await expect(stateOf(page)).toHaveAttribute('data-state', 'ordered');
    await other.locator('#transition-ordered').getByRole('button', { name: /确认|Confirm/ }).click();
    await expect(other.locator('#transition-ordered').getByRole('alert')).toContainText(/已被他人更新|changed meanwhile/);
    await other.reload();
    await expect(other.locator('[data-testid="timeline"] li[data-to="ordered"]')).toHaveCount(1);
  });

  test('a case whose deadline has passed shows overdue in the list and in the queue', async ({ page, loginAs }) => {
    // Earliest deadline first: the queue pages its overdue group by (deadline, id), 50 a page. A notified
    // case past its notice's deadline: the overdue ordered ones are notice candidates, which
    // e2e/notices.spec.ts may publish (and so give a new deadline) in another worker meanwhile; no spec
    // publishes a removal notice, so the notified ones stay as seeded.
    await loginAs('inspector', '/cases?overdue=1&state=notified&sort=deadline');
    const row = page.locator('[data-testid="case-table"] tbody tr').first();
    await expect(row.getByTestId('overdue-badge')).toBeVisible();
    const id = await row.getAttribute('data-case-id');
    await expectAccessible(page);
    await page.goto('/queue');
    await expect(page.locator(`[data-testid="queue-overdue"] tr[data-case-id="${id}"]`).getByTestId('overdue-badge')).toBeVisible();
    await expect(page.locator('[data-testid="queue-due"] [data-testid="overdue-badge"]')).toHaveCount(0);
    await expectAccessible(page);
    // The queue is also reachable from the navigation, from another page (a light one: the case list of 50
    // rows was loaded here only to leave it).
    await page.goto('/campaigns');
    await page.getByRole('navigation', { name: /主导航|Main navigation/ }).getByRole('link', { name: /到期|Due/ }).click();
    await page.waitForURL('**/queue');
    // A queue row's link opens its case in the page (components/ui/soft-links.tsx), as next/link did.
    await page.evaluate(() => Object.assign(window, { rectifyNoReload: true }));
    await page.locator(`[data-testid="queue-overdue"] tr[data-case-id="${id}"]`).getByRole('link', { name: `#${id}` }).click();
    await page.waitForURL(`**/cases/${id}`);
    expect(await page.evaluate(() => (window as unknown as { rectifyNoReload?: boolean }).rectifyNoReload)).toBe(true);
  });

  test('a failed re-test returns a rectified case to ordered with a new deadline', async ({ page, loginAs }) => {
    await loginAs('inspector', null);
    await openOwnCase(page, 'rectified');
    await page.locator('[data-action="retestFailed"]').click();
    const deadline = officeDay(14);
    await page.locator('#tr-ordered-version').fill('9.9.1');
    await page.locator('#tr-ordered-deadline').fill(deadline);
    await page.locator('#transition-ordered').getByRole('button', { name: /确认|Confirm/ }).click();
    await expect(stateOf(page)).toHaveAttribute('data-state', 'ordered');
    await expect(page.getByTestId('case-deadline')).toHaveText(deadline);
    await expect(page.getByText('9.9.1').first()).toBeVisible();
  });

  test('a passed re-test verifies a rectified case', async ({ page, loginAs }) => {
    await loginAs('inspector', null);
    await openOwnCase(page, 'rectified');
    await page.locator('[data-action="retestPassed"]').click();
    await page.locator('#tr-verified-version').fill('9.9.2');
    await page.locator('#transition-verified').getByRole('button', { name: /确认|Confirm/ }).click();
    await expect(stateOf(page)).toHaveAttribute('data-state', 'verified');
    await expect(page.locator('[data-action]')).toHaveCount(0);
  });

  test('a refused transition shows its reason at the field', async ({ page, loginAs }) => {
    await loginAs('inspector', null);
    await openOwnCase(page, 'open');
    await page.locator('[data-action="order"]').click();
    await page.locator('#tr-ordered-deadline').fill(officeDay(-1));
    await page.locator('#transition-ordered').getByRole('button', { name: /确认|Confirm/ }).click();
    await expect(page.locator('#tr-ordered-deadline-error')).toContainText(/晚于今天|after today/);
    await expect(stateOf(page)).toHaveAttribute('data-state', 'open');
  });

  test('a recurrence is a new case linked to the earlier, closed one, shown on both pages', async ({ page, loginAs }) => {
    await loginAs('inspector', null);
    let linked: { id: number; previousCaseId: number } | undefined;
    if (E2E_DATABASE === 'postgres' && process.env.DATABASE_URL) {
      linked = await createRecurrence(process.env.DATABASE_URL);
    } else {
      // PGlite's data folder belongs to the server: use a recurrence the demo seed opened the same way.
      for (let cursor: string | null = ''; cursor !== null && !linked; ) {
        const res = await page.request.get(`/api/v1/cases?limit=200${cursor ? `&cursor=${cursor}` : ''}`);
        const body = (await res.json()) as { items: { id: number; previousCaseId: number | null }[]; nextCursor: string | null };
        linked = body.items.find((i): i is { id: number; previousCaseId: number } => i.previousCaseId !== null);
        cursor = body.nextCursor;
      }
    }
    expect(linked, 'a linked recurrence').toBeTruthy();
    await page.goto(`/cases/${linked!.id}`);
    await expect(page.getByTestId('recurrence').getByRole('link', { name: `#${linked!.previousCaseId}` })).toBeVisible();
    await page.getByTestId('recurrence').getByRole('link', { name: `#${linked!.previousCaseId}` }).click();
    await page.waitForURL(`**/cases/${linked!.previousCaseId}`);
    await expect(stateOf(page)).toHaveAttribute('data-state', /verified|reinstated/);
    await expect(page.getByTestId('recurrence').getByRole('link', { name: new RegExp(`#${linked!.id}\\b`) })).toBeVisible();
  });

  test('an admin reads cases but sees no transition button or bulk selection', async ({ page, loginAs }) => {
    await loginAs('admin', '/cases?state=open');
    await expect(page.locator('[data-testid="case-table"] tbody tr').first()).toBeVisible();
    await expect(page.locator('[data-testid="case-table"] input[type="checkbox"]')).toHaveCount(0);
    await openFirstCase(page, '?state=open');
    await expect(page.locator('[data-action]')).toHaveCount(0);
    await expect(page.getByTestId('timeline')).toBeVisible();
  });
});

/** Postgres only: a new inspection on the subject of a verified case, with the same category, opened as the product opens it. */
async function createRecurrence(url: string): Promise<{ id: number; previousCaseId: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    const { rows: [earlier] } = await client.query(
      `SELECT c.id, c.subject_id, f.category FROM cases c JOIN findings f ON f.inspection_id = c.inspection_id
        WHERE c.state = 'verified' ORDER BY c.id LIMIT 1`,
    );
    const { rows: [insp] } = await client.query(
      `INSERT INTO inspections (subject_id, version, inspected_on, method) VALUES ($1, '9.0.0', $2, 'technical_test') RETURNING id`,
      [earlier.subject_id, officeDay()],
    );
    await client.query(`INSERT INTO findings (inspection_id, category, severity, description) VALUES ($1, $2, 'high', 'e2e：问题再次出现')`, [insp.id, earlier.category]);
    await client.query('COMMIT');
    // The case itself is opened by the product's code, in its own transaction.
    const handle = await openPostgres(url, { max: 1 });
    try {
      const created = await handle.db.transaction((tx) => openCaseForInspection(tx, null, insp.id));
      expect(created.previousCaseId).not.toBeNull();
      const { rows: [closed] } = await client.query('SELECT state FROM cases WHERE id = $1', [created.previousCaseId]);
      expect(['verified', 'reinstated']).toContain(closed.state);
      return { id: created.id, previousCaseId: created.previousCaseId! };
    } finally {
      await handle.close();
    }
  } finally {
    await client.end();
  }
}
