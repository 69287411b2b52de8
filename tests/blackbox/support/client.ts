/**
 * HTTP helpers for black-box tests: the shared server's address, plain requests, and signed-in
 * sessions obtained through the real next-auth credentials endpoint (CSRF token, then the callback).
 */
import { inject } from 'vitest';

export type DemoRole = 'inspector' | 'supervisor' | 'supervisor2' | 'admin';

/** The demo accounts scripts/prepare-db.ts seeds (README). */
export const DEMO_EMAIL: Record<DemoRole, string> = {
  inspector: 'inspector@rectify.demo',
  supervisor: 'supervisor@rectify.demo',
  supervisor2: 'supervisor2@rectify.demo',
  admin: 'admin@rectify.demo',
};
export const DEMO_PASSWORD = 'rectify-demo';

/** The shared server of this run (started by the project's global setup). */
export function server() {
  return inject('blackbox');
}

export const baseUrl = () => server().baseUrl;

/**
 * A request to the server as it is: redirects are not followed (`redirect: 'manual'`), so a test sees
 * the server's own answer. `path` is sent as written (no normalisation of `%FF`, `..` and the like).
 */
export function request(path: string, init: RequestInit = {}, base = baseUrl()): Promise<Response> {
  return fetch(`${base}${path}`, { redirect: 'manual', ...init });
}

/** Cookies by name, fed by Set-Cookie headers (expired ones removed). */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  absorb(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split('=')[1]!) < Date.now()));
      if (expired || !value) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

export interface Session {
  /** The demo role, or the email of an account signed in with loginWithPassword. */
  role: DemoRole | string;
  baseUrl: string;
  jar: CookieJar;
  /** The Cookie header value of this session. */
  cookie(): string;
  /**
   * A request with the session's cookies. Writes (anything but GET/HEAD) carry the server's own
   * `Origin`, as a browser on the site would. Set-Cookie answers update the jar.
   */
  fetch(path: string, init?: RequestInit): Promise<Response>;
}

function sessionOf(role: DemoRole | string, base: string, jar: CookieJar): Session {
  return {
    role,
    baseUrl: base,
    jar,
    cookie: () => jar.header(),
    async fetch(path, init = {}) {
      const headers = new Headers(init.headers);
      if (!headers.has('cookie')) headers.set('cookie', jar.header());
      const method = (init.method ?? 'GET').toUpperCase();
      if (method !== 'GET' && method !== 'HEAD' && !headers.has('origin')) headers.set('origin', base);
      const res = await request(path, { ...init, headers }, base);
      jar.absorb(res);
      return res;
    },
  };
}

const sessions = new Map<string, Promise<Session>>();

/** Forgets the reused sessions: called before each file (setup-file.ts), so a file never gets another file's. */
export function forgetSessions(): void {
  sessions.clear();
}

/**
 * Signs in as a demo account through next-auth's own endpoints, like the sign-in form does:
 * GET /api/auth/csrf, then POST /api/auth/callback/credentials. Sessions are reused within a test
 * file unless `fresh` (a test that signs out must not share its session).
 */
export function loginAs(role: DemoRole, options: { baseUrl?: string; fresh?: boolean } = {}): Promise<Session> {
  const base = options.baseUrl ?? baseUrl();
  const key = `${base} ${role}`;
  if (!options.fresh && sessions.has(key)) return sessions.get(key)!;
  const pending = signIn(role, base);
  if (!options.fresh) {
    sessions.set(key, pending);
    pending.catch(() => sessions.delete(key));
  }
  return pending;
}

async function signIn(role: DemoRole, base: string): Promise<Session> {
  return signInWith(DEMO_EMAIL[role], DEMO_PASSWORD, role, base);
}

/**
 * Signs in with any account (one a test made through the API, e.g. an operator's contact it invited
 * and activated), through the same next-auth endpoints. Never cached.
 */
export function loginWithPassword(email: string, password: string, base = baseUrl()): Promise<Session> {
  return signInWith(email, password, email, base);
}

async function signInWith(email: string, password: string, role: string, base: string): Promise<Session> {
  const jar = new CookieJar();
  const csrfRes = await request('/api/auth/csrf', {}, base);
  jar.absorb(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const form = new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/`, json: 'true' });
  const res = await request('/api/auth/callback/credentials', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header(), origin: base },
    body: form,
  }, base);
  jar.absorb(res);
  if (!jar.get('next-auth.session-token')) {
    throw new Error(`signing in as ${role} failed: HTTP ${res.status} ${(await res.text()).slice(0, 300)}`);
  }
  return sessionOf(role, base, jar);
}
