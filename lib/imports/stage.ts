import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { DatabaseHandle } from '@/db/client';
import { STAGING_COLUMNS, type StagedRow } from './validate';

/** Writes validated rows into import_staging, one chunk per call (each a short statement). */
export interface StagingWriter {
  write(rows: readonly StagedRow[]): Promise<void>;
  close(): Promise<void>;
}

const COPY_SQL = `COPY import_staging (${STAGING_COLUMNS.join(', ')}) FROM STDIN`;

/** COPY text format: backslash, tab, newline and carriage return escaped; no NULLs (empty is ''). */
function copyField(value: string | number): string {
  return typeof value === 'number' ? String(value) : value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

export function copyText(rows: readonly StagedRow[]): string {
  let out = '';
  for (const row of rows) out += `${row.map(copyField).join('\t')}\n`;
  return out;
}

/**
 * Postgres: COPY … FROM STDIN per chunk (pg-copy-streams), on a pooled connection checked out for
 * that chunk only: the job also writes rejections and progress between chunks, and holding a
 * connection across those waits would deadlock a one-connection pool.
 */
async function postgresWriter(handle: DatabaseHandle): Promise<StagingWriter> {
  const { from: copyFrom } = await import('pg-copy-streams');
  const pool = handle.pool!;
  return {
    async write(rows) {
      if (!rows.length) return;
      const client = await pool.connect();
      try {
        await pipeline(Readable.from([copyText(rows)]), client.query(copyFrom(COPY_SQL)));
        client.release();
      } catch (err) {
        client.release(err as Error); // a broken COPY: the connection is discarded, not reused
        throw err;
      }
    },
    async close() {},
  };
}

/** PGlite: COPY … FROM '/dev/blob' with the same text, one statement per chunk. */
function pgliteWriter(handle: DatabaseHandle): StagingWriter {
  const pg = handle.pglite!;
  return {
    async write(rows) {
      if (!rows.length) return;
      await pg.query(`COPY import_staging (${STAGING_COLUMNS.join(', ')}) FROM '/dev/blob'`, [], { blob: new Blob([copyText(rows)]) });
    },
    async close() {},
  };
}

export async function openStagingWriter(handle: DatabaseHandle): Promise<StagingWriter> {
  return handle.kind === 'postgres' ? postgresWriter(handle) : pgliteWriter(handle);
}
