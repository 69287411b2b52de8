/**
 * A migrated PGlite data folder, dumped to a tar file once and loaded by every integration test file.
 * Loading a dump skips initdb and the migrations, the slow part of opening PGlite. The dump is cached
 * under node_modules/.cache/, keyed by the migrations and the PGlite version, so a second run reuses it.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { MIGRATIONS_FOLDER, migrateDatabase, openPglite } from '../../db/client';

const CACHE_DIR = path.join(process.cwd(), 'node_modules', '.cache', 'rectify-tests');

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .sort();
}

function templateKey(): string {
  const hash = crypto.createHash('sha256');
  const pgliteVersion = JSON.parse(
    fs.readFileSync(path.join(process.cwd(), 'node_modules', '@electric-sql', 'pglite', 'package.json'), 'utf8'),
  ).version;
  hash.update(`pglite ${pgliteVersion}\n`);
  for (const file of filesUnder(MIGRATIONS_FOLDER)) {
    hash.update(path.relative(MIGRATIONS_FOLDER, file) + '\0');
    hash.update(fs.readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

/** A freshly created and migrated in-memory PGlite. */
export async function createMigratedPglite(): Promise<PGlite> {
  const handle = await openPglite();
  await migrateDatabase(handle);
  return handle.pglite!;
}

/** The path of the dump of a migrated database, building it when the cache has none for these migrations. */
export async function ensurePgliteTemplateFile(): Promise<string> {
  const file = path.join(CACHE_DIR, `pglite-template-${templateKey()}.tar`);
  if (fs.existsSync(file)) return file;
  const pglite = await createMigratedPglite();
  try {
    const dump = await pglite.dumpDataDir('none');
    fs.mkdirSync(CACHE_DIR, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(tmp, file); // atomic: a concurrent run never reads half a dump
  } finally {
    await pglite.close();
  }
  // Dumps of earlier migrations are dead weight, once no run that started before could still need them.
  for (const old of fs.readdirSync(CACHE_DIR)) {
    const p = path.join(CACHE_DIR, old);
    if (!old.startsWith('pglite-template-') || p === file) continue;
    try {
      if (Date.now() - fs.statSync(p).mtimeMs > 60 * 60 * 1000) fs.rmSync(p, { force: true });
    } catch {
      /* another run removed it */
    }
  }
  return file;
}

/**
 * The dump as the `Blob` PGlite's `loadDataDir` takes, without copying it. PGlite reads a data folder's
 * tar only through `arrayBuffer()` (and `type`, for gzip), then copies each file out of it into its own
 * file system, so the bytes are never written. Node 20's own Blob copies 66 MB twice per load (the
 * constructor, then `arrayBuffer()` in 64 KB pieces it concatenates): ≈ 0.6 s of CPU a file,
 * docs/testing.md ("Time between vitest files").
 */
export class BytesBlob extends Blob {
  readonly #bytes: Uint8Array<ArrayBuffer>;
  constructor(bytes: Uint8Array<ArrayBuffer>) {
    super([]);
    this.#bytes = bytes;
  }
  override get size(): number {
    return this.#bytes.byteLength;
  }
  override get type(): string {
    return 'application/x-tar';
  }
  override async arrayBuffer(): Promise<ArrayBuffer> {
    const b = this.#bytes;
    return b.byteOffset === 0 && b.byteLength === b.buffer.byteLength ? b.buffer : b.slice().buffer;
  }
}

let dumpBytes: { file: string; bytes: Uint8Array<ArrayBuffer> } | undefined;

/** The bytes of a dump file, read once per process (every file of a pass loads the same template). */
export function templateBytes(file: string): Uint8Array<ArrayBuffer> {
  if (dumpBytes?.file !== file) dumpBytes = { file, bytes: new Uint8Array(fs.readFileSync(file)) };
  return dumpBytes.bytes;
}

/** A new in-memory PGlite holding a copy of the dumped template. */
export async function loadPgliteFromTemplateFile(file: string): Promise<PGlite> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  return PGlite.create({ loadDataDir: new BytesBlob(templateBytes(file)), extensions: { pg_trgm } });
}
