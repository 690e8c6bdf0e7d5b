/**
 * The load stage: walk the input paths, read and decode each draft. It never throws for a
 * bad file: an empty, binary, oversized or unreadable draft becomes a finding and the batch
 * goes on. Only a path that does not exist at all stops the run (a usage error).
 */
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type Picomatch from 'picomatch';
import { loadNow } from '../lazy.js';
import type { Finding, Source } from '../types.js';
import { formatOf } from '../parse/index.js';
import { decode, looksBinary } from './decode.js';
import { fileFinding } from '../findings.js';
import { cmp } from '../order.js';
import { append } from '../collections.js';

export class UsageError extends Error {}

/** The glob matcher, loaded when a run has globs (include, exclude or a quoted pattern; see lazy.ts). */
const picomatch = (): typeof Picomatch => loadNow<typeof Picomatch>('picomatch');

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
  const include = options.include.length > 0 ? picomatch()(options.include, { dot: true }) : () => true;
  const exclude = options.exclude.length > 0 ? picomatch()(options.exclude, { dot: true }) : () => false;
  const files = new Set<string>();
  const findings: Finding[] = [];
  // Folders walked for the current input (a symlink loop is walked once).
  let seenDirs = new Set<string>();

  // The real folder each walk started from: a link found inside it is followed only when its
  // target stays inside one of them (a link to /etc/passwd or a token file is not read).
  const roots: string[] = [];
  const inside = (real: string): boolean => roots.some((r) => real === r || real.startsWith(r.endsWith(path.sep) ? r : r + path.sep));
  /** Walks `dir`; `wanted` narrows the drafts to a glob's. Returns how many drafts it found. */
  const walk = async (dir: string, wanted: (file: string) => boolean = everything): Promise<number> => {
    let real: string;
    try {
      real = await realpath(dir);
    } catch {
      return 0;
    }
    if (seenDirs.has(real)) return 0; // a symlink loop
    seenDirs.add(real);
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      findings.push(fileFinding('input/unreadable-or-empty', displayPath(options.cwd, dir), `Cannot read folder: ${reason(error)}`));
      return 0;
    }
    let found = 0;
    for (const entry of entries.sort((a, b) => cmp(a.name, b.name))) {
      const full = path.join(dir, entry.name);
      // Hidden drafts are drafts (ESLint 9 lints dot-files too); only version-control
      // metadata and installed packages are passed over.
      if (NOT_WALKED.has(entry.name)) continue;
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
      if (isDir) found += await walk(full, wanted);
      else if (wanted(full) && consider(full)) found++;
    }
    return found;
  };
  // Globs are matched against the path relative to the working directory (`../` above it),
  // and against the path as the report names it (absolute above it): either form may be used.
  const matches = (test: (p: string) => boolean, file: string): boolean =>
    test(path.relative(options.cwd, file).split(path.sep).join('/')) || test(displayPath(options.cwd, file));
  const consider = (file: string): boolean => {
    if (!formatOf(file) || !matches(include, file) || matches(exclude, file)) return false;
    files.add(path.resolve(file));
    return true;
  };

  // Inputs that give no draft: an empty folder, a folder of other files, a glob matching nothing.
  const unmatched: string[] = [];
  for (const input of inputs) {
    seenDirs = new Set<string>();
    const abs = path.resolve(options.cwd, input);
    let info;
    try {
      info = await stat(abs);
    } catch {
      info = undefined;
    }
    if (!info) {
      const glob = globOf(input, options.cwd);
      if (!glob) throw new UsageError(`no such file or folder: ${input}`);
      roots.push(await realpath(glob.base).catch(() => glob.base));
      if ((await walk(glob.base, glob.matches)) === 0) unmatched.push(input);
    } else if (info.isDirectory()) {
      roots.push(await realpath(abs));
      if ((await walk(abs)) === 0) unmatched.push(input);
    } else if (formatOf(abs)) files.add(abs);
    else throw new UsageError(`not a draft (${DRAFT_EXTENSIONS}): ${input}`);
  }
  if (unmatched.length > 0) {
    throw new UsageError(`no draft (${DRAFT_EXTENSIONS}) found in: ${unmatched.join(', ')}`);
  }
  const sorted = [...files].sort((a, b) => cmp(displayPath(options.cwd, a), displayPath(options.cwd, b)));
  return { files: sorted, findings };
}

/** The extensions of drafts, as messages name them. */
export const DRAFT_EXTENSIONS = '.txt, .md, .markdown, .html, .htm';

const everything = (): boolean => true;

/** Folders never walked: version control metadata and installed packages. */
const NOT_WALKED = new Set(['.git', '.hg', '.svn', 'node_modules']);

/**
 * A path that does not exist but holds glob characters (`input/**\/*.md`, quoted so the shell
 * left it alone): the folder to walk and the test of each file found, on its path as given
 * (relative to the working directory, or absolute).
 */
