import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { makePng } from '../tests/support/png';
import { chooseLocale, expect, expectAccessible, SCREENSHOTS, shot, sidewaysScroll, signIn, test } from './fixtures';

/**
 * The operator's side (issue #19, DESIGN §9), in the browser: a supervisor invites a contact; the
 * contact activates (the link refuses a second use), signs in, sees exactly its operator's cases,
 * acknowledges an order and reports a fix with a screenshot; an inspector finds it in "fixes to
 * verify" and verifies it after a re-test; the contact asks for more time on another case and the
 * supervisor grants it; an objection is decided (the finding upheld). Then: another operator's ids on
 * every portal route answer 404. Every portal page fits a 390 px phone in zh and en (screenshots at
 * 1440 and 390 px on request: E2E_SCREENSHOTS).
 */
const PASSWORD = 'Portal-Contact-2026!';
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const plusDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const uscc = (n: number) => {
  // GB 32100-2015 check digit over a 17-character body.
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const body = `91330100MA${String(n).padStart(7, '0')}`;
  const sum = [...body].reduce((s, c, i) => s + chars.indexOf(c) * weights[i]!, 0);
  return body + chars[(31 - (sum % 31)) % 31];
};

async function json<T>(res: Awaited<ReturnType<APIRequestContext['get']>>, status?: number): Promise<T> {
  if (status) expect(res.status(), await res.text()).toBe(status);
  return (await res.json()) as T;
}

/** An operator with one subject and two ordered cases, made through the API as the office would. */
async function operatorWithOrders(request: APIRequestContext, seed: number) {
  const op = await json<{ operator: { id: number } }>(await request.post('/api/v1/operators', { data: { name: `门户测试科技有限公司${seed}`, uscc: uscc(seed), region: '330100', contact: '' } }), 201);
  const subject = await json<{ subject: { id: number } }>(await request.post('/api/v1/subjects', {
    data: { kind: 'app', platform: 'android', name: `门户测试App${seed}`, sector: 'parking', operatorId: op.operator.id, identifiers: [{ type: 'package_name', value: `com.portal.test${seed}` }], storeListings: [{ store: 'huawei', versionSeen: '1.0.0' }] },
  }), 201);
  const up = await request.post('/api/v1/evidence', { multipart: { file: { name: `检测截图-${seed}.png`, mimeType: 'image/png', buffer: makePng(seed, 200, 120) } } });
  const sha = (await json<{ sha256: string }>(up)).sha256;
  const cases: number[] = [];
  for (const [i, category] of (['permission_forced', 'collect_excessive'] as const).entries()) {
    const created = await json<{ case: { id: number } }>(await request.post('/api/v1/inspections', {
      data: {
        subjectId: subject.subject.id, version: `1.0.${i}`, inspectedOn: plusDays(today(), -2), method: 'technical_test', notes: '内部备注：复测时注意登录流程。',
        findings: [{ category, severity: 'high', description: i === 0 ? '拒绝定位权限后无法使用基本功能' : '收集与业务无关的通讯录信息', legalBasis: '', evidence: [sha] }],
      },
    }), 201);
    await json(await request.post(`/api/v1/cases/${created.case.id}/transitions`, { data: { to: 'ordered', reason: '责令限期整改', deadline: plusDays(today(), 10), expectedRevision: 1 } }), 200);
    cases.push(created.case.id);
  }
  return { operatorId: op.operator.id, cases };
}

async function signInAs(page: Page, email: string, password: string) {
  await page.goto('/signin');
  await page.waitForLoadState('networkidle');
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('form').filter({ has: page.locator('input[name="password"]') }).locator('button[type="submit"], button:not([type])').first().click();
  await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
}

async function contactPage(browser: Browser, baseURL: string | undefined, lang: 'zh' | 'en' = 'zh') {
  const context = await browser.newContext({ baseURL, locale: lang === 'zh' ? 'zh-CN' : 'en-GB' });
  await context.addCookies([{ name: 'NEXT_LOCALE', value: lang, url: baseURL! }]);
  return { context, page: await context.newPage() };
}

