/**
 * Whether a finding's severity reaches `failOn`. Kept apart from audit.ts (which re-exports
 * it) so the reporters' gate can be loaded without the whole pipeline: the Markdown worker
 * renders articles with report code that reads the gate, and loads nothing of the analysis.
 */
import type { FailOn, Severity } from './types.js';

const SEVERITY_RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

export function meetsFailOn(severity: Severity, failOn: FailOn): boolean {
  return failOn !== 'never' && SEVERITY_RANK[severity] >= SEVERITY_RANK[failOn];
}
