/**
 * Opens (and migrates) the database when the server starts, so that a second server on the same
 * embedded data folder is refused at once instead of on its first request.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.NEXT_PHASE !== 'phase-production-build') {
    await import('./lib/server/boot');
  }
}
