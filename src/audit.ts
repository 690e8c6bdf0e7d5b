/**
 * The engine: `audit(paths, config)` runs load → parse → document rules (per draft, in a
 * worker pool for a large batch) → corpus → cluster rules → clean and returns an
 * AuditResult. No output to stdout, no files written: the CLI and the tests drive it, and
 * reporters read what it returns.
 */
import path from 'node:path';
import type { Block, Change, Cluster, ClusterRule, ClusterView, Document, DocumentRule, FailOn, Finding, ResolvedConfig, Rule, RuleContext, Severity } from './types.js';
import { meetsFailOn } from './fail-on.js';
import type { CitationTable } from './cite/types.js';
import type { DoseTable } from './dose/index.js';
import { collectFiles, displayPath, type SkipStatus } from './load/index.js';
import { rules } from './rules/index.js';
import { directiveRules } from './rules/directive/index.js';
import { buildCorpus } from './corpus/index.js';
import { cleanCorpus, type CleanOutput } from './clean/index.js';
import { applyDirectives, compareFindings, crashFinding, Severities, summarise, toFinding, type SuppressedFinding } from './findings.js';
import { analyzeFiles, defaultWorkers, startCacheReader, LARGE_BATCH, MIN_DRAFTS_FOR_WORKERS, Pool } from './engine/pool.js';
import { analyzeContext, analyzeText, cachedAnalyses, checkDocument, recordAnalysed, type Analysis } from './engine/analyze.js';
import { CacheIndex, cacheFolder, prepareCache, statOf } from './engine/cache.js';
import { PieceCache, beginPieces } from './engine/pieces.js';
import { keptClusterFindings } from './engine/kept-findings.js';
import { VERSION } from './version.js';
import { releaseDerived, withPrimaryLanguage } from './document.js';
import { collectIfGrown, collectLessOften, collectionTime, paceHeapFor } from './gc.js';
import { append, groupBy, pushTo } from './collections.js';
import { cmp } from './order.js';
import { runBatchLooks } from './engine/batch.js';
import { pluginModulesOf } from './plugin-modules.js';
import { releaseModels } from './lazy.js';

export interface AuditOptions {
  cwd?: string;
  /** Folder the cleaned articles go to, for the `output` paths in the report. */
  outputDir?: string;
  /** Clock for `generatedAt` (tests pin it). */
  now?: () => Date;
  /** The rules to run (default: the registry). */
  rules?: readonly Rule[];
  /** Rules run beside `rules` (plugins; see src/plugins.ts). */
  plugins?: readonly Rule[];
  /** Drafts given as text rather than read from disk (`path` names them in the report). */
  texts?: ReadonlyArray<{ path: string; text: string }>;
  /** Worker threads for the per-draft work (default: one per core for a large batch, else none). */
  workers?: number;
  /** Called as drafts are analysed. */
  onProgress?: (done: number, total: number) => void;
  /** Called as each later stage starts. */
  onStage?: (label: string) => void;
  /** Folder of the per-draft result cache; no cache when undefined. */
  cache?: string;
  /**
   * Cleaned articles an earlier run left in the output folder: file name → the drafts each
   * was made from. A name held by an article none of whose drafts is in this run is not
   * given to another article.
   */
  previousOutputs?: ReadonlyMap<string, readonly string[]>;
  /**
   * Render each cleaned article for the HTML report while it is cleaned (`outputs[].html`), in
   * the clean stage's threads: the run is to write that report (the CLI's runs that write).
   */
  renderArticles?: boolean;
}

/** A draft that was read and audited. */
export interface DocumentEntry {
  path: string;
  status: 'audited';
  format: Document['format'];
  encoding: string;
  bytes: number;
  primaryLanguage: string;
  languages: Record<string, number>;
  blocks: number;
  cluster: string;
  canonical: boolean;
  /** Language of the edition the draft is a version of, when its article has several editions or the draft's frame overrode its letters (an extension of schemaVersion 1). */
  edition?: string;
}

/** A draft that was not audited, and why: unreadable, empty, binary, too-large, timed-out (its findings say more). */
export interface SkippedEntry {
  path: string;
  status: SkipStatus;
  format?: Document['format'];
  bytes?: number;
}

