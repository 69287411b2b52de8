import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, primaryKey, smallint, text, timestamp, type AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * Divisions of GB/T 2260 (province → city → district, 6-digit codes), reference data loaded by
 * migrations from a data package (scripts/regions-sql.mjs). Never deleted: a code the package stops
 * listing is retired (`retired_at`), kept for the records naming it, refused for new input.
 * `placeholder`: a city-level grouping (市辖区, 县, 省直辖县级行政区划), left out of name paths.
 */
export const regions = pgTable(
  'regions',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    level: smallint('level').notNull(),
    parentCode: text('parent_code').references((): AnyPgColumn => regions.code),
    placeholder: boolean('placeholder').notNull().default(false),
    source: text('source').notNull(),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
  },
  (t) => [
    check('regions_code_format', sql`${t.code} ~ '^[0-9]{6}$'`),
    check('regions_level', sql`${t.level} BETWEEN 1 AND 3`),
    check('regions_parent', sql`(${t.level} = 1) = (${t.parentCode} IS NULL)`),
    index('regions_parent_idx').on(t.parentCode),
    index('regions_name_trgm').using('gin', t.name.op('gin_trgm_ops')),
  ],
);

/** Every way a division is written (see migration 0023): the lookup behind region_resolve() and imports. */
export const regionAliases = pgTable(
  'region_aliases',
  {
    alias: text('alias').notNull(),
    code: text('code').notNull().references(() => regions.code),
    exact: boolean('exact').notNull(),
  },
  (t) => [primaryKey({ columns: [t.alias, t.code] })],
);
