import { withUsccCheckDigit } from '../lib/domain/uscc';
import { expect, test } from './fixtures';
import { expectListboxKeys } from './listbox-keys';

const suffix = `${Date.now() % 1_000_000}`;

test('an inspector picks a region by search and by level, sees its name path, and filters operators by province', async ({ page, loginAs }) => {
  test.setTimeout(240_000);
  await loginAs('inspector', '/operators/new');
  const name = `属地选择科技有限公司${suffix}`;
  await page.locator('#name').fill(name);
  await page.locator('#uscc').fill(withUsccCheckDigit(`91440300MA${suffix.padStart(7, '0')}`));
  // The search is a combobox: type, the first match is active, Enter takes it.
  const search = page.getByRole('combobox', { name: /按名称搜索属地|Search regions by name/ });
  // The app's one combobox key behaviour (wrapping arrows, Enter, Escape), on Shenzhen's divisions by code.
  await expectListboxKeys(search, () => search.fill('4403'), async (text) => {
    const code = text.match(/\b4403\d\d\b/)?.[0];
    expect(code, text).toBeTruthy();
    await expect(search).toHaveValue('');
    await expect(page.locator('#region-1')).toHaveValue('440300');
    await expect(page.locator('#region-2')).toHaveValue(code!);
  });
  await search.fill('深圳');
  await expect(page.getByRole('option').first()).toContainText('广东省 / 深圳市');
  await search.press('ArrowDown');
  await search.press('ArrowUp');
  await search.press('Enter');
  await expect(page.locator('#region')).toHaveValue('440000');
  await expect(page.locator('#region-1')).toHaveValue('440300');
  // The district level is a labelled select, filled from the city's children.
  await page.getByLabel(/^(区 \/ 县|District \/ county)$/).selectOption('440305');
  await expect(page.getByTestId('region-path')).toContainText('广东省 / 深圳市 / 南山区');
  await page.getByRole('button', { name: /保存|Save/ }).click();
  await page.waitForURL(/\/operators\/\d+$/);
  await expect(page.getByText('广东省 / 深圳市 / 南山区').first()).toBeVisible();

  // The list filter: a province takes in every city and district under it.
  await page.goto('/operators');
  await page.locator('#region').selectOption('440000');
  await page.locator('form[role="search"] button[type="submit"]').click();
  await page.waitForURL(/region=440000/);
  const rows = page.getByTestId('operator-row');
  await expect(rows.first()).toBeVisible();
  const regions = await rows.locator('td:nth-child(3)').allInnerTexts();
  expect(regions.length).toBeGreaterThan(0);
  for (const r of regions) expect(r.startsWith('广东省')).toBe(true);
  await page.locator('#q').fill(name);
  await page.locator('form[role="search"] button[type="submit"]').click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('广东省 / 深圳市 / 南山区');
  // The picker opens on the filter's province.
  await expect(page.locator('#region')).toHaveValue('440000');
});

test.describe('screenshots', () => {
  test.skip(process.env.E2E_SCREENSHOTS !== '1', 'screenshots only on request (E2E_SCREENSHOTS=1)');
  for (const lang of ['zh', 'en'] as const) {
    for (const width of [1440, 390]) {
      test(`the region picker in ${lang} at ${width} px`, async ({ page, context, loginAs, baseURL }) => {
        await context.addCookies([{ name: 'NEXT_LOCALE', value: lang, url: baseURL! }]);
        await page.setViewportSize({ width, height: 900 });
        await loginAs('inspector', '/operators/new');
        await page.locator('#region').selectOption('440000');
        await page.locator('#region-1').selectOption('440300');
        await page.locator('#region-2').selectOption('440305');
        const search = page.getByRole('combobox', { name: /按名称搜索属地|Search regions by name/ });
        await search.fill('南山');
        await expect(page.getByRole('option').first()).toBeVisible();
        await page.screenshot({ path: `docs/screenshots/regions-picker-${lang}-${width}.png`, fullPage: true });
      });
    }
  }
});
