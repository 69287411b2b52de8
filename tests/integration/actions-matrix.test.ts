/**
 * Server actions × the authorization matrix (issue #17 item 3). Every export of every
 * lib/<area>/actions.ts is an action defined through lib/actions/define.ts (the one path: it
 * authorizes first), named as exported, and has its row in e2e/authz/matrix.ts ACTIONS; each action is
 * then called in-process as each caller. A refused caller gets its 401/403 (before the input is
 * read: an empty input is refused for who calls, not for what it lacks) with no row written and no
 * audit event; an allowed caller is not refused for who it is.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { getDb, queryRows } from '../../db/client';
import { ACTIONS, type Outcome, type Who } from '../../e2e/authz/matrix';
import { actionMeta, definedActions } from '../../lib/actions/define';
import { runWithRequest } from '../../lib/http/request-context';
import { createToken } from '../support/api';
import { setupTestDatabase, teardownTestDatabase } from '../support/db';
import { changeMark, changesSince, installChangeLog } from '../support/fuzz/harness';
import { withTaxonomies } from '../support/fixtures';

const root = path.resolve(__dirname, '../..');

/** Every actions module: lib/<area>/actions.ts, and any 'use server' file anywhere in app, lib or components. */
function actionModules(): string[] {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(rel);
      else if (/\.(ts|tsx)$/.test(entry.name) && /^\s*['"]use server['"]/.test(fs.readFileSync(path.join(root, rel), 'utf8'))) found.add(rel);
    }
  };
  for (const dir of ['app', 'lib', 'components']) walk(dir);
  return [...found].sort();
}

const CALLERS: Exclude<Who, 'contact'>[] = ['anonymous', 'inspector', 'supervisor', 'admin', 'token'];
let secrets: Record<string, string>;
const exported = new Map<string, unknown>();

beforeAll(async () => {
  await setupTestDatabase();
  await withTaxonomies();
  const [inspector, supervisor, admin, token, contact] = await Promise.all([
    createToken('inspector'),
    createToken('supervisor'),
    createToken('admin'),
    createToken('inspector', 'machine'),
    createToken('operator_contact', 'contact role'),
  ]);
  secrets = { inspector, supervisor, admin, token, contact };
  for (const file of actionModules()) {
    const mod = (await import(path.join(root, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) exported.set(`${file}#${name}`, value);
  }
  await installChangeLog();
});
afterAll(teardownTestDatabase);

async function auditCount(): Promise<number> {
  const [row] = await queryRows<{ n: number | string }>(await getDb(), sql`SELECT count(*) AS n FROM audit_events`);
  return Number(row!.n);
}

function call(name: string, who: Who | 'contact', input: unknown = {}) {
  const headers = new Headers();
  if (who !== 'anonymous') headers.set('authorization', `Bearer ${secrets[who]}`);
  const action = definedActions().get(name)!;
  return runWithRequest(headers, () => action(input));
}

describe('server actions: one helper, one matrix', () => {
  it('lives in lib/<area>/actions.ts, goes through defineAction, is named as exported, and has a matrix row', () => {
    expect(exported.size).toBeGreaterThan(0);
    for (const [where, value] of exported) {
      const [file, name] = where.split('#') as [string, string];
      expect(file, `${where}: server actions live in lib/<area>/actions.ts`).toMatch(/^lib\/[a-z0-9-]+\/actions\.ts$/);
      const meta = actionMeta(value);
      expect(meta, `${where} is not defined through lib/actions/define.ts`).toBeDefined();
      expect(meta!.name, `${where} is registered under another name`).toBe(name);
      expect(ACTIONS[name], `${name} has no row in e2e/authz/matrix.ts ACTIONS`).toBeDefined();
    }
    const names = [...exported.keys()].map((k) => k.split('#')[1]);
    expect(new Set(names).size, 'two actions share a name').toBe(names.length);
    expect(Object.keys(ACTIONS).filter((n) => !names.includes(n)), 'matrix rows for actions that do not exist').toEqual([]);
  });

  it('refuses every caller the matrix refuses, before reading the input, with no write and no audit event; lets the others through', async () => {
    const problems: string[] = [];
    for (const [name, expect_] of Object.entries(ACTIONS)) {
      // A contact's own actions need its session (its operator's rows): the portal's e2e and black-box suites call them.
      const callers: (Who | 'contact')[] = [...CALLERS, ...(expect_.contact === 'ok' ? [] : (['contact'] as const))];
      for (const who of callers) {
        const want: Outcome = expect_[who];
        const [mark, audits] = [await changeMark(), await auditCount()];
        const result = await call(name, who);
        const got = result.ok ? 'ok' : result.status === 401 || result.status === 403 ? result.status : 'ok';
        if (got !== want) problems.push(`${name} as ${who}: ${got}${result.ok ? '' : ` (${result.status} ${result.message})`}, the matrix says ${want}`);
        if (want !== 'ok') {
          const changed = await changesSince(mark);
          if (changed.length) problems.push(`${name} as ${who}: refused but wrote ${changed.join(', ')}`);
          if ((await auditCount()) !== audits) problems.push(`${name} as ${who}: refused but recorded an audit event`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
