import { desc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { apiTokens } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { hashTokenSecret, newTokenSecret } from '@/lib/auth/tokens';
import { recordAudit } from '@/lib/audit';
import { notFound } from '@/lib/http/errors';
import type { CreateTokenInput } from './schemas';

export type TokenView = Omit<typeof apiTokens.$inferSelect, 'tokenHash'>;

function view(t: typeof apiTokens.$inferSelect): TokenView {
  const { tokenHash: _hash, ...rest } = t;
  return rest;
}

/** Creates an API token; the secret is returned this once and only its hash is kept. */
export async function createApiToken(actor: Actor, input: CreateTokenInput): Promise<{ token: TokenView; secret: string }> {
  const secret = newTokenSecret();
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [token] = await tx
      .insert(apiTokens)
      .values({ name: input.name, role: input.role, tokenHash: hashTokenSecret(secret), prefix: secret.slice(0, 10), createdBy: actor.kind === 'user' ? actor.id : null })
      .returning();
    await recordAudit(tx, actor, { action: 'token.create', entityType: 'api_token', entityId: token!.id, after: view(token!) });
    return { token: view(token!), secret };
  });
}

/** Revokes a token at once; revoking twice changes nothing. */
export async function revokeApiToken(actor: Actor, id: number): Promise<TokenView> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(apiTokens).where(eq(apiTokens.id, id)).for('update');
    if (!before) throw notFound('API token', id);
    if (before.revokedAt) return view(before);
    const [after] = await tx.update(apiTokens).set({ revokedAt: sql`now()` }).where(eq(apiTokens.id, id)).returning();
    await recordAudit(tx, actor, { action: 'token.revoke', entityType: 'api_token', entityId: id, before: view(before), after: view(after!) });
    return view(after!);
  });
}

export async function listApiTokens(): Promise<TokenView[]> {
  const db = await getDb();
  return (await db.select().from(apiTokens).orderBy(desc(apiTokens.createdAt))).map(view);
}
