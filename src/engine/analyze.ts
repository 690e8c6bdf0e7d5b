/**
 * The work done for each draft on its own — read, decode, parse, languages, document rules,
 * citation and dose tables — as one pure function, so it runs the same in the main thread
 * and in a worker.
 */
import type { CitationTable, CiteExtraction } from '../cite/types.js';
import { citations, citationTable, primeCitations, primeCitationsLazily } from '../cite/index.js';
import { fingerprintOf, primeFingerprint, type Fingerprint } from '../corpus/fingerprint.js';
import { doseTable, knowledgeBase, primeDoses, type DoseTable, type KnowledgeBase } from '../dose/index.js';
import { createDocument, lazyTree } from '../document.js';
import { crashFinding, fileFinding, messageOf, Severities, toFinding } from '../findings.js';
import { displayPath, readSource, readText, type LoadOptions, type ReadResult, type Skipped } from '../load/index.js';
import { rules } from '../rules/index.js';
import type { Document, DocumentRule, Finding, ResolvedConfig, RuleContext, Source } from '../types.js';
import { entryOf, readCached, readEntryBytes, statOf, writeCached, type CacheIndex, type DraftStat } from './cache.js';
import { SourceBlock, type BlockData } from '../parse/source-block.js';
import { limitsOf, type LimitKind, type LimitNote } from '../parse/limits.js';
import { spanOf } from '../position.js';
import { runEachWithin } from './budget.js';
import { withoutFindingsOnDebris } from './on-debris.js';

export interface Analysis {
  /** True when the result came from the cache. */
  cached?: boolean;
  /** True when the draft was analysed with the cache on but its entry could not be written. */
  unstored?: boolean;
  /** The draft, without its tree (it is parsed again on demand: see `lazyTree`). */
  doc?: Document;
  /** A draft that was not audited (unreadable, empty, binary, too large, or not parsed), when there is no `doc`. */
  skipped?: Skipped;
  /** Load and document-rule findings, severities resolved (directives are applied later, with the cluster rules' findings). */
  findings: Finding[];
  citations?: CitationTable;
  doses?: DoseTable;
  /**
   * Work done here that a later stage needs, so the main thread need not parse the draft
   * again: the corpus fingerprint (a few kB of typed arrays) and the citation extraction the
   * cluster rules compare. Cached on disk too (the fingerprint's arrays as bytes, see
   * entry-file.ts), so a rerun's corpus and cluster stages need not work them out again.
   */
  /** What the corpus stage reads of the draft, worked out where it was analysed; a cached entry's citations are read when first asked for. */
  derived?: { fingerprint: Fingerprint; citations: CiteExtraction | (() => CiteExtraction | undefined) };
}

export interface AnalyzeContext {
  config: ResolvedConfig;
  /** Cache folder for this configuration, when `--cache` is on. */
  cache?: string;
  load: LoadOptions;
  documentRules: readonly DocumentRule[];
  severities: Severities;
  /**
   * Who stops a draft past its time budget: this thread, with V8's watchdog (budget.ts; the
   * default), or the pool that sent the draft to this worker, by terminating the worker.
   */
  watchdog?: 'thread' | 'pool';
}

export function analyzeContext(config: ResolvedConfig, load: LoadOptions, extraRules: readonly DocumentRule[] = [], cache?: string): AnalyzeContext {
  const severities = new Severities(config, [...rules, ...extraRules]);
  const registry = extraRules.length > 0 ? extraRules : rules.filter((r): r is DocumentRule => r.scope === 'document');
  return { config, load, severities, documentRules: registry.filter((r) => severities.enabled(r)), ...(cache ? { cache } : {}) };
}

/** Seconds a draft may take by default (see `timeBudget` in the config). */
export const DEFAULT_TIME_BUDGET = 30;

/** Milliseconds a draft may take (the config's `timeBudget`, in seconds). */
export function budgetMs(config: Pick<ResolvedConfig, 'timeBudget'>): number {
  return (config.timeBudget ?? DEFAULT_TIME_BUDGET) * 1000;
}

