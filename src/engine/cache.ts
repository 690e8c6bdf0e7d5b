/**
 * The per-draft result cache (`--cache`): what the analysis of a draft found, kept by a hash
 * of its bytes and path in a folder per configuration and tool version, so a change of
 * either starts afresh.
 *
 * A rerun reads and hashes only the drafts that changed: the folder's `files.json` keeps each
 * draft's size, modification time and content hash, as ESLint's cache does, and a draft
 * whose size and time are as recorded is taken from its entry without being read. A draft
 * whose time changed but not its bytes (a CI checkout resets every time) is read and hashed,
 * and its entry still serves.
 */
import { createHash, hash as hashText } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { ResolvedConfig } from '../types.js';
import { VERSION } from '../version.js';
import { KNOWLEDGE_BASE_FILE } from '../dose/kb.js';
import type { Analysis } from './analyze.js';
import type { Document } from '../types.js';
import type { BlockData } from '../parse/source-block.js';
import type { CiteExtraction } from '../cite/types.js';
import { lineStartsOf } from '../position.js';
import { processRuns } from '../lock.js';
import { PIECE_FILE, piecesUsed } from './pieces.js';
import { fingerprintBytes, fingerprintOf, joinEntry, splitEntry } from './entry-file.js';
import { candidateLines, primeCandidateLines } from '../debris/batch.js';

export const DEFAULT_CACHE_DIR = '.draftaudit-cache';

/**
 * The shape of a cached Analysis: raise it when what an analysis holds changes within one
 * version (2: dose figures carry roles advice/report/regimen/… instead of recommendation/study;
 * 3: entries keep the corpus fingerprint and the citation extraction;
 * 4: a block whose text stands as it reads in the draft keeps its length instead of a copy;
 * 5: the text, citation extraction and fingerprint are kept beside the JSON: see entry-file.ts;
 * 6: such a block is a list of its numbers, not a record: see `packBlock`).
 * The code fingerprint below also changes then; the number says it where code is not hashed.
 */
const ANALYSIS_FORMAT = 6;

/**
 * The folder for this configuration, version, code and knowledge base inside the cache
 * folder: editing a limit in data/nutrients.json or any source file starts afresh.
 */
export function cacheFolder(root: string, config: ResolvedConfig, ruleIds: readonly string[]): string {
  const key = createHash('sha256')
    .update(JSON.stringify({ VERSION, ANALYSIS_FORMAT, config, ruleIds }))
    .update(codeFingerprint())
    .update(readFileSync(KNOWLEDGE_BASE_FILE))
    .digest('hex')
    .slice(0, 16);
  return path.join(root, key);
}

let code: string | undefined;

/** A hash of the running code: every module file under src/ (or dist/ when built), read once. */
export function codeFingerprint(): string {
  if (code) return code;
  const top = fileURLToPath(new URL('..', import.meta.url));
  const hash = createHash('sha256');
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (/\.(ts|js|mjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) hash.update(`${path.relative(top, full)}\0`).update(readFileSync(full));
    }
  };
  visit(top);
  return (code = hash.digest('hex'));
}

/** A position in a draft, as a finding's span holds it. */
export const pointSchema = z.object({ line: z.number().int().positive(), column: z.number().int().positive(), offset: z.number().int().nonnegative() });
/** A finding of the shape reporters read: rule, severity, draft, span, message and excerpt. */
export const findingSchema = z.object({
  ruleId: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  path: z.string(),
  span: z.object({ start: pointSchema, end: pointSchema }),
  message: z.string(),
  excerpt: z.string(),
});
/** A position `pointSchema` accepts. */
function isPoint(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false;
  const { line, column, offset } = v as Record<string, unknown>;
  return Number.isSafeInteger(line) && (line as number) > 0 && Number.isSafeInteger(column) && (column as number) > 0 && Number.isSafeInteger(offset) && (offset as number) >= 0;
}

/**
 * Whether `findingSchema` accepts `v`, found without the copy zod makes of what it checks
 * (of each finding, its span and both points) and its pass over each one: a rerun of 10,000
 * drafts checks some 120,000 findings, which took a tenth of reading the entries.
 * tests/cache-trust.test.ts checks that the two agree.
 */
