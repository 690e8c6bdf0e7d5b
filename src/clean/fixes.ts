/**
 * Text repairs proposed by rules (`data.expected`), applied to the text nodes of a tree by
 * the source offsets of the finding — never by searching the text. A repair is applied only
 * where the node's text is exactly the source text under it, so an offset cannot land on
 * the wrong characters.
 */
import type { Nodes, Root } from 'mdast';
import type { Finding } from '../types.js';

/** Rules whose `data.expected` is a safe, local replacement of the span. */
export const REPAIRING_RULES = new Set(['lang/mt-artifact', 'artifact/html-tag', 'artifact/cms-leftover', 'cite/malformed-url']);

export interface Repair {
  start: number;
  end: number;
  expected: string;
  finding: Finding;
}

export function repairsOf(findings: Finding[]): Repair[] {
  return findings
    // Only sure repairs are applied; a low-confidence one is reported, never applied.
    .filter((f) => REPAIRING_RULES.has(f.ruleId) && typeof f.data?.expected === 'string' && f.data.confidence !== 'low')
    .map((f) => ({ start: f.span.start.offset, end: f.span.end.offset, expected: f.data!.expected as string, finding: f }));
}

/**
 * Applies the repairs that fall inside `root`'s text nodes; returns the ones applied.
 * `source` is the text of the file the tree was parsed from.
 */
export function applyRepairs(root: Nodes | Root, source: string, repairs: Repair[]): Repair[] {
  const applied: Repair[] = [];
  if (repairs.length === 0) return applied;
  const visit = (node: Nodes, parentLink?: Extract<Nodes, { type: 'link' }>): void => {
    if (node.type === 'text' && node.position?.start.offset !== undefined) {
      const from = node.position.start.offset;
      const to = from + node.value.length;
      if (source.slice(from, to) !== node.value) return;
      const inside = repairs
        .filter((r) => r.start >= from && r.end <= to && r.end > r.start)
        .sort((a, b) => b.start - a.start);
      let value = node.value;
      let lastStart = Infinity;
      for (const r of inside) {
        if (r.end > lastStart) continue; // overlapping repairs: keep the later one only
        value = value.slice(0, r.start - from) + r.expected + value.slice(r.end - from);
        lastStart = r.start;
        applied.push(r);
      }
      if (value !== node.value) {
        if (parentLink && parentLink.url === node.value) parentLink.url = value;
        node.value = value;
      }
      return;
    }
    if ('children' in node) {
      for (const c of node.children as Nodes[]) visit(c, node.type === 'link' ? node : parentLink);
    }
  };
  visit(root as Nodes);
  return applied;
}

/**
 * Whether a node's plain text after repairs is white space only (a block that was emptied):
 * each text value is tested where it stands, without joining the block's text.
 */
export function isBlank(node: Nodes): boolean {
  if ('value' in node && typeof node.value === 'string') return !/\S/.test(node.value);
  if ('children' in node) return (node.children as Nodes[]).every(isBlank);
  return true;
}