export type DocumentStatus = 'audited' | SkipStatus;

export interface ClusterEntry {
  id: string;
  canonical: string;
  output: string;
  /** Title of the cleaned article (an extension of the contract). */
  title: string;
  members: Array<{ path: string; similarity: number }>;
  /** One entry per publication language, the primary edition first (an extension of schemaVersion 1; always set by `audit`). */
  editions?: EditionEntry[];
}

/** One edition of an article: its language, canonical version, cleaned output and versions (canonical included). */
export interface EditionEntry {
  language: string;
  canonical: string;
  output: string;
  members: string[];
}

/** What the HTML report shows of each block: where it is, what it is, its language. */
export interface BlockEntry {
  index: number;
  kind: Block['kind'];
  line: number;
  column: number;
  lang: string;
  text: string;
}

export interface AuditResult {
  schemaVersion: 1;
  tool: { name: 'draftaudit'; version: string };
  generatedAt: string;
  failOn: FailOn;
  summary: {
    documents: number;
    clusters: number;
    errors: number;
    warnings: number;
    infos: number;
    byRule: Record<string, number>;
    /** Findings that directives in the drafts silenced (an extension of schemaVersion 1). */
    suppressed: number;
  };
  /** Every input draft, sorted by path: audited ones, then what is known of the others. */
  documents: Array<DocumentEntry | SkippedEntry>;
  clusters: ClusterEntry[];
  findings: Finding[];
  /** Findings directives silenced, with the directive (an extension of schemaVersion 1). */
  suppressed?: SuppressedFinding[];
  changes: Change[];
  /** Cleaned articles, by file name inside the output folder. */
  outputs: CleanOutput[];
  /** Alignments and diffs of every cluster (for the HTML report). */
  corpus: Cluster[];
  /** Blocks of every document, by path (for the HTML report's language strip and diffs). */
  blocks: Record<string, BlockEntry[]>;
  /** Source text of every audited draft, by path (for the HTML report's full-text view; not in audit.json). */
  sources?: Record<string, string>;
  /** Each audited draft's content hash (SHA-256 of its bytes), by path: what the reports' cache keys hold in place of its text (not in any report). */
  hashes?: Record<string, string>;
  /** Citation table of every document (marker → reference → where used), sorted by path. */
  citations: CitationTable[];
  /** Dose figures of every document, sorted by path. */
  doses: DoseTable[];
  /**
   * Wall time of each stage in milliseconds, less the garbage collections the engine asked
   * for in it, which `gc` counts apart: they depend on how much the whole run holds, not on
   * the stage (for the benchmark; not in any report).
   */
  timings: Record<'analyze' | 'corpus' | 'clusterRules' | 'clean' | 'gc', number>;
  /**
   * The process's resident memory and this thread's heap in use at the end of each stage, in
   * bytes, and the peak resident memory so far (for `--verbose` and the benchmark; not in any report).
   */
  memory?: Partial<Record<Exclude<keyof AuditResult['timings'], 'gc'>, { rss: number; heap: number; peakRss: number }>>;
  /**
   * Drafts whose analysis came from the cache, drafts analysed, and (when there are any)
   * drafts analysed whose entry could not be written (when the cache is on).
   */
  cache?: { hits: number; misses: number; unstored?: number };
  /** The cache's folder for this configuration, where later stages and the reporters keep their pieces (see engine/pieces.ts; not in any report). */
  cacheFolder?: string;
}

export { meetsFailOn };

export function exitCodeFor(result: Pick<AuditResult, 'findings'>, failOn: FailOn): 0 | 1 {
  return result.findings.some((f) => meetsFailOn(f.severity, failOn)) ? 1 : 0;
}

export async function audit(paths: string[], config: ResolvedConfig, options: AuditOptions = {}): Promise<AuditResult> {
  if (options.plugins && options.plugins.length > 0) {
    // Plugin rules run beside the built-in ones (or beside `rules` when that names a set);
    // those loaded from modules run in the worker threads too, which load the same modules.
    const { plugins, ...rest } = options;
    const modules = options.rules ? undefined : pluginModulesOf(plugins);
    return auditWith(paths, config, { ...rest, rules: [...(options.rules ?? rules), ...plugins] }, modules);
  }
  return auditWith(paths, config, options);
}

