import { apiTokens } from '@/db/schema';
import { rowSchema } from '@/lib/openapi/rows';

/** What the API-token routes answer, beside their request schema (./schemas.ts): never the secret but once, at creation. */
export const tokenRow = rowSchema(apiTokens, { pick: ['id', 'name', 'role', 'prefix', 'createdBy', 'createdAt', 'lastUsedAt', 'revokedAt'] });
