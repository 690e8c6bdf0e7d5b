/**
 * The reporters, by name: each turns an AuditResult into text, in pieces that are written as
 * they come (a large batch's report is never one string), and computes nothing.
 */
import type { AuditResult } from '../audit.js';
import type { Gate } from './gate.js';
import { jsonReportChunks } from './json.js';
import { renderHtmlChunks } from './html.js';
import { sarifChunks } from './sarif.js';
import type { Piece } from '../write.js';

export interface ReportContext {
  /** Absolute folder the reports are written to. */
  reportsDir: string;
  cwd: string;
  /** Baseline and --changed-since state of the findings (not part of audit.json). */
  gate?: Gate;
}

export interface Reporter {
  /** File name inside the reports folder. */
  file: string;
  chunks(result: AuditResult, context: ReportContext): Iterable<Piece>;
}

export const reporters: Record<string, Reporter> = {
  json: { file: 'audit.json', chunks: jsonReportChunks },
  html: { file: 'audit.html', chunks: renderHtmlChunks },
  sarif: { file: 'audit.sarif', chunks: (result, context) => sarifChunks(result, { gate: context.gate }) },
};
