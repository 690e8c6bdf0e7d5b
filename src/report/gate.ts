/**
 * The gate: which findings decide the exit code. Every finding is reported; a finding in the
 * baseline (`--baseline`), on a draft not changed since a git ref (`--changed-since`), or
 * fixed in the cleaned article (`finding.fixed`, unless `--strict`) is shown but does not
 * count. The CLI builds the gate; reporters only read it. With no gate, fixed findings do not
 * count either: that is the default.
 */
import type { FailOn, Finding } from '../types.js';
import { meetsFailOn } from '../fail-on.js';

export interface Gate {
  /** The baseline in use and the findings it holds (by identity in `result.findings`). */
  baseline?: { file: string; findings: ReadonlySet<Finding> };
  /** The git ref drafts are compared with, and whether a draft path changed since it. */
  changed?: { ref: string; has(path: string): boolean };
  /** Fixed findings count too (`--strict`). */
  strict?: boolean;
}

/** Why a finding does not count, or `counted`. */
export type FindingState = 'counted' | 'baselined' | 'unchanged' | 'fixed';

export function stateOf(finding: Finding, gate: Gate | undefined): FindingState {
  if (gate?.baseline?.findings.has(finding)) return 'baselined';
  if (gate?.changed && !gate.changed.has(finding.path)) return 'unchanged';
  if (finding.fixed && !gate?.strict) return 'fixed';
  return 'counted';
}

/** The findings that decide the exit code. */
export function countedFindings(findings: readonly Finding[], gate: Gate | undefined): Finding[] {
  return findings.filter((f) => stateOf(f, gate) === 'counted');
}

/** True when a counted finding is at or above `failOn`. */
export function gateFails(findings: readonly Finding[], failOn: FailOn, gate: Gate | undefined): boolean {
  return countedFindings(findings, gate).some((f) => meetsFailOn(f.severity, failOn));
}

/** What the state means, for the text and HTML reports. */
export function stateLabel(state: FindingState, gate: Gate | undefined): string {
  if (state === 'baselined') return 'baselined';
  if (state === 'unchanged') return `unchanged since ${gate?.changed?.ref ?? 'the ref'}`;
  if (state === 'fixed') return 'fixed';
  return '';
}
