/**
 * Writing results: every file atomically (temporary file, then rename), and stale cleaned
 * articles removed only when a manifest shows this tool wrote them, from drafts this run read.
 * A file this tool did not write is never overwritten nor removed: the output folder may be a
 * site's folder holding the user's own pages.
 *
 * The writes block. A batch writes thousands of small files and a few large reports into the
 * page cache; through the thread pool each small write was four round trips that only went
 * on when this thread, busy making a report, let them, and a 5,000-draft batch's articles
 * took seconds. Written here in turn, they take a tenth of a second.
 */
import { closeSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { processRuns } from './lock.js';

export const MANIFEST = '.draftaudit-manifest.json';

/** Below this many characters, pieces are gathered before a write (buffers stay under malloc's mmap threshold). */
const WRITE_BATCH = 1 << 15;

/** The temporary file `writeAtomic` writes `file`'s content to before renaming it. */
const tmpOf = (file: string): string => path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
/** A temporary file of `writeAtomic` (or a report staged by writeReports), with the process that wrote it. */
const TMP = /^\..+\.(\d+)\.(?:tmp|staged)$/;

/**
 * Removes what killed runs left in `dir`: temporary files of `writeAtomic` whose process is
 * gone. A run still writing keeps its own.
 */
export function removeLeftovers(dir: string): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    const pid = TMP.exec(name)?.[1];
    if (pid === undefined || processRuns(Number(pid))) continue;
    rmSync(path.join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}

/**
 * A piece of a file as it is written: text, or UTF-8 bytes as they were kept (a report's
 * cached run of elements, see report/kept-runs.ts), which go to the file without being
 * decoded and encoded again.
 */
export type Piece = string | Uint8Array;

/** A piece's text (bytes decoded as UTF-8). */
export function pieceText(piece: Piece): string {
  return typeof piece === 'string' ? piece : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength).toString('utf8');
}

/** The text of pieces, joined (a report rendered whole). */
export function piecesText(pieces: Iterable<Piece>): string {
  const out: string[] = [];
  for (const p of pieces) out.push(pieceText(p));
  return out.join('');
}