async function auditWith(paths: string[], config: ResolvedConfig, options: AuditOptions, pluginModules?: readonly string[]): Promise<AuditResult> {
  const cwd = options.cwd ?? process.cwd();
  const outputDir = options.outputDir ?? path.join(cwd, 'output');
  const load = { cwd, include: config.include, exclude: config.exclude, maxFileSize: config.maxFileSize };
  const severities = new Severities(config, [...rules, ...(options.rules ?? [])]);

  const timings: AuditResult['timings'] = { analyze: 0, corpus: 0, clusterRules: 0, clean: 0, gc: 0 };
  const memory: NonNullable<AuditResult['memory']> = {};
  let stageStart = performance.now();
  let gcStart = collectionTime();
  const lap = (stage: Exclude<keyof AuditResult['timings'], 'gc'>): void => {
    // A large batch's garbage goes at the end of the stage that made it (see gc.ts).
    collectIfGrown();
    const now = performance.now();
    const gc = collectionTime() - gcStart;
    timings[stage] = now - stageStart - gc;
    const { rss, heapUsed } = process.memoryUsage();
    memory[stage] = { rss, heap: heapUsed, peakRss: process.resourceUsage().maxRSS * 1024 };
    timings.gc += gc;
    stageStart = now;
    gcStart += gc;
  };
  const collected = await collectFiles(paths, load);
  const findings: Finding[] = collected.findings.flatMap((f) => severities.resolve(f) ?? []);
  let cache: string | undefined;
  if (options.cache) {
    // Rules from plugins are keyed by their code too: a plugin's new version starts afresh.
    const keyed = (options.rules ?? rules).map((r) => (rules.includes(r) ? r.id : `${r.id}\0${'check' in r ? String(r.check) : ''}`));
    cache = cacheFolder(path.resolve(cwd, options.cache), config, keyed);
    // The cache only saves time: a folder that cannot be prepared turns it off.
    cache = await prepareCache(path.resolve(cwd, options.cache), cache).then(() => cache, () => undefined);
    if (cache) beginPieces(cache);
  }
  const documentRules = options.rules?.filter((r): r is DocumentRule => r.scope === 'document');
  // With the cache, drafts unchanged since the last run (by size and time) are taken from it
  // unread, here, before any thread starts; only the rest are analysed (see cache.ts).
  const index = cache ? await CacheIndex.open(cache) : undefined;
  // A rerun of a large batch checks the cache's kept pieces in a thread of its own while this
  // one takes the drafts from the cache (see `startCacheReader`); a small batch's rerun would
  // not repay the thread's start, as with the analysis threads. A rerun that analyses enough
  // drafts to start those stops it: they have the cores.
  const known = index?.drafts().length ?? 0;
  let reader = known > 0 && (options.workers ?? defaultWorkers(known)) > 1 ? startCacheReader(cache!) : undefined;
  const early = index ? await cachedAnalyses(collected.files, analyzeContext(config, load, documentRules, cache), index) : undefined;
  const toAnalyse = early ? collected.files.filter((_, i) => !early.results[i]) : collected.files;
  const threads = options.workers ?? defaultWorkers(toAnalyse.length);
  if (reader && toAnalyse.length >= MIN_DRAFTS_FOR_WORKERS) {
    await reader.close();
    reader = undefined;
  }
  // A large batch to analyse makes the heap grow at a tighter pace, set before its threads
  // start (see gc.ts); a rerun that takes most of a large batch from the cache keeps V8's,
  // and its later stages ask for fewer full collections.
  if (toAnalyse.length >= LARGE_BATCH) {
    // (Sizes from the stats the cache's pass took, else stats taken here.)
    const stats = early ? early.stats.filter((_, i) => !early.results[i]) : toAnalyse.map(statOf);
    paceHeapFor(stats.reduce((sum, s) => sum + (s?.size ?? 0), 0));
  } else if (early && collected.files.length >= LARGE_BATCH) {
    collectLessOften();
  }
  const analysing = new Pool(threads, 'worker', { config, load, ...(cache ? { cache } : {}), ...(pluginModules ? { plugins: pluginModules } : {}) });
  let cleaning: Pool | undefined;
  try {
    const found = collected.files.length - toAnalyse.length;
    const onProgress = options.onProgress;
    const analysed = await analyzeFiles(toAnalyse, config, load, analysing, {
      ...(cache ? { cache } : {}),
      ...(onProgress ? { onProgress: (done: number) => onProgress(found + done, collected.files.length) } : {}),
      ...(documentRules ? { rules: documentRules } : {}),
      ...(pluginModules ? { rulesInWorkers: true } : {}),
    });
    let fromFiles = analysed;
    if (early && index) {
      recordAnalysed(index, analysed, early.stats.filter((_, i) => !early.results[i]));
      await index.save();
      let next = 0;
      fromFiles = early.results.map((a) => a ?? analysed[next++]!);
    }
    const analyses = options.texts?.length ? withTexts(fromFiles, options.texts, analyzeContext(config, load, documentRules)) : fromFiles;
    const docs: Document[] = [];
    const skipped: SkippedEntry[] = [];
    const cacheStats: NonNullable<AuditResult['cache']> = { hits: 0, misses: 0 };
    for (const a of analyses) {
      if (cache && a.doc) cacheStats[a.cached ? 'hits' : 'misses']++;
      if (a.unstored) cacheStats.unstored = (cacheStats.unstored ?? 0) + 1;
      append(findings, a.findings);
      if (a.doc) docs.push(a.doc);
      else if (a.skipped) skipped.push(a.skipped);
    }
    const byPath = new Map(docs.map((d) => [d.path, d]));
    // The analysis threads go with their heaps; the clean stage's threads start now, to be
    // ready when the versions are grouped.
    await analysing.close();
    // Every article is cleaned, cached or not: the clean stage's threads go by the batch.
    cleaning = new Pool(options.workers ?? defaultWorkers(collected.files.length), 'markdown-worker');
    lap('analyze');

    options.onStage?.('grouping versions');
    // Pieces of the later stages a rerun takes from the cache where their inputs are unchanged.
    const pieces = cache ? new PieceCache(cache) : undefined;
    const clusters = buildCorpus(docs, config, { between: collectIfGrown, ...(pieces ? { pieces } : {}) });
    // A mixed draft is read again in the language of the edition its frame belongs to.
    const allDocumentRules = (options.rules ?? rules).filter((r): r is DocumentRule => r.scope === 'document');
    rereadReassigned(clusters, docs, byPath, findings, allDocumentRules, severities, { config });
    lap('corpus');
    // Evidence only the whole batch holds (site boilerplate across unrelated drafts).
    const withBatch = runBatchLooks(findings, docs, clusters, allDocumentRules, severities, { config }, pieces);
    if (withBatch !== findings) {
      findings.length = 0;
      for (const f of withBatch) findings.push(f);
    }
    options.onStage?.('comparing versions');
    const clusterRules = (options.rules ?? rules).filter((r): r is ClusterRule => r.scope === 'cluster' && severities.enabled(r));
    for (const cluster of clusters) {
      if (cluster.members.length > 0) {
        const run = (): Finding[] => runClusterRules(cluster, byPath, clusterRules, severities, { config });
        append(findings, pieces ? keptClusterFindings(pieces, cluster, run) : run());
      }
      // Trees the rules read are parsed again on demand: none is kept beyond its cluster, nor
      // what the corpus stage and the rules derived from the drafts.
      for (const p of [cluster.canonical, ...cluster.members.map((m) => m.path)]) releaseDerived(byPath.get(p)!);
      collectIfGrown();
    }
    // The word lists, dictionaries and segmenter the analysis and the two stages above read
    // are not read again, nor what they remembered of blocks met: a large batch lets go of
    // them before its articles are cleaned.
    if (collected.files.length >= LARGE_BATCH) releaseModels();
    // Directives are applied once every finding on a draft is known (an unused one is told
    // from a used one only then), and before cleaning: a silenced finding is not acted on.
    const suppressed: SuppressedFinding[] = [];
    if (!config.noInlineConfig) {
      const directives = { severities, ruleIds: [...rules, ...(options.rules ?? [])].map((r) => r.id), rules: directiveRules };
      const byFile = groupBy(findings, (f) => f.path);
      findings.length = 0;
      for (const doc of docs) {
        const applied = applyDirectives(byFile.get(doc.path) ?? [], doc, directives);
        byFile.delete(doc.path);
        for (const f of applied.suppressed) suppressed.push(f);
        append(findings, applied.findings);
      }
      for (const rest of byFile.values()) append(findings, rest);
    }
    findings.sort(compareFindings);
    lap('clusterRules');
    options.onStage?.('cleaning articles');

    const inRun = new Set(collected.files.map((f) => displayPath(cwd, f)));
    const previous = options.previousOutputs;
    const taken = previous
      ? (file: string, sources: readonly string[]): boolean => {
          const owners = previous.get(file);
          return owners !== undefined && owners.length > 0 && !owners.some((s) => sources.includes(s)) && !owners.every((s) => inRun.has(s));
        }
      : undefined;
    // The report's renderer, loaded only for a run that writes the report.
    const render = options.renderArticles ? (await import('./report/html/markdown.js')).renderArticle : undefined;
    const { outputs, changes, fixed } = await cleanCorpus(clusters, byPath, findings, { pool: cleaning, afterCluster: collectIfGrown, ...(taken ? { taken } : {}), ...(pieces ? { pieces } : {}), ...(render ? { render } : {}) });
    // The clean stage's threads go with their heaps before the reports are written.
    await cleaning.close();
    for (const f of findings) f.fixed = fixed.has(f);
    lap('clean');
    const outputOf = new Map(outputs.filter((o) => o.primary !== false).map((o) => [o.cluster, o]));
    const outputPath = (id: string): string => relPath(cwd, path.join(outputDir, outputOf.get(id)!.file));
    const editionOutputs = groupBy(outputs, (o) => o.cluster);
    const editionEntries = (c: Cluster): EditionEntry[] =>
      (editionOutputs.get(c.id) ?? []).map((o) => {
        const edition = c.editions?.find((e) => e.language === o.language);
        return {
          language: o.language ?? byPath.get(c.canonical)!.language.primary,
          canonical: edition?.canonical ?? c.canonical,
          output: relPath(cwd, path.join(outputDir, o.file)),
          members: edition?.members ?? [...o.sources],
        };
      });
    const editionOf = new Map<string, string>();
    for (const c of clusters) {
      for (const e of c.editions ?? []) for (const m of e.members) editionOf.set(m, e.language);
      for (const [p, lang] of Object.entries(c.reassigned ?? {})) editionOf.set(p, lang);
    }
    const clusterOf = new Map<string, Cluster>();
    for (const c of clusters) {
      clusterOf.set(c.canonical, c);
      for (const m of c.members) clusterOf.set(m.path, c);
    }

    return {
      schemaVersion: 1,
      tool: { name: 'draftaudit', version: VERSION },
      generatedAt: (options.now ?? (() => new Date()))().toISOString(),
      failOn: config.failOn,
      summary: { ...summarise(findings, docs.length, clusters.length, rules.map((r) => r.id)), suppressed: suppressed.length },
      documents: [
        ...docs.map((d): DocumentEntry => ({
        path: d.path,
        status: 'audited',
        format: d.format,
        encoding: d.encoding,
        bytes: d.bytes,
        primaryLanguage: d.language.primary,
        languages: d.language.shares,
        blocks: d.blocks.length,
        cluster: clusterOf.get(d.path)!.id,
        canonical: clusterOf.get(d.path)!.canonical === d.path,
        ...(editionOf.has(d.path) ? { edition: editionOf.get(d.path)! } : {}),
        })),
        ...skipped,
      ].sort((a, b) => cmp(a.path, b.path)),
      clusters: clusters.map((c) => ({ id: c.id, canonical: c.canonical, output: outputPath(c.id), title: outputOf.get(c.id)!.title, members: c.members, editions: editionEntries(c) })),
      findings,
      suppressed: suppressed.sort(compareFindings),
      changes: changes.map((c) => ({ ...c, output: relPath(cwd, path.join(outputDir, c.output)) })),
      outputs,
      corpus: clusters,
      citations: analyses.flatMap((a) => (a.citations ? [a.citations] : [])),
      doses: analyses.flatMap((a) => (a.doses ? [a.doses] : [])),
      blocks: Object.fromEntries(docs.map((d) => [d.path, blockEntries(d)])),
      sources: Object.fromEntries(docs.map((d) => [d.path, d.text])),
      hashes: Object.fromEntries(docs.map((d) => [d.path, d.hash])),
      timings,
      memory,
      ...(cache ? { cache: cacheStats, cacheFolder: cache } : {}),
    };
  } finally {
    await Promise.all([analysing.close(), cleaning?.close(), reader?.close()]);
  }
}

