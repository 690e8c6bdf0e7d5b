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
  applied.push(...cutsAcrossNodes(root as Nodes, source, repairs));
  const visit = (node: Nodes, parentLink?: Extract<Nodes, { type: 'link' }>): void => {
    if (node.type === 'text' && node.position?.start.offset !== undefined) {
      const from = node.position.start.offset;
      const to = from + node.value.length;
      if (source.slice(from, to) !== node.value) return;
      const within = repairs.filter((r) => r.start >= from && r.end <= to && r.end > r.start);
      // A repair inside a larger one (a stray `</a>` inside a call-to-action link removed
      // whole) gives way to it.
      const containerOf = (r: Repair): Repair | undefined => within.find((o) => o !== r && o.start <= r.start && o.end >= r.end && o.end - o.start > r.end - r.start);
      const inside = within.filter((r) => !containerOf(r)).sort((a, b) => b.start - a.start);
      let value = node.value;
      let lastStart = Infinity;
      for (const r of inside) {
        if (r.end > lastStart) continue; // overlapping repairs: keep the later one only
        value = value.slice(0, r.start - from) + r.expected + value.slice(r.end - from);
        lastStart = r.start;
        applied.push(r);
      }
      // A repair given way to is done when its container is.
      for (const r of within) {
        const container = containerOf(r);
        if (container && applied.includes(container)) applied.push(r);
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

/**
 * Removals (`expected: ''`) whose range runs over several inline nodes of one paragraph — a
 * raw `<a href="…">Buy now</a>` in a plain-text draft, whose URL the parse made a link of:
 * the text nodes at both ends are cut (each only where its text is the source's) and the
 * nodes between, wholly inside the range, are dropped. Returns the removals done.
 */
function cutsAcrossNodes(root: Nodes, source: string, repairs: Repair[]): Repair[] {
  const across = repairs.filter((r) => r.expected === '' && r.end > r.start);
  if (across.length === 0) return [];
  const done: Repair[] = [];
  const visit = (node: Nodes): void => {
    if (!('children' in node)) return;
    const kids = node.children as Nodes[];
    if (node.type === 'paragraph' || node.type === 'heading') {
      for (const r of across) {
        const first = kids.findIndex((k) => k.type === 'text' && inText(k, source) && start(k) < r.start && r.start < end(k) && r.end > end(k));
        if (first < 0) continue;
        let last = first + 1;
        while (last < kids.length && end(kids[last]!) <= r.end) last++;
        const tail = kids[last];
        if (!tail || tail.type !== 'text' || !inText(tail, source) || start(tail) > r.end) continue;
        const head = kids[first] as Extract<Nodes, { type: 'text' }>;
        head.value = head.value.slice(0, r.start - start(head));
        tail.value = tail.value.slice(r.end - start(tail));
        tail.position = { start: { ...tail.position!.start, offset: r.end }, end: tail.position!.end };
        kids.splice(first + 1, last - first - 1);
        done.push(r);
        // Repairs inside the range (a stray `</a>` of it) are done with it.
        for (const o of repairs) if (o !== r && o.start >= r.start && o.end <= r.end && !done.includes(o)) done.push(o);
      }
      return;
    }
    for (const k of kids) visit(k);
  };
  visit(root);
  return done;
}

const start = (n: Nodes): number => n.position?.start.offset ?? -1;
const end = (n: Nodes): number => n.position?.end.offset ?? -1;
function inText(n: Nodes, source: string): boolean {
  return n.type === 'text' && n.position?.start.offset !== undefined && source.slice(start(n), start(n) + n.value.length) === n.value;
}
