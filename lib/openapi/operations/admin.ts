import { z } from 'zod';
import { idParamSchema } from '@/lib/http/params';
import { createTokenSchema } from '@/lib/tokens/schemas';
import { createUserSchema, updateUserSchema } from '@/lib/users/schemas';
import { errorBodySchema } from '../errors';
import { tokenRow } from '@/lib/tokens/responses';
import { userRow } from '@/lib/users/responses';
import { healthResponse, openApiResponse } from '../meta';
import type { Operation } from '../types';

const byId = z.object({ id: idParamSchema });

/** Users and API tokens (admins only), the health check and this document. */
export const adminOperations: Operation[] = [
  { method: 'GET', path: '/api/v1/users', tag: 'admin', summary: 'List users', access: 'admin:users', responses: [{ status: 200, description: '`{ items }`', schema: z.object({ items: z.array(userRow) }) }] },
  { method: 'POST', path: '/api/v1/users', tag: 'admin', summary: 'Create a user', access: 'admin:users', body: { name: 'CreateUser', schema: createUserSchema }, responses: [{ status: 201, description: '`{ user }`', schema: z.object({ user: userRow }) }], errors: [409, 413] },
  { method: 'PATCH', path: '/api/v1/users/{id}', tag: 'admin', summary: 'Change a user’s role, or disable or re-enable them', description: 'A disabled user’s sessions stop at once.', access: 'admin:users', params: byId, body: { name: 'UpdateUser', schema: updateUserSchema }, responses: [{ status: 200, description: '`{ user }`', schema: z.object({ user: userRow }) }], errors: [409, 413, 422] },
  { method: 'GET', path: '/api/v1/tokens', tag: 'admin', summary: 'List API tokens', access: 'admin:tokens', responses: [{ status: 200, description: '`{ items }` (never the secrets).', schema: z.object({ items: z.array(tokenRow) }) }] },
  { method: 'POST', path: '/api/v1/tokens', tag: 'admin', summary: 'Create an API token', description: 'The secret is in this answer only; send it as `Authorization: Bearer <secret>`.', access: 'admin:tokens', body: { name: 'CreateToken', schema: createTokenSchema }, responses: [{ status: 201, description: 'The token and its `secret`.', schema: z.object({ token: tokenRow, secret: z.string().describe('Shown only here.') }) }], errors: [413] },
  { method: 'DELETE', path: '/api/v1/tokens/{id}', tag: 'admin', summary: 'Revoke an API token', description: 'It stops working at once.', access: 'admin:tokens', params: byId, responses: [{ status: 200, description: '`{ token }`', schema: z.object({ token: tokenRow }) }] },
  { method: 'GET', path: '/api/health', tag: 'meta', summary: 'Health check', access: 'public', responses: [{ status: 200, description: 'The server and its database answer.', schema: healthResponse }, { status: 503, description: 'The database does not answer (with `Retry-After`).', schema: errorBodySchema.extend({ ok: z.literal(false) }) }], errors: [] },
  { method: 'GET', path: '/api/v1/openapi.json', tag: 'meta', summary: 'This OpenAPI document', description: 'Generated from the zod schemas the routes validate with.', access: 'api:docs', responses: [{ status: 200, description: 'An OpenAPI 3.1 document.', schema: openApiResponse }] },
];
