import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { roleEnum } from './enums';

export const users = pgTable(
  'users',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    email: text('email').notNull().unique(),
    name: text('name').notNull(),
    role: roleEnum('role').notNull(),
    passwordHash: text('password_hash').notNull(),
    /** Bumped to end every live session of the user at once (sign-out everywhere, password change). */
    sessionVersion: integer('session_version').notNull().default(1),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    /** The last successful sign-in (staff see their operators' contacts' last sign-in). */
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('users_email_lower', sql`${t.email} = lower(${t.email})`)],
);

/** Machine credentials (automated testing platforms). Only a SHA-256 of the secret is kept. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    role: roleEnum('role').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    /** First characters of the secret, shown so a token can be recognised without revealing it. */
    prefix: text('prefix').notNull(),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('api_tokens_created_by_idx').on(t.createdBy)],
);

/** Office-wide settings an admin may change (default deadline, …), one JSON value per key. */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedBy: integer('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Failed sign-ins, one counter per account (normalized email) and per client address, over a fixed
 * window that starts at the first failure (lib/auth/throttle.ts). An attempt takes a slot before
 * the password is checked, so parallel guesses cannot get past the limit; a success gives it back.
 */
export const signInAttempts = pgTable(
  'sign_in_attempts',
  {
    scope: text('scope', { enum: ['account', 'address'] }).notNull(),
    key: text('key').notNull(),
    failures: integer('failures').notNull(),
    windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] }), check('sign_in_attempts_scope', sql`${t.scope} in ('account', 'address')`)],
);

/**
 * Sessions ended by signing out (lib/auth/sessions.ts). A session token carries its id (`sid`); every
 * request re-reads the user row and refuses a token whose id is here, on every web copy at once.
 * Rows are kept until the token would have expired anyway, then purged.
 */
export const revokedSessions = pgTable(
  'revoked_sessions',
  {
    sessionId: text('session_id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    revokedAt: timestamp('revoked_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('revoked_sessions_user_idx').on(t.userId), index('revoked_sessions_expires_idx').on(t.expiresAt)],
);
