/**
 * `--format junit` written in pieces: the same XML junit-report-builder makes of the whole
 * report, a draft's suite a piece, so a batch of 60,000 drafts never becomes one string.
 */
import junitDefault, { type Builder } from 'junit-report-builder';
import { describe, expect, it } from 'vitest';
import { junitChunks, renderJunit } from '../src/report/junit.js';
import type { Finding, Severity } from '../src/types.js';

const junit = junitDefault as unknown as Builder;

function finding(path: string, line: number, ruleId: string, severity: Severity, message: string, fixed = false): Finding {
  const at = { line, column: 3, offset: line * 40 };
  return { ruleId, severity, path, span: { start: at, end: { ...at, column: 9, offset: at.offset + 6 } }, message, excerpt: '', ...(fixed ? { fixed } : {}) };
}

/** A batch in our own words: errors open and fixed, a warning, a hostile message, a clean draft. */
const RESULT = {
  failOn: 'error' as const,
  documents: [{ path: 'drafts/zinc.md' }, { path: 'drafts/iron.txt' }, { path: 'drafts/clean.md' }],
  findings: [
    finding('drafts/iron.txt', 4, 'dose/above-upper-limit', 'error', '450 mg of iron a day is over the 45 mg upper limit'),
    finding('drafts/iron.txt', 9, 'cite/placeholder', 'error', 'Citation placeholder "[citation needed]"', true),
    finding('drafts/zinc.md', 2, 'artifact/unsafe-html', 'error', 'A <script> element & an "onload" handler ]]> in the draft'),
    finding('drafts/zinc.md', 5, 'lang/mixed-sentence', 'warning', 'Sentence switches to Chinese: 锌含片'),
  ],
};

/** What junit-report-builder gives for the whole report at once (the report as it was built before it was streamed). */
function wholeDocument(result: typeof RESULT): string {
  const builder = junit.newBuilder();
  const paths = [...new Set([...result.documents.map((d) => d.path), ...result.findings.map((f) => f.path)])].sort();
  for (const file of paths) {
    const suite = builder.testSuite().name(file);
    const findings = result.findings.filter((f) => f.path === file);
    if (findings.length === 0) suite.testCase().className(file).name('draftaudit').file(file);
    for (const f of findings) {
      const where = `${f.span.start.line}:${f.span.start.column}`;
      const test = suite.testCase().className(file).name(`${f.ruleId} at ${where}`).file(file);
      if (!f.fixed && f.severity === 'error') test.failure(`${file}:${where} ${f.message}`, f.severity);
      else test.standardOutput(`${f.severity} ${file}:${where} ${f.message}`);
    }
  }
  return builder.build();
}

describe('junit report in pieces', () => {
  it('is byte for byte the document junit-report-builder makes of the whole report', () => {
    const xml = renderJunit(RESULT);
    expect(xml).toBe(wholeDocument(RESULT));
    expect(xml).toContain('<testsuites tests="5" failures="2" errors="0" skipped="0">');
    expect(renderJunit({ ...RESULT, documents: [], findings: [] })).toBe(wholeDocument({ ...RESULT, documents: [], findings: [] }));
  });

  it('writes 60,000 drafts a suite at a time, the root counting them all', () => {
    const n = 60_000;
    const documents = Array.from({ length: n }, (_, i) => ({ path: `drafts/d${String(i).padStart(5, '0')}.md` }));
    const findings = documents.flatMap((d, i) => (i % 3 === 0 ? [] : [finding(d.path, 4, 'dose/above-upper-limit', i % 3 === 1 ? 'error' : 'warning', 'Over the upper limit')]));
    let pieces = 0;
    let largest = 0;
    let suites = 0;
    let head = '';
    for (const piece of junitChunks({ failOn: 'error', documents, findings })) {
      if (pieces++ === 0) head = piece;
      largest = Math.max(largest, piece.length);
      suites += piece.split('<testsuite ').length - 1;
    }
    expect(suites).toBe(n);
    expect(pieces).toBe(n + 2);
    expect(largest).toBeLessThan(1_000);
    expect(head).toContain(`<testsuites tests="${n}" failures="${n / 3}" errors="0" skipped="0">`);
  }, 120_000);
});
