/**
 * JUnit XML on standard output (`--format junit`), for CI systems that show test results:
 * one test suite per draft, one test case per finding, failing when the finding counts
 * toward the exit code; a draft with no finding is one passing case. The XML is built with
 * junit-report-builder, which escapes every value and drops the characters XML cannot hold.
 *
 * Written a suite at a time (`junitChunks`), as the JSON and SARIF reports are: the builder
 * makes one string of a whole document, which for a batch of tens of thousands of drafts
 * outgrows what one string may hold. Each draft's suite is built by a builder of its own and
 * taken out of that builder's document; the root element, whose counts are the sums of the
 * suites', is written here.
 */
import junitDefault, { type Builder } from 'junit-report-builder';
import type { AuditResult } from '../audit.js';
import { meetsFailOn } from '../audit.js';
import { stateOf, type Gate } from './gate.js';
import { groupBy } from '../collections.js';
import type { Finding } from '../types.js';

// The package is CommonJS: imported from ESM its default is the builder itself, which its
// declarations (written for a default-export interop) do not say.
const junit = junitDefault as unknown as Builder;

/** What the report reads: the drafts' paths, the findings and `failOn`. */
type Result = Pick<AuditResult, 'findings' | 'failOn'> & { documents: ReadonlyArray<{ path: string }> };

/** The report as one string (small batches and tests; the CLI writes `junitChunks`). */
export function renderJunit(result: Result, gate?: Gate): string {
  return [...junitChunks(result, gate)].join('');
}

/** The report in pieces: the XML declaration and root element, then one draft's suite a piece. */
export function* junitChunks(result: Result, gate?: Gate): Generator<string> {
  const byPath = groupBy(result.findings, (f) => f.path);
  const paths = [...new Set([...result.documents.map((d) => d.path), ...byPath.keys()])].sort();
  const counts = (f: Finding): boolean => stateOf(f, gate) === 'counted' && meetsFailOn(f.severity, result.failOn);
  if (paths.length === 0) {
    yield junit.newBuilder().build();
    return;
  }
  let tests = 0;
  let failures = 0;
  for (const file of paths) {
    const findings = byPath.get(file) ?? [];
    tests += Math.max(1, findings.length);
    for (const f of findings) if (counts(f)) failures++;
  }
  yield `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites tests="${tests}" failures="${failures}" errors="0" skipped="0">\n`;
  for (const file of paths) {
    const builder = junit.newBuilder();
    const suite = builder.testSuite().name(file);
    const findings = byPath.get(file) ?? [];
    if (findings.length === 0) suite.testCase().className(file).name('draftaudit').file(file);
    for (const f of findings) {
      const where = `${f.span.start.line}:${f.span.start.column}`;
      const test = suite.testCase().className(file).name(`${f.ruleId} at ${where}`).file(file);
      if (counts(f)) test.failure(`${file}:${where} ${f.message}`, f.severity);
      else test.standardOutput(`${f.severity} ${file}:${where} ${f.message}`);
    }
    // The suite's lines, between the builder's root element's opening and closing lines.
    const xml = builder.build();
    yield xml.slice(xml.indexOf('\n', xml.indexOf('<testsuites')) + 1, xml.lastIndexOf('\n') + 1);
  }
  yield '</testsuites>';
}
