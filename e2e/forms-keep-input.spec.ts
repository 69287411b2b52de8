import crypto from 'node:crypto';
import type { Locator, Page } from '@playwright/test';
import { expect, newCase, officeDay, signIn, test, type DemoRole } from './fixtures';

/**
 * Every form, refused once by the server, still shows everything the user typed, with the error
 * beside its field (components/forms/use-action-form.ts). Nothing here is saved: each submission is
 * refused on purpose.
 */
const suffix = crypto.randomBytes(3).toString('hex');

/** Signs out (cookies cleared) and in again as another role. */
async function signInAgain(page: Page, role: DemoRole, path: string) {
  await page.context().clearCookies();
  await signIn(page, role, path);
}

/** Submits once hydrated: a click before React hydrates would post the form natively. */
async function submitUntilRefused(page: Page, button: Locator, error: Locator) {
  await page.waitForLoadState('networkidle');
  await expect(async () => {
    await button.click({ timeout: 2000 });
    await expect(error).toBeVisible({ timeout: 3000 });
  }).toPass({ timeout: 30_000 });
}

test('the operator form keeps every field when the USCC check digit is wrong', async ({ page, loginAs }) => {
  await loginAs('inspector', '/operators/new');
  await page.locator('#name').fill(`保留输入科技有限公司${suffix}`);
  await page.locator('#uscc').fill('91310000MA1FL0000X');
  await page.locator('#region').selectOption('310000');
  await page.locator('#region-1').selectOption('310100'); // 市辖区: Shanghai's districts are under it
  await page.locator('#region-2').selectOption('310104');
  await page.locator('#contact').fill('021-5555 0000');
  await submitUntilRefused(page, page.getByRole('button', { name: /保存|Save/ }), page.locator('#uscc-error'));
  await expect(page.locator('#name')).toHaveValue(`保留输入科技有限公司${suffix}`);
  await expect(page.locator('#uscc')).toHaveValue('91310000MA1FL0000X');
  await expect(page.locator('#region')).toHaveValue('310000');
  await expect(page.locator('#region-2')).toHaveValue('310104');
  await expect(page.locator('#contact')).toHaveValue('021-5555 0000');
});

test('the subject form keeps name, sector and identifiers when the operator is missing', async ({ page, loginAs }) => {
  await loginAs('inspector', '/subjects/new');
  await page.locator('#name').fill(`保留输入小程序${suffix}`);
  await page.locator('#sector').selectOption('parking');
  await page.locator('[id="identifier.mini_program_appid"]').fill(`wx${suffix}keep`);
  await submitUntilRefused(page, page.getByRole('button', { name: /保存|Save/ }), page.locator('#operatorId-error'));
  await expect(page.locator('#name')).toHaveValue(`保留输入小程序${suffix}`);
  await expect(page.locator('#sector')).toHaveValue('parking');
  await expect(page.locator('[id="identifier.mini_program_appid"]')).toHaveValue(`wx${suffix}keep`);
});

test('the inspection form keeps the version and notes when no subject is chosen', async ({ page, loginAs }) => {
  await loginAs('inspector', '/inspections/new');
  await page.locator('#version').fill(`9.9.${suffix}`);
  await page.locator('#notes').fill('复检备注');
  await submitUntilRefused(page, page.getByRole('button', { name: /保存|Save|登记|Log/ }).last(), page.locator('#subjectId-error, [id$="subject-error"]').first());
  await expect(page.locator('#version')).toHaveValue(`9.9.${suffix}`);
  await expect(page.locator('#notes')).toHaveValue('复检备注');
});

test('the order panel keeps a past deadline and the reason, with the error beside the deadline', async ({ page, loginAs }) => {
  await loginAs('inspector', null);
  // A case of its own (a demo case may change state in another worker meanwhile).
  const id = await newCase(page.request, 'open');
  await page.goto(`/cases/${id}`);
  await page.waitForLoadState('networkidle');
  await page.locator('[data-action="order"]').click();
  const past = officeDay(-1);
  await page.locator('#tr-ordered-deadline').fill(past);
  await page.locator('#tr-ordered-reason').fill(`逾期日期保留测试${suffix}`);
  await submitUntilRefused(page, page.locator('#transition-ordered').getByRole('button', { name: /确认|Confirm/ }), page.locator('#tr-ordered-deadline-error'));
  await expect(page.locator('#tr-ordered-deadline')).toHaveValue(past);
  await expect(page.locator('#tr-ordered-reason')).toHaveValue(`逾期日期保留测试${suffix}`);
});

