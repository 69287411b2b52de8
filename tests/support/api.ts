/**
 * Calling route handlers as a client would: a real NextRequest, real credentials (an API token
 * acting with a role, created in the test database), and the JSON answer.
 *
 *   const token = await createToken('inspector');
 *   const res = await callRoute(POST, { method: 'POST', path: '/api/v1/cases/1/transitions', token, params: { id: '1' }, body: {...} });
 *   expect(res.status).toBe(409);
 */
import { NextRequest } from 'next/server';
import { getDb } from '../../db/client';
import { apiTokens } from '../../db/schema';
import type { Role } from '../../lib/auth/permissions';
import { hashTokenSecret, newTokenSecret } from '../../lib/auth/tokens';

/** Creates an API token acting with `role` and returns its secret. */
export async function createToken(role: Role, name = `test ${role}`): Promise<string> {
  const secret = newTokenSecret();
  const db = await getDb();
  await db.insert(apiTokens).values({ name, role, tokenHash: hashTokenSecret(secret), prefix: secret.slice(0, 8) });
  return secret;
}

type Handler<P> = (req: NextRequest, ctx: { params: Promise<P> }) => Promise<Response>;

export interface CallOptions<P> {
  method?: string;
  path: string;
  token?: string;
  params?: P;
  body?: unknown;
  /** A raw body (string or bytes) instead of JSON. */
  rawBody?: BodyInit;
  headers?: Record<string, string>;
}

export interface CallResult {
  status: number;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON
  headers: Headers;
  text: string;
}

export async function callRoute<P>(handler: Handler<P>, options: CallOptions<P>): Promise<CallResult> {
  const headers = new Headers(options.headers);
  if (options.token) headers.set('authorization', `Bearer ${options.token}`);
  let body: BodyInit | undefined = options.rawBody;
  if (options.body !== undefined) {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(options.body);
  }
  const req = new NextRequest(new URL(options.path, 'http://rectify.test'), { method: options.method ?? 'GET', headers, body });
  const res = await handler(req, { params: Promise.resolve((options.params ?? {}) as P) });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: res.status, json, headers: res.headers, text };
}
