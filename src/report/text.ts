/** Terminal output grouped per file, as ESLint's "stylish": `line:col  severity  message  rule`. */
import type { AuditResult } from '../audit.js';
import type { Finding, Severity } from '../types.js';
import { stateLabel, stateOf, type Gate } from './gate.js';
import { groupBy } from '../collections.js';

export interface TextOptions {
  /** Only errors (as ESLint's --quiet). */
  quiet?: boolean;
  color?: boolean;
  /** Baseline and --changed-since state: findings that do not count are marked. */
  gate?: Gate;
}

const COLORS: Record<Severity, string> = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m' };

export function renderText(result: AuditResult, options: TextOptions = {}): string {
  const paint = (s: string, code: string): string => (options.color ? `${code}${s}\x1b[0m` : s);
  const mark = (f: Finding): string => stateLabel(stateOf(f, options.gate), options.gate);
  const shown = options.quiet ? result.findings.filter((f) => f.severity === 'error') : result.findings;
  const byFile = groupBy(shown, (f) => f.path);
  const lines: string[] = [];
  for (const [file, findings] of byFile) {
    lines.push('', paint(file, '\x1b[4m'));
    const rows = findings.map((f) => [`${f.span.start.line}:${f.span.start.column}`, f.severity, oneLine(f.message), f.ruleId, mark(f)] as const);
    const w0 = Math.max(...rows.map((r) => r[0].length));
    const w2 = Math.max(...rows.map((r) => r[2].length));
    for (const [pos, sev, msg, rule, note] of rows) {
      const line = `  ${pos.padEnd(w0)}  ${paint(sev.padEnd(7), COLORS[sev])}  ${msg.padEnd(w2)}  ${paint(rule, '\x1b[2m')}`;
      lines.push(note ? `${line}  ${paint(`(${note})`, '\x1b[2m')}` : line);
    }
  }
  const { errors, warnings, infos, documents, clusters } = result.summary;
  const total = errors + warnings + infos;
  lines.push('');
  lines.push(`${documents} draft${documents === 1 ? '' : 's'} in ${clusters} article${clusters === 1 ? '' : 's'}`);
  lines.push(
    total === 0
      ? '✔ no problems'
      : paint(`✖ ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${infos} info${infos === 1 ? '' : 's'})`, errors ? COLORS.error : COLORS.warning),
  );
  const notCounted = gateLine(result.findings, options.gate);
  if (notCounted) lines.push(notCounted);
  return `${lines.join('\n')}\n`;
}

/** "of which 2 in the baseline FILE and 1 on drafts not changed since main: reported, not counted …". */
function gateLine(findings: readonly Finding[], gate: Gate | undefined): string {
  if (!gate || findings.length === 0) return '';
  const parts: string[] = [];
  if (gate.baseline) parts.push(`${findings.filter((f) => stateOf(f, gate) === 'baselined').length} in the baseline ${gate.baseline.file}`);
  if (gate.changed) parts.push(`${findings.filter((f) => stateOf(f, gate) === 'unchanged').length} on drafts not changed since ${gate.changed.ref}`);
  return `  of which ${parts.join(' and ')}: reported, not counted toward the exit code`;
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ');
}
