/** What every section of the HTML report looks up, indexed once per page. */
import path from 'node:path';
import type { AuditResult, ClusterEntry, DocumentEntry, SkippedEntry } from '../../audit.js';
import type { CitationTable } from '../../cite/types.js';
import type { DoseTable } from '../../dose/index.js';
import { groupBy } from '../../collections.js';
import { cmp } from '../../order.js';
import type { Finding, Severity } from '../../types.js';
import type { CleanOutput } from '../../clean/index.js';
import { stateOf, type FindingState, type Gate } from '../gate.js';
import type { Share } from '../html-tables.js';
import { Deferred, Fragments } from './fragments.js';
import { languageColours, type Colours } from './languages.js';
import { PieceCache } from '../../engine/pieces.js';

export interface HtmlOptions {
  /** Folder the report is written to, and the working directory output paths are relative to. */
  reportsDir: string;
  cwd: string;
  /** Baseline and --changed-since state of the findings, when the CLI uses them. */
  gate?: Gate;
  /**
   * Drafts above which each draft's and each article's detail is kept folded and parsed by
   * the page's script only when opened (default `LAZY_ABOVE`).
   */
  lazyAbove?: number;
}

/** Batches of more drafts than this keep per-draft detail folded until it is opened. */
export const LAZY_ABOVE = 150;

/** One edition of an article: its canonical draft, cleaned output and versions. */
export interface Edition {
  language?: string;
  canonical: string;
  output: string;
  members: string[];
}

export interface Ctx {
  result: AuditResult;
  gate: Gate | undefined;
  link: (output: string) => string;
  /** Every draft with a document or a finding, sorted. */
  files: string[];
  docAnchor: Map<string, string>;
  clusterAnchor: Map<string, string>;
  byFile: Map<string, Finding[]>;
  colours: Colours;
  fragments: Fragments;
  /** `fragments.shared`, for the article tables. */
  share: Share;
  docs: Map<string, DocumentEntry>;
  /** Drafts not audited, and why. */
  skipped: Map<string, SkippedEntry>;
  clusters: Map<string, ClusterEntry>;
  /** Article titles by cluster id. */
  titles: Map<string, string>;
  /** Each member version's cluster and similarity to the canonical, by path. */
  members: Map<string, { cluster: string; similarity: number }>;
  /** Dose and citation tables by path. */
  doses: Map<string, DoseTable>;
  citations: Map<string, CitationTable>;
  /** Each finding's index in `result.findings` (and in audit.json's `findings`). */
  index: Map<Finding, number>;
  /** Each finding's gate state. */
  states: Map<Finding, FindingState>;
  /** The anchor of each rule's explanation. */
  ruleAnchor: (ruleId: string) => string;
  /** Rule ids with findings, sorted. */
  rules: string[];
  /** Each draft's place when drafts are ordered worst first. */
  worst: Map<string, number>;
  /** Per-draft and per-article detail is folded and parsed on demand. */
  lazy: boolean;
  /** Where that detail is kept. */
  deferred: Deferred;
  /** Cleaned articles by their output path (as `clusters[].output` gives it). */
  outputs: Map<string, CleanOutput>;
  /** Each cluster's editions. */
  editions: (c: ClusterEntry) => Edition[];
  /** Pieces of the page kept by an earlier run (with `--cache`). */
  pieces?: PieceCache;
}

