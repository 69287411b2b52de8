import { z } from 'zod';
import { getDb, type Db, type Tx } from '@/db/client';
import { requirePermission, type Actor, type ScopedActor, type ScopedPermission } from '@/lib/auth/actor';
import type { Permission } from '@/lib/auth/permissions';
import { HttpError, invalid } from '@/lib/http/errors';
import { unstorableFields } from '@/lib/storable-text';
import { actionError } from '@/lib/http/action';
import { toHttpError } from '@/lib/http/route';
import { refusalResult, type ActionResult } from './result';

/**
 * The one way to write a server action (ADR 0011; dub's `safe-action` is the model). An action
 * declares its name (verb-noun), the permission it needs from the one permission map
 * (lib/auth/permissions.ts; a portal permission comes with its row scope: the contact's own
 * operator), its zod input schema (the REST route's and the form's, where they have one) and its
 * body. `defineAction` gives it, in this order:
 *   1. authorization (`requirePermission`) before anything of the input is read;
 *   2. parsing: every invalid field's error in the reader's language (lib/forms/issue-codes.ts), and
 *      text a database cannot store (NUL, lone surrogates) refused by field, as the API does;
 *   3. the transaction the body and its audit event run in (`transaction: 'own'` only where the
 *      command opens its own, audit included);
 *   4. one result shape, `ActionResult<T>`: a refusal (401/403/404/409/422, a database constraint)
 *      is data the form shows, by field where the field is the form's, else as the form's message;
 *      never an escaped exception. A real fault is rethrown.
 * `after` runs on success only, outside the transaction (revalidatePath, redirect).
 *
 * The result is the server action itself: `export const createCampaign = defineAction({...})` in a
 * `'use server'` file under lib/<area>/actions.ts. It takes one argument: the input object, or the
 * form's FormData (read by `fromForm`, else by its entries). Every defined action is listed in
 * `definedActions()`; tests/integration/actions-matrix.test.ts walks them against the matrix.
 */

type Input<S extends z.ZodType, R extends z.ZodRawShape> = z.output<S> & z.output<z.ZodObject<R>>;

type ActorFor<P> = P extends ScopedPermission ? ScopedActor : P extends 'public' ? null : Actor;

export interface ActionContext<P, I> {
  actor: ActorFor<P>;
  input: I;
  /** The action's transaction (the default), or the database when the command opens its own. */
  tx: Tx;
  /** The transaction too, or the database itself (`transaction: 'own'`: the command's own transaction, audit inside). */
  db: Db;
}

export interface ActionSpec<P extends Permission | 'public', S extends z.ZodType, T, R extends z.ZodRawShape = Record<never, never>> {
  /** Verb-noun, as exported: `createCampaign`, `reviewOffender`. */
  name: string;
  /** From the one permission map; `'public'` only for what needs no sign-in (the one-time activation, the language). */
  permission: P;
  /** The body: the REST route's (or form's) schema, unchanged. */
  schema: S;
  /** What the action acts on (the REST route's path parameters: `{ caseId: idInput }`), taken out of the input before `schema` reads the rest. */
  target?: R;
  /** FormData → the schema's raw input (default: the form's entries, repeated names as the last value). */
  fromForm?: (form: FormData) => unknown;
  /** `'own'`: the command opens its own transaction (with its audit event); default: the helper's. */
  transaction?: 'helper' | 'own' | 'none';
  run: (ctx: ActionContext<P, Input<S, R>>) => Promise<T>;
  /** On success, outside the transaction: revalidatePath, redirect. */
  after?: (data: T, input: Input<S, R>) => void | Promise<void>;
  /** Words the area's own refusals (the ladder's); default: lib/actions/result.ts `refusalResult`. */
  refusal?: (err: unknown) => Promise<ActionResult<never>>;
  /** Reshapes a refusal for this form (field names as the form's inputs, the area's own translations). */
  localize?: (result: Refused, raw: Record<string, unknown>) => Promise<Refused> | Refused;
}

export type Refused = Extract<ActionResult<never>, { ok: false }>;

export type ServerAction<T> = ((input?: unknown) => Promise<ActionResult<T>>) & { readonly [ACTION_SPEC]?: ActionMeta };

export interface ActionMeta {
  name: string;
  permission: Permission | 'public';
  transaction: 'helper' | 'own' | 'none';
}

export const ACTION_SPEC = Symbol.for('rectify.action');
const REGISTRY = new Map<string, ServerAction<unknown>>();

/** Every action defined so far (import the actions modules first). */
export function definedActions(): ReadonlyMap<string, ServerAction<unknown>> {
  return REGISTRY;
}

