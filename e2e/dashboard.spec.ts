import path from 'node:path';
import { expect, expectAccessible, SCREENSHOTS, shot, sidewaysScroll, test, chooseLocale } from './fixtures';

test('a supervisor filters by parking and a campaign, clicks a bar and lands on the matching case list', async ({ page, loginAs }) => {
  await loginAs('supervisor');
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

  // Print layout, on this filtered briefing: the filters are not printed, the charts are. (It had a load of its
  // own, ≈ 3 s of Chromium; the print stylesheet applies to the page as loaded.)
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('[data-chart="top-operators"] .recharts-surface')).toBeVisible();
  await expect(page.locator('form[role="search"]')).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  await expect(page.locator('form[role="search"]')).toBeVisible();

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

test('the dashboard passes axe and reads like a briefing in both languages, wide and narrow', async ({ page, loginAs }) => {
  test.setTimeout(180_000);
  await loginAs('supervisor', null);
  // axe in each language at 1440 px, and at 390 px once: what the width changes (the navigation folds
  // into a menu, e2e/fit-and-finish.spec.ts) is the same markup in either language. Both languages are
  // checked for sideways scrolling at 390 px (their words differ in length). Screenshots on request.
  for (const locale of ['zh', 'en'] as const) {
    await chooseLocale(page, locale);
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto('/');
      await expect(page.locator('html')).toHaveAttribute('lang', locale === 'zh' ? 'zh-CN' : 'en');
      await expect(page.locator('[data-chart="funnel"] .recharts-surface')).toBeVisible();
      await expect(page.locator('[data-chart="top-operators"] .recharts-surface')).toBeVisible();
      if (width === 1440 || locale === 'zh') await expectAccessible(page);
      if (width === 390) expect(await sidewaysScroll(page), `the dashboard (${locale}) scrolls sideways at 390 px`).toBeLessThanOrEqual(1);
      await shot(page, `dashboard-home-${locale}${width === 390 ? '-mobile' : ''}`, { fullPage: true });
      // Viewport-sized views for reviewing details (not committed).
      if (SCREENSHOTS) {
        for (const [i, y] of [0, 1400, 2800].entries()) {
          await page.evaluate((top) => window.scrollTo(0, top), y);
          await page.screenshot({ path: path.join('test-results', 'dashboard-review', `${locale}-${width}-${i}.png`) });
        }
      }
    }
  }
  // The print layout's picture, on request (its check is the first test's).
  if (SCREENSHOTS) {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.emulateMedia({ media: 'print' });
    await page.goto('/?sector=parking');
    await expect(page.locator('[data-chart="top-operators"] .recharts-surface')).toBeVisible();
    await shot(page, 'dashboard-print-en', { fullPage: true });
  }
});

test('the stats API answers 400 naming the field for a bad filter', async ({ page, loginAs }) => {
  await loginAs('inspector', null);
  const res = await page.request.get('/api/v1/stats/trend?kind=spaceship');
  expect(res.status()).toBe(400);
  expect((await res.json()).error.fields).toHaveProperty('kind');
});
