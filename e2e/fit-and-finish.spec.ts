import { expect, test } from './fixtures';

/**
 * Issue #16 (fit and finish), as a person on a phone meets it: the sidebar folds into a menu on a
 * 390 px phone and no staff page scrolls sideways there. The screenshots of every page at 1440 and
 * 390 px in both languages are e2e/screenshots.spec.ts (on request: E2E_SCREENSHOTS=1).
 */
test('on a 390 px phone the navigation is a menu, and no page scrolls sideways', async ({ page, loginAs }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const sideways = async (p: string) => {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${p} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(1);
  };
  await loginAs('inspector', '/cases');
  await expect(page.getByRole('navigation', { name: /主导航|Main/ })).toBeHidden();
  await sideways('/cases');
  await page.getByTestId('menu-button').click();
  const sheet = page.getByRole('dialog');
  await expect(sheet).toBeVisible();
  await sheet.getByRole('link', { name: /到期提醒|Due & overdue/ }).click();
  await expect(sheet).toBeHidden();
  await page.waitForURL('**/queue');
  await expect(page.getByTestId('queue-overdue')).toBeVisible();
  // The case list and the queue are measured as the menu left them (each was loaded once for that); the rest
  // are loaded for it.
  await sideways('/queue');
  for (const p of ['/subjects', '/operators', '/offenders']) {
    await page.goto(p);
    await sideways(p);
  }
});

test('on a 390 px phone the public notice list and the repeat-offender queue are cards, not a squeezed table', async ({ page, loginAs, baseURL }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.context().addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: baseURL! }]);
  /** Each table row of `selector` is as wide as the table, and the table's box does not scroll sideways. */
  const expectCards = async (selector: string, what: string) => {
    const table = page.locator(selector).first();
    await expect(table).toBeVisible();
    const { sideways, rowWidths, tableWidth } = await table.evaluate((t) => {
      const box = t.parentElement!;
      return {
        sideways: box.scrollWidth - box.clientWidth,
        tableWidth: t.getBoundingClientRect().width,
        rowWidths: [...t.querySelectorAll('tbody > tr')].map((r) => r.getBoundingClientRect().width),
      };
    });
    expect(sideways, `${what} scrolls sideways inside its box by ${sideways}px`).toBeLessThanOrEqual(1);
    expect(rowWidths.length, `${what} has rows`).toBeGreaterThan(0);
    for (const w of rowWidths) expect(w, `${what}: a row is a full-width card`).toBeGreaterThanOrEqual(tableWidth - 2);
  };
  await page.goto('/notices');
  await expectCards('table[data-dt]', 'the public notice list');
  // The card's lines carry their column's label (written from the column headings).
  const published = await page.locator('table[data-dt] tbody td:nth-child(4)').first().evaluate((td) => getComputedStyle(td, '::before').content);
  expect(published).toContain('Published');
  await loginAs('supervisor', '/offenders');
  await expectCards('[data-testid="offender-queue"]', 'the repeat-offender queue');
  // The "#" column heading is not shown on a card, so the flag's number carries it: "#50", not a bare "50".
  const flagLink = page.getByTestId('offender-queue').locator('tbody tr td:first-child a').first();
  await expect(flagLink).toHaveText(/^#\d+$/, { useInnerText: true });
  await page.setViewportSize({ width: 1440, height: 900 });
  await expect(flagLink).toHaveText(/^\d+$/, { useInnerText: true });
});
