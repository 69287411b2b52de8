import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Queryable, Tx } from '@/db/client';
import { apiTokens, caseComments, cases, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { recordAudit } from '@/lib/audit';
import { decodeCursor, pageOf, pageParams } from '@/lib/http/cursor';
import { notFound } from '@/lib/http/errors';
import { MAX_COMMENT_CHARS } from './comment-limit';

export { MAX_COMMENT_CHARS };

/** The body of POST /api/v1/cases/{id}/comments. */
export const commentBodySchema = z.object({
  body: z
    .string({ error: 'body is the comment text.' })
    .trim()
    .min(1, 'The comment is empty.')
    .max(MAX_COMMENT_CHARS, `At most ${MAX_COMMENT_CHARS} characters.`),
});

/** GET /api/v1/cases/{id}/comments: oldest first, a cursor page at a time. */
export const commentListSchema = z.object(pageParams);

export interface CaseComment {
  id: number;
  body: string;
  createdAt: string;
  author: { kind: 'user' | 'token'; id: number; name: string };
}

const columns = {
  id: caseComments.id,
  body: caseComments.body,
  createdAt: caseComments.createdAt,
  authorUserId: caseComments.authorUserId,
  authorTokenId: caseComments.authorTokenId,
  authorName: sql<string>`coalesce(${users.name}, ${apiTokens.name}, '')`,
};

type Row = { id: number; body: string; createdAt: Date; authorUserId: number | null; authorTokenId: number | null; authorName: string };

const toComment = (r: Row): CaseComment => ({
  id: r.id,
  body: r.body,
  createdAt: new Date(r.createdAt).toISOString(),
  author: r.authorUserId !== null ? { kind: 'user', id: r.authorUserId, name: r.authorName } : { kind: 'token', id: r.authorTokenId!, name: r.authorName },
});

async function assertCase(db: Queryable, caseId: number) {
  const [row] = await db.select({ id: cases.id }).from(cases).where(eq(cases.id, caseId)).limit(1);
  if (!row) throw notFound('Case', caseId);
}

/** One page of a case's internal comments, oldest first. */
export async function listComments(db: Queryable, caseId: number, page: { cursor?: string; limit: number }): Promise<{ items: CaseComment[]; nextCursor: string | null }> {
  await assertCase(db, caseId);
  const after = decodeCursor(page.cursor);
  const rows = await db
    .select(columns)
    .from(caseComments)
    .leftJoin(users, eq(users.id, caseComments.authorUserId))
    .leftJoin(apiTokens, eq(apiTokens.id, caseComments.authorTokenId))
    .where(and(eq(caseComments.caseId, caseId), after ? gt(caseComments.id, after[1]) : undefined))
    .orderBy(asc(caseComments.id))
    .limit(page.limit + 1);
  const { items, nextCursor } = pageOf(rows, page.limit, (r) => [null, r.id]);
  return { items: items.map(toComment), nextCursor };
}

/** Adds an internal comment with its audit event, in the caller's transaction. */
export async function addComment(tx: Tx, actor: Actor, caseId: number, body: string): Promise<CaseComment> {
  await assertCase(tx, caseId);
  const [row] = await tx
    .insert(caseComments)
    .values({ caseId, body, authorUserId: actor.kind === 'user' ? actor.id : null, authorTokenId: actor.kind === 'token' ? actor.id : null })
    .returning();
  await recordAudit(tx, actor, { action: 'case.comment', entityType: 'case', entityId: caseId, after: { commentId: row!.id, body } });
  return toComment({ ...row!, authorName: actor.name });
}
