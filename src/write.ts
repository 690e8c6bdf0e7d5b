/**
 * Writing results: every file atomically (temporary file, then rename), and stale cleaned
 * articles removed only when a manifest shows this tool wrote them.
 */
import { mkdir, open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pLimit from 'p-limit';

export const MANIFEST = '.draftaudit-manifest.json';

/** Below this many characters, pieces are gathered before a write. */
const WRITE_BATCH = 1 << 15;

/** Writes `content` (a string, or a report's pieces) to a temporary file, then renames it over `file`. */
export async function writeAtomic(file: string, content: string | Iterable<string>): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    if (typeof content === 'string') await writeFile(tmp, content);
    else await writePieces(tmp, content);
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

/**
 * Writes pieces in batches, each batch's write under way while the next is gathered: waiting
 * for every write before making more text left this thread idle for a second of a large
 * report.
 */
async function writePieces(file: string, pieces: Iterable<string>): Promise<void> {
  const handle = await open(file, 'w');
  let writing: Promise<void> = Promise.resolve();
  try {
    let batch: string[] = [];
    let size = 0;
    for (const piece of pieces) {
      batch.push(piece);
      size += piece.length;
      if (size >= WRITE_BATCH) {
        const text = batch.join('');
        batch = [];
        size = 0;
        await writing;
        writing = handle.writeFile(text);
      }
    }
    await writing;
    await handle.writeFile(batch.join(''));
  } finally {
    // A write that failed has been met above; closing waits for none still under way.
    await writing.catch(() => {});
    await handle.close();
  }
}

/** Writes the files of one folder and removes the ones a previous run wrote but this one did not. */
export async function writeFolder(dir: string, files: Array<{ file: string; content: string }>): Promise<void> {
  await mkdir(dir, { recursive: true });
  const previous = await readManifest(dir);
  // Files are independent: several writes in flight keep the disk busy.
  const limit = pLimit(16);
  await Promise.all(files.map((f) => limit(() => writeAtomic(path.join(dir, f.file), f.content))));
  const now = new Set(files.map((f) => f.file));
  for (const old of previous) {
    if (!now.has(old) && !old.includes('/') && !old.includes('\\') && !old.startsWith('.')) {
      await rm(path.join(dir, old), { force: true });
    }
  }
  await writeAtomic(path.join(dir, MANIFEST), `${JSON.stringify({ tool: 'draftaudit', files: [...now].sort() }, null, 2)}\n`);
}

async function readManifest(dir: string): Promise<string[]> {
  try {
    const data = JSON.parse(await readFile(path.join(dir, MANIFEST), 'utf8')) as { files?: unknown };
    return Array.isArray(data.files) ? data.files.filter((f): f is string => typeof f === 'string') : [];
  } catch {
    return [];
  }
}
