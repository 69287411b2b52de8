import { spawn } from 'node:child_process';
import path from 'node:path';
import { expect, test } from './fixtures';

test.skip(process.env.E2E_DATABASE !== 'pglite', 'the embedded database only');

test('a second server on the same embedded data folder is refused at once; the first keeps serving', async ({ request, loginAs, page }) => {
  const dataDir = process.env.RECTIFY_DATA_DIR!;
  const next = path.join(process.cwd(), 'node_modules', 'next', 'dist', 'bin', 'next');
  const started = Date.now();
  const second = spawn(process.execPath, [next, 'start', '-p', '0'], { env: { ...process.env, NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  second.stdout.on('data', (d) => (output += d));
  second.stderr.on('data', (d) => (output += d));
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      second.kill('SIGKILL');
      resolve(null);
    }, 30_000);
    second.on('exit', (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  expect(code, output).not.toBe(0);
  expect(code, 'the second server must stop by itself').not.toBeNull();
  expect(output).toContain(`The embedded database folder ${dataDir} is already in use by process`);
  expect(Date.now() - started).toBeLessThan(30_000);

  const health = await request.get('/api/health');
  expect(await health.json()).toEqual({ ok: true, database: 'pglite' });
  await loginAs('inspector');
  // The dashboard reads the database (earlier specs add subjects, so the count is only a number here).
  await expect(page.getByTestId('tile-subjects')).toContainText(/\d+/);
});
