import { HttpError, type FieldErrors } from '@/lib/http/errors';
import type { RefusalKey } from './ladder';

/** Refusals of the transition code itself, besides the ladder's (REFUSAL_KEYS). */
export const CASE_REFUSAL_KEYS = ['stale', 'missing'] as const;

/** Why one case was refused, as a key of messages/{zh,en}/refusals.json and the values its text names. */
export interface RefusalDetail {
  key: RefusalKey | (typeof CASE_REFUSAL_KEYS)[number];
  params?: Record<string, string>;
}

/**
 * A refused transition: the same status, stable code, English message and fields as any HttpError
 * (that is what the API answers), plus each refused case's reason as data, so the UI can say it in
 * the reader's language (lib/cases/refusal-text.ts).
 */
export class TransitionRefusedError extends HttpError {
  constructor(
    status: 403 | 404 | 409 | 422,
    code: string,
    message: string,
    fields: FieldErrors | undefined,
    /** By case id. */
    readonly refusals: Record<string, RefusalDetail>,
    /** What the cases were to become (for the bulk summary). */
    readonly to: string,
  ) {
    super(status, code, message, fields);
  }
}
