/**
 * The load stage: walk the input paths, read and decode each draft. It never throws for a
 * bad file: an empty, binary, oversized or unreadable draft becomes a finding and the batch
 * goes on. Only a path that does not exist at all stops the run (a usage error).
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import picomatch from 'picomatch';
import { glob, isDynamicPattern } from 'tinyglobby';
import type { Finding, Source } from '../types.js';
import { formatOf } from '../parse/index.js';
import { decode, looksBinary } from './decode.js';
import { fileFinding } from '../findings.js';
import { cmp } from '../order.js';

export class UsageError extends Error {}

export interface LoadOptions {
  include: string[];
  exclude: string[];
  maxFileSize: number;
  /** Working directory paths are reported relative to. */
  cwd: string;
}

export interface Loaded {
  sources: Source[];
  findings: Finding[];
}

export function displayPath(cwd: string, absolute: string): string {
  const rel = path.relative(cwd, absolute);
  return (rel === '' ? '.' : rel.startsWith('..') ? absolute : rel).split(path.sep).join('/');
}

/** Every draft file under the given paths, sorted, each once. */
export async function collectFiles(inputs: string[], options: LoadOptions): Promise<{ files: string[]; findings: Finding[] }> {
  const include = options.include.length > 0 ? picomatch(options.include, { dot: true }) : () => true;
  const exclude = options.exclude.length > 0 ? picomatch(options.exclude, { dot: true }) : () => false;
  const files = new Set<string>();
  const findings: Finding[] = [];
  const seenDirs = new Set<string>();

  // The real folder each walk started from: a link found inside it is followed only when its
  // target stays inside one of them (a link to /etc/passwd or a token file is not read).
  const roots: string[] = [];
  const inside = (real: string): boolean => roots.some((r) => real === r || real.startsWith(r.endsWith(path.sep) ? r : r + path.sep));
  const walk = async (dir: string): Promise<void> => {
    let real: string;
    try {
      real = await realpath(dir);
    } catch {
      return;
    }
    if (seenDirs.has(real)) return; // a symlink loop or a folder named twice
    seenDirs.add(real);
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      findings.push(fileFinding('input/unreadable-or-empty', displayPath(options.cwd, dir), `Cannot read folder: ${reason(error)}`));
      return;
    }
    for (const entry of entries.sort((a, b) => cmp(a.name, b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      let isDir = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        let target: string;
        try {
          target = await realpath(full);
          isDir = (await stat(target)).isDirectory();
        } catch {
          continue; // a dangling link
        }
        if (!inside(target)) {
          if (isDir || formatOf(full)) findings.push(fileFinding('input/unreadable-or-empty', displayPath(options.cwd, full), 'Link to a place outside the input folders; not followed'));
          continue;
        }
      }
      if (isDir) await walk(full);
      else consider(full);
    }
  };
  const consider = (file: string): void => {
    const rel = displayPath(options.cwd, file);
    if (!formatOf(file) || !include(rel) || exclude(rel)) return;
    files.add(path.resolve(file));
  };

  for (const input of inputs) {
    const abs = path.resolve(options.cwd, input);
    let info;
    try {
      info = await stat(abs);
    } catch {
      if (!isDynamicPattern(input)) throw new UsageError(`no such file or folder: ${input}`);
      // A quoted glob (the shell left it alone): the drafts it matches, as the shell would give them.
      const matched = await glob(input, { cwd: options.cwd, absolute: true, onlyFiles: true, ignore: ['**/node_modules/**'] });
      const drafts = matched.filter((f) => formatOf(f) && include(displayPath(options.cwd, f)) && !exclude(displayPath(options.cwd, f)));
      if (drafts.length === 0) throw new UsageError(`no drafts match ${input}`);
      for (const f of drafts) files.add(path.resolve(f));
      continue;
    }
    if (info.isDirectory()) {
      roots.push(await realpath(abs));
      await walk(abs);
    }
    else if (formatOf(abs)) files.add(abs);
    else throw new UsageError(`not a draft (.txt, .md, .markdown, .html, .htm): ${input}`);
  }
  const sorted = [...files].sort((a, b) => cmp(displayPath(options.cwd, a), displayPath(options.cwd, b)));
  return { files: sorted, findings };
}