export function isFinding(v: unknown): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const f = v as Record<string, unknown>;
  const span = f.span as Record<string, unknown> | null | undefined;
  return (
    typeof f.ruleId === 'string' &&
    (f.severity === 'error' || f.severity === 'warning' || f.severity === 'info') &&
    typeof f.path === 'string' &&
    typeof span === 'object' &&
    span !== null &&
    isPoint(span.start) &&
    isPoint(span.end) &&
    typeof f.message === 'string' &&
    typeof f.excerpt === 'string'
  );
}

/**
 * A record of any shape: what `z.object({}).passthrough()` accepts, checked without the copy
 * of each record zod makes there (a citation extraction holds dozens of records).
 */
const anyRecord = z.custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v));
/** Blocks as `packBlock` keeps them, records or lists: `unpackBlocks` checks each one as it reads it. */
const packedBlocks = z.custom<Array<Record<string, unknown> | unknown[]>>((v) => Array.isArray(v));
/**
 * What a cache entry must hold to be used: findings of the shape reporters read, and, when
 * there is a draft, its text and blocks. Anything else (a forged or truncated entry) is a miss.
 */
const entrySchema = z.object({
  // (One check of the whole list: zod's own pass over each element of an array cost more than the check.)
  findings: z.custom<Array<z.infer<typeof findingSchema>>>((v) => Array.isArray(v) && v.every(isFinding)),
  doc: z
    .object({
      path: z.string(),
      text: z.string(),
      hash: z.string(),
      blocks: packedBlocks,
      language: z.object({ primary: z.string(), shares: z.record(z.string(), z.number()), blocks: z.array(z.string()) }),
    })
    .passthrough()
    .optional(),
});

function entryFile(folder: string, hash: string, file: string): string {
  return path.join(folder, entryName(hash, file));
}

function entryName(hash: string, file: string): string {
  return `${hashText('sha256', `${hash}\0${file}`, 'hex').slice(0, 32)}.entry`;
}

/** A draft's entry: `<32 hex>.entry` (see entry-file.ts). */
const ENTRY_FILE = /^[0-9a-f]{32}\.entry$/;

export function readCached(folder: string, hash: string, file: string): Analysis | undefined {
  const bytes = readEntryBytes(folder, hash, file);
  return bytes && entryOf(bytes, hash, file);
}

/**
 * The bytes of the entry of draft `file` with content `hash` (undefined for a miss); `entryOf`
 * checks them. Read with a blocking read: the entries are mostly in the page cache (the last
 * run wrote them), where a read returns at once, and reading them ahead in libuv's threads
 * cost this thread more in its four callbacks a file than the reads take (at 10,000 drafts a
 * rerun's pass over its unchanged drafts was 0.3–0.9 s faster in alternating reruns).
 */
export function readEntryBytes(folder: string, hash: string, file: string): Uint8Array | undefined {
  try {
    return readFileSync(entryFile(folder, hash, file));
  } catch {
    return undefined;
  }
}

/**
 * The analysis entry `bytes` hold for draft `file` with content `hash` (see entry-file.ts), or
 * undefined when they are not one.
 */
export function entryOf(bytes: Uint8Array, hash: string, file: string): Analysis | undefined {
  const parts = splitEntry(bytes);
  if (!parts) return undefined; // an entry a killed run left half-written: analyse again
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(parts.json) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const doc = entry?.doc as Record<string, unknown> | undefined;
  if (typeof doc === 'object' && doc !== null && parts.text !== undefined) {
    if (doc.text !== undefined) return undefined; // the text is kept once, beside the JSON
    doc.text = parts.text;
  }
  const checked = entrySchema.safeParse(entry);
  // An entry of another draft or of other bytes is not this draft's, whatever its name says.
  if (!checked.success || (checked.data.doc && (checked.data.doc.path !== file || checked.data.doc.hash !== hash))) return undefined;
  const analysis = entry as unknown as Analysis;
  if ('derived' in analysis) return undefined; // kept beside the JSON, never in it
  if (analysis.doc && !unpackBlocks(analysis.doc.blocks as unknown as Array<Record<string, unknown> | unknown[]>, analysis.doc.text)) return undefined;
  // (The line starts are the text's: worked out again, not kept.)
  if (analysis.doc) analysis.doc.lineStarts = lineStartsOf(analysis.doc.text);
  // The batch look's lines of the draft, kept for a rerun's batch look (see writeCached).
  const { lines } = entry;
  delete entry.lines;
  if (analysis.doc) primeCandidateLines(analysis.doc, lines);
  if (parts.fingerprint !== undefined && parts.citations !== undefined) {
    const fingerprint = fingerprintOf(parts.fingerprint);
    if (!fingerprint) return undefined;
    analysis.derived = { fingerprint, citations: lazyCitations(parts.citations) };
  } else if (parts.fingerprint !== undefined || parts.citations !== undefined) {
    return undefined;
  }
  return analysis;
}