test('a contact acknowledges, reports a fix, asks for time and objects; the office verifies, grants and decides', async ({ page, browser, baseURL, loginAs }) => {
  test.setTimeout(300_000);
  await loginAs('supervisor', null);
  const seed = 7_000_000 + (Date.now() % 900_000);
  const { operatorId, cases: [first, second] } = await operatorWithOrders(page.request, seed);

  // The supervisor invites a contact on the operator's page; the link is shown once.
  await page.goto(`/operators/${operatorId}`);
  const email = `portal-${seed}@example.cn`;
  await page.getByLabel('姓名').fill('周婷');
  await page.getByLabel('邮箱').fill(email);
  await page.getByRole('button', { name: '邀请', exact: true }).click();
  const link = (await page.getByTestId('activation-link').innerText()).trim();
  expect(link).toContain('/portal/activate?token=');
  await expect(page.getByText('已邀请')).toBeVisible();

  // The contact activates through the link; the link refuses a second use.
  const { context, page: contact } = await contactPage(browser, baseURL);
  await contact.goto(link);
  await contact.waitForLoadState('networkidle');
  await expectAccessible(contact);
  await contact.getByLabel('新密码').fill(PASSWORD);
  await contact.getByLabel('再次输入密码').fill(PASSWORD);
  await contact.getByRole('button', { name: '激活' }).click();
  await expect(contact.getByText('账号已激活。')).toBeVisible();
  await contact.goto(link);
  await contact.waitForLoadState('networkidle');
  await contact.getByLabel('新密码').fill(PASSWORD);
  await contact.getByLabel('再次输入密码').fill(PASSWORD);
  await contact.getByRole('button', { name: '激活' }).click();
  await expect(contact.getByRole('alert').filter({ hasText: '已被使用' })).toBeVisible();

  // It signs in through the one sign-in and lands on /portal, with exactly its operator's cases.
  await signInAs(contact, email, PASSWORD);
  await expect(contact).toHaveURL(/\/portal$/);
  const listed = contact.getByTestId('portal-cases').locator('li');
  await expect(listed).toHaveCount(2);
  await expect(contact.getByTestId('portal-cases')).toContainText(`#${first}`);
  await expect(contact.getByTestId('portal-cases')).toContainText(`#${second}`);
  await expectAccessible(contact);

  // Acknowledge the first order, then report the fix with a screenshot.
  await contact.goto(`/portal/cases/${first}`);
  await expect(contact.locator('body')).not.toContainText('内部备注');
  await contact.getByRole('button', { name: '签收整改通知' }).click();
  await expect(contact.getByTestId('portal-history')).toContainText('已签收整改通知');
  await contact.getByLabel('已整改的版本').fill('1.0.9');
  await contact.getByLabel('整改说明').fill('移除了强制定位权限申请，拒绝后可正常使用。');
  await contact.locator('#report-files').setInputFiles({ name: '整改后截图.png', mimeType: 'image/png', buffer: makePng(seed + 1, 320, 200) });
  await contact.getByRole('button', { name: '提交整改报告' }).click();
  await expect(contact.getByTestId('portal-history')).toContainText('已报告整改');
  await expect(contact.getByTestId('portal-history').getByRole('link', { name: '整改后截图.png' })).toBeVisible();

  // The inspector sees it in "fixes to verify" and verifies it after a re-test.
  // In the supervisor's page (not needed meanwhile; a browser context of the inspector's own would start a
  // renderer with nothing compiled): the inspector signs in over the supervisor's session, who signs in again after.
  const inspector = page;
  await signIn(inspector, 'inspector', '/queue');
  // The list shows 50 at a time, the longest waiting first (README "Limits"): the new fix may be on a later page.
  const fix = inspector.getByTestId('queue-fixes').locator(`[data-case-id="${first}"]`);
  for (let n = 2; n <= 4 && !(await fix.count()); n++) {
    await inspector.getByTestId('queue-fixes-pager').getByRole('link', { name: '下一页' }).click();
    await inspector.waitForURL(new RegExp(`fixesPage=${n}`));
  }
  await expect(fix).toContainText('经门户报告');
  const detail = await json<{ case: { revision: number } }>(await inspector.request.get(`/api/v1/cases/${first}`));
  await json(await inspector.request.post(`/api/v1/cases/${first}/transitions`, { data: { to: 'verified', reason: '复测通过', version: '1.0.9', expectedRevision: detail.case.revision } }), 200);
  await contact.reload();
  await expect(contact.getByText('复测通过').first()).toBeVisible();

  // More time on the second case: the contact asks, the supervisor grants it; the deadline moves.
  const until = plusDays(today(), 25);
  await contact.goto(`/portal/cases/${second}`);
  await contact.getByLabel('申请的新期限').fill(until);
  await contact.getByLabel('理由').first().fill('需要第三方SDK供应商配合升级。');
  await contact.getByRole('button', { name: '申请延期' }).click();
  await expect(contact.getByTestId('portal-history')).toContainText('待决定');
  await signIn(page, 'supervisor', `/cases/${second}`);
  const activity = page.getByTestId('portal-activity');
  await activity.getByLabel('理由（联系人可见）').fill('同意延期，请按期完成。');
  await activity.getByRole('button', { name: '批准', exact: true }).click();
  await expect(activity).toContainText('已批准');
  await contact.reload();
  await expect(contact.getByTestId('portal-deadline')).toHaveText(until);

  // An objection to the second case's finding: the supervisor upholds the finding.
  await contact.getByLabel('理由').last().fill('该权限仅在用户主动使用导航功能时申请。');
  await contact.getByRole('button', { name: '提交异议' }).click();
  await expect(contact.getByTestId('portal-history')).toContainText('对问题提出异议');
  await page.reload();
  await activity.getByLabel('理由（联系人可见）').fill('复核录屏后维持原认定。');
  await activity.getByRole('button', { name: '维持原认定' }).click();
  // The button itself reads 维持原认定: wait for the decision's reason, shown once it is recorded.
  await expect(activity).toContainText('复核录屏后维持原认定');
  await expect(activity.getByRole('button', { name: '维持原认定' })).toHaveCount(0);
  await contact.reload();
  await expect(contact.getByTestId('portal-history')).toContainText('复核录屏后维持原认定');

  // Another operator's case, subject or file by every portal route: 404.
  const others = await json<{ items: { id: number }[] }>(await page.request.get('/api/v1/cases?limit=5&state=ordered'));
  const foreign = others.items.map((c) => c.id).find((id) => id !== first && id !== second)!;
  const foreignCase = await json<{ findings: { id: number; evidence: { sha256: string }[] }[] }>(await page.request.get(`/api/v1/cases/${foreign}`));
  const foreignSha = foreignCase.findings.flatMap((f) => f.evidence.map((e) => e.sha256))[0];
  const probes: [string, string, unknown?][] = [
    ['GET', `/api/portal/v1/cases/${foreign}`],
    ['POST', `/api/portal/v1/cases/${foreign}/acknowledge`],
    ['POST', `/api/portal/v1/cases/${foreign}/report`, { version: '9', description: 'x', evidence: [] }],
    ['POST', `/api/portal/v1/cases/${foreign}/extension-request`, { until, reason: 'x' }],
    ['POST', `/api/portal/v1/cases/${foreign}/objection`, { findingId: foreignCase.findings[0]!.id, reason: 'x', evidence: [] }],
    ['GET', `/api/portal/v1/cases/999999`],
  ];
  if (foreignSha) probes.push(['GET', `/api/portal/v1/evidence/${foreignSha}`]);
  for (const [method, url, data] of probes) {
    const res = await contact.request.fetch(url, { method, data, headers: { origin: baseURL! } });
    expect(res.status(), `${method} ${url}`).toBe(404);
  }
  const foreignPage = await contact.goto(`/portal/cases/${foreign}`);
  expect(foreignPage!.status()).toBe(404);
  await context.close();
});

