/**
 * Writing results: every file atomically (temporary file, then rename), and stale cleaned
 * articles removed only when a manifest shows this tool wrote them.
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

/**
 * Writes the files of one folder and removes the ones a previous run wrote but this one did
 * not. A file that already holds its content is left as it is: a rerun on the same drafts
 * writes no article again (and keeps their times for tools that sync the folder).
 */
export function writeFolder(dir: string, files: Array<{ file: string; content: string }>): void {
  mkdirSync(dir, { recursive: true });
  const previous = readManifest(dir);
  for (const f of files) {
    const target = path.join(dir, f.file);
    if (!holds(target, f.content)) writeAtomic(target, f.content);
  }
  const now = new Set(files.map((f) => f.file));
  for (const old of previous) {
    if (!now.has(old) && !old.includes('/') && !old.includes('\\') && !old.startsWith('.')) {
      rmSync(path.join(dir, old), { force: true });
    }
  }
  writeAtomic(path.join(dir, MANIFEST), `${JSON.stringify({ tool: 'draftaudit', files: [...now].sort() }, null, 2)}\n`);
}

/** Whether `file` holds exactly the bytes of `content`. */
function holds(file: string, content: string): boolean {
  try {
    return readFileSync(file).equals(Buffer.from(content));
  } catch {
    return false;
  }
}

function readManifest(dir: string): string[] {
  try {
    const data = JSON.parse(readFileSync(path.join(dir, MANIFEST), 'utf8')) as { files?: unknown };
    return Array.isArray(data.files) ? data.files.filter((f): f is string => typeof f === 'string') : [];
  } catch {
    return [];
  }
}
