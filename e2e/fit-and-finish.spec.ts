import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, SCREENSHOT_DIR, signIn, test, type DemoRole } from './fixtures';

/**
 * Issue #16 (fit and finish), as a person on a phone and a desktop meets it: the sidebar folds into a
 * menu on a 390 px phone, no staff page scrolls sideways there, the public front door, and the
 * screenshots of every page touched at 1440 and 390 px in both languages (E2E_SCREENSHOTS=1 writes
 * them to docs/screenshots).
 */
const PAGES: { name: string; role: DemoRole | null; path: (ids: Ids) => string }[] = [
  { name: 'public-home', role: null, path: () => '/' },
  { name: 'signin', role: null, path: () => '/signin' },
  { name: 'dashboard', role: 'supervisor', path: () => '/' },
  { name: 'queue', role: 'inspector', path: () => '/queue' },
  { name: 'cases', role: 'inspector', path: () => '/cases' },
  { name: 'subjects', role: 'inspector', path: () => '/subjects' },
  { name: 'subject', role: 'inspector', path: (ids) => `/subjects/${ids.subject}` },
  { name: 'operator', role: 'inspector', path: (ids) => `/operators/${ids.operator}` },
  { name: 'offenders', role: 'supervisor', path: () => '/offenders' },
  { name: 'flag', role: 'supervisor', path: (ids) => `/offenders/${ids.flag}` },
  { name: 'admin-users', role: 'admin', path: () => '/admin/users' },
  { name: 'admin-tokens', role: 'admin', path: () => '/admin/tokens' },
  { name: 'notice-new', role: 'supervisor', path: () => '/notices/manage/new' },
];

interface Ids { subject: number; operator: number; flag: number }

async function firstId(page: Page, api: string): Promise<number> {
  const body = (await (await page.request.get(api)).json()) as { items: { id: number }[] };
  return body.items[0]!.id;
}

async function setLocale(context: BrowserContext, page: Page, locale: 'zh' | 'en') {
  await context.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: new URL(page.url() === 'about:blank' ? 'http://127.0.0.1' : page.url()).origin }]);
}

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

test('screenshots of the pages touched, 1440 and 390 px, Chinese and English', async ({ page, context }) => {
  test.setTimeout(600_000);
  let ids: Ids | null = null;
  let signedInAs: DemoRole | null = null;
  for (const entry of PAGES) {
    if (entry.role !== signedInAs) {
      await context.clearCookies();
      if (entry.role) await signIn(page, entry.role);
      signedInAs = entry.role;
      if (entry.role && !ids) {
        ids = {
          subject: await firstId(page, '/api/v1/subjects?limit=1'),
          operator: await firstId(page, '/api/v1/operators?limit=1'),
          flag: await firstId(page, '/api/v1/offenders?limit=1'),
        };
      }
    }
    for (const locale of ['zh', 'en'] as const) {
      await setLocale(context, page, locale);
      for (const width of [1440, 390]) {
        await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
        await page.goto(entry.path(ids ?? { subject: 0, operator: 0, flag: 0 }));
        await page.waitForLoadState('networkidle');
        await expect(page.locator('html')).toHaveAttribute('lang', locale === 'zh' ? 'zh-CN' : 'en');
        await page.screenshot({ path: path.join(SCREENSHOT_DIR, `finish-${entry.name}-${locale}-${width}.png`), fullPage: true });
      }
    }
  }
});
