/**
 * One in-memory PGlite per integration worker, brought back to the migrated template between files
 * instead of a new instance loaded from the template dump per file (≈ 1.6 s of CPU a load: the WASM
 * instance, Postgres zeroing its shared buffers, untarring 66 MB; docs/testing.md, "One PGlite per
 * worker, reset between files").
 *
 * What proves a file still starts from a database equal to the template: `templateFingerprint`, taken
 * once per process on an instance freshly loaded from the dump before any file used it — the schema
 * (every relation, column, default, constraint, index, trigger and whether it is enabled, function,
 * type, enum label, view, policy, extension, role, grant, database setting, session setting, large
 * object, prepared transaction), every table's rows (in their physical order) and every sequence's
 * state. After a reset the whole fingerprint is taken again and must be equal, or the file fails.
 * A file that changed the schema (the fuzz harness's change-log table and triggers) gets a new
 * instance from the dump, as every file did before.
 */
import type { PGlite, Transaction } from '@electric-sql/pglite';

/** The parts of the fingerprint: the schema's digest, each table's digest, each sequence's state. */
export interface Fingerprint {
  schema: string;
  tables: Map<string, string>;
  sequences: Map<string, string>;
}

interface TemplateState {
  fingerprint: Fingerprint;
  /** For each table, the tables whose foreign keys reference it (TRUNCATE … CASCADE reaches them). */
  referencedBy: Map<string, string[]>;
  /** The rows of the tables that hold some in the template, as COPY text in their physical order (generated columns left out). */
  rows: Map<string, { columns: string; blob: Blob }>;
  /** The template's digest of an empty table (a table the template holds no row of). */
  emptyDigest: string;
}

const SCHEMA_NAMESPACES = `SELECT oid, nspname FROM pg_namespace
  WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg\\_toast%' AND nspname NOT LIKE 'pg\\_temp%'`;

