/**
 * The engine: `audit(paths, config)` runs load → parse → document rules → corpus →
 * cluster rules → clean and returns an AuditResult. No output to stdout, no files written:
 * the CLI and the tests drive it, and reporters read what it returns.
 */
import path from 'node:path';
import type {
  Block,
  Change,
  Cluster,
  ClusterRule,
  ClusterView,
  Document,
  DocumentRule,
  FailOn,
  Finding,
  ResolvedConfig,
  Rule,
  RuleContext,
  RuleFinding,
  Severity,
} from './types.js';
import { createDocument } from './document.js';
import { loadFinding, loadSources } from './load/index.js';
import { rules } from './rules/index.js';
import { buildCorpus } from './corpus/index.js';
import { cleanCorpus, type CleanOutput } from './clean/index.js';
import { excerptOf } from './position.js';
import { isSuppressed, suppressionRanges } from './suppress.js';
import { VERSION } from './version.js';
import { citationTable } from './cite/index.js';
import type { CitationTable } from './cite/types.js';
import { doseTable, knowledgeBase, type DoseTable } from './dose/index.js';

export interface AuditOptions {
  cwd?: string;
  /** Folder the cleaned articles go to, for the `output` paths in the report. */
  outputDir?: string;
  /** Clock for `generatedAt` (tests pin it). */
  now?: () => Date;
  /** The rules to run (default: the registry). */
  rules?: readonly Rule[];
}

export interface DocumentEntry {
  path: string;
  format: Document['format'];
  encoding: string;
  bytes: number;
  primaryLanguage: string;
  languages: Record<string, number>;
  blocks: number;
  cluster: string;
  canonical: boolean;
}

export interface ClusterEntry {
  id: string;
  canonical: string;
  output: string;
  /** Title of the cleaned article (an extension of the contract). */
  title: string;
  members: Array<{ path: string; similarity: number }>;
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
  };
  documents: DocumentEntry[];
  clusters: ClusterEntry[];
  findings: Finding[];
  changes: Change[];
  /** Cleaned articles, by file name inside the output folder. */
  outputs: CleanOutput[];
  /** Alignments and diffs of every cluster (for the HTML report). */
  corpus: Cluster[];
  /** Blocks of every document, by path (for the HTML report's language strip and diffs). */
  blocks: Record<string, BlockEntry[]>;
  /** Citation table of every document (marker → reference → where used), sorted by path. */
  citations: CitationTable[];
  /** Dose figures of every document, sorted by path. */
  doses: DoseTable[];
}

const SEVERITY_RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

export function meetsFailOn(severity: Severity, failOn: FailOn): boolean {
  return failOn !== 'never' && SEVERITY_RANK[severity] >= SEVERITY_RANK[failOn];
}

export function exitCodeFor(result: Pick<AuditResult, 'findings'>, failOn: FailOn): 0 | 1 {
  return result.findings.some((f) => meetsFailOn(f.severity, failOn)) ? 1 : 0;
}

export async function audit(paths: string[], config: ResolvedConfig, options: AuditOptions = {}): Promise<AuditResult> {
  const cwd = options.cwd ?? process.cwd();
  const outputDir = options.outputDir ?? path.join(cwd, 'output');
  const loaded = await loadSources(paths, { cwd, include: config.include, exclude: config.exclude, maxFileSize: config.maxFileSize });
  const raw: Finding[] = [...loaded.findings];
  const ctx = { config };

  const docs: Document[] = [];
  for (const source of loaded.sources) {
    try {
      docs.push(createDocument(source, config));
    } catch (error) {
      raw.push(loadFinding('input/unreadable-or-empty', source.path, `Cannot parse the draft: ${messageOf(error)}`));
    }
  }
  const byPath = new Map(docs.map((d) => [d.path, d]));

  const enabled = (options.rules ?? rules).filter((r) => (config.rules[r.id] ?? r.meta.defaultSeverity) !== 'off');
  const documentRules = enabled.filter((r): r is DocumentRule => r.scope === 'document');
  const clusterRules = enabled.filter((r): r is ClusterRule => r.scope === 'cluster');

  for (const doc of docs) raw.push(...runDocumentRules(doc, documentRules, ctx));

  const clusters = buildCorpus(docs, config);
  for (const cluster of clusters) {
    if (cluster.members.length === 0) continue;
    const view = clusterView(cluster, byPath);
    for (const rule of clusterRules) {
      try {
        for (const f of rule.check(view, ctx)) raw.push(toFinding(rule.id, byPath.get(f.path)!, f));
      } catch (error) {
        raw.push(crash(rule.id, cluster.canonical, error));
      }
    }
  }

  const findings = finalise(raw, config, byPath, [...rules, ...(options.rules ?? [])]);
  const { outputs, changes } = cleanCorpus(clusters, byPath, findings);
  const outputOf = new Map(outputs.map((o) => [o.cluster, o.file]));
  const titleOf = new Map(outputs.map((o) => [o.cluster, o.title]));
  const outputPath = (id: string): string => relPath(cwd, path.join(outputDir, outputOf.get(id)!));

  const clusterOf = new Map<string, Cluster>();
  for (const c of clusters) {
    clusterOf.set(c.canonical, c);
    for (const m of c.members) clusterOf.set(m.path, c);
  }

  const summary = summarise(findings, docs.length, clusters.length);
  const kb = knowledgeBase(config);
  return {
    schemaVersion: 1,
    tool: { name: 'draftaudit', version: VERSION },
    generatedAt: (options.now ?? (() => new Date()))().toISOString(),
    failOn: config.failOn,
    summary,
    documents: docs.map((d) => ({
      path: d.path,
      format: d.format,
      encoding: d.encoding,
      bytes: d.bytes,
      primaryLanguage: d.language.primary,
      languages: d.language.shares,
      blocks: d.blocks.length,
      cluster: clusterOf.get(d.path)!.id,
      canonical: clusterOf.get(d.path)!.canonical === d.path,
    })),
    clusters: clusters.map((c) => ({ id: c.id, canonical: c.canonical, output: outputPath(c.id), title: titleOf.get(c.id)!, members: c.members })),
    findings,
    changes: changes.map((c) => ({ ...c, output: relPath(cwd, path.join(outputDir, c.output)) })),
    outputs,
    corpus: clusters,
    citations: docs.map((d) => citationTable(d)),
    doses: docs.map((d) => doseTable(d, kb)),
    blocks: Object.fromEntries(
      docs.map((d) => [
        d.path,
        d.blocks.map((b) => ({
          index: b.index,
          kind: b.kind,
          line: b.position.start.line,
          column: b.position.start.column,
          lang: d.language.blocks[b.index] ?? d.language.primary,
          text: b.text,
        })),
      ]),
    ),
  };
}

