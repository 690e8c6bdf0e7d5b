/**
 * Pieces of later stages kept in the cache folder (`--cache`) beside the per-draft analyses,
 * so that a rerun does for an unchanged article or draft no more than read what the last run
 * made of it: the cleaned article of an edition (keyed by everything the cleaner reads of its
 * drafts), the rendering of a cleaned article in the HTML report (keyed by its Markdown).
 *
 * A piece is found by a key its user makes of every input; the folder is already one per
 * configuration, tool version, code and knowledge base (see cacheFolder), so the key need
 * not hold those. An entry holds its kind and the whole key's hash, and is checked on reading
 * by the schema its user gives (which should be strict: the value is used as it was stored;
 * a text piece, read by `getBytes`, is any text and needs none): an entry of another kind or
 * key, a half-written or a forged one is a miss, never an error. Writes go to a temporary
 * file renamed into place, and a failed write is not an error either: the cache only saves
 * time.
 */
import { createHash, hash, type Hash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';

/** The piece files of each cache folder the current run read or wrote (see `sweepCache`). */
const usedFiles = new Map<string, Set<string>>();

/** Names of the piece files of `folder` read or written since the run began (`beginPieces`). */
export function piecesUsed(folder: string): ReadonlySet<string> {
  return usedFiles.get(folder) ?? new Set();
}

/** A run on `folder` begins: the pieces earlier runs of this process used are not its own. */
export function beginPieces(folder: string): void {
  usedFiles.delete(folder);
  vouches.delete(folder);
}

/** A piece file the piece checker found valid (see vouch.ts): the SHA-256 of the bytes it checked, and what it noted of them. */
export interface Vouch {
  sha: string;
  note: string;
}

/** The piece files of each cache folder vouched for during the current run, by name. */
const vouches = new Map<string, Map<string, Vouch>>();

/** Records the piece checker's vouches for piece files of `folder` (see vouch.ts). */
export function addVouches(folder: string, found: ReadonlyArray<readonly [name: string, vouch: Vouch]>): void {
  let known = vouches.get(folder);
  if (!known) vouches.set(folder, (known = new Map()));
  for (const [name, vouch] of found) known.set(name, vouch);
}

/**
 * The key's hash and the value a JSON piece file's `bytes` hold, when they are a piece of
 * `kind` (the value unchecked); undefined for other JSON or none (a half-written file).
 */
export function pieceOf(bytes: Uint8Array, kind: string): { key: string; value: unknown } | undefined {
  // (Typed as bytes, not a Buffer: the shipped declarations need no Node types.)
  let e: { kind?: unknown; key?: unknown; value?: unknown } | null;
  try {
    e = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')) as typeof e;
  } catch {
    return undefined;
  }
  return e && e.kind === kind && typeof e.key === 'string' ? { key: e.key, value: e.value } : undefined;
}

/** A piece file's name: `kind-<32 hex>.json`, or `.txt` for text (what `sweepCache` tells from the drafts' entries). */
export const PIECE_FILE = /^[a-z][a-z-]*-[0-9a-f]{32}\.(?:json|txt)$/;

export class PieceCache {
  readonly folder: string;
  /** Pieces found and pieces made (for the benchmark and `--verbose`). */
  readonly stats = { hits: 0, misses: 0 };

  constructor(folder: string) {
    this.folder = folder;
  }

  /** The piece of `kind` stored under `key`, when there is a valid one. */
  get<T>(kind: string, key: string, schema: z.ZodType<T>): T | undefined {
    return this.getVouched(kind, key, schema)?.value;
  }

  /**
   * `get`, and what the piece checker noted of the piece when it vouched for these very bytes
   * (see vouch.ts; `vouch` is then a string, and the schema is not run again here).
   */
  getVouched<T>(kind: string, key: string, schema: z.ZodType<T>): { value: T; vouch?: string } | undefined {
    const digest = keyDigest(kind, key);
    const name = this.#name(kind, digest);
    let bytes: Buffer;
    try {
      bytes = readFileSync(path.join(this.folder, name));
    } catch {
      this.stats.misses++;
      return undefined;
    }
    const piece = pieceOf(bytes, kind);
    const vouched = piece && vouches.get(this.folder)?.get(name);
    const vouch = vouched && createHash('sha256').update(bytes).digest('hex') === vouched.sha ? vouched.note : undefined;
    if (!piece || piece.key !== digest || (vouch === undefined && !schema.safeParse(piece.value).success)) {
      this.stats.misses++;
      return undefined;
    }
    this.stats.hits++;
    this.#used(kind, digest);
    // The value as it was stored (a schema's output would put an object's keys in the schema's order).
    return { value: piece.value as T, ...(vouch === undefined ? {} : { vouch }) };
  }

  /**
   * Counts the piece of `kind` under `key` as used without reading it: a piece that stands
   * inside a larger one this run took whole (a draft's detail in its kept group) is what the
   * next run reads when the group changes.
   */
  touch(kind: string, key: string): void {
    this.#used(kind, keyDigest(kind, key));
  }

  /** Stores `value` (JSON-serialisable) as the piece of `kind` under `key`. */
  set(kind: string, key: string, value: unknown): void {
    const digest = keyDigest(kind, key);
    this.#write(kind, digest, JSON_EXT, JSON.stringify({ kind, key: digest, value }));
  }

  /**
   * The UTF-8 bytes of the text stored as the piece of `kind` under `key` by `setText`, when
   * there is one. A text piece is a line naming its kind, key's hash and byte length, then
   * the text as it is: a report's kept run of hundreds of kilobytes is read without a JSON
   * string's unescaping and goes to the report without being decoded, and any text is a
   * valid value.
   */
  getBytes(kind: string, key: string): Uint8Array | undefined {
    const digest = keyDigest(kind, key);
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.#file(kind, digest, TEXT));
    } catch {
      this.stats.misses++;
      return undefined;
    }
    const newline = bytes.indexOf(0x0a);
    // A text cut short or of another kind or key is a miss (the header tells the text's length).
    if (newline < 0 || bytes.toString('latin1', 0, newline + 1) !== textHeader(kind, digest, bytes.length - newline - 1)) {
      this.stats.misses++;
      return undefined;
    }
    this.stats.hits++;
    this.#used(kind, digest, TEXT);
    return bytes.subarray(newline + 1);
  }

  /** Stores `text` as the piece of `kind` under `key` (read back by `getBytes`). */
  setText(kind: string, key: string, text: string): void {
    const digest = keyDigest(kind, key);
    this.#write(kind, digest, TEXT, textHeader(kind, digest, Buffer.byteLength(text)) + text);
  }

  #write(kind: string, digest: string, ext: string, content: string): void {
    const target = this.#file(kind, digest, ext);
    const tmp = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      writeFileSync(tmp, content);
      renameSync(tmp, target);
      this.#used(kind, digest, ext);
    } catch {
      rmSync(tmp, { force: true });
    }
  }

  #name(kind: string, digest: string, ext = JSON_EXT): string {
    return `${kind}-${digest.slice(0, 32)}${ext}`;
  }

  #file(kind: string, digest: string, ext = JSON_EXT): string {
    return path.join(this.folder, this.#name(kind, digest, ext));
  }

  #used(kind: string, digest: string, ext = JSON_EXT): void {
    let used = usedFiles.get(this.folder);
    if (!used) usedFiles.set(this.folder, (used = new Set()));
    used.add(this.#name(kind, digest, ext));
  }
}

