import type { FieldCodes } from '@/lib/forms/issue-codes';

export interface ApiFailure { ok: false; status: number; code?: string; reason?: string; message: string; fields?: Record<string, string>; fieldCodes?: FieldCodes }
export type ApiResult<T> = { ok: true; data: T } | ApiFailure;

/** Calls the JSON API from the browser (session cookie) and returns the DESIGN §6 error shape on failure. */
export async function postJson<T>(url: string, body: unknown, method = 'POST'): Promise<ApiResult<T>> {
  const res = await fetch(url, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const json = await res.json().catch(() => null);
  if (res.ok) return { ok: true, data: json as T };
  return { ok: false, status: res.status, code: json?.error?.code, reason: json?.error?.reason, message: json?.error?.message ?? `HTTP ${res.status}`, fields: json?.error?.fields, fieldCodes: json?.error?.fieldCodes };
}
