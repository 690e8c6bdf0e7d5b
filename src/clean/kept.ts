/**
 * The cleaned articles of a cluster kept in the cache (`--cache`; see engine/pieces.ts): a
 * rerun takes the Markdown, changes and fixed findings of a cluster none of whose inputs
 * changed instead of parsing its drafts and cleaning them again.
 *
 * The key holds everything the cleaner reads: the cluster as the corpus stage made it (its
 * members, editions, alignments), and of each of its drafts the content hash (which, under
 * the cache folder's configuration and code, gives its text, blocks and tree), its language
 * profile (the corpus stage may have read a mixed draft again in another language) and its
 * findings, in order. Fixed and resolved findings are kept as their places in that list of
 * findings, so they name this run's findings.
 */
import { z } from 'zod';
import type { Change, Cluster, Document, Finding } from '../types.js';
import { KeyBuilder, type PieceCache } from '../engine/pieces.js';
import { clusterDigest } from '../corpus/kept.js';
import { findingsTextDigest } from '../engine/findings-digest.js';

/** What the cleaning made of one edition: the article, its changes and the findings it fixed. */
export interface KeptEdition {
  title: string;
  content: string;
  /** Changes with `output` left empty. */
  changes: Change[];
  /** Places in the cluster's findings (see `clusterFindings`) of the findings this edition resolved and fixed. */
  resolved: number[];
  fixed: number[];
}

const KIND = 'clean';

const point = z.object({ path: z.string(), line: z.number() }).strict();
const changeSchema = z
  .object({
    output: z.literal(''),
    kind: z.enum(['restored', 'inserted', 'removed', 'repaired', 'untranslated']),
    ruleId: z.string(),
    from: point,
    source: point.optional(),
    text: z.string().optional(),
    findings: z.array(z.object({ ruleId: z.string(), path: z.string(), line: z.number(), column: z.number() }).strict()).optional(),
  })
  .strict();
export const cleanedSchema = z.array(
  z
    .object({
      title: z.string(),
      content: z.string(),
      changes: z.array(changeSchema),
      resolved: z.array(z.number().int().nonnegative()),
      fixed: z.array(z.number().int().nonnegative()),
    })
    .strict(),
);

/** The drafts of a cluster, sorted: the canonical and every member. */
export function clusterPaths(cluster: Cluster): string[] {
  return [cluster.canonical, ...cluster.members.map((m) => m.path)].sort();
}

/** The findings on a cluster's drafts, in the order of `clusterPaths`, each draft's in their order. */
export function clusterFindings(paths: readonly string[], byPath: ReadonlyMap<string, Finding[]>): Finding[] {
  return paths.flatMap((p) => byPath.get(p) ?? []);
}

/** The key of a cluster's cleaning (see the file comment). */
export function cleaningKey(cluster: Cluster, paths: readonly string[], docs: ReadonlyMap<string, Document>, byPath: ReadonlyMap<string, Finding[]>): string {
  const key = new KeyBuilder().add(clusterDigest(cluster));
  for (const p of paths) {
    const doc = docs.get(p)!;
    key.add(p, doc.hash, doc.format, JSON.stringify(doc.language));
    key.add(findingsTextDigest(byPath.get(p) ?? []));
  }
  return key.digest();
}

/** The kept cleaning of a cluster with `editions` editions and `findings`, when the cache holds a valid one. */
export function keptCleaning(pieces: PieceCache, key: string, editions: number, findings: number): KeptEdition[] | undefined {
  const kept = pieces.get(KIND, key, cleanedSchema);
  if (!kept || kept.length !== editions) return undefined;
  if (kept.some((e) => e.resolved.some((i) => i >= findings) || e.fixed.some((i) => i >= findings))) return undefined;
  return kept as KeptEdition[];
}

/** Keeps a cluster's cleaning; nothing is kept when a fixed finding is not among the cluster's own. */
export function keepCleaning(pieces: PieceCache, key: string, editions: ReadonlyArray<{ title: string; content: string; changes: Change[]; resolved: Iterable<Finding>; fixed: Iterable<Finding> }>, findings: readonly Finding[]): void {
  const place = new Map(findings.map((f, i) => [f, i]));
  const places = (fs: Iterable<Finding>): number[] | undefined => {
    const out: number[] = [];
    for (const f of fs) {
      const i = place.get(f);
      if (i === undefined) return undefined;
      out.push(i);
    }
    return out.sort((a, b) => a - b);
  };
  const kept: KeptEdition[] = [];
  for (const e of editions) {
    const resolved = places(e.resolved);
    const fixed = places(e.fixed);
    if (!resolved || !fixed) return;
    kept.push({ title: e.title, content: e.content, changes: e.changes, resolved, fixed });
  }
  pieces.set(KIND, key, kept);
}
