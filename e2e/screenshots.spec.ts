import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, SCREENSHOT_DIR, signIn, test, type DemoRole } from './fixtures';

/**
 * Every staff, public and portal page at 1440 px and 390 px, in Chinese and in English, saved as
 * docs/screenshots/page-<name>-<zh|en>-<1440|390>.png for a person to look at (docs/screenshots/REVIEW.md
 * lists what was seen and changed). Slow (about 140 full-page shots), so only on request:
 *
 *   E2E_SCREENSHOTS=1 E2E_DATABASES=pglite node scripts/e2e.mjs e2e/screenshots.spec.ts
 *
 * SCREENSHOT_PAGES=queue,case (names below) shoots only those. Without E2E_SCREENSHOTS=1 it is skipped (the default run and CI). Each shot also checks that the
 * page answered in the language asked for and, at 390 px, that it does not scroll sideways.
 */
test.skip(process.env.E2E_SCREENSHOTS !== '1', 'screenshots only on request (E2E_SCREENSHOTS=1)');

interface Ids {
  caseId: number;
  subject: number;
  operator: number;
  flag: number;
  notice: number | null;
  slug: string | null;
  campaign: string | null;
  importId: number | null;
  portalCase: number | null;
}

type Entry = { name: string; role: DemoRole | null; path: (ids: Ids) => string | null; wait?: (page: Page) => Promise<void> };

const PAGES: Entry[] = [
  { name: 'public-notices', role: null, path: () => '/notices' },
  { name: 'public-notice', role: null, path: (i) => (i.slug ? `/notices/${i.slug}` : null) },
  { name: 'public-notice-print', role: null, path: (i) => (i.slug ? `/notices/${i.slug}/print` : null) },
  { name: 'signin', role: null, path: () => '/signin' },
  { name: 'dashboard', role: 'supervisor', path: () => '/', wait: (p) => p.locator('svg').first().waitFor() },
  { name: 'dashboard-print', role: 'supervisor', path: () => '/', wait: (p) => p.emulateMedia({ media: 'print' }) },
  { name: 'cases', role: 'inspector', path: () => '/cases' },
  { name: 'case', role: 'inspector', path: (i) => `/cases/${i.caseId}` },
  { name: 'queue', role: 'inspector', path: () => '/queue' },
  { name: 'my-cases', role: 'inspector', path: () => '/cases?assignee=me' },
  { name: 'subjects', role: 'inspector', path: () => '/subjects' },
  { name: 'subject', role: 'inspector', path: (i) => `/subjects/${i.subject}` },
  { name: 'operators', role: 'inspector', path: () => '/operators' },
  { name: 'operator', role: 'inspector', path: (i) => `/operators/${i.operator}` },
  { name: 'inspection-new', role: 'inspector', path: () => '/inspections/new' },
  { name: 'imports', role: 'inspector', path: () => '/imports' },
  { name: 'campaigns', role: 'supervisor', path: () => '/campaigns' },
  { name: 'campaign', role: 'supervisor', path: (i) => (i.campaign ? `/campaigns/${i.campaign}` : null) },
  { name: 'offenders', role: 'supervisor', path: () => '/offenders' },
  { name: 'flag', role: 'supervisor', path: (i) => `/offenders/${i.flag}` },
  { name: 'notices-manage', role: 'supervisor', path: () => '/notices/manage' },
  { name: 'notice-composer', role: 'supervisor', path: () => '/notices/manage/new' },
  { name: 'notice-manage', role: 'supervisor', path: (i) => (i.notice ? `/notices/manage/${i.notice}` : null) },
  { name: 'admin-users', role: 'admin', path: () => '/admin/users' },
  { name: 'admin-taxonomies', role: 'admin', path: () => '/admin/taxonomies' },
  { name: 'admin-rules', role: 'admin', path: () => '/admin/rules' },
  { name: 'admin-settings', role: 'admin', path: () => '/admin/settings' },
  { name: 'api-docs', role: 'admin', path: () => '/api-docs' },
  { name: 'portal', role: 'contact', path: () => '/portal' },
  { name: 'portal-case', role: 'contact', path: (i) => (i.portalCase ? `/portal/cases/${i.portalCase}` : null) },
];

