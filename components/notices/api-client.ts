import type { FieldCodes } from '@/lib/forms/issue-codes';

export interface ApiFailure { ok: false; status: number; code?: string; reason?: string; message: string; fields?: Record<string, string>; fieldCodes?: FieldCodes }
export type ApiResult<T> = { ok: true; data: T } | ApiFailure;