/**
 * Drafts the corpus stage put in the edition of another language than their letters' (a
 * mixed draft goes with its frame) are profiled again with that language as their primary
 * one, and their document rules run again on that reading: the passages in the other
 * language are then the foreign ones. Replaces the drafts in `docs` and `byPath` and their
 * document-rule findings in `findings`.
 */
function rereadReassigned(
  clusters: readonly Cluster[],
  docs: Document[],
  byPath: Map<string, Document>,
  findings: Finding[],
  documentRules: readonly DocumentRule[],
  severities: Severities,
  ctx: RuleContext,
): void {
  const reread = new Map<string, Document>();
  for (const c of clusters) {
    for (const [p, lang] of Object.entries(c.reassigned ?? {})) {
      const doc = byPath.get(p);
      if (doc) reread.set(p, withPrimaryLanguage(doc, lang, ctx.config));
    }
  }
  if (reread.size === 0) return;
  const ruleIds = new Set(documentRules.map((r) => r.id));
  let at = 0;
  for (const f of findings) if (!(reread.has(f.path) && ruleIds.has(f.ruleId))) findings[at++] = f;
  findings.length = at;
  docs.forEach((d, i) => {
    const doc = reread.get(d.path);
    if (!doc) return;
    docs[i] = doc;
    byPath.set(d.path, doc);
    for (const f of checkDocument(doc, documentRules, ctx, severities)) findings.push(f);
  });
}

