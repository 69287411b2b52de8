import { createRequire } from 'node:module';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type APIRequestContext, type APIResponse, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from '@playwright/test';

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

/**
 * Signs in through the sign-in page, like a person would. Only e2e/auth.spec.ts (and the specs that
 * test the form itself) sign in this way; every other spec uses `signIn`, which is faster.
 */
export async function signInThroughForm(page: Page, role: DemoRole, callbackUrl = '/'): Promise<void> {
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
    // No timeout of its own: the race is bounded by waitForURL's. With the 20 s action timeout a slow
    // sign-in (no alert, the next page not there yet) failed as "waiting for the alert" (two-worker run, load 10).
    alert.first().waitFor({ timeout: 0 }).then(async () => {
      throw new Error(`Signing in as ${role} (${email}) failed: ${await alert.first().innerText()}`);
    }),
  ]);
}

/**
 * Signs the page's browser context (or an API request context of its own) in through next-auth's
 * credentials endpoint over HTTP, as the sign-in form does underneath (GET /api/auth/csrf, then POST
 * /api/auth/callback/credentials; the same steps as tests/blackbox/support/client.ts): the real server
 * issues the session cookie, which lands in the context's cookie jar. No page is opened. A second
 * session that only needs HTTP (another user's session kept open, an approval by API) is an
 * APIRequestContext: a browser context of its own would start a renderer with nothing compiled.
 */
export async function signInByApi(target: Page | APIRequestContext, email: string, password: string): Promise<void> {
  const request = 'context' in target ? target.context().request : target;
  const csrf = await request.get('/api/auth/csrf');
  expect(csrf.status(), 'GET /api/auth/csrf').toBe(200);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const origin = new URL(csrf.url()).origin;
  const res = await request.post('/api/auth/callback/credentials', {
    form: { csrfToken, email, password, callbackUrl: `${origin}/`, json: 'true' },
    headers: { origin },
    maxRedirects: 0,
  });
  const cookies = 'context' in target ? await target.context().cookies(origin) : (await request.storageState()).cookies;
  if (!cookies.some((c) => c.name.endsWith('next-auth.session-token'))) {
    throw new Error(`Signing in as ${email} failed: HTTP ${res.status()} ${(await res.text()).slice(0, 300)}`);
  }
}

/**
 * Signs in as a demo role by HTTP (signInByApi), then opens `callbackUrl` as the form would (`null`:
 * no page, for a test that starts with API calls or a page of its own).
 */
export async function signIn(page: Page, role: DemoRole, callbackUrl: string | null = '/'): Promise<void> {
  const { email, password } = DEMO_ACCOUNTS[role];
  await signInByApi(page, email, password);
  if (callbackUrl !== null) await page.goto(callbackUrl);
}

/**
 * Runs axe (WCAG 2.0/2.1 A and AA rules) on the page as it is now and fails on any serious or
 * critical violation, listing them. `include` and `exclude` take CSS selectors of the regions to check
 * and to leave out (the whole page by default).
 */
/**
 * axe-core's source, the very copy @axe-core/playwright injects (resolved from it). Its legacy mode sends
 * and runs this 580 kB script twice a check (once in `analyze`, again when it injects into each frame),
 * through Playwright's pipe and Chromium's browser process; expectAccessible injects it once per document
 * instead (not at all when this document has it from an earlier check) and hands AxeBuilder a no-op source.
 */
const AXE_SOURCE = (createRequire(require.resolve('@axe-core/playwright'))('axe-core') as { source: string }).source;
const AXE_ALREADY_THERE = 'void 0';