/** The innermost elements reaching past the right edge of the window, for the overflow message. */
function widest(page: Page): Promise<string> {
  return page.evaluate(() => {
    const past = [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1);
    const innermost = past.filter((e) => !past.some((o) => o !== e && e.contains(o)));
    return innermost.slice(0, 5).map((e) => `<${e.tagName.toLowerCase()} class="${e.getAttribute('class') ?? ''}"> ${Math.round(e.getBoundingClientRect().right)}px "${(e.textContent ?? '').trim().slice(0, 40)}"`).join('; ');
  });
}

async function json<T>(page: Page, url: string): Promise<T | null> {
  const res = await page.request.get(url);
  return res.ok() ? ((await res.json()) as T) : null;
}

/** The records the detail pages show, found through the API as the signed-in role. */
async function collectIds(page: Page, ids: Partial<Ids>, role: DemoRole) {
  type Items<T = { id: number }> = { items: T[] };
  if (role === 'inspector') {
    ids.caseId = (await json<Items>(page, '/api/v1/cases?state=ordered&limit=1'))?.items[0]?.id;
    ids.subject = (await json<Items>(page, '/api/v1/subjects?limit=1'))?.items[0]?.id;
    ids.operator = (await json<Items>(page, '/api/v1/operators?limit=1'))?.items[0]?.id;
    ids.importId = (await json<Items>(page, '/api/v1/imports?limit=1'))?.items[0]?.id ?? null;
  }
  if (role === 'supervisor') {
    ids.flag = (await json<Items>(page, '/api/v1/offenders?limit=1'))?.items[0]?.id;
    ids.notice = (await json<{ notices: { id: number }[] }>(page, '/api/v1/notices'))?.notices[0]?.id ?? null;
    const campaigns = await json<Items<{ id: number; code?: string }>>(page, '/api/v1/campaigns?limit=1');
    const c = campaigns?.items[0];
    ids.campaign = c ? (c.code ?? String(c.id)) : null;
  }
  if (role === 'contact') {
    await page.goto('/portal');
    const href = await page.getByTestId('portal-cases').locator('a[href^="/portal/cases/"]').first().getAttribute('href');
    ids.portalCase = href ? Number(href.split('/').pop()) : null;
  }
}

test('every page at 1440 and 390 px, in Chinese and English', async ({ page, context, baseURL }) => {
  test.setTimeout(1_200_000);
  const ids: Partial<Ids> = {};
  let signedInAs: DemoRole | null | undefined;
  const skipped: string[] = [];
  const only = process.env.SCREENSHOT_PAGES?.split(',');
  for (const entry of PAGES.filter((e) => !only || only.includes(e.name))) {
    if (entry.role !== signedInAs) {
      await context.clearCookies();
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize({ width: 1440, height: 900 });
      if (entry.role) {
        await signIn(page, entry.role);
        await collectIds(page, ids, entry.role);
      } else if (ids.slug === undefined) {
        ids.slug = (await json<{ notices: { slug: string }[] }>(page, '/api/public/notices?limit=1'))?.notices[0]?.slug ?? null;
      }
      signedInAs = entry.role;
    }
    const target = entry.path(ids as Ids);
    if (!target) {
      skipped.push(entry.name);
      continue;
    }
    for (const locale of ['zh', 'en'] as const) {
      await context.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: baseURL! }]);
      for (const width of [1440, 390]) {
        await page.emulateMedia({ media: 'screen' });
        await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
        await page.goto(target);
        await page.waitForLoadState('networkidle');
        await expect(page.locator('html')).toHaveAttribute('lang', locale === 'zh' ? 'zh-CN' : 'en');
        await entry.wait?.(page);
        if (width === 390 && entry.name !== 'dashboard-print' && entry.name !== 'public-notice-print') {
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect.soft(overflow, `${target} (${locale}) scrolls sideways by ${overflow}px at 390, past the edge: ${overflow > 1 ? await widest(page) : ''}`).toBeLessThanOrEqual(1);
        }
        // The API reference is one very long page: its first screens are what a reader meets.
        await page.screenshot({ path: path.join(SCREENSHOT_DIR, `page-${entry.name}-${locale}-${width}.png`), fullPage: entry.name !== 'api-docs', timeout: 60_000 });
      }
    }
  }
  expect(skipped, 'pages without a record to show in the demo data').toEqual([]);
});
