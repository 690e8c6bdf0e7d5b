/**
 * Clusters of several versions kept in the cache (`--cache`; see engine/pieces.ts): a rerun
 * takes the canonical choice, editions, alignments and diffs of a group of drafts none of
 * which changed instead of tokenising, profiling and aligning them again.
 *
 * The key holds what `makeCluster` reads: each draft's path, content hash (under the cache
 * folder's configuration and code, its blocks and fingerprint) and language profile, the
 * batch's publication languages, and whether the bilingual dictionary is in use. A kept
 * cluster is checked against its drafts before it is used: its paths are theirs and every
 * block index it names lies within the draft it names, so a forged entry cannot send a
 * later stage outside a draft.
 *
 * Beside them, the verdicts of the last run's block alignments between candidate drafts
 * (`keptVerdicts`): whether a pair's alignment reached the threshold depends on the two drafts,
 * the threshold and the dictionary only, so a rerun aligns again only the pairs a change
 * touched. They are one piece per threshold and dictionary use, replaced by each run's
 * verdicts; a pair is named by a hash of both drafts' paths, content hashes and language
 * profiles, so an edited draft's pairs are never found.
 */
import { z } from 'zod';
import type { Cluster, Document } from '../types.js';
import { KeyBuilder, type PieceCache } from '../engine/pieces.js';

const KIND = 'cluster';
const VERDICTS = 'realign';

const pair = z.object({ member: z.number().int().nonnegative().nullable(), canonical: z.number().int().nonnegative().nullable(), score: z.number() }).strict();
const alignment = z.object({ path: z.string(), similarity: z.number(), pairs: z.array(pair) }).strict();
const part = z
  .object({
    op: z.enum(['equal', 'insert', 'delete', 'replace']),
    canonical: z.number().int().nonnegative().optional(),
    member: z.number().int().nonnegative().optional(),
    words: z.array(z.object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() }).strict()).optional(),
  })
  .strict();
export const clusterSchema = z
  .object({
    id: z.string(),
    canonical: z.string(),
    members: z.array(z.object({ path: z.string(), similarity: z.number() }).strict()),
    alignments: z.array(alignment),
    diffs: z.array(z.object({ path: z.string(), parts: z.array(part) }).strict()),
    editions: z.array(z.object({ language: z.string(), canonical: z.string(), members: z.array(z.string()), alignments: z.array(alignment) }).strict()).optional(),
    reassigned: z.record(z.string(), z.string()).optional(),
  })
  .strict();

export function clusterKey(docs: readonly Document[], languages: readonly string[], bilingual: boolean): string {
  const key = new KeyBuilder().add(JSON.stringify(languages), bilingual ? 'bilingual' : 'one-script');
  for (const d of docs) key.add(d.path, d.hash, JSON.stringify(d.language));
  return key.digest();
}

/**
 * What later stages key their pieces by for a cluster (cleaning, the report's article): a
 * cluster of several versions is named by the key it was kept or made under (its content is
 * what `makeCluster` makes of those inputs, or the entry checked against them), any other by
 * a hash of its JSON. Worked out once per cluster: the JSON of a large one's alignments and
 * diffs is long, and each of those stages asked for it.
 */
export function clusterDigest(cluster: Cluster): string {
  let digest = digests.get(cluster);
  if (digest === undefined) digests.set(cluster, (digest = `json:${new KeyBuilder().add(JSON.stringify(cluster)).digest()}`));
  return digest;
}

const digests = new WeakMap<Cluster, string>();

/** Names `cluster` by the key it was kept or made under (see clusterDigest). */
export function noteClusterKey(cluster: Cluster, key: string): void {
  digests.set(cluster, `key:${key}`);
}

/** The kept cluster of `docs` (with `id`), when the cache holds a valid one. */
export function keptCluster(pieces: PieceCache, key: string, id: string, docs: readonly Document[]): Cluster | undefined {
  const kept = pieces.get(KIND, key, clusterSchema) as Cluster | undefined;
  return kept && fits(kept, id, docs) ? kept : undefined;
}

export function keepCluster(pieces: PieceCache, key: string, cluster: Cluster): void {
  pieces.set(KIND, key, cluster);
}

/** Whether `c` names only `docs` and, in each, only blocks it has. */
function fits(c: Cluster, id: string, docs: readonly Document[]): boolean {
  const blocks = new Map(docs.map((d) => [d.path, d.blocks.length]));
  const inRange = (file: string, index: number | null | undefined): boolean => index === null || index === undefined || index < (blocks.get(file) ?? 0);
  const aligned = (a: Cluster['alignments'][number], canonical: string): boolean =>
    blocks.has(a.path) && a.pairs.every((p) => inRange(a.path, p.member) && inRange(canonical, p.canonical));
  if (c.id !== id || !blocks.has(c.canonical) || c.members.some((m) => !blocks.has(m.path))) return false;
  if (!c.alignments.every((a) => aligned(a, c.canonical))) return false;
  if (!c.diffs.every((d) => blocks.has(d.path) && d.parts.every((p) => inRange(d.path, p.member) && inRange(c.canonical, p.canonical)))) return false;
  if (c.editions && !c.editions.every((e) => blocks.has(e.canonical) && e.members.every((m) => blocks.has(m)) && e.alignments.every((a) => aligned(a, e.canonical)))) return false;
  return Object.keys(c.reassigned ?? {}).every((p) => blocks.has(p));
}

/** The name of a pair of drafts in the kept verdicts (see the file comment). */
export function pairKey(a: Document, b: Document): string {
  return new KeyBuilder().add(a.path, a.hash, JSON.stringify(a.language), b.path, b.hash, JSON.stringify(b.language)).digest().slice(0, 32);
}

const verdictsSchema = z.record(z.string().regex(/^[0-9a-f]{32}$/), z.boolean());

function verdictsKey(threshold: number, bilingual: boolean): string {
  return new KeyBuilder().add(threshold, bilingual ? 'bilingual' : 'one-script').digest();
}

/** The alignment verdicts the last run kept, by `pairKey` (empty when there are none or they are not valid). */
export function keptVerdicts(pieces: PieceCache, threshold: number, bilingual: boolean): ReadonlyMap<string, boolean> {
  const kept = pieces.get(VERDICTS, verdictsKey(threshold, bilingual), verdictsSchema);
  return new Map(kept ? Object.entries(kept) : []);
}

/** Keeps this run's verdicts in place of the last run's (written only when they differ). */
export function keepVerdicts(pieces: PieceCache, threshold: number, bilingual: boolean, verdicts: ReadonlyMap<string, boolean>, last: ReadonlyMap<string, boolean>): void {
  if (verdicts.size === last.size && [...verdicts].every(([k, v]) => last.get(k) === v)) return;
  pieces.set(VERDICTS, verdictsKey(threshold, bilingual), Object.fromEntries([...verdicts].sort((x, y) => (x[0] < y[0] ? -1 : 1))));
}
