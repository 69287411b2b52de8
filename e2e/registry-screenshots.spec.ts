import { expect, test } from './fixtures';

/**
 * The registry's pages in both languages, saved under docs/screenshots/ for review
 * (only with E2E_SCREENSHOTS=1: `E2E_SCREENSHOTS=1 node scripts/e2e.mjs e2e/registry-screenshots.spec.ts`).
 */
test.skip(process.env.E2E_SCREENSHOTS !== '1', 'screenshots only on request');

for (const lang of ['zh', 'en'] as const) {
  test(`registry pages in ${lang}`, async ({ page, context, loginAs, baseURL }) => {
    await context.addCookies([{ name: 'NEXT_LOCALE', value: lang, url: baseURL! }]);
    await page.setViewportSize({ width: 1440, height: 900 });
    await loginAs('inspector');
    const shot = (name: string, fullPage = true) => page.screenshot({ path: `docs/screenshots/registry-${name}-${lang}.png`, fullPage });
    await page.goto('/subjects?sort=inspected');
    await expect(page.getByTestId('subject-row').first()).toBeVisible();
    await shot('subjects', false);
    // A subject with history: one whose latest case is removed.
    await page.goto('/subjects?state=removed');
    await page.getByTestId('subject-row').first().getByRole('link').first().click();
    await page.waitForURL(/\/subjects\/\d+$/);
    await shot('subject');
    await page.locator('a[href^="/operators/"]').first().click();
    await page.waitForURL(/\/operators\/\d+$/);
    await shot('operator');
    await page.goto('/inspections/new');
    await page.getByRole('button', { name: lang === 'zh' ? '保存检测并立案' : 'Save inspection and open case' }).click();
    await expect(page.getByRole('alert').first()).toBeVisible();
    await shot('inspection-form');
  });
}