/** Runs document rules on one draft; a rule that throws gives `internal/rule-crash` instead. */
export function runDocumentRules(doc: Document, documentRules: readonly DocumentRule[], ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const rule of documentRules) {
    try {
      for (const f of rule.check(doc, ctx)) out.push(toFinding(rule.id, doc, f));
    } catch (error) {
      out.push(crash(rule.id, doc.path, error));
    }
  }
  return out;
}

function clusterView(cluster: Cluster, byPath: Map<string, Document>): ClusterView {
  return {
    cluster,
    canonical: byPath.get(cluster.canonical)!,
    members: cluster.members.map((m) => byPath.get(m.path)!),
    alignment: (p) => cluster.alignments.find((a) => a.path === p),
  };
}

/** Findings whose rule set a severity of their own (kept out of the JSON shape). */
const OWN_SEVERITY = new WeakSet<Finding>();

function toFinding(ruleId: string, doc: Document, f: RuleFinding): Finding {
  const finding: Finding = {
    ruleId,
    severity: f.severity ?? 'error',
    path: doc.path,
    span: f.span,
    message: f.message,
    excerpt: f.excerpt ?? excerptOf(doc.text, f.span),
  };
  if (f.data) finding.data = f.data;
  if (f.severity) OWN_SEVERITY.add(finding);
  return finding;
}

function crash(ruleId: string, file: string, error: unknown): Finding {
  const f = loadFinding('internal/rule-crash', file, `Rule ${ruleId} failed on this draft: ${messageOf(error)}`);
  f.data = { rule: ruleId };
  return f;
}

/** Applies configured severities, drops `off` rules and suppressed findings, and sorts. */
function finalise(raw: Finding[], config: ResolvedConfig, byPath: Map<string, Document>, known: readonly Rule[]): Finding[] {
  const defaults = new Map(known.map((r) => [r.id, r.meta.defaultSeverity]));
  const ranges = new Map<string, ReturnType<typeof suppressionRanges>>();
  const out: Finding[] = [];
  for (const f of raw) {
    // Config first, then the finding's own severity, then the rule's default.
    const level = config.rules[f.ruleId] ?? (OWN_SEVERITY.has(f) ? f.severity : undefined) ?? defaults.get(f.ruleId) ?? f.severity;
    if (level === 'off') continue;
    const doc = byPath.get(f.path);
    if (doc) {
      if (!ranges.has(doc.path)) ranges.set(doc.path, suppressionRanges(doc.text, doc.lineStarts));
      if (isSuppressed(f, ranges.get(doc.path)!)) continue;
    }
    out.push({ ...f, severity: level });
  }
  return out.sort(compareFindings);
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    cmp(a.path, b.path) ||
    a.span.start.line - b.span.start.line ||
    a.span.start.column - b.span.start.column ||
    cmp(a.ruleId, b.ruleId) ||
    a.span.end.offset - b.span.end.offset ||
    cmp(a.message, b.message)
  );
}

function summarise(findings: Finding[], documents: number, clusters: number): AuditResult['summary'] {
  const byRule: Record<string, number> = {};
  for (const r of rules) byRule[r.id] = 0;
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of findings) {
    byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1;
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
    else infos++;
  }
  return { documents, clusters, errors, warnings, infos, byRule };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function relPath(cwd: string, p: string): string {
  const rel = path.relative(cwd, p);
  return (rel.startsWith('..') || path.isAbsolute(rel) ? p : rel).split(path.sep).join('/');
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}
