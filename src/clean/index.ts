/**
 * The clean stage: one Markdown article per edition of each cluster (see cluster.ts for what
 * cleaning does), with YAML front matter naming its versions and the findings still open.
 * The primary edition is written as `<slug>.md`, each other as `<slug>.<tag>.md` (`.zh.md`
 * for Chinese), the slug coming from the primary edition's title. `resolved` is every
 * finding a change of the cleaning fixed (the rest are open).
 */
import type { Root } from 'mdast';
import type { ArticleHtml, Change, Cluster, Document, Edition, Finding } from '../types.js';
import { languageTag } from '../lang/names.js';
import { Slugs } from './slug.js';
import { cleanCluster } from './cluster.js';
import { fixedFindings, goneFromArticle } from './fixed.js';
import { releaseTree } from '../document.js';
import { cmp } from '../order.js';
import { groupBy } from '../collections.js';
import { MarkdownWriter, type RenderArticle, type Written } from './markdown.js';
import { MADE_SAFE, makeSafe } from './safe.js';
import { yieldToWorkers, type Pool } from '../engine/pool.js';
import type { PieceCache } from '../engine/pieces.js';
import { cleaningKey, clusterFindings, clusterPaths, keepCleaning, keptCleaning } from './kept.js';

export interface CleanOutput {
  /** Cluster id. */
  cluster: string;
  /** Language of the edition (ISO 639-3). */
  language?: string;
  /** False for an edition other than the cluster's primary one (which `clusters[].output` names). */
  primary?: boolean;
  /** File name inside the output folder. */
  file: string;
  /** Title of the cleaned article. */
  title: string;
  /** The drafts it is made from (the cluster's members), sorted. */
  sources: string[];
  content: string;
  /** The article rendered for the HTML report, when the run was asked to render it (see CleanOptions.render). */
  html?: ArticleHtml;
}

/** YAML front matter; strings are written as JSON strings, which YAML reads as they are. */
export function frontMatter(fields: { title: string; canonical: string; language?: string; sources: string[]; errors: number; warnings: number }): string {
  return [
    `title: ${JSON.stringify(fields.title)}`,
    `canonical: ${JSON.stringify(fields.canonical)}`,
    ...(fields.language ? [`language: ${JSON.stringify(fields.language)}`] : []),
    'sources:',
    ...fields.sources.map((s) => `  - ${JSON.stringify(s)}`),
    `errors: ${fields.errors}`,
    `warnings: ${fields.warnings}`,
  ].join('\n');
}

export interface CleanOptions {
  /** Worker threads to share the writing of Markdown with (see markdown.ts). */
  pool?: Pool;
  /** Called after each cluster, once its trees are let go (the engine collects garbage there). */
  afterCluster?: () => void;
  /**
   * Whether a file name is taken by another article's output (written by an earlier run on
   * other drafts) for an article made from `sources`: such a name is not reused.
   */
  taken?: (file: string, sources: readonly string[]) => boolean;
  /** Where the cleaning of each cluster is kept for the next run, and taken from when its inputs are unchanged (see kept.ts). */
  pieces?: PieceCache;
  /** Renders each article written in this run for the HTML report, in the thread that writes it (see markdown.ts). */
  render?: RenderArticle;
}

