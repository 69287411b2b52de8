// @ts-check
const path = require('node:path');
const createNextIntlPlugin = require('next-intl/plugin');
const { routeMethods } = require('./lib/http/route-methods.cjs');

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and WASM packages must be loaded by Node at run time, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'pg', 'pg-copy-streams', 'exceljs'],
  experimental: {
    authInterrupts: true,
    // Turbopack writes a build cache to .next/cache for the next build to start from (on by default in
    // Next 16). CI builds once in a fresh clone and never reads it: writing it took 25-29 s of CPU of a
    // 63-82 s build (docs/testing.md, "The build in CI"), so CI does not write it; `npm start` and
    // developers' builds keep it.
    turbopackFileSystemCacheForBuild: !process.env.CI || process.env.CI === 'false' || process.env.CI === '0',
  },
  poweredByHeader: false,
  // `npm run typecheck` (next typegen, then tsc over the same tsconfig: the same check `next build` runs,
  // route types included). RECTIFY_TYPECHECKED=1 says it has passed on these sources, so the build does
  // not run it a second time (.ci/run); without it `next build` checks types as usual.
  typescript: { ignoreBuildErrors: process.env.RECTIFY_TYPECHECKED === '1' },
  // The container build (Dockerfile) sets NEXT_OUTPUT=standalone: a self-contained server.js with only
  // the modules it traces. `npm start` keeps `next start` on the ordinary build.
  ...(process.env.NEXT_OUTPUT === 'standalone' ? { output: 'standalone' } : {}),
  allowedDevOrigins: ['127.0.0.1'],
  // The routes × methods table (lib/http/route-methods.cjs), read from app/ at build time, for the
  // 405s of lib/http/methods.ts (the standalone build has no app/ folder to read at run time).
  env: { RECTIFY_ROUTE_METHODS: JSON.stringify(routeMethods(path.join(__dirname, 'app'))) },
};

module.exports = withNextIntl(nextConfig);