const citationsSchema = z.object({ markers: z.array(anyRecord), entries: z.array(anyRecord), numberedEvidence: z.number() }).passthrough();

/**
 * A draft's citation extraction kept as JSON text, parsed when a stage first asks for it:
 * a rerun's unchanged drafts mostly never do (their clusters' findings are kept), and the
 * extraction is about a quarter of an entry's values. Text that does not parse or check is
 * no extraction: the draft's citations are extracted again.
 */
function lazyCitations(text: () => string): () => CiteExtraction | undefined {
  return () => {
    try {
      const checked = citationsSchema.safeParse(JSON.parse(text()));
      return checked.success ? (checked.data as unknown as CiteExtraction) : undefined;
    } catch {
      return undefined;
    }
  };
}

/**
 * Most blocks' text stands as it reads in the draft, at `textAt`: the entry keeps its length
 * there, not a second copy of the draft's text (block text is about half of an entry). Such a
 * block with nothing else to keep is written as the list of its numbers and kind,
 * `[index, kind, start, end, textAt, length]` (and its depth when it has one): a rerun parses
 * every block of every draft, and a list of numbers parses in about half the time of a record
 * with its keys (and is less than half its size). Any other block stays a record.
 */
function packBlock(b: Document['blocks'][number], source: string): unknown {
  const { text, ...rest } = b as unknown as BlockData;
  if (typeof rest.textAt !== 'number' || !source.startsWith(text, rest.textAt)) return { ...rest, text };
  if (rest.span === undefined) return rest.depth === undefined ? [rest.index, rest.kind, rest.start, rest.end, rest.textAt, text.length] : [rest.index, rest.kind, rest.start, rest.end, rest.textAt, text.length, rest.depth];
  return { ...rest, length: text.length };
}

/** Whether `v` is a whole number a block may hold (an index, an offset, a length or a depth). */
const count = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

/** The record of a block `packBlock` wrote as a list, its text still to be taken from the draft's; undefined when the list is not one it writes. */
function blockOfList(b: unknown[]): Record<string, unknown> | undefined {
  const [index, kind, start, end, textAt, length, depth] = b;
  if ((b.length !== 6 && b.length !== 7) || typeof kind !== 'string' || ![index, start, end, textAt, length].every(count) || (b.length === 7 && !count(depth))) return undefined;
  // (`length` last: taken off below, the record keeps its shape.)
  return b.length === 7 ? { index, kind, start, end, textAt, depth, length } : { index, kind, start, end, textAt, length };
}

/**
 * The blocks of an entry back as records, their text taken from the draft's (in place); false
 * when a block is neither a record nor a list `packBlock` writes, or names text the draft does
 * not hold.
 */
function unpackBlocks(blocks: Array<Record<string, unknown> | unknown[]>, source: string): boolean {
  for (let i = 0; i < blocks.length; i++) {
    const listed: unknown = blocks[i];
    const b = Array.isArray(listed) ? blockOfList(listed) : typeof listed === 'object' && listed !== null ? (listed as Record<string, unknown>) : undefined;
    if (!b) return false;
    blocks[i] = b;
    if (typeof b.text === 'string' && b.length === undefined) continue;
    const { textAt: at, length } = b;
    if (b.text !== undefined || !Number.isSafeInteger(at) || !Number.isSafeInteger(length)) return false;
    if ((at as number) < 0 || (length as number) < 0 || (at as number) + (length as number) > source.length) return false;
    b.text = source.slice(at as number, (at as number) + (length as number));
    delete b.length;
  }
  return true;
}

