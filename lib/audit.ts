import { sql } from 'drizzle-orm';
import { auditEvents } from '@/db/schema';
import type { Queryable } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends an audit event. Call it with the transaction that makes the change, so the event and the
 * change commit or fail together; the database assigns the sequence number and the hash chain.
 */
export async function recordAudit(tx: Queryable, actor: Actor | null, entry: AuditEntry): Promise<void> {
  await recordAudits(tx, actor, [entry]);
}

/**
 * Appends audit events in the order given, in one statement (a bulk change of many rows): the chain
 * trigger links each row to the one before it, as for events appended one by one.
 */
export async function recordAudits(tx: Queryable, actor: Actor | null, entries: readonly AuditEntry[]): Promise<void> {
  if (!entries.length) return;
  await tx.insert(auditEvents).values(
    entries.map((entry) => ({
      actorUserId: actor?.kind === 'user' ? actor.id : null,
      actorTokenId: actor?.kind === 'token' ? actor.id : null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: String(entry.entityId),
      before: entry.before ?? null,
      after: entry.after ?? null,
    })),
  );
}

/**
 * For a long transaction (an import's apply): its audit events are held back instead of taking the
 * chain's lock at once (which would hold every other audited write until it commits). Call
 * flushDeferredAudit right before committing; the events then join the chain in their order.
 */
export async function deferAudit(tx: Queryable): Promise<void> {
  await tx.execute(sql`SELECT audit_defer()`);
}

/** Appends the held-back events to the chain (takes its lock until the commit). */
export async function flushDeferredAudit(tx: Queryable): Promise<void> {
  await tx.execute(sql`SELECT audit_flush_deferred()`);
}