/**
 * Runs document rules on one draft; a rule that throws gives `internal/rule-crash` instead.
 * Findings about the words of a sure line of debris give way to the debris finding (on-debris.ts).
 * A rule that runs away is stopped from outside, with its draft (see `analyzeEachWithin`).
 */
export function checkDocument(doc: Document, documentRules: readonly DocumentRule[], ruleCtx: RuleContext, severities: Severities): Finding[] {
  const out: Finding[] = [];
  for (const rule of documentRules) {
    try {
      for (const f of rule.check(doc, ruleCtx)) {
        const finding = toFinding(rule.id, doc, f, severities);
        if (finding) out.push(finding);
      }
    } catch (error) {
      const crash = crashFinding(rule.id, doc.path, error, severities);
      if (crash) out.push(crash);
    }
  }
  return withoutFindingsOnDebris(out);
}

export async function analyzeFile(file: string, ctx: AnalyzeContext): Promise<Analysis> {
  return (await analyzeFileRun([file], ctx))[0]!;
}

/**
 * `analyzeFile` of each of a run of drafts, in order: each is read and looked up in the cache
 * first, then the drafts to analyse are analysed one after the other under as few watchdogs
 * as their time budget allows (see `runEachWithin`), each draft still within its own budget.
 */
export async function analyzeFileRun(files: readonly string[], ctx: AnalyzeContext): Promise<Analysis[]> {
  const out = new Array<Analysis>(files.length);
  const fresh: Array<{ at: number; source: Source; loadFindings: Finding[] }> = [];
  for (const [at, file] of files.entries()) {
    const read = readSource(file, ctx.load);
    const loadFindings = resolvedLoad(read, ctx);
    const { source } = read;
    if (!source) {
      out[at] = { findings: loadFindings, ...(read.skipped ? { skipped: read.skipped } : {}) };
      continue;
    }
    if (ctx.cache) {
      const hit = readCached(ctx.cache, source.hash, source.path);
      if (hit) {
        out[at] = revive({ ...hit, cached: true }, knowledgeBase(ctx.config), true);
        continue;
      }
    }
    fresh.push({ at, source, loadFindings });
  }
  const analyses = analyzeEachWithin(fresh, ctx);
  for (const [k, { at, source }] of fresh.entries()) {
    const analysis = analyses[k]!;
    // A draft stopped at its budget has no document, and is not kept: the next run tries it again.
    if (ctx.cache && analysis.doc && !(await writeCached(ctx.cache, source.hash, source.path, analysis))) analysis.unstored = true;
    if (analysis.doc) lazyTree(analysis.doc);
    out[at] = analysis;
  }
  return out;
}

/**
 * The analyses the cache holds for drafts unchanged since the last run by size and time
 * (see CacheIndex), found without reading the drafts: `results[i]` for `files[i]`, undefined
 * for a draft to analyse. `stats` are the drafts' stats, taken before any is read, for
 * `recordAnalysed`.
 */
export async function cachedAnalyses(files: readonly string[], ctx: AnalyzeContext, index: CacheIndex): Promise<{ results: Array<Analysis | undefined>; stats: Array<DraftStat | undefined> }> {
  const kb = knowledgeBase(ctx.config);
  const stats = files.map(statOf);
  const rels = files.map((file) => displayPath(ctx.load.cwd, file));
  const hashes = rels.map((rel, i) => (stats[i]?.regular ? index.hashOf(rel, stats[i]!) : undefined));
  // (Read one after another with blocking reads: see `readEntryBytes`.)
  const results = new Array<Analysis | undefined>(files.length);
  for (let i = 0; i < files.length; i++) {
    const bytes = hashes[i] === undefined ? undefined : readEntryBytes(ctx.cache!, hashes[i]!, rels[i]!);
    const hit = bytes && entryOf(bytes, hashes[i]!, rels[i]!);
    results[i] = hit ? revive({ ...hit, cached: true }, kb, true) : undefined;
  }
  return { results, stats };
}

