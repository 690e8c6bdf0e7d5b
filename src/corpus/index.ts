/**
 * The corpus stage: groups versions of one article into clusters.
 * (This first version makes every document a cluster of its own.)
 */
import { createHash } from 'node:crypto';
import type { Cluster, Document, ResolvedConfig } from '../types.js';

export function buildCorpus(docs: Document[], _config: ResolvedConfig): Cluster[] {
  return docs
    .map((doc) => ({
      id: `c-${createHash('sha256').update(doc.hash).digest('hex').slice(0, 12)}`,
      canonical: doc.path,
      members: [],
      alignments: [],
      diffs: [],
    }))
    .sort((a, b) => (a.canonical < b.canonical ? -1 : 1));
}