/** The analyses of drafts given as text, merged into those of the files in path order. */
function withTexts(fromFiles: Analysis[], texts: ReadonlyArray<{ path: string; text: string }>, ctx: ReturnType<typeof analyzeContext>): Analysis[] {
  const pathOf = (a: Analysis): string => a.doc?.path ?? a.findings[0]?.path ?? '';
  const all = [...fromFiles, ...texts.map((t) => analyzeText(t.path, t.text, ctx))];
  return all.sort((a, b) => cmp(pathOf(a), pathOf(b)));
}

function runClusterRules(
  cluster: Cluster,
  byPath: Map<string, Document>,
  clusterRules: readonly ClusterRule[],
  severities: Severities,
  ctx: RuleContext,
): Finding[] {
  const view: ClusterView = {
    cluster,
    canonical: byPath.get(cluster.canonical)!,
    members: cluster.members.map((m) => byPath.get(m.path)!),
    alignment: (p) => cluster.alignments.find((a) => a.path === p),
  };
  const byMember = new Map<Document, Finding[]>();
  const add = (doc: Document, f: Finding | undefined): void => {
    if (f) pushTo(byMember, doc, f);
  };
  for (const rule of clusterRules) {
    try {
      for (const f of rule.check(view, ctx)) {
        const doc = byPath.get(f.path)!;
        add(doc, toFinding(rule.id, doc, f, severities));
      }
    } catch (error) {
      add(view.canonical, crashFinding(rule.id, cluster.canonical, error, severities));
    }
  }
  return [...byMember.values()].flat();
}

/** Runs document rules on one draft as the analysis does (for tests and tools). */
export function runDocumentRules(doc: Document, documentRules: readonly DocumentRule[], ctx: RuleContext): Finding[] {
  return checkDocument(doc, documentRules, ctx, new Severities(ctx.config, [...rules, ...documentRules]));
}

function blockEntries(d: Document): BlockEntry[] {
  return d.blocks.map((b) => ({
    index: b.index,
    kind: b.kind,
    line: b.position.start.line,
    column: b.position.start.column,
    lang: d.language.blocks[b.index] ?? d.language.primary,
    text: b.text,
  }));
}

function relPath(cwd: string, p: string): string {
  const rel = path.relative(cwd, p);
  return (rel.startsWith('..') || path.isAbsolute(rel) ? p : rel).split(path.sep).join('/');
}
