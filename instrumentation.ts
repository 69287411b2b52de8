/**
 * When the server starts: stamps every request with the client's address (lib/server/client-address.ts),
 * answers TRACE with a 405 before Next fails on them (lib/server/unfetchable-methods.ts),
 * and opens (and migrates) the database, so that a second server on the same embedded data folder is
 * refused at once instead of on its first request.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.NEXT_PHASE !== 'phase-production-build') {
    (await import('./lib/server/client-address')).installClientAddressStamp();
    (await import('./lib/server/unfetchable-methods')).installUnfetchableMethodGuard();
    await import('./lib/server/boot');
  }
}
