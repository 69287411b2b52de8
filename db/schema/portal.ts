import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { operators } from './registry';
import { apiTokens, users } from './users';

/**
 * An operator's named contact (DESIGN §9): a `users` row with the role `operator_contact`, bound to
 * exactly one operator. The invitation's one-time activation secret is kept only as a SHA-256
 * (`activation_hash`), cleared when it is used, and refused after `activation_expires_at`.
 */
export const operatorContacts = pgTable(
  'operator_contacts',
  {
    userId: integer('user_id')
      .primaryKey()
      .references(() => users.id),
    operatorId: integer('operator_id')
      .notNull()
      .references(() => operators.id),
    invitedByUserId: integer('invited_by_user_id').references(() => users.id),
    invitedByTokenId: integer('invited_by_token_id').references(() => apiTokens.id),
    activationHash: text('activation_hash').unique(),
    activationExpiresAt: timestamp('activation_expires_at', { withTimezone: true }).notNull(),
    activatedAt: timestamp('activated_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('operator_contacts_operator_idx').on(t.operatorId),
    // Activated contacts have no live activation secret; pending ones always have one.
    check('operator_contacts_activation', sql`(${t.activatedAt} IS NULL) = (${t.activationHash} IS NOT NULL)`),
  ],
);
