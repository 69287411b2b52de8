import { expect, expectAccessible, signInByApi, test } from './fixtures';

test('an admin disables a user and that user\'s open session stops working at once', async ({ page, loginAs, playwright }) => {
  // A user of this test's own, so no other spec's demo account is disabled meanwhile.
  const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
  const email = `disable-${suffix}@rectify.test`;
  const password = `Stop-${Math.random().toString(36).slice(2, 10)}-2026!`; // not containing the address's user name
  await loginAs('admin', null);
  await page.goto('/admin/users');
  await page.waitForLoadState('networkidle');
  await page.locator('#new-user-name').fill(`停用测试 ${suffix}`);
  await page.locator('#new-user-email').fill(email);
  await page.locator('#new-user-role').selectOption('inspector');
  await page.locator('#new-user-password').fill(password);
  await page.getByRole('button', { name: /新建用户|创建用户|Create user/ }).click();
  const row = page.getByRole('row').filter({ hasText: email });
  await expect(row).toContainText('正常');
  await expectAccessible(page);

  // The inspector's open session: an HTTP client of its own with its own cookies (what the server decides
  // is the point: the same session cookie answered, then refused); no second browser is needed for that.
  const inspector = await playwright.request.newContext({ baseURL: new URL(page.url()).origin });
  try {
    await signInByApi(inspector, email, password);
    const before = await inspector.get('/cases', { maxRedirects: 0 });
    expect(before.status(), 'a staff page with the open session').toBe(200);
    expect(await before.text()).toContain(`停用测试 ${suffix}`);

    await row.getByRole('button', { name: /停用/ }).click();
    await expect(row).toContainText('已停用');

    // A staff page (the front door "/" now shows the public notices to anyone without a session).
    const after = await inspector.get('/cases', { maxRedirects: 0 });
    expect(after.status(), 'a staff page with the disabled user\'s session').toBe(307);
    expect(new URL(after.headers().location!, page.url()).pathname).toBe('/signin');
    const api = await inspector.get('/api/v1/stats/summary');
    expect(api.status()).toBe(401);
  } finally {
    await inspector.dispose();
  }
});

test('an admin creates an API token, sees the secret once, and the token works until revoked', async ({ page, loginAs, playwright }) => {
  // A name of this run's own: the list keeps revoked tokens, so a fixed name matched two rows when the spec ran
  // again on the same database (--repeat-each).
  const name = `e2e 检测平台 ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
  await loginAs('admin', null);
  await page.goto('/admin/tokens');
  await page.getByLabel('令牌名称').fill(name);
  await page.getByLabel('操作角色').selectOption('supervisor');
  await page.getByRole('button', { name: '创建令牌' }).click();
  const secret = (await page.getByTestId('token-secret').innerText()).trim();
  expect(secret).toMatch(/^rct_/);
  await expectAccessible(page);

  const api = await playwright.request.newContext({ baseURL: new URL(page.url()).origin, extraHTTPHeaders: { authorization: `Bearer ${secret}` } });
  expect((await api.get('/api/v1/stats/summary')).status()).toBe(200);
  await page.reload();
  await expect(page.getByText(secret)).toHaveCount(0);
  await page.getByRole('row').filter({ hasText: name }).getByRole('button', { name: /吊销/ }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: '吊销' }).click();
  await expect(page.getByRole('row').filter({ hasText: name })).toContainText('已吊销');
  expect((await api.get('/api/v1/stats/summary')).status()).toBe(401);
  await api.dispose();
});

test('an inspector cannot open the admin pages', async ({ page, loginAs }) => {
  await loginAs('inspector', null);
  for (const path of ['/admin/users', '/admin/tokens']) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(403);
    await expect(page.getByRole('heading', { name: '无权访问' })).toBeVisible();
  }
});
