import { sql } from 'drizzle-orm';
import { NextResponse } from 'next/server';
import { getDatabase } from '@/db/client';

export const dynamic = 'force-dynamic';

/** DESIGN §6: `{ ok, database }`. 503 when the database cannot answer. */
export async function GET() {
  try {
    const { db, kind } = await getDatabase();
    await db.execute(sql`SELECT 1`);
    return NextResponse.json({ ok: true, database: kind });
  } catch (err) {
    console.error('[health]', err);
    return NextResponse.json({ ok: false, error: { code: 'database_unavailable', message: 'The database does not answer.' } }, { status: 503 });
  }
}