test('every portal page fits a 390 px phone in zh and en, and passes axe (screenshots at 1440 and 390 px on request)', async ({ page }) => {
  test.setTimeout(240_000);
  // At 1440 px only screenshots were taken: without them, the wide layout is not loaded.
  const widths = SCREENSHOTS ? ([[1440, 900], [390, 844]] as const) : ([[390, 844]] as const);
  for (const lang of ['zh', 'en'] as const) {
    // The worker's page, signed out (the other language's session gone), in this language.
    await page.context().clearCookies();
    await chooseLocale(page, lang);
    await page.goto('/portal/activate?token=example-token-from-an-invitation');
    for (const [w, h] of widths) {
      await page.setViewportSize({ width: w, height: h });
      await shot(page, `portal-activate-${w}-${lang}`, { fullPage: true });
      expect(await sidewaysScroll(page), `the activation page scrolls sideways at ${w}px`).toBeLessThanOrEqual(1);
    }
    await signIn(page, 'contact', '/portal');
    const firstCase = page.getByTestId('portal-cases').locator('a').first();
    const href = await firstCase.getAttribute('href');
    for (const [w, h] of widths) {
      await page.setViewportSize({ width: w, height: h });
      // The home page was loaded at this size already by signIn when there is only one size.
      if (widths.length > 1) await page.goto('/portal');
      await shot(page, `portal-home-${w}-${lang}`, { fullPage: true });
      expect(await sidewaysScroll(page), `the portal home scrolls sideways at ${w}px`).toBeLessThanOrEqual(1);
      await page.goto(href!);
      await shot(page, `portal-case-${w}-${lang}`, { fullPage: true });
      expect(await sidewaysScroll(page), `the portal case scrolls sideways at ${w}px`).toBeLessThanOrEqual(1);
    }
    await expectAccessible(page);
  }
});
