import { expect, test } from './fixtures';

/**
 * The app's links do not prefetch (docs/decisions/0013-no-link-prefetch.md): a staff page with two dozen
 * links in view sends the server no prefetch request, and a click still navigates in the client.
 */
test('staff pages send no prefetch requests; a click navigates without reloading the page', async ({ page, loginAs }) => {
  const prefetches: string[] = [];
  page.on('request', (r) => {
    const h = r.headers();
    if (h['next-router-prefetch'] || h['next-router-segment-prefetch']) prefetches.push(r.url());
  });
  await loginAs('supervisor', '/cases');
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
  await page.getByRole('navigation', { name: /Main navigation|主导航/ }).getByRole('link', { name: /^(Operators|运营主体)$/ }).click();
  await expect(page).toHaveURL(/\/operators$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForLoadState('networkidle');
  // The navigation happened in the document that was loaded first: the router's, not a reload.
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  expect(prefetches).toEqual([]);
});