/** Records in the index the drafts just analysed, with the stats taken before they were read. */
export function recordAnalysed(index: CacheIndex, analyses: ReadonlyArray<Analysis | undefined>, stats: ReadonlyArray<DraftStat | undefined>): void {
  analyses.forEach((a, i) => {
    const info = stats[i];
    if (a?.doc && info) index.record(a.doc.path, info, a.doc.hash);
  });
}

/** The load stage's findings under the config's severities. */
function resolvedLoad(read: ReadResult, ctx: AnalyzeContext): Finding[] {
  return read.findings.flatMap((f) => ctx.severities.resolve(f) ?? []);
}

/** Analyses a draft given as text (no cache: it has no file to key it by). */
export function analyzeText(rel: string, text: string, ctx: AnalyzeContext): Analysis {
  const read = readText(rel, text, ctx.load);
  const loadFindings = resolvedLoad(read, ctx);
  if (!read.source) return { findings: loadFindings, ...(read.skipped ? { skipped: read.skipped } : {}) };
  const analysis = analyzeEachWithin([{ source: read.source, loadFindings }], ctx)[0]!;
  if (analysis.doc) lazyTree(analysis.doc);
  return analysis;
}

/**
 * Makes a Document received from a worker (or the cache) whole again: its blocks, a lazy
 * tree, and what was derived from it already (fingerprint, citations, the doses found with `kb`).
 * `sliced`: its blocks' text was taken from the draft's as its cache entry was read in this
 * thread (see `entryOf`), not copied from another thread, so it is not shared again.
 */
export function revive(analysis: Analysis, kb: KnowledgeBase, sliced = false): Analysis {
  const { doc, derived, doses } = analysis;
  for (const f of analysis.findings) {
    f.ruleId = shared(f.ruleId);
    f.severity = shared(f.severity);
    if (doc && f.path === doc.path) f.path = doc.path;
  }
  if (doc) {
    doc.blocks = doc.blocks.map((b) => {
      (b as unknown as BlockData).kind = shared(b.kind);
      return SourceBlock.revive(b as unknown as BlockData, doc.text, doc.lineStarts, sliced);
    });
    const langs = doc.language.blocks;
    for (let i = 0; i < langs.length; i++) langs[i] = shared(langs[i]!);
    lazyTree(doc);
    if (derived) {
      primeFingerprint(doc, derived.fingerprint);
      if (typeof derived.citations === 'function') primeCitationsLazily(doc, derived.citations);
      else primeCitations(doc, derived.citations);
    }
    if (doses) primeDoses(doc, kb, doses.doses);
  }
  return analysis;
}

/**
 * Words that come again in every draft's result (block kinds, language codes, rule ids,
 * severities), one string each. A result copied from a worker or read from the cache has a
 * string of its own for each: at 10,000 drafts some 20 MB of copies of "paragraph" and "eng".
 */
const words = new Map<string, string>();
function shared<T extends string>(word: T): T {
  const kept = words.get(word);
  if (kept !== undefined) return kept as T;
  if (words.size < 4096) words.set(word, word);
  return word;
}

/**
 * `analyzeSource` of each draft within its time budget: a draft still at work when the budget
 * runs out is stopped (budget.ts) and reported as `stoppedAnalysis` says. Under the pool's
 * watchdog (a worker) they run as they are: the pool stops the whole thread.
 */
function analyzeEachWithin(drafts: ReadonlyArray<{ source: Source; loadFindings: Finding[] }>, ctx: AnalyzeContext): Analysis[] {
  if (ctx.watchdog === 'pool') return drafts.map((d) => analyzeSource(d.source, d.loadFindings, ctx));
  const runs = runEachWithin(budgetMs(ctx.config), drafts.length, (k) => analyzeSource(drafts[k]!.source, drafts[k]!.loadFindings, ctx));
  return runs.map((run, k) => ('value' in run ? run.value : stoppedAnalysis(drafts[k]!.source, drafts[k]!.loadFindings, ctx)));
}