export function globOf(input: string, cwd: string): { base: string; matches: (file: string) => boolean } | undefined {
  const pattern = input.split(path.sep).join('/');
  const scan = picomatch().scan(pattern);
  if (!scan.isGlob) return undefined;
  const absolute = path.isAbsolute(input);
  const test = picomatch()(pattern.replace(/^\.\//, ''), { dot: true });
  return {
    base: path.resolve(cwd, scan.base || '.'),
    matches: (file) => test(absolute ? file.split(path.sep).join('/') : path.relative(cwd, file).split(path.sep).join('/')),
  };
}

/** Why a draft was not audited, as audit.json's `documents[].status` says it. */
/** Why a draft was not audited; `timed-out`: stopped at its time budget (see engine/analyze.ts). */
export type SkipStatus = 'unreadable' | 'empty' | 'binary' | 'too-large' | 'timed-out';

/** A draft that was not read into a Source: its path, why, and what is known of it. */
export interface Skipped {
  path: string;
  status: SkipStatus;
  format?: Source['format'];
  bytes?: number;
}

export type ReadResult = { source?: Source; skipped?: Skipped; findings: Finding[] };

/**
 * Reads and decodes one draft. The read blocks: the analysis of a draft waits for its bytes
 * anyway (in a worker thread or in this one), and a blocking read of a small file costs less
 * than a round trip through the thread pool.
 */
export function readSource(file: string, options: LoadOptions): ReadResult {
  const rel = displayPath(options.cwd, file);
  let size: number | undefined;
  let fd: number | undefined;
  try {
    // Opened without blocking and checked on the open file: a FIFO would block the read
    // forever and a device can read without end, and a file swapped for one between a look
    // at its name and the read is caught too. Only regular files are drafts.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    const info = fstatSync(fd);
    // (A folder named like a draft fails the read below with its own reason.)
    if (!info.isFile() && !info.isDirectory()) {
      return { skipped: skipped(rel, 'unreadable'), findings: [fileFinding('input/unreadable-or-empty', rel, 'Not a regular file (a FIFO, socket or device); not read')] };
    }
    size = info.size;
    if (size > options.maxFileSize) return sizedRead(rel, file, size, options, () => new Uint8Array());
    // The size is checked on the bytes read too, not only on what the file system said: a
    // file that grows while it is read stops at the limit.
    const bytes = readAtMost(fd, options.maxFileSize + 1, info.size);
    size = bytes.length;
    return sizedRead(rel, file, size, options, () => bytes);
  } catch (error) {
    return { skipped: skipped(rel, 'unreadable', size), findings: [unreadable(rel, error)] };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Up to `limit` bytes of the open file `fd` (`expected` sizes the first buffer). */
function readAtMost(fd: number, limit: number, expected: number): Uint8Array {
  let buffer = Buffer.allocUnsafeSlow(Math.max(1, Math.min(limit, expected + 1)));
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length >= limit) break;
      const grown = Buffer.allocUnsafeSlow(Math.min(limit, buffer.length * 2));
      buffer.copy(grown, 0, 0, length);
      buffer = grown;
    }
    const n = readSync(fd, buffer, length, buffer.length - length, null);
    if (n === 0) break;
    length += n;
  }
  return new Uint8Array(buffer.buffer, buffer.byteOffset, length);
}

/**
 * A draft given as text (standard input, the library's `{ path, text }` inputs): checked as a
 * file's bytes are, with `rel` naming it in the report.
 */
export function readText(rel: string, text: string, options: LoadOptions): ReadResult {
  const bytes = new TextEncoder().encode(text);
  return sizedRead(rel, rel, bytes.length, options, () => bytes);
}

/** A draft of `size` bytes: refused when too large, else its bytes decoded and checked. */
function sizedRead(rel: string, file: string, size: number, options: LoadOptions, bytes: () => Uint8Array): ReadResult {
  const tooLarge = sizeFinding(rel, size, options);
  if (tooLarge) return { skipped: skipped(rel, 'too-large', size), findings: [tooLarge] };
  const read = fromBytes(rel, file, bytes());
  if (!read.source && read.status) return { skipped: skipped(rel, read.status, read.bytes), findings: read.findings };
  return { source: read.source!, findings: read.findings };
}

/** What is known of a draft that was not audited. */
function skipped(rel: string, status: SkipStatus, bytes?: number): Skipped {
  const format = formatOf(rel);
  return { path: rel, status, ...(format ? { format } : {}), ...(bytes === undefined ? {} : { bytes }) };
}

function sizeFinding(rel: string, size: number, options: LoadOptions): Finding | undefined {
  if (size <= options.maxFileSize) return undefined;
  return fileFinding('input/too-large', rel, `File is ${formatBytes(size)}, over the ${formatBytes(options.maxFileSize)} limit; not audited`);
}

function unreadable(rel: string, error: unknown): Finding {
  return fileFinding('input/unreadable-or-empty', rel, `Cannot read file: ${reason(error)}`);
}

function fromBytes(rel: string, file: string, bytes: Uint8Array): { source?: Source; status?: SkipStatus; bytes?: number; findings: Finding[] } {
  const n = bytes.length;
  if (n === 0) return { status: 'empty', bytes: n, findings: [fileFinding('input/unreadable-or-empty', rel, 'File is empty')] };
  const decoded = decode(bytes);
  if (looksBinary(bytes, decoded.text, decoded.encoding)) {
    return { status: 'binary', bytes: n, findings: [fileFinding('input/unreadable-or-empty', rel, 'File looks binary (NUL bytes or control characters), not a text draft')] };
  }
  if (decoded.text.trim() === '') return { status: 'empty', bytes: n, findings: [fileFinding('input/unreadable-or-empty', rel, 'File holds only white space')] };
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
    append(findings, r.findings);
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
