/** reports/audit.json — the contract other tools read (schemaVersion 1; see DESIGN.md). */
import type { AuditResult } from '../audit.js';
import type { Finding } from '../types.js';

export function findingToJson(f: Finding): Record<string, unknown> {
  const out: Record<string, unknown> = {
    ruleId: f.ruleId,
    severity: f.severity,
    path: f.path,
    line: f.span.start.line,
    column: f.span.start.column,
    endLine: f.span.end.line,
    endColumn: f.span.end.column,
    message: f.message,
    excerpt: f.excerpt,
  };
  if (f.data) out.data = f.data;
  return out;
}

export function toJsonReport(result: AuditResult): Record<string, unknown> {
  return {
    schemaVersion: result.schemaVersion,
    tool: result.tool,
    generatedAt: result.generatedAt,
    summary: result.summary,
    documents: result.documents,
    clusters: result.clusters,
    findings: result.findings.map(findingToJson),
    changes: result.changes,
    // Extensions of schemaVersion 1: per-document tables for tools that want them.
    citations: result.citations,
    doses: result.doses,
  };
}

export function renderJson(result: AuditResult): string {
  return `${JSON.stringify(toJsonReport(result), null, 2)}\n`;
}
