/**
 * One run at a time on a folder: a lock file holding the process id of the run that writes
 * there. A second run on the same folder waits a little for the first to end, then stops
 * with a one-line message; a lock whose process is gone (a run killed with -9, a crash) is
 * taken over. (Two runs that take over the same stale lock in the same instant can both
 * proceed; that needs a crash and two starts within microseconds.)
 *
 * Written here rather than with proper-lockfile: that library tells a stale lock by its age
 * and keeps it fresh from a timer, and our writes block the event loop for seconds on a large
 * batch, so its lock would be judged stale (or "compromised") while the run is alive. A
 * process id, checked with signal 0, says at once whether the holder still runs.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmdirSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';

export const LOCK_FILE = '.draftaudit.lock';

/** Why a lock could not be had: another live run holds it. */
export class LockedError extends Error {}

export interface Lock {
  file: string;
  release: () => void;
}

export interface LockOptions {
  /** How long to wait for another run to end (ms; default 3 s). */
  waitMs?: number;
  pollMs?: number;
  /** How the lock file is named in a message (default: its absolute path). */
  lockShown?: (file: string) => string;
}

interface Holder {
  pid: number;
  host: string;
}

/**
 * Takes the lock `file` (its folder is made when missing). While another live run holds
 * it, tries again every `pollMs` for up to `waitMs`, then throws a LockedError naming
 * `shown` (the folder as the user wrote it).
 */
export async function acquireLock(file: string, shown: string, options: LockOptions = {}): Promise<Lock> {
  const waitMs = options.waitMs ?? 3000;
  const pollMs = options.pollMs ?? 100;
  const until = Date.now() + waitMs;
  mkdirSync(path.dirname(file), { recursive: true });
  for (;;) {
    const made = tryCreate(file);
    if (made === 'made') return { file, release: () => releaseLock(file) };
    if (made === 'exists') {
      const holder = readHolder(file);
      // A lock left by a process that is gone is taken over; one being written this instant
      // (no holder yet) is left to its writer unless it stays unreadable.
      if (holder ? !alive(holder) : olderThan(file, 2000)) {
        rmSync(file, { force: true });
        continue;
      }
      if (Date.now() >= until) {
        const who = holder ? ` (process ${holder.pid})` : '';
        throw new LockedError(`${shown} is in use by another draftaudit run${who}; try again when it ends, or remove ${options.lockShown?.(file) ?? file} if no run is going on`);
      }
    }
    // Missing folder: another run is putting a new reports folder in place; look again shortly.
    await new Promise((resolve) => setTimeout(resolve, pollMs));
    if (made === 'missing') mkdirSync(path.dirname(file), { recursive: true });
  }
}

/** Takes every lock of `files` in a fixed order (two runs asking for the same two never wait on each other). */
export async function acquireLocks(locks: ReadonlyArray<{ file: string; shown: string }>, options?: LockOptions): Promise<Lock[]> {
  const unique = [...new Map(locks.map((l) => [l.file, l])).values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const held: Lock[] = [];
  try {
    for (const l of unique) held.push(await acquireLock(l.file, l.shown, options));
  } catch (error) {
    for (const h of held) h.release();
    throw error;
  }
  return held;
}

function tryCreate(file: string): 'made' | 'exists' | 'missing' {
  let fd: number;
  try {
    fd = openSync(file, 'wx');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return 'exists';
    if (code === 'ENOENT') return 'missing';
    throw error;
  }
  try {
    writeSync(fd, `${JSON.stringify({ pid: process.pid, host: hostname() })}\n`);
  } finally {
    closeSync(fd);
  }
  return 'made';
}

/** Removes `folder` when it is empty (a folder a run made and wrote nothing to); otherwise leaves it. */
export function removeIfEmpty(folder: string): void {
  try {
    rmdirSync(folder);
  } catch {
    // not empty (the run wrote its reports or articles there), or gone already
  }
}

function olderThan(file: string, ms: number): boolean {
  try {
    return Date.now() - statSync(file).mtimeMs > ms;
  } catch {
    return true;
  }
}

function readHolder(file: string): Holder | undefined {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<Holder>;
    return Number.isInteger(data.pid) && typeof data.host === 'string' ? { pid: data.pid!, host: data.host } : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the run holding a lock may still be going (one on another machine is assumed to be). */
function alive(holder: Holder): boolean {
  return holder.host !== hostname() || processRuns(holder.pid);
}

/** Whether a process of this id runs on this machine (signal 0 checks without sending anything). */
export function processRuns(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the lock if this process still holds it. */
function releaseLock(file: string): void {
  const holder = readHolder(file);
  if (holder && holder.pid === process.pid && holder.host === hostname()) rmSync(file, { force: true });
}
