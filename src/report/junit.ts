/**
 * JUnit XML on standard output (`--format junit`), for CI systems that show test results:
 * one test suite per draft, one test case per finding, failing when the finding counts
 * toward the exit code; a draft with no finding is one passing case. The XML is built with
 * junit-report-builder, which escapes every value.
 */
import junitDefault, { type Builder } from 'junit-report-builder';
import type { AuditResult } from '../audit.js';
import { meetsFailOn } from '../audit.js';
import { stateOf, type Gate } from './gate.js';
import { groupBy } from '../collections.js';

// The package is CommonJS: imported from ESM its default is the builder itself, which its
// declarations (written for a default-export interop) do not say.
const junit = junitDefault as unknown as Builder;

export function renderJunit(result: Pick<AuditResult, 'documents' | 'findings' | 'failOn'>, gate?: Gate): string {
  const builder = junit.newBuilder();
  const byPath = groupBy(result.findings, (f) => f.path);
  const paths = [...new Set([...result.documents.map((d) => d.path), ...byPath.keys()])].sort();
  for (const file of paths) {
    const suite = builder.testSuite().name(file);
    const findings = byPath.get(file) ?? [];
    if (findings.length === 0) {
      suite.testCase().className(file).name('draftaudit').file(file);
      continue;
    }
    for (const f of findings) {
      const where = `${f.span.start.line}:${f.span.start.column}`;
      const test = suite.testCase().className(file).name(`${f.ruleId} at ${where}`).file(file);
      const counts = stateOf(f, gate) === 'counted' && meetsFailOn(f.severity, result.failOn);
      if (counts) test.failure(`${file}:${where} ${f.message}`, f.severity);
      else test.standardOutput(`${f.severity} ${file}:${where} ${f.message}`);
    }
  }
  return builder.build();
}