export async function expectAccessible(page: Page, options: { include?: string[]; exclude?: string[]; disableRules?: string[] } = {}): Promise<void> {
  // After a click that navigates in the client, Next streams the new page's metadata after its content: the
  // rows can be there while the <title> is not yet (axe then reported document-title on /notices/<slug>, one
  // run in three, 2026-12-07). Every page has a title, so wait for it; a page without one still fails here.
  await expect(page, 'the page has a <title>').toHaveTitle(/\S/);
  // Legacy mode: axe.run in the page itself. The default runs axe in each frame and then again in a new
  // blank page to merge the results (a second page and a second injection of axe per check); the app
  // has no cross-origin frames, the only kind legacy mode leaves out. Only the violations are collected in
  // full (`resultTypes`): axe still runs every rule on every node, but builds a selector for one node per
  // passing or inapplicable rule instead of for every node it checked (docs/testing.md: ≈ 5 s of CPU a pass).
  // A page with violations fails as before, each listed with its targets.
  // Into every frame, as AxeBuilder's own injection does: a child frame that refuses or takes over 1 s is
  // left out, as there (an evidence preview's iframe); the page's own document must take it.
  for (const frame of page.frames()) {
    const inject = async () => {
      if (!(await frame.evaluate(() => typeof (window as { axe?: { run?: unknown } }).axe?.run === 'function'))) await frame.evaluate(AXE_SOURCE);
    };
    if (frame === page.mainFrame()) await inject();
    else await Promise.race([inject().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 1_000))]);
  }
  let builder = new AxeBuilder({ page, axeSource: AXE_ALREADY_THERE }).options({ resultTypes: ['violations'] }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).setLegacyMode();
  for (const selector of options.include ?? []) builder = builder.include(selector);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  if (options.disableRules?.length) builder = builder.disableRules(options.disableRules);
  const { violations } = await builder.analyze();
  const blocking = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.length}×: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')})`);
  expect(blocking, `accessibility violations on ${page.url()}`).toEqual([]);
}

/**
 * Waits until React has hydrated `target` (its props are attached to the element): a click on a
 * button whose only behaviour is an onClick does nothing before that, and the test then waited for
 * an answer that never came (the notice approval on a loaded machine).
 */
export async function hydrated(target: Locator): Promise<void> {
  await expect.poll(() => target.evaluate((el) => Object.keys(el).some((k) => k.startsWith('__reactProps$'))), { message: 'hydrated', timeout: 30_000 }).toBe(true);
}

/** The language the app answers in for this page's browser context (its NEXT_LOCALE cookie); no page needs to be open. */
export async function chooseLocale(page: Page, locale: 'zh' | 'en'): Promise<void> {
  await page.context().addCookies([{ name: 'NEXT_LOCALE', value: locale, url: base.info().project.use.baseURL! }]);
}

/**
 * One browser context and one page per worker (and set of context options), kept from test to test and
 * cleaned between them, instead of a new context per test. A new context is a new renderer process, and
 * Chromium keeps no compiled code for an off-the-record context: every page load of every test compiled
 * the app's scripts afresh. A page navigated within one renderer keeps V8's compiled code (measured with
 * bench/e2e-page-reuse.mjs: a staff page load 1.29 s of Chromium CPU in a new context, 0.97 s in the
 * reused page; docs/testing.md "e2e: one page per worker"). Playwright's own `reuseContext` goes through
 * about:blank (a new renderer) and clears the HTTP cache: it saved nothing (measured, dropped).
 *
 * Between tests, so each starts signed out and clean: the test's other pages are closed and its event
 * listeners removed; the page goes to a same-origin document (/favicon.ico: the last page's scripts stop,
 * the renderer stays) where local and session storage, IndexedDB and Cache Storage are emptied; the
 * cookies are cleared; a viewport or emulated media the test changed is put back to the options'. A test
 * that changes what cannot be undone that way (init scripts, bindings, routes, headers, permissions, the
 * clock, default timeouts…) marks the context spent, as does a failed test: the next test gets a new one.
 * e2e/isolation.spec.ts proves a test sees nothing of the one before it. The HTTP cache stays: it holds
 * what the server marked cacheable (the build's immutable scripts and styles), as a person's browser does
 * from one sign-in to the next.
 */
type Pooled = { context: BrowserContext; page: Page; spent: boolean; viewportChanged: boolean; mediaChanged: boolean };

const SPENDING_PAGE_METHODS = ['addInitScript', 'exposeFunction', 'exposeBinding', 'setExtraHTTPHeaders', 'route', 'routeFromHAR', 'routeWebSocket', 'addLocatorHandler', 'setDefaultTimeout', 'setDefaultNavigationTimeout'] as const;
const SPENDING_CONTEXT_METHODS = [
  'addInitScript', 'exposeFunction', 'exposeBinding', 'setExtraHTTPHeaders', 'route', 'routeFromHAR', 'routeWebSocket', 'setGeolocation', 'setOffline',
  'grantPermissions', 'setHTTPCredentials', 'setDefaultTimeout', 'setDefaultNavigationTimeout',
] as const;
const SPENDING_CLOCK_METHODS = ['install', 'setFixedTime', 'setSystemTime', 'pauseAt', 'fastForward', 'runFor', 'resume'] as const;

