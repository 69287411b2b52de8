import type { APIRequestContext, Page } from '@playwright/test';
import { withUsccCheckDigit } from '../lib/domain/uscc';
import { DEMO_ACCOUNTS, expect, signIn, signInByApi, test } from './fixtures';

/**
 * Output encoding (issue #9): names, descriptions, reasons and a published notice's title, body
 * and annex containing HTML, script and `javascript:` links are created through the API, then every
 * page that shows them is visited. Any dialog (an alert that ran) fails the test; the text must be
 * visible literally, no link may point at `javascript:`, and the Atom feed carries it escaped.
 */
const RUN = Date.now().toString(36).toUpperCase();
const M = `XSS${RUN}`;
const P = {
  operator: `${M}-op <img src=x onerror=alert(1)>`,
  contact: 'javascript:alert(1)',
  subject: `${M}-app <script>alert(1)</script>`,
  finding: `${M}-finding "><svg onload=alert(1)> <a href="javascript:alert(1)">x</a>`,
  reason: `${M}-reason <img src=x onerror=alert(1)> javascript:alert(1)`,
  title: `${M}-title <script>alert(1)</script>`,
  body: `${M}-body <img src=x onerror=alert(1)> [link](javascript:alert(1))`,
  annex: `${M}-annex "><svg onload=alert(1)>`,
};

function inDays(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + days * 86_400_000));
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the test reads arbitrary JSON answers
type Json = any;

async function ok(res: Awaited<ReturnType<APIRequestContext['post']>>, status = 200): Promise<Json> {
  expect(res.status(), await res.text()).toBe(status);
  return res.json();
}

/** Fails on any dialog; the caller checks `fired` after each page. */
function watchDialogs(page: Page): string[] {
  const fired: string[] = [];
  page.on('dialog', async (d) => {
    fired.push(`${d.type()}: ${d.message()} on ${page.url()}`);
    await d.dismiss();
  });
  return fired;
}

async function visit(page: Page, fired: string[], url: string, texts: string[]) {
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  for (const text of texts) await expect(page.getByText(text, { exact: false }).first(), `${text} on ${url}`).toBeVisible();
  expect(await page.locator('a[href^="javascript:" i], [src^="javascript:" i], img[src="x"], svg[onload]').count(), `injected markup on ${url}`).toBe(0);
  expect(fired, `dialogs on ${url}`).toEqual([]);
}

test('HTML and script in every kind of text show as text, on every page, public ones included', async ({ page, baseURL, playwright }) => {
  test.setTimeout(300_000);
  await page.context().addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: baseURL! }]);
  const fired = watchDialogs(page);
  await signIn(page, 'supervisor', null);
  const api = page.request;

  // ---- Create everything through the API, as the supervisor.
  const uscc = withUsccCheckDigit(`91330100MA${String(Date.now() % 10_000_000).padStart(7, '0')}`);
  const { operator } = await ok(await api.post('/api/v1/operators', { data: { name: P.operator, uscc, region: '330100', contact: P.contact } }), 201);
  const { subject } = await ok(await api.post('/api/v1/subjects', { data: { kind: 'app', platform: 'android', name: P.subject, sector: 'parking', operatorId: operator.id, identifiers: [{ type: 'package_name', value: `com.xss.${RUN.toLowerCase()}` }] } }), 201);
  const inspection = await ok(await api.post('/api/v1/inspections', {
    data: { subjectId: subject.id, version: '1.0.0', inspectedOn: inDays(-1), method: 'technical_test', findings: [{ category: 'collect_excessive', severity: 'high', description: P.finding }] },
  }), 201);
  const caseId: number = inspection.case.id;
  await ok(await api.post(`/api/v1/cases/${caseId}/transitions`, { data: { to: 'ordered', reason: P.reason, deadline: inDays(10), expectedRevision: inspection.case.revision } }));

  // The annex lists a case already overdue (from the demo data), renamed first through the edit form.
  const { items: candidates } = await ok(await api.get('/api/v1/notices/candidates?kind=rectification'));
  expect(candidates.length).toBeGreaterThan(0);
  const candidate = candidates[candidates.length - 1];
  const detail = await ok(await api.get(`/api/v1/cases/${candidate.caseId}`));
  const annexSubjectId: number = detail.subject.id;
  await page.goto(`/subjects/${annexSubjectId}/edit`);
  await page.waitForLoadState('networkidle');
  await page.locator('input[name="name"]').fill(P.annex);
  await page.getByRole('button', { name: /^(Save|保存)$/ }).click();
  await page.waitForURL(new RegExp(`/subjects/${annexSubjectId}$`));

  const fresh = await ok(await api.get(`/api/v1/cases/${candidate.caseId}`));
  const { notice } = await ok(await api.post('/api/v1/notices', {
    data: { kind: 'rectification', titleZh: P.title, titleEn: P.title, introZh: P.body, introEn: P.body, deadline: inDays(15), caseIds: [candidate.caseId], caseRevisions: { [candidate.caseId]: fresh.case.revision } },
  }), 201);
  // The second supervisor approves by API: an HTTP client of its own (a browser context would start a renderer for nothing).
  const second = await playwright.request.newContext({ baseURL });
  await signInByApi(second, DEMO_ACCOUNTS.supervisor2.email, DEMO_ACCOUNTS.supervisor2.password);
  await ok(await second.post(`/api/v1/notices/${notice.id}/approve`));
  await second.dispose();
  const published = await ok(await api.post(`/api/v1/notices/${notice.id}/publish`));
  const slug: string = published.notice.slug;

  // ---- Staff pages.
  await visit(page, fired, `/operators?q=${M}`, [P.operator]);
  await visit(page, fired, `/operators/${operator.id}`, [P.operator, P.subject]);
  await visit(page, fired, `/subjects?q=${M}`, [P.subject]);
  await visit(page, fired, `/subjects/${subject.id}`, [P.subject, P.operator]);
  await visit(page, fired, `/subjects/${annexSubjectId}`, [P.annex]);
  await visit(page, fired, `/cases?q=${M}`, [P.subject]);
  await visit(page, fired, `/cases/${caseId}`, [P.subject, P.finding, P.reason]);
  await visit(page, fired, '/', []);
  await visit(page, fired, '/offenders', []);
  await visit(page, fired, `/offenders/operators/${operator.id}`, [P.operator]);
  await visit(page, fired, '/notices/manage', [P.title]);
  await visit(page, fired, `/notices/manage/${notice.id}`, [P.title, P.annex]); // the staff view of a published notice shows no intro

  // ---- Public pages, signed out: the same page with the session's cookies gone (only the language kept).
  await page.context().clearCookies();
  await page.context().addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: baseURL! }]);
  expect((await page.request.get('/api/v1/stats/summary')).status(), 'signed out').toBe(401);
  await visit(page, fired, `/notices?q=${M}`, [P.title]);
  await visit(page, fired, `/notices/${slug}`, [P.title, P.body, P.annex]);
  await visit(page, fired, `/notices/${slug}/print`, [P.title, P.body, P.annex]);
  const feed = await (await page.request.get('/notices/feed.xml?lang=en')).text();
  expect(feed).toContain(`${M}-title &lt;script&gt;alert(1)&lt;/script&gt;`);
  expect(feed).not.toContain('<script>');
  const csv = await (await page.request.get(`/api/public/notices/${slug}?format=csv&lang=en`)).text();
  expect(csv).toContain(P.annex.replace(/"/g, '""'));
});
