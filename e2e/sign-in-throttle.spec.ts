import type { Page } from '@playwright/test';
import { expect, expectAccessible, shot, test } from './fixtures';

/**
 * Sign-in throttling as a person meets it: after five wrong passwords for one account the sixth
 * attempt is refused with how long to wait, in the reader's language. A made-up address is used,
 * so the demo accounts the other specs sign in with are never locked.
 */
async function attempt(page: Page, email: string) {
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', 'not-the-password');
  await page.click('button[type=submit]');
  const alert = page.locator('form').getByRole('alert');
  await expect(alert).toBeVisible();
  return alert;
}

for (const locale of ['en', 'zh'] as const) {
  test(`after five failures the account is throttled with a clear message (${locale})`, async ({ page, baseURL }) => {
    await page.context().addCookies([{ name: 'NEXT_LOCALE', value: locale, url: baseURL! }]);
    const email = `locked.${locale}.${Date.now()}@rectify.test`;
    await page.goto('/signin');
    await page.waitForLoadState('networkidle');
    for (let i = 0; i < 5; i++) {
      const alert = await attempt(page, email);
      await expect(alert).not.toContainText(locale === 'en' ? 'Too many' : '过多');
    }
    const alert = await attempt(page, email);
    await expect(alert).toContainText(
      locale === 'en' ? 'Too many failed attempts for this account; try again in 15 minutes.' : '该账号登录失败次数过多，请 15 分钟后再试。',
    );
    expect(page.url()).toContain('/signin');
    await expectAccessible(page);
    await shot(page, `signin-throttled-${locale}`);
  });
}