export function context(result: AuditResult, options: HtmlOptions): Ctx {
  const link = (output: string): string =>
    path.relative(options.reportsDir, path.resolve(options.cwd, output)).split(path.sep).map(encodeURIComponent).join('/');
  const files = [...new Set([...result.documents.map((d) => d.path), ...result.findings.map((f) => f.path)])].sort(cmp);
  const byFile = groupBy(result.findings, (f) => f.path);
  const fragments = new Fragments();
  const members = new Map<string, { cluster: string; similarity: number }>();
  for (const c of result.clusters) for (const m of c.members) if (!members.has(m.path)) members.set(m.path, { cluster: c.id, similarity: m.similarity });
  const states = new Map(result.findings.map((f) => [f, stateOf(f, options.gate)]));
  const rules = [...new Set(result.findings.map((f) => f.ruleId))].sort(cmp);
  const ruleIndex = new Map(rules.map((r, i) => [r, i + 1]));
  const editions = editionsOf(result);
  const pieces = result.cacheFolder ? new PieceCache(result.cacheFolder) : undefined;
  return {
    result,
    gate: options.gate,
    link,
    files,
    docAnchor: new Map(files.map((p, i) => [p, `doc-${i + 1}`])),
    clusterAnchor: new Map(result.clusters.map((c, i) => [c.id, `article-${i + 1}`])),
    byFile,
    colours: languageColours(result),
    fragments,
    share: (kind, key, make) => fragments.shared(kind, key, make),
    docs: new Map(result.documents.filter((d): d is DocumentEntry => d.status === 'audited').map((d) => [d.path, d])),
    skipped: new Map(result.documents.filter((d): d is SkippedEntry => d.status !== 'audited').map((d) => [d.path, d])),
    clusters: new Map(result.clusters.map((c) => [c.id, c])),
    titles: new Map(result.clusters.map((c) => [c.id, c.title || path.posix.basename(c.output)])),
    members,
    doses: firstByPath(result.doses),
    citations: firstByPath(result.citations),
    index: new Map(result.findings.map((f, i) => [f, i])),
    states,
    ruleAnchor: (id) => `rule-${ruleIndex.get(id) ?? 0}`,
    rules,
    worst: worstFirst(files, byFile, states),
    lazy: files.length > (options.lazyAbove ?? LAZY_ABOVE),
    deferred: new Deferred(fragments, undefined, pieces),
    outputs: outputsByPath(result),
    editions,
    ...(pieces ? { pieces } : {}),
  };
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Drafts worst first: most open errors (those that count toward the exit code), then most
 * errors, warnings and infos; ties by path.
 */
function worstFirst(files: string[], byFile: Map<string, Finding[]>, states: Map<Finding, FindingState>): Map<string, number> {
  const score = new Map<string, number[]>();
  for (const file of files) {
    const s = [0, 0, 0, 0];
    for (const f of byFile.get(file) ?? []) {
      if (f.severity === 'error' && states.get(f) === 'counted') s[0]!++;
      s[1 + RANK[f.severity]]!++;
    }
    score.set(file, s);
  }
  const order = [...files].sort((a, b) => {
    const x = score.get(a)!;
    const y = score.get(b)!;
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return y[i]! - x[i]!;
    return cmp(a, b);
  });
  return new Map(order.map((file, i) => [file, i]));
}

/**
 * The cleaned articles by output path. `clusters[].output` is the output folder joined with
 * the file name, as the working directory sees it; an output is found by that file name.
 */
function outputsByPath(result: AuditResult): Map<string, CleanOutput> {
  const byCluster = groupBy(result.outputs, (o) => o.cluster);
  const out = new Map<string, CleanOutput>();
  const add = (cluster: string, output: string): void => {
    const found = (byCluster.get(cluster) ?? []).find((o) => output === o.file || output.endsWith(`/${o.file}`));
    if (found) out.set(output, found);
  };
  for (const c of result.clusters) for (const e of editionsOf(result)(c)) add(c.id, e.output);
  return out;
}

/**
 * A cluster's editions (one per publication language): `clusters[].editions` when the result
 * has them, else the one edition the cluster is (its canonical and every version).
 */
function editionsOf(_result: AuditResult): (c: ClusterEntry) => Edition[] {
  return (c) => {
    const listed = (c as ClusterEntry & { editions?: unknown }).editions;
    if (Array.isArray(listed) && listed.length > 0 && listed.every(isEdition)) return listed;
    return [{ canonical: c.canonical, output: c.output, members: [c.canonical, ...c.members.map((m) => m.path)] }];
  };
}

function isEdition(x: unknown): x is Edition {
  if (typeof x !== 'object' || x === null) return false;
  const e = x as Record<string, unknown>;
  return typeof e.canonical === 'string' && typeof e.output === 'string' && Array.isArray(e.members) && e.members.every((m) => typeof m === 'string');
}

/** The first entry of each path, as `list.find((x) => x.path === p)` would give it. */
export function firstByPath<T extends { path: string }>(list: readonly T[]): Map<string, T> {
  const out = new Map<string, T>();
  for (const x of list) if (!out.has(x.path)) out.set(x.path, x);
  return out;
}
