import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

export type DemoRole = 'inspector' | 'supervisor' | 'supervisor2' | 'admin' | 'contact';

/** The demo accounts scripts/prepare-db.ts seeds (demo mode only). */
export const DEMO_PASSWORD = 'rectify-demo';
export const DEMO_ACCOUNTS: Record<DemoRole, { email: string; password: string }> = {
  inspector: { email: 'inspector@rectify.demo', password: DEMO_PASSWORD },
  supervisor: { email: 'supervisor@rectify.demo', password: DEMO_PASSWORD },
  supervisor2: { email: 'supervisor2@rectify.demo', password: DEMO_PASSWORD },
  admin: { email: 'admin@rectify.demo', password: DEMO_PASSWORD },
  /** The demo operator contact (DESIGN §9), for the operator of the earliest ordered case. */
  contact: { email: 'contact@rectify.demo', password: DEMO_PASSWORD },
};

/** Which database the server under test runs on (set by scripts/e2e.mjs). */
export const E2E_DATABASE = process.env.E2E_DATABASE as 'pglite' | 'postgres' | undefined;

/** Signs in through the sign-in page, like a person would. */
export async function signIn(page: Page, role: DemoRole, callbackUrl = '/'): Promise<void> {
  const { email, password } = DEMO_ACCOUNTS[role];
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  // Let React hydrate first: a click before that would submit the form natively.
  await page.waitForLoadState('networkidle');
  const form = page.locator('form').filter({ has: page.locator('input[name="password"]') });
  await form.locator('input[name="email"]').fill(email);
  await form.locator('input[name="password"]').fill(password);
  await form.locator('button[type="submit"], button:not([type])').first().click();
  const alert = form.getByRole('alert').filter({ hasText: /\S/ });
  await Promise.race([
    page.waitForURL((url) => !url.pathname.startsWith('/signin')),
    alert.first().waitFor().then(async () => {
      throw new Error(`Signing in as ${role} (${email}) failed: ${await alert.first().innerText()}`);
    }),
  ]);
}

/**
 * Runs axe (WCAG 2.0/2.1 A and AA rules) on the page as it is now and fails on any serious or
 * critical violation, listing them. `exclude` takes CSS selectors of regions to leave out.
 */
export async function expectAccessible(page: Page, options: { exclude?: string[]; disableRules?: string[] } = {}): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  if (options.disableRules?.length) builder = builder.disableRules(options.disableRules);
  const { violations } = await builder.analyze();
  const blocking = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.length}×: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')})`);
  expect(blocking, `accessibility violations on ${page.url()}`).toEqual([]);
}

export const test = base.extend<{ loginAs: (role: DemoRole, callbackUrl?: string) => Promise<void> }>({
  // `provide`, not `use`: the React hooks lint rule would take Playwright's callback for a hook.
  loginAs: async ({ page }, provide) => {
    await provide((role, callbackUrl) => signIn(page, role, callbackUrl));
  },
});

export { expect };

/**
 * Where specs save the screenshots people look at: test-results/ by default, so a test run never
 * changes tracked files; `E2E_SCREENSHOTS=1` writes them to docs/screenshots to refresh those.
 */
export const SCREENSHOT_DIR = process.env.E2E_SCREENSHOTS === '1' ? 'docs/screenshots' : 'test-results/screenshots';
