import { bigint, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { apiTokens, users } from './users';

/**
 * Append-only audit trail. The database refuses UPDATE and DELETE on it, and a trigger assigns
 * `seq` and the hash chain (`hash` = sha256(prev_hash | canonical row)); `npm run audit:verify`
 * recomputes the chain. See db/migrations/*_audit_chain.sql.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    // seq, prev_hash and hash are always assigned by the audit_chain trigger; the defaults only satisfy inserts.
    seq: bigint('seq', { mode: 'number' }).notNull().unique().default(0),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: integer('actor_user_id').references(() => users.id),
    actorTokenId: integer('actor_token_id').references(() => apiTokens.id),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    prevHash: text('prev_hash').notNull().default(''),
    hash: text('hash').notNull().default(''),
  },
  (t) => [index('audit_events_entity_idx').on(t.entityType, t.entityId)],
);
