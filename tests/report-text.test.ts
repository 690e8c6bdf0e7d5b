/**
 * The terminal report's layout: columns by display width (Chinese characters take two),
 * messages wrapped to the terminal under their own column and never padded to the longest
 * one, a per-rule summary after more than 50 findings, and where the run wrote its files.
 */
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import type { AuditResult } from '../src/audit.js';
import { renderText, SUMMARY_ABOVE, textChunks } from '../src/report/text.js';
import type { Finding, Severity } from '../src/types.js';

function finding(path: string, line: number, column: number, ruleId: string, severity: Severity, message: string, fixed = false): Finding {
  return {
    ruleId,
    severity,
    path,
    span: { start: { line, column, offset: 0 }, end: { line, column: column + 4, offset: 4 } },
    message,
    excerpt: '',
    fixed,
  };
}

function result(findings: Finding[]): AuditResult {
  const count = (s: Severity): number => findings.filter((f) => f.severity === s).length;
  return {
    summary: { documents: 2, clusters: 1, errors: count('error'), warnings: count('warning'), infos: count('info'), byRule: {}, suppressed: 0 },
    findings,
  } as unknown as AuditResult;
}

const ZH = 'input/镁与睡眠.md';
const FINDINGS = [
  finding(ZH, 3, 1, 'lang/mixed-sentence', 'error', 'Sentence switches to English (eng): “may help you fall asleep faster, but the evidence is mixed”', true),
  finding(ZH, 12, 40, 'lang/foreign-block', 'error', '段落是英文的；文档的主要语言是中文（cmn），这一段需要翻译成中文后才能发布'),
  finding(ZH, 120, 7, 'cite/placeholder', 'warning', 'Placeholder “(source)”'),
  finding('input/sleep.txt', 8, 2, 'dose/above-upper-limit', 'warning', 'Advises 500 mg of magnesium a day, above the adult upper limit of 350 mg from supplements (data/nutrients.json)'),
];

/** The display column where each finding's message starts (after position and severity). */
function messageColumn(line: string): number {
  const m = /^( {2}\S+ +(error|warning|info) +)/.exec(line);
  return m ? stringWidth(m[1]!) : -1;
}

describe('the terminal report', () => {
  it.each([40, 60, 100])('fits %i columns, measured in display width, with every message under one column', (columns) => {
    const text = renderText(result(FINDINGS), { columns });
    const lines = text.split('\n');
    for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(columns);
    // The findings of the Chinese-named draft: their messages start at one column, continuations under it.
    const start = lines.indexOf(ZH);
    const block = lines.slice(start + 1, lines.indexOf('', start + 1));
    const firsts = block.filter((l) => messageColumn(l) > 0);
    expect(firsts).toHaveLength(3);
    const column = messageColumn(firsts[0]!);
    for (const l of firsts) expect(messageColumn(l)).toBe(column);
    for (const l of block.filter((x) => messageColumn(x) < 0)) expect(l.slice(0, column).trim()).toBe('');
    // The Chinese message is all there, wrapped or not.
    expect(block.join('').replace(/\s+/g, '')).toContain('段落是英文的；文档的主要语言是中文（cmn），这一段需要翻译成中文后才能发布'.replace(/\s+/g, ''));
  });

  it('wraps nothing when the width is unknown (a file or a CI log): one finding, one line', () => {
    const text = renderText(result(FINDINGS), {});
    const findingLines = text.split('\n').filter((l) => messageColumn(l) > 0);
    expect(findingLines).toHaveLength(FINDINGS.length);
    for (const f of FINDINGS) expect(findingLines.some((l) => l.includes(f.ruleId) && l.includes(f.message.slice(-20)))).toBe(true);
  });

  it('pads no message to the longest one: a short message is followed by its rule id after two spaces', () => {
    const text = renderText(result(FINDINGS), { columns: 200 });
    expect(text).toContain('Placeholder “(source)”  cite/placeholder\n');
    expect(text).toMatch(/: “may help you fall asleep faster, but the evidence is mixed”  lang\/mixed-sentence {2}\(fixed\)\n/);
    expect(text.split('\n').every((l) => !/ {3,}\S/.test(l.replace(/^ {2}\S+ +\S+ +/, '')))).toBe(true);
  });

  it.each([
    [SUMMARY_ABOVE, false],
    [SUMMARY_ABOVE + 1, true],
  ])('with %i findings, ends with a per-rule summary: %s', (n, summary) => {
    const many = Array.from({ length: n }, (_x, i) =>
      i % 3 === 0
        ? finding('input/a.txt', i + 1, 1, 'cite/uncited-claim', 'warning', 'Research claim without a citation')
        : finding('input/a.txt', i + 1, 1, 'lang/foreign-block', 'error', 'Paragraph in Chinese (cmn); the document is in English (eng)', i % 2 === 0),
    );
    const text = renderText(result(many), { columns: 80 });
    expect(text.includes('Findings by rule:')).toBe(summary);
    if (!summary) return;
    const errors = many.filter((f) => f.ruleId === 'lang/foreign-block');
    const fixed = errors.filter((f) => f.fixed).length;
    const warnings = n - errors.length;
    const lines = text.split('\n');
    const at = lines.indexOf('Findings by rule:');
    // Most findings first, ids aligned.
    expect(lines.slice(at + 1, at + 3)).toEqual([
      `  lang/foreign-block  ${String(errors.length).padStart(5)}  ${errors.length} errors; ${fixed} fixed`,
      `  cite/uncited-claim  ${String(warnings).padStart(5)}  ${warnings} warnings`,
    ]);
  });

  it('says where the reports and the cleaned articles went, when the run wrote them', () => {
    const written = { reports: ['reports/audit.json', 'reports/audit.html', 'reports/audit.sarif'], articles: 3 };
    const text = renderText(result(FINDINGS), { columns: 100, written, outputDir: 'output/' });
    expect(text.endsWith('\nReports: reports/audit.json, reports/audit.html, reports/audit.sarif\nCleaned articles: 3 in output/\n')).toBe(true);
    // On a narrow terminal, one report a line.
    const narrow = renderText(result(FINDINGS), { columns: 40, written, outputDir: 'output/' });
    expect(narrow).toContain('\nReports:\n  reports/audit.json\n  reports/audit.html\n  reports/audit.sarif\n');
    expect(renderText(result(FINDINGS), { columns: 100 })).not.toContain('Reports:');
  });

  it('escapes control and bidi characters of a message, and keeps them out of the width', () => {
    const evil = finding('input/a.txt', 1, 1, 'artifact/html-tag', 'warning', 'Tag \u001b[2J\u202eevil\u202c in the text');
    const text = renderText(result([evil]), { columns: 60 });
    expect(text).not.toMatch(/[\u001b\u202e\u202c]/);
    expect(text).toContain('\\u{1b}[2J\\u{202e}evil\\u{202c}');
  });

  it('comes in pieces, one for each file and one for the summary, that join to the whole output', () => {
    const options = { columns: 80, written: { reports: ['reports/audit.json'], articles: 1 } };
    const chunks = [...textChunks(result(FINDINGS), options)];
    expect(chunks).toHaveLength(3);
    expect(chunks[0]!.startsWith(`\n${ZH}\n`)).toBe(true);
    expect(chunks[1]!.startsWith('\ninput/sleep.txt\n')).toBe(true);
    expect(chunks.every((c) => c.endsWith('\n'))).toBe(true);
    expect(chunks.join('')).toBe(renderText(result(FINDINGS), options));
  });
});
