/**
 * Text repairs proposed by rules (`data.expected`), applied to the text of a tree by the
 * source offsets of the finding — never by searching the text. A repair is applied only
 * where the node's text is exactly the source text under it, so an offset cannot land on
 * the wrong characters, and only when the repair is sure (`data.confidence === 'high'`).
 *
 * Rules say how sure their repairs are in `data.confidence` and `data.reason`; a repair whose
 * rule does not say it is sure is not applied.
 */
import type { Nodes, Parents, Root } from 'mdast';
import type { Finding } from '../types.js';
import { firstAtOrAfter, lastAtOrBefore } from '../collections.js';

export type Confidence = 'high' | 'low';

export interface Sureness {
  confidence: Confidence;
  reason: string;
}

/** Rules whose `data.expected` is a local replacement of the span (the other rules' are not applied). */
export const REPAIRING_RULES = new Set(['lang/mt-artifact', 'artifact/html-tag', 'artifact/cms-leftover', 'cite/malformed-url', 'artifact/mojibake']);

/** How sure the repair a finding proposes is, in the rule's own word; low when it says nothing. */
export function surenessOf(f: Finding): Sureness | undefined {
  const data = f.data;
  if (!data || typeof data.expected !== 'string') return undefined;
  if (data.confidence === 'high' || data.confidence === 'low') {
    return { confidence: data.confidence, reason: typeof data.reason === 'string' ? data.reason : '' };
  }
  return { confidence: 'low', reason: 'the rule does not say its repair is sure' };
}

/** Parents whose children are blocks, where an HTML node is an HTML block. */
const FLOW_PARENTS = new Set(['root', 'blockquote', 'listItem']);

export interface Repair {
  start: number;
  end: number;
  expected: string;
  finding: Finding;
}

/**
 * The sure repairs among `findings`: those a rule marks `high` (any rule: it answers for its
 * repair being a replacement of the finding's span).
 */
export function repairsOf(findings: Finding[]): Repair[] {
  return findings
    .filter((f) => surenessOf(f)?.confidence === 'high')
    .map((f) => ({ start: f.span.start.offset, end: f.span.end.offset, expected: f.data!.expected as string, finding: f }));
}

/**
 * Applies the repairs that fall inside `root`'s text nodes, or that cover an inline HTML
 * node exactly (a stray tag in a Markdown draft); returns the ones applied.
 * `source` is the text of the file the tree was parsed from.
 */
