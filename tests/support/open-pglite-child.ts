/**
 * Used by tests/integration/database.test.ts: tries to open the PGlite folder given as argv[2] from a
 * second process. Exits 0 (printing "opened") if it could, 3 with the error message on stderr if not.
 */
import { openPglite } from '../../db/client';

async function main() {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: open-pglite-child.ts <data dir>');
  const handle = await openPglite(dir);
  console.log('opened');
  await handle.close();
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? `${err.name}: ${err.message}` : String(err));
  process.exit(3);
});
