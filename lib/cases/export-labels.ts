import type { Queryable } from '@/db/client';
import { campaigns, sectors, violationCategories } from '@/db/schema';
import type { CaseExportLabels } from './export';

/** Every sector, category and campaign label (taxonomies are small), read once per export. */
export async function caseExportLabels(db: Queryable): Promise<CaseExportLabels> {
  const [s, c, k] = await Promise.all([
    db.select({ code: sectors.code, labelZh: sectors.labelZh, labelEn: sectors.labelEn }).from(sectors),
    db.select({ code: violationCategories.code, labelZh: violationCategories.labelZh, labelEn: violationCategories.labelEn }).from(violationCategories),
    db.select({ code: campaigns.code, labelZh: campaigns.nameZh, labelEn: campaigns.nameEn }).from(campaigns),
  ]);
  const map = (rows: { code: string; labelZh: string; labelEn: string }[]) => new Map(rows.map((r) => [r.code, r]));
  return { sectors: map(s), categories: map(c), campaigns: map(k) };
}
