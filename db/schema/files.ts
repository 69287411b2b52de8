import { bigint, customType, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Uint8Array }>({ dataType: () => 'bytea' });

/**
 * A file kept in the database (docs/decisions/0007): evidence bytes and uploaded import files live
 * beside their rows, so every web copy reads them and a backup holds them. The bytes are in
 * `stored_file_chunks`, 1 MiB a row, written and read one chunk at a time (lib/files/store.ts).
 */
export const storedFiles = pgTable('stored_files', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  /** What the file is for: `evidence` or `import`. */
  purpose: text('purpose').notNull(),
  byteSize: bigint('byte_size', { mode: 'number' }).notNull().default(0),
  /** Lower-case SHA-256 of the bytes, set when the last chunk is written. */
  sha256: text('sha256'),
  /** Free metadata about the file as it came (e.g. the uploader's file name). */
  metadata: jsonb('metadata').notNull().default({}),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const storedFileChunks = pgTable(
  'stored_file_chunks',
  {
    fileId: bigint('file_id', { mode: 'number' })
      .notNull()
      .references(() => storedFiles.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.fileId, t.seq] })],
);
