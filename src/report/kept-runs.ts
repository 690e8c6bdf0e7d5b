/**
 * The findings of audit.json and the results of audit.sarif kept in the cache (`--cache`;
 * see engine/pieces.ts) in groups of drafts, so that a rerun writes what an unchanged group
 * of drafts found as the last run wrote it, without making one finding's JSON again. At
 * 10,000 drafts the two arrays are about 150 MB of text, and making them again took a rerun
 * about three seconds of its time.
 *
 * A group is the findings of up to DRAFTS_A_GROUP neighbouring drafts of the batch (by their
 * place in the sorted list of documents, so that a draft that gains or loses its last finding
 * moves no other group's bounds). Its key holds the hash of each draft's findings as
 * JSON.stringify gives them (every field a reporter reads) and whatever else its writer
 * reads of a finding (`also`), so a group is taken only when its text would be the same.
 */
import type { AuditResult } from '../audit.js';
import { KeyBuilder, PieceCache } from '../engine/pieces.js';
import type { Finding } from '../types.js';
import { WrittenArray } from './json-stream.js';

export const DRAFTS_A_GROUP = 50;

/** Digests of runs of one draft's findings, by the run's first finding (see findingsDigest). */
const runDigests = new WeakMap<Finding, { last: Finding; length: number; digest: string }>();

/**
 * A hash of `findings` (one draft's, in report order) as JSON.stringify gives each, made once
 * for every reporter that asks: a list with the same first and last finding and length as
 * one hashed before is that list, as a draft's findings stand together in the report.
 */
export function findingsDigest(findings: readonly Finding[]): string {
  const first = findings[0];
  if (first === undefined) return 'none';
  const last = findings[findings.length - 1]!;
  const known = runDigests.get(first);
  if (known && known.last === last && known.length === findings.length) return known.digest;
  const key = new KeyBuilder();
  for (const f of findings) key.add(JSON.stringify(f));
  const digest = key.digest();
  runDigests.set(first, { last, length: findings.length, digest });
  return digest;
}

export interface KeptRunsOptions {
  /** The piece kind: one per report array. */
  kind: string;
  /** What else than the finding its text depends on (the gate's state of it, say), for the key. */
  also?: (f: Finding) => string;
  /** What every element's text depends on beside its finding (the rule list's order, say), for the key. */
  salt?: string;
}

/**
 * `findings` written as a JSON array's elements by `write`: with the run's cache, each group
 * of neighbouring drafts' findings is written as kept by an earlier run or made and kept;
 * without it (`undefined`), the caller writes the array as it always has.
 */
export function keptRuns(result: AuditResult, findings: readonly Finding[], write: (f: Finding, indent: string) => string, options: KeptRunsOptions): WrittenArray | undefined {
  if (!result.cacheFolder) return undefined;
  const pieces = new PieceCache(result.cacheFolder);
  const places = new Map(result.documents.map((d, i) => [d.path, i]));
  return new WrittenArray(function* (indent) {
    for (const group of groups(findings, places)) {
      const key = new KeyBuilder().add(options.kind, options.salt ?? '', indent, group.length);
      for (const run of group) {
        key.add(findingsDigest(run));
        if (options.also) for (const f of run) key.add(options.also(f));
      }
      const digest = key.digest();
      const kept = pieces.getText(options.kind, digest);
      if (kept !== undefined) {
        yield kept;
        continue;
      }
      const text = group.map((run) => run.map((f) => write(f, indent)).join(`,\n${indent}`)).join(`,\n${indent}`);
      pieces.setText(options.kind, digest, text);
      yield text;
    }
  });
}

/**
 * `findings` cut into runs of one draft each, and the runs gathered in groups of the drafts
 * that share a group of DRAFTS_A_GROUP places (a path outside the documents is a group of its own).
 */
function* groups(findings: readonly Finding[], places: ReadonlyMap<string, number>): Generator<Finding[][]> {
  let group: Finding[][] = [];
  let groupId: number | string | undefined;
  let run: Finding[] = [];
  for (const f of findings) {
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
