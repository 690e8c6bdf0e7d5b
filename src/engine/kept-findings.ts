/**
 * The cluster rules' findings on a cluster of several versions, kept in the cache (`--cache`;
 * see pieces.ts) so that a rerun runs the cluster rules again only on the clusters a change
 * touched. What the rules read of a cluster is the cluster and its drafts; the cluster's
 * digest (corpus/kept.ts) names both, its drafts by path, content hash and language profile,
 * and the cache folder is one per configuration and code. A crash is never kept, and a kept
 * finding must name one of the cluster's drafts, so a forged entry cannot put a finding on a
 * draft outside the cluster.
 */
import { z } from 'zod';
import { clusterDigest } from '../corpus/kept.js';
import type { Cluster, Finding } from '../types.js';
import type { PieceCache } from './pieces.js';
import { findingSchema, pointSchema } from './cache.js';

const KIND = 'findings-of-cluster';

// The cache's finding (cache.ts), held strictly here, with the data a cluster rule attaches.
const point = pointSchema.strict();
export const clusterFindingsSchema = z.array(
  findingSchema.extend({ span: z.object({ start: point, end: point }).strict(), data: z.record(z.string(), z.unknown()).optional() }).strict(),
);

/** The findings `run` gives on `cluster`, kept by an earlier run when the cluster is unchanged. */
export function keptClusterFindings(pieces: PieceCache, cluster: Cluster, run: () => Finding[]): Finding[] {
  const key = clusterDigest(cluster);
  const paths = new Set([cluster.canonical, ...cluster.members.map((m) => m.path)]);
  const kept = pieces.get(KIND, key, clusterFindingsSchema) as Finding[] | undefined;
  if (kept && kept.every((f) => paths.has(f.path))) return kept;
  const found = run();
  if (!found.some((f) => f.ruleId === 'internal/rule-crash')) pieces.set(KIND, key, found);
  return found;
}
