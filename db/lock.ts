import fs from 'node:fs';
import path from 'node:path';

/**
 * PGlite has no lock of its own: two processes on one data folder lose writes and can corrupt it.
 * This is an exclusive lock file beside the folder, holding the owner's pid and start time (so a pid
 * reused after a crash is not mistaken for the owner). A second opener fails at once, naming the folder.
 */
export class DataFolderLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number,
  ) {
    super(
      `The embedded database folder ${dataDir} is already in use by process ${ownerPid}. ` +
        `Only one Rectify server may open it at a time: stop that process, or point RECTIFY_DATA_DIR ` +
        `at another folder, or use a real Postgres with DATABASE_URL.`,
    );
    this.name = 'DataFolderLockedError';
  }
}

/** Fields of /proc/<pid>/stat after the parenthesised command name (which may contain spaces); null off Linux or when gone. */
function procStat(pid: number): string[] | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** Field 22 (starttime). */
const processStartTime = (pid: number): string | null => procStat(pid)?.[19] ?? null;

function isAlive(pid: number, startTime: string | null): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  const stat = procStat(pid);
  // A killed process not yet reaped (zombie, or dead) still answers signal 0 but holds no database.
  if (stat && (stat[0] === 'Z' || stat[0] === 'X')) return false;
  const current = stat?.[19] ?? null;
  return startTime === null || current === null || current === startTime;
}

export function acquireDataFolderLock(dataDir: string): () => void {
  const lockPath = path.resolve(dataDir) + '.lock';
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  const mine = JSON.stringify({ pid: process.pid, startTime: processStartTime(process.pid) });

  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, mine, { flag: 'wx' });
      const release = () => {
        try {
          if (fs.readFileSync(lockPath, 'utf8') === mine) fs.unlinkSync(lockPath);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let owner: { pid: number; startTime: string | null } | null = null;
      try {
        owner = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
      } catch {
        owner = null; // half-written by a crashed opener: treat as stale
      }
      if (owner && owner.pid === process.pid) {
        throw new DataFolderLockedError(path.resolve(dataDir), owner.pid);
      }
      if (owner && isAlive(owner.pid, owner.startTime)) {
        throw new DataFolderLockedError(path.resolve(dataDir), owner.pid);
      }
      fs.rmSync(lockPath, { force: true }); // stale: its owner is gone
    }
  }
  throw new Error(`Could not take the lock ${lockPath}`);
}
