// @ts-check
/**
 * The one table of routes × methods: every route.ts under app/ and the HTTP methods it exports, read
 * from the files themselves (what Next dispatches on). next.config.js reads it at build time into
 * RECTIFY_ROUTE_METHODS for the proxy's 405s (lib/http/methods.ts); e2e/authz-matrix.spec.ts checks
 * the authorization matrix has a row for each. CommonJS so next.config.js can require it.
 */
const fs = require('node:fs');
const path = require('node:path');

const METHODS = ['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'DELETE', 'PATCH'];
/** The handler a route file outside the proxy exports for the methods it does not take (lib/http/methods.ts): not one of its methods. */
const OTHER_METHOD = 'otherMethod';

/** The methods a route file's source exports: `export const GET`, `export async function POST`, `export { x as PUT }`. */
function exportedMethods(source) {
  const out = new Set();
  for (const m of source.matchAll(/export (?:const|async function|function) (GET|HEAD|OPTIONS|POST|PUT|DELETE|PATCH)\b|export \{([^}]+)\}/g)) {
    if (m[1]) out.add(m[1]);
    else
      for (const item of m[2].split(',')) {
        const [local, exported = local] = item.trim().split(/\s+as\s+/);
        if (exported && METHODS.includes(exported) && local !== OTHER_METHOD) out.add(exported);
      }
  }
  return METHODS.filter((m) => out.has(m));
}

/**
 * Every route file under `appDir` as `{ route, methods }`: `route` is the URL pattern as in the app
 * folder (`/api/v1/cases/[id]/transitions`, route groups dropped), `methods` what it exports.
 * @param {string} [appDir]
 * @returns {{ route: string, methods: string[] }[]}
 */
function routeMethods(appDir = path.join(process.cwd(), 'app')) {
  /** @type {{ route: string, methods: string[] }[]} */
  const out = [];
  const walk = (/** @type {string} */ dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'route.ts') {
        const route = '/' + path.relative(appDir, dir).split(path.sep).filter((s) => s && !/^\(.*\)$/.test(s)).join('/');
        out.push({ route, methods: exportedMethods(fs.readFileSync(full, 'utf8')) });
      }
    }
  };
  walk(appDir);
  return out.sort((a, b) => (a.route < b.route ? -1 : a.route > b.route ? 1 : 0));
}

module.exports = { routeMethods, exportedMethods, METHODS, OTHER_METHOD };
