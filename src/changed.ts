/**
 * `--changed-since REF`: the drafts that differ from a git ref — tracked files changed in the
 * working tree or index since REF (`git diff --name-only REF`) plus untracked files that are
 * not ignored. git runs through execFile with an argument list, never through a shell.
 */
import { execFile } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from './load/index.js';

export interface ChangedFiles {
  ref: string;
  /** Absolute real paths of the changed files, sorted. */
  files: string[];
  /** Whether a path (relative to the working directory, or absolute) is among them. */
  has(file: string): boolean;
}

export async function changedSince(ref: string, cwd: string): Promise<ChangedFiles> {
  if (ref === '' || ref.startsWith('-')) throw new UsageError(`--changed-since needs a git ref such as main or HEAD~1 (got "${ref}")`);
  const realCwd = await realpath(cwd);
  let top: string;
  try {
    top = (await git(['rev-parse', '--show-toplevel'], realCwd)).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new UsageError('--changed-since needs git, which was not found on the PATH');
    const said = firstLine(error);
    throw new UsageError(/not a git repository/i.test(said) || said === '' ? `--changed-since: ${cwd} is not inside a git repository` : `--changed-since: ${said}`);
  }
  try {
    await git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], top);
  } catch {
    throw new UsageError(`--changed-since: unknown git ref "${ref}"`);
  }
  const diff = await git(['diff', '--name-only', '--no-renames', '--no-ext-diff', '-z', ref, '--'], top);
  const untracked = await git(['ls-files', '--others', '--exclude-standard', '-z'], top);
  const files = new Set(
    [...diff.split('\0'), ...untracked.split('\0')].filter((p) => p !== '').map((p) => path.join(top, p)),
  );
  return {
    ref,
    files: [...files].sort(),
    has(file) {
      const abs = path.resolve(realCwd, file);
      return files.has(abs) || files.has(realOrSelf(abs));
    },
  };
}

function git(args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } }, (error, stdout, stderr) => {
      if (error) reject(Object.assign(error, { stderr }));
      else resolve(stdout);
    });
  });
}

/** git's own message (stderr), first line, without the `fatal: ` prefix. */
function firstLine(error: unknown): string {
  const stderr = String((error as { stderr?: unknown }).stderr ?? '');
  return (stderr.split('\n').find((l) => l.trim() !== '') ?? '').replace(/^(fatal|error): /, '').trim();
}

function realOrSelf(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}