test('the flag review keeps the decision and reason when the escalation is missing', async ({ page, loginAs }) => {
  await loginAs('supervisor', '/offenders');
  await page.getByTestId('offender-queue').locator('tbody tr a').first().click();
  await page.waitForURL(/\/offenders\/\d+$/);
  await page.waitForLoadState('networkidle');
  await page.getByRole('radio', { name: /^(Confirm|确认)$/ }).check();
  await page.locator('#reason').fill(`同一运营主体多次违规${suffix}`);
  await submitUntilRefused(page, page.getByRole('button', { name: /Record the review|提交复核/ }), page.locator('#escalation-error'));
  await expect(page.locator('#escalation-error')).toHaveText(/处置措施|escalation/);
  await expect(page.getByRole('radio', { name: /^(Confirm|确认)$/ })).toBeChecked();
  await expect(page.locator('#reason')).toHaveValue(`同一运营主体多次违规${suffix}`);
});

test('the admin forms keep what was typed: new user, new token, rules, settings', async ({ page, loginAs }) => {
  await loginAs('admin', '/admin/users');
  await page.locator('#new-user-name').fill(`保留 ${suffix}`);
  await page.locator('#new-user-email').fill(`keep-${suffix}@rectify.demo`);
  await page.locator('#new-user-role').selectOption('supervisor');
  await page.locator('#new-user-password').fill('short');
  await submitUntilRefused(page, page.getByRole('button', { name: /新建用户|创建用户|Create user/ }), page.locator('#new-user-password-error'));
  await expect(page.locator('#new-user-name')).toHaveValue(`保留 ${suffix}`);
  await expect(page.locator('#new-user-email')).toHaveValue(`keep-${suffix}@rectify.demo`);
  await expect(page.locator('#new-user-role')).toHaveValue('supervisor');

  await page.goto('/admin/tokens');
  await page.locator('#token-role').selectOption('supervisor');
  await submitUntilRefused(page, page.getByRole('button', { name: /创建|Create/ }).first(), page.locator('#token-name-error'));
  await expect(page.locator('#token-role')).toHaveValue('supervisor');

  await page.goto('/admin/rules');
  const rule = page.locator('form[aria-label]').filter({ has: page.locator('input[name="threshold"]') }).first();
  await rule.locator('input[name="threshold"]').fill('0');
  await rule.locator('input[name="windowMonths"]').fill('7');
  await submitUntilRefused(page, rule.getByRole('button'), rule.getByRole('alert').first());
  await expect(rule.locator('input[name="threshold"]')).toHaveValue('0');
  await expect(rule.locator('input[name="windowMonths"]')).toHaveValue('7');

  await page.goto('/admin/settings');
  await page.locator('#days').fill('999');
  await submitUntilRefused(page, page.locator('form').filter({ has: page.locator('#days') }).getByRole('button'), page.locator('#days-error'));
  await expect(page.locator('#days')).toHaveValue('999');
  await page.locator('#office-zh').fill('');
  await page.locator('#office-en').fill(`Kept Office ${suffix}`);
  await submitUntilRefused(page, page.locator('form').filter({ has: page.locator('#office-zh') }).getByRole('button'), page.locator('#office-zh-error'));
  await expect(page.locator('#office-en')).toHaveValue(`Kept Office ${suffix}`);
});

test('the notice composer keeps its titles when saved without cases', async ({ page, loginAs }) => {
  await loginAs('supervisor', '/notices/manage/new');
  await page.waitForLoadState('networkidle');
  await page.locator('#titleZh').fill(`保留标题${suffix}`);
  await page.locator('#titleEn').fill(`Kept title ${suffix}`);
  await page.getByRole('button', { name: /^(保存|Save)/ }).last().click();
  await expect(page.getByRole('alert').first()).toBeVisible();
  await expect(page.locator('#titleZh')).toHaveValue(`保留标题${suffix}`);
  await expect(page.locator('#titleEn')).toHaveValue(`Kept title ${suffix}`);
});

// The sign-in form keeps the email after a wrong password: e2e/auth.spec.ts (the same refusal, one page).

