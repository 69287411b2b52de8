// Whether the production build in .next is current: one rule for `npm start`, the e2e runner and the
// black-box suite. The build is current when .next/BUILD_ID is newer than every input of the build.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const BUILD_INPUTS = [
  'app', 'components', 'lib', 'db', 'messages', 'public', 'types',
  'proxy.ts', 'middleware.ts', 'instrumentation.ts', 'next.config.js', 'postcss.config.mjs',
  'tsconfig.json', 'package-lock.json',
];

function newestMtime(p) {
  if (!fs.existsSync(p)) return 0;
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

/** True when .next holds a production build newer than all of its inputs. */
export function buildIsCurrent(dir = root) {
  const stamp = path.join(dir, '.next', 'BUILD_ID');
  if (!fs.existsSync(stamp)) return false;
  const newestSource = Math.max(...BUILD_INPUTS.map((p) => newestMtime(path.join(dir, p))));
  return newestSource < fs.statSync(stamp).mtimeMs;
}
