/** The reporters, by name: each turns an AuditResult into text and computes nothing. */
import type { AuditResult } from '../audit.js';
import type { Gate } from './gate.js';
import { renderJson } from './json.js';
import { renderHtml } from './html.js';
import { renderSarif } from './sarif.js';

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
  render(result: AuditResult, context: ReportContext): string;
}

export const reporters: Record<string, Reporter> = {
  json: { file: 'audit.json', render: renderJson },
  html: { file: 'audit.html', render: (result, context) => renderHtml(result, context) },
  sarif: { file: 'audit.sarif', render: (result, context) => renderSarif(result, { gate: context.gate }) },
};