/**
 * A draft stopped at its time budget, in this thread or by the pool: nothing its parse or its
 * rules made is kept (their state is unknown), so it is listed as `timed-out` with its load
 * findings and one `internal/timeout`, and no article is cleaned from it.
 */
export function stoppedAnalysis(source: Pick<Source, 'path' | 'format' | 'bytes'>, loadFindings: Finding[], ctx: AnalyzeContext): Analysis {
  const seconds = budgetMs(ctx.config) / 1000;
  const f = fileFinding('internal/timeout', source.path, `Checking this draft took longer than the ${seconds} s budget and was stopped; it was not audited and no article was cleaned from it`);
  f.data = { budget: seconds, stopped: true, skipped: ctx.documentRules.map((r) => r.id) };
  const timeout = ctx.severities.resolve(f);
  return {
    findings: timeout ? [...loadFindings, timeout] : loadFindings,
    skipped: { path: source.path, status: 'timed-out', format: source.format, bytes: source.bytes },
  };
}

/** `stoppedAnalysis` of a draft the pool stopped in a worker: its load findings come from reading it again here. */
export function stoppedFile(file: string, ctx: AnalyzeContext): Analysis {
  const read = readSource(file, ctx.load);
  const loadFindings = resolvedLoad(read, ctx);
  if (!read.source) return { findings: loadFindings, ...(read.skipped ? { skipped: read.skipped } : {}) };
  return stoppedAnalysis(read.source, loadFindings, ctx);
}

/** The `input/too-complex` findings of the bounds the parser hit on a draft. */
function limitFindings(doc: Document, severities: Severities): Finding[] {
  const describe: Record<LimitKind, (n: LimitNote) => string> = {
    'line-length': (n) => `A line of ${n.measured.toLocaleString('en-US')} characters (limit ${n.limit.toLocaleString('en-US')})`,
    nesting: (n) => `Block quotes and lists nested ${n.measured} deep (limit ${n.limit})`,
    marks: (n) => `${n.measured.toLocaleString('en-US')} brackets, emphasis marks, backticks and angle brackets in one passage (limit ${n.limit.toLocaleString('en-US')})`,
    'tree-depth': (n) => `Markup nested ${n.measured} deep (limit ${n.limit})`,
  };
  return limitsOf(doc.tree).flatMap((n) => {
    const rest = n.kind === 'tree-depth' ? 'the inner markup is read as plain text' : 'the passage is read as plain text, its markup ignored';
    const f = toFinding('input/too-complex', doc, { span: spanOf(doc.lineStarts, n.start, n.end), message: `${describe[n.kind](n)}: ${rest}`, data: { kind: n.kind, measured: n.measured, limit: n.limit } }, severities);
    return f ? [f] : [];
  });
}

function analyzeSource(source: Source, loadFindings: Finding[], ctx: AnalyzeContext): Analysis {
  let doc: Document;
  try {
    doc = createDocument(source, ctx.config);
  } catch (error) {
    const bad = ctx.severities.resolve(fileFinding('input/unreadable-or-empty', source.path, `Cannot parse the draft: ${messageOf(error)}`));
    return {
      findings: bad ? [...loadFindings, bad] : loadFindings,
      skipped: { path: source.path, status: 'unreadable', format: source.format, bytes: source.bytes },
    };
  }
  const out = [...loadFindings, ...limitFindings(doc, ctx.severities), ...checkDocument(doc, ctx.documentRules, { config: ctx.config }, ctx.severities)];
  const analysis: Analysis = {
    doc,
    findings: out,
    citations: citationTable(doc),
    doses: doseTable(doc, knowledgeBase(ctx.config)),
    derived: { fingerprint: fingerprintOf(doc), citations: citations(doc) },
  };
  // The tree goes before the result is kept or sent anywhere (see lazyTree).
  delete (doc as Partial<Document>).tree;
  return analysis;
}

