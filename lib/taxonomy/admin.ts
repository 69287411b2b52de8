import { asc, count, eq } from 'drizzle-orm';
import { getDb, type Queryable } from '@/db/client';
import { sectors, stores, violationCategories } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { recordAudit } from '@/lib/audit';
import { conflict, notFound, unprocessable } from '@/lib/http/errors';
import { MAX_TAXONOMY_ENTRIES, type CreateTaxonomyInput, type TaxonomyEntry, type TaxonomyKind, type UpdateTaxonomyInput } from './schemas';

/** One table shape serves the three (categories add the legal basis); the casts stay in this file. */
const TABLE = { sectors, categories: violationCategories, stores } as const;
const ENTITY: Record<TaxonomyKind, string> = { sectors: 'sector', categories: 'category', stores: 'store' };
const NAME: Record<TaxonomyKind, string> = { sectors: 'Sector', categories: 'Violation category', stores: 'Store' };

type Row = typeof violationCategories.$inferSelect | typeof sectors.$inferSelect;

function entry(kind: TaxonomyKind, r: Row): TaxonomyEntry {
  const base = { code: r.code, labelZh: r.labelZh, labelEn: r.labelEn, sortOrder: r.sortOrder, retired: !r.active };
  return kind === 'categories' && 'legalBasisZh' in r ? { ...base, legalBasisZh: r.legalBasisZh, legalBasisEn: r.legalBasisEn } : base;
}

/** Every entry of a taxonomy, retired ones included (marked), in display order. */
export async function listTaxonomy(db: Queryable, kind: TaxonomyKind): Promise<TaxonomyEntry[]> {
  const t = TABLE[kind] as typeof violationCategories;
  const rows = await db.select().from(t).orderBy(asc(t.sortOrder), asc(t.code));
  return rows.map((r) => entry(kind, r));
}

export async function getTaxonomyEntryOrThrow(db: Queryable, kind: TaxonomyKind, code: string): Promise<TaxonomyEntry> {
  const t = TABLE[kind] as typeof violationCategories;
  const [row] = await db.select().from(t).where(eq(t.code, code)).limit(1);
  if (!row) throw notFound(NAME[kind], code);
  return entry(kind, row);
}

export async function createTaxonomyEntry(actor: Actor, kind: TaxonomyKind, input: CreateTaxonomyInput): Promise<TaxonomyEntry> {
  const db = await getDb();
  const t = TABLE[kind] as typeof violationCategories;
  return db.transaction(async (tx) => {
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(t);
    if (n >= MAX_TAXONOMY_ENTRIES) throw unprocessable(`At most ${MAX_TAXONOMY_ENTRIES} entries per taxonomy.`, { code: `This taxonomy holds its limit of ${MAX_TAXONOMY_ENTRIES} entries; retire or relabel one instead.` });
    const [clash] = await tx.select({ code: t.code }).from(t).where(eq(t.code, input.code)).limit(1);
    if (clash) throw conflict(`${NAME[kind]} ${input.code} exists already.`, { code: 'Taken: codes are unique (a retired entry keeps its code; bring it back with retired: false).' });
    const [row] = await tx
      .insert(t)
      .values({ code: input.code, labelZh: input.labelZh, labelEn: input.labelEn, sortOrder: input.sortOrder ?? 500, ...('legalBasisZh' in input ? { legalBasisZh: input.legalBasisZh, legalBasisEn: input.legalBasisEn } : {}) })
      .returning();
    const created = entry(kind, row!);
    await recordAudit(tx, actor, { action: `${ENTITY[kind]}.create`, entityType: ENTITY[kind], entityId: input.code, after: created });
    return created;
  });
}

/** Relabels, reorders, retires (`retired: true`) or brings back an entry; never deletes one. */
export async function updateTaxonomyEntry(actor: Actor, kind: TaxonomyKind, code: string, input: UpdateTaxonomyInput): Promise<TaxonomyEntry> {
  const db = await getDb();
  const t = TABLE[kind] as typeof violationCategories;
  return db.transaction(async (tx) => {
    const [locked] = await tx.select().from(t).where(eq(t.code, code)).for('update');
    if (!locked) throw notFound(NAME[kind], code);
    const before = entry(kind, locked);
    const [row] = await tx
      .update(t)
      .set({
        ...(input.labelZh !== undefined ? { labelZh: input.labelZh } : {}),
        ...(input.labelEn !== undefined ? { labelEn: input.labelEn } : {}),
        ...(input.sortOrder !== undefined ? { sortOrder: input.sortOrder } : {}),
        ...(input.retired !== undefined ? { active: !input.retired } : {}),
        ...('legalBasisZh' in input && input.legalBasisZh !== undefined ? { legalBasisZh: input.legalBasisZh } : {}),
        ...('legalBasisEn' in input && input.legalBasisEn !== undefined ? { legalBasisEn: input.legalBasisEn } : {}),
      })
      .where(eq(t.code, code))
      .returning();
    const after = entry(kind, row!);
    const action = input.retired === true && !before.retired ? 'retire' : input.retired === false && before.retired ? 'restore' : 'update';
    await recordAudit(tx, actor, { action: `${ENTITY[kind]}.${action}`, entityType: ENTITY[kind], entityId: code, before, after });
    return after;
  });
}
