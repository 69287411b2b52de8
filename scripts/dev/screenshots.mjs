import { chromium } from '@playwright/test';
const base = process.env.BASE ?? 'http://127.0.0.1:3120';
const out = process.env.OUT ?? '/tmp/shots';
const pages = JSON.parse(process.env.PAGES);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
for (const locale of (process.env.LOCALES ?? 'zh,en').split(',')) {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await ctx.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: base }]);
  const page = await ctx.newPage();
  await page.goto(`${base}/signin`);
  await page.waitForLoadState('networkidle');
  await page.fill('input[name=email]', process.env.EMAIL ?? 'inspector@rectify.demo');
  await page.fill('input[name=password]', 'rectify-demo');
  await page.click('button[type=submit]');
  await page.waitForURL((u) => !u.pathname.startsWith('/signin'));
  for (const p of pages) {
    await page.goto(base + p.path, { waitUntil: 'load' });
    await page.waitForTimeout(1500);
    if (p.click) { await page.click(p.click); await page.waitForTimeout(500); }
    await page.screenshot({ path: `${out}/${p.name}-${locale}.png`, fullPage: p.full ?? false });
  }
  await ctx.close();
}
await browser.close();
