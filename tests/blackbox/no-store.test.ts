/**
 * Issue #13, finding 8: what a signed-in user reads through the API is never kept by a browser or a
 * shared cache (a shared computer, a corporate proxy): every answer to a signed-in API request,
 * errors included, carries `Cache-Control: no-store`.
 */
import { describe, expect, it } from 'vitest';
import { loginAs } from './support/client';

/** A 1×1 PNG (the server recognises evidence by its bytes); anything after its end keeps it a PNG. */
const PNG_1x1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

describe('signed-in API answers', () => {
  it.each([
    ['GET', '/api/v1/users/me'],
    ['GET', '/api/v1/cases?limit=1'],
    ['GET', '/api/v1/cases/1'],
    ['GET', '/api/v1/subjects?limit=1'],
    ['GET', '/api/v1/stats/summary'],
    ['GET', '/api/v1/openapi.json'],
    ['GET', '/api/v1/imports'],
    ['GET', '/api/v1/cases/999999'],
    ['GET', '/api/v1/no-such-route'],
    ['POST', '/api/v1/subjects'],
    ['GET', '/api/v1/cases?format=csv'],
  ])('%s %s carries Cache-Control: no-store', async (method, path) => {
    const supervisor = await loginAs('supervisor');
    const res = await supervisor.fetch(path, method === 'POST' ? { method, headers: { 'content-type': 'application/json' }, body: '{}' } : {});
    await res.arrayBuffer();
    expect(res.status).toBeLessThan(500);
    expect(res.headers.get('cache-control'), `${method} ${path} → ${res.status}`).toMatch(/\bno-store\b/);
  });

  it('an evidence file read back carries no-store too', async () => {
    const inspector = await loginAs('inspector');
    const form = new FormData();
    const png = Buffer.concat([Buffer.from(PNG_1x1, 'base64'), Buffer.from(`no-store ${Date.now()}`)]);
    form.set('file', new Blob([png], { type: 'image/png' }), 'shot.png');
    const up = await inspector.fetch('/api/v1/evidence', { method: 'POST', body: form });
    expect(up.status).toBeLessThan(300);
    expect(up.headers.get('cache-control')).toMatch(/\bno-store\b/);
    const { sha256 } = (await up.json()) as { sha256: string };
    const res = await inspector.fetch(`/api/v1/evidence/${sha256}`);
    await res.arrayBuffer();
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toMatch(/\bno-store\b/);
  });
});