test('the portal forms keep what the contact typed: report, extension request, objection', async ({ page, loginAs }) => {
  await loginAs('contact', '/portal');
  // The portal lists open work first: its first case is open.
  const first = page.getByTestId('portal-cases').locator('a[href^="/portal/cases/"]').first();
  await page.goto((await first.getAttribute('href'))!);

  // Report: the description left empty; the version stays, the error sits beside the description.
  await page.locator('#report-version').fill(`8.8.${suffix}`);
  await submitUntilRefused(page, page.getByRole('form', { name: /报告整改|Report/ }).getByRole('button').last(), page.locator('#report-description-error'));
  await expect(page.locator('#report-description-error')).toHaveText(/必填|Required/);
  await expect(page.locator('#report-version')).toHaveValue(`8.8.${suffix}`);

  // Extension request (when none is waiting): the reason left empty; the date stays.
  if (await page.locator('#extension-until').count()) {
    const until = officeDay(30);
    await page.locator('#extension-until').fill(until);
    await submitUntilRefused(page, page.locator('form').filter({ has: page.locator('#extension-until') }).getByRole('button'), page.locator('#extension-reason-error'));
    await expect(page.locator('#extension-until')).toHaveValue(until);
  }

  // Objection: the reason left empty; the finding chosen stays.
  const options = page.locator('#objection-finding option');
  const chosen = await options.nth((await options.count()) - 1).getAttribute('value');
  await page.locator('#objection-finding').selectOption(chosen!);
  await submitUntilRefused(page, page.locator('form').filter({ has: page.locator('#objection-finding') }).locator('button[type="submit"]'), page.locator('#objection-reason-error'));
  await expect(page.locator('#objection-finding')).toHaveValue(chosen!);
  await expect(page.locator('#report-version')).toHaveValue(`8.8.${suffix}`);
});

test('the contact invitation and the activation keep what was typed', async ({ page, loginAs }) => {
  await loginAs('supervisor', '/operators');
  const { items } = (await (await page.request.get('/api/v1/operators?limit=1')).json()) as { items: { id: number }[] };
  await page.goto(`/operators/${items[0]!.id}`);
  await page.locator('#contact-name').fill(`保留联系人${suffix}`);
  await page.locator('#contact-email').fill('not-an-email');
  await submitUntilRefused(page, page.locator('form').filter({ has: page.locator('#contact-email') }).getByRole('button'), page.locator('#contact-email-error'));
  await expect(page.locator('#contact-name')).toHaveValue(`保留联系人${suffix}`);
  await expect(page.locator('#contact-email')).toHaveValue('not-an-email');
  await expect(page.getByTestId('activation-link')).toHaveCount(0);

  await page.goto('/portal/activate?token=0000000000000000000000000000000000000000000');
  await page.locator('#activate-password').fill('short');
  await page.locator('#activate-confirm').fill('different');
  await submitUntilRefused(page, page.locator('form').filter({ has: page.locator('#activate-password') }).getByRole('button'), page.locator('#activate-confirm-error'));
  await expect(page.locator('#activate-password')).toHaveValue('short');
  await expect(page.locator('#activate-confirm')).toHaveValue('different');
});

test('the supervisor\'s extension on a case keeps its date when the reason is missing', async ({ page, loginAs }) => {
  // An ordered case of its own, made by the inspector (a demo case may be notified by another worker meanwhile).
  await loginAs('inspector', null);
  const id = await newCase(page.request, 'ordered');
  await signInAgain(page, 'supervisor', `/cases/${id}`);
  const until = officeDay(40);
  await page.locator('#extend-until').fill(until);
  await submitUntilRefused(page, page.locator('form').filter({ has: page.locator('#extend-until') }).getByRole('button'), page.locator('#extend-reason-error'));
  await expect(page.locator('#extend-until')).toHaveValue(until);
});

test('the campaign and taxonomy forms keep what was typed', async ({ page, loginAs }) => {
  await loginAs('supervisor', '/campaigns/new');
  await page.locator('#code').fill(`KEEP-${suffix}`);
  await page.locator('#nameZh').fill(`保留专项${suffix}`);
  await submitUntilRefused(page, page.locator('form').filter({ has: page.locator('#code') }).getByRole('button', { name: /保存|创建|Save|Create/ }).last(), page.locator('#nameEn-error'));
  await expect(page.locator('#code')).toHaveValue(`KEEP-${suffix}`);
  await expect(page.locator('#nameZh')).toHaveValue(`保留专项${suffix}`);

  await signInAgain(page, 'admin', '/admin/taxonomies');
  const add = page.locator('form').filter({ has: page.locator('[id="sectors-new-code"]') });
  await add.locator('[id="sectors-new-code"]').fill(`keep_${suffix}`);
  await add.locator('[id="sectors-new-labelZh"]').fill(`保留行业${suffix}`);
  await submitUntilRefused(page, add.getByRole('button'), add.locator('[id="sectors-new-labelEn-error"]'));
  await expect(add.locator('[id="sectors-new-code"]')).toHaveValue(`keep_${suffix}`);
  await expect(add.locator('[id="sectors-new-labelZh"]')).toHaveValue(`保留行业${suffix}`);
});
