import { boolean, integer, pgTable, text } from 'drizzle-orm/pg-core';

/** Sectors (DESIGN §2): seeded, an admin can add. Labels in both languages. */
export const sectors = pgTable('sectors', {
  code: text('code').primaryKey(),
  labelZh: text('label_zh').notNull(),
  labelEn: text('label_en').notNull(),
  sortOrder: integer('sort_order').notNull().default(100),
  active: boolean('active').notNull().default(true),
});

/** Violation categories (DESIGN §2), each with the legal basis an inspector's finding is prefilled with. */
export const violationCategories = pgTable('violation_categories', {
  code: text('code').primaryKey(),
  labelZh: text('label_zh').notNull(),
  labelEn: text('label_en').notNull(),
  legalBasisZh: text('legal_basis_zh').notNull().default(''),
  legalBasisEn: text('legal_basis_en').notNull().default(''),
  sortOrder: integer('sort_order').notNull().default(100),
  active: boolean('active').notNull().default(true),
});

/**
 * Stores (DESIGN §2): app stores and the host platforms of mini programs, by code; a store listing
 * names one. Seeded, an admin can add, relabel and retire (an entry in use is never deleted).
 */
export const stores = pgTable('stores', {
  code: text('code').primaryKey(),
  labelZh: text('label_zh').notNull(),
  labelEn: text('label_en').notNull(),
  sortOrder: integer('sort_order').notNull().default(100),
  active: boolean('active').notNull().default(true),
});
