import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { operators, sectors, storeListings, stores, subjectIdentifiers, subjectNames, subjects } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { recordAudit } from '@/lib/audit';
import { refreshOffenderFlags } from '@/lib/offenders/refresh';
import { identifierMatchValue } from '@/lib/domain/identifiers';
import { unprocessable, type FieldErrors } from '@/lib/http/errors';
import { getSubjectOrThrow } from './subject-detail';
import type { SubjectInput } from './schemas';

export type SubjectRow = typeof subjects.$inferSelect;

/**
 * Sector, stores and operator must exist: a 422 naming each field that refers to nothing. A retired
 * sector or store takes no new input, but a subject keeps the ones it already had (`before`).
 */
async function assertReferences(tx: Tx, input: SubjectInput, before?: { sector: string; stores: string[] }) {
  const fields: FieldErrors = {};
  const [sector] = await tx.select({ code: sectors.code, active: sectors.active }).from(sectors).where(eq(sectors.code, input.sector)).limit(1);
  if (!sector) fields.sector = `Unknown sector "${input.sector}".`;
  else if (!sector.active && before?.sector !== input.sector) fields.sector = `The sector "${input.sector}" is retired: it takes no new input.`;
  const codes = [...new Set(input.storeListings.map((l) => l.store))];
  const known = codes.length ? new Map((await tx.select({ code: stores.code, active: stores.active }).from(stores).where(inArray(stores.code, codes))).map((r) => [r.code, r.active])) : new Map<string, boolean>();
  input.storeListings.forEach((l, n) => {
    if (!known.has(l.store)) fields[`storeListings.${n}.store`] = `Unknown store "${l.store}" (a store code such as huawei or wechat).`;
    else if (!known.get(l.store) && !before?.stores.includes(l.store)) fields[`storeListings.${n}.store`] = `The store "${l.store}" is retired: it takes no new input.`;
  });
  const [operator] = await tx.select({ id: operators.id }).from(operators).where(eq(operators.id, input.operatorId)).limit(1);
  if (!operator) fields.operatorId = `Operator ${input.operatorId} does not exist.`;
  if (Object.keys(fields).length) throw unprocessable('The subject refers to something that does not exist.', fields);
}

async function writeIdentifiersAndListings(tx: Tx, subjectId: number, input: SubjectInput) {
  if (input.identifiers.length) {
    await tx.insert(subjectIdentifiers).values(
      input.identifiers.map((i) => ({ subjectId, type: i.type, value: i.value, matchValue: identifierMatchValue(i.type, i.value) })),
    );
  }
  if (input.storeListings.length) {
    await tx.insert(storeListings).values(input.storeListings.map((l) => ({ subjectId, store: l.store, versionSeen: l.versionSeen || null })));
  }
}

/** Registers a subject with its first name row, identifiers (normalised match values) and listings. */
export async function createSubject(tx: Tx, actor: Actor | null, input: SubjectInput): Promise<SubjectRow> {
  await assertReferences(tx, input);
  const [row] = await tx
    .insert(subjects)
    .values({ kind: input.kind, platform: input.platform, name: input.name, sector: input.sector, operatorId: input.operatorId, createdBy: actor?.kind === 'user' ? actor.id : null })
    .returning();
  await tx.insert(subjectNames).values({ subjectId: row!.id, name: input.name });
  await writeIdentifiersAndListings(tx, row!.id, input);
  await recordAudit(tx, actor, { action: 'subject.create', entityType: 'subject', entityId: row!.id, after: input });
  await refreshOffenderFlags(tx, { subjectIds: [row!.id], operatorIds: input.operatorId ? [input.operatorId] : [] });
  return row!;
}

/**
 * Edits a subject. A rename closes the current name row (valid_to) and opens a new one, never
 * overwriting the history; identifiers and listings become the given sets.
 */
export async function updateSubject(tx: Tx, actor: Actor, id: number, input: SubjectInput): Promise<SubjectRow> {
  const before = await getSubjectOrThrow(tx, id);
  const listed = await tx.select({ store: storeListings.store }).from(storeListings).where(eq(storeListings.subjectId, id));
  await assertReferences(tx, input, { sector: before.sector, stores: listed.map((l) => l.store) });
  const beforeIdentifiers = await tx.select({ type: subjectIdentifiers.type, value: subjectIdentifiers.value }).from(subjectIdentifiers).where(eq(subjectIdentifiers.subjectId, id));
  if (before.name !== input.name) {
    await tx.update(subjectNames).set({ validTo: sql`now()` }).where(and(eq(subjectNames.subjectId, id), isNull(subjectNames.validTo)));
    await tx.insert(subjectNames).values({ subjectId: id, name: input.name });
  }
  const [row] = await tx
    .update(subjects)
    .set({ kind: input.kind, platform: input.platform, name: input.name, sector: input.sector, operatorId: input.operatorId, updatedAt: sql`now()` })
    .where(eq(subjects.id, id))
    .returning();
  await tx.delete(subjectIdentifiers).where(eq(subjectIdentifiers.subjectId, id));
  await tx.delete(storeListings).where(eq(storeListings.subjectId, id));
  await writeIdentifiersAndListings(tx, id, input);
  await recordAudit(tx, actor, {
    action: before.name !== input.name ? 'subject.rename' : 'subject.update',
    entityType: 'subject',
    entityId: id,
    before: { kind: before.kind, platform: before.platform, name: before.name, sector: before.sector, operatorId: before.operatorId, identifiers: beforeIdentifiers },
    after: input,
  });
  // Identifiers, name or operator may have changed: the evasion and operator rules look again.
  const operatorIds = [before.operatorId, input.operatorId].filter((o): o is number => typeof o === 'number');
  await refreshOffenderFlags(tx, { subjectIds: [id], operatorIds });
  return row!;
}
