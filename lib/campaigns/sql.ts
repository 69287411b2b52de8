import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { CampaignRef } from './ref';

/** The campaign's id inside a query: the id itself, or the id of the campaign with that code (NULL, so nothing matches, when none). */
export function campaignIdSql(ref: CampaignRef): SQL {
  return typeof ref === 'number' ? sql`${ref}::int` : sql`(SELECT c.id FROM campaigns c WHERE c.code = ${ref})`;
}

/** `column = <the campaign's id>` for a ref by id or by code. */
export function isCampaignSql(column: AnyPgColumn | SQL, ref: CampaignRef): SQL {
  return sql`${column} = ${campaignIdSql(ref)}`;
}
