import crypto from 'node:crypto';
import type { Page } from '@playwright/test';
import { makePng } from '../tests/support/png';
import { expect, expectAccessible, signIn, test } from './fixtures';

const suffix = crypto.randomBytes(3).toString('hex');
const name = `鹦鹉螺停车缴费${suffix}`;
const appid = `wx${crypto.randomBytes(8).toString('hex')}`;
const png = makePng(Number.parseInt(suffix, 16) % 200);
const pngSha = crypto.createHash('sha256').update(png).digest('hex');

async function registerSubject(page: Page, subjectName: string, identifiers: Record<string, string>) {
  await page.goto('/subjects/new');
  await page.getByLabel('名称', { exact: true }).fill(subjectName);
  // The operator is searched on the server as you type, and chosen from the list.
  await page.locator('#operatorId').fill('公司');
  await page.getByRole('listbox').getByRole('option').first().click();
  await page.locator('#sector').selectOption('parking');
  for (const [type, value] of Object.entries(identifiers)) await page.locator(`[id="identifier.${type}"]`).fill(value);
  await page.getByRole('button', { name: '保存' }).click();
  await page.waitForURL(/\/subjects\/\d+\?created=1/);
  return Number(/\/subjects\/(\d+)/.exec(page.url())![1]);
}

test.describe.serial('inspectors’ daily work: registry and inspections', () => {
  let subjectId = 0;

  test('an inspector registers a mini program, logs an inspection with two findings and a screenshot, and finds it', async ({ page, loginAs }) => {
    await loginAs('inspector', null);
    // Every field's error at once, in Chinese.
    await page.goto('/subjects/new');
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.locator('#name-error')).toHaveText('必填。');
    await expect(page.locator('#operatorId-error')).toBeVisible();
    await expect(page.locator('#sector-error')).toBeVisible();

    subjectId = await registerSubject(page, name, { mini_program_appid: appid });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    await expectAccessible(page);

    await page.getByRole('main').getByRole('link', { name: '登记检测' }).click();
    await page.waitForURL(/\/inspections\/new\?subject=/);
    await expect(page.locator('#subjectId')).toHaveValue(name);
    await page.locator('#version').fill('2.3.1');
    const findings = page.getByTestId('finding');
    await findings.nth(0).getByLabel('违规类别').selectOption('permission_forced');
    await expect(findings.nth(0).getByLabel('法律依据')).not.toHaveValue('');
    await findings.nth(0).getByLabel('问题描述').fill('首次打开即索取定位权限，拒绝后无法缴费');
    await findings.nth(0).getByLabel('证据文件').setInputFiles({ name: 'screen.png', mimeType: 'image/png', buffer: png });
    await expect(findings.nth(0).getByTestId('uploaded-sha256')).toContainText(pngSha);
    await page.getByRole('button', { name: '添加问题' }).click();
    await findings.nth(1).getByLabel('违规类别').selectOption('rules_undisclosed');
    await findings.nth(1).getByLabel('问题描述').fill('未提供隐私政策');
    await expectAccessible(page);
    await page.getByRole('button', { name: '保存检测并立案' }).click();
    await page.waitForURL(new RegExp(`/subjects/${subjectId}\\?inspection=\\d+`));
    await expect(page.getByTestId('inspection-saved')).toBeVisible();
    // The new case number in the banner is a link to the case.
    const caseNo = new URL(page.url()).searchParams.get('case');
    await expect(page.getByTestId('inspection-saved').getByRole('link', { name: `#${caseNo}` })).toHaveAttribute('href', `/cases/${caseNo}`);
    await expect(page.getByTestId('evidence-sha256').first()).toHaveText(pngSha);
    await expect(page.getByRole('link', { name: /^#\d+$/ }).first()).toHaveAttribute('href', /\/cases\/\d+/);

    // Found on /subjects by a two-character Chinese fragment of its name.
    await page.goto(`/subjects?q=${encodeURIComponent('鹦鹉')}`);
    const row = page.getByTestId('subject-row').filter({ hasText: name });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('待处理');
    await expectAccessible(page);
    await row.getByRole('link', { name }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);

    // The case is found in the case list by the same two-character fragment; its page shows the evidence hash.
    await page.goto(`/cases?q=${encodeURIComponent('鹦鹉')}`);
    const caseRow = page.getByTestId('case-table').getByRole('row').filter({ hasText: name });
    await expect(caseRow).toHaveCount(1);
    await caseRow.getByRole('link').first().click();
    await expect(page).toHaveURL(/\/cases\/\d+$/);
    await expect(page.getByTestId('evidence-sha256').first()).toContainText(pngSha);

    // The evidence downloads as an attachment, never sniffed.
    const download = await page.request.get(`/api/v1/evidence/${pngSha}`);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-disposition']).toMatch(/^attachment/);
    expect(download.headers()['x-content-type-options']).toBe('nosniff');
  });

  test('registering a subject sharing an identifier with a removed subject shows it as a probable match', async ({ page, loginAs }) => {
    await loginAs('inspector', null);
    const removed = await (await page.request.get('/api/v1/subjects?state=removed&limit=200')).json();
    let target: { id: number; name: string; type: string; value: string } | null = null;
    for (const s of removed.items as { id: number; name: string }[]) {
      const detail = await (await page.request.get(`/api/v1/subjects/${s.id}`)).json();
      const strong = (detail.identifiers as { type: string; value: string }[]).find((i) => i.type !== 'filing_number');
      if (strong) {
        target = { id: s.id, name: s.name, type: strong.type, value: strong.value };
        break;
      }
    }
    expect(target, 'the demo has a removed subject with an identifier').not.toBeNull();
    const id = await registerSubject(page, `换壳重上架${suffix}`, { [target!.type]: target!.value });
    const match = page.getByTestId('probable-match').filter({ hasText: target!.name });
    await expect(match).toBeVisible();
    await expect(match).toContainText(target!.value);
    await expect(match).toContainText(/已于 \d{4}-\d{2}-\d{2} 下架/);
    await match.getByRole('button', { name: '确认为同一对象' }).click();
    await expect(page.getByTestId('probable-match').filter({ hasText: target!.name })).toHaveCount(0);
    await expect(page.getByText('同一对象', { exact: true })).toBeVisible();
    expect(id).toBeGreaterThan(0);
  });

  test('a supervisor sees the same subject; an admin cannot log an inspection', async ({ browser }) => {
    const supervisor = await browser.newPage();
    await signIn(supervisor, 'supervisor', `/subjects/${subjectId}`);
    await expect(supervisor.getByRole('heading', { level: 1 })).toHaveText(name);
    await expect(supervisor.getByTestId('evidence-sha256').first()).toHaveText(pngSha);
    await supervisor.goto(`/cases?q=${encodeURIComponent('鹦鹉')}`);
    await supervisor.getByTestId('case-table').getByRole('row').filter({ hasText: name }).getByRole('link').first().click();
    await expect(supervisor.getByTestId('evidence-sha256').first()).toContainText(pngSha);
    await supervisor.close();

    const admin = await browser.newPage();
    // The subject's page, as the admin: it reads the subject, and neither the navigation nor the page offers to log an inspection.
    await signIn(admin, 'admin', `/subjects/${subjectId}`);
    await expect(admin.getByRole('heading', { level: 1 })).toHaveText(name);
    await expect(admin.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '被检对象' })).toBeVisible();
    await expect(admin.getByRole('link', { name: '登记检测' })).toHaveCount(0);
    const res = await admin.goto('/inspections/new');
    expect(res?.status()).toBe(403);
    await expect(admin.getByText('403')).toBeVisible();
    const api = await admin.request.post('/api/v1/inspections', {
      data: { subjectId, version: '1', inspectedOn: '2026-01-01', method: 'complaint', findings: [{ category: 'deceptive', severity: 'low', description: 'x' }] },
    });
    expect(api.status()).toBe(403);
    await admin.close();
  });
});
