/**
 * The clean stage: one Markdown article per cluster, built from the canonical version's tree.
 */
import type { Root } from 'mdast';
import { unified } from 'unified';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import type { Change, Cluster, Document } from '../types.js';
import { titleOf, uniqueSlugs } from './slug.js';

export interface CleanOutput {
  /** Cluster id. */
  cluster: string;
  /** File name inside the output folder. */
  file: string;
  content: string;
}

const stringifier = unified()
  .use(remarkGfm)
  .use(remarkStringify, { bullet: '-', emphasis: '_', strong: '*', rule: '-', fences: true, listItemIndent: 'one' })
  .freeze();

export function toMarkdown(tree: Root): string {
  return stringifier.stringify(tree);
}

export function cleanCorpus(clusters: Cluster[], docs: Map<string, Document>): { outputs: CleanOutput[]; changes: Change[] } {
  const ordered = [...clusters].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const slugs = uniqueSlugs(ordered.map((c) => ({ key: c.id, title: titleOf(docs.get(c.canonical)!) })));
  const outputs = ordered.map((cluster) => {
    const canonical = docs.get(cluster.canonical)!;
    return { cluster: cluster.id, file: `${slugs.get(cluster.id)!}.md`, content: toMarkdown(canonical.tree) };
  });
  return { outputs, changes: [] };
}
