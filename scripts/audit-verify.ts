/** `npm run audit:verify`: checks the audit hash chain and names the first broken link. */
import { closeDatabase, getDatabase } from '../db/client';
import { verifyAuditChain } from '../lib/audit-verify';

async function main() {
  const { db, kind } = await getDatabase();
  const verdict = await verifyAuditChain(db);
  await closeDatabase();
  if (verdict.ok) {
    console.log(`audit chain intact: ${verdict.events} events (${kind})`);
  } else {
    console.error(`audit chain BROKEN at event ${verdict.brokenAt}: ${verdict.reason} (${verdict.events} events verified before it)`);
    process.exit(2);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