/** Writes `content` (a string, or a report's pieces) to a temporary file, then renames it over `file`. */
export function writeAtomic(file: string, content: string | Iterable<Piece>): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = tmpOf(file);
  try {
    const fd = openSync(tmp, 'w');
    try {
      if (typeof content === 'string') writeAll(fd, content);
      else writePieces(fd, content);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch (error) {
    rmSync(tmp, { force: true });
    // A write on a file descriptor fails without a path: the message names the file.
    const e = error as NodeJS.ErrnoException;
    if (e && typeof e === 'object' && e.code && (!e.path || e.path === tmp)) Object.assign(e, { path: file, syscall: 'write' });
    throw error;
  }
}

function writePieces(fd: number, pieces: Iterable<Piece>): void {
  for (const batch of batched(pieces, WRITE_BATCH)) writeAll(fd, batch);
}

/**
 * Text `pieces` joined into strings of at least `size` characters (the last may be shorter),
 * for fewer writes; bytes pass as they are, after the text gathered before them.
 */
export function* batched<T extends Piece>(pieces: Iterable<T>, size: number): Generator<T | string> {
  let batch: string[] = [];
  let length = 0;
  for (const piece of pieces) {
    if (typeof piece !== 'string') {
      if (batch.length > 0) yield batch.join('');
      batch = [];
      length = 0;
      yield piece;
      continue;
    }
    batch.push(piece);
    length += piece.length;
    if (length >= size) {
      yield batch.join('');
      batch = [];
      length = 0;
    }
  }
  if (batch.length > 0) yield batch.join('');
}

function writeAll(fd: number, piece: Piece): void {
  const bytes = typeof piece === 'string' ? Buffer.from(piece) : piece;
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
}

export interface FolderOptions {
  /** Drafts that were part of this run (audited or not): a stale output all of whose drafts are among them goes. */
  inRun?: ReadonlySet<string>;
  /** Remove every stale output this tool wrote, whatever run made it (`--prune`). */
  prune?: boolean;
}

/** What `writeFolder` did not write: files in the way that this tool did not write. */
export interface FolderResult {
  /** Names (inside the folder) of articles not written because a file of someone else holds the name. */
  refused: string[];
}

/**
 * Writes the files of one folder. A file that already holds its content is left as it is: a
 * rerun on the same drafts writes no article again (and keeps their times for tools that
 * sync the folder). A file an earlier run wrote (the manifest says so, and from which drafts)
 * that this run did not write is removed only when every draft it was made from was part of
 * this run, or with `prune`: a run on some drafts never removes the articles of others.
 *
 * Ownership: a name that a file not listed in the manifest already holds (the user's own
 * page) is refused, unless that file holds exactly the article's bytes. The manifest names
 * every file about to be written before the first one is, so the articles of a run killed
 * half-way are known as this tool's and cleaned up by the next run.
 */
export function writeFolder(dir: string, files: Array<{ file: string; content: string; sources?: readonly string[] }>, options: FolderOptions = {}): FolderResult {
  mkdirSync(dir, { recursive: true });
  removeLeftovers(dir);
  const previous = readManifest(dir);
  const refused: string[] = [];
  const writing: typeof files = [];
  for (const f of files) {
    const target = path.join(dir, f.file);
    if (!previous.has(f.file) && exists(target) && !holds(target, f.content)) refused.push(f.file);
    else writing.push(f);
  }
  // Everything about to be written is in the manifest before the first write.
  const planned = new Map(previous);
  for (const f of writing) planned.set(f.file, f.sources ?? []);
  writeManifest(dir, planned);
  for (const f of writing) {
    const target = path.join(dir, f.file);
    if (!holds(target, f.content)) writeAtomic(target, f.content);
  }
  const now = new Map<string, readonly string[]>(writing.map((f) => [f.file, f.sources ?? []]));
  const kept = new Map(now);
  for (const [old, sources] of previous) {
    if (now.has(old) || !plainName(old)) continue;
    const stale = options.prune || (sources.length > 0 && options.inRun !== undefined && sources.every((s) => options.inRun!.has(s)));
    if (stale) rmSync(path.join(dir, old), { force: true });
    else kept.set(old, sources);
  }
  writeManifest(dir, kept);
  return { refused };
}

/** A manifest entry this tool may act on: a plain name in the folder, not a hidden file. */
function plainName(name: string): boolean {
  return name !== '' && !name.includes('/') && !name.includes('\\') && !name.startsWith('.');
}

function writeManifest(dir: string, files: ReadonlyMap<string, readonly string[]>): void {
  const names = [...files.keys()].sort();
  const manifest = { tool: 'draftaudit', files: names, sources: Object.fromEntries(names.map((n) => [n, [...files.get(n)!]])) };
  writeAtomic(path.join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
}

function exists(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

/** Whether `file` holds exactly the bytes of `content`. */
function holds(file: string, content: string): boolean {
  try {
    return readFileSync(file).equals(Buffer.from(content));
  } catch {
    return false;
  }
}

/**
 * The outputs an earlier run wrote in `dir`, with the drafts each was made from (none known
 * for a manifest of an older version, whose files are then kept unless `--prune`).
 */
export function readManifest(dir: string): Map<string, readonly string[]> {
  const out = new Map<string, readonly string[]>();
  try {
    const data = JSON.parse(readFileSync(path.join(dir, MANIFEST), 'utf8')) as { tool?: unknown; files?: unknown; sources?: unknown };
    const sources = data.sources && typeof data.sources === 'object' ? (data.sources as Record<string, unknown>) : {};
    if (data.tool !== 'draftaudit' || !Array.isArray(data.files)) return out;
    for (const f of data.files) {
      if (typeof f !== 'string' || !plainName(f)) continue;
      const from = sources[f];
      out.set(f, Array.isArray(from) ? from.filter((s): s is string => typeof s === 'string') : []);
    }
  } catch {
    // no manifest, or not ours: nothing was written here by this tool
  }
  return out;
}
