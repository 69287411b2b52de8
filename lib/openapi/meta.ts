import { z } from 'zod';

/** What the meta routes answer: GET /api/health and GET /api/openapi.json. */
export const healthResponse = z.object({ ok: z.literal(true), database: z.enum(['pglite', 'postgres']) });
export const openApiResponse = z.object({ openapi: z.string(), info: z.object({ title: z.string(), version: z.string() }).loose(), paths: z.record(z.string(), z.unknown()) }).loose().describe('An OpenAPI 3.1 document.');
