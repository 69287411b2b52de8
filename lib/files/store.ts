import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { entityKind, sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '@/db/client';

/**
 * Files kept in the database (docs/decisions/0007): a `stored_files` row and its bytes in 1 MiB
 * `stored_file_chunks`, written one chunk per statement inside the caller's transaction (so the file
 * and the row that names it commit together) and read back one chunk per query. Neither direction
 * ever holds more than a chunk or two in memory, whatever the file's size.
 */
export const CHUNK_BYTES = 1024 * 1024;

export type FilePurpose = 'evidence' | 'import';

export interface StoredFile {
  id: number;
  byteSize: number;
  sha256: string;
}

/** Re-cuts any stream of byte chunks into CHUNK_BYTES pieces (the last one shorter). */
async function* rechunk(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let size = 0;
  for await (const piece of source) {
    let buf = Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
    while (size + buf.length >= CHUNK_BYTES) {
      const take = CHUNK_BYTES - size;
      pending.push(buf.subarray(0, take));
      yield Buffer.concat(pending);
      pending = [];
      size = 0;
      buf = buf.subarray(take);
    }
    if (buf.length) {
      pending.push(Buffer.from(buf)); // a copy: the source may reuse its buffer
      size += buf.length;
    }
  }
  if (size) yield Buffer.concat(pending);
}

/** Cuts bytes already in memory into chunk views (no copy). */
function* slices(bytes: Uint8Array): Generator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += CHUNK_BYTES) yield bytes.subarray(at, at + CHUNK_BYTES);
}

/** PGlite's own client under a drizzle database or transaction, or null on Postgres. */
type RawPglite = { query(q: string, params?: unknown[], options?: { blob?: Blob }): Promise<{ rows: unknown[]; blob?: Blob }> };
function pgliteClient(q: Queryable): RawPglite | null {
  const session = (q as unknown as { session?: { client?: RawPglite; constructor: unknown } }).session;
  return session && (session.constructor as Record<symbol, unknown>)[entityKind] === 'PgliteSession' ? session.client! : null;
}

/**
 * One chunk in. On PGlite the bytes go through its `/dev/blob` file (its own bytea parameter
 * serialiser goes byte by byte in JS: 1 MB/s); on Postgres as a binary parameter.
 */
async function writeChunk(tx: Queryable, fileId: number, seq: number, chunk: Buffer): Promise<void> {
  const pglite = pgliteClient(tx);
  if (pglite) await pglite.query(`INSERT INTO stored_file_chunks (file_id, seq, data) VALUES ($1, $2, pg_read_binary_file('/dev/blob'))`, [fileId, seq], { blob: new Blob([new Uint8Array(chunk)]) });
  else await tx.execute(sql`INSERT INTO stored_file_chunks (file_id, seq, data) VALUES (${fileId}, ${seq}, ${chunk})`);
}

/** Binary COPY framing around one bytea field: 19-byte header, field count and length, 2-byte trailer. */
const COPY_HEADER = 19 + 2 + 4;

/** One chunk out, or null past the last; on PGlite through a binary COPY to `/dev/blob`. */
async function readChunk(db: Queryable, fileId: number, seq: number): Promise<Buffer | null> {
  const pglite = pgliteClient(db);
  if (pglite) {
    const { blob } = await pglite.query(`COPY (SELECT data FROM stored_file_chunks WHERE file_id = ${Number(fileId)} AND seq = ${Number(seq)}) TO '/dev/blob' WITH (FORMAT binary)`);
    const out = Buffer.from(await blob!.arrayBuffer());
    if (out.length <= COPY_HEADER) return null;
    return out.subarray(COPY_HEADER, COPY_HEADER + out.readInt32BE(21));
  }
  const [row] = await queryRows<{ data: Buffer }>(db, sql`SELECT data FROM stored_file_chunks WHERE file_id = ${fileId} AND seq = ${seq}`);
  return row ? row.data : null;
}

/**
 * Writes a file from `source` (bytes, or a stream of chunks) on `tx`, which should be the
 * transaction of the row that will name it. Returns its id, size and SHA-256.
 */
export async function writeStoredFile(
  tx: Queryable,
  purpose: FilePurpose,
  source: Uint8Array | AsyncIterable<Uint8Array>,
  metadata: Record<string, unknown> = {},
): Promise<StoredFile> {
  const [row] = await queryRows<{ id: string }>(tx, sql`INSERT INTO stored_files (purpose, metadata) VALUES (${purpose}, ${JSON.stringify(metadata)}::jsonb) RETURNING id`);
  const id = Number(row!.id);
  const hash = createHash('sha256');
  let byteSize = 0;
  let seq = 0;
  for await (const chunk of rechunk(source instanceof Uint8Array ? slices(source) : source)) {
    hash.update(chunk);
    byteSize += chunk.length;
    await writeChunk(tx, id, seq++, chunk);
  }
  const sha256 = hash.digest('hex');
  await tx.execute(sql`UPDATE stored_files SET byte_size = ${byteSize}, sha256 = ${sha256} WHERE id = ${id}`);
  return { id, byteSize, sha256 };
}


/** The chunks of a stored file in order, one query each (chunks never change once written). */
export async function* readStoredFile(db: Queryable, fileId: number): AsyncGenerator<Buffer> {
  for (let seq = 0; ; seq++) {
    const chunk = await readChunk(db, fileId, seq);
    if (!chunk) return;
    yield chunk;
  }
}

/** A stored file as a Node stream (for parsers that read streams). */
export const storedFileStream = (db: Queryable, fileId: number): Readable => Readable.from(readStoredFile(db, fileId), { objectMode: false });

/** A stored file as a web stream, pulled chunk by chunk as the client reads (HTTP downloads). */
export function storedFileWebStream(db: Queryable, fileId: number): ReadableStream<Uint8Array> {
  const chunks = readStoredFile(db, fileId);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(new Uint8Array(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

/** Deletes a stored file and its chunks. */
export async function deleteStoredFile(db: Queryable, fileId: number): Promise<void> {
  await db.execute(sql`DELETE FROM stored_files WHERE id = ${fileId}`);
}