/** One line per schema object, hashed; concat_ws skips NULLs. OIDs are left out but where a copy keeps them. */
const SCHEMA_SQL = `WITH ns AS (${SCHEMA_NAMESPACES}),
rel AS (SELECT c.* FROM pg_class c JOIN ns ON ns.oid = c.relnamespace),
parts(x) AS (
  SELECT concat_ws(' ', 'ns', nspname) FROM ns
  UNION ALL SELECT concat_ws(' ', 'rel', oid::regclass, relkind, relpersistence, relrowsecurity, relforcerowsecurity, reloptions, relacl, relreplident) FROM rel
  UNION ALL SELECT concat_ws(' ', 'att', a.attrelid::regclass, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
      a.attidentity, a.attgenerated, a.attisdropped, a.attcollation, a.attacl, pg_get_expr(d.adbin, d.adrelid))
    FROM pg_attribute a JOIN rel ON rel.oid = a.attrelid LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
    WHERE a.attnum > 0
  UNION ALL SELECT concat_ws(' ', 'con', co.conrelid::regclass, co.contypid, co.conname, pg_get_constraintdef(co.oid), co.convalidated, co.condeferrable, co.condeferred)
    FROM pg_constraint co JOIN ns ON ns.oid = co.connamespace
  UNION ALL SELECT concat_ws(' ', 'idx', pg_get_indexdef(i.indexrelid), i.indisvalid, i.indisready) FROM pg_index i JOIN rel ON rel.oid = i.indexrelid
  UNION ALL SELECT concat_ws(' ', 'trg', t.tgrelid::regclass, t.tgname, t.tgenabled, t.tgfoid::regprocedure, t.tgtype, t.tgisinternal,
      CASE WHEN NOT t.tgisinternal THEN pg_get_triggerdef(t.oid) END)
    FROM pg_trigger t JOIN rel ON rel.oid = t.tgrelid
  UNION ALL SELECT concat_ws(' ', 'fn', p.oid::regprocedure, md5(p.prosrc), p.prorettype::regtype, p.provolatile, p.prosecdef, p.proconfig, p.proacl)
    FROM pg_proc p JOIN ns ON ns.oid = p.pronamespace
  UNION ALL SELECT concat_ws(' ', 'type', t.oid::regtype, t.typtype, t.typnotnull, pg_get_expr(t.typdefaultbin, 0)) FROM pg_type t JOIN ns ON ns.oid = t.typnamespace
  UNION ALL SELECT concat_ws(' ', 'enum', e.enumtypid::regtype, e.enumlabel, e.enumsortorder) FROM pg_enum e
  UNION ALL SELECT concat_ws(' ', 'view', oid::regclass, pg_get_viewdef(oid)) FROM rel WHERE relkind IN ('v', 'm')
  UNION ALL SELECT concat_ws(' ', 'rule', r.ev_class::regclass, r.rulename, r.ev_enabled) FROM pg_rewrite r JOIN rel ON rel.oid = r.ev_class
  UNION ALL SELECT concat_ws(' ', 'pol', polrelid::regclass, polname, polcmd, polpermissive, pg_get_expr(polqual, polrelid), pg_get_expr(polwithcheck, polrelid)) FROM pg_policy
  UNION ALL SELECT concat_ws(' ', 'ext', extname, extversion, extnamespace::regnamespace) FROM pg_extension
  UNION ALL SELECT concat_ws(' ', 'role', rolname, rolsuper, rolinherit, rolcreaterole, rolcreatedb, rolcanlogin, rolbypassrls, rolconfig) FROM pg_roles
  UNION ALL SELECT concat_ws(' ', 'member', roleid, member) FROM pg_auth_members
  UNION ALL SELECT concat_ws(' ', 'dbset', setdatabase, setrole, setconfig) FROM pg_db_role_setting
  UNION ALL SELECT concat_ws(' ', 'db', datname, datallowconn, datacl) FROM pg_database
  UNION ALL SELECT concat_ws(' ', 'defacl', defaclrole, defaclnamespace, defaclobjtype, defaclacl) FROM pg_default_acl
  UNION ALL SELECT concat_ws(' ', 'seqdef', seqrelid::regclass, seqtypid, seqstart, seqincrement, seqmax, seqmin, seqcache, seqcycle) FROM pg_sequence
  UNION ALL SELECT concat_ws(' ', 'comment', classoid, objoid, objsubid, description) FROM pg_description WHERE objoid >= 16384
  UNION ALL SELECT concat_ws(' ', 'evt', evtname, evtenabled) FROM pg_event_trigger
  UNION ALL SELECT concat_ws(' ', 'pub', pubname) FROM pg_publication
  UNION ALL SELECT concat_ws(' ', 'stx', stxrelid::regclass, stxname) FROM pg_statistic_ext
  UNION ALL SELECT concat_ws(' ', 'lo', count(*)) FROM pg_largeobject_metadata
  UNION ALL SELECT concat_ws(' ', 'prepared', count(*)) FROM pg_prepared_xacts
  UNION ALL SELECT concat_ws(' ', 'guc', name, setting) FROM pg_settings WHERE source = 'session'
  UNION ALL SELECT concat_ws(' ', 'temp', count(*)) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname LIKE 'pg\\_temp%'
)
SELECT md5(string_agg(x, E'\\n' ORDER BY x)) AS schema FROM parts`;

const LIST_SQL = `WITH ns AS (${SCHEMA_NAMESPACES})
SELECT c.oid::regclass::text AS name, c.relkind::text AS kind,
  (SELECT coalesce(json_agg(DISTINCT f.conrelid::regclass::text), '[]') FROM pg_constraint f WHERE f.contype = 'f' AND f.confrelid = c.oid) AS "referencedBy"
FROM pg_class c JOIN ns ON ns.oid = c.relnamespace WHERE c.relkind IN ('r', 'S') ORDER BY 1`;

async function relations(pg: PGlite | Transaction) {
  return (await pg.query<{ name: string; kind: 'r' | 'S'; referencedBy: string[] }>(LIST_SQL)).rows;
}

/** The fingerprint of the database `pg` holds (see the module's comment). */
export async function fingerprint(pg: PGlite | Transaction): Promise<Fingerprint> {
  const rels = await relations(pg);
  const tables = rels.filter((r) => r.kind === 'r').map((r) => r.name);
  const sequences = rels.filter((r) => r.kind === 'S').map((r) => r.name);
  const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;
  // One statement: every table's rows hashed in their physical order (a table reloaded in another order
  // would answer an unordered query differently), every sequence's position.
  const rowsSql = [
    ...tables.map((t) => `SELECT ${lit(t)} AS name, count(*) || ':' || md5(coalesce(string_agg(r::text, E'\\n' ORDER BY r.ctid), '')) AS digest FROM ONLY ${t} r`),
    ...sequences.map((s) => `SELECT ${lit(s)}, last_value || ':' || is_called FROM ${s}`),
  ].join('\nUNION ALL ');
  const [{ rows: [schema] }, { rows: digests }] = [
    await pg.query<{ schema: string }>(SCHEMA_SQL),
    await pg.query<{ name: string; digest: string }>(rowsSql),
  ];
  const byName = new Map(digests.map((d) => [d.name, d.digest]));
  return {
    schema: schema!.schema,
    tables: new Map(tables.map((t) => [t, byName.get(t)!])),
    sequences: new Map(sequences.map((s) => [s, byName.get(s)!])),
  };
}