const JSON_EXT = '.json';
const TEXT = '.txt';

/** The first line of a text piece (ASCII): its kind, its key's whole hash and the text's length in UTF-8 bytes. */
function textHeader(kind: string, digest: string, length: number): string {
  return `${JSON.stringify({ kind, key: digest, length })}\n`;
}

/** The hash a piece of `kind` under `key` is stored by (its file is named by its first 32 digits). */
export function keyDigest(kind: string, key: string): string {
  return hash('sha256', `${kind}\0${key}`, 'hex');
}

/** A hash of a piece's inputs, built as they are met (in chunks, never the whole key as one string). */
export class KeyBuilder {
  #hash: Hash | undefined;
  // Parts gathered into one string and hashed a chunk at a time: the hash of the whole stream
  // is the same, and a key of many short parts (a draft's findings, each as JSON) made two
  // calls into the hash per part, which cost about half of a rerun's hashing. Most keys stay
  // shorter than a chunk: they are hashed in one call at the end, with no Hash object made
  // (tens of thousands of keys in a rerun of a large batch).
  #pending = '';

  add(...parts: ReadonlyArray<string | number>): this {
    for (const p of parts) this.#pending += `${p}\0`;
    if (this.#pending.length >= PENDING_CHARS) {
      (this.#hash ??= createHash('sha256')).update(this.#pending);
      this.#pending = '';
    }
    return this;
  }

  digest(): string {
    return this.#hash ? this.#hash.update(this.#pending).digest('hex') : hash('sha256', this.#pending, 'hex');
  }
}

/** Characters a KeyBuilder gathers before it hashes them. */
const PENDING_CHARS = 1 << 16;
