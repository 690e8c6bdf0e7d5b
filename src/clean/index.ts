/**
 * The clean stage: one Markdown article per cluster (see cluster.ts for what cleaning does),
 * with YAML front matter naming its versions and the findings still open.
 */
import type { Root } from 'mdast';
import { unified } from 'unified';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import remarkStringify from 'remark-stringify';
import type { Change, Cluster, Document, Finding } from '../types.js';
import { uniqueSlugs } from './slug.js';
import { cleanCluster } from './cluster.js';
import { releaseTree } from '../document.js';
import { cmp } from '../order.js';
import { groupBy } from '../collections.js';

export interface CleanOutput {
  /** Cluster id. */
  cluster: string;
  /** File name inside the output folder. */
  file: string;
  /** Title of the cleaned article. */
  title: string;
  content: string;
}

const stringifier = unified()
  .use(remarkGfm)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkStringify, { bullet: '-', emphasis: '_', strong: '*', rule: '-', fences: true, listItemIndent: 'one' })
  .freeze();

export function toMarkdown(tree: Root): string {
  return stringifier.stringify(tree);
}

/** YAML front matter; strings are written as JSON strings, which YAML reads as they are. */
export function frontMatter(fields: { title: string; canonical: string; sources: string[]; errors: number; warnings: number }): string {
  return [
    `title: ${JSON.stringify(fields.title)}`,
    `canonical: ${JSON.stringify(fields.canonical)}`,
    'sources:',
    ...fields.sources.map((s) => `  - ${JSON.stringify(s)}`),
    `errors: ${fields.errors}`,
    `warnings: ${fields.warnings}`,
  ].join('\n');
}

export function cleanCorpus(
  clusters: Cluster[],
  docs: Map<string, Document>,
  findings: Finding[],
  /** Called after each cluster, once its trees are let go (the engine collects garbage there). */
  afterCluster: () => void = () => {},
): { outputs: CleanOutput[]; changes: Change[] } {
  const byPath = groupBy(findings, (f) => f.path);
  const ordered = [...clusters].sort((a, b) => cmp(a.id, b.id));
  // Each article is written out as soon as it is cleaned, so no tree outlives its cluster;
  // only the file name waits for every title (collisions are numbered in cluster order).
  const cleaned = ordered.map((cluster) => {
    const result = cleanCluster(cluster, docs, byPath);
    for (const p of [cluster.canonical, ...cluster.members.map((m) => m.path)]) releaseTree(docs.get(p)!);
    afterCluster();
    // Still open: what the canonical's findings say and the cleaning did not resolve.
    const open = (byPath.get(cluster.canonical) ?? []).filter((f) => !result.resolved.has(f));
    const tree: Root = {
      type: 'root',
      children: [
        {
          type: 'yaml',
          value: frontMatter({
            title: result.title,
            canonical: cluster.canonical,
            sources: [cluster.canonical, ...cluster.members.map((m) => m.path)].sort(),
            errors: open.filter((f) => f.severity === 'error').length,
            warnings: open.filter((f) => f.severity === 'warning').length,
          }),
        },
        ...result.tree.children.filter((n) => n.type !== 'yaml'),
      ],
    };
    return { cluster, title: result.title, content: toMarkdown(tree), changes: result.changes };
  });
  const slugs = uniqueSlugs(cleaned.map(({ cluster, title }) => ({ key: cluster.id, title })));

  const outputs: CleanOutput[] = [];
  const changes: Change[] = [];
  for (const { cluster, title, content, changes: own } of cleaned) {
    const file = `${slugs.get(cluster.id)!}.md`;
    outputs.push({ cluster: cluster.id, file, title, content });
    for (const c of own) changes.push({ ...c, output: file });
  }
  changes.sort((a, b) => cmp(a.output, b.output) || cmp(a.from.path, b.from.path) || a.from.line - b.from.line || cmp(a.kind, b.kind));
  return { outputs, changes };
}