/** What differs between two fingerprints, named: empty when they are equal. */
export function fingerprintDifferences(a: Fingerprint, b: Fingerprint): string[] {
  const out: string[] = [];
  if (a.schema !== b.schema) out.push('schema');
  for (const kind of ['tables', 'sequences'] as const) {
    for (const name of new Set([...a[kind].keys(), ...b[kind].keys()])) {
      if (a[kind].get(name) !== b[kind].get(name)) out.push(`${kind === 'tables' ? 'rows of' : 'sequence'} ${name}`);
    }
  }
  return out;
}

/** Reads what a reset needs from an instance just loaded from the template dump, before any file used it. */
export async function templateState(pg: PGlite): Promise<TemplateState> {
  const fp = await fingerprint(pg);
  const referencedBy = new Map((await relations(pg)).filter((r) => r.kind === 'r').map((r) => [r.name, r.referencedBy]));
  const emptyDigest = (await pg.query<{ digest: string }>(`SELECT '0:' || md5('') AS digest`)).rows[0]!.digest;
  const rows = new Map<string, { columns: string; blob: Blob }>();
  for (const [table, digest] of fp.tables) {
    if (digest === emptyDigest) continue;
    const { columns } = (await pg.query<{ columns: string }>(
      `SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) AS columns FROM pg_attribute
        WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = ''`,
      [table],
    )).rows[0]!;
    const copied = await pg.query(`COPY (SELECT ${columns} FROM ONLY ${table} ORDER BY ctid) TO '/dev/blob'`);
    rows.set(table, { columns, blob: copied.blob! });
  }
  return { fingerprint: fp, referencedBy, rows, emptyDigest };
}

/**
 * Brings `pg` back to the template: session state discarded, every table whose rows differ (and those
 * whose foreign keys reach it) emptied and refilled with the template's rows, every moved sequence set
 * back; then the whole fingerprint must equal the template's, or this throws naming what differs.
 * Returns false, changing nothing, when the schema differs (the caller loads a new instance).
 */
export async function resetToTemplate(pg: PGlite, template: TemplateState): Promise<boolean> {
  // A transaction the last file left open (PGlite warns when there is none), then its session state:
  // settings, prepared statements, cursors, temp tables, advisory locks, LISTEN.
  await pg.exec('ROLLBACK');
  await pg.exec('DISCARD ALL');
  const now = await fingerprint(pg);
  if (now.schema !== template.fingerprint.schema) return false;
  const changed = [...now.tables].filter(([t, d]) => template.fingerprint.tables.get(t) !== d).map(([t]) => t);
  const truncate = new Set<string>();
  const reach = (t: string) => {
    if (truncate.has(t)) return;
    truncate.add(t);
    for (const r of template.referencedBy.get(t) ?? []) reach(r);
  };
  changed.forEach(reach);
  const sequences = [...now.sequences].filter(([s, v]) => template.fingerprint.sequences.get(s) !== v).map(([s]) => s);
  if (truncate.size || sequences.length) {
    await pg.transaction(async (tx) => {
      // The rows go back as they were: no trigger (audit chains, append-only guards, stats) fires.
      await tx.exec('SET LOCAL session_replication_role = replica');
      if (truncate.size) await tx.exec(`TRUNCATE ${[...truncate].join(', ')}`);
      for (const table of truncate) {
        const saved = template.rows.get(table);
        if (saved) await tx.query(`COPY ${table} (${saved.columns}) FROM '/dev/blob'`, [], { blob: saved.blob });
      }
      for (const s of sequences) {
        const [last, called] = template.fingerprint.sequences.get(s)!.split(':');
        await tx.query(`SELECT setval($1, $2, $3)`, [s, last, called === 'true']);
      }
    });
  }
  const after = await fingerprint(pg);
  const left = fingerprintDifferences(template.fingerprint, after);
  if (left.length) throw new Error(`resetting the worker's PGlite to the template left differences: ${left.join(', ')}`);
  return true;
}
