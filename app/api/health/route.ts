import { sql } from 'drizzle-orm';
import { NextResponse } from 'next/server';
import { getDatabase } from '@/db/client';
import { noteDatabaseError, RETRY_AFTER_SECONDS } from '@/db/health';

export const dynamic = 'force-dynamic';

/** DESIGN §6: `{ ok, database }`. 503 (with Retry-After) when the database cannot answer. */
export async function GET() {
  try {
    const { db, kind } = await getDatabase();
    await db.execute(sql`SELECT 1`);
    return NextResponse.json({ ok: true, database: kind });
  } catch (err) {
    noteDatabaseError(err);
    console.error('[health]', (err as Error)?.message ?? err);
    return NextResponse.json(
      { ok: false, error: { code: 'database_unavailable', message: 'The database does not answer.' } },
      { status: 503, headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) } },
    );
  }
}
