/** Terminal output grouped per file, as ESLint's "stylish": `line:col  severity  message  rule`. */
import { meetsFailOn, type AuditResult } from '../audit.js';
import type { Finding, Severity } from '../types.js';
import { stateLabel, stateOf, type Gate } from './gate.js';
import { groupBy } from '../collections.js';
import { printable, printableName } from './printable.js';

export interface TextOptions {
  /** Only the findings that count toward the exit code (open, at or above --fail-on), and the summary. */
  quiet?: boolean;
  color?: boolean;
  /** Baseline, --changed-since and fixed state: findings that do not count are marked. */
  gate?: Gate;
  /** The cleaned articles' folder as the user named it (for "fixed in output/"). */
  outputDir?: string;
}

const COLORS: Record<Severity, string> = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m' };

export function renderText(result: AuditResult, options: TextOptions = {}): string {
  const paint = (s: string, code: string): string => (options.color ? `${code}${s}\x1b[0m` : s);
  const mark = (f: Finding): string => {
    const state = stateOf(f, options.gate);
    return state === 'counted' && f.fixed ? 'fixed' : stateLabel(state, options.gate);
  };
  const shown = options.quiet
    ? result.findings.filter((f) => stateOf(f, options.gate) === 'counted' && meetsFailOn(f.severity, result.failOn))
    : result.findings;
  const byFile = groupBy(shown, (f) => f.path);
  const lines: string[] = [];
  for (const [file, findings] of byFile) {
    lines.push('', paint(printableName(file), '\x1b[4m'));
    const rows = findings.map((f) => [`${f.span.start.line}:${f.span.start.column}`, f.severity, oneLine(f.message), f.ruleId, mark(f)] as const);
    const w0 = rows.reduce((w, r) => Math.max(w, r[0].length), 0);
    const w2 = rows.reduce((w, r) => Math.max(w, r[2].length), 0);
    for (const [pos, sev, msg, rule, note] of rows) {
      const line = `  ${pos.padEnd(w0)}  ${paint(sev.padEnd(7), COLORS[sev])}  ${msg.padEnd(w2)}  ${paint(rule, '\x1b[2m')}`;
      lines.push(note ? `${line}  ${paint(`(${note})`, '\x1b[2m')}` : line);
    }
  }
  const { errors, warnings, infos, documents, clusters } = result.summary;
  const suppressed = result.summary.suppressed ?? 0;
  const total = errors + warnings + infos;
  const silenced = suppressed > 0 ? ` (${suppressed} suppressed by directive${suppressed === 1 ? '' : 's'})` : '';
  lines.push('');
  lines.push(`${documents} draft${documents === 1 ? '' : 's'} in ${clusters} article${clusters === 1 ? '' : 's'}`);
  lines.push(
    total === 0
      ? `✔ no problems${silenced}`
      : paint(`✖ ${total} problem${total === 1 ? '' : 's'} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')})${silenced}`, errors ? COLORS.error : COLORS.warning),
  );
  lines.push(...fixedLines(result.findings, options.outputDir ?? 'output/'));
  const notCounted = gateLine(result.findings, options.gate);
  if (notCounted) lines.push(notCounted);
  return `${lines.join('\n')}\n`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "63 errors: 57 fixed in output/, 6 need an editor", per severity that has findings. */
function fixedLines(findings: readonly Finding[], outputDir: string): string[] {
  const out: string[] = [];
  for (const severity of ['error', 'warning'] as const) {
    const all = findings.filter((f) => f.severity === severity);
    if (all.length === 0) continue;
    const fixed = all.filter((f) => f.fixed).length;
    const open = all.length - fixed;
    out.push(`  ${plural(all.length, severity)}: ${fixed} fixed in ${outputDir}, ${open} need${open === 1 ? 's' : ''} an editor`);
  }
  return out;
}

/** "of which 2 in the baseline FILE and 1 on drafts not changed since main: reported, not counted …". */
function gateLine(findings: readonly Finding[], gate: Gate | undefined): string {
  if (!gate || findings.length === 0) return '';
  const parts: string[] = [];
  if (gate.baseline) parts.push(`${findings.filter((f) => stateOf(f, gate) === 'baselined').length} in the baseline ${gate.baseline.file}`);
  if (gate.changed) parts.push(`${findings.filter((f) => stateOf(f, gate) === 'unchanged').length} on drafts not changed since ${gate.changed.ref}`);
  if (parts.length === 0) return '';
  return `  of which ${parts.join(' and ')}: reported, not counted toward the exit code`;
}

function oneLine(s: string): string {
  return printable(s.replace(/\s+/g, ' '));
}