/**
 * Keeps `analysis` as the entry of draft `file` with content `hash`; false when it could not
 * be written (the run goes on: the cache only saves time, but the caller counts it, so a
 * cache that keeps too little is seen in `--verbose` rather than only in a slow rerun).
 */
export async function writeCached(folder: string, hash: string, file: string, analysis: Analysis): Promise<boolean> {
  const target = entryFile(folder, hash, file);
  const tmp = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  const { derived, cached: _cached, ...kept } = analysis;
  const cites = typeof derived?.citations === 'function' ? derived.citations() : derived?.citations;
  const { doc } = analysis;
  // A text that is not whole UTF-16 (a lone surrogate) would not come back from UTF-8: it stays in the JSON.
  // (String.prototype.isWellFormed is in Node 20, not yet in the ES2022 library types.)
  const text = doc && (doc.text as string & { isWellFormed(): boolean }).isWellFormed() ? doc.text : undefined;
  // With the line each block counts as in the batch look (debris/batch.ts): a rerun's batch
  // look reads its unchanged drafts' lines instead of working them out.
  const json = JSON.stringify(doc ? { ...kept, lines: candidateLines(doc) } : kept, function (this: unknown, key: string, value: unknown) {
    if (this !== doc) return value;
    if (key === 'lineStarts' || (key === 'text' && text !== undefined)) return undefined;
    return key === 'blocks' ? doc!.blocks.map((b) => packBlock(b, doc!.text)) : value;
  });
  const beside = derived && cites ? { citations: JSON.stringify(cites), fingerprint: fingerprintBytes(derived.fingerprint) } : {};
  try {
    await writeFile(tmp, joinEntry({ json, ...(text === undefined ? {} : { text }), ...beside }));
    await rename(tmp, target);
    return true;
  } catch {
    await rm(tmp, { force: true }); // the cache only saves time; a failed write is not an error
    return false;
  }
}

/** What the index compares of a draft (no `fs.Stats` in the shipped types: a user need not have Node's). */
export interface DraftStat {
  size: number;
  mtimeMs: number;
  /** A regular file (only those are looked up). */
  regular: boolean;
}

/** What `files.json` records of a draft: size, modification time (ms) and content hash. */
type Known = [size: number, mtimeMs: number, hash: string];

const INDEX_FILE = 'files.json';

/**
 * The drafts' sizes, times and hashes of the last run (see the file comment). Lives in the
 * main thread: it answers before any draft is handed to a worker, so a rerun with few
 * changes starts no threads.
 */
export class CacheIndex {
  readonly #folder: string;
  readonly #known: Map<string, Known>;
  #changed = false;

  private constructor(folder: string, known: Map<string, Known>) {
    this.#folder = folder;
    this.#known = known;
  }

  static async open(folder: string): Promise<CacheIndex> {
    let known = new Map<string, Known>();
    try {
      const parsed = JSON.parse(await readFile(path.join(folder, INDEX_FILE), 'utf8')) as unknown;
      if (parsed && typeof parsed === 'object') {
        known = new Map(Object.entries(parsed as Record<string, unknown>).filter((e): e is [string, Known] => isKnown(e[1])));
      }
    } catch {
      // no index yet, or a half-written one: every draft is read this time
    }
    return new CacheIndex(folder, known);
  }

  /** The content hash recorded for draft `rel` when its size and time are still `info`'s. */
  hashOf(rel: string, info: Pick<DraftStat, 'size' | 'mtimeMs'>): string | undefined {
    const known = this.#known.get(rel);
    return known && known[0] === info.size && known[1] === info.mtimeMs ? known[2] : undefined;
  }

  /** Records draft `rel` as it was stat-ed before it was read, with the hash of what was read. */
  record(rel: string, info: Pick<DraftStat, 'size' | 'mtimeMs'>, hash: string): void {
    const known = this.#known.get(rel);
    if (known && known[0] === info.size && known[1] === info.mtimeMs && known[2] === hash) return;
    this.#known.set(rel, [info.size, info.mtimeMs, hash]);
    this.#changed = true;
  }

