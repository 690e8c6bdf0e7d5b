/**
 * Checks made before any work: the folders a run writes to must be folders (or creatable) and
 * writable, so that a bad `--output` or `--reports` stops the run at once rather than after
 * thousands of drafts were audited. The cache is optional: a cache folder that cannot be used
 * turns the cache off with a warning.
 */
import { closeSync, mkdirSync, openSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

/** An I/O problem the user can act on: the message names the file or folder. */
export class IoError extends Error {}

/**
 * `error` as a user reads it: what could not be done to which path, the system's reason, and
 * its code once ("cannot write reports/audit.json: no space left on device (ENOSPC)").
 */
export function describeIoError(error: unknown, show: (file: string) => string = (f) => f): string {
  const e = error as NodeJS.ErrnoException;
  if (!e || typeof e !== 'object' || !e.code) return String((e as Error)?.message ?? error).split('\n')[0]!;
  // Node writes "CODE: reason, syscall 'path'"; the reason alone is kept.
  const reason = (e.message ?? '').replace(/^[A-Z0-9_]+: /, '').replace(/, \w+( '.*)?$/s, '').split('\n')[0]!.trim();
  const what = e.syscall ? `cannot ${VERB[e.syscall] ?? e.syscall}${e.path ? ` ${show(e.path)}` : ''}` : e.path ? show(e.path) : '';
  return `${what ? `${what}: ` : ''}${reason || 'failed'} (${e.code})`;
}

const VERB: Record<string, string> = {
  open: 'open',
  write: 'write',
  read: 'read',
  mkdir: 'create the folder',
  rename: 'rename',
  unlink: 'remove',
  rmdir: 'remove the folder',
  scandir: 'read the folder',
  stat: 'look at',
  lstat: 'look at',
  link: 'link',
  symlink: 'link',
  copyfile: 'copy',
};

/**
 * Makes sure each folder is one this process can write in (or can create), then creates the
 * missing ones: nothing is made unless every folder passes. Throws an IoError naming the
 * first that does not, as `flag shown`.
 */
export function checkWritableFolders(folders: ReadonlyArray<{ dir: string; flag: string; shown: string }>): void {
  for (const { dir, flag, shown } of folders) {
    const problem = folderProblem(dir, false);
    if (problem) throw new IoError(`${flag} ${shown}: ${problem}`);
  }
  for (const { dir, flag, shown } of folders) {
    const problem = folderProblem(dir);
    if (problem) throw new IoError(`${flag} ${shown}: ${problem}`);
  }
}

/**
 * Why `dir` cannot take files, or undefined when it can. A missing folder is created, or,
 * with `create` false, judged by the nearest folder above it that exists.
 */
export function folderProblem(dir: string, create = true): string | undefined {
  let at = dir;
  for (;;) {
    try {
      if (!statSync(at).isDirectory()) return at === dir ? 'a file is in the way, not a folder' : 'cannot be created: a file is in the way';
      break;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOTDIR') return 'cannot be created: a file is in the way';
      if (code !== 'ENOENT') return reasonOf(error);
      if (!create) {
        const parent = path.dirname(at);
        if (parent === at) return reasonOf(error);
        at = parent;
        continue;
      }
      try {
        mkdirSync(dir, { recursive: true });
      } catch (made) {
        const again = (made as NodeJS.ErrnoException).code;
        return again === 'ENOTDIR' || again === 'EEXIST' ? 'cannot be created: a file is in the way' : `cannot be created: ${reasonOf(made)}`;
      }
    }
  }
  // Permission bits do not tell (root, ACLs, read-only mounts): a file is made and removed.
  const probe = path.join(at, `.draftaudit-probe.${process.pid}.tmp`);
  try {
    closeSync(openSync(probe, 'w'));
    rmSync(probe, { force: true });
  } catch (error) {
    return at === dir ? `not writable: ${reasonOf(error)}` : `cannot be created: ${reasonOf(error)}`;
  }
  return undefined;
}

/** The system's reason and code, without the path ("permission denied (EACCES)"). */
function reasonOf(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  const reason = (e.message ?? String(error)).replace(/^[A-Z0-9_]+: /, '').replace(/, \w+( '.*)?$/s, '').split('\n')[0]!.trim();
  return e.code ? `${reason} (${e.code})` : reason;
}
