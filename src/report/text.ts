/**
 * Terminal output grouped per file, as ESLint's "stylish": `line:col  severity  message  rule`.
 * Columns are measured in display width (string-width: a Chinese character takes two
 * columns, a combining mark none) and a message wraps (wrap-ansi) to the terminal's width
 * under its own column, never padded to the longest message. After more than
 * `SUMMARY_ABOVE` findings, a per-rule summary; at the end, where the reports and the
 * cleaned articles were written.
 */
import type StringWidth from 'string-width';
import type WrapAnsi from 'wrap-ansi';
import { loadNow } from '../lazy.js';
import { meetsFailOn, type AuditResult } from '../audit.js';
import { cmp } from '../order.js';
import type { Finding, Severity } from '../types.js';
import { stateLabel, stateOf, type Gate } from './gate.js';
import { groupBy } from '../collections.js';
import { printable, printableName } from './printable.js';

/**
 * Display width: string-width's own fast path for printable ASCII (width = length), and
 * string-width itself for anything else. It is loaded only then (see lazy.ts): it makes an
 * Intl.Segmenter when loaded, about 10 ms, which a run whose ids and paths are ASCII never needs.
 */
function stringWidth(text: string): number {
  return /^[\u0020-\u007E]*$/.test(text) ? text.length : loadNow<{ default: typeof StringWidth }>('string-width').default(text);
}

/** wrap-ansi, loaded when there is a terminal to wrap to (it loads string-width). */
const wrapAnsi: typeof WrapAnsi = (...args) => loadNow<{ default: typeof WrapAnsi }>('wrap-ansi').default(...args);

export interface TextOptions {
  /** Only the findings that count toward the exit code (open, at or above --fail-on), and the summary. */
  quiet?: boolean;
  color?: boolean;
  /** Baseline, --changed-since and fixed state: findings that do not count are marked. */
  gate?: Gate;
  /** The cleaned articles' folder as the user named it (for "fixed in output/"). */
  outputDir?: string;
  /**
   * The terminal's width in columns. Without it (output to a file or a CI log) nothing wraps:
   * one finding stays one line, for grep and for log viewers that wrap by themselves.
   */
  columns?: number;
  /** What the run wrote: the report files and the number of cleaned articles, as the user names them. */
  written?: { reports: string[]; articles: number };
}

/** Findings shown above which a per-rule summary ends the output. */
export const SUMMARY_ABOVE = 50;

const COLORS: Record<Severity, string> = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m' };
const SEVERITY_WIDTH = 7;
/** A message is never squeezed narrower than this, however narrow the terminal. */
const MIN_MESSAGE = 16;

export function renderText(result: AuditResult, options: TextOptions = {}): string {
  return [...textChunks(result, options)].join('');
}

/**
 * The output in pieces, a file's findings at a time, each line ending in a newline: a batch
 * of thousands of drafts prints hundreds of thousands of lines, which as one string (held
 * twice over while it is encoded) set the run's peak memory.
 */
