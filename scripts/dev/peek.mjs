// Dev helper: signs in, opens a path, prints the first case ids and optionally screenshots.
import { chromium } from '@playwright/test';
const base = process.env.BASE ?? 'http://127.0.0.1:3120';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
await ctx.addCookies([{ name: 'NEXT_LOCALE', value: process.env.LOCALE ?? 'zh', url: base }]);
const page = await ctx.newPage();
await page.goto(`${base}/signin`);
await page.waitForLoadState('networkidle');
await page.fill('input[name=email]', process.env.EMAIL ?? 'inspector@rectify.demo');
await page.fill('input[name=password]', 'rectify-demo');
await page.click('button[type=submit]');
await page.waitForURL((u) => !u.pathname.startsWith('/signin'));
const res = await page.request.get(`${base}${process.argv[2]}`);
console.log(res.status(), (await res.text()).slice(0, Number(process.env.CHARS ?? 1500)));
await browser.close();
