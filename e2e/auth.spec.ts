import { expect, expectAccessible, hydrated, signInThroughForm, test, type DemoRole } from './fixtures';

// The one spec that signs in through the form, as a person does: once in Chinese (a staff page sends the
// visitor to sign in and back) and once in English (the language chosen on the sign-in page). Everything
// else signs in by HTTP (fixtures.ts: the same next-auth endpoint the form posts to).

const ROLES: { role: DemoRole; name: string; badge: string }[] = [
  { role: 'inspector', name: '王敏', badge: '检查员' },
  { role: 'supervisor', name: '李强', badge: '督办员' },
  { role: 'supervisor2', name: '陈静', badge: '督办员' },
  { role: 'admin', name: '赵磊', badge: '系统管理员' },
];

test('the front door without a session is the public notices, which link to the staff sign-in, and back', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/notices$/);
  await page.getByRole('link', { name: '工作人员登录' }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.getByTestId('public-link').getByRole('link', { name: '通报公告' }).click();
  await expect(page).toHaveURL(/\/notices$/);
});

test('a staff page without a session sends the visitor to sign in, and back afterwards', async ({ page }) => {
  await page.goto('/cases');
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fcases$/);
  // The sign-in page's accessibility is e2e/sign-in-throttle.spec.ts's, in both languages (the same form, with
  // its alert shown).
  await signInThroughForm(page, 'inspector', '/cases');
  await expect(page).toHaveURL(/\/cases$/);
});

test('a wrong password is refused with a message, the email kept, and nothing is put in the URL', async ({ page }) => {
  await page.goto('/signin');
  await page.waitForLoadState('networkidle');
  await page.fill('input[name=email]', 'inspector@rectify.demo');
  await page.fill('input[name=password]', 'wrong-password');
  await page.click('button[type=submit]');
  await expect(page.locator('form').getByRole('alert')).toContainText('邮箱或密码不正确');
  await expect(page.locator('#email')).toHaveValue('inspector@rectify.demo');
  expect(page.url()).not.toContain('password');
});

// Each role on a light staff page every role may open (the campaign list), not the dashboard: the dashboard
// reads no actor (app/(app)/(dashboard)/page.tsx: the same page for every role that may view it, which
// authz-matrix.spec.ts walks as each), so four dashboards proved the same page four times, at ≈ 3 s of
// Chromium each (docs/testing.md). The dashboard itself is dashboard.spec.ts's and the English sign-in's below.
for (const { role, name, badge } of ROLES) {
  test(`${role} signs in, sees their name and role on a staff page, and signs out`, async ({ page, loginAs }) => {
    await loginAs(role, '/campaigns');
    await expect(page.getByRole('heading', { level: 1, name: '专项行动' })).toBeVisible();
    const header = page.locator('header').first();
    await expect(header).toContainText(name);
    await expect(header).toContainText(badge);
    // Once, as the admin, whose navigation alone has the admin pages (the same shell for every role).
    if (role === 'admin') await expectAccessible(page);
    const signOut = page.getByRole('button', { name: '退出登录' });
    await hydrated(signOut); // an onClick button: opened by page.goto, a click may come before hydration
    await signOut.click();
    await expect(page).toHaveURL(/\/signin/);
    await page.goto('/cases');
    await expect(page).toHaveURL(/\/signin/);
  });
}

test('the language chosen on the sign-in page carries through signing in (in English), is remembered, and switches back', async ({ page }) => {
  await page.goto('/signin');
  const english = page.getByRole('button', { name: 'English' });
  await hydrated(english); // an onClick button
  await english.click();
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
  await signInThroughForm(page, 'supervisor');
  await expect(page.getByRole('heading', { level: 1, name: 'Monthly briefing: testing and rectification' })).toBeVisible();
  // Remembered: the next page the server renders is English too (a light one: the dashboard is ≈ 3 s of
  // Chromium a load, and reloading it proved no more than another page does).
  await page.goto('/campaigns');
  await expect(page.getByRole('heading', { level: 1, name: 'Campaigns' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // The English dashboard's accessibility is e2e/dashboard.spec.ts's.
  const chinese = page.getByRole('button', { name: '中文' });
  await hydrated(chinese);
  await chinese.click();
  await expect(page.getByRole('heading', { level: 1, name: '专项行动' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});

test('the API answers 401 JSON without credentials, never HTML', async ({ request }) => {
  for (const path of ['/api/v1/cases', '/api/v1/stats/summary', '/api/v1/does-not-exist', '/api/v1/cases/1/transitions']) {
    const res = path.endsWith('transitions') ? await request.post(path, { data: {} }) : await request.get(path);
    expect(res.status(), path).toBe(401);
    expect(res.headers()['content-type']).toContain('application/json');
    expect((await res.json()).error.code).toBe('unauthorized');
  }
});

test('a signed-in admin gets 403 JSON from an action cases need, and its session works for reads', async ({ page, loginAs }) => {
  await loginAs('admin', null);
  const summary = await page.request.get('/api/v1/stats/summary');
  expect(summary.status()).toBe(200);
  const refused = await page.request.post('/api/v1/cases/1/transitions', { data: { to: 'ordered', expectedRevision: 1 } });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.code).toBe('forbidden');
});
