/**
 * Sign-in through the real server, on a server of this file's own (on the pass's database: the
 * address and account counters are rows), deployed as behind one reverse proxy (RECTIFY_TRUST_PROXY=1): the tests play that proxy, appending the client's address to
 * X-Forwarded-For, so they can fail many sign-ins without filling one address's counter (and the
 * shared server's 127.0.0.1, which the other files sign in from, stays untouched).
 * - issue #13, finding 6: a wrong password answers as fast for an unknown or disabled account as for
 *   a real one, so timing does not tell which accounts exist;
 * - finding 7: the per-address limit counts the hop the proxy appended (the right-most); what the
 *   client wrote to its left, and X-Real-IP, change nothing. Without a proxy (a second server of
 *   its own) the TCP peer counts, whatever X-Real-IP and X-Forwarded-For say.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar, loginAs, request } from './support/client';
import { startServer, type RunningServer } from './support/server';

const ADDRESS_LIMIT = 20; // docs/decisions/0006
const PASSWORD = 'Str0ng-and-long!';
let srv: RunningServer;

beforeAll(async () => {
  srv = await startServer({ label: 'sign-in-address', env: { RECTIFY_TRUST_PROXY: '1' } });
});
afterAll(async () => {
  await srv?.stop();
});

/** One sign-in through next-auth's credentials endpoint; what the sign-in form receives. */
async function attempt(email: string, password: string, headers: Record<string, string> = {}, base = srv.baseUrl): Promise<{ ok: boolean; error: string | null; ms: number }> {
  const jar = new CookieJar();
  const csrf = await request('/api/auth/csrf', { headers }, base);
  jar.absorb(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const started = performance.now();
  const res = await request('/api/auth/callback/credentials', {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header(), origin: base },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: base, json: 'true' }),
  }, base);
  const ms = performance.now() - started;
  jar.absorb(res);
  const { url } = (await res.json()) as { url: string };
  return { ok: !!jar.get('next-auth.session-token'), error: new URL(url, base).searchParams.get('error'), ms };
}

/** Accounts made through the API by the demo admin; `disabled` ones disabled there too. */
async function makeAccounts(count: number, disabled = false, base = srv.baseUrl): Promise<string[]> {
  const admin = await loginAs('admin', { baseUrl: base });
  const emails: string[] = [];
  for (let i = 0; i < count; i++) {
    const email = `${disabled ? 'off' : 'on'}-${i}-${Date.now().toString(36)}@rectify.test`;
    const created = await admin.fetch('/api/v1/users', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, name: 'Timing', role: 'inspector', password: PASSWORD }) });
    expect(created.status).toBe(201);
    if (disabled) {
      const { user } = (await created.json()) as { user: { id: number } };
      expect((await admin.fetch(`/api/v1/users/${user.id}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ disabled: true }) })).status).toBe(200);
    }
    emails.push(email);
  }
  return emails;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

describe('sign-in, from outside', () => {
  it('a wrong password takes as long for an unknown or a disabled account as for a real one', async () => {
    const [real] = await makeAccounts(1);
    // A disabled account never signs in, so its counter only grows: 4 tries each (the limit is 5).
    const disabled = await makeAccounts(8, true);
    const times = { real: [] as number[], unknown: [] as number[], disabled: [] as number[] };
    const ROUNDS = 32; // 30 measured (a multiple of 3: each kind in each place 10 times)
    for (let round = 0; round < ROUNDS; round++) {
      // Interleaved, so a busy machine slows every kind alike.
      // Each try from its own client address (the proxy's hop), so no address counter fills.
      const from = (k: number) => ({ 'x-forwarded-for': `10.77.${round}.${k}` });
      // Each kind goes first, second and third equally often (rotated each round), so whatever the place
      // in a round costs (the success before it, a collection it triggers) falls on every kind alike.
      const tries = [
        () => attempt(real!, 'Wrong-guess-1', from(1)),
        () => attempt(`nobody-${round}-${Date.now().toString(36)}@rectify.test`, 'Wrong-guess-1', from(2)),
        () => attempt(disabled[round % disabled.length]!, 'Wrong-guess-1', from(3)),
      ];
      const answers: Awaited<ReturnType<typeof attempt>>[] = [];
      for (let k = 0; k < 3; k++) {
        const which = (round + k) % 3;
        answers[which] = await tries[which]!();
      }
      const [r, u, d] = answers as [Awaited<ReturnType<typeof attempt>>, Awaited<ReturnType<typeof attempt>>, Awaited<ReturnType<typeof attempt>>];
      for (const a of [r, u, d]) expect(a).toMatchObject({ ok: false, error: 'CredentialsSignin' });
      if (round >= 2) { // the first two warm the server up
        times.real.push(r.ms);
        times.unknown.push(u.ms);
        times.disabled.push(d.ms);
      }
      // The right password clears the real account's counter (5 failures would lock it).
      expect((await attempt(real!, PASSWORD, from(4))).ok).toBe(true);
    }
    const medians = { real: median(times.real), unknown: median(times.unknown), disabled: median(times.disabled) };
    const ratio = Math.max(...Object.values(medians)) / Math.min(...Object.values(medians));
    console.log(`[sign-in timing] median ms over ${times.real.length} tries: ${JSON.stringify(medians)} (ratio ${ratio.toFixed(2)})`);
    expect(ratio, JSON.stringify(medians)).toBeLessThan(1.5);
  });

  it(`${ADDRESS_LIMIT} failures from one client address are its limit, whatever the client writes into X-Forwarded-For or X-Real-IP`, async () => {
    const [real] = await makeAccounts(1);
    for (let i = 0; i < ADDRESS_LIMIT; i++) {
      // The client wrote the first hop and X-Real-IP; the proxy appended the address it saw.
      const forged = { 'x-real-ip': `203.0.113.${i + 1}`, 'x-forwarded-for': `198.51.100.${i + 1}, 192.0.2.50` };
      expect(await attempt(`guess-${i}-${Date.now().toString(36)}@rectify.test`, 'Wrong-guess-1', forged)).toMatchObject({ ok: false, error: 'CredentialsSignin' });
    }
    const refused = await attempt(real!, PASSWORD, { 'x-real-ip': '192.0.2.77', 'x-forwarded-for': '192.0.2.78, 192.0.2.50' });
    expect(refused.ok).toBe(false);
    expect(refused.error).toMatch(/^throttled:address:\d+$/);
  });
});

describe('sign-in, from outside, with no proxy configured (finding 7: the TCP peer counts)', () => {
  let direct: RunningServer;
  beforeAll(async () => {
    direct = await startServer({ label: 'sign-in-direct' });
  });
  afterAll(async () => {
    await direct?.stop();
  });

  it(`${ADDRESS_LIMIT} failures from one client are its limit, whatever it writes into X-Real-IP or X-Forwarded-For`, async () => {
    const [real] = await makeAccounts(1, false, direct.baseUrl);
    for (let i = 0; i < ADDRESS_LIMIT; i++) {
      const forged = { 'x-real-ip': `203.0.113.${i + 1}`, 'x-forwarded-for': `198.51.100.${i + 1}` };
      expect(await attempt(`guess-${i}-${Date.now().toString(36)}@rectify.test`, 'Wrong-guess-1', forged, direct.baseUrl)).toMatchObject({ ok: false, error: 'CredentialsSignin' });
    }
    const refused = await attempt(real!, PASSWORD, { 'x-real-ip': '192.0.2.77', 'x-forwarded-for': '192.0.2.78' }, direct.baseUrl);
    expect(refused.ok).toBe(false);
    expect(refused.error).toMatch(/^throttled:address:\d+$/);
  });
});