export function* textChunks(result: AuditResult, options: TextOptions = {}): Generator<string> {
  const paint = (s: string, code: string): string => (options.color ? `${code}${s}\x1b[0m` : s);
  const columns = options.columns === undefined ? Infinity : Math.max(40, options.columns);
  const wrap = (text: string, width: number): string[] => (Number.isFinite(width) ? wrapAnsi(text, width, { hard: true, trim: true }).split('\n') : [text]);
  const mark = (f: Finding): string => {
    const state = stateOf(f, options.gate);
    return state === 'counted' && f.fixed ? 'fixed' : stateLabel(state, options.gate);
  };
  const shown = options.quiet
    ? result.findings.filter((f) => stateOf(f, options.gate) === 'counted' && meetsFailOn(f.severity, result.failOn))
    : result.findings;
  const byFile = groupBy(shown, (f) => f.path);
  for (const [file, findings] of byFile) {
    const lines = ['', paint(printableName(file), '\x1b[4m')];
    const positions = findings.map((f) => `${f.span.start.line}:${f.span.start.column}`);
    const w0 = positions.reduce((w, p) => Math.max(w, p.length), 0);
    const indent = 2 + w0 + 2 + SEVERITY_WIDTH + 2;
    const width = Math.max(MIN_MESSAGE, columns - indent);
    findings.forEach((f, i) => {
      const note = mark(f);
      const tail = `  ${paint(printable(f.ruleId), '\x1b[2m')}${note ? `  ${paint(`(${note})`, '\x1b[2m')}` : ''}`;
      const [first = '', ...rest] = wrap(`${oneLine(f.message)}${tail}`, width);
      lines.push(`  ${positions[i]!.padEnd(w0)}  ${paint(f.severity.padEnd(SEVERITY_WIDTH), COLORS[f.severity])}  ${first}`);
      for (const line of rest) lines.push(`${' '.repeat(indent)}${line}`);
    });
    yield terminated(lines);
  }
  const lines: string[] = [];
  const { errors, warnings, infos, documents, clusters } = result.summary;
  const suppressed = result.summary.suppressed ?? 0;
  const total = errors + warnings + infos;
  const silenced = suppressed > 0 ? ` (${suppressed} suppressed by directive${suppressed === 1 ? '' : 's'})` : '';
  if (shown.length > SUMMARY_ABOVE) lines.push('', ...ruleSummary(shown, columns));
  const footer: string[] = [''];
  footer.push(`${documents} draft${documents === 1 ? '' : 's'} in ${clusters} article${clusters === 1 ? '' : 's'}`);
  footer.push(
    total === 0
      ? `✔ no problems${silenced}`
      : paint(`✖ ${total} problem${total === 1 ? '' : 's'} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')})${silenced}`, errors ? COLORS.error : COLORS.warning),
  );
  footer.push(...fixedLines(result.findings, options.outputDir ?? 'output/'));
  const notCounted = gateLine(result.findings, options.gate);
  if (notCounted) footer.push(notCounted);
  // The footer wraps to the terminal too, a wrapped line indented like its first.
  for (const line of footer) {
    const lead = /^ */.exec(line)![0];
    const [first = '', ...rest] = wrap(line.slice(lead.length), columns - lead.length - 2);
    lines.push(`${lead}${first}`, ...rest.map((l) => `${lead}  ${l}`));
  }
  if (options.written) lines.push(...writtenLines(options.written, options.outputDir ?? 'output/', columns));
  yield terminated(lines);
}

/** Lines, each ending in a newline. */
function terminated(lines: readonly string[]): string {
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "Findings by rule:" and one line per rule, most findings first, ids aligned by display width. */
function ruleSummary(findings: readonly Finding[], columns: number): string[] {
  const byRule = groupBy(findings, (f) => f.ruleId);
  const rows = [...byRule].sort(([a, x], [b, y]) => y.length - x.length || cmp(a, b));
  const ids = rows.map(([id]) => printable(id));
  const w = Math.min(Math.max(...ids.map((id) => stringWidth(id))), Math.floor(columns / 2));
  return [
    'Findings by rule:',
    ...rows.map(([, list], i) => {
      const counts = (['error', 'warning', 'info'] as const).flatMap((s) => {
        const n = list.filter((f) => f.severity === s).length;
        return n === 0 ? [] : [plural(n, s)];
      });
      const fixed = list.filter((f) => f.fixed).length;
      const id = ids[i]!;
      return `  ${id}${' '.repeat(Math.max(0, w - stringWidth(id)))}  ${String(list.length).padStart(5)}  ${counts.join(', ')}${fixed > 0 ? `; ${fixed} fixed` : ''}`;
    }),
  ];
}

/** Where the reports and the cleaned articles went, each path on its own line when they do not fit on one. */
function writtenLines(written: { reports: string[]; articles: number }, outputDir: string, columns: number): string[] {
  const out: string[] = [''];
  const reports = written.reports.map(printableName);
  const oneLine = `Reports: ${reports.join(', ')}`;
  if (stringWidth(oneLine) <= columns) out.push(oneLine);
  else out.push('Reports:', ...reports.map((r) => `  ${r}`));
  out.push(`Cleaned articles: ${written.articles} in ${printableName(outputDir)}`);
  return out;
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
