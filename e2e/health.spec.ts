import { expect, test } from './fixtures';

test('GET /api/health answers with the database kind', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  const body = await response.json();
  const expected = process.env.E2E_DATABASE;
  if (expected) {
    expect(body).toEqual({ ok: true, database: expected });
  } else {
    expect(body).toMatchObject({ ok: true });
    expect(['pglite', 'postgres']).toContain(body.database);
  }
});
