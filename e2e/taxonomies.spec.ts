import type { Page } from '@playwright/test';
import { expect, expectAccessible, shot, test, chooseLocale } from './fixtures';

/**
 * Issue #15's acceptance for taxonomies: an admin adds a sector and a violation category with both
 * labels; they appear in the forms, the case list's filters and the dashboard's charts; retiring them
 * hides them from new input and keeps the records that use them intact.
 */
/** A full-page screenshot, on request (E2E_SCREENSHOTS). */
const shoot = (page: Page, name: string) => shot(page, `taxonomies-${name}`, { fullPage: true });

test('an admin adds a sector and a category in both languages; they are offered, filtered and charted; retired, they leave new input only', async ({ page, loginAs, baseURL }) => {
  test.setTimeout(300_000);
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
  const sector = { code: `e2e_${tag}`, zh: `共享单车${tag}`, en: `Bike sharing ${tag}` };
  const category = { code: `e2e_cat_${tag}`, zh: `违规处理人脸信息${tag}`, en: `Unlawful face data ${tag}` };

  await loginAs('admin', null);
  await chooseLocale(page, 'en');
  await page.goto('/admin/taxonomies');
  await page.waitForLoadState('networkidle');
  const addSector = page.getByRole('form', { name: 'Add a sector' });
  await addSector.getByRole('button', { name: 'Add a sector' }).click();
  await expect(addSector.getByRole('alert').first()).toBeVisible();
  await addSector.getByLabel('Code', { exact: true }).fill(sector.code);
  await addSector.getByLabel('Label (Chinese)').fill(sector.zh);
  await addSector.getByLabel('Label (English)').fill(sector.en);
  await addSector.getByRole('button', { name: 'Add a sector' }).click();
  await expect(page.locator(`[data-entry="sectors:${sector.code}"]`)).toContainText(sector.en);
  const addCategory = page.getByRole('form', { name: 'Add a violation category' });
  await addCategory.getByLabel('Code', { exact: true }).fill(category.code);
  await addCategory.getByLabel('Label (Chinese)').fill(category.zh);
  await addCategory.getByLabel('Label (English)').fill(category.en);
  await addCategory.getByLabel('Legal basis (Chinese)').fill('《中华人民共和国个人信息保护法》第二十八条');
  await addCategory.getByLabel('Legal basis (English)').fill('PIPL Art. 28');
  await addCategory.getByRole('button', { name: 'Add a violation category' }).click();
  await expect(page.locator(`[data-entry="categories:${category.code}"]`)).toContainText(category.en);
  await expectAccessible(page);
  await shoot(page, 'admin-en-1440');
  await page.context().clearCookies();

  // The inspector is offered both in the forms, and records a case with them.
  await loginAs('inspector', null);
  await chooseLocale(page, 'zh');
  await page.goto('/subjects/new');
  await expect(page.locator('#sector option', { hasText: sector.zh })).toHaveCount(1);
  await page.goto('/inspections/new');
  await expect(page.locator('select[id$="category"] option', { hasText: category.zh }).first()).toBeAttached();
  const api = async (url: string, data: unknown) => {
    const res = await page.request.post(url, { headers: { origin: baseURL! }, data });
    expect(res.status(), await res.text()).toBe(201);
    return res.json();
  };
  const operator = await page.request.get('/api/v1/operators?limit=1').then((r) => r.json());
  const subject = await api('/api/v1/subjects', { kind: 'app', platform: 'android', name: `单车测试${tag}`, sector: sector.code, operatorId: operator.items[0].id, identifiers: [{ type: 'package_name', value: `com.e2e.bike${tag}` }] });
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const inspection = await api('/api/v1/inspections', { subjectId: subject.subject?.id ?? subject.id, version: '1.0', inspectedOn: today, method: 'manual_review', findings: [{ category: category.code, severity: 'high', description: '未经单独同意采集人脸信息' }] });
  const caseId = inspection.case?.id ?? inspection.caseId;

  // The case list filters by them; the dashboard charts them.
  await page.goto('/cases');
  await page.locator('#f-sector').selectOption(sector.code);
  await page.locator('#f-category').selectOption(category.code);
  await page.getByRole('button', { name: /^(查询|Apply|Filter)$/ }).first().click();
  await expect(page).toHaveURL(new RegExp(`sector=${sector.code}`));
  await expect(page.locator('table tbody tr')).toHaveCount(1);
  await page.goto('/');
  await expect(page.locator('[data-chart="findings-by-sector"]')).toContainText(sector.zh);
  await page.goto(`/?sector=${sector.code}`);
  await expect(page.locator('[data-chart="category-shares"]')).toContainText(category.zh);
  await page.context().clearCookies();

  // Retired by the admin: gone from new input, kept on the case.
  await loginAs('admin', null);
  await page.goto('/admin/taxonomies');
  await page.getByRole('button', { name: `停用 ${sector.code}` }).click();
  await expect(page.locator(`[data-entry="sectors:${sector.code}"]`)).toContainText('已停用');
  await page.getByRole('button', { name: `停用 ${category.code}` }).click();
  await expect(page.locator(`[data-entry="categories:${category.code}"]`)).toContainText('已停用');
  await shoot(page, 'admin-zh-1440');
  await page.context().clearCookies();
  await loginAs('inspector', null);
  await page.goto('/subjects/new');
  await expect(page.locator('#sector option', { hasText: sector.zh })).toHaveCount(0);
  await page.goto('/inspections/new');
  await expect(page.locator('select[id$="category"] option', { hasText: category.zh })).toHaveCount(0);
  const refused = await page.request.post('/api/v1/subjects', { headers: { origin: baseURL! }, data: { kind: 'app', platform: 'android', name: `新单车${tag}`, sector: sector.code, operatorId: operator.items[0].id, identifiers: [{ type: 'package_name', value: `com.e2e.bike2${tag}` }] } });
  expect(refused.status()).toBe(422);
  await page.goto(`/cases/${caseId}`);
  await expect(page.locator('main')).toContainText(category.zh);
});
