import { expect, test } from './fixtures';

/**
 * Issue #16 (fit and finish), as a person on a phone meets it: the sidebar folds into a menu on a
 * 390 px phone and no staff page scrolls sideways there. The screenshots of every page at 1440 and
 * 390 px in both languages are e2e/screenshots.spec.ts (on request: E2E_SCREENSHOTS=1).
 */
test('on a 390 px phone the navigation is a menu, and no page scrolls sideways', async ({ page, loginAs }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await loginAs('inspector', '/cases');
  await expect(page.getByRole('navigation', { name: /主导航|Main/ })).toBeHidden();
  await page.getByTestId('menu-button').click();
  const sheet = page.getByRole('dialog');
  await expect(sheet).toBeVisible();
  await sheet.getByRole('link', { name: /到期提醒|Due & overdue/ }).click();
  await expect(sheet).toBeHidden();
  await expect(page).not.toHaveURL(/\/cases$/);
  for (const p of ['/queue', '/cases', '/subjects', '/operators', '/offenders']) {
    await page.goto(p);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${p} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(1);
  }
});