export type ReadResult = { source?: Source; findings: Finding[] };

/**
 * Reads and decodes one draft. The read blocks: the analysis of a draft waits for its bytes
 * anyway (in a worker thread or in this one), and a blocking read of a small file costs less
 * than a round trip through the thread pool.
 */
export function readSource(file: string, options: LoadOptions): ReadResult {
  const rel = displayPath(options.cwd, file);
  try {
    const info = statSync(file);
    // A FIFO would block the read forever and a device can read without end: only regular files are drafts.
    if (!info.isFile() && !info.isDirectory()) return { findings: [fileFinding('input/unreadable-or-empty', rel, 'Not a regular file (a FIFO, socket or device); not read')] };
    const tooLarge = sizeFinding(rel, info.size, options);
    return tooLarge ? { findings: [tooLarge] } : fromBytes(rel, file, new Uint8Array(readFileSync(file)));
  } catch (error) {
    return { findings: [unreadable(rel, error)] };
  }
}

/**
 * A draft given as text (standard input, the library's `{ path, text }` inputs): checked as a
 * file's bytes are, with `rel` naming it in the report.
 */
export function readText(rel: string, text: string, options: LoadOptions): ReadResult {
  const bytes = new TextEncoder().encode(text);
  const tooLarge = sizeFinding(rel, bytes.length, options);
  return tooLarge ? { findings: [tooLarge] } : fromBytes(rel, rel, bytes);
}

function sizeFinding(rel: string, size: number, options: LoadOptions): Finding | undefined {
  if (size <= options.maxFileSize) return undefined;
  return fileFinding('input/too-large', rel, `File is ${formatBytes(size)}, over the ${formatBytes(options.maxFileSize)} limit; not audited`);
}

function unreadable(rel: string, error: unknown): Finding {
  return fileFinding('input/unreadable-or-empty', rel, `Cannot read file: ${reason(error)}`);
}

function fromBytes(rel: string, file: string, bytes: Uint8Array): ReadResult {
  if (bytes.length === 0) return { findings: [fileFinding('input/unreadable-or-empty', rel, 'File is empty')] };
  const decoded = decode(bytes);
  if (looksBinary(bytes, decoded.text, decoded.encoding)) {
    return { findings: [fileFinding('input/unreadable-or-empty', rel, 'File looks binary (NUL bytes or control characters), not a text draft')] };
  }
  if (decoded.text.trim() === '') return { findings: [fileFinding('input/unreadable-or-empty', rel, 'File holds only white space')] };
  const findings = decoded.note ? [fileFinding('input/encoding', rel, `Encoding: ${decoded.note}`, 'info')] : [];
  findings.forEach((f) => (f.data = { encoding: decoded.encoding }));
  return {
    source: {
      path: rel,
      format: formatOf(file)!,
      encoding: decoded.encoding,
      bytes: bytes.length,
      text: decoded.text,
      encodingDetected: decoded.detected,
      hash: createHash('sha256').update(bytes).digest('hex'),
    },
    findings,
  };
}

export async function loadSources(inputs: string[], options: LoadOptions): Promise<Loaded> {
  const { files, findings } = await collectFiles(inputs, options);
  const sources: Source[] = [];
  for (const r of files.map((f) => readSource(f, options))) {
    if (r.source) sources.push(r.source);
    findings.push(...r.findings);
  }
  return { sources, findings };
}

function reason(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  return e.code ? `${e.code}${e.message ? ` (${e.message.replace(/^[A-Z]+: /, '').split(',')[0]})` : ''}` : String(error);
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${(n / 1024).toFixed(1)} kB`;
}
