/** reports/audit.json — the contract other tools read (schemaVersion 1; see DESIGN.md). */
import type { AuditResult } from '../audit.js';
import type { Finding } from '../types.js';
import type { DoseRole, DoseTable } from '../dose/index.js';
import { jsonChunks, jsonText, lazyArray } from './json-stream.js';
import { piecesText, type Piece } from '../write.js';
import { findingsDigest } from '../engine/findings-digest.js';
import { keptRuns, textDigestOf } from './kept-runs.js';

/**
 * The `role` values audit.json has always written for a dose, kept so that its readers go on
 * working; the finer role the dose rules judge by is written beside it as `roleDetail`.
 */
const LEGACY_ROLE: Record<DoseRole, 'recommendation' | 'study' | 'limit' | 'amount'> = {
  advice: 'recommendation',
  report: 'study',
  regimen: 'study',
  limit: 'limit',
  harm: 'limit',
  content: 'amount',
  laboratory: 'amount',
  intake: 'amount',
  amount: 'amount',
};

function doseTableToJson(table: DoseTable): Record<string, unknown> {
  return { ...table, doses: table.doses.map((d) => ({ ...d, role: LEGACY_ROLE[d.role], roleDetail: d.role })) };
}

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
  out.fixed = f.fixed === true;
  return out;
}

/** The report as an object; its findings are made one at a time as they are written. */
export function toJsonReport(result: AuditResult): Record<string, unknown> {
  return {
    schemaVersion: result.schemaVersion,
    tool: result.tool,
    generatedAt: result.generatedAt,
    summary: result.summary,
    documents: result.documents,
    clusters: result.clusters,
    findings: keptRuns(result, result.findings, (f, indent) => jsonText(findingToJson(f), indent), { kind: 'json-findings', digest: findingsDigest }) ?? lazyArray(result.findings, findingToJson),
    changes: result.changes,
    // Extensions of schemaVersion 1: per-document tables for tools that want them.
    citations: keptRuns(result, result.citations, jsonText, { kind: 'json-citations', digest: textDigestOf(result) }) ?? result.citations,
    doses: keptRuns(result, result.doses, (t, indent) => jsonText(doseTableToJson(t), indent), { kind: 'json-doses', digest: textDigestOf(result) }) ?? lazyArray(result.doses, doseTableToJson),
    // Findings directives silenced, each with the directive, its line and its description.
    suppressed: lazyArray(result.suppressed ?? [], (f) => ({ ...findingToJson(f), suppression: f.suppression })),
  };
}

export function* jsonReportChunks(result: AuditResult): Generator<Piece> {
  yield* jsonChunks(toJsonReport(result));
  yield '\n';
}

export function renderJson(result: AuditResult): string {
  return piecesText(jsonReportChunks(result));
}