export function applyRepairs(root: Nodes | Root, source: string, repairs: Repair[]): Repair[] {
  const applied: Repair[] = [];
  if (repairs.length === 0) return applied;
  // Removals that run over several inline nodes first; the rest node by node.
  const across = new Set(cutsAcrossNodes(root as Nodes, source, repairs));
  applied.push(...across);
  if (across.size > 0) repairs = repairs.filter((r) => !across.has(r));
  // Looked up by place rather than by a pass over every repair for every node: a draft of
  // thousands of stray tags has thousands of repairs.
  const exact = new Map<string, Repair>();
  for (const r of repairs) if (!exact.has(`${r.start}:${r.end}`)) exact.set(`${r.start}:${r.end}`, r);
  const byStart = [...repairs].sort((a, b) => a.start - b.start);
  const targets = repairs.filter((x) => x.finding.data?.target === true);
  const done = new Set<Repair>();
  const apply = (r: Repair): void => {
    applied.push(r);
    done.add(r);
  };
  const visit = (node: Nodes, parent: Parents | undefined, parentLink?: Extract<Nodes, { type: 'link' }>): void => {
    if (node.type === 'html' && parent && node.position?.start.offset !== undefined) {
      const from = node.position.start.offset;
      const to = from + node.value.length;
      if (source.slice(from, to) !== node.value) return;
      const r = exact.get(`${from}:${to}`);
      // An HTML block (a `<style>` block between paragraphs) can only go whole: text cannot
      // stand where a block does.
      if (!r || (FLOW_PARENTS.has(parent.type) && r.expected !== '')) return;
      const siblings = parent.children as Nodes[];
      siblings.splice(siblings.indexOf(node), 1, ...(r.expected === '' ? [] : [{ type: 'text' as const, value: r.expected }]));
      apply(r);
      return;
    }
    if (node.type === 'text' && node.position?.start.offset !== undefined) {
      const from = node.position.start.offset;
      const to = from + node.value.length;
      if (source.slice(from, to) !== node.value) return;
      const within: Repair[] = [];
      for (let i = firstAtOrAfter(byStart, (r) => r.start, from); i < byStart.length && byStart[i]!.start < to; i++) {
        const r = byStart[i]!;
        if (r.end <= to && r.end > r.start) within.push(r);
      }
      // A repair inside a larger one (a stray `</a>` inside a call-to-action link removed
      // whole) gives way to it: found in one sweep by start, the longest first, keeping the
      // repair that reaches furthest so far.
      const container = new Map<Repair, Repair>();
      let widest: Repair | undefined;
      for (const r of [...within].sort((a, b) => a.start - b.start || b.end - a.end)) {
        if (widest && widest.end >= r.end && widest.end - widest.start > r.end - r.start) container.set(r, widest);
        if (!widest || r.end > widest.end) widest = r;
      }
      const containerOf = (r: Repair): Repair | undefined => container.get(r);
      const inside = within.filter((r) => !containerOf(r)).sort((a, b) => b.start - a.start);
      // The text is rebuilt from its pieces once, not copied whole for each repair.
      const pieces: string[] = [];
      let cursor = node.value.length;
      let lastStart = Infinity;
      for (const r of inside) {
        if (r.end > lastStart) continue; // overlapping repairs: keep the later one only
        pieces.push(node.value.slice(r.end - from, cursor), r.expected);
        cursor = r.start - from;
        lastStart = r.start;
        apply(r);
      }
      pieces.push(node.value.slice(0, cursor));
      const value = pieces.reverse().join('');
      // A repair given way to is done when its container is.
      for (const r of within) {
        const container = containerOf(r);
        if (container && done.has(container)) apply(r);
      }
      if (value !== node.value) {
        if (parentLink && parentLink.url === node.value) parentLink.url = value;
        node.value = value;
      }
      return;
    }
    if (node.type === 'link' && node.position?.start.offset !== undefined && node.position.end.offset !== undefined) {
      // A repair of a link's target (cite/malformed-url with `data.target`): the finding sits on
      // the target as written in the source, which must read as the link's URL.
      const { start, end } = { start: node.position.start.offset, end: node.position.end.offset };
      const r = targets.find((x) => x.start >= start && x.end <= end && source.slice(x.start, x.end) === node.url);
      if (r) {
        node.url = r.expected;
        apply(r);
      }
    }
    if ('children' in node) {
      // A copy: an HTML node may be taken out of the list while it is walked.
      for (const c of [...(node.children as Nodes[])]) visit(c, node as Parents, node.type === 'link' ? node : parentLink);
    }
  };
  visit(root as Nodes, undefined);
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
  const across = repairs.filter((r) => r.expected === '' && r.end > r.start).sort((a, b) => a.start - b.start);
  if (across.length === 0) return [];
  const done: Repair[] = [];
  const isDone = new Set<Repair>();
  const byStart = [...repairs].sort((a, b) => a.start - b.start);
  const visit = (node: Nodes): void => {
    if (!('children' in node)) return;
    const kids = node.children as Nodes[];
    if (node.type === 'paragraph' || node.type === 'heading') {
      // Only the removals that start inside this block, and for each the one text node it
      // may start in (the children are in text order): no pass over all of them per removal.
      const from = node.position?.start.offset ?? -Infinity;
      const to = node.position?.end.offset ?? Infinity;
      const ordered = kids.every((k, i) => k.position?.start.offset !== undefined && (i === 0 || start(kids[i - 1]!) <= start(k)));
      for (let i = Number.isFinite(from) ? lastAtOrBefore(across, (r) => r.start, from) + 1 : 0; i < across.length && across[i]!.start < to; i++) {
        const r = across[i]!;
        const candidate = ordered ? lastAtOrBefore(kids, (k) => start(k), r.start - 1) : -1;
        const fits = (k: Nodes): boolean => k.type === 'text' && inText(k, source) && start(k) < r.start && r.start < end(k) && r.end > end(k);
        const first = ordered ? (candidate >= 0 && fits(kids[candidate]!) ? candidate : -1) : kids.findIndex(fits);
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
        isDone.add(r);
        // Repairs inside the range (a stray `</a>` of it) are done with it.
        for (let j = firstAtOrAfter(byStart, (o) => o.start, r.start); j < byStart.length && byStart[j]!.start <= r.end; j++) {
          const o = byStart[j]!;
          if (o !== r && o.end <= r.end && !isDone.has(o)) {
            done.push(o);
            isDone.add(o);
          }
        }
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
