import type { Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures';

// The page and context are kept from test to test (e2e/fixtures.ts): the second test gets the page the
// first one used and must find nothing the first one left: no session, cookie or storage, the project's
// viewport and screen media, no event listener of the first test, and a
// new document (the first test's scripts stopped).
let first: Page | undefined;

test('a test leaves a session, a cookie, storage, a narrow print view and a dialog listener', async ({ page, context, baseURL }) => {
  first = page;
  await signIn(page, 'supervisor', '/cases');
  await expect(page).toHaveURL(/\/cases$/);
  await page.evaluate(() => {
    (window as unknown as { leftBy?: string }).leftBy = 'the first test';
    localStorage.setItem('left-by', 'the first test');
    sessionStorage.setItem('left-by', 'the first test');
  });
  await context.addCookies([{ name: 'left-by', value: 'first', url: baseURL! }]);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ media: 'print' });
  page.on('dialog', (dialog) => void dialog.accept());
  expect(await page.evaluate(() => confirm('accepted by the listener?'))).toBe(true);
});

test('the next test starts signed out and clean, in the same page', async ({ page, context }, testInfo) => {
  expect(page === first, 'the page is the one the first test used (else this test proves nothing)').toBe(true);
  expect(await page.evaluate(() => 'leftBy' in window), 'the first test\'s document is gone').toBe(false);
  expect(await context.cookies()).toEqual([]);
  expect(await page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);
  expect(page.viewportSize()).toEqual(testInfo.project.use.viewport);
  expect(await page.evaluate(() => matchMedia('print').matches)).toBe(false);
  // No listener left: Playwright dismisses a dialog nobody handles.
  expect(await page.evaluate(() => confirm('dismissed?'))).toBe(false);
  await page.goto('/cases');
  await expect(page).toHaveURL(/\/signin/);
});
