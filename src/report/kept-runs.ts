/**
 * The per-draft arrays of audit.json (findings, citation and dose tables) and the results of
 * audit.sarif kept in the cache (`--cache`; see engine/pieces.ts) in groups of drafts, so that
 * a rerun writes what an unchanged group of drafts gave as the last run wrote it, without
 * making one element's JSON again. At 10,000 drafts these arrays are about 190 MB of text,
 * and making them again took a rerun about three seconds of its time.
 *
 * A group is the findings of up to DRAFTS_A_GROUP neighbouring drafts of the batch (by their
 * place in the sorted list of documents, so that a draft that gains or loses its last finding
 * moves no other group's bounds). Its key holds the hash of each draft's items (of its
 * findings, every field a reporter reads: see engine/findings-digest.ts; of the text its
 * tables are read from) and whatever else its writer reads of an item (`also`), so a group
 * is taken only when its text would be the same.
 */
import type { AuditResult, BlockEntry } from '../audit.js';
import { KeyBuilder, PieceCache } from '../engine/pieces.js';
import { WrittenArray } from './json-stream.js';

export const DRAFTS_A_GROUP = 50;

export interface KeptRunsOptions<T> {
  /** The piece kind: one per report array. */
  kind: string;
  /**
   * A hash of everything a run of one draft's items shows (see engine/findings-digest.ts), or undefined
   * when there is none: the run's group is then written anew and not kept.
   */
  digest: (run: readonly T[]) => string | undefined;
  /** What else than the item its text depends on (the gate's state of a finding, say), for the key. */
  also?: (item: T) => string;
  /** What every element's text depends on beside its item (the rule list's order, say), for the key. */
  salt?: string;
}

/**
 * `items` (a report array of per-draft entries, sorted by path) written as a JSON array's
 * elements by `write`: with the run's cache, each group of neighbouring drafts' items is
 * written as kept by an earlier run or made and kept; without it (`undefined`), the caller
 * writes the array as it always has.
 */
export function keptRuns<T extends { path: string }>(result: AuditResult, items: readonly T[], write: (item: T, indent: string) => string, options: KeptRunsOptions<T>): WrittenArray | undefined {
  if (!result.cacheFolder) return undefined;
  const pieces = new PieceCache(result.cacheFolder);
  const places = new Map(result.documents.map((d, i) => [d.path, i]));
  return new WrittenArray(function* (indent) {
    for (const group of groups(items, places)) {
      const key = new KeyBuilder().add(options.kind, options.salt ?? '', indent, group.length);
      let keyed = true;
      for (const run of group) {
        const digest = options.digest(run);
        if (digest === undefined) keyed = false;
        key.add(digest ?? '');
        if (options.also) for (const item of run) key.add(options.also(item));
      }
      const digest = key.digest();
      const kept = keyed ? pieces.getBytes(options.kind, digest) : undefined;
      if (kept !== undefined) {
        yield kept;
        continue;
      }
      const text = group.map((run) => run.map((item) => write(item, indent)).join(`,\n${indent}`)).join(`,\n${indent}`);
      if (keyed) pieces.setText(options.kind, digest, text);
      yield text;
    }
  });
}

/**
 * A hash of a draft's text and of its blocks as the report shows them, made once (audit.json's
 * tables, a draft's detail and its article's all hold them). The text gives every block but
 * for its language (the cache folder is one per version, code and configuration, and the
 * parse of a text is the same in each run of them), so only the blocks' languages are hashed
 * beside it, not a serialisation of every block. The text stands in as the hash of the
 * draft's bytes when the result has it (`hash`: the bytes give the text, and hashing 10,000
 * drafts' text again cost a rerun a tenth of a second); without either, the blocks are hashed whole.
 */
export function draftDigest(blocks: readonly BlockEntry[], source: string | undefined, hash?: string): string {
  let digest = blockDigests.get(blocks);
  if (digest === undefined) {
    const key = new KeyBuilder();
    if (hash !== undefined) key.add('bytes', hash, blocks.length, blocks.map((b) => b.lang).join(' '));
    else if (source === undefined) key.add('blocks', JSON.stringify(blocks));
    else key.add('text', source, blocks.length, blocks.map((b) => b.lang).join(' '));
    blockDigests.set(blocks, (digest = key.digest()));
  }
  return digest;
}

/** `draftDigest` of draft `file` of `result`, its blocks `blocks`. */
export function draftDigestIn(result: AuditResult, file: string, blocks: readonly BlockEntry[]): string {
  return draftDigest(blocks, result.sources?.[file], result.hashes?.[file]);
}

const blockDigests = new WeakMap<readonly BlockEntry[], string>();

/**
 * The digest of what a draft's text gives alone (its citation and dose tables), by the run of
 * its one entry: undefined when the result holds no text for it.
 */
export function textDigestOf(result: AuditResult): (run: ReadonlyArray<{ path: string }>) => string | undefined {
  return (run) => {
    const file = run[0]!.path;
    const source = result.sources?.[file];
    const blocks = result.blocks[file];
    return source === undefined || blocks === undefined || run.length !== 1 ? undefined : `${file}\u0000${draftDigestIn(result, file, blocks)}`;
  };
}

/**
 * `items` cut into runs of one draft each, and the runs gathered in groups of the drafts
 * that share a group of DRAFTS_A_GROUP places (a path outside the documents is a group of its own).
 */
function* groups<T extends { path: string }>(items: readonly T[], places: ReadonlyMap<string, number>): Generator<T[][]> {
  let group: T[][] = [];
  let groupId: number | string | undefined;
  let run: T[] = [];
  for (const f of items) {
    if (run.length > 0 && run[0]!.path === f.path) {
      run.push(f);
      continue;
    }
    if (run.length > 0) group.push(run);
    run = [f];
    const place = places.get(f.path);
    const id = place === undefined ? `\u0000${f.path}` : Math.floor(place / DRAFTS_A_GROUP);
    if (id !== groupId) {
      if (group.length > 0) yield group;
      group = [];
      groupId = id;
    }
  }
  if (run.length > 0) group.push(run);
  if (group.length > 0) yield group;
}
