/**
 * When the server starts: stamps every request with the client's address (lib/server/client-address.ts),
 * serves the public notice pages from a per-publication cache (lib/server/public-html-cache.ts),
 * on the embedded database admits requests through a bounded queue (lib/server/admission.ts),
 * answers TRACE with a 405 before Next fails on them (lib/server/unfetchable-methods.ts),
 * answers what Node's parser refuses (headers over its 16 KB limit, bytes that are no HTTP) with a body naming
 * the limit or the fault instead of Node's empty 431 or 400 (lib/server/malformed-requests.ts),
 * and opens (and migrates) the database, so that a second server on the same embedded data folder is
 * refused at once instead of on its first request.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.NEXT_PHASE !== 'phase-production-build') {
    (await import('./lib/server/client-address')).installClientAddressStamp();
    // After the stamp: the cache answers before it and before Next (docs/decisions/0010).
    (await import('./lib/server/public-html-cache')).installPublicHtmlCache();
    (await import('./lib/server/unfetchable-methods')).installUnfetchableMethodGuard();
    (await import('./lib/server/malformed-requests')).installMalformedRequestAnswer();
    // Last, so it runs first: on the embedded database, a bounded queue in front of everything (README "Limits").
    (await import('./lib/server/admission')).installEmbeddedAdmission();
    await import('./lib/server/boot');
  }
}
