import { expect, expectAccessible, hydrated, SCREENSHOTS, shot, signIn, test } from './fixtures';

/**
 * The notice workflow end to end: supervisor A drafts a rectification notice with three overdue
 * cases, cannot approve it herself, supervisor B approves, A publishes, the cases are notified, and an
 * anonymous visitor reads the notice, downloads its CSV and finds it in the feed. Screenshots of the
 * composer, the public notice and its print layout, in both languages, on request (E2E_SCREENSHOTS).
 */
const MARKER = 'ZZ-DRAFT-MARKER-不应公开';

function inDays(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(d);
}

test('draft, four eyes, publish, and the public reads, downloads and subscribes', async ({ page, loginAs, baseURL }) => {
  test.setTimeout(240_000);
  await page.context().addCookies([{ name: 'NEXT_LOCALE', value: 'zh', url: baseURL! }]);
  await page.setViewportSize({ width: 1440, height: 900 });

  // ---- A drafts a rectification notice with three overdue cases.
  await loginAs('supervisor', '/notices/manage/new');
  await expect(page.getByRole('heading', { name: '新建通报' })).toBeVisible();
  const boxes = page.getByRole('checkbox');
  await expect(boxes.first()).toBeVisible();
  expect(await boxes.count()).toBeGreaterThanOrEqual(3);
  for (let i = 0; i < 3; i++) await boxes.nth(i).check();
  await expect(page.getByTestId('selected-count')).toContainText('已选3件案件');
  await page.getByLabel('中文导语').fill('经检测，以下App（小程序）逾期未完成整改，现予通报。');
  await page.getByLabel('英文导语').fill('The following apps and mini programs missed their rectification deadline and are hereby notified.');
  await page.getByLabel('新的整改时限').fill(inDays(14));
  await expect(page.getByRole('table', { name: '附件预览（按公开格式）' })).toBeVisible();
  await expectAccessible(page);
  await shot(page, 'notices-composer-zh', { fullPage: true });
  await page.getByRole('button', { name: '保存草稿' }).click();
  await page.waitForURL(/\/notices\/manage\/\d+$/);
  const id = Number(new URL(page.url()).pathname.split('/').pop());

  // ---- A cannot approve her own draft: no button, and the API says why.
  await expect(page.getByTestId('workflow-hint')).toContainText('须由另一名监督员审核');
  await expect(page.getByRole('button', { name: '审核通过' })).toHaveCount(0);
  const own = await page.request.post(`/api/v1/notices/${id}/approve`);
  expect(own.status()).toBe(403);
  expect((await own.json()).error.message).toMatch(/different supervisor must approve/);

  // A second draft with a marker, which must never show in public. Its title is this run's own, so the manage
  // list has one link of that name when the spec runs again on the same database (--repeat-each).
  const marker = `${MARKER}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
  const candidates = await (await page.request.get('/api/v1/notices/candidates?kind=rectification')).json();
  const spare = candidates.items.find((c: { caseId: number }) => c.caseId > 0);
  const marked = await page.request.post('/api/v1/notices', {
    data: { kind: 'rectification', titleZh: marker, titleEn: marker, introZh: marker, introEn: marker, deadline: inDays(20), caseIds: [spare.caseId] },
  });
  expect(marked.status()).toBe(201);

  // ---- B approves, in the same page (B signs in over A's session: A's page is not needed meanwhile, and a
  // browser context of B's own would start a renderer with nothing compiled); then A signs in again.
  await signIn(page, 'supervisor2', `/notices/manage/${id}`);
  const approve = page.getByRole('button', { name: '审核通过' });
  await hydrated(approve); // an onClick button: a click before hydration did nothing (the old failure on PGlite)
  await approve.click();
  await expect(page.getByText('已审核', { exact: true }).first()).toBeVisible();

  // ---- A publishes.
  await signIn(page, 'supervisor', null);
  await page.reload();
  // The confirmation is the app's own dialog, in the app's language: Escape backs out, then confirm.
  await hydrated(page.getByRole('button', { name: '发布' }));
  await page.getByRole('button', { name: '发布' }).click();
  const confirm = page.getByRole('alertdialog', { name: '发布通报' });
  await expect(confirm).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(confirm).toHaveCount(0);
  await page.getByRole('button', { name: '发布' }).click();
  await confirm.getByRole('button', { name: '发布' }).click();
  await expect(page.getByRole('table', { name: /附件：.*名单/ })).toBeVisible();
  const detail = await (await page.request.get(`/api/v1/notices/${id}`)).json();
  expect(detail.notice.status).toBe('published');
  expect(detail.entries).toHaveLength(3);
  expect(detail.entries.map((e: { caseState: string }) => e.caseState)).toEqual(['notified', 'notified', 'notified']);
  const slug: string = detail.notice.slug;
  const appNames: string[] = detail.entries.map((e: { appName: string }) => e.appName);
  await shot(page, 'notices-manage-published-zh', { fullPage: true });
  await page.goto('/notices/manage');
  await expect(page.getByRole('link', { name: marker })).toBeVisible();
  await shot(page, 'notices-manage-list-zh');

  // ---- An anonymous visitor reads, downloads and subscribes, in both languages.
  for (const locale of ['zh', 'en'] as const) {
    // Anonymous: the same page (1440 px) with every cookie gone but the language's.
    await page.context().clearCookies();
    await page.context().addCookies([{ name: 'NEXT_LOCALE', value: locale, url: baseURL! }]);
    const p = page;
    const anon = page.context();
    expect((await anon.request.get('/api/v1/stats/summary')).status(), 'signed out').toBe(401);
    await p.goto('/notices');
    await expect(p.getByRole('link', { name: locale === 'zh' ? '工作人员登录' : 'Staff sign-in' })).toBeVisible();
    await expect(p.getByTestId(`notice-${slug}`)).toBeVisible();
    await expectAccessible(p);
    await shot(p, `notices-public-list-${locale}`);
    await p.getByTestId(`notice-${slug}`).getByRole('link').first().click();
    await p.waitForURL(`**/notices/${slug}`);
    for (const name of appNames) await expect(p.getByRole('rowheader', { name }).first()).toBeVisible();
    await expectAccessible(p);
    await shot(p, `notices-public-notice-${locale}`, { fullPage: true });
    if (SCREENSHOTS) {
      await p.goto(`/notices/${slug}/print`);
      await p.emulateMedia({ media: 'print' });
      await shot(p, `notices-print-${locale}`, { fullPage: true });
      if (locale === 'zh') await p.pdf({ path: 'test-results/notice-print-zh.pdf', format: 'A4', landscape: true, printBackground: true });
      await p.emulateMedia({ media: 'screen' });
    }

    const csv = await anon.request.get(`/api/public/notices/${slug}?format=csv${locale === 'en' ? '&lang=en' : ''}`);
    expect(csv.status()).toBe(200);
    const bytes = await csv.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain(locale === 'zh' ? '序号,应用名称' : 'No.,App name');
    for (const name of appNames) expect(text).toContain(name);

    const feed = await anon.request.get('/notices/feed.xml');
    expect(feed.headers()['content-type']).toContain('application/atom+xml');
    expect(await feed.text()).toContain(`/notices/${slug}</id>`);

    // Nothing private on any public output: no draft (of this run or any earlier one), no inspector, no signed-in shell.
    const outputs = await Promise.all(
      ['/notices', `/notices/${slug}`, `/notices/${slug}/print`, '/notices/feed.xml', '/api/public/notices', `/api/public/notices/${slug}`, `/api/public/notices/${slug}?format=csv`].map(async (u) => (await anon.request.get(u)).text()),
    );
    for (const body of outputs) {
      for (const secret of [MARKER, '王敏', 'inspector@rectify.demo', '@rectify.demo', '李强', '陈静']) expect(body).not.toContain(secret);
    }
  }

  // The composer in English, for the record (A signs in again: the visitor's page had no session).
  await page.context().addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: baseURL! }]);
  await signIn(page, 'supervisor', '/notices/manage/new');
  await expect(page.getByRole('checkbox').first()).toBeVisible();
  for (let i = 0; i < 3; i++) await page.getByRole('checkbox').nth(i).check();
  await expectAccessible(page);
  await shot(page, 'notices-composer-en', { fullPage: true });
});

test('public pages need no sign-in, and unpublished notices have no public address', async ({ request }) => {
  expect((await request.get('/notices', { maxRedirects: 0 })).status()).toBe(200);
  expect((await request.get('/notices/feed.xml')).status()).toBe(200);
  expect((await request.get('/api/public/notices')).status()).toBe(200);
  expect((await request.get('/notices/no-such-notice')).status()).toBe(404);
  expect((await request.get('/api/public/notices/no-such-notice')).status()).toBe(404);
  expect((await request.get('/notices/manage', { maxRedirects: 0 })).status()).toBe(307);
});
