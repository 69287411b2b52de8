import fs from 'node:fs';
import type { APIRequestContext, Page } from '@playwright/test';
import { makePdf } from '../tests/support/pdf';
import { makePng } from '../tests/support/png';
import { expect, expectAccessible, newCase, officeDay, test } from './fixtures';

/**
 * Case work in the browser (issue #15): an inspector takes a case, writes an internal comment, sees
 * the inspection notes and previews of the evidence under their uploaded names, finds the case under
 * "my cases", and prints the rectification order and the case file on A4. With E2E_SCREENSHOTS=1 the
 * pages are saved under docs/screenshots/ at 1440 and 390 px in both languages.
 */
const SHOTS = process.env.E2E_SCREENSHOTS === '1';
/** The order's deadline: two weeks from today in the office's calendar (a fixed date would pass). */
const DEADLINE = officeDay(14);

async function upload(request: APIRequestContext, bytes: Buffer, name: string, mimeType: string): Promise<string> {
  const res = await request.post('/api/v1/evidence', { multipart: { file: { name, mimeType, buffer: bytes } } });
  expect(res.status(), await res.text()).toBeLessThan(300);
  return ((await res.json()) as { sha256: string }).sha256;
}

/** An ordered case with a screenshot and a PDF as evidence, made through the API as an inspector would. */
async function orderedCase(request: APIRequestContext, seed: number): Promise<number> {
  const png = await upload(request, makePng(seed, 320, 200), `首页弹窗截图-${seed}.png`, 'image/png');
  const pdf = await upload(request, makePdf('Privacy policy as shown on first launch', seed), `隐私政策截屏-${seed}.pdf`, 'application/pdf');
  const subject = ((await (await request.get('/api/v1/subjects?limit=1&kind=mini_program')).json()) as { items: { id: number }[] }).items[0]!;
  const created = await request.post('/api/v1/inspections', {
    data: {
      subjectId: subject.id, version: '3.2.10', inspectedOn: '2026-11-20', method: 'technical_test',
      notes: '扫码后强制要求授权手机号，拒绝后无法进入点餐页面；隐私政策未列明第三方SDK。',
      findings: [
        { category: 'permission_forced', severity: 'high', description: '拒绝授权手机号后无法使用基本功能', legalBasis: '', evidence: [png] },
        { category: 'rules_undisclosed', severity: 'medium', description: '隐私政策未说明第三方SDK收集的个人信息', legalBasis: '', evidence: [pdf] },
      ],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const id = ((await created.json()) as { case: { id: number } }).case.id;
  const ordered = await request.post(`/api/v1/cases/${id}/transitions`, { data: { to: 'ordered', reason: '责令限期整改', deadline: DEADLINE, expectedRevision: 1 } });
  expect(ordered.status(), await ordered.text()).toBe(200);
  return id;
}

async function a4Pages(page: Page): Promise<number> {
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const text = pdf.toString('latin1');
  // Chromium writes one MediaBox per page: A4 is 210 × 297 mm = 595.28 × 841.89 pt (US letter would be 612 × 792).
  const boxes = [...text.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
  expect(boxes.length).toBeGreaterThan(0);
  for (const [w, h] of boxes) {
    expect(Math.abs(w! - 595.28)).toBeLessThan(1.5);
    expect(Math.abs(h! - 841.89)).toBeLessThan(1.5);
  }
  return boxes.length;
}

test('an inspector takes a case, comments on it, previews its evidence and prints its documents', async ({ page, loginAs }) => {
  await loginAs('inspector', null);
  const id = await orderedCase(page.request, 2601);
  await page.goto(`/cases/${id}`);
  await expect(page.getByTestId('case-assignee')).toHaveText('未分派');
  await page.getByRole('button', { name: '分派给我' }).click();
  await expect(page.getByTestId('case-assignee')).not.toHaveText('未分派');
  await expect(page.getByRole('status')).toContainText('已分派给');

  await page.getByLabel('新意见').fill('已电话联系运营者，对方承诺 12 月 15 日前提交整改报告。');
  await page.getByRole('button', { name: '添加意见' }).click();
  await expect(page.getByTestId('case-comments')).toContainText('对方承诺 12 月 15 日前提交整改报告');

  await expect(page.getByTestId('inspection-notes')).toContainText('扫码后强制要求授权手机号');
  const img = page.locator('[data-testid="evidence-file"] img').first();
  await expect(img).toBeVisible();
  expect(await img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(320);
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: '首页弹窗截图-2601.png' }).click();
  expect((await download).suggestedFilename()).toBe('首页弹窗截图-2601.png');
  await expectAccessible(page);

  await page.goto('/cases?assignee=me');
  await expect(page.locator(`[data-case-id="${id}"]`)).toBeVisible();
  await expect(page.getByRole('link', { name: '我的案件' })).toHaveAttribute('aria-current', 'page');

  await page.goto(`/cases/${id}/order`);
  await expect(page.getByTestId('office-name')).toHaveText('个人信息保护检查办公室');
  await expect(page.getByTestId('order-demand')).toContainText(DEADLINE);
  await expect(page.getByTestId('draft-mark')).toHaveCount(0);
  expect(await a4Pages(page)).toBe(1);
  await page.goto(`/cases/${id}/file`);
  await expect(page.getByTestId('evidence-list')).toContainText('隐私政策截屏-2601.pdf');
  await expect(page.getByTestId('file-comments')).toContainText('对方承诺');
  expect(await a4Pages(page)).toBeGreaterThanOrEqual(1);
});

test('an open case prints its order as a marked draft', async ({ page, loginAs }) => {
  await loginAs('inspector', null);
  // Its own open case: the demo's first open case may be ordered by another worker meanwhile.
  const id = await newCase(page.request, 'open');
  await page.goto(`/cases/${id}/order`);
  await expect(page.getByTestId('draft-mark')).toBeVisible();
});

test.describe('screenshots', () => {
  test.skip(!SHOTS, 'screenshots only on request (E2E_SCREENSHOTS=1)');
  for (const lang of ['zh', 'en'] as const) {
    test(`case work and documents in ${lang}`, async ({ page, context, loginAs, baseURL }) => {
      await context.addCookies([{ name: 'NEXT_LOCALE', value: lang, url: baseURL! }]);
      await loginAs('supervisor', null);
      const id = await orderedCase(page.request, lang === 'zh' ? 2701 : 2702);
      const users = ((await (await page.request.get('/api/v1/users/me')).json()) as { id: number });
      expect((await page.request.put(`/api/v1/cases/${id}/assignee`, { data: { userId: users.id } })).status()).toBe(200);
      await page.request.post(`/api/v1/cases/${id}/comments`, { data: { body: lang === 'zh' ? '请于期限届满后三日内安排复测。' : 'Re-test within three days after the deadline, please.' } });
      await page.request.post(`/api/v1/cases/${id}/comments`, { data: { body: lang === 'zh' ? '运营者已确认收到通知书，联系人：王女士。' : 'The operator confirmed receipt of the order; contact: Ms Wang.' } });
      fs.mkdirSync('docs/screenshots', { recursive: true });
      for (const [width, suffix] of [[1440, ''], [390, '-mobile']] as const) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`/cases/${id}`);
        await page.locator('details summary').first().click();
        await expect(page.locator('iframe').first()).toBeVisible();
        await page.waitForTimeout(800);
        await page.screenshot({ path: `docs/screenshots/casework-case-${lang}${suffix}.png`, fullPage: true });
        await page.goto(`/cases?assignee=me`);
        await page.screenshot({ path: `docs/screenshots/casework-my-cases-${lang}${suffix}.png`, fullPage: false });
      }
      await page.setViewportSize({ width: 794, height: 1123 });
      await page.emulateMedia({ media: 'print' });
      for (const doc of ['order', 'file'] as const) {
        await page.goto(`/cases/${id}/${doc}`);
        await page.screenshot({ path: `docs/screenshots/documents-${doc}-${lang}.png`, fullPage: true });
        fs.writeFileSync(`test-results/documents-${doc}-${lang}.pdf`, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
      }
      await page.emulateMedia({ media: 'screen' });
    });
  }
});