export async function cleanCorpus(
  clusters: Cluster[],
  docs: Map<string, Document>,
  findings: Finding[],
  options: CleanOptions = {},
): Promise<{ outputs: CleanOutput[]; changes: Change[]; fixed: Set<Finding>; resolved: Set<Finding> }> {
  const byPath = groupBy(findings, (f) => f.path);
  const ordered = [...clusters].sort((a, b) => cmp(a.id, b.id));
  const markdown = new MarkdownWriter(options.pool, options.render);
  // Each article's Markdown is written as soon as it is cleaned, so no tree outlives its
  // cluster; file names are given in cluster order (a title met again is numbered).
  const slugs = new Slugs();
  const written: Array<Omit<CleanOutput, 'content'> & { content: Promise<Written> }> = [];
  const changes: Change[] = [];
  const fixed = new Set<Finding>();
  const resolved = new Set<Finding>();
  // Clusters cleaned in this run, to be kept once their Markdown is written.
  const toKeep: Array<{ key: string; findings: Finding[]; editions: Array<{ title: string; changes: Change[]; resolved: Set<Finding>; fixed: Set<Finding>; at: number }> }> = [];
  for (const cluster of ordered) {
    const editions = editionsOf(cluster, docs);
    // Its drafts, sorted: the sources of its articles, and what the kept cleaning is keyed by.
    const paths = clusterPaths(cluster);
    // The file names of its editions for an article title (a slug no other cluster's file takes).
    const fileNames = (title: string): string[] => {
      const names = (slug: string): string[] => editions.map((e, i) => (i === 0 ? `${slug}.md` : `${slug}.${languageTag(e.language)}.md`));
      const taken = options.taken;
      return names(slugs.take(title, taken ? (candidate) => names(candidate).some((file) => taken(file, paths)) : undefined));
    };
    const key = options.pieces ? cleaningKey(cluster, paths, docs, byPath) : '';
    const own = options.pieces ? clusterFindings(paths, byPath) : [];
    const kept = options.pieces ? keptCleaning(options.pieces, key, editions.length, own.length) : undefined;
    if (kept) {
      // Unchanged since the run that kept it: its articles as they were, no draft parsed.
      const files = fileNames(kept[0]!.title);
      kept.forEach((k, i) => {
        const file = files[i]!;
        written.push({ cluster: cluster.id, language: editions[i]!.language, primary: i === 0, file, title: k.title, sources: [...editions[i]!.members].sort(), content: Promise.resolve({ markdown: k.content }) });
        for (const c of k.changes) changes.push({ ...c, output: file });
        for (const at of k.resolved) resolved.add(own[at]!);
        for (const at of k.fixed) fixed.add(own[at]!);
      });
      options.afterCluster?.();
      continue;
    }
    const cleaned = editions.map((edition) => {
      const view = editionView(cluster, edition);
      const result = cleanCluster(view, docs, byPath);
      const sanitised = makeSafe(result.tree);
      // Markup the sanitiser took out, though no repair was made for it.
      for (const f of goneFromArticle(docs.get(view.canonical)!, byPath.get(view.canonical) ?? [], result.resolved, sanitised)) result.resolved.add(f);
      const fixedHere = new Set(fixedFindings(view, docs, byPath, result));
      // What makeSafe drops is gone from the article whichever version it came from.
      for (const p of [view.canonical, ...view.members.map((m) => m.path)]) {
        for (const f of byPath.get(p) ?? []) {
          if (!MADE_SAFE.has(f.ruleId)) continue;
          fixedHere.add(f);
          result.resolved.add(f);
        }
      }
      for (const f of fixedHere) fixed.add(f);
      return { edition, view, result, fixedHere };
    });
    for (const p of [cluster.canonical, ...cluster.members.map((m) => m.path)]) releaseTree(docs.get(p)!);
    options.afterCluster?.();
    const files = fileNames(cleaned[0]!.result.title);
    const keeping = options.pieces ? { key, findings: own, editions: [] as Array<{ title: string; changes: Change[]; resolved: Set<Finding>; fixed: Set<Finding>; at: number }> } : undefined;
    if (keeping) toKeep.push(keeping);
    cleaned.forEach(({ edition, view, result, fixedHere }, i) => {
      // Still open: what the canonical's findings say and the cleaning did not resolve.
      const open = (byPath.get(view.canonical) ?? []).filter((f) => !result.resolved.has(f));
      const sources = [...edition.members].sort();
      const tree: Root = {
        type: 'root',
        children: [
          {
            type: 'yaml',
            value: frontMatter({
              title: result.title,
              canonical: view.canonical,
              ...(editions.length > 1 ? { language: edition.language } : {}),
              sources,
              errors: open.filter((f) => f.severity === 'error').length,
              warnings: open.filter((f) => f.severity === 'warning').length,
            }),
          },
          ...result.tree.children.filter((n) => n.type !== 'yaml'),
        ],
      };
      const file = files[i]!;
      keeping?.editions.push({ title: result.title, changes: result.changes, resolved: result.resolved, fixed: fixedHere, at: written.length });
      written.push({ cluster: cluster.id, language: edition.language, primary: i === 0, file, title: result.title, sources, content: markdown.write(tree) });
      for (const c of result.changes) changes.push({ ...c, output: file });
      for (const f of result.resolved) resolved.add(f);
    });
    await yieldToWorkers(options.pool);
  }
  await markdown.flush();
  const outputs = await Promise.all(
    written.map(async (w): Promise<CleanOutput> => {
      const { markdown: content, html } = await w.content;
      return { ...w, content, ...(html ? { html } : {}) };
    }),
  );
  const pieces = options.pieces;
  if (pieces) for (const k of toKeep) keepCleaning(pieces, k.key, k.editions.map((e) => ({ ...e, content: outputs[e.at]!.content })), k.findings);
  changes.sort((a, b) => cmp(a.output, b.output) || cmp(a.from.path, b.from.path) || a.from.line - b.from.line || cmp(a.kind, b.kind));
  return { outputs, changes, fixed, resolved };
}


/** The cluster's editions, the primary first; a cluster the corpus stage gave none has one, of all its drafts. */
export function editionsOf(cluster: Cluster, docs: Map<string, Document>): Edition[] {
  if (cluster.editions && cluster.editions.length > 0) return cluster.editions;
  const members = [cluster.canonical, ...cluster.members.map((m) => m.path)].sort();
  return [{ language: docs.get(cluster.canonical)?.language.primary ?? 'und', canonical: cluster.canonical, members, alignments: cluster.alignments }];
}

/** One edition seen as a cluster of its own (its canonical, its members aligned to it), which the cleaner reads. */
function editionView(cluster: Cluster, edition: Edition): Cluster {
  if (!cluster.editions) return cluster;
  return {
    id: cluster.id,
    canonical: edition.canonical,
    members: edition.alignments.map((a) => ({ path: a.path, similarity: a.similarity })),
    alignments: edition.alignments,
    diffs: [],
  };
}
