import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows, type DatabaseHandle } from '../../db/client';
import { migrateEvidenceFromDisk } from '../../lib/evidence/disk-migration';
import { readStoredFile } from '../../lib/files/store';
import { setupTestDatabase, teardownTestDatabase } from '../support/db';
import { makePng } from '../support/png';

let handle: DatabaseHandle;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rectify-old-evidence-'));
beforeAll(async () => {
  handle = await setupTestDatabase();
});
afterAll(async () => {
  await teardownTestDatabase();
  fs.rmSync(dir, { recursive: true, force: true });
});

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** An evidence row of the old on-disk store, its file written (or not) at <ab>/<sha256>. */
async function oldRow(bytes: Buffer, onDisk: Buffer | null) {
  const hash = sha(bytes);
  const relative = path.join(hash.slice(0, 2), hash);
  if (onDisk) {
    fs.mkdirSync(path.join(dir, hash.slice(0, 2)), { recursive: true });
    fs.writeFileSync(path.join(dir, relative), onDisk);
  }
  await handle.db.execute(sql`INSERT INTO evidence (sha256, byte_size, media_type, storage_path) VALUES (${hash}, ${bytes.length}, 'image/png', ${relative})`);
  return hash;
}

it('moves the old on-disk evidence files into the database once, byte for byte, and reports the ones it cannot', async () => {
  const big = Buffer.concat([makePng(1), Buffer.alloc(1_500_000, 7)]);
  const good = await oldRow(big, big);
  const gone = await oldRow(makePng(2), null);
  const damaged = await oldRow(makePng(3), makePng(4));

  const first = await migrateEvidenceFromDisk(handle.db, dir);
  expect(first.moved).toBe(1);
  expect(first.missing.sort()).toEqual([gone, damaged].sort());
  const [row] = await queryRows<{ file_id: string }>(handle.db, sql`SELECT file_id FROM evidence WHERE sha256 = ${good}`);
  const chunks: Buffer[] = [];
  for await (const c of readStoredFile(handle.db, Number(row!.file_id))) chunks.push(c);
  expect(Buffer.concat(chunks).equals(big)).toBe(true);

  const again = await migrateEvidenceFromDisk(handle.db, dir);
  expect(again.moved).toBe(0);
  const [files] = await queryRows<{ n: string }>(handle.db, sql`SELECT count(*) AS n FROM stored_files`);
  expect(Number(files!.n)).toBe(1);
});
