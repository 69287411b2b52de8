#!/bin/sh
# The container's build (Dockerfile), runnable on any machine with the dependencies installed:
# `next build` with output: standalone, then everything server.js needs beside it in .next/standalone:
# the static assets, public/, the migrations (read at start-up) and prepare-db.cjs (migrate + seed).
set -eu
cd "$(dirname "$0")/.."
NEXT_OUTPUT=standalone npx next build
out=.next/standalone
npx esbuild scripts/prepare-db.ts --bundle --platform=node --format=cjs --target=node20 \
  --outfile="$out/prepare-db.cjs" --log-level=warning \
  --external:@electric-sql/pglite --external:pg --external:pg-native --external:@node-rs/argon2 \
  --external:pg-copy-streams --external:exceljs
rm -rf "$out/public" "$out/.next/static" "$out/db/migrations"
mkdir -p "$out/.next" "$out/db"
cp -r public "$out/public"
cp -r .next/static "$out/.next/static"
cp -r db/migrations "$out/db/migrations"
echo "standalone server ready: node $out/prepare-db.cjs && node $out/server.js (run from $out)"
