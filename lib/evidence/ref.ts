import { z } from 'zod';

/** How evidence is named everywhere (bodies, the download path): the lower-case SHA-256 of its bytes. */
export const evidenceRefSchema = z.string().regex(/^[0-9a-f]{64}$/, 'An evidence reference is a lower-case SHA-256 (64 hex characters).');
