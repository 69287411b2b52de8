import type { z } from 'zod';
import type { Permission } from '@/lib/auth/permissions';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422;

/** The tags the document groups operations by (and the /api-docs page shows, in this order). */
export const TAGS = ['stats', 'registry', 'inspections', 'cases', 'campaigns', 'offenders', 'notices', 'imports', 'taxonomies', 'admin', 'portal', 'public', 'meta'] as const;
export type Tag = (typeof TAGS)[number];

/** Who may call an operation: a permission of lib/auth/permissions.ts, or anyone. */
export type Access = Permission | 'public';

/** A response body: a zod schema where one exists, else a media type and a short description. */
export interface ResponseSpec {
  status: number;
  description: string;
  /** Defaults to application/json. */
  mediaType?: string;
  schema?: z.ZodType;
}

/**
 * One API operation. The schemas are the very objects the route handler validates with (imported
 * from where the route imports them), so the document cannot drift from the code.
 */
export interface Operation {
  method: HttpMethod;
  /** OpenAPI style: `/api/v1/cases/{id}/transitions`. */
  path: string;
  tag: Tag;
  summary: string;
  description?: string;
  access: Access;
  /** A z.object of the path parameters (every one required). */
  params?: z.ZodObject;
  query?: z.ZodType;
  /** The JSON request body and its component name. */
  body?: { name: string; schema: z.ZodType };
  /** A non-JSON request body (multipart upload, raw CSV): media type → schema. */
  rawBody?: { name: string; content: Record<string, z.ZodType>; description?: string };
  responses: ResponseSpec[];
  /** The error statuses this operation can answer besides 401/403 (added from `access`). */
  errors?: ErrorStatus[];
}
