/**
 * Small builders for integration tests: the taxonomies, an operator, a subject, an inspection with
 * findings and its case — through the same functions the product uses where they exist.
 */
import { eq } from 'drizzle-orm';
import { getDb, type Db } from '../../db/client';
import { cases, findings, inspections, operators, subjectIdentifiers, subjectNames, subjects, users } from '../../db/schema';
import { seedTaxonomies } from '../../db/seed';
import type { Actor } from '../../lib/auth/actor';
import type { Role } from '../../lib/auth/permissions';
import { openCaseForInspection } from '../../lib/cases/open';
import { identifierMatchValue } from '../../lib/domain/identifiers';
import { withUsccCheckDigit } from '../../lib/domain/uscc';

let counter = 0;
const next = () => ++counter;

export async function withTaxonomies(): Promise<Db> {
  const db = await getDb();
  await seedTaxonomies(db);
  return db;
}

/** A user row and the Actor acting as it (for calling library functions directly). */
export async function makeUser(role: Role, name = `${role} ${next()}`): Promise<Actor> {
  const db = await getDb();
  const email = `${role}.${next()}@rectify.test`;
  const [u] = await db.insert(users).values({ email, name, role, passwordHash: 'not-a-login' }).returning();
  return { kind: 'user', id: u!.id, role, name, email };
}

export async function makeOperator(overrides: Partial<typeof operators.$inferInsert> = {}) {
  const db = await getDb();
  const n = next();
  const uscc = withUsccCheckDigit(`91330100MA${String(n).padStart(7, '0')}`);
  const [op] = await db.insert(operators).values({ name: `测试科技有限公司${n}`, uscc, regionCode: '330100', ...overrides }).returning();
  return op!;
}

export async function makeSubject(
  overrides: Partial<typeof subjects.$inferInsert> = {},
  identifiers: { type: (typeof subjectIdentifiers.$inferInsert)['type']; value: string }[] = [],
) {
  const db = await getDb();
  const operatorId = overrides.operatorId ?? (await makeOperator()).id;
  const [s] = await db
    .insert(subjects)
    .values({ kind: 'mini_program', platform: 'wechat', name: `测试小程序${next()}`, sector: 'parking', operatorId, ...overrides })
    .returning();
  await db.insert(subjectNames).values({ subjectId: s!.id, name: s!.name });
  if (identifiers.length) {
    await db.insert(subjectIdentifiers).values(identifiers.map((i) => ({ subjectId: s!.id, type: i.type, value: i.value, matchValue: identifierMatchValue(i.type, i.value) })));
  }
  return s!;
}

/** An inspection with findings of the given categories, and its case opened as the product opens it. */
export async function makeCase(options: { subjectId?: number; categories?: string[]; actor?: Actor; campaignId?: number; inspectedOn?: string } = {}) {
  const db = await getDb();
  const subjectId = options.subjectId ?? (await makeSubject()).id;
  return db.transaction(async (tx) => {
    const [insp] = await tx
      .insert(inspections)
      .values({ subjectId, version: '1.0.0', inspectedOn: options.inspectedOn ?? '2026-06-01', method: 'technical_test', campaignId: options.campaignId ?? null })
      .returning();
    await tx.insert(findings).values(
      (options.categories ?? ['collect_excessive']).map((category) => ({ inspectionId: insp!.id, category, severity: 'high' as const, description: `发现问题：${category}` })),
    );
    return openCaseForInspection(tx, options.actor ?? null, insp!.id);
  });
}

export async function getCase(id: number) {
  const db = await getDb();
  const [c] = await db.select().from(cases).where(eq(cases.id, id));
  return c!;
}
