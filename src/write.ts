/**
 * Writing results: every file atomically (temporary file, then rename), and stale cleaned
 * articles removed only when a manifest shows this tool wrote them, from drafts this run read.
 *
 * The writes block. A batch writes thousands of small files and a few large reports into the
 * page cache; through the thread pool each small write was four round trips that only went
 * on when this thread, busy making a report, let them, and a 5,000-draft batch's articles
 * took seconds. Written here in turn, they take a tenth of a second.
 */
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

export const MANIFEST = '.draftaudit-manifest.json';

/** Below this many characters, pieces are gathered before a write (buffers stay under malloc's mmap threshold). */
const WRITE_BATCH = 1 << 15;

/** Writes `content` (a string, or a report's pieces) to a temporary file, then renames it over `file`. */
export function writeAtomic(file: string, content: string | Iterable<string>): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
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
    throw error;
  }
}

function writePieces(fd: number, pieces: Iterable<string>): void {
  let batch: string[] = [];
  let size = 0;
  for (const piece of pieces) {
    batch.push(piece);
    size += piece.length;
    if (size >= WRITE_BATCH) {
      writeAll(fd, batch.join(''));
      batch = [];
      size = 0;
    }
  }
  writeAll(fd, batch.join(''));
}

function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text);
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
}

export interface FolderOptions {
  /** Drafts that were part of this run (audited or not): a stale output all of whose drafts are among them goes. */
  inRun?: ReadonlySet<string>;
  /** Remove every stale output this tool wrote, whatever run made it (`--prune`). */
  prune?: boolean;
}

/**
 * Writes the files of one folder. A file that already holds its content is left as it is: a
 * rerun on the same drafts writes no article again (and keeps their times for tools that
 * sync the folder). A file an earlier run wrote (the manifest says so, and from which drafts)
 * that this run did not write is removed only when every draft it was made from was part of
 * this run, or with `prune`: a run on some drafts never removes the articles of others.
 */
export function writeFolder(dir: string, files: Array<{ file: string; content: string; sources?: readonly string[] }>, options: FolderOptions = {}): void {
  mkdirSync(dir, { recursive: true });
  const previous = readManifest(dir);
  for (const f of files) {
    const target = path.join(dir, f.file);
    if (!holds(target, f.content)) writeAtomic(target, f.content);
  }
  const now = new Map<string, readonly string[]>(files.map((f) => [f.file, f.sources ?? []]));
  const kept = new Map(now);
  for (const [old, sources] of previous) {
    if (now.has(old) || old.includes('/') || old.includes('\\') || old.startsWith('.')) continue;
    const stale = options.prune || (sources.length > 0 && options.inRun !== undefined && sources.every((s) => options.inRun!.has(s)));
    if (stale) rmSync(path.join(dir, old), { force: true });
    else kept.set(old, sources);
  }
  const names = [...kept.keys()].sort();
  const manifest = { tool: 'draftaudit', files: names, sources: Object.fromEntries(names.map((n) => [n, [...kept.get(n)!]])) };
  writeAtomic(path.join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
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
    const data = JSON.parse(readFileSync(path.join(dir, MANIFEST), 'utf8')) as { files?: unknown; sources?: unknown };
    const sources = data.sources && typeof data.sources === 'object' ? (data.sources as Record<string, unknown>) : {};
    if (!Array.isArray(data.files)) return out;
    for (const f of data.files) {
      if (typeof f !== 'string') continue;
      const from = sources[f];
      out.set(f, Array.isArray(from) ? from.filter((s): s is string => typeof s === 'string') : []);
    }
  } catch {
    // no manifest, or not ours: nothing was written here by this tool
  }
  return out;
}