export function actionMeta(fn: unknown): ActionMeta | undefined {
  return typeof fn === 'function' ? (fn as { [ACTION_SPEC]?: ActionMeta })[ACTION_SPEC] : undefined;
}

function formEntries(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) if (!key.startsWith('$ACTION')) out[key] = value;
  return out;
}

/** The input's own field names (top level), to tell a field error from a form error. */
function inputFields(raw: unknown, parsed: unknown): Set<string> {
  const keys = new Set<string>();
  for (const v of [raw, parsed]) if (v && typeof v === 'object' && !Array.isArray(v)) Object.keys(v).forEach((k) => keys.add(k));
  return keys;
}

/** Parses the target's keys and the rest of the input apart; every field's error of both at once. */
function parseInput<S extends z.ZodType, R extends z.ZodRawShape>(schema: S, target: R | undefined, raw: unknown): Input<S, R> {
  if (!target) return schema.parse(raw) as Input<S, R>;
  const object = (raw && typeof raw === 'object' && !Array.isArray(raw) ? raw : {}) as Record<string, unknown>;
  const keys = Object.keys(target);
  const on = z.object(target).safeParse(Object.fromEntries(keys.map((k) => [k, object[k]])));
  const body = schema.safeParse(Object.fromEntries(Object.entries(object).filter(([k]) => !keys.includes(k))));
  if (on.success && body.success) return { ...(body.data as object), ...on.data } as Input<S, R>;
  throw new z.ZodError([...(on.error?.issues ?? []), ...(body.error?.issues ?? [])]);
}

export function defineAction<P extends Permission | 'public', S extends z.ZodType, T, R extends z.ZodRawShape = Record<never, never>>(spec: ActionSpec<P, S, T, R>): ServerAction<T> {
  const transaction = spec.transaction ?? 'helper';
  const action = async (input?: unknown): Promise<ActionResult<T>> => {
    let raw: unknown = input;
    let parsed: Input<S, R> | undefined;
    let result: ActionResult<T>;
    try {
      const actor = (spec.permission === 'public' ? null : await requirePermission(spec.permission as Permission)) as ActorFor<P>;
      raw = input instanceof FormData ? (spec.fromForm ?? formEntries)(input) : (input ?? {});
      const unstorable = unstorableFields(raw);
      if (Object.keys(unstorable).length) throw invalid('The input contains text that cannot be stored.', unstorable);
      parsed = parseInput(spec.schema, spec.target, raw);
      const data = parsed;
      const db = transaction === 'none' ? (undefined as unknown as Db) : await getDb();
      const value =
        transaction === 'helper'
          ? await db.transaction((tx) => spec.run({ actor, input: data, tx, db: tx as unknown as Db }))
          : await spec.run({ actor, input: data, tx: db as unknown as Tx, db });
      result = { ok: true, data: value };
    } catch (err) {
      // Worded in the reader's language; outside a Next request (a script, an in-process test) in the API's English.
      const refused = await (spec.refusal ?? refusalResult)(err).catch((wording: unknown) => (toHttpError(err) ? actionError(err) : Promise.reject(wording)));
      if (refused.ok) throw err;
      // A database constraint names itself, not a field of the form: then it is the form's message.
      const own = inputFields(raw, parsed);
      const fieldErrors = err instanceof HttpError || err instanceof z.ZodError ? refused.fieldErrors : Object.fromEntries(Object.entries(refused.fieldErrors).filter(([k]) => own.has(k.split('.')[0]!)));
      const shaped: Refused = { ...refused, fieldErrors };
      const rawObject = (raw && typeof raw === 'object' && !(raw instanceof FormData) ? raw : {}) as Record<string, unknown>;
      return spec.localize ? Promise.resolve(spec.localize(shaped, rawObject)).catch(() => shaped) : shaped;
    }
    // Outside the try: redirect() throws on purpose.
    if (spec.after) await spec.after(result.data, parsed as Input<S, R>);
    return result;
  };
  const meta: ActionMeta = { name: spec.name, permission: spec.permission, transaction };
  Object.defineProperty(action, ACTION_SPEC, { value: meta, enumerable: false });
  // A module evaluated again (development reloads) replaces its own entries; the matrix test checks names are unique per export.
  REGISTRY.set(spec.name, action as ServerAction<unknown>);
  return action as ServerAction<T>;
}

/** An id in an action's input (a form's hidden field or a bound object): a positive integer the database can hold. */
export const idInput = z.coerce
  .number({ error: 'Must be a positive integer.' })
  .int('Must be a positive integer.')
  .positive('Must be a positive integer.')
  .max(2_147_483_647, 'Too large for this database (at most 2147483647).');

/** A form's text field: absent or blank as undefined, else trimmed. */
export function formText(form: FormData, name: string): string | undefined {
  const v = form.get(name);
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}