/** Replaces `target[name]` by a call that first runs `before` (on this object only). */
function before<T extends object>(target: T, names: readonly string[], run: () => void): void {
  const methods = target as Record<string, unknown>;
  for (const name of names) {
    const original = methods[name];
    if (typeof original !== 'function') continue;
    methods[name] = function (this: unknown, ...args: unknown[]) {
      run();
      return (original as (...a: unknown[]) => unknown).apply(target, args);
    };
  }
}

function newPooled(context: BrowserContext, page: Page): Pooled {
  const pooled: Pooled = { context, page, spent: false, viewportChanged: false, mediaChanged: false };
  const spend = () => (pooled.spent = true);
  before(page, SPENDING_PAGE_METHODS, spend);
  before(context, SPENDING_CONTEXT_METHODS, spend);
  before(context.clock, SPENDING_CLOCK_METHODS, spend);
  before(page, ['setViewportSize'], () => (pooled.viewportChanged = true));
  before(page, ['emulateMedia'], () => (pooled.mediaChanged = true));
  return pooled;
}

/** Page and BrowserContext are Node-style event emitters underneath (their types show only on/off/once). */
type Emitter = { eventNames(): (string | symbol)[]; rawListeners(name: string | symbol): unknown[]; removeListener(name: string | symbol, listener: unknown): void };
type Listeners = Map<string | symbol, Set<unknown>>;
const listenersOf = (target: Page | BrowserContext): Listeners => {
  const e = target as unknown as Emitter;
  return new Map(e.eventNames().map((name) => [name, new Set(e.rawListeners(name))]));
};
/** Removes the listeners added since `then`. */
function removeListenersSince(target: Page | BrowserContext, then: Listeners): void {
  const e = target as unknown as Emitter;
  for (const name of e.eventNames()) for (const listener of e.rawListeners(name)) if (!then.get(name)?.has(listener)) e.removeListener(name, listener);
}

/** Cleans the pooled page and context for the next test (see above); throws when it cannot. */
async function resetForNextTest(pooled: Pooled, options: BrowserContextOptions): Promise<void> {
  const { context, page } = pooled;
  for (const other of context.pages()) if (other !== page) await other.close();
  if (!options.baseURL || options.viewport === null) throw new Error('no baseURL or no viewport: not reused');
  await page.goto(new URL('/favicon.ico', options.baseURL).href);
  await page.evaluate(async () => {
    localStorage.clear();
    sessionStorage.clear();
    for (const db of await indexedDB.databases()) if (db.name) indexedDB.deleteDatabase(db.name);
    for (const key of await caches.keys()) await caches.delete(key);
    for (const registration of await navigator.serviceWorker.getRegistrations()) await registration.unregister();
  });
  await context.clearCookies();
  if (pooled.viewportChanged) await page.setViewportSize(options.viewport ?? { width: 1280, height: 720 });
  if (pooled.mediaChanged) {
    await page.emulateMedia({
      media: null,
      colorScheme: options.colorScheme ?? 'light',
      reducedMotion: options.reducedMotion ?? 'no-preference',
      forcedColors: options.forcedColors ?? 'none',
      contrast: options.contrast ?? 'no-preference',
    });
  }
  pooled.viewportChanged = pooled.mediaChanged = false;
}

export const test = base.extend<
  { loginAs: (role: DemoRole, callbackUrl?: string | null) => Promise<void>; _combinedContextOptions: BrowserContextOptions },
  { pagePool: Map<string, Pooled> }
