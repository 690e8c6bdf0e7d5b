/**
 * In-draft suppression comments, as remark-lint's `lint disable` comments:
 *   <!-- draftaudit-disable rule-id other-id -->   …   <!-- draftaudit-enable rule-id -->
 *   <!-- draftaudit-disable-next-line rule-id -->
 * With no rule id, the comment applies to every rule.
 */
import type { Finding } from './types.js';
import { pointAt } from './position.js';

const DIRECTIVE = /<!--\s*draftaudit-(disable-next-line|disable|enable)\b([^]*?)-->/g;

interface Range {
  /** Rule ids, or null for every rule. */
  rules: Set<string> | null;
  from: number;
  /** Last line covered, inclusive. */
  to: number;
}

export function suppressionRanges(text: string, lineStarts: number[]): Range[] {
  const ranges: Range[] = [];
  const open = new Map<string, number>(); // rule id ('*' for all) → first line
  for (const m of text.matchAll(DIRECTIVE)) {
    const line = pointAt(lineStarts, m.index).line;
    const ids = m[2]!.split(/[\s,]+/).filter(Boolean);
    const kind = m[1]!;
    if (kind === 'disable-next-line') {
      const next = nextContentLine(text, lineStarts, line);
      ranges.push({ rules: ids.length ? new Set(ids) : null, from: next, to: next });
    } else if (kind === 'disable') {
      for (const id of ids.length ? ids : ['*']) if (!open.has(id)) open.set(id, line);
    } else {
      const closing = ids.length ? ids : [...open.keys()];
      for (const id of closing) {
        const from = open.get(id);
        if (from === undefined) continue;
        open.delete(id);
        ranges.push({ rules: id === '*' ? null : new Set([id]), from, to: line });
      }
    }
  }
  for (const [id, from] of open) ranges.push({ rules: id === '*' ? null : new Set([id]), from, to: Infinity });
  return ranges;
}

function nextContentLine(text: string, lineStarts: number[], line: number): number {
  for (let l = line + 1; l <= lineStarts.length; l++) {
    const start = lineStarts[l - 1]!;
    const end = l < lineStarts.length ? lineStarts[l]! : text.length;
    if (text.slice(start, end).trim() !== '') return l;
  }
  return line + 1;
}

export function isSuppressed(finding: Finding, ranges: Range[]): boolean {
  const line = finding.span.start.line;
  return ranges.some((r) => line >= r.from && line <= r.to && (r.rules === null || r.rules.has(finding.ruleId)));
}
