/**
 * reports/audit.sarif — SARIF 2.1.0 for code-scanning tools (GitHub code scanning, IDE viewers).
 *
 * One run; `tool.driver.rules` lists every rule of the registry with its description and help
 * text; one result per finding with its physical location. Columns are UTF-16 code units and
 * regions end exclusively, as in our spans. Nothing depends on the clock, so two runs on the
 * same drafts give the same file.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AuditResult } from '../audit.js';
import { excerptHash } from '../baseline.js';
import { rules } from '../rules/index.js';
import type { SuppressedFinding } from '../findings.js';
import type { Finding, Severity } from '../types.js';
import { stateOf, type Gate } from './gate.js';
import { jsonChunks, jsonText, lazyArray, WrittenArray } from './json-stream.js';
import { piecesText, type Piece } from '../write.js';
import { findingsDigest } from '../engine/findings-digest.js';
import { keptRuns } from './kept-runs.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

export type SarifLevel = 'error' | 'warning' | 'note';

export const SARIF_LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };

export interface SarifOptions {
  gate?: Gate;
}

interface SarifRule {
  id: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  defaultConfiguration: { level: SarifLevel };
  properties: { tags: string[] };
}

export function toSarif(result: AuditResult, options: SarifOptions = {}): Record<string, unknown> {
  return sarifLog(result, options, (make) => everyResult(result).map(make));
}

/** The findings, then those directives silenced. */
function everyResult(result: AuditResult): Finding[] {
  return result.suppressed?.length ? [...result.findings, ...result.suppressed] : result.findings;
}

/** SARIF text in pieces (see json-stream.ts): each result is made as it is written. */
export function* sarifChunks(result: AuditResult, options: SarifOptions = {}): Generator<Piece> {
  yield* jsonChunks(sarifLog(result, options, (make, rulesKey) => keptResults(result, options, make, rulesKey) ?? lazyArray(everyResult(result), make)), 3);
  yield '\n';
}

export function renderSarif(result: AuditResult, options: SarifOptions = {}): string {
  return piecesText(sarifChunks(result, options));
}

type MakeResult = (f: Finding) => Record<string, unknown>;

/**
 * The results written a group of drafts at a time and kept in the cache (see kept-runs.ts),
 * or undefined without the cache. A result's text depends beside its finding on the place of
 * its rule in the rule list (`rulesKey`) and on the gate's state of the finding.
 */
function keptResults(result: AuditResult, options: SarifOptions, make: MakeResult, rulesKey: string): WrittenArray | undefined {
  const baseline = options.gate?.baseline;
  const also = (f: Finding): string => `${baseline ? baseline.findings.has(f) : '-'} ${stateOf(f, options.gate)}`;
  const write = (f: Finding, indent: string): string => jsonText(make(f), indent);
  const findings = keptRuns(result, result.findings, write, { kind: 'sarif-results', digest: findingsDigest, also, salt: rulesKey });
  const suppressed = keptRuns(result, result.suppressed ?? [], write, { kind: 'sarif-results', digest: findingsDigest, also, salt: rulesKey });
  if (!findings || !suppressed) return undefined;
  return new WrittenArray(function* (indent) {
    yield* findings.runs(indent);
    yield* suppressed.runs(indent);
  });
}

/** The log, with its results array made by `results` from the maker of one result and the key of the rule list. */
function sarifLog(result: AuditResult, options: SarifOptions, results: (make: MakeResult, rulesKey: string) => unknown): Record<string, unknown> {
  const driverRules: SarifRule[] = rules.map((r) => ({
    id: r.id,
    shortDescription: { text: r.meta.description },
    fullDescription: { text: r.meta.docs },
    help: { text: `${r.meta.docs}\n\nExample: ${r.meta.example}`, markdown: `${r.meta.docs}\n\nExample:\n\n\`\`\`text\n${r.meta.example}\n\`\`\`` },
    defaultConfiguration: { level: SARIF_LEVEL[r.meta.defaultSeverity] },
    properties: { tags: [r.id.split('/')[0]!] },
  }));
  // A finding whose rule is not registered still needs a rule to point at.
  for (const id of [...new Set(everyResult(result).map((f) => f.ruleId))].sort()) {
    if (!driverRules.some((r) => r.id === id)) {
      driverRules.push({
        id,
        shortDescription: { text: id },
        fullDescription: { text: id },
        help: { text: id, markdown: id },
        defaultConfiguration: { level: 'warning' },
        properties: { tags: [id.split('/')[0]!] },
      });
    }
  }
  const ruleIndex = new Map(driverRules.map((r, i) => [r.id, i]));

  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: result.tool.name,
            version: result.tool.version,
            semanticVersion: result.tool.version,
            rules: driverRules,
          },
        },
        columnKind: 'utf16CodeUnits',
        // Silenced findings are results too, marked as suppressed in the source (SARIF §3.35),
        // so code-scanning tools show them as dismissed rather than lose them.
        results: results((f) => sarifResult(f, ruleIndex, options), JSON.stringify(driverRules.map((r) => r.id))),
      },
    ],
  };
}

function sarifResult(f: Finding, ruleIndex: Map<string, number>, options: SarifOptions): Record<string, unknown> {
  const out: Record<string, unknown> = {
    ruleId: f.ruleId,
    ruleIndex: ruleIndex.get(f.ruleId)!,
    level: SARIF_LEVEL[f.severity],
    message: { text: f.message },
    locations: [{ physicalLocation: physicalLocation(f) }],
    partialFingerprints: { 'draftaudit/excerpt/v1': `${f.ruleId}:${excerptHash(f.excerpt)}` },
  };
  const suppression = (f as Partial<SuppressedFinding>).suppression;
  if (suppression) {
    out.suppressions = [
      { kind: 'inSource', status: 'accepted', ...(suppression.justification ? { justification: suppression.justification } : {}), properties: { directive: suppression.directive, line: suppression.line } },
    ];
  }
  const baseline = options.gate?.baseline;
  if (baseline) out.baselineState = baseline.findings.has(f) ? 'unchanged' : 'new';
  // Property bag (SARIF 2.1.0 §3.8): whether the cleaned article still carries the problem,
  // and whether the finding counts toward the exit code.
  out.properties = { fixed: f.fixed === true, state: f.fixed ? 'fixed' : 'open', counted: !suppression && stateOf(f, options.gate) === 'counted' };
  return out;
}

function physicalLocation(f: Finding): Record<string, unknown> {
  // Load findings point at the file as a whole (1:1–1:1); give them a one-character region.
  const empty = f.span.end.line === f.span.start.line && f.span.end.column <= f.span.start.column;
  return {
    artifactLocation: artifactLocation(f.path),
    region: {
      startLine: f.span.start.line,
      startColumn: f.span.start.column,
      endLine: empty ? f.span.start.line : f.span.end.line,
      endColumn: empty ? f.span.start.column + 1 : f.span.end.column,
    },
  };
}

/** Paths are relative to the working directory (the repository root in CI); outside it, file URLs. */
function artifactLocation(file: string): Record<string, string> {
  if (path.isAbsolute(file)) return { uri: pathToFileURL(file).href };
  return { uri: file.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}
