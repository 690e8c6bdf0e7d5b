/**
 * Writing what a run made: the cleaned articles into the output folder and the three reports
 * into the reports folder. The CLI and the library entry both write through here, so both
 * keep the output folder's rules (other articles' outputs kept, stale ones of this run's
 * articles pruned, the user's own files never touched) and collect a large batch's garbage as
 * the reports go out.
 *
 * The reports are a set: audit.json, audit.html and audit.sarif of one run are never seen
 * beside those of another. They are written to a staging folder beside the reports folder,
 * which then takes the reports folder's place (two renames); a write that fails (a full disk)
 * leaves the previous set whole.
 */
import { copyFileSync, linkSync, lstatSync, mkdirSync, readdirSync, readlinkSync, realpathSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import type { AuditResult } from './audit.js';
import { collectIfGrown, collectingAsNeeded } from './gc.js';
import { reporters, type Reporter } from './report/index.js';
import type { Gate } from './report/gate.js';
import { LOCK_FILE } from './lock.js';
import { removeLeftovers, writeAtomic, writeFolder, type FolderResult } from './write.js';

/**
 * Writes the cleaned articles; `prune` also removes outputs of articles this run did not audit.
 * Returns the names refused because a file this tool did not write holds them.
 */
export function writeArticles(outputDir: string, result: Pick<AuditResult, 'outputs' | 'documents'>, prune = false): FolderResult {
  return writeFolder(outputDir, result.outputs, { inRun: new Set(result.documents.map((d) => d.path)), prune });
}

/** Writes audit.json, audit.html and audit.sarif, as a set. */
export function writeReports(result: AuditResult, reportsDir: string, cwd: string, gate?: Gate, chosen: readonly Reporter[] = Object.values(reporters)): void {
  const context = { reportsDir, cwd, ...(gate ? { gate } : {}) };
  const write = (dir: string, name = (r: Reporter) => r.file): void => {
    for (const reporter of chosen) {
      // A large batch's garbage is collected as its reports are written (see gc.ts).
      writeAtomic(path.join(dir, name(reporter)), collectingAsNeeded(reporter.chunks(result, context)));
      collectIfGrown();
    }
  };
  mkdirSync(reportsDir, { recursive: true });
  const real = realpathSync(reportsDir);
  const { staging, old } = setFolders(real);
  removeLeftovers(real);
  rmSync(staging, { recursive: true, force: true });
  rmSync(old, { recursive: true, force: true });
  if (swappable(real, cwd) && tryMkdir(staging)) {
    try {
      write(staging);
      carryOver(real, staging, new Set(chosen.map((r) => r.file)));
    } catch (error) {
      rmSync(staging, { recursive: true, force: true });
      throw error;
    }
    if (swapIn(staging, real, old)) return;
    // The folder cannot be moved (a mount point, say): the staged set is renamed over the old
    // one file by file instead.
    for (const r of chosen) renameSync(path.join(staging, r.file), path.join(real, r.file));
    rmSync(staging, { recursive: true, force: true });
    return;
  }
  // A folder that holds folders of its own (or the working folder itself) is not moved: the
  // set is written in full beside the old one first, then renamed over it file by file.
  const staged = (r: Reporter): string => `.${r.file}.${process.pid}.staged`;
  try {
    write(real, staged);
  } catch (error) {
    for (const r of chosen) rmSync(path.join(real, staged(r)), { force: true });
    throw error;
  }
  for (const r of chosen) renameSync(path.join(real, staged(r)), path.join(real, r.file));
}

/** The staging folder and the folder the previous set goes to during the swap, beside `dir`. */
export function setFolders(dir: string): { staging: string; old: string } {
  const parent = path.dirname(dir);
  const base = path.basename(dir);
  return { staging: path.join(parent, `.${base}.draftaudit-new`), old: path.join(parent, `.${base}.draftaudit-old`) };
}

/** Whether `dir` may be moved as a whole: not the working folder nor one above it, and no folder inside. */
function swappable(dir: string, cwd: string): boolean {
  const rel = path.relative(dir, cwd);
  if (rel === '' || !rel.startsWith('..') || path.dirname(dir) === dir) return false;
  return readdirSync(dir, { withFileTypes: true }).every((e) => !e.isDirectory());
}

function tryMkdir(dir: string): boolean {
  try {
    mkdirSync(dir);
    return true;
  } catch {
    return false; // the parent folder is read-only: the set is staged inside the folder instead
  }
}

/**
 * Everything else the reports folder holds (a README, the lock of this run) goes into the
 * new one too: files hard-linked (copied where links cannot be made), links made again.
 */
function carryOver(from: string, to: string, reportFiles: ReadonlySet<string>): void {
  for (const name of readdirSync(from)) {
    if (reportFiles.has(name)) continue;
    const source = path.join(from, name);
    const target = path.join(to, name);
    const info = lstatSync(source);
    if (info.isSymbolicLink()) symlinkSync(readlinkSync(source), target);
    else if (info.isFile()) {
      try {
        linkSync(source, target);
      } catch {
        copyFileSync(source, target);
      }
    }
  }
}

/** Puts `staging` in the place of `dir` (whose set goes to `old`, then away); false when `dir` cannot be moved. */
function swapIn(staging: string, dir: string, old: string): boolean {
  try {
    renameSync(dir, old);
  } catch {
    return false;
  }
  try {
    renameSync(staging, dir);
  } catch (error) {
    renameSync(old, dir);
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  rmSync(old, { recursive: true, force: true });
  return true;
}

/** The lock file of a folder run output goes to. */
export function lockFileOf(dir: string): string {
  return path.join(dir, LOCK_FILE);
}