  /** The drafts the index knows, with the hash of their last version. */
  drafts(): Array<[rel: string, hash: string]> {
    return [...this.#known].map(([rel, known]) => [rel, known[2]]);
  }

  /** Forgets draft `rel` (it is gone). */
  forget(rel: string): void {
    if (this.#known.delete(rel)) this.#changed = true;
  }

  async save(): Promise<void> {
    if (!this.#changed) return;
    const target = path.join(this.#folder, INDEX_FILE);
    const tmp = `${target}.${process.pid}.tmp`;
    try {
      await writeFile(tmp, JSON.stringify(Object.fromEntries(this.#known)));
      await rename(tmp, target);
      this.#changed = false;
    } catch {
      await rm(tmp, { force: true }); // the next run reads the drafts again; nothing is lost
    }
  }
}

function isKnown(value: unknown): value is Known {
  return Array.isArray(value) && value.length === 3 && typeof value[0] === 'number' && typeof value[1] === 'number' && typeof value[2] === 'string';
}

/** The stat of a draft for the index, or undefined when it cannot be stat-ed (the read says why). */
export function statOf(file: string): DraftStat | undefined {
  try {
    const info = statSync(file);
    return { size: info.size, mtimeMs: info.mtimeMs, regular: info.isFile() };
  } catch {
    return undefined;
  }
}

/**
 * Makes the folder for this configuration and removes the folders of other ones, and the
 * temporary entries of runs that were killed while writing them.
 */
export async function prepareCache(root: string, folder: string): Promise<void> {
  await mkdir(folder, { recursive: true });
  for (const name of await readdir(folder)) {
    const pid = /\.(\d+)\.[0-9a-z]*\.tmp$/.exec(name)?.[1];
    if (pid !== undefined && !processRuns(Number(pid))) await rm(path.join(folder, name), { force: true });
  }
  for (const entry of await readdir(root, { withFileTypes: true })) {
    if (entry.isDirectory() && path.join(root, entry.name) !== folder && /^[0-9a-f]{16}$/.test(entry.name)) {
      await rm(path.join(root, entry.name), { recursive: true, force: true });
    }
  }
}

/**
 * Removes from the cache folder what no later run can use, so that it holds an entry per
 * draft, as ESLint's cache does, instead of every version ever analysed (a rerun of 10,000
 * drafts with ten changed left 47,000 files and about 1 GB in the folder after four runs):
 * - always, the entry of every draft version the index no longer names (an edited draft's
 *   earlier analyses);
 * - when the run took every draft the index knows that still exists (a run on the batch, not
 *   on a few drafts named by hand), the drafts that are gone, and, with `pieces` (the run
 *   wrote its reports, so it read every piece a rerun on the same drafts reads), every piece
 *   of a later stage that it neither read nor wrote.
 * `drafts` are this run's (paths as the index holds them, relative to `cwd`). Returns the
 * number of files removed; a file that cannot be removed is left (the cache only saves time).
 */
export async function sweepCache(folder: string, drafts: ReadonlySet<string>, { cwd, pieces }: { cwd: string; pieces: boolean }): Promise<number> {
  const index = await CacheIndex.open(folder);
  const known = index.drafts();
  // An index that knows no draft (missing, or half-written by a killed run) says nothing of
  // what is current: nothing goes.
  if (known.length === 0) return 0;
  const outside = known.filter(([rel]) => !drafts.has(rel));
  const whole = outside.every(([rel]) => !existsSync(path.resolve(cwd, rel)));
  if (whole && outside.length > 0) {
    for (const [rel] of outside) index.forget(rel);
    await index.save();
  }
  const live = new Set(index.drafts().map(([rel, hash]) => entryName(hash, rel)));
  const used = piecesUsed(folder);
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const stale = ENTRY_FILE.test(name) ? !live.has(name) : whole && pieces && PIECE_FILE.test(name) && !used.has(name);
    if (!stale) continue;
    try {
      await rm(path.join(folder, name), { force: true });
      removed++;
    } catch {
      // left for the next run
    }
  }
  return removed;
}
