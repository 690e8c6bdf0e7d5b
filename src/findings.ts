/**
 * Findings as the engine keeps them: severities resolved (config, then the finding's own,
 * then the rule's default), suppression comments applied, sorted for a stable report.
 */
import { visit } from 'unist-util-visit';
import type { Document, Finding, ResolvedConfig, Rule, RuleFinding, Severity, SeverityOrOff } from './types.js';
import { excerptOf, spanOf } from './position.js';
import { parseDirectives, runDirectives, type DirectiveRule } from './suppress.js';
import { cmp } from './order.js';

/** The severity each rule's findings get under a config. */
export class Severities {
  private readonly defaults: Map<string, Severity>;

  constructor(
    private readonly config: Pick<ResolvedConfig, 'rules'>,
    known: readonly Rule[],
  ) {
    this.defaults = new Map(known.map((r) => [r.id, r.meta.defaultSeverity]));
  }

  /** Config first, then the finding's own severity (a softer case of its rule), then the default. */
  of(ruleId: string, own?: Severity): SeverityOrOff {
    return this.config.rules[ruleId] ?? own ?? this.defaults.get(ruleId) ?? 'error';
  }

  /** A finding made with its rule's default (by a stage, not a rule) under this config; undefined when off. */
  resolve(f: Finding): Finding | undefined {
    const severity = this.of(f.ruleId);
    return severity === 'off' ? undefined : { ...f, severity };
  }

  enabled(rule: Rule): boolean {
    return (this.config.rules[rule.id] ?? rule.meta.defaultSeverity) !== 'off';
  }
}

/**
 * A finding at the first character of a file, for problems with the file as a whole. The
 * severity is the rule's default; `Severities.resolve` applies the config.
 */
export function fileFinding(ruleId: string, file: string, message: string, severity: Severity = 'error'): Finding {
  return { ruleId, severity, path: file, span: spanOf([0], 0, 0), message, excerpt: '' };
}

/** A rule's finding with its rule id, path, severity and excerpt; undefined when the rule is off. */
export function toFinding(ruleId: string, doc: Pick<Document, 'path' | 'text'>, f: RuleFinding, severities: Severities): Finding | undefined {
  const severity = severities.of(ruleId, f.severity);
  if (severity === 'off') return undefined;
  const finding: Finding = {
    ruleId,
    severity,
    path: doc.path,
    span: f.span,
    message: f.message,
    excerpt: f.excerpt ?? excerptOf(doc.text, f.span),
  };
  if (f.data) finding.data = f.data;
  return finding;
}

export function crashFinding(ruleId: string, file: string, error: unknown, severities: Severities): Finding | undefined {
  const f = fileFinding('internal/rule-crash', file, `Rule ${ruleId} failed on this draft: ${messageOf(error)}`);
  f.data = { rule: ruleId };
  return severities.resolve(f);
}

/** Where a finding was silenced: the directive, its line, and the description written after `--`. */
export interface Suppression {
  directive: string;
  line: number;
  justification?: string;
}

/** A finding a directive silenced: reported apart (JSON `suppressed`, SARIF `suppressions`), never counted. */
export type SuppressedFinding = Finding & { suppression: Suppression };

export interface DirectiveOptions {
  severities: Severities;
  /** Every rule id of the registry: a directive naming another id is `directive/unknown`. */
  ruleIds: readonly string[];
  /** The rules of the `directive` family. */
  rules: readonly DirectiveRule[];
}

/**
 * Applies a draft's directives to all its findings (load, document and cluster rules): the
 * findings they silence go, the directive rules add theirs. Run once per draft, when every
 * finding on it is known, so that an unused directive is told from a used one.
 */
export function applyDirectives(
  findings: Finding[],
  doc: Pick<Document, 'path' | 'text' | 'lineStarts'> & Partial<Pick<Document, 'format' | 'tree'>>,
  options: DirectiveOptions,
): { findings: Finding[]; suppressed: SuppressedFinding[] } {
  if (!doc.text.includes('draftaudit')) return { findings, suppressed: [] };
  const known = new Set(options.ruleIds);
  const directives = parseDirectives(doc.text, doc.lineStarts, (id) => known.has(id), codeTest(doc));
  if (directives.length === 0) return { findings, suppressed: [] };
  const run = runDirectives(directives, findings, options.ruleIds);
  const out = run.kept;
  for (const rule of options.rules) {
    if (!options.severities.enabled(rule)) continue;
    for (const f of rule.check(run)) {
      const finding = toFinding(rule.id, doc, f, options.severities);
      if (finding) out.push(finding);
    }
  }
  const suppressed = run.suppressed.map((f): SuppressedFinding => {
    const d = run.silencedBy.get(f)!;
    const suppression: Suppression = { directive: `draftaudit${d.joined ? '-' : ' '}${d.word}`, line: d.span.start.line };
    if (d.description) suppression.justification = d.description;
    return { ...f, suppression };
  });
  return { findings: out, suppressed };
}

/**
 * Whether an offset of a Markdown draft lies in a code block or code span, read from the parse
 * (fences, indented code and backtick runs follow CommonMark's rules, which no scan of the
 * text alone gets right).
 */
function codeTest(doc: Partial<Pick<Document, 'format' | 'tree'>>): (offset: number) => boolean {
  if (doc.format !== 'md' || !doc.tree) return () => false;
  const ranges: Array<[number, number]> = [];
  visit(doc.tree, (node) => {
    if ((node.type === 'code' || node.type === 'inlineCode') && node.position) {
      ranges.push([node.position.start.offset ?? 0, node.position.end.offset ?? 0]);
    }
  });
  if (ranges.length === 0) return () => false;
  return (offset) => ranges.some(([from, to]) => offset >= from && offset < to);
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

export function summarise(findings: Finding[], documents: number, clusters: number, ruleIds: readonly string[]) {
  const byRule: Record<string, number> = {};
  for (const id of ruleIds) byRule[id] = 0;
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

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}

