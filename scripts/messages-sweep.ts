/**
 * `npm run messages:sweep`: produces the time-driven messages to operators' contacts (a deadline in 3
 * days, an overdue case) for every operator, in one transaction; idempotent, so run it as often as
 * wanted (e.g. hourly from cron). The rows land in `message_outbox` (docs/portal-messages.md).
 */
import { closeDatabase, getDatabase } from '../db/client';
import { DataFolderLockedError } from '../db/lock';
import { sweepDeadlineMessages } from '../lib/portal/messages';

async function main() {
  const { db, kind } = await getDatabase();
  const produced = await db.transaction((tx) => sweepDeadlineMessages(tx));
  console.log(`[messages] ${kind}: ${produced} new message(s) in the outbox`);
  await closeDatabase();
}

main().catch((err) => {
  console.error(err instanceof DataFolderLockedError ? `[messages] ${err.message}` : err);
  process.exit(1);
});
