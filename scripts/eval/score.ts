/**
 * Scoring of an audit against hand-written labels: pure functions, no I/O.
 *
 * A finding matches a label when both name the same draft and rule and the label's line
 * lies within the finding's lines (line … endLine), and the finding's `data` holds the values
 * the label's `data` gives, if any (the language of a foreign block). A rule is scored on its warnings and
 * errors; infos are counted apart, except for a rule whose own default severity is info
 * (`infoRules`), which is scored on its infos. A scored finding that matches a required
 * label is true, one that matches no label is false, and one that matches only optional
 * labels counts neither way. A required label is found when a scored finding matches it.
 */
import type { Severity } from '../../src/types.js';
import type { Labels } from './labels.js';

export interface EvalFinding {
  /** Draft, as named in the labels (path inside the corpus folder, `/` separators). */
  file: string;
  ruleId: string;
  severity: Severity;
  line: number;
  endLine: number;
  message: string;
  data?: Record<string, unknown>;
}

export interface Figures {
  /** Scored findings (warnings and errors; infos for an info rule). */
  findings: number;
  true: number;
  false: number;
  /** Scored findings that matched only optional labels. */
  optional: number;
  /** true / (true + false); null when there is nothing to judge. */
  precision: number | null;
  /** Required labels. */
  labels: number;
  found: number;
  /** found / labels; null when there are no labels. */
  recall: number | null;
  /** Info findings of a rule scored on warnings and errors. */
  infos: number;
}

export interface RuleFigures extends Figures {
  ruleId: string;
}

export interface FamilyFigures extends Figures {
  family: string;
}

export interface CleanArticle {
  file: string;
  warnings: number;
  errors: number;
  /** Warnings and errors by rule id. */
  byRule: Record<string, number>;
}

export interface MissedLabel {
  file: string;
  ruleId: string;
  line: number;
  note: string;
}

export interface EvalReport {
  rules: RuleFigures[];
  families: FamilyFigures[];
  clean: CleanArticle[];
  falseFindings: EvalFinding[];
  missed: MissedLabel[];
}

export interface ScoreOptions {
  /** Rules scored on their infos (their default severity is info). */
  infoRules?: ReadonlySet<string>;
  /** Rules listed in the table even when neither labelled nor reported. */
  ruleIds?: readonly string[];
}

export function familyOf(ruleId: string): string {
  const slash = ruleId.indexOf('/');
  return slash < 0 ? ruleId : ruleId.slice(0, slash);
}

export function matches(finding: EvalFinding, label: { ruleId: string; line: number; data?: Record<string, unknown> }): boolean {
  if (finding.ruleId !== label.ruleId || label.line < finding.line || label.line > finding.endLine) return false;
  return Object.entries(label.data ?? {}).every(([k, v]) => finding.data?.[k] === v);
}

function isScored(finding: EvalFinding, infoRules: ReadonlySet<string>): boolean {
  return infoRules.has(finding.ruleId) || finding.severity !== 'info';
}

function emptyFigures(): Figures {
  return { findings: 0, true: 0, false: 0, optional: 0, precision: null, labels: 0, found: 0, recall: null, infos: 0 };
}

function withRatios<T extends Figures>(f: T): T {
  const judged = f.true + f.false;
  f.precision = judged === 0 ? null : f.true / judged;
  f.recall = f.labels === 0 ? null : f.found / f.labels;
  return f;
}

export function score(findings: readonly EvalFinding[], labels: Labels, options: ScoreOptions = {}): EvalReport {
  const infoRules = options.infoRules ?? new Set<string>();
  const byRule = new Map<string, Figures>();
  const figuresOf = (ruleId: string): Figures => {
    let f = byRule.get(ruleId);
    if (!f) byRule.set(ruleId, (f = emptyFigures()));
    return f;
  };
  for (const id of options.ruleIds ?? []) figuresOf(id);

  const byFile = new Map<string, EvalFinding[]>();
  for (const f of findings) {
    const list = byFile.get(f.file) ?? [];
    list.push(f);
    byFile.set(f.file, list);
  }

  const falseFindings: EvalFinding[] = [];
  for (const f of findings) {
    const figures = figuresOf(f.ruleId);
    if (!isScored(f, infoRules)) {
      figures.infos++;
      continue;
    }
    figures.findings++;
    const defects = labels.articles[f.file]?.defects ?? [];
    const hit = defects.filter((d) => matches(f, d));
    if (hit.some((d) => !d.optional)) figures.true++;
    else if (hit.length > 0) figures.optional++;
    else {
      figures.false++;
      falseFindings.push(f);
    }
  }

  const missed: MissedLabel[] = [];
  const clean: CleanArticle[] = [];
  for (const [file, article] of Object.entries(labels.articles)) {
    const mine = byFile.get(file) ?? [];
    for (const d of article.defects) {
      if (d.optional) continue;
      const figures = figuresOf(d.ruleId);
      figures.labels++;
      if (mine.some((f) => isScored(f, infoRules) && matches(f, d))) figures.found++;
      else missed.push({ file, ruleId: d.ruleId, line: d.line, note: d.note });
    }
    if (article.clean) {
      const entry: CleanArticle = { file, warnings: 0, errors: 0, byRule: {} };
      for (const f of mine) {
        if (f.severity === 'info') continue;
        if (f.severity === 'warning') entry.warnings++;
        else entry.errors++;
        entry.byRule[f.ruleId] = (entry.byRule[f.ruleId] ?? 0) + 1;
      }
      clean.push(entry);
    }
  }

  const rules = [...byRule].map(([ruleId, f]) => withRatios({ ruleId, ...f })).sort((a, b) => (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
  const familyMap = new Map<string, FamilyFigures>();
  for (const r of rules) {
    const family = familyOf(r.ruleId);
    const f = familyMap.get(family) ?? { family, ...emptyFigures() };
    f.findings += r.findings;
    f.true += r.true;
    f.false += r.false;
    f.optional += r.optional;
    f.labels += r.labels;
    f.found += r.found;
    f.infos += r.infos;
    familyMap.set(family, f);
  }
  const families = [...familyMap.values()].map(withRatios);
  const order = (a: { file: string; line: number; ruleId: string }, b: { file: string; line: number; ruleId: string }) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
  return {
    rules,
    families,
    clean: clean.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)),
    falseFindings: falseFindings.sort(order),
    missed: missed.sort(order),
  };
}

export interface GateFailure {
  what: string;
  detail: string;
}

/**
 * What keeps the given families from the bar: per rule with labels or findings, precision
 * at least `minPrecision` and recall at least `minRecall`; no warning or error of those
 * families on a clean article.
 */
export function gateFailures(report: EvalReport, families: readonly string[], minPrecision = 0.95, minRecall = 0.9): GateFailure[] {
  const inScope = (ruleId: string) => families.includes(familyOf(ruleId));
  const failures: GateFailure[] = [];
  for (const r of report.rules) {
    if (!inScope(r.ruleId)) continue;
    if (r.precision !== null && r.precision < minPrecision) failures.push({ what: r.ruleId, detail: `precision ${r.precision.toFixed(2)} < ${minPrecision}` });
    if (r.recall !== null && r.recall < minRecall) failures.push({ what: r.ruleId, detail: `recall ${r.recall.toFixed(2)} < ${minRecall}` });
  }
  for (const c of report.clean) {
    const noisy = Object.entries(c.byRule).filter(([id]) => inScope(id));
    if (noisy.length > 0) failures.push({ what: c.file, detail: `clean article with ${noisy.map(([id, n]) => `${n} ${id}`).join(', ')}` });
  }
  return failures;
}