>({
  pagePool: [
    // `provide`, not `use`: the React hooks lint rule would take Playwright's callback for a hook.
    async ({}, provide) => {
      const pool = new Map<string, Pooled>();
      await provide(pool);
      for (const pooled of pool.values()) await pooled.context.close().catch(() => undefined);
    },
    { scope: 'worker' },
  ],
  // The options Playwright would make this test's context with (the project's and the file's `use`).
  context: async ({ browser, pagePool, _combinedContextOptions: options }, provide, testInfo) => {
    const key = JSON.stringify(options);
    let pooled = pagePool.get(key);
    if (!pooled || pooled.page.isClosed()) {
      for (const other of pagePool.values()) await other.context.close().catch(() => undefined);
      pagePool.clear();
      const context = await browser.newContext(options);
      pooled = newPooled(context, await context.newPage());
      pagePool.set(key, pooled);
    }
    const listeners = { page: listenersOf(pooled.page), context: listenersOf(pooled.context) };
    await provide(pooled.context);
    removeListenersSince(pooled.page, listeners.page);
    removeListenersSince(pooled.context, listeners.context);
    let reusable = !pooled.spent && testInfo.status === testInfo.expectedStatus && !pooled.page.isClosed();
    if (reusable) reusable = await resetForNextTest(pooled, options).then(() => true, () => false);
    if (!reusable) {
      pagePool.delete(key);
      await pooled.context.close({ reason: testInfo.status === 'timedOut' ? `Test timeout of ${testInfo.timeout}ms exceeded.` : 'Test ended.' }).catch(() => undefined);
    }
  },
  page: async ({ context, pagePool }, provide) => {
    const pooled = [...pagePool.values()].find((p) => p.context === context);
    await provide(pooled?.page ?? (await context.newPage()));
  },
  loginAs: async ({ page }, provide) => {
    await provide((role, callbackUrl) => signIn(page, role, callbackUrl));
  },
});

export { expect };

/**
 * The screenshots people look at are taken on request only: `E2E_SCREENSHOTS=1` writes them to
 * docs/screenshots (to refresh those), `E2E_SCREENSHOTS=test-results` to test-results/screenshots (a
 * look without changing tracked files). A picture asserts nothing, and full pages in two languages and
 * two widths were a large part of the suite's time (docs/testing.md), so the default run and CI take
 * none; a failing test still gets its screenshot and trace (playwright.config.ts).
 */
export const SCREENSHOTS = process.env.E2E_SCREENSHOTS === '1' || process.env.E2E_SCREENSHOTS === 'test-results';
export const SCREENSHOT_DIR = process.env.E2E_SCREENSHOTS === '1' ? 'docs/screenshots' : 'test-results/screenshots';

/** A screenshot of the page or of one element, as `SCREENSHOT_DIR/<name>.png`, when screenshots were asked for (SCREENSHOTS). */
export async function shot(target: Page | Locator, name: string, options: { fullPage?: boolean; timeout?: number } = {}): Promise<void> {
  if (!SCREENSHOTS) return;
  const path = `${SCREENSHOT_DIR}/${name}.png`;
  if ('goto' in target) await target.screenshot({ path, type: 'png', fullPage: options.fullPage ?? false, timeout: options.timeout });
  else await target.screenshot({ path, type: 'png', timeout: options.timeout });
}

/** How far the page scrolls sideways (px): at most 1 on a page that fits its window. */
export const sidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** A reply's JSON, after checking its status (the body is the message when it is not the one expected). */
export async function jsonOf<T>(res: APIResponse, status: number): Promise<T> {
  expect(res.status(), await res.text()).toBe(status);
  return (await res.json()) as T;
}

/**
 * A case of this test's own, made through the API as an inspector would (a new inspection with one
 * finding on a demo mini program), then moved up the ladder to `state`: specs that change a case
 * change their own, so they can run beside each other. `request` must be an inspector's session.
 */
export async function newCase(request: APIRequestContext, state: 'open' | 'ordered' | 'rectified' = 'open'): Promise<number> {
  const { items } = await jsonOf<{ items: { id: number }[] }>(await request.get('/api/v1/subjects?limit=1&kind=mini_program'), 200);
  const created = await jsonOf<{ case: { id: number } }>(
    await request.post('/api/v1/inspections', {
      data: {
        subjectId: items[0]!.id, version: '5.0.0', inspectedOn: officeDay(-1), method: 'technical_test',
        findings: [{ category: 'permission_forced', severity: 'high', description: 'e2e：拒绝授权后无法使用基本功能', legalBasis: '' }],
      },
    }),
    201,
  );
  const id = created.case.id;
  if (state === 'open') return id;
  await jsonOf(await request.post(`/api/v1/cases/${id}/transitions`, { data: { to: 'ordered', reason: '责令限期整改', deadline: officeDay(10), expectedRevision: 1 } }), 200);
  if (state === 'ordered') return id;
  await jsonOf(await request.post(`/api/v1/cases/${id}/transitions`, { data: { to: 'rectified', reason: '运营方称已整改', version: '5.0.1', expectedRevision: 2 } }), 200);
  return id;
}

/** Today or another day in the office's calendar (China Standard Time), as YYYY-MM-DD. */
export const officeDay = (offset = 0) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + offset * 86_400_000));
