import { sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '@/db/client';

export type ChainVerdict = { ok: true; events: number } | { ok: false; events: number; brokenAt: number; reason: string };

const BATCH = 5000;

/**
 * Recomputes the audit hash chain with the same SQL function the insert trigger uses and names the
 * first broken link: a row whose content no longer matches its hash, a prev_hash that does not
 * point at the previous row, or a missing sequence number.
 */
export async function verifyAuditChain(db: Queryable): Promise<ChainVerdict> {
  let lastSeq = 0;
  let lastHash = '';
  let events = 0;
  for (;;) {
    const rows = await queryRows<{ seq: string | number; hash: string; prev_hash: string; expected: string }>(db, sql`
      SELECT seq, hash, prev_hash,
             encode(sha256(convert_to(prev_hash || '|' || audit_canonical(e), 'UTF8')), 'hex') AS expected
      FROM audit_events e WHERE seq > ${lastSeq} ORDER BY seq LIMIT ${BATCH}`);
    if (rows.length === 0) return { ok: true, events };
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== lastSeq + 1) return { ok: false, events, brokenAt: lastSeq + 1, reason: `event ${lastSeq + 1} is missing` };
      if (row.prev_hash !== lastHash) return { ok: false, events, brokenAt: seq, reason: `event ${seq} does not point at event ${lastSeq}` };
      if (row.expected !== row.hash) return { ok: false, events, brokenAt: seq, reason: `event ${seq} was altered after it was written` };
      lastSeq = seq;
      lastHash = row.hash;
      events++;
    }
  }
}
