import { expect, test } from './fixtures';

test('pages carry a nonce-based CSP that forbids framing, and every response the security headers', async ({ page, request }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  const res = await page.goto('/signin');
  const csp = res!.headers()['content-security-policy'];
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain('unsafe-eval');
  await page.waitForLoadState('networkidle');
  expect(violations).toEqual([]);

  for (const path of ['/signin', '/api/health', '/api/v1/cases']) {
    const headers = (await request.get(path)).headers();
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
    expect(headers['x-frame-options'], path).toBe('DENY');
    expect(headers['strict-transport-security'], `${path} is plain HTTP here`).toBeUndefined();
  }
  const https = await request.get('/api/health', { headers: { 'x-forwarded-proto': 'https' } });
  expect(https.headers()['strict-transport-security']).toContain('max-age=');
});

test('the session cookie is HttpOnly and SameSite', async ({ page, loginAs, context }) => {
  await loginAs('inspector');
  const cookie = (await context.cookies()).find((c) => c.name.endsWith('next-auth.session-token'));
  expect(cookie).toBeDefined();
  expect(cookie!.httpOnly).toBe(true);
  expect(cookie!.sameSite).toBe('Lax');
  await expect(page.getByTestId('tile-subjects')).toBeVisible();
});
