import fs from 'node:fs';
import path from 'node:path';
import { expect, expectAccessible, test, SCREENSHOT_DIR } from './fixtures';

const shots = path.join(process.cwd(), SCREENSHOT_DIR);

test('a supervisor filters by parking and a campaign, clicks a bar and lands on the matching case list', async ({ page, loginAs }) => {
  await loginAs('supervisor');
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForLoadState('networkidle');

  await page.getByLabel(/^(行业|Sector)$/).selectOption('parking');
  await expect(page).toHaveURL(/sector=parking/);
  // A campaign that inspected parking apps: the figures follow the filters, so the stacked chart
  // then has exactly one sector row, parking.
  const campaign = page.getByLabel(/^(专项行动|Campaign)$/);
  const sectorTable = page.locator('[data-chart="findings-by-sector"] table');
  const ids = (await campaign.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).filter(Boolean);
  let campaignId: string | undefined;
  for (const id of ids) {
    await campaign.selectOption(id);
    await expect(page).toHaveURL(new RegExp(`campaign=${id}`));
    await page.waitForLoadState('networkidle');
    await expect(page.getByRole('status')).toHaveText('');
    if ((await sectorTable.locator('tbody tr').count()) === 1) {
      campaignId = id;
      break;
    }
  }
  expect(campaignId, 'a campaign with parking findings').toBeTruthy();

  // The same link is behind the table row (keyboard) and the bars (pointer).
  const rowLink = sectorTable.locator('tbody th a').first();
  const href = await rowLink.getAttribute('href');
  expect(href).toContain('sector=parking');
  expect(href).toContain(`campaign=${campaignId}`);

  await page.locator('[data-chart="findings-by-sector"] .recharts-bar-rectangle path, [data-chart="findings-by-sector"] .recharts-rectangle').first().click();
  await page.waitForURL(/\/cases\?/);
  const url = new URL(page.url());
  expect(url.pathname).toBe('/cases');
  expect(url.searchParams.get('sector')).toBe('parking');
  expect(url.searchParams.get('campaign')).toBe(campaignId);
  expect(url.searchParams.get('category')).toBeTruthy();
  // The list behind the bar holds cases, and only cases of that sector, campaign and category.
  const category = url.searchParams.get('category')!;
  await expect(page.locator('[data-testid="case-table"] tbody tr[data-case-id]').first()).toBeVisible();
  const listed = await page.request.get(`/api/v1/cases${url.search}`);
  expect(listed.status(), await listed.text()).toBe(200);
  // The campaign options' values (and so the link) are campaign codes.
  const { items } = (await listed.json()) as { items: { id: number; sector: string; campaignCode: string | null; categories: string[] }[] };
  expect(items.length).toBeGreaterThan(0);
  for (const item of items) {
    expect(item.sector, `case ${item.id}`).toBe('parking');
    expect(item.campaignCode, `case ${item.id}`).toBe(campaignId);
    expect(item.categories, `case ${item.id}`).toContain(category);
  }
});

test('the dashboard passes axe and reads like a briefing in both languages, wide and narrow', async ({ page, loginAs, context }) => {
  test.setTimeout(180_000);
  await loginAs('supervisor');
  fs.mkdirSync(shots, { recursive: true });
  for (const locale of ['zh', 'en'] as const) {
    await context.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: page.url() }]);
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto('/');
      await expect(page.locator('[data-chart="funnel"] .recharts-surface')).toBeVisible();
      await expect(page.locator('[data-chart="top-operators"] .recharts-surface')).toBeVisible();
      await expectAccessible(page);
      await page.screenshot({ path: path.join(shots, `dashboard-home-${locale}${width === 390 ? '-mobile' : ''}.png`), fullPage: true, type: 'png' });
      // Viewport-sized views for reviewing details (not committed).
      for (const [i, y] of [0, 1400, 2800].entries()) {
        await page.evaluate((top) => window.scrollTo(0, top), y);
        await page.screenshot({ path: path.join('test-results', 'dashboard-review', `${locale}-${width}-${i}.png`) });
      }
    }
  }
  // Print layout.
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.emulateMedia({ media: 'print' });
  await page.goto('/?sector=parking');
  await expect(page.locator('[data-chart="top-operators"] .recharts-surface')).toBeVisible();
  await expect(page.locator('form[role="search"]')).toBeHidden();
  await page.screenshot({ path: path.join(shots, 'dashboard-print-en.png'), fullPage: true });
});

test('the stats API answers 400 naming the field for a bad filter', async ({ page, loginAs }) => {
  await loginAs('inspector', null);
  const res = await page.request.get('/api/v1/stats/trend?kind=spaceship');
  expect(res.status()).toBe(400);
  expect((await res.json()).error.fields).toHaveProperty('kind');
});
